"""Currencies named after a state: "dollars des États-Unis", "دولارات الولايات المتحدة", "Syrian pounds" (generated).

UN texts give amounts in "$" in English, in "dollars des États-Unis" in French and "دولار من دولارات الولايات
المتحدة" in Arabic: the currency named the United States in two versions of the sentence and not the third (on the
UNPC tune half, 9 sentences: the US dollar, the Syrian and South Sudanese pounds, the Australian dollar). A currency
is not the state; a union's currency (the euro, the CFA franc) names no state and is left out. :func:`currency_phrases` writes role-phrase rows (``role="currency"``) that the tagger
leaves unresolved (``reason="in-name"``); being longer than the state's name or demonym, they hide it. The names
are CLDR's, shipped with babel (every state's own current currency, ``get_territory_currencies`` whose ISO 4217
code begins with the state's alpha-2 code, in English, French and Arabic, singular and plural, and the Arabic definite form "الدولار الأمريكي"), and the UN's own frames: the
currency's noun before the state's name ("United States dollars", "دولارات الولايات المتحدة"; Arabic plurals of
the common nouns from :data:`AR_PLURALS`).
"""

from __future__ import annotations

from .keys import key_form

__all__ = ["CURRENCY_ROLE", "AR_PLURALS", "currency_phrases"]

#: the ``role`` of a currency named after a state in ``role_phrases.csv``
CURRENCY_ROLE = "currency"
#: Arabic broken plurals of currency nouns (CLDR gives the noun with a number, not these plurals)
AR_PLURALS = {"دولار": "دولارات", "جنيه": "جنيهات", "دينار": "دنانير", "ريال": "ريالات", "فرنك": "فرنكات",
              "ليرة": "ليرات", "روبية": "روبيات", "درهم": "دراهم", "بيزو": "بيزوات", "روبل": "روبلات"}
_LANGS = ("en", "fr", "ar")


def _cldr_names(code: str) -> dict[str, set[str]]:
    """language → CLDR's names of one currency (display name, and a count of each plural category: Arabic has six)."""
    from babel.numbers import get_currency_name

    out: dict[str, set[str]] = {}
    for lang in _LANGS:
        names = {get_currency_name(code, count=n, locale=lang) for n in (None, 0, 1, 2, 3, 11, 100)}
        out[lang] = {n.strip() for n in names if n and n.strip() and n.strip() != code}
    return out


def _arabic_forms(name: str) -> set[str]:
    """"دولار أمريكي" → the definite "الدولار الأمريكي" too (the noun and its nisba both take the article)."""
    words = name.split()
    if len(words) != 2 or any(w.startswith("ال") for w in words):
        return {name}
    return {name, " ".join("ال" + w for w in words)}


def currency_phrases(aliases: list[dict[str, str]], first_names: set[str] = frozenset()) -> list[dict[str, str]]:
    """Role-phrase rows (``role="currency"``) for the currencies of every state of ``aliases`` (ISO alpha-3 ids).

    Parameters
    ----------
    aliases : list of dict
        Registry alias rows; the states' ``name`` aliases give the UN frames ("United States dollars").
    first_names : set of str
        Keys of people's first names: a phrase opening with one is left out (every word of a role phrase is a title
        to the tagger).
    """
    import pycountry
    from babel.numbers import get_territory_currencies

    names: dict[tuple[str, str], list[str]] = {}
    for r in aliases:
        if r["kind"] == "name" and len(r["actor_id"]) == 3 and r["actor_id"].isupper():
            names.setdefault((r["actor_id"], r["lang"]), []).append(r["alias"].strip())
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for state in sorted({a for a, _ in names}):
        country = pycountry.countries.get(alpha_3=state)
        if country is None:
            continue
        for code in get_territory_currencies(country.alpha_2):
            if code[:2] != country.alpha_2:
                continue  # another state's currency (Ecuador's US dollar) or a union's (the euro, the CFA franc)
            cldr = _cldr_names(code)
            phrases = {lang: set(cldr[lang]) for lang in _LANGS}
            phrases["ar"] = {f for n in cldr["ar"] for f in _arabic_forms(n)}
            for lang, frame in (("en", "{n} {c}"), ("ar", "{c} {n}")):
                nouns = {n.split()[-1] if lang == "en" else n.split()[0] for n in cldr[lang]}
                nouns |= {AR_PLURALS[n] for n in nouns if n in AR_PLURALS} if lang == "ar" else set()
                phrases[lang] |= {frame.format(n=n, c=c) for n in names.get((state, lang), []) for c in nouns}
            for lang, found in phrases.items():
                for phrase in sorted(found):
                    if key_form(phrase).split()[0] in first_names:
                        continue
                    rows.setdefault((lang, key_form(phrase)), {
                        "phrase": phrase, "lang": lang, "role": CURRENCY_ROLE, "of": state, "case_sensitive": "false",
                        "source": "generated", "note": f"the state's currency ({code}, CLDR), not the state"})
    return sorted(rows.values(), key=lambda r: (r["of"], r["lang"], r["phrase"]))
