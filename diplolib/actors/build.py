"""Rebuild the generated part of the actor registry: ``python -m diplolib.actors.build``.

One command, deterministic output, reviewable with ``git diff``:

1. the state rows and templated role phrases of ``data/*.csv`` (:mod:`~diplolib.actors.build_states`, CLDR
   and ISO names, ``data/sources/``);
2. ``data/generated/actors.csv``, ``aliases.csv``, ``roles.csv`` and ``role_phrases.csv`` (the folder name marks
   them as generated: never edit them by hand) from

   - the hand-curated files of ``data/curated/`` (``people.csv``, ``organisations.csv``, ``aliases.csv``,
     ``roles.csv``, each row with a ``source``: a URL or citation),
   - the heads of state and of government of every state from ``leaders-cia`` (:mod:`~diplolib.actors.leaders`),
   - the UN system's bodies, agencies and missions in three languages (``data/sources/un_system.csv``,
     :mod:`~diplolib.actors.un_system`),
   - the world role phrases of :mod:`~diplolib.actors.phrases`, and the language phrases ("in French",
     "اللغة الفرنسية": no actor) of :mod:`~diplolib.actors.languages`, the instruments and seas named after a
     city or state ("the Minsk agreements", "the South China Sea") of :mod:`~diplolib.actors.place_phrases`,
   - misspellings of state names that are not words ("Afganistan", "Tailand"): :mod:`~diplolib.actors.misspellings`.

Precedence, where two sources speak of one office on one date: the hand-edited ``data/roles.csv`` first, then
``data/curated/roles.csv``, then the CIA terms, which are cut around the dates the first two cover (the CIA Factbook
has a gap from December 2017 to November 2020 that the curated file fills). A piece of a cut CIA term shorter than 90
days is dropped: it is two sources disagreeing by weeks about one handover, not a tenure. A CIA holder is the same
person as a registry actor when one of the CIA names is a name alias of exactly one actor of the same country, or else
when exactly one person of that country has the CIA surname as a short name. A generated alias that another actor
already owns (or that two generated people share) is left out and counted. Problems of the leaders file are printed as
"file:line: field: message" and the rows left out (``--strict`` makes them an error).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

from ..normalize.matching import matching_form
from . import build_states, council_presidencies
from .article_variants import article_variants
from .languages import language_phrases
from .leaders import leader_tables, person_aliases, read_terms, slug
from .misspellings import misspelling_aliases
from .nicknames import nickname_aliases
from .phrases import world_role_phrases
from .currencies import currency_phrases
from .place_phrases import company_phrases, feature_phrases, instrument_phrases
from .possessives import person_possessives, possessive_aliases
from .registry import DATA_DIR, HAND_TABLES, TABLES, load_registry
from .title_surnames import title_surname_rows
from .transliterate import (CYRILLIC_STATES, arabic_for_unnamed, arabic_forms, arabic_variants, french_forms,
                            french_spelling)
from .un_system import un_system_rows

__all__ = ["GENERATED_DIR", "CURATED_DIR", "default_leaders_dir", "build", "main"]

GENERATED_DIR = DATA_DIR / "generated"
CURATED_DIR = DATA_DIR / "curated"
_COLUMNS = {t: [*req, *opt] for t, (req, opt) in TABLES.items()}


def default_leaders_dir() -> Path:
    """``data/raw/leaders-cia`` of the project when fetched, else the shared mirror ``../shared/data/leaders-cia``."""
    from ..paths import project_root, raw_dir

    fetched = raw_dir("leaders-cia")
    return fetched if (fetched / "terms.csv").is_file() else project_root().parent / "shared/data/leaders-cia"


def _read(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in r.items() if k} for r in csv.DictReader(fh)]


def _write(path: Path, table: str, rows: list[dict[str, str]], key: tuple[str, ...]) -> None:
    cols = _COLUMNS[table]
    rows = sorted(({c: r.get(c, "") for c in cols} for r in rows), key=lambda r: tuple(r[k] for k in key))
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _key(text: str) -> str:
    return " ".join(matching_form(text).replace("-", " ").split())


def _curated(curated_dir: Path) -> dict[str, list[dict[str, str]]]:
    """The curated files as registry rows (``source`` kept; armed groups as kind ``armed_group``)."""
    actors = []
    for r in _read(curated_dir / "people.csv") + _read(curated_dir / "organisations.csv"):
        actors.append(dict(r, kind=r.get("kind", "").replace("armed group", "armed_group")))
    aliases = [dict(r, kind="short_name" if r.get("kind") == "surname" else r.get("kind", ""))
               for r in _read(curated_dir / "aliases.csv")]  # a surname alone is a short name of the registry
    return {"actors": actors, "aliases": aliases, "roles": _read(curated_dir / "roles.csv")}


def _cut(start: str, end: str, covered: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The parts of [start, end) (ISO strings, "" = open end) outside the ``covered`` intervals."""
    pieces = [(start, end)]
    for cs, ce in covered:
        out = []
        for s, e in pieces:
            if (e and e <= cs) or (ce and ce <= s):
                out.append((s, e))
                continue
            if s < cs:
                out.append((s, cs))
            if ce and (not e or ce < e):
                out.append((ce, e))
        pieces = out
    return [(s, e) for s, e in pieces if not e or s < e]


def _map_people(people: dict, hand: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    """CIA person key → actor_id: an existing actor when a CIA name is a name alias of one actor of that country."""
    country = {r["actor_id"]: r.get("country", "") for r in hand["actors"]}
    owners: dict[str, set[str]] = defaultdict(set)
    for r in hand["aliases"]:
        if r["kind"] in ("name", "official_name", "nickname", "former_name"):
            owners[_key(r["alias"])].add(r["actor_id"])
    surnames: dict[str, set[str]] = defaultdict(set)
    for r in hand["aliases"]:
        if r["kind"] in ("short_name", "surname") and r["actor_id"].startswith("per:"):
            surnames[_key(r["alias"])].add(r["actor_id"])
    initials: dict[str, set[str]] = defaultdict(set)  # the first letters of each person's full names
    for r in hand["aliases"]:
        if r["kind"] in ("name", "nickname") and len(r["alias"].split()) > 1:
            initials[r["actor_id"]].add(_key(r["alias"])[:1])
    taken = set(country)
    out = {}
    for pkey, p in sorted(people.items()):
        names, surname = person_aliases(p["names"], p["surname_key"])
        found = {a for n in names for a in owners.get(_key(n), ())
                 if country.get(a) == p["country"] or not p["country"]}
        if not found and surname:  # "Binyamin Netanyahu": the one curated person of that country with that surname
            found = {a for a in surnames.get(_key(surname), ()) if country.get(a) == p["country"]
                     and initials.get(a, set()) & {_key(n)[:1] for n in names}}  # not Siim for Kaja Kallas
        if len(found) == 1:
            out[pkey] = next(iter(found))
            continue
        base = f"per:{slug(p['label'])}"
        actor = base if base not in taken else f"{base}_{(p['country'] or 'x').lower()}"
        n = 2
        while actor in taken:
            actor, n = f"{base}_{(p['country'] or 'x').lower()}_{n}", n + 1
        taken.add(actor)
        out[pkey] = actor
    return out


def _leader_rows(leaders: Path, hand: dict, problems: list[str]) -> tuple[dict[str, list[dict]], dict]:
    """Actors, aliases and roles from the CIA terms, cut around the hand and curated roles."""
    import pycountry

    rows, bad = read_terms(leaders)
    problems += bad
    iso3_of = {pycountry.countries.get(alpha_3=c).alpha_2: c
               for c in build_states.UN_MEMBERS + build_states.UN_OBSERVERS}
    roles, people, offices = leader_tables(rows, iso3_of)
    actor_of = _map_people(people, hand)
    covered: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for r in hand["roles"]:
        covered[(r["role"], r["of"])].append((r["start"], r["end"]))
    out_roles = []
    for r in roles:
        if r.get("artefact"):
            continue
        for s, e in _cut(r["start"], r["end"], covered.get((r["role"], r["of"]), [])):
            if (s, e) == (r["start"], r["end"]) or not e or _days(s, e) >= 90:  # shorter: dates disagree at an edge
                out_roles.append(dict(r, actor_id=actor_of[r["person_key"]], start=s, end=e))
    known = {r["actor_id"] for r in hand["actors"]}
    # a holder listed in the other office's line keeps the names of that listing (the term itself is dropped)
    used = {r["actor_id"] for r in out_roles} | {actor_of[r["person_key"]] for r in roles if r.get("artefact")}
    # a CIA holder whose every term a curated row replaces, and whom no actors file defines, keeps the CIA's names
    used |= {r["actor_id"] for r in hand["roles"]} - known
    # the surname alone only for a head of state or government: a deputy's bare surname ("Senior", Palau's
    # vice-president; "Marin") is rarely how the press names them, and often an ordinary word
    heads = {r["person_key"] for r in roles if r["role"] in ("head_of_state", "head_of_government")}
    actors, aliases = [], []
    for pkey, p in sorted(people.items()):
        actor = actor_of[pkey]
        if actor not in used:
            continue
        if actor not in known:
            actors.append({"actor_id": actor, "label": p["label"], "kind": "person", "country": p["country"],
                           "wikidata": p["wikidata"], "source": "leaders-cia",
                           "note": "CIA World Factbook terms " + " ".join(p["term_ids"])})
        names, surname = person_aliases(p["names"], p["surname_key"])
        surname = surname if pkey in heads else ""
        for lang in ("en", "fr"):
            aliases += [{"actor_id": actor, "alias": n, "lang": lang, "kind": "name", "case_sensitive": "false",
                         "source": "leaders-cia"} for n in names]
            if surname:
                aliases.append({"actor_id": actor, "alias": surname, "lang": lang, "kind": "short_name",
                                "case_sensitive": "true", "source": "leaders-cia", "note": "surname alone"})
        aliases += [{"actor_id": actor, "alias": f, "lang": "fr", "kind": "name", "case_sensitive": "false",
                     "source": "rule:transliterate", "note": "French spelling of a Cyrillic name"}
                    for n in names for f in french_forms(n, p["country"])]
        fr_surname = french_spelling(surname) if surname and p["country"] in CYRILLIC_STATES else surname
        if fr_surname != surname:  # "Loukachenko" alone, as French news writes him
            aliases.append({"actor_id": actor, "alias": fr_surname, "lang": "fr", "kind": "short_name",
                            "case_sensitive": "true", "source": "rule:transliterate", "note": "surname alone"})
        aliases += [{"actor_id": actor, "alias": f, "lang": "ar", "kind": "name", "case_sensitive": "false",
                     "source": "rule:transliterate", "note": f"generated from {n}"}
                    for n in names for f in arabic_forms(n)]
    return {"actors": actors, "aliases": aliases, "roles": out_roles}, offices


def _safe_aliases(aliases: list[dict], hand: dict, people_first_names: set[str]) -> tuple[list[dict], int]:
    """Drop generated aliases another actor owns, shared by two generated actors, or a surname that is a first name."""
    owner: dict[tuple[str, str], str] = {(_key(r["alias"]), r["lang"]): r["actor_id"] for r in hand["aliases"]}
    amb = {(_key(r["alias"]), r["lang"]) for r in hand["ambiguities"]} | {
        (_key(r["alias"]), lang) for r in hand["ambiguities"] if not r["lang"] for lang in ("en", "fr", "ar")}
    claims: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in aliases:
        claims[(_key(r["alias"]), r["lang"])].add(r["actor_id"])
    out, dropped = [], 0
    for r in aliases:
        k = (_key(r["alias"]), r["lang"])
        theirs = owner.get(k)
        if k in amb or len(claims[k]) > 1 or (theirs and theirs != r["actor_id"]) or (
                r["kind"] == "short_name" and (k[0] in people_first_names or len(k[0]) < 4)):
            dropped += 1
            continue
        if theirs != r["actor_id"]:
            out.append(r)
    return list({(r["actor_id"], r["alias"], r["lang"]): r for r in out}.values()), dropped


def build(*, leaders: str | Path | None = None, curated: str | Path | None = None,
          out: str | Path | None = None, states: bool = True) -> dict[str, object]:
    """Regenerate the registry's generated files; returns counts and the problems found.

    Parameters
    ----------
    leaders : str or Path, optional
        The leaders-cia folder (default :func:`default_leaders_dir`).
    curated : str or Path, optional
        The curated folder (default ``data/curated``).
    out : str or Path, optional
        Where to write the generated tables (default ``data/generated``).
    states : bool
        Also regenerate the state rows of ``data/*.csv`` (:func:`diplolib.actors.build_states.build`).

    Returns
    -------
    dict
        ``actors``, ``aliases``, ``roles``, ``role_phrases`` (rows written), ``aliases_dropped`` and
        ``problems`` (list of "file:line: field: message").
    """
    if states:
        build_states.build()
    out = Path(out) if out is not None else GENERATED_DIR
    out.mkdir(parents=True, exist_ok=True)
    hand = {t: _read(DATA_DIR / f"{t}.csv") for t in HAND_TABLES}
    cur = _curated(Path(curated) if curated is not None else CURATED_DIR)
    known = {r["actor_id"] for r in hand["actors"]}
    cur_actors = [r for r in cur["actors"] if r["actor_id"] not in known]
    un = un_system_rows(known | {r["actor_id"] for r in cur_actors})  # the UN system in three languages
    cur_actors += un["actors"]
    merged = {"actors": hand["actors"] + cur_actors, "aliases": hand["aliases"] + cur["aliases"],
              "roles": hand["roles"] + _unclashed_roles(cur["roles"], hand["roles"]),
              "ambiguities": hand["ambiguities"]}
    problems: list[str] = []
    gen, offices = _leader_rows(Path(leaders) if leaders is not None else default_leaders_dir(), merged, problems)
    first_names = {_key(n.split()[0]) for r in gen["actors"] + cur_actors if r["kind"] == "person"
                   for n in [r["label"]] if n}
    gen["aliases"] += _names_by_label(merged["actors"] + gen["actors"], problems) + un["aliases"]
    gen["aliases"] += arabic_for_unnamed(merged["actors"], merged["aliases"] + gen["aliases"])  # round 14
    gen["aliases"] += arabic_variants(merged["actors"] + gen["actors"], merged["aliases"] + gen["aliases"])  # round 15
    gen["aliases"] = _written_names_first(gen["aliases"], merged["aliases"])
    people = {r["actor_id"] for r in merged["actors"] + gen["actors"] if r["kind"] == "person"}
    gen["aliases"] += nickname_aliases(merged["aliases"] + gen["aliases"], people)  # "Bill Clinton"
    variants = article_variants(merged["aliases"] + gen["aliases"])  # "Deir el-Zor" = "Deir ez-Zor"
    amb = {r["alias"].casefold() for r in hand["ambiguities"]}
    variants += possessive_aliases(merged["aliases"] + gen["aliases"], amb)  # "Syrias government" (no apostrophe)
    variants += misspelling_aliases(merged["aliases"] + gen["aliases"] + variants, amb)  # "Afganistan", "Tailand"
    aliases, dropped = _safe_aliases(gen["aliases"] + variants, merged, first_names)
    actors = cur_actors + gen["actors"]
    roles = council_presidencies.with_eu_chairs(merged["roles"][len(hand["roles"]):] + gen["roles"], hand["roles"])
    all_aliases = cur["aliases"] + aliases
    phrases = world_role_phrases(offices, hand["role_phrases"], hand["aliases"] + cur["aliases"], roles=roles
                                 + hand["roles"])
    # every word of a role phrase is a title to the tagger, never a first name: no phrase opens with one
    firsts = first_names | {_key(r["label"].split()[0]) for r in hand["actors"] if r["kind"] == "person" and r["label"]}
    phrases += language_phrases(hand["aliases"], firsts)  # "in French", "اللغة الفرنسية": a language, not the state
    places = {r["actor_id"] for r in actors + hand["actors"] if r["kind"] == "place"}
    phrases += instrument_phrases(hand["aliases"] + cur["aliases"], places, firsts)  # "the Minsk agreements"
    phrases += feature_phrases(hand["aliases"], firsts)  # "the South China Sea", "بحر الصين الجنوبي"
    phrases += company_phrases(hand["aliases"], firsts)  # "Air France", "الخطوط الجوية القطرية"
    phrases += currency_phrases(hand["aliases"], firsts)  # "dollars des États-Unis", "دولارات الولايات المتحدة"
    # "الرئيس صالح": the head in office that day (by date where heads share the surname)
    ts_aliases, ts_ambiguities = title_surname_rows(hand["aliases"] + all_aliases, roles + hand["roles"],
                                                    phrases + hand["role_phrases"], people)
    pos_aliases, pos_ambiguities = person_possessives(hand["aliases"] + all_aliases, hand["ambiguities"])  # "Assads"
    all_aliases += ts_aliases + pos_aliases
    _write(out / "ambiguities.csv", "ambiguities", ts_ambiguities + pos_ambiguities, ("alias", "actor_id", "start"))
    _write(out / "actors.csv", "actors", actors, ("actor_id",))
    _write(out / "aliases.csv", "aliases", all_aliases, ("actor_id", "lang", "kind", "alias"))
    _write(out / "roles.csv", "roles", roles, ("of", "role", "start", "actor_id"))
    _write(out / "role_phrases.csv", "role_phrases", phrases, ("of", "role", "lang", "phrase"))
    return {"actors": len(actors), "aliases": len(all_aliases), "roles": len(roles),
            "role_phrases": len(phrases), "aliases_dropped": dropped, "problems": problems}


def _written_names_first(generated: list[dict], hand: list[dict]) -> list[dict]:
    """Generated transliterations only for people with no written Arabic (French) name: a name written by a
    person (hand, curated, ``person_names.csv``) is the spelling the press uses; the rules only fill a gap."""
    written = {(r["actor_id"], r["lang"]) for r in hand + generated
               if r.get("source") != "rule:transliterate" and r.get("kind") == "name" and r["lang"] in ("ar",)}
    return [r for r in generated if r.get("source") != "rule:transliterate" or (r["actor_id"], r["lang"]) not in written]


def _names_by_label(actors: list[dict], problems: list[str]) -> list[dict]:
    """Alias rows from ``data/sources/person_names.csv`` (``label, alias, lang, source, note``): names in other
    languages and spellings of people whose id the build generates, found by their label (stable across builds,
    unlike a generated id). A label that names no person, or two, is a problem."""
    path = DATA_DIR / "sources" / "person_names.csv"
    ids: dict[str, list[str]] = defaultdict(list)
    for r in actors:
        if r["kind"] == "person":
            ids[r["label"]].append(r["actor_id"])
    out = []
    for line, r in enumerate(_read(path) if path.exists() else [], start=2):
        found = ids.get(r["label"], [])
        if len(found) != 1:
            problems.append(f"{path.name}:{line}: label: {r['label']!r} names {len(found)} people; use a label of "
                            "data/generated/actors.csv")
            continue
        out.append({"actor_id": found[0], "alias": r["alias"], "lang": r["lang"], "kind": "name",
                    "case_sensitive": "false", "source": r["source"], "note": r.get("note", "")})
    return out


def _unclashed_roles(curated: list[dict], hand: list[dict]) -> list[dict]:
    """Curated roles cut around the hand-edited terms of the same office (pieces under 15 days dropped)."""
    covered: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for r in hand:
        covered[(r["role"], r["of"])].append((r["start"], r["end"]))
    out = []
    for r in curated:
        for s, e in _cut(r["start"], r["end"], covered.get((r["role"], r["of"]), [])):
            if (s, e) == (r["start"], r["end"]) or not e or _days(s, e) >= 15:
                out.append(dict(r, start=s, end=e))
    return out


def _days(start: str, end: str) -> int:
    import datetime as dt

    def day(x: str) -> dt.date:
        parts = [int(p) for p in x.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])
    return (day(end) - day(start)).days


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m diplolib.actors.build``."""
    parser = argparse.ArgumentParser(prog="python -m diplolib.actors.build", description=__doc__.splitlines()[0])
    parser.add_argument("--leaders", help="the leaders-cia folder (default: data/raw or ../shared/data)")
    parser.add_argument("--strict", action="store_true", help="fail on any problem of the leaders file")
    args = parser.parse_args(argv)
    result = build(leaders=args.leaders)
    for p in result["problems"]:
        print(p, file=sys.stderr)
    print(", ".join(f"{k}: {v}" for k, v in result.items() if k != "problems")
          + f"; {len(result['problems'])} problem(s) -> {GENERATED_DIR.relative_to(DATA_DIR.parent)}/")
    reg = load_registry()  # the result must validate
    gaps = write_gap_report(reg)
    print(f"role gaps 2000-2026 (G20, permanent members, MENA): {gaps} days without a holder -> "
          f"{GAP_REPORT.relative_to(DATA_DIR.parent)}")
    return 1 if args.strict and result["problems"] else 0


#: the generated report of the dates on which a state's office has no holder (``python -m diplolib.actors.build``)
GAP_REPORT = DATA_DIR / "reports" / "role_gaps.csv"


def write_gap_report(registry, path: Path = GAP_REPORT) -> dict[str, int]:
    """Write :func:`~diplolib.actors.coverage.role_gaps` for every state, 2000–2026, to ``path``.

    One row per gap of 30 days or more, with ``focus`` = the state is in the G20, a permanent member of the Security
    Council or in the Middle East and North Africa (the groups the curated tables promise to cover). Returns the days
    without a holder in the focus states, per role.
    """
    from .coverage import G20, MENA, PERMANENT_MEMBERS, role_gaps

    focus = set(G20) | set(PERMANENT_MEMBERS) | set(MENA)
    gaps = role_gaps(registry, min_days=30)
    gaps = gaps.assign(focus=gaps["of"].isin(focus), gap_start=gaps["gap_start"].dt.date, gap_end=gaps["gap_end"].dt.date)
    path.parent.mkdir(parents=True, exist_ok=True)
    gaps.to_csv(path, index=False)
    return gaps[gaps["focus"]].groupby("role")["days"].sum().to_dict()


if __name__ == "__main__":
    raise SystemExit(main())
