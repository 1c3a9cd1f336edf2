"""Arabic title + bare surname of a head of state or government ("الرئيس صالح"), read by date.

Arabic news names a head by the title and the last word of the name: "الرئيس صالح", "رئيس الوزراء ديميريل". Where the
surname alone is an alias, the tagger already reads it (title, then name). Where it is not (an ordinary word or a
given name: صالح, هادي, سليمان; or a transliterated surname the registry keeps only inside the full name), the
build generates the title form (``python -m diplolib.actors.build``, round 14):

- **Who**: every person with a head-of-state or head-of-government term whose office the generated role phrases
  title "president" (الرئيس) or "prime minister" (رئيس الوزراء), for each Arabic name of two words or more.
- **Which word**: the last word of the name, unless it follows a particle (بن, آل, عبد, دي ...: "آل نهيان" is a family,
  "عبد الرحمن" one name), is shorter than three letters, is already a key in Arabic (an alias or a role phrase:
  the tagger reads it already), or is the first name of three registered people or more (أحمد, محمد, سعيد: a
  common given name, so "الرئيس سعيد X" is more often someone else).
- **By date**: a form that one person holds is an alias of that person (any date: "الرئيس هادي" after 2022 is
  still Hadi); a form several heads share ("الرئيس صالح": Ali Abdullah Saleh, Yemen 1990-2012; Barham Salih,
  Iraq 2018-2022; Abdelkader Bensalah, Algeria 2019) is listed in ``ambiguities.csv`` with each term's dates, so
  that the head in office that day is named and no one outside the terms.
- **The next word**: when the surname is the first word of someone's registered Arabic name ("صالح الصماد",
  "سليمان ديميريل"), the title with that whole name is an alias of that person too, so that the longer match
  wins: "الرئيس صالح الصماد" stays Saleh al-Sammad, "الرئيس سليمان ديميريل" Demirel.

A form that is already a key (curated: "الرئيس عباس", "الرئيس هادي") is left to it.
The rows are ``short_name`` aliases (``source="rule:title-surname"``): a form by which news names the person, not a
written full name (the transliteration step keeps to people without one).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .keys import key_form

__all__ = ["title_surname_rows", "AR_HEAD_TITLES"]

#: the office title class of the generated role phrases -> the Arabic title before a surname
AR_HEAD_TITLES = {"president": "الرئيس", "prime_minister": "رئيس الوزراء"}
_HEADS = frozenset({"head_of_state", "head_of_government"})
_PARTICLES = frozenset(key_form(w) for w in "بن ابن بنت آل ال عبد أبو ابو ولد ذو دي د دا دو فان فون لا ديل".split())
_COMMON_FIRST = 3  # a first name of this many registered people is a common given name
_RULE = "by date: Arabic title and surname of a head, the holder in office that day (round 14, title_surnames.py)"
_SOURCE = "rule:title-surname"


def _forms(aliases: list[dict], roles: list[dict], phrases: list[dict], people: set[str]
           ) -> tuple[dict[str, list[tuple[str, str, str]]], dict[str, set[str]], set[str]]:
    ar = [r for r in aliases if r["lang"] in ("ar", "")]
    keyed = {key_form(r["alias"]) for r in ar} | {key_form(r["phrase"]) for r in phrases if r["lang"] == "ar"}
    titles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in phrases:
        cls = r.get("note", "")[6:] if r.get("note", "").startswith("title ") else ""
        if cls in AR_HEAD_TITLES and r["role"] in _HEADS:
            titles[(r["of"], r["role"])].add(AR_HEAD_TITLES[cls])
    names: dict[str, list[str]] = defaultdict(list)
    for r in ar:
        if r["kind"] in ("name", "official_name") and len(r["alias"].split()) >= 2:
            names[r["actor_id"]].append(" ".join(r["alias"].split()))
    firsts = Counter(key_form(n.split()[0]) for a, ns in names.items() if a in people for n in set(ns))
    common = {f for f, c in firsts.items() if c >= _COMMON_FIRST}
    readings: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for r in roles:
        for title in sorted(titles.get((r["of"], r["role"]), ())):
            for name in dict.fromkeys(names.get(r["actor_id"], ())):
                words = name.split()
                x = key_form(words[-1])
                if len(x) < 3 or key_form(words[-2]) in _PARTICLES or x in keyed or x in common:
                    continue
                reading = (r["actor_id"], r.get("start", ""), r.get("end", ""))
                if reading not in readings[f"{title} {words[-1]}"]:
                    readings[f"{title} {words[-1]}"].append(reading)
    readings = {f: v for f, v in readings.items() if key_form(f) not in keyed}
    return readings, names, keyed


def title_surname_rows(aliases: list[dict], roles: list[dict], phrases: list[dict], people: set[str]
                       ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """``(alias rows, ambiguity rows)`` of the Arabic title + surname forms (see the module docstring).

    ``aliases``, ``roles``, ``phrases``: every registry row of those tables (hand, curated, generated);
    ``people``: the ids of kind person.
    """
    readings, names, keyed = _forms(aliases, roles, phrases, people)
    alias_rows, amb_rows = [], []
    for form, reads in sorted(readings.items()):
        actors = sorted({a for a, _, _ in reads})
        alias_rows += [{"actor_id": a, "alias": form, "lang": "ar", "kind": "short_name", "case_sensitive": "false",
                        "source": _SOURCE, "note": "title and surname"} for a in actors]
        if len(actors) > 1:
            amb_rows += [{"alias": form, "lang": "ar", "actor_id": a, "start": s, "end": e, "rule": _RULE}
                         for a, s, e in sorted(reads)]
    # the title before a whole registered name that begins with the surname: that person, the longer match
    surnames = defaultdict(set)
    for form in readings:
        title, _, x = form.rpartition(" ")
        surnames[key_form(x)].add(title)
    longer: dict[str, set[str]] = defaultdict(set)
    for actor, ns in names.items():
        if actor not in people:
            continue
        for n in ns:
            for title in surnames.get(key_form(n.split()[0]), ()):
                longer[f"{title} {n}"].add(actor)
    alias_rows += [{"actor_id": next(iter(a)), "alias": form, "lang": "ar", "kind": "short_name",
                    "case_sensitive": "false", "source": _SOURCE,
                    "note": "title before a name that begins with another head's surname"}
                   for form, a in sorted(longer.items()) if len(a) == 1 and key_form(form) not in keyed]
    return alias_rows, amb_rows
