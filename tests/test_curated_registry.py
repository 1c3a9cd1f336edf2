"""Validation of the hand-curated registry files under diplolib/actors/data/curated/.

The curated files (people, roles, aliases, organisations) fill what the generated
registry lacks: foreign and defence ministers, international organisations and
their leaders, armed groups, French and Arabic names, and heads of state and of
government in the CIA Factbook's gap (2017-12 to 2020-11). They are read together
with the older hand-made tables in diplolib/actors/data/, so every check here runs
on the union: ids resolve, dates parse and are ordered, no two people hold one
office of one state on one day unless a note says the office was disputed or
shared, no alias names two actors, and every row cites a source.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
import unicodedata
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "diplolib" / "actors" / "data"
CURATED = DATA / "curated"

HEADERS = {
    "people": ["actor_id", "label", "kind", "country", "wikidata", "source", "note"],
    "roles": ["actor_id", "role", "of", "start", "end", "source", "note"],
    "aliases": ["actor_id", "alias", "lang", "kind", "case_sensitive", "source", "note"],
    "organisations": ["actor_id", "label", "kind", "country", "wikidata", "source", "note"],
}
ROLES = {
    "crown_prince",
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "national_security_adviser",
    "deputy_national_security_adviser",
    "secretary_general",
    "deputy_secretary_general",
    "president",
    "high_representative",
    "chair",
    "director_general",
    "prosecutor",
    "high_commissioner",
    "spokesperson",
    "deputy_foreign_minister",
    "presidential_aide",
    "leader",
    "commission_president",
    "council_president",
    "presidential_spokesperson",
    "foreign_ministry_spokesperson",
    "security_council_secretary",
    "un_ambassador",
    "intelligence_director",
    "finance_minister",
    "vice_president",
    "first_vice_president",
    "chief_of_general_staff",
    "special_envoy",
    "legislature_speaker",
    "upper_house_speaker",
    "senate_majority_leader",
    "senate_minority_leader",
    "house_minority_leader",
}
ROLE_PATTERN = re.compile(r"^un_envoy_[a-z_]+$")
ALIAS_KINDS = {"name", "short_name", "surname", "official_name", "acronym", "nickname", "former_name"}
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
SHARED = ("disputed", "co-holder")


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV file, each row with its ``line`` number."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = [{**r, "line": str(i)} for i, r in enumerate(reader, start=2)]
        return list(reader.fieldnames or []), rows


def parse_date(text: str, *, end: bool = False) -> dt.date:
    """``YYYY[-MM[-DD]]`` as a date: the first day of the period, or the last one with ``end``."""
    if not DATE.match(text):
        raise ValueError(text)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1) if end else first
    return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)


def alias_key(alias: str) -> str:
    text = unicodedata.normalize("NFC", alias).replace("’", "'")
    return " ".join(text.split()).casefold()


def overlaps(roles: list[dict[str, str]]) -> list[str]:
    """Problems: two holders of one (role, of) on one day without a 'disputed'/'co-holder' note.

    Partial dates are read as the registry reads them (``YYYY-MM`` is the first day of the
    month), so a holder who left on 2013-03-16 overlaps a successor recorded from "2013-03".
    """
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date, dict[str, str]]]] = {}
    for r in roles:
        start = parse_date(r["start"])
        stop = parse_date(r["end"]) if r["end"] else dt.date.max
        spans.setdefault((r["role"], r["of"]), []).append((start, stop, r))
    problems = []
    for (role, of), items in spans.items():
        items.sort(key=lambda x: (x[0], x[1]))
        for (i, (_, end_a, a)), (_, (start_b, _, b)) in itertools.combinations(enumerate(items), 2):
            if start_b >= end_a:
                continue
            shared = any(w in (a.get("note", "") + b.get("note", "")).lower() for w in SHARED)
            if a["actor_id"] == b["actor_id"] or not shared:
                problems.append(
                    f"{b['file']}:{b['line']}: {b['actor_id']} holds {role} of {of} from {b['start']} "
                    f"while {a['actor_id']} ({a['file']}:{a['line']}) holds it until {a['end'] or 'now'}"
                )
    return problems


@pytest.fixture(scope="module")
def tables() -> dict[str, list[dict[str, str]]]:
    out = {}
    for name in HEADERS:
        header, rows = read(CURATED / f"{name}.csv")
        assert header == HEADERS[name], f"curated/{name}.csv: header {header} != {HEADERS[name]}"
        out[name] = [{**r, "file": f"curated/{name}.csv"} for r in rows]
    for name in ("actors", "roles", "aliases", "ambiguities"):
        _, rows = read(DATA / f"{name}.csv")
        out[f"old_{name}"] = [{**r, "file": f"{name}.csv", "source": r.get("source", "")} for r in rows]
    return out


@pytest.fixture(scope="module")
def known_ids(tables) -> set[str]:
    """Ids a curated row may name: the curated people and organisations, the hand-kept actors, and the bodies of the
    UN-system source table (``sources/un_system.csv``, built into the registry beside them)."""
    _, un_system = read(DATA / "sources" / "un_system.csv")
    return {r["actor_id"] for k in ("people", "organisations", "old_actors") for r in tables[k]} | {
        r["actor_id"] for r in un_system
    }


@pytest.fixture(scope="module")
def states(tables) -> set[str]:
    return {r["actor_id"] for r in tables["old_actors"] if r["kind"] == "state"}


def test_the_curated_files_are_not_empty(tables):
    for name in HEADERS:
        assert tables[name], f"curated/{name}.csv has no rows"


def test_every_row_cites_a_source(tables):
    missing = [f"{r['file']}:{r['line']}" for k in HEADERS for r in tables[k] if not r["source"].strip()]
    assert not missing, f"rows without a source: {missing[:20]}"


def test_ids_are_well_formed_unique_and_new(tables):
    old = {r["actor_id"] for r in tables["old_actors"]}
    seen: dict[str, str] = {}
    problems = []
    for kind, pattern, kinds in (
        ("people", r"^per:[a-z0-9_]+$", {"person"}),
        ("organisations", r"^(?:org|grp):[a-z0-9_]+$", {"organisation", "armed_group", "media"}),
    ):
        for r in tables[kind]:
            where = f"{r['file']}:{r['line']}"
            if not re.match(pattern, r["actor_id"]):
                problems.append(f"{where}: actor_id {r['actor_id']!r} malformed")
            if r["actor_id"] in old:
                problems.append(f"{where}: actor_id {r['actor_id']} already in actors.csv: add roles only")
            if r["actor_id"] in seen:
                problems.append(f"{where}: actor_id {r['actor_id']} repeats {seen[r['actor_id']]}")
            seen[r["actor_id"]] = where
            if r["kind"] not in kinds:
                problems.append(f"{where}: kind {r['kind']!r} not in {sorted(kinds)}")
            if not r["label"].strip():
                problems.append(f"{where}: empty label")
            if r["wikidata"] and not re.match(r"^Q[1-9]\d*$", r["wikidata"]):
                problems.append(f"{where}: wikidata {r['wikidata']!r} is not a Q-id")
    assert not problems, "\n".join(problems)


def test_countries_are_known_states(tables, states):
    bad = [
        f"{r['file']}:{r['line']}: country {r['country']!r}"
        for k in ("people", "organisations")
        for r in tables[k]
        if r["country"] and r["country"] not in states
    ]
    assert not bad, bad


def test_roles_point_to_known_actors_and_offices(tables, known_ids, states):
    problems = []
    for r in tables["roles"]:
        where = f"{r['file']}:{r['line']}"
        if r["actor_id"] not in known_ids:
            problems.append(f"{where}: actor_id {r['actor_id']} unknown")
        if r["of"] not in known_ids or not (r["of"] in states or r["of"].startswith(("org:", "grp:"))):
            problems.append(f"{where}: of {r['of']!r} is neither a state nor an organisation id")
        if r["role"] not in ROLES and not ROLE_PATTERN.match(r["role"]):
            problems.append(f"{where}: role {r['role']!r} unknown")
    assert not problems, "\n".join(problems)


def test_role_dates_parse_and_are_ordered(tables):
    problems = []
    for r in tables["roles"]:
        where = f"{r['file']}:{r['line']}"
        try:
            start = parse_date(r["start"])
            end = parse_date(r["end"], end=True) if r["end"] else None
        except ValueError as exc:
            problems.append(f"{where}: bad date {exc}")
            continue
        if end and end < start:
            problems.append(f"{where}: end {r['end']} before start {r['start']}")
        if start < dt.date(1940, 1, 1) or (end and end > dt.date(2027, 12, 31)):
            problems.append(f"{where}: date out of range")
    assert not problems, "\n".join(problems)


def test_no_two_holders_of_one_office_on_one_day(tables):
    problems = overlaps(tables["roles"] + tables["old_roles"])
    assert not problems, f"{len(problems)} overlaps:\n" + "\n".join(problems[:40])


def test_every_curated_person_holds_an_office(tables):
    holders = {r["actor_id"] for r in tables["roles"] + tables["old_roles"]}
    idle = [r["actor_id"] for r in tables["people"] if r["actor_id"] not in holders]
    assert not idle, idle


def test_aliases_are_valid_and_name_one_actor(tables, known_ids):
    problems = []
    ambiguous = {alias_key(r["alias"]) for r in tables["old_ambiguities"]}
    owners: dict[tuple[str, str], tuple[str, str]] = {}
    for r in tables["old_aliases"] + tables["aliases"]:
        where = f"{r['file']}:{r['line']}"
        if r["file"].startswith("curated"):
            if r["actor_id"] not in known_ids:
                problems.append(f"{where}: actor_id {r['actor_id']} unknown")
            if r["lang"] not in {"en", "fr", "ar", ""}:
                problems.append(f"{where}: lang {r['lang']!r}")
            if r["kind"] not in ALIAS_KINDS:
                problems.append(f"{where}: kind {r['kind']!r}")
            if r["case_sensitive"] not in {"true", "false"}:
                problems.append(f"{where}: case_sensitive {r['case_sensitive']!r}")
            if r["kind"] == "surname" and r["case_sensitive"] != "true":
                problems.append(f"{where}: a surname alias must be case-sensitive")
            if r["lang"] == "ar" and not re.search(r"[\u0600-\u06ff]", r["alias"]):
                problems.append(f"{where}: an Arabic alias without Arabic letters")
            if r["lang"] == "ar" and re.search(r"[A-Za-z\u0400-\u04ff]", r["alias"]):
                problems.append(f"{where}: an Arabic alias with Latin or Cyrillic letters")
            if r["lang"] in ("en", "fr") and re.search(r"[\u0600-\u06ff\u0400-\u04ff]", r["alias"]):
                problems.append(f"{where}: an {r['lang']} alias with Arabic or Cyrillic letters")
        key = (alias_key(r["alias"]), r["lang"])
        if key[0] in ambiguous:
            continue
        first = owners.setdefault(key, (r["actor_id"], where))
        if first[0] != r["actor_id"] and r["file"].startswith("curated"):
            problems.append(f"{where}: {r['alias']!r} ({r['lang']}) names {r['actor_id']} and {first}")
    assert not problems, "\n".join(problems)


def test_the_overlap_check_can_fail():
    rows = [
        {"actor_id": "per:a", "role": "head_of_state", "of": "XXX", "start": "2018-01-01", "end": "2019-06",
         "note": "", "file": "t", "line": "2"},
        {"actor_id": "per:b", "role": "head_of_state", "of": "XXX", "start": "2019-03-01", "end": "",
         "note": "", "file": "t", "line": "3"},
        {"actor_id": "per:c", "role": "head_of_state", "of": "YYY", "start": "2019-03", "end": "",
         "note": "disputed", "file": "t", "line": "4"},
        {"actor_id": "per:d", "role": "head_of_state", "of": "YYY", "start": "2019-01-23", "end": "2023-01-05",
         "note": "", "file": "t", "line": "5"},
        {"actor_id": "per:e", "role": "head_of_state", "of": "ZZZ", "start": "2019-01", "end": "2019-03",
         "note": "", "file": "t", "line": "6"},
        {"actor_id": "per:g", "role": "head_of_state", "of": "WWW", "start": "2019-01", "end": "2019-03-16",
         "note": "", "file": "t", "line": "8"},
        {"actor_id": "per:h", "role": "head_of_state", "of": "WWW", "start": "2019-03", "end": "",
         "note": "", "file": "t", "line": "9"},
        {"actor_id": "per:f", "role": "head_of_state", "of": "ZZZ", "start": "2019-03", "end": "",
         "note": "", "file": "t", "line": "7"},
    ]
    problems = overlaps(rows)
    assert len(problems) == 2, problems
    assert problems[0].startswith("t:3: per:b") and problems[1].startswith("t:9: per:h")
