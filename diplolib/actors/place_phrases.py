"""Phrases in which a state's or city's name names a text, a meeting or a geographic feature, not an actor (generated).

- :func:`instrument_phrases`: "the Minsk agreements", "the Geneva communiqué", "the Basel, Rotterdam and Stockholm
  conventions" (English heads in lower case; the tagger's in-name rule reads "Minsk Agreements", "les accords de
  Minsk" and "اتفاقات مينسك");
- :func:`feature_phrases`: seas, oceans, gulfs, straits, lakes and rivers named after a state ("the South China
  Sea", "la mer de Chine méridionale", "بحر الصين الجنوبي", "the Gulf of Mexico", "Lake Chad"): a place, not the state;
- :func:`company_phrases`: airlines named after a state ("Air France", "Qatar Airways", "Turkish Airlines",
  "الخطوط الجوية الفرنسية"): a company, not the state.

They are role-phrase rows (``role`` "instrument", "feature" or "company") that the tagger leaves unresolved
(``reason`` "in-name", "place" and "in-name"): being longer than the state's name, they hide it.
"""

from __future__ import annotations

from .keys import key_form

__all__ = ["INSTRUMENT_ROLE", "FEATURE_ROLE", "COMPANY_ROLE", "INSTRUMENT_HEADS", "instrument_phrases",
           "feature_phrases", "company_phrases"]

#: the ``role`` of a capital's instrument or meeting phrase ("the Minsk agreements") in ``role_phrases.csv``
INSTRUMENT_ROLE = "instrument"
#: English heads after a city that make it the name of a text, meeting or negotiation, in lower case (upper-case
#: heads are read by the tagger's in-name rule, which the vectorised pre-test only asks before a capital letter)
INSTRUMENT_HEADS = ("agreement", "agreements", "accord", "accords", "convention", "conventions", "talks", "process",
                    "format", "communiqué", "communique", "declaration", "summit", "conference", "discussions",
                    "negotiations", "protocol", "document", "consensus", "commitments", "review process")
#: the ``role`` of a sea, ocean, gulf or strait named after a state
FEATURE_ROLE = "feature"
#: geographic features named with a state's English name or demonym, and their French and Arabic frames
#: (round 14: lakes and rivers, "Lake Chad", "le lac Tchad", "بحيرة تشاد", "the Niger River", "le fleuve Sénégal";
#: a feature the registry already names as a place, "Jordan River", keeps its place)
_FEATURES_EN = ("{n} Sea", "Sea of {n}", "{d} Sea", "{d} Ocean", "Gulf of {n}", "{d} Gulf", "Strait of {n}",
                "{d} Peninsula", "Lake {n}", "{n} River", "River {n}")
_FEATURES_FR = ("mer de {n}", "mer du {n}", "océan {d}", "golfe de {n}", "golfe du {n}", "détroit de {n}",
                "péninsule {d}", "lac {n}", "fleuve {n}")
_FEATURES_AR = ("بحر {n}", "المحيط {d}", "خليج {n}", "مضيق {n}", "بحيرة {n}", "نهر {n}")
#: the ``role`` of a company named after a state ("Air France")
COMPANY_ROLE = "company"
#: airlines named with a state's name or demonym ({f}: the Arabic definite feminine demonym, الفرنسية); the same
#: brand names are written in French text
_COMPANIES = {"en": ("Air {n}", "{n} Airways", "{n} Airlines", "{d} Airways", "{d} Airlines"),
              "fr": ("Air {n}", "{n} Airways", "{n} Airlines", "{d} Airways", "{d} Airlines"),
              "ar": ("الخطوط الجوية {f}",)}


def instrument_phrases(aliases: list[dict[str, str]], place_ids: set[str] = frozenset(),
                       first_names: set[str] = frozenset()) -> list[dict[str, str]]:
    """Role-phrase rows (``role="instrument"``) "{city} {head}" for every English capital alias and place name and
    every head of :data:`INSTRUMENT_HEADS`: "the Minsk agreements", "the Basel, Rotterdam and Stockholm
    conventions", "the Geneva communiqué" name a text or a meeting, not the state (the French and Arabic forms,
    "les accords de Minsk", "اتفاقات مينسك", are read by the tagger's in-name rule). ``of`` is the capital's state
    (empty for a place); the tagger leaves them unresolved with ``reason="in-name"``. A city whose first word is
    a person's first name in ``first_names`` (keys: "abu" of "Abu Dhabi") is left out: every word of a role phrase
    counts as a title for the tagger, never a first name, and "Abu Musa" would then read as a surname alone."""
    rows: dict[str, dict[str, str]] = {}
    for r in aliases:
        if r["lang"] != "en" or not (r["kind"] == "capital" or (r["actor_id"] in place_ids and r["kind"] == "name")):
            continue
        if key_form(r["alias"]).split()[0] in first_names:
            continue
        of = r["actor_id"] if r["kind"] == "capital" else ""
        for head in INSTRUMENT_HEADS:
            phrase = f"{r['alias']} {head}"
            rows.setdefault(key_form(phrase), {
                "phrase": phrase, "lang": "en", "role": INSTRUMENT_ROLE, "of": of, "case_sensitive": "false",
                "source": "generated", "note": "a city naming a text or meeting, not an actor"})
    return sorted(rows.values(), key=lambda r: (r["of"], r["phrase"]))


def _row(phrase: str, lang: str, role: str, of: str, note: str) -> dict[str, str]:
    return {"phrase": phrase, "lang": lang, "role": role, "of": of, "case_sensitive": "false", "source": "generated",
            "note": note}


def feature_phrases(aliases: list[dict[str, str]], first_names: set[str] = frozenset()) -> list[dict[str, str]]:
    """Role-phrase rows (``role="feature"``) for seas, oceans, gulfs, straits and peninsulas named with a state's
    name or demonym in English, French and Arabic (every state: most phrases never occur, "the South China Sea",
    "the Indian Ocean", "the Gulf of Mexico", "la mer de Chine", "بحر الصين" do). ``of`` is the state."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    frames = {"en": _FEATURES_EN, "fr": _FEATURES_FR, "ar": _FEATURES_AR}
    named = {(r["lang"], key_form(r["alias"])) for r in aliases}  # "Jordan River" is place:jordan_river already
    for r in aliases:
        if not (len(r["actor_id"]) == 3 and r["actor_id"].isupper()) or r["kind"] not in ("name", "demonym"):
            continue
        alias = r["alias"].strip()
        if r["lang"] not in frames or (r["kind"] == "demonym" and (" " in alias or alias.endswith("s") or (
                r["lang"] == "ar" and not (alias.startswith("ال") and alias.endswith("ي"))))):
            continue  # one word, singular; Arabic: the definite masculine nisba (المحيط الهندي)
        slot = "{n}" if r["kind"] == "name" else "{d}"
        for frame in frames[r["lang"]]:
            if slot not in frame:
                continue
            phrase = frame.replace(slot, alias)
            if key_form(phrase).split()[0] in first_names or (r["lang"], key_form(phrase)) in named:
                continue
            rows.setdefault((r["lang"], key_form(phrase)), _row(phrase, r["lang"], FEATURE_ROLE, r["actor_id"],
                                                                "a sea or gulf named after the state, a place"))
    return sorted(rows.values(), key=lambda r: (r["of"], r["lang"], r["phrase"]))


def company_phrases(aliases: list[dict[str, str]], first_names: set[str] = frozenset()) -> list[dict[str, str]]:
    """Role-phrase rows (``role="company"``) for airlines named with a state's name or demonym in English, French
    and Arabic ("Air France", "Air India", "Qatar Airways", "Turkish Airlines", "الخطوط الجوية الفرنسية"):
    a company, not the state ("5 122 postes à Air France" named France). Every state gets every frame:
    most never occur. The brand names are English (and French: "Air Algérie") in French text too; the English
    demonym frames are read in French text as well. ``of`` is the state."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    demonyms_en = [r for r in aliases if r["lang"] == "en" and r["kind"] == "demonym"]
    fr_demonyms = [{**d, "lang": "fr"} for d in demonyms_en]
    for r in aliases + fr_demonyms:
        if not (len(r["actor_id"]) == 3 and r["actor_id"].isupper()) or r["kind"] not in ("name", "demonym"):
            continue
        alias, lang = r["alias"].strip(), r["lang"]
        if lang not in _COMPANIES:
            continue
        if r["kind"] == "name":
            slot = "{n}"
        elif lang == "ar":
            if not (alias.startswith("ال") and alias.endswith("ية") and " " not in alias):
                continue  # the definite feminine nisba: الخطوط الجوية القطرية
            slot = "{f}"
        elif " " in alias or alias.endswith("s") or (lang == "fr" and r not in fr_demonyms):
            continue  # one English word: "Turkish Airlines", in French text too
        else:
            slot = "{d}"
        for frame in _COMPANIES[lang]:
            if slot not in frame:
                continue
            phrase = frame.replace(slot, alias)
            if key_form(phrase).split()[0] in first_names:
                continue
            rows.setdefault((lang, key_form(phrase)), _row(phrase, lang, COMPANY_ROLE, r["actor_id"],
                                                          "an airline named after the state, a company"))
    return sorted(rows.values(), key=lambda r: (r["of"], r["lang"], r["phrase"]))
