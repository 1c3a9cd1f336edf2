"""Arabic forms of state names and demonyms that the generated names lack (run by ``build_states``).

Two forms the UN's Arabic writes and CLDR, ISO 3166 and the demonym file do not give:

- **a state's name without its article.** Arabic names a state with the article (الغابون, البرازيل), but the UN
  drops it in lists of elected members ("غابون (2018)") and after the preposition li- ("التقرير الدوري السادس
  لغابون", "البعثة الدائمة لبرازيل"); the matcher already reads the li-/wa-/bi- prefix, so the bare word is enough.
  Only one-word names, and only when the bare word is rare as a word of its own (wordfreq Zipf below
  :data:`BARE_ZIPF_MAX`): above it the bare word is an ordinary word or a given name (هند Hind, يمن, عراق, مغرب
  "west", كويت, جزائر "islands", بحرين "two seas"), or names two states (كونغو). A bare word that is already a key
  of the state registry (إكوادور) is left to that row.
- **the demonym of another spelling of the name.** The demonym file gives one nisba (ليبيري, مالديفي, مجري); the
  UN spells some names otherwise (ليبريا, ملديف, هنغاريا) and derives its nisba from that spelling ("الليبريون",
  "رجال ملديفيين"). Each one-word Arabic spelling curated from the UN's texts (``state_aliases.csv``: ليبريا,
  ملديف, بنن, تايلند, موزامبيق, لكسمبرغ) gives its nisba by the regular rule
  (:func:`~diplolib.actors.state_demonyms.ar_nisba`) and its forms, when that nisba is new to the registry and rare
  as a word (the same Zipf bound). Not CLDR's spellings: the regular rule misses irregular nisbas (النمسا gives
  نمسي, a verb, for نمساوي; بيرو gives بيروي for بيروفي), and the curated file already has theirs.
- **the indefinite accusative of a demonym**, the nisba with alif (tanwin fatha is stripped with the other
  vowel marks): "12 إسرائيلياً", "13 فلسطينيا", "57 مشاركا صوماليا", "زورقا عسكريا إيرانيا": counted people or
  a noun of the state in the accusative. Not when the form is already another key (روسيا, ألمانيا, بريطانيا:
  the state's own name; برازيليا: the capital), and not for a nisba the common-word sweep blocks (قطري
  "national": قطريا is "at the country level").
"""

from __future__ import annotations

import csv
from pathlib import Path

__all__ = ["BARE_ZIPF_MAX", "bare_names", "spelling_demonyms", "accusative_demonyms", "arabic_forms"]

#: a bare name commoner than this (wordfreq Zipf, Arabic) is also a word: not generated (the table in the docstring)
BARE_ZIPF_MAX = 2.8

_GUARDS = Path(__file__).resolve().parent / "data" / "generated" / "guards.csv"


def _blocked() -> set[str]:
    """Arabic aliases the common-word sweep blocks (``guards.csv``, rule ``block``)."""
    if not _GUARDS.exists():
        return set()
    with _GUARDS.open(encoding="utf-8", newline="") as fh:
        return {r["alias"] for r in csv.DictReader(fh) if r["lang"] == "ar" and r["rule"] == "block"}


def bare_names(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Alias rows (kind ``name``, source ``article``) of each one-word Arabic state name without its article."""
    from wordfreq import zipf_frequency

    keys = {r["alias"] for r in rows if r["lang"] == "ar"}
    out: dict[str, dict[str, str]] = {}
    for r in rows:
        alias = r["alias"]
        if r["lang"] != "ar" or r["kind"] not in ("name", "official_name") or " " in alias:
            continue
        if not alias.startswith("ال") or len(alias) < 5:
            continue
        bare = alias[2:]
        if bare in keys or zipf_frequency(bare, "ar") >= BARE_ZIPF_MAX:
            continue
        out.setdefault(bare, {"actor_id": r["actor_id"], "alias": bare, "lang": "ar", "kind": "name",
                              "source": "article", "note": f"{alias} without its article (the UN's lists, li-)"})
    twice = {b for b in out if len({r["actor_id"] for r in rows if r["alias"] == "ال" + b}) > 1}
    return [row for bare, row in out.items() if bare not in twice]


def spelling_demonyms(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Demonym rows of the nisba of each curated one-word Arabic spelling that the registry lacks: ليبريا → الليبريون."""
    from wordfreq import zipf_frequency

    from .state_demonyms import ar_forms, ar_nisba

    keys = {r["alias"] for r in rows if r["lang"] == "ar"}
    out: dict[str, dict[str, str]] = {}
    for r in rows:
        name = r["alias"]
        if r["lang"] != "ar" or r["kind"] != "name" or r["source"] != "curated":
            continue
        nisba = ar_nisba(name)
        if not nisba or nisba in keys or zipf_frequency(nisba, "ar") >= BARE_ZIPF_MAX:
            continue
        forms = ar_forms(nisba)
        if zipf_frequency(forms[-1], "ar") >= zipf_frequency(forms[2], "ar") > 0:
            forms = forms[:-4] + forms[-3:-1]  # the feminine plural is another word's plural (demonym_rows)
        for form in forms:
            if form not in keys:
                out.setdefault(form, {"actor_id": r["actor_id"], "alias": form, "lang": "ar", "kind": "demonym",
                                      "source": "demonyms", "note": f"nisba of the spelling {name}"})
    return list(out.values())


def arabic_forms(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Every row this module generates from the state alias ``rows``: bare names, spelling demonyms and the
    accusatives of all demonyms (the new ones too)."""
    more = bare_names(rows) + spelling_demonyms(rows)
    return more + accusative_demonyms(rows + more)


def accusative_demonyms(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Alias rows (kind ``demonym``) of the indefinite accusative of each one-word Arabic nisba: إسرائيليا."""
    keys = {r["alias"] for r in rows if r["lang"] == "ar"}
    blocked = _blocked()
    out: dict[str, dict[str, str]] = {}
    for r in rows:
        nisba = r["alias"]
        if r["lang"] != "ar" or r["kind"] != "demonym" or " " in nisba or nisba.startswith("ال"):
            continue
        if not nisba.endswith("ي") or nisba in blocked or nisba + "ا" in keys:
            continue
        out.setdefault(nisba + "ا", {"actor_id": r["actor_id"], "alias": nisba + "ا", "lang": "ar",
                                     "kind": "demonym", "source": "demonyms", "note": f"accusative of {nisba}"})
    return list(out.values())
