"""Heads of state and of government of every state from the CIA World Factbook terms (``leaders-cia``).

:func:`read_terms` reads and validates ``terms.csv`` of ``../shared/data/leaders-cia`` (see its
PROVENANCE.md) and :func:`leader_tables` turns the valid rows into registry rows: one person actor per
holder, the ``head_of_state``/``head_of_government`` roles with dates, and name aliases. The rules, each
with its reason:

- **Rows used.** UN members and sovereign entities (not the crown dependencies filed under GB),
  ``listing == "primary"`` (the actual head; vice-presidents and governors-general are
  left out), states of :data:`~diplolib.actors.build_states.UN_MEMBERS` and the two observers, a start
  date, and no ``parse_flag`` (the 58 rows marked ``suspect`` hold parser debris as names), unless the row's
  Wikidata label holds its whole surname key: then the label is the name (Tanzania's John Magufuli).
- **One person, one term.** The CIA re-spells names ("Al-Maktum", "Al-Maktoum"); the parser then opens a
  new term with the *same* "since" date. Consecutive terms of one office with the same start date are
  therefore one term (names kept as variants).
- **End dates.** ``end_date`` (the successor's "since" date) when present; for a holder who vanished
  without a listed successor, the first snapshot without them (``first_absent``), noted as uncertain.
- **Overlaps.** When the next holder starts before the previous one's end, the two were either listed
  together for 60 days or more (real co-holders: Andorra's co-princes, Austria's acting presidents in 2016),
  kept both with note ``co-holder`` so that the tagger answers ``reason="ambiguous"``; or listed one
  after the other, and then the successor's "since" date is the better evidence: the previous term is
  cut there.
- **Names.** The CIA spelling (mostly ASCII before 2021), its variants, "first name + surname" (the
  surname is the CIA's CAPS tokens, ``surname_key``: "Vladimir Vladimirovich Putin" → "Vladimir Putin"),
  and the surname alone only where it is safe (see :func:`person_aliases`). Honorifics and parser debris
  at the ends ("Dr.", "Sheikh", ", Jr") are removed.

Problems (missing columns, unknown roles, bad dates, an end before a start, an empty name) are returned
as "file:line: field: message" strings; the row is left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

__all__ = ["TERM_COLUMNS", "DEPUTY_TITLES", "SUCCESSOR_STATES", "deputy_role", "read_terms", "leader_tables", "person_aliases", "slug"]

#: columns of ``terms.csv`` the build needs
TERM_COLUMNS = ("term_id", "country_iso2", "role", "listing", "title", "name", "name_variants", "surname_key",
                "start_date", "end_date", "end_source", "first_seen", "last_seen", "first_absent",
                "wikidata_qid", "wikidata_label_en", "parse_flag", "entity_type", "un_member")
_ROLES = frozenset({"head_of_state", "head_of_government"})
#: a state born of another since 1994, and the state it left: an office of each may be one person's career (Salva
#: Kiir, Sudan's first vice-president in 2005, South Sudan's president in 2011)
SUCCESSOR_STATES = {"SSD": "SDN", "MNE": "SRB", "TLS": "IDN"}
#: deputy offices read from the ``secondary`` listings, by the CIA title that opens the row: the vice-president of a
#: state with one ("Vice President", Kenya's and South Africa's "Deputy President", Venezuela's "Executive Vice
#: President") and the first vice-president (Iran, Cuba, Peru). Not "Vice Presidents", "Second Vice President" or
#: the deputy prime ministers: most states list several at once, so a phrase names no one holder (several holders
#: listed together are co-holders and resolve as ``reason="ambiguous"``, like Zimbabwe's two vice-presidents)
DEPUTY_TITLES = ((re.compile(r"^First Vice[- ]President\b"), "first_vice_president"),
                 (re.compile(r"^(?:Executive )?Vice[- ]President\b(?!s)|^Deputy President\b"), "vice_president"))


def deputy_role(title: str) -> str:
    """The deputy office a secondary listing's title names ("" for any other: governors-general, deputy PMs)."""
    return next((role for pat, role in DEPUTY_TITLES if pat.match(title.strip())), "")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_HONORIFIC = re.compile(
    r"^(?:(?:\w+-)?Designate|(?:Dr|Gen|Lt|Col|Maj|Capt|Brig|Adm|Gov|Mr|Mrs|Ms|Sr|Prof|Rev|Cnsp)\.?|Sheikh|Shaykh|Sir|Dame|"
    r"General|Marshal|Field|Colonel|Cardinal|Monseigneur|Episcopal|Presidents?|Government|Territorial|"
    r"Assembly|Prime|Minister|Acting|Interim|Transitional|Premier|Chancellor|Emir|Amir|Sultan|Crown|"
    r"Prince|Princess)\s+")
_SUFFIX = re.compile(r"\s*(?:,.*|\[.*|\(.*|\s+(?:Jr|Sr)\.?)$")
_ROMAN = re.compile(r"^[IVX]+$")


def slug(text: str) -> str:
    """ASCII lower-case words joined by ``_``: "Kasym-Zhomart Tokayev" → "kasym_zhomart_tokayev"."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")


def clean_name(name: str) -> str:
    """A CIA name without honorifics, titles and trailing notes; "" when it is debris (digits)."""
    name = " ".join(name.split())
    name = _SUFFIX.sub("", name).strip()
    while True:
        stripped = _HONORIFIC.sub("", name)
        if stripped == name:
            break
        name = stripped
    return "" if re.search(r"\d", name) else name


def _problem_rows(path: Path, rows: list[dict[str, str]], problems: list[str]) -> list[dict[str, str]]:
    good = []
    for r in rows:
        where, bad = f"{path}:{r['line']}", False
        if r["role"] not in _ROLES:
            problems.append(f"{where}: role: {r['role']!r} is not head_of_state or head_of_government")
            bad = True
        for c in ("start_date", "end_date", "first_seen", "last_seen", "first_absent"):
            if r[c] and not _DATE.match(r[c]):
                problems.append(f"{where}: {c}: {r[c]!r} is not a date YYYY-MM-DD (or YYYY-MM, YYYY)")
                bad = True
        if not bad and r["start_date"] and r["end_date"] and r["end_date"] < r["start_date"]:
            problems.append(f"{where}: end_date: {r['end_date']} is before start_date {r['start_date']}")
            bad = True
        if not r["name"].strip():
            problems.append(f"{where}: name: empty; every term needs the holder's name")
            bad = True
        if not bad:
            good.append(r)
    return good


def read_terms(path: str | Path) -> tuple[list[dict[str, str]], list[str]]:
    """The rows of a leaders ``terms.csv`` (each with its ``line``) and the problems found.

    Parameters
    ----------
    path : str or Path
        ``terms.csv`` of leaders-cia, or a folder holding it.

    Returns
    -------
    rows : list of dict
        Valid rows, every column of :data:`TERM_COLUMNS` plus ``line`` (the line in the file).
    problems : list of str
        "file:line: field: message" for every malformed row (left out of ``rows``).
    """
    path = Path(path)
    if path.is_dir():
        path = path / "terms.csv"
    if not path.is_file():
        raise FileNotFoundError(
            f"no leaders file at {path}: pass the leaders-cia folder (../shared/data/leaders-cia) or fetch it "
            "with `make data`")
    problems: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        missing = [c for c in TERM_COLUMNS if c not in header]
        if missing:
            return [], [f"{path}:1: {c}: required column missing" for c in missing]
        rows = []
        for raw in reader:
            row = {c: (raw.get(c) or "").strip() for c in TERM_COLUMNS}
            row["line"] = str(reader.line_num)
            if None in raw:
                problems.append(f"{path}:{reader.line_num}: row: more fields than columns")
                continue
            rows.append(row)
    return _problem_rows(path, rows, problems), problems


def _same_person(a: dict, b: dict) -> bool:
    """Two spellings of one holder: given names and surnames that differ by a letter or two.

    "Muhammad bin Rashid Al-Maktum" = "Muhammad bin Rashid Al-Maktoum"; "Kim Jong Il" ≠ "Kim Jong Un".
    """
    def parts(t: dict) -> tuple[str, str]:
        sur = slug(t["surname_key"]).replace("_", "")
        given = slug(t["names"][0]).replace("_", "").replace(sur, "", 1)
        return given, sur
    (ga, sa), (gb, sb) = parts(a), parts(b)
    return (SequenceMatcher(None, ga, gb).ratio() >= 0.8 and SequenceMatcher(None, sa, sb).ratio() >= 0.75)


def _merge_same_start(terms: list[dict[str, str]]) -> list[dict[str, str]]:
    """Consecutive terms of one office with one start date are one person re-spelled: merge them."""
    out: list[dict[str, str]] = []
    for t in terms:
        prev = out[-1] if out else None
        if prev is not None and prev["start_date"] == t["start_date"] and _same_person(prev, t):
            prev["names"] = list(dict.fromkeys(prev["names"] + t["names"]))
            prev["end"] = "" if not prev["end"] or not t["end"] else max(prev["end"], t["end"])
            prev["last_seen"] = max(prev["last_seen"], t["last_seen"])
            prev["wikidata_qid"] = prev["wikidata_qid"] or t["wikidata_qid"]
            continue
        out.append(t)
    return out


def _listed_together(a: dict, b: dict) -> bool:
    """Both holders listed side by side for 60 days or more (one week together is a handover lag)."""
    if not (b["first_seen"] and a["last_seen"]) or b["first_seen"] > a["last_seen"]:
        return False
    first, last = (dt.date.fromisoformat(x[:10]) for x in (b["first_seen"], a["last_seen"]))
    return (last - first).days >= 60


def _resolve_overlaps(terms: list[dict[str, str]]) -> list[dict[str, str]]:
    """Cut a term at its successor's start, unless both were listed in one snapshot (co-holders)."""
    for a, b in zip(terms, terms[1:], strict=False):
        if a["end"] and a["end"] <= b["start_date"]:
            continue
        if _listed_together(a, b):
            a["note"] = b["note"] = "co-holder: listed together in one CIA snapshot"
        else:
            a["end"] = b["start_date"]
    return terms


def _confirmed_by_wikidata(r: dict[str, str]) -> bool:
    """A row marked ``suspect`` (debris in the name: "John Magufuli, Dr") whose Wikidata label holds every word of
    its surname key names that person: the label is an independent reading of the same term ("John Magufuli";
    not "Salman of Saudi Arabia" for MUHAMMAD BIN SALMAN)."""
    label = r.get("wikidata_label_en", "").casefold().split()
    key = r.get("surname_key", "").casefold().split()
    return bool(label and key) and all(k in label for k in key)


def _terms_by_office(rows: list[dict[str, str]], iso3_of: dict[str, str]) -> dict[tuple[str, str], list[dict]]:
    offices: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        of = iso3_of.get(r["country_iso2"])
        # a vice-president is listed in the head of state's and the head of government's lines alike: one office
        role = (r["role"] if r["listing"] == "primary"
                else deputy_role(r["title"]) if r["listing"] == "secondary" else "")
        if (not of or (r["entity_type"] != "sovereign" and r["un_member"] != "1") or not role
                or (r["parse_flag"] and not _confirmed_by_wikidata(r))
                or not r["start_date"]):
            continue
        raw = [r["name"], *r["name_variants"].split("|")]
        if r["parse_flag"]:  # the debris is in the name; the Wikidata label that confirmed it is the clean name
            raw = [r["wikidata_label_en"]]
        # a snapshot that lists the heir beside the holder ("Kim Jong Un [heir apparent]") names another person
        heirs = {clean_name(x) for x in raw[1:] if re.search(r"\[\s*heir", x, re.IGNORECASE)}
        names = [n for n in (clean_name(x) for x in raw) if n and n not in heirs - {clean_name(raw[0])}]
        if not names:
            continue
        uncertain = not r["end_date"] and r["end_source"] != "current_at_last_snapshot"
        offices.setdefault((role, of), []).append(dict(
            r, role=role, names=names, of=of, end=r["end_date"] or (r["first_absent"] if uncertain else ""),
            note="end uncertain: between last seen and first absent" if uncertain else ""))
    for key, terms in offices.items():
        # the same deputy twice (both lines) side by side, so that the two rows merge into one term
        terms.sort(key=lambda t: (t["start_date"], "" if key[0] in _ROLES else slug(t["names"][0]), t["line"]))
        offices[key] = _resolve_overlaps(_merge_same_start(terms))
    return offices


def _surname_in(name: str, surname_key: str) -> str:
    """The surname as written in ``name`` (the CIA CAPS tokens), or ""."""
    key = slug(surname_key).split("_")
    words = name.split()
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            if slug(" ".join(words[i:j])).split("_") == key:
                return " ".join(words[i:j])
    return ""


def person_aliases(names: list[str], surname_key: str) -> tuple[list[str], str]:
    """Name aliases of one holder (full names, "first + surname") and the surname alone (or "")."""
    out: list[str] = []
    surname = ""
    for name in names:
        out.append(name)
        sur = _surname_in(name, surname_key)
        surname = surname or sur
        first = name.split()[0]
        if sur and not name.startswith(sur) and first != sur:
            out.append(f"{first} {sur}")
        nick = re.search(r'"([^"]+)"', name)  # Simon William "Bill" English: the name he goes by
        if nick and sur:
            out.append(f"{nick.group(1)} {sur}")
    out = [a for a in dict.fromkeys(out) if len(a.split()) > 1 or _ROMAN.match(a.split()[-1])]
    return out, surname


def leader_tables(rows: list[dict[str, str]], iso3_of: dict[str, str]) -> tuple[list[dict], list[dict], dict]:
    """Roles and people of the valid terms.

    Returns
    -------
    roles : list of dict
        ``person_key, role, of, start, end, note, source`` (``person_key`` groups the terms of one
        person: country and a spelling of the name; the build maps it to an ``actor_id``).
    people : list of dict
        One per ``person_key``: ``label`` (latest spelling), ``country`` (the one state whose office they
        held alone; empty for a monarch of several realms), ``wikidata``, ``names`` (the
        full-name aliases), ``surname``, ``term_ids``.
    offices : dict
        (role, of) → the CIA titles of its holders, latest first, joined by " | " ("President", "King | Regent").
    """
    roles, people, offices, key_of = [], {}, {}, {}
    for (role, of), terms in sorted(_terms_by_office(rows, iso3_of).items()):
        # every title the office has had, latest first: Sudan's head of government was "Prime Minister" in 2019-2022
        # before the latest "Sovereign Council Chair", and "le Premier ministre soudanais" of 2020 names Hamdok
        titles = (t["title"].strip() for t in reversed(terms))
        offices[(role, of)] = " | ".join(dict.fromkeys(t for t in titles if t))
        for t in terms:
            # a person is a name in one state; the same name in another state is the same person only with a
            # common start (a personal union: Charles III's 15 realms, the French president as co-prince of
            # Andorra) or a common Wikidata id: Albert II of Belgium (1993) and of Monaco (2005) are two people.
            # The id alone links nothing: the CIA file gives Li Keqiang's id to Li Qiang, Salman's to his son
            slugs = [slug(n) for n in t["names"]]
            keys = ([(of, s) for s in slugs] + [("start", t["start_date"], s) for s in slugs]
                    + [("qid", t["wikidata_qid"], s) for s in slugs if t["wikidata_qid"]])
            pkey = next((key_of[k] for k in keys if k in key_of), None)
            if pkey is None:  # a new person: the name's slug, with the state when another person has that name
                pkey = slugs[0] if len(t["names"][0].split()) > 1 else f"{of}|{slugs[0]}"
                pkey = pkey if pkey not in people else f"{of}|{slugs[0]}"
            key_of.update(dict.fromkeys(keys, pkey))
            p = people.setdefault(pkey, {"label": "", "countries": {}, "wikidata": "", "names": [],
                                         "surname_key": t["surname_key"], "term_ids": [], "last": ""})
            if t["start_date"] >= p["last"]:
                p["label"], p["last"] = t["names"][0], t["start_date"]
            p["names"] = list(dict.fromkeys(p["names"] + t["names"]))
            p["wikidata"] = p["wikidata"] or t["wikidata_qid"]
            p["term_ids"].append(t["term_id"])
            p["countries"].setdefault(of, set()).add("co-holder" in t["note"])
            roles.append({"person_key": pkey, "role": role, "of": of, "start": t["start_date"], "end": t["end"],
                          "note": t["note"], "source": f"leaders-cia {t['term_id']} (terms.csv:{t['line']})"})
    _merge_deputies_who_became_heads(roles, people)
    for p in people.values():
        own = sorted(c for c, shared in p["countries"].items() if False in shared)
        p["country"] = own[0] if len(own) == 1 else (next(iter(p["countries"])) if len(p["countries"]) == 1 else "")
        del p["countries"]
    return _mark_other_office_listings(roles), people, offices


def _merge_deputies_who_became_heads(roles: list[dict[str, str]], people: dict[str, dict]) -> None:
    """A deputy of the secondary listings whose name (a full name or "first + surname") is the name of exactly one
    head of state or government of the same state (or of its successor, :data:`SUCCESSOR_STATES`) who started
    later is that head: Botswana's vice-president Mokgweetsi Masisi (2014) became its president as Mokgweetse
    Masisi (2018); Sudan's first vice-president Salva Kiir (2005) became South Sudan's president Salva Kiir
    Mayardit (2011). Two actors would split the name, which the build then drops as ambiguous. A head who started
    first, or of another state, is not merged (a namesake or a relative: fathers and sons are both heads).
    ``roles`` and ``people`` are changed in place."""
    first: dict[str, str] = {}
    states: dict[str, set[str]] = {}
    for r in roles:
        first[r["person_key"]] = min(first.get(r["person_key"], r["start"]), r["start"])
        states.setdefault(r["person_key"], set()).update({r["of"], SUCCESSOR_STATES.get(r["of"], r["of"])})
    heads = {r["person_key"] for r in roles if r["role"] in _ROLES}
    owners: dict[str, set[str]] = {}
    for key in heads:
        for name in person_aliases(people[key]["names"], people[key]["surname_key"])[0]:
            owners.setdefault(slug(name), set()).add(key)
    into = {}
    for key, p in people.items():
        if key in heads:
            continue
        found = set().union(*(owners.get(slug(n), set())
                              for n in person_aliases(p["names"], p["surname_key"])[0]))
        found = {h for h in found if states[h] & states[key]}
        if len(found) == 1 and first[key] < first[next(iter(found))]:
            into[key] = next(iter(found))
    for key, head in into.items():
        p, h = people.pop(key), people[head]
        h["names"] = list(dict.fromkeys(h["names"] + p["names"]))
        h["term_ids"] += p["term_ids"]
        h["wikidata"] = h["wikidata"] or p["wikidata"]  # the country stays the head's: Kiir's is South Sudan
    for r in roles:
        r["person_key"] = into.get(r["person_key"], r["person_key"])


def _mark_other_office_listings(roles: list[dict[str, str]]) -> list[dict[str, str]]:
    """Mark (``artefact``; the build drops the term and keeps the names) a co-holder term whose holder held the
    state's other office alone over the same dates: the head of
    state listed in the head-of-government line ("President Filipe Nyusi; Prime Minister Carlos Agostinho do
    Rosario", Mozambique 2015-2017) is a parsing artefact, not a shared office."""
    mine: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in roles:
        mine.setdefault((r["person_key"], r["of"]), []).append(r)

    def overlap(a: dict[str, str], b: dict[str, str]) -> bool:
        return a["start"] < (b["end"] or "9999") and b["start"] < (a["end"] or "9999")

    for r in roles:
        if "co-holder" in r["note"] and any(o["role"] != r["role"] and "co-holder" not in o["note"] and overlap(r, o)
                                            for o in mine[(r["person_key"], r["of"])]):
            r["artefact"] = "listed in the other office's line"
    return roles
