"""Language phrases: "in French", "en français", "اللغة الفرنسية" name a language, not a state (generated).

A language's name is often its state's demonym ("French", "russe", "الفرنسية"), so the demonym alias would read
"available in English, French and Spanish" or "الموظفين الذين يجيدون اللغة الفرنسية" as France. The tagger reads
the longest match, so a phrase that holds the language name in a language frame hides the demonym:
:func:`language_phrases` makes those phrases for every language that is official somewhere (CLDR, through babel:
``babel.languages.get_official_languages`` over every ISO 3166 territory), with the language's CLDR name in
English, French and Arabic. They are role-phrase rows with ``role="language"`` and ``of`` the state whose demonym
the name is (empty when none is), resolved by :meth:`~diplolib.actors.rules.MatcherRules.resolve` to no actor with
``reason="language"``; a demonym coordinated with one ("in English, French and Spanish") is a language too
(:meth:`~diplolib.actors.rules.MatcherRules.coordinate`). Frames:

- English: "{L} language(s)", "{L}-speaking", "{L}-language", "{L} version", "{L} translation", and "in {L}"
  for a language that is no state's demonym ("in English", "in Arabic"; "in French" would hide "in French
  Guiana" and "in Russian hands", so French after "in" is a language only coordinated with one: "in English,
  French and Spanish");
- French: "en {l}", "langue {f}", "langues {f}s", "version {f}", "traduction {f}" ({f}: the feminine adjective of
  the state's demonyms, or the name itself when it has no state), and the noun with its article, lower case and
  case-sensitive, where the name is a demonym: "le français", "du français", "au français", "l'arabe", "de l'arabe";
  "le Français", "du Français" (a Frenchman) stay the state;
- Arabic: "اللغة {A}", "اللغات {A}", "ب{A}" ("بالفرنسية": "in French"), with ج also written ك (the UN's
  Arabic writes /g/ so: "الإنكليزية" for CLDR's "الإنجليزية").
"""

from __future__ import annotations

from collections import defaultdict

from .keys import key_form

__all__ = ["LANGUAGE_ROLE", "official_languages", "language_phrases"]

#: French articles before a language's noun, matched case-sensitively ("le français", "du français" is the
#: language; "le Français", "du Français" a Frenchman; round 17: "les potentialités économiques du français")
_FR_NOUN_ARTICLES = ("le ", "du ", "au ", "l'", "de l'", "à l'")
#: the ``role`` of a language phrase in ``role_phrases.csv``
LANGUAGE_ROLE = "language"


def official_languages() -> list[str]:
    """CLDR codes of the languages official in at least one ISO 3166 territory (base codes: "az", not "az_Cyrl")."""
    import pycountry
    from babel.languages import get_official_languages

    codes = {c.split("_")[0] for t in pycountry.countries for c in get_official_languages(t.alpha_2)}
    return sorted(codes)


def _names(codes: list[str]) -> dict[str, dict[str, str]]:
    from babel import Locale

    out: dict[str, dict[str, str]] = defaultdict(dict)
    for lang in ("en", "fr", "ar"):
        names = Locale(lang).languages
        for code in codes:
            if names.get(code):
                out[code][lang] = names[code]
    return out


def language_phrases(aliases: list[dict[str, str]], first_names: set[str] = frozenset()) -> list[dict[str, str]]:
    """Role-phrase rows (``role="language"``) for the official languages' names in three languages.

    Parameters
    ----------
    aliases : list of dict
        Registry alias rows: a state's ``demonym`` aliases say which language names are also that state's
        demonym (``of``), and give the French feminine form ("française" for "français").
    first_names : set of str
        Keys of people's first names: a phrase opening with one is left out (the tagger counts every word of a
        role phrase as a title, never a first name).
    """
    demonym: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in aliases:
        if r["kind"] == "demonym" and r["actor_id"][:3].isupper() and len(r["actor_id"]) == 3:
            demonym[(r["lang"], key_form(r["alias"]))].add(r["actor_id"])
    names_taken = {key_form(r["alias"]) for r in aliases if r["kind"] != "demonym"}
    fem: dict[str, list[str]] = defaultdict(list)  # state -> its French feminine singular demonyms
    for r in aliases:
        if r["kind"] == "demonym" and r["lang"] == "fr" and r["alias"].endswith("e") and " " not in r["alias"]:
            fem[r["actor_id"]].append(r["alias"])
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for code, names in sorted(_names(official_languages()).items()):
        for lang, name in names.items():
            states = demonym.get((lang, key_form(name)), set())
            of = next(iter(states)) if len(states) == 1 else ""
            bare = key_form(name) not in names_taken  # "in Nauru" is the state: its language is named so too
            for phrase in _frames(lang, name, of, fem, bare):
                if key_form(phrase).split()[0] in first_names:
                    continue
                rows.setdefault((lang, key_form(phrase)), {
                    "phrase": phrase, "lang": lang, "role": LANGUAGE_ROLE, "of": of,
                    "case_sensitive": "true" if phrase.startswith(_FR_NOUN_ARTICLES) else "false",
                    "source": "generated", "note": f"language {code} (CLDR name), not an actor"})
    return sorted(rows.values(), key=lambda r: (r["of"], r["lang"], r["phrase"]))


def _frames(lang: str, name: str, of: str, fem: dict[str, list[str]], bare: bool) -> list[str]:
    """The phrases of one language name; ``bare``: also after a bare preposition ("in English", "en russe",
    "بالفرنسية"), left out where the name is some actor's name ("Nauru")."""
    if lang == "en":
        return [f"in {name}"] * (bare and not of) + [f"{name} language", f"{name} languages", f"{name}-speaking",
                                                     f"{name}-language",
                f"{name} version", f"{name} translation"]
    if lang == "fr":
        adjs = sorted({a for a in fem.get(of, []) if key_form(a).startswith(key_form(name)[:3])}) or [name]
        out = [f"en {name}"] * bare
        for f in adjs:
            out += [f"langue {f}", f"langues {f}s", f"version {f}", f"traduction {f}"]
        if of and name.islower():  # the noun with its article, lower case: "du français", "l'arabe"
            out += [f"{a}{name}" for a in (_FR_NOUN_ARTICLES[3:] if name[0] in "aeiouéâ" else _FR_NOUN_ARTICLES[:3])]
        return out
    spellings = sorted({name, name.replace("ج", "ك")})  # /g/ as ك in the UN's Arabic: الإنكليزية
    return [f for n in spellings for f in (f"اللغة {n}", f"اللغات {n}", f"ب{n}")[:2 + bare]]

