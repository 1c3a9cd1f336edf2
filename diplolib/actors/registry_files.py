"""Reading and validating the registry's CSV files: the tables' columns, the checks of every field and
the checks across tables, each problem reported as "file:line: field: message" (:class:`RegistryError`).

The tables themselves are described in :mod:`diplolib.actors.registry`.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
import unicodedata
from pathlib import Path

__all__ = ["TABLES", "GENERATED_DIR", "DATA_DIR", "HAND_TABLES", "RegistryError", "parse_date", "alias_key",
           "collect_files", "read_table", "check_rows", "check_text_fields", "check_links", "BOOL_VALUES",
           "MAX_FIELD_CHARS"]

DATA_DIR = Path(__file__).resolve().parent / "data"
#: tables written by ``python -m diplolib.actors.build`` (never edited by hand), read after ``DATA_DIR``'s
GENERATED_DIR = DATA_DIR / "generated"

#: table name -> (required columns, optional columns)
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "actors": (("actor_id", "label", "kind"), ("country", "wikidata", "part_of", "successor_of", "note", "source")),
    "aliases": (("actor_id", "alias", "lang", "kind"), ("case_sensitive", "source", "note")),
    "roles": (("actor_id", "role", "of", "start"), ("end", "note", "source")),
    "role_phrases": (("phrase", "lang", "role", "of"), ("case_sensitive", "source", "note")),
    "ambiguities": (("alias", "lang", "actor_id"), ("start", "end", "rule")),
    "guards": (("alias", "lang", "rule"), ("reason", "evidence", "source")),
}
_NONEMPTY = {
    "actors": ("actor_id", "label", "kind"),
    "aliases": ("actor_id", "alias", "lang", "kind"),
    "roles": ("actor_id", "role", "of", "start"),
    "role_phrases": ("phrase", "lang"),
    "ambiguities": ("alias",),
    "guards": ("alias", "lang", "rule"),
}
# file-name suffix order matters: "role_phrases.csv" must be tested before "roles.csv"
_SUFFIX_ORDER = ("role_phrases", "ambiguities", "aliases", "actors", "roles", "guards")
GUARD_RULES = frozenset({"block", "case", "month", "feminine", "maqsura"})
#: the tables with a hand-edited file in ``DATA_DIR`` (guards are only generated, in ``GENERATED_DIR``)
HAND_TABLES = ("actors", "aliases", "roles", "role_phrases", "ambiguities")

ACTOR_KINDS = frozenset({"person", "state", "organisation", "armed_group", "place", "media"})
ALIAS_KINDS = frozenset(
    {
        "name",
        "official_name",
        "short_name",
        "acronym",
        "demonym",
        "capital",
        "metonym",
        "former_name",
        "nickname",
    }
)
LANGS = frozenset({"en", "fr", "ar"})
_ID = re.compile(r"^(?:[A-Z]{3}|(?:per|org|grp|place):[a-z0-9_]+)$")
_ROLE = re.compile(r"^[a-z][a-z0-9_]*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
BOOL_VALUES = {"": False, "false": False, "0": False, "no": False, "true": True, "1": True, "yes": True}


class RegistryError(ValueError):
    """One or more problems in registry files; ``problems`` lists them as "file:line: field: message"."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s) in the actor registry:"
        super().__init__("\n  ".join([head, *self.problems]))


def parse_date(text: str) -> dt.date:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as a date (the first day of the period)."""
    if not _DATE.match(text):
        raise ValueError
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def alias_key(alias: str) -> str:
    """The comparison form of an alias: NFC, case-folded, spaces collapsed, straight apostrophes."""
    text = unicodedata.normalize("NFC", alias).replace("’", "'")
    return " ".join(text.split()).casefold()



def _table_of(path: Path) -> str | None:
    stem = path.name.lower()
    return next((t for t in _SUFFIX_ORDER if stem.endswith(t + ".csv")), None)


def collect_files(paths: list[Path], problems: list[str]) -> list[tuple[str, Path]]:
    files: list[tuple[str, Path]] = []
    names = ", ".join(t + ".csv" for t in TABLES)
    for path in paths:
        if not path.exists():
            problems.append(f"{path}: path: no such file or folder")
        for f in sorted(path.glob("*.csv")) if path.is_dir() else [path] if path.is_file() else []:
            if not f.is_file():
                problems.append(f"{f}: file: a folder (or special file) named like a registry table; rename it")
                continue
            table = _table_of(f)
            if table is None:
                problems.append(f"{f}: file name: not a registry table; name it ending in {names}")
            else:
                files.append((table, f))
    return files


def read_table(table: str, path: Path, problems: list[str]) -> list[dict[str, str]]:
    """Rows of one file with an ``origin`` ("file:line"); problems of shape are appended."""
    required, optional = TABLES[table]
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip() for h in (reader.fieldnames or [])]
            missing = [c for c in required if c not in header]
            unknown = [c for c in header if c not in required + optional]
            for c in missing:
                problems.append(
                    f"{path}:1: {c}: required column missing (the header needs {', '.join(required)})"
                )
            for c in unknown:
                problems.append(f"{path}:1: {c}: unknown column (allowed: {', '.join(required + optional)})")
            if missing:
                return []
            rows = []
            for raw in reader:
                row = {c.strip(): (v or "").strip() for c, v in raw.items() if c is not None}
                row = {c: row.get(c, "") for c in required + optional}
                row["origin"] = f"{path}:{reader.line_num}"
                if None in raw:
                    problems.append(
                        f"{row['origin']}: row: more fields than columns (quote values holding commas)"
                    )
                rows.append(row)
            return rows
    except UnicodeDecodeError as exc:
        problems.append(f"{path}:?: encoding: not UTF-8 ({exc.reason}); save the file as UTF-8")
        return []
    except (csv.Error, OSError) as exc:  # a field over the csv module's size limit, an unreadable file
        problems.append(f"{path}:?: file: cannot be read as CSV ({type(exc).__name__}: {exc}); a registry value "
                        f"is a few words (at most {MAX_FIELD_CHARS} characters)")
        return []


def check_rows(table: str, rows: list[dict[str, str]], problems: list[str]) -> None:
    """Field-level checks that need no other table."""
    for r in rows:
        o = r["origin"]
        for c in _NONEMPTY[table]:
            if not r[c]:
                problems.append(f"{o}: {c}: empty; every row needs a {c}")
        if "lang" in r and r["lang"] and r["lang"] not in LANGS:
            problems.append(f"{o}: lang: {r['lang']!r} is not one of {sorted(LANGS)}")
        if "case_sensitive" in r and r["case_sensitive"].lower() not in BOOL_VALUES:
            problems.append(f"{o}: case_sensitive: {r['case_sensitive']!r} is not true/false")
        if table == "actors":
            if r["actor_id"] and not _ID.match(r["actor_id"]):
                problems.append(
                    f"{o}: actor_id: {r['actor_id']!r} is not an id like SYR, per:name, org:name, "
                    "grp:name or place:name (lower case, digits, _)"
                )
            if r["wikidata"] and not _QID.match(r["wikidata"]):
                problems.append(
                    f"{o}: wikidata: {r['wikidata']!r} is not a Q-id like Q858 (leave empty if unsure)"
                )
        allowed = {"actors": ACTOR_KINDS, "aliases": ALIAS_KINDS}.get(table)
        if allowed and r["kind"] and r["kind"] not in allowed:
            problems.append(f"{o}: kind: {r['kind']!r} is not one of {sorted(allowed)}")
        if table == "guards" and r["rule"] and r["rule"] not in GUARD_RULES:
            problems.append(f"{o}: rule: {r['rule']!r} is not one of {sorted(GUARD_RULES)}")
        if table in ("roles", "role_phrases") and r["role"] and not _ROLE.match(r["role"]):
            problems.append(f"{o}: role: {r['role']!r} is not a lower_case_name like foreign_minister")
        if table in ("roles", "ambiguities"):
            dates = {}
            for c in ("start", "end"):
                if r[c]:
                    try:
                        dates[c] = parse_date(r[c])
                    except ValueError:
                        problems.append(f"{o}: {c}: {r[c]!r} is not a date YYYY-MM-DD (or YYYY-MM, YYYY)")
            if len(dates) == 2 and dates["start"] > dates["end"]:
                problems.append(f"{o}: end: {r['end']} is before start {r['start']}")


#: The longest value a registry field may hold (an alias or a label is a few words).
MAX_FIELD_CHARS = 500


def check_text_fields(rows: list[dict[str, str]], problems: list[str]) -> None:
    """Values no registry field can hold: control characters (a NUL byte) and values longer than
    :data:`MAX_FIELD_CHARS` (a 200,000-character alias would make every tagging pass crawl)."""
    for r in rows:
        for c, v in r.items():
            if c == "origin" or not v:
                continue
            if len(v) > MAX_FIELD_CHARS:
                problems.append(f"{r['origin']}: {c}: {len(v):,} characters, more than {MAX_FIELD_CHARS}; "
                                "a registry value is a few words")
            elif not v.isprintable() and any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in v):
                problems.append(f"{r['origin']}: {c}: holds a control character (a NUL byte?); remove it")


def check_links(tables: dict[str, list[dict[str, str]]], problems: list[str]) -> None:
    """Checks across tables: duplicate and unknown ids, alias clashes, overlapping holders."""
    ids: dict[str, str] = {}
    for r in tables["actors"]:
        if r["actor_id"] in ids:
            problems.append(
                f"{r['origin']}: actor_id: {r['actor_id']!r} already defined at {ids[r['actor_id']]}; "
                "add aliases or roles to it in an aliases/roles file instead"
            )
        else:
            ids[r["actor_id"]] = r["origin"]
    refs = [
        tuple(pair.split("."))
        for pair in "aliases.actor_id roles.actor_id roles.of role_phrases.of "
        "ambiguities.actor_id actors.part_of actors.successor_of".split()
    ]
    for table, col in refs:
        for r in tables[table]:
            if r[col] and r[col] not in ids:
                problems.append(
                    f"{r['origin']}: {col}: unknown actor_id {r[col]!r}; define it in an actors file"
                )
    ambiguous = {(alias_key(r["alias"]), r["lang"]) for r in tables["ambiguities"]}
    place_of = {r["actor_id"]: r["country"] for r in tables["actors"] if r["kind"] == "place"}
    owners: dict[tuple[str, str], tuple[str, str, str]] = {}
    for r in tables["aliases"]:
        key = (alias_key(r["alias"]), r["lang"])
        if key in ambiguous or (key[0], "") in ambiguous:
            continue
        first = owners.setdefault(key, (r["actor_id"], r["origin"], r["kind"]))
        pair = {(first[0], first[2]), (r["actor_id"], r["kind"])}
        capital = next((a for a, k in pair if k == "capital"), None)
        if capital and any(place_of.get(a) == capital for a, _ in pair):
            continue  # a capital read as the city or as its government: the tagger's locative rule decides
        if first[0] != r["actor_id"]:
            problems.append(
                f"{r['origin']}: alias: {r['alias']!r} ({r['lang']}) names {r['actor_id']} but also "
                f"{first[0]} ({first[1]}); remove one or list it in ambiguities.csv with a rule"
            )
    phrases: dict[tuple[str, str], dict[str, str]] = {}
    for r in tables["role_phrases"]:
        first = phrases.setdefault((alias_key(r["phrase"]), r["lang"]), r)
        if (first["role"], first["of"]) != (r["role"], r["of"]):
            problems.append(
                f"{r['origin']}: phrase: {r['phrase']!r} ({r['lang']}) means {r['role'] or '-'} of "
                f"{r['of'] or '-'} but {first['origin']} says {first['role'] or '-'} of "
                f"{first['of'] or '-'}; keep one"
            )
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date, dict[str, str]]]] = {}
    for r in tables["roles"]:
        try:
            start = parse_date(r["start"])
            end = parse_date(r["end"]) if r["end"] else dt.date.max
        except ValueError:
            continue
        spans.setdefault((r["role"], r["of"]), []).append((start, end, r))
    for (role, of), items in spans.items():
        items.sort(key=lambda x: (x[0], x[1]))
        for (_, end_a, a), (start_b, _, b) in itertools.pairwise(items):
            if start_b < end_a and not _shared(a, b):
                problems.append(
                    f"{b['origin']}: start: {b['actor_id']} holds {role} of {of} from {b['start']} "
                    f"while {a['actor_id']} ({a['origin']}) holds it until {a['end'] or 'now'}; "
                    "fix the dates (end = the day the holder left office)"
                )


def _shared(a: dict[str, str], b: dict[str, str]) -> bool:
    """Two terms that overlap on purpose: a note of either says "co-holder" or "disputed"."""
    return any(w in (a["note"] + " " + b["note"]).lower() for w in ("co-holder", "disputed"))


