"""The actor registry: who the actors are, how they are named, which offices they held.

The registry is five plain CSV files (UTF-8, one row per line, sorted) shipped in
``diplolib/actors/data/``, validated on load, and extended by the user with files
of the same format.

``actors.csv`` — one row per actor
    ``actor_id`` (stable and readable: ISO 3166-1 alpha-3 for states, ``SYR``;
    ``org:un``, ``org:unsc``, ``grp:isis``, ``per:sergey_lavrov``, ``place:geneva``),
    ``label``, ``kind`` (person, state, organisation, armed_group, place), ``country``
    (ISO-3, where meaningful), ``wikidata`` (a Q-id only where sure), ``part_of``
    (the actor it belongs to: ``grp:saa`` → ``SYR``, ``org:unsc`` → ``org:un``),
    ``successor_of`` (the actor it renamed or replaced: ``grp:hts`` → ``grp:jfs`` →
    ``grp:nusra_front``), ``note``. Roll an analysis up by following these two columns.
``aliases.csv`` — one row per way of naming an actor
    ``actor_id``, ``alias``, ``lang`` (en, fr, ar), ``kind`` (name, official_name,
    short_name, acronym, demonym, capital, metonym — "the Kremlin", "le Quai
    d'Orsay" —, former_name, nickname), ``case_sensitive`` (true: match only in this
    exact case — "US", "WHO", "May", "Chad"), ``source`` (cldr, iso3166, demonyms:
    generated; curated: by hand), ``note``. Arabic aliases are stored without short
    vowels (harakat): the tagger should strip them from the text too. ``demonym``
    ("Russian", "le côté russe", "الجانب الروسي"), ``capital`` ("Moscow said") and
    ``metonym`` are kinds of their own so that an analysis can switch them off.
``roles.csv`` — one row per office held for a time
    ``actor_id``, ``role`` (head_of_state, head_of_government, foreign_minister,
    defence_minister, secretary_general, high_representative, un_envoy_syria,
    leader, …), ``of`` (the state or organisation), ``start``, ``end`` (ISO dates,
    ``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY`` when only that is sure, read as the first
    day; empty ``end`` = still in office), ``note``. ``end`` is the day the holder left
    office: on that day :meth:`Registry.holder` already returns the successor.
``role_phrases.csv`` — one row per phrase naming an office rather than a person
    ``phrase``, ``lang``, ``role``, ``of``, ``case_sensitive``, ``source``, ``note``:
    "le chef de la diplomatie russe" → (foreign_minister, RUS). The tagger turns a
    matched phrase into a person with ``holder(role, of, article_date)`` and keeps
    the phrase when the holder is unknown. An empty ``role`` ("his American
    counterpart", "son homologue américain") means *the same role as the other party
    of the sentence*: find the role the other person mentioned nearby held on that
    date, then ``holder(that_role, of, date)``. An empty ``of`` means *from context*.
``ambiguities.csv`` — aliases that may name several actors, and the rule
    ``alias``, ``lang`` (empty = every language), ``actor_id`` (one candidate per
    row; empty = a reading that is not an actor of the registry, e.g. the river
    Jordan), ``start``, ``end`` (when this reading is possible), ``rule``. Two actors
    may claim one alias in one language only if the alias is listed here.
    :meth:`Registry.candidates` applies the dates ("Assad" is Hafez before
    2000-06-10, Bashar after).

Extending: put files named like the built-in ones (``actors.csv``,
``my_aliases.csv``, ``roles.csv``, … — the name must *end* with the table name) in
a folder, and call ``load_registry("my_folder")`` or ``load_registry("a/my_roles.csv")``.
A user file may add actors, add aliases or roles to built-in actors, and list
ambiguities; it may not redefine an existing ``actor_id``. Every problem of every
file is collected and raised as one :class:`RegistryError` naming file, line and field.
State rows (``kind == "state"``) and templated role phrases are generated: to change
them, edit ``data/sources/`` and run ``python -m diplolib.actors.build_states``
(see :mod:`diplolib.actors.build_states`); edit every other row by hand.

Examples
--------
>>> reg = load_registry()
>>> reg.holder("foreign_minister", "USA", "2016-02-12")
'per:john_kerry'
>>> reg.candidates("Assad", "en", date="1990-01-01")
['per:hafez_al_assad']
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

__all__ = ["load_registry", "Registry", "RegistryError", "DATA_DIR", "TABLES"]

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
}
_NONEMPTY = {
    "actors": ("actor_id", "label", "kind"),
    "aliases": ("actor_id", "alias", "lang", "kind"),
    "roles": ("actor_id", "role", "of", "start"),
    "role_phrases": ("phrase", "lang"),
    "ambiguities": ("alias",),
}
# file-name suffix order matters: "role_phrases.csv" must be tested before "roles.csv"
_SUFFIX_ORDER = ("role_phrases", "ambiguities", "aliases", "actors", "roles")

ACTOR_KINDS = frozenset({"person", "state", "organisation", "armed_group", "place"})
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
_BOOL = {"": False, "false": False, "0": False, "no": False, "true": True, "1": True, "yes": True}


class RegistryError(ValueError):
    """One or more problems in registry files; ``problems`` lists them as "file:line: field: message"."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s) in the actor registry:"
        super().__init__("\n  ".join([head, *self.problems]))


def _parse_date(text: str) -> dt.date:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as a date (the first day of the period)."""
    if not _DATE.match(text):
        raise ValueError
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def alias_key(alias: str) -> str:
    """The comparison form of an alias: NFC, case-folded, spaces collapsed, straight apostrophes."""
    text = unicodedata.normalize("NFC", alias).replace("’", "'")
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Registry:
    """The loaded registry: five DataFrames and look-ups over them.

    Attributes
    ----------
    actors, aliases, roles, role_phrases, ambiguities : pandas.DataFrame
        The tables described in the module docstring, with every column present
        (missing optional columns filled with ""), ``case_sensitive`` as bool,
        ``start``/``end`` of roles as ``datetime64`` (``NaT`` = open end), and a
        ``origin`` column ("file:line") on every row.
    sources : tuple of str
        The files read, in order.
    """

    actors: pd.DataFrame
    aliases: pd.DataFrame
    roles: pd.DataFrame
    role_phrases: pd.DataFrame
    ambiguities: pd.DataFrame
    sources: tuple[str, ...] = field(default=())

    def holder(self, role: str, of: str, date: str | dt.date | pd.Timestamp | None) -> str | None:
        """The ``actor_id`` holding ``role`` of ``of`` on ``date``.

        Returns None when the date is missing or unparseable, when nobody in the
        registry held the role that day (vacancy, or not recorded), or when two
        holders overlap (only possible across user files of the same role).
        """
        when = _as_timestamp(date)
        if when is None:
            return None
        r = self.roles
        hit = r[
            (r["role"] == role)
            & (r["of"] == of)
            & (r["start"] <= when)
            & (r["end"].isna() | (when < r["end"]))
        ]
        return str(hit["actor_id"].iloc[0]) if len(hit) == 1 else None

    def roles_of(self, actor_id: str) -> pd.DataFrame:
        """The roles of one actor, sorted by start (columns as in :attr:`roles`)."""
        return self.roles[self.roles["actor_id"] == actor_id].sort_values("start").reset_index(drop=True)

    def candidates(self, alias: str, lang: str | None = None, *, date: object = None) -> list[str]:
        """Actor ids an alias may name, sorted; with ``date``, the ambiguity rules' dates apply.

        An alias listed in ``ambiguities`` yields the candidates listed there whose
        ``start``/``end`` contain ``date`` (all of them when ``date`` is None);
        otherwise the actors whose aliases include it (case-insensitively, in
        ``lang`` when given). Non-actor readings (empty ``actor_id``) are left out.
        """
        key = alias_key(alias)
        amb = self.ambiguities[self.ambiguities["key"] == key]
        if lang is not None:
            amb = amb[(amb["lang"] == "") | (amb["lang"] == lang)]
        if len(amb):
            when = _as_timestamp(date)
            if when is not None:
                amb = amb[
                    (amb["start"].isna() | (amb["start"] <= when)) & (amb["end"].isna() | (when < amb["end"]))
                ]
            return sorted({a for a in amb["actor_id"] if a})
        al = self.aliases[self.aliases["key"] == key]
        if lang is not None:
            al = al[al["lang"] == lang]
        return sorted(set(al["actor_id"]))

    def label(self, actor_id: str) -> str:
        """The label of an actor; KeyError naming the id when it is unknown."""
        hit = self.actors.loc[self.actors["actor_id"] == actor_id, "label"]
        if hit.empty:
            raise KeyError(f"unknown actor_id {actor_id!r}: see Registry.actors for the known ids")
        return str(hit.iloc[0])


def _as_timestamp(date: object) -> pd.Timestamp | None:
    if date is None or date is pd.NaT:
        return None
    try:
        ts = pd.Timestamp(date)
    except (ValueError, TypeError):
        return None
    if pd.isna(ts):
        return None
    return ts.tz_localize(None).normalize() if ts.tzinfo else ts.normalize()


def _table_of(path: Path) -> str | None:
    stem = path.name.lower()
    return next((t for t in _SUFFIX_ORDER if stem.endswith(t + ".csv")), None)


def _collect_files(paths: list[Path], problems: list[str]) -> list[tuple[str, Path]]:
    files: list[tuple[str, Path]] = []
    names = ", ".join(t + ".csv" for t in TABLES)
    for path in paths:
        if not path.exists():
            problems.append(f"{path}: path: no such file or folder")
        for f in sorted(path.glob("*.csv")) if path.is_dir() else [path] if path.is_file() else []:
            table = _table_of(f)
            if table is None:
                problems.append(f"{f}: file name: not a registry table; name it ending in {names}")
            else:
                files.append((table, f))
    return files


def _read(table: str, path: Path, problems: list[str]) -> list[dict[str, str]]:
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


def _check_rows(table: str, rows: list[dict[str, str]], problems: list[str]) -> None:
    """Field-level checks that need no other table."""
    for r in rows:
        o = r["origin"]
        for c in _NONEMPTY[table]:
            if not r[c]:
                problems.append(f"{o}: {c}: empty; every row needs a {c}")
        if "lang" in r and r["lang"] and r["lang"] not in LANGS:
            problems.append(f"{o}: lang: {r['lang']!r} is not one of {sorted(LANGS)}")
        if "case_sensitive" in r and r["case_sensitive"].lower() not in _BOOL:
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
        if table in ("roles", "role_phrases") and r["role"] and not _ROLE.match(r["role"]):
            problems.append(f"{o}: role: {r['role']!r} is not a lower_case_name like foreign_minister")
        if table in ("roles", "ambiguities"):
            dates = {}
            for c in ("start", "end"):
                if r[c]:
                    try:
                        dates[c] = _parse_date(r[c])
                    except ValueError:
                        problems.append(f"{o}: {c}: {r[c]!r} is not a date YYYY-MM-DD (or YYYY-MM, YYYY)")
            if len(dates) == 2 and dates["start"] > dates["end"]:
                problems.append(f"{o}: end: {r['end']} is before start {r['start']}")


def _check_links(tables: dict[str, list[dict[str, str]]], problems: list[str]) -> None:
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
            start = _parse_date(r["start"])
            end = _parse_date(r["end"]) if r["end"] else dt.date.max
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


def _frame(table: str, rows: list[dict[str, str]]) -> pd.DataFrame:
    required, optional = TABLES[table]
    df = pd.DataFrame(rows, columns=[*required, *optional, "origin"], dtype=object).fillna("")
    if "case_sensitive" in df:
        df["case_sensitive"] = df["case_sensitive"].str.lower().map(_BOOL).astype(bool)
    if table in ("roles", "ambiguities"):
        for c in ("start", "end"):
            df[c] = pd.to_datetime(df[c].map(lambda s: _parse_date(s) if s else None), errors="coerce")
    if table in ("aliases", "ambiguities"):
        df["key"] = df["alias"].map(alias_key)
    return df.reset_index(drop=True)


def load_registry(*extra_paths: str | Path, include_default: bool = True) -> Registry:
    """Load and validate the built-in registry and the user's files.

    Parameters
    ----------
    *extra_paths : str or Path
        Folders holding registry CSVs, or single CSV files; a file's table is
        given by the end of its name (``actors.csv``, ``aliases.csv``,
        ``roles.csv``, ``role_phrases.csv``, ``ambiguities.csv``, e.g.
        ``my_roles.csv``). Read after the built-in files, in the order given.
    include_default : bool
        Read the files shipped in ``diplolib/actors/data`` first (default True).

    Returns
    -------
    Registry
        ``actors`` (actor_id, label, kind, country, wikidata, part_of,
        successor_of, note), ``aliases`` (actor_id, alias, lang, kind,
        case_sensitive, source, note, key), ``roles`` (actor_id, role, of, start,
        end, note), ``role_phrases`` (phrase, lang, role, of, case_sensitive,
        note), ``ambiguities`` (alias, lang, actor_id, start, end, rule, key);
        every table also has ``origin`` ("file:line").

    Raises
    ------
    RegistryError
        Listing every problem found, each as "file:line: field: message".
    """
    problems: list[str] = []
    paths = ([DATA_DIR / f"{t}.csv" for t in TABLES] + [GENERATED_DIR] * GENERATED_DIR.is_dir() if include_default else []) + [
        Path(p) for p in extra_paths
    ]
    files = _collect_files(paths, problems)
    tables: dict[str, list[dict[str, str]]] = {t: [] for t in TABLES}
    for table, path in files:
        rows = _read(table, path, problems)
        _check_rows(table, rows, problems)
        tables[table] += rows
    _check_links(tables, problems)
    if problems:
        raise RegistryError(problems)
    return Registry(
        **{t: _frame(t, rows) for t, rows in tables.items()}, sources=tuple(str(p) for _, p in files)
    )
