"""The compact ``data/sources/state_demonyms.csv`` expanded: demonym and capital aliases, capital places, and
the role phrases templated for every state (:data:`ROLE_TEMPLATES`). Used by
:mod:`diplolib.actors.build_states`, whose docstring describes the file.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

__all__ = ["SOURCES_DIR", "ROLE_TEMPLATES", "EN_PEOPLE_NOUNS", "read_csv", "fr_plural", "en_plural", "ar_forms",
           "demonym_rows", "ar_nisba", "generated_ar_nisbas", "capital_places", "territory_places", "state_role_phrases", "phrase_sort_key", "alias_sort_key"]

SOURCES_DIR = Path(__file__).resolve().parent / "data" / "sources"
LANGS = ("en", "fr", "ar")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]



def fr_plural(word: str) -> str:
    return word if word.endswith(("s", "x")) else word + "s"


#: English demonyms whose noun for the people is another word ("Turkish" → "Turks") or that have none ("Irish",
#: "Dutch", "French": "the French" is already the demonym); every other demonym takes -s (:func:`en_plural`)
EN_PEOPLE_NOUNS = {
    "British": "Britons", "Czech": "Czechs", "Danish": "Danes", "Finnish": "Finns", "Icelandic": "Icelanders",
    "Luxembourgish": "Luxembourgers", "New Zealand": "New Zealanders", "Philippine": "Filipinos",
    "Polish": "Poles", "Solomon Islands": "Solomon Islanders", "Spanish": "Spaniards", "Swedish": "Swedes",
    "Turkish": "Turks", "Basotho": "", "Dutch": "", "French": "", "Irish": "", "Kyrgyz": "", "Lao": "",
    "Malagasy": "", "Myanmar": "", "Burkinabe": "", "Ni-Vanuatu": "", "Seychellois": "", "Swiss": "",
}


def en_plural(dem: str) -> str:
    """The English plural noun of a demonym, naming the state's people ("Sri Lankans", "Filipinos", "Turks"),
    or "" when the people noun is the demonym itself: nouns in -ese, -s, -sh, -ch, -z ("the Chinese", "the
    Swiss") and :data:`EN_PEOPLE_NOUNS`."""
    if dem in EN_PEOPLE_NOUNS:
        return EN_PEOPLE_NOUNS[dem]
    return "" if dem.endswith(("ese", "s", "sh", "ch", "z", "x")) else dem + "s"


def ar_forms(nisba: str) -> list[str]:
    """Arabic nisba forms: indefinite and definite, masculine and feminine, then the sound plurals with and
    without the article ("الفلسطينيون", "الفلسطينيين", "لاجئين سوريين", and the feminine "النساء الفلسطينيات",
    "نساء هنديات": the people of the state, tagged as the state like the singular nisba)."""
    words = nisba.split()
    fem = [w + "ة" for w in words]
    plural = [[w + end for w in words] for end in ("ون", "ين", "ات")]
    return [nisba, " ".join("ال" + w for w in words), " ".join(fem), " ".join("ال" + w for w in fem)] + [
        " ".join("ال" + w for w in p) for p in plural] + [" ".join(p) for p in plural]


_HARAKAT = re.compile("[\u064b-\u0652]")
_DIRECTIONS = ("جنوب", "شمال", "شرق", "غرب")


def ar_nisba(name: str) -> str:
    """The Arabic relative adjective (nisba) of a one-word state name, by the regular rule, or "" for a longer name.

    The article is dropped; a final ـيا becomes ـي (سوريا → سوري, ميكرونيزيا → ميكرونيزي); a final ي stays
    (مالي, كيريباتي: the nisba is spelled like the name); a final ا, ة or ى is replaced by ي (كندا → كندي); after
    ـاي the ي is a consonant and takes the suffix (باراغواي → باراغوايي); any other final letter takes ي
    (الفاتيكان → فاتيكاني, ناورو → ناوروي). Checked against the 148 one-word names whose nisba the
    curated file gives: 138 right; the misses are irregular nisbas (نمساوي, مجري, أفغاني, توغولي).
    """
    word = _HARAKAT.sub("", name).strip()
    if not word or " " in word or "-" in word:
        return ""
    word = word[2:] if word.startswith("ال") else word
    if word.endswith("يا"):
        return word[:-1]
    if word.endswith("اي"):
        return word + "ي"
    if word.endswith("ي"):
        return word
    if word.endswith(("ا", "ة", "ى")):
        return word[:-1] + "ي"
    return word + "ي"


def generated_ar_nisbas() -> dict[str, tuple[list[str], bool]]:
    """Arabic demonyms for the states whose row in ``state_demonyms.csv`` has none (CLDR has no Arabic demonym).

    From the state's Arabic CLDR name: a one-word name by :func:`ar_nisba`; a name of a direction and a state
    (جنوب أفريقيا) gives the two forms of the press, the article on the first word or on both ("الجنوب أفريقي",
    "الجنوب الأفريقي"), used only inside role phrases (alone, "الجنوب الأفريقي" is also the region). Other names
    of several words (جزر القمر, غينيا بيساو, الكونغو - كينشاسا) get none: their nisba is not regular, or names
    two states (الكونغولي).

    Returns ``{state: (definite masculine forms, standalone)}``: ``standalone`` is False when a form is an
    ordinary word (wordfreq Zipf ≥ 3: المالي "financial", المالية "finance"); the forms are then used only after a
    title (الرئيس المالي), never as an alias of their own.
    """
    import pycountry
    import wordfreq
    from babel import Locale

    names = Locale("ar").territories
    # every Arabic name and nisba of the other states: a nisba whose stem (five letters or more) begins a word of one
    # (دومينيك- of "جمهورية الدومينيكان", whose UN adjective is الدومينيكية) would name either state
    others = {}
    for row in read_csv(SOURCES_DIR / "state_demonyms.csv"):
        country = pycountry.countries.get(alpha_3=row["actor_id"])
        words = ([names[country.alpha_2]] if country is not None and country.alpha_2 in names else []) + \
            [v for v in row["ar"].split("|") if v]
        others[row["actor_id"]] = " ".join(_HARAKAT.sub("", w) for w in words)
    out: dict[str, tuple[list[str], bool]] = {}
    for row in read_csv(SOURCES_DIR / "state_demonyms.csv"):
        country = pycountry.countries.get(alpha_3=row["actor_id"])
        if row["ar"] or country is None or country.alpha_2 not in names:
            continue
        name = _HARAKAT.sub("", names[country.alpha_2])
        words = name.split()
        if len(words) == 2 and words[0] in _DIRECTIONS and ar_nisba(words[1]):
            adj = ar_nisba(words[1])
            out[row["actor_id"]] = ([f"ال{words[0]} {adj}", f"ال{words[0]} ال{adj}"], False)
        elif ar_nisba(name):
            stem = ar_nisba(name)[:-1]
            if len(stem) >= 5 and any(w.removeprefix("ال").startswith(stem) for state, text in others.items()
                                      if state != row["actor_id"] for w in text.split()):
                continue  # a shorter stem is shared by chance (مال- of مالي and of مالطا)
            forms = ar_forms(ar_nisba(name))[:4]
            out[row["actor_id"]] = ([forms[1]], max(wordfreq.zipf_frequency(f, "ar") for f in forms) < 3)
    return out


def demonym_rows(row: dict[str, str], generated: dict[str, tuple[list[str], bool]] | None = None
                 ) -> list[dict[str, str]]:
    """Expand one compact ``state_demonyms.csv`` row into alias rows (``generated``: :func:`generated_ar_nisbas`,
    whose standalone forms become aliases of a row without an Arabic demonym)."""
    out: list[tuple[str, str, str]] = []
    split = lambda s: [v.strip() for v in s.split("|") if v.strip()]  # noqa: E731
    gen_forms, standalone = (generated or {}).get(row["actor_id"], ([], False))
    if not row["ar"] and standalone:
        row = dict(row, ar="|".join(f[2:] for f in gen_forms))
    for dem in split(row["en"]):
        out += [("en", dem, "demonym"), ("en", f"the {dem} side", "demonym")]
        plural = en_plural(dem)
        if plural:  # the people: "Palestinians", "Sri Lankans", "Turks", tagged as the state like "Syrian"
            out.append(("en", plural, "demonym"))
    for masc, fem in zip(split(row["fr_m"]), split(row["fr_f"]), strict=True):
        for form in dict.fromkeys([masc, fem, fr_plural(masc), fr_plural(fem)]):
            out.append(("fr", form, "demonym"))
        out += [("fr", f"le côté {masc}", "demonym"), ("fr", f"la partie {fem}", "demonym")]
    for nisba in split(row["ar"]):
        forms = ar_forms(nisba)
        from wordfreq import zipf_frequency

        if 0 < zipf_frequency(forms[-1], "ar") >= zipf_frequency(forms[2], "ar"):
            forms = forms[:-4] + forms[-3:-1]  # a feminine plural commoner than its singular is another word's
            # plural ("مجريات", the course of events, plural of مجرى), not the women of the state
        out += [("ar", form, "demonym") for form in forms]
        out.append(("ar", "الجانب " + forms[1], "demonym"))
    for lang in LANGS:
        out += [(lang, cap, "capital") for cap in split(row[f"capital_{lang}"])]
    nouns = set(EN_PEOPLE_NOUNS.values())  # "Poles", "Swedes", "Turks": ordinary words in lower case
    return [
        {"actor_id": row["actor_id"], "alias": a, "lang": lang, "kind": kind, "source": "demonyms"}
        | ({"case_sensitive": "true"} if lang == "en" and a in nouns else {})
        for lang, a, kind in out
    ]


def capital_places() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Place actors for the capitals of ``state_demonyms.csv`` (``place:baghdad``), with their names.

    A capital names two things: the state's government as a metonym ("Moscow said", alias kind
    ``capital`` of RUS) and the city ("talks in Moscow"). The tagger reads it as the city after a
    locative preposition and as the state otherwise; the registry accepts that pair of readings
    without an ambiguity row.
    """
    actors, aliases = [], []
    split = lambda s: [v.strip() for v in s.split("|") if v.strip()]  # noqa: E731
    for row in read_csv(SOURCES_DIR / "state_demonyms.csv"):
        names = {lang: split(row[f"capital_{lang}"]) for lang in LANGS}
        if not names["en"]:
            continue
        slug = re.sub(r"[^a-z0-9]+", "_", unicodedata.normalize("NFKD", names["en"][0]).encode("ascii", "ignore")
                      .decode().lower()).strip("_")
        place = f"place:{slug}"
        actors.append({"actor_id": place, "label": names["en"][0], "kind": "place", "country": row["actor_id"],
                       "note": f"capital of {row['actor_id']} (the city; the government is the capital alias "
                               f"of {row['actor_id']})"})
        aliases += [{"actor_id": place, "alias": a, "lang": lang, "kind": "name", "case_sensitive": "false",
                     "source": "capitals"} for lang in LANGS for a in names[lang]]
    return actors, sorted(aliases, key=alias_sort_key)



def territory_places(state_aliases: list[dict[str, str]], states: set[str]) -> tuple[list[dict[str, str]],
                                                                                  list[dict[str, str]]]:
    """Place actors for the CLDR territories whose name holds a state's name or demonym ("French Polynesia",
    "بولينيزيا الفرنسية", "Îles Vierges britanniques", "Caribbean Netherlands").

    Such a name is a place of its own; without it the longest match stops at the demonym and tags the state
    ("الفرنسية" → France). Found by a sweep: every two-letter CLDR region that is not a state of the registry
    (``states``, ISO alpha-2) and whose English, French or Arabic name contains, as whole words, a name or
    demonym of ``state_aliases``.
    """
    from babel import Locale

    names = {lang: Locale(lang).territories for lang in LANGS}
    words = {lang: {_folded(r["alias"]) for r in state_aliases if r["lang"] == lang
                    and r["kind"] in ("name", "demonym") and " " not in r["alias"].strip()} for lang in LANGS}
    actors, aliases = [], []
    for code in sorted(c for c in names["en"] if len(c) == 2 and c.isalpha() and c not in states):
        held = {lang: [w for w in _folded(names[lang].get(code, "")).split() if w in words[lang]] for lang in LANGS}
        if not any(held.values()) or " " not in names["en"][code].strip():
            continue  # a one-word territory name ("Guadeloupe") never holds a demonym
        slug = re.sub(r"[^a-z0-9]+", "_", _folded(names["en"][code])).strip("_")
        actors.append({"actor_id": f"place:{slug}", "label": names["en"][code], "kind": "place", "country": "",
                       "note": f"territory {code} (CLDR); its name holds {sorted({w for v in held.values() for w in v})}"})
        spelled = {lang: names[lang][code].replace("’", "'") for lang in LANGS if names[lang].get(code)}
        aliases += [{"actor_id": f"place:{slug}", "alias": name, "lang": lang, "kind": "name",
                     "case_sensitive": "false", "source": "cldr"}
                    for lang, full in spelled.items()  # CLDR's "&" as written: "Turks and Caicos Islands"
                    for name in dict.fromkeys([full, full.replace(" & ", {"en": " and ", "fr": " et "}.get(lang, " & "))])]
    return actors, sorted(aliases, key=alias_sort_key)


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower() if text.isascii() or \
        not re.search("[\u0600-\u06ff]", text) else text

#: (lang, phrase template, role) expanded for every row of ``state_demonyms.csv``. Placeholders:
#: ``{dem}`` English demonym, ``{m}``/``{f}`` French masculine/feminine, ``{adj}`` Arabic definite nisba and
#: ``{adjf}`` its feminine.
#: Role "counterpart" = an empty role (the same role as the other party); "president"/"pm" = the row's
#: ``president_role``/``pm_role`` (no phrase when that is empty).
ROLE_TEMPLATES: tuple[tuple[str, str, str], ...] = (
    ("en", "{dem} Foreign Minister", "foreign_minister"),
    ("en", "{dem} Defence Minister", "defence_minister"),
    ("en", "{dem} Defense Minister", "defence_minister"),
    ("en", "{dem} President", "president"),
    ("en", "{dem} Prime Minister", "pm"),
    ("en", "{dem} ambassador to the UN", "un_ambassador"),
    ("en", "{dem} envoy to the UN", "un_ambassador"),
    ("en", "{dem} UN ambassador", "un_ambassador"),
    ("en", "{dem} counterpart", "counterpart"),
    ("fr", "ministre {m} des Affaires étrangères", "foreign_minister"),
    ("fr", "ministre {f} des Affaires étrangères", "foreign_minister"),
    ("fr", "chef de la diplomatie {f}", "foreign_minister"),
    ("fr", "cheffe de la diplomatie {f}", "foreign_minister"),
    ("fr", "ministre {m} de la Défense", "defence_minister"),
    ("fr", "ministre {f} de la Défense", "defence_minister"),
    ("fr", "président {m}", "president"),
    ("fr", "présidente {f}", "president"),
    ("fr", "Premier ministre {m}", "pm"),
    ("fr", "Première ministre {f}", "pm"),
    # the head of government named by his government ("le chef du gouvernement italien", "رئيس الحكومة المغربية"):
    # the adjective agrees with the government, masculine in French, feminine in Arabic (round 18's probes)
    ("fr", "chef du gouvernement {m}", "pm"),
    ("fr", "cheffe du gouvernement {m}", "pm"),
    ("fr", "ambassadeur {m} à l'ONU", "un_ambassador"),
    ("fr", "ambassadrice {f} à l'ONU", "un_ambassador"),
    ("fr", "représentant {m} à l'ONU", "un_ambassador"),
    ("fr", "homologue {m}", "counterpart"),
    ("fr", "homologue {f}", "counterpart"),
    ("ar", "وزير الخارجية {adj}", "foreign_minister"),
    ("ar", "وزيرة الخارجية {adj}", "foreign_minister"),
    ("ar", "وزير الدفاع {adj}", "defence_minister"),
    ("ar", "وزيرة الدفاع {adj}", "defence_minister"),
    ("ar", "الرئيس {adj}", "president"),
    ("ar", "رئيس الوزراء {adj}", "pm"),
    ("ar", "رئيس الحكومة {adj}", "pm"),
    ("ar", "رئيس الحكومة {adjf}", "pm"),
    ("ar", "رئيسة الحكومة {adjf}", "pm"),
    ("ar", "المندوب {adj} لدى الأمم المتحدة", "un_ambassador"),
    ("ar", "المندوب {adj} الدائم لدى الأمم المتحدة", "un_ambassador"),
    ("ar", "نظيره {adj}", "counterpart"),
    ("ar", "نظيرته {adj}", "counterpart"),
    ("ar", "نظيرها {adj}", "counterpart"),
)


def state_role_phrases() -> list[dict[str, str]]:
    """Role phrases generated from ``state_demonyms.csv`` with :data:`ROLE_TEMPLATES`, sorted.

    "Russian Foreign Minister", "le chef de la diplomatie russe", "وزير الخارجية الروسي"
    (foreign_minister of RUS); "the Iranian President" is head_of_government of IRN
    because that row's ``president_role`` says so; "son homologue russe" has an
    empty role (the same role as the other party). ``source`` is "template".
    """
    split = lambda s: [v.strip() for v in s.split("|") if v.strip()]  # noqa: E731
    rows: dict[tuple[str, str], dict[str, str]] = {}
    generated = generated_ar_nisbas()  # states without an Arabic demonym: "الرئيس المالي", "الرئيس الجنوب أفريقي"
    for row in read_csv(SOURCES_DIR / "state_demonyms.csv"):
        fills = [{"dem": d} for d in split(row["en"])]
        fills += [{"m": m, "f": f} for m, f in zip(split(row["fr_m"]), split(row["fr_f"]), strict=True)]
        fills += [{"adj": ar_forms(n)[1]} for n in split(row["ar"])]
        fills += [{"adj": adj} for adj in generated.get(row["actor_id"], ([], False))[0]]
        fills = [{**f, "adjf": ar_feminine_nisba(f["adj"])} if "adj" in f else f for f in fills]
        for lang, template, role in ROLE_TEMPLATES:
            office = {"president": row["president_role"], "pm": row["pm_role"], "counterpart": ""}.get(
                role, role
            )
            if not office and role != "counterpart":
                continue  # no office with that title in this state
            for fill in fills:
                try:
                    phrase = template.format(**fill)
                except KeyError:
                    continue  # a fill of another language
                rows[(lang, phrase)] = {
                    "phrase": phrase,
                    "lang": lang,
                    "role": office,
                    "of": row["actor_id"],
                    "case_sensitive": "false",
                    "source": "template",
                }
    return sorted(rows.values(), key=phrase_sort_key)


def ar_feminine_nisba(nisba: str) -> str:
    """The feminine of a definite Arabic nisba, word by word: "المغربي" → "المغربية", "الكوري الجنوبي" →
    "الكورية الجنوبية"."""
    return " ".join(w + "ة" if w.endswith("ي") else w for w in nisba.split())


def phrase_sort_key(row: dict[str, str]) -> tuple[str, ...]:
    """Sort order of ``role_phrases.csv``: the office (of, role), language, phrase."""
    return (row["of"], row["role"], row["lang"], row["phrase"])


def alias_sort_key(row: dict[str, str]) -> tuple[str, ...]:
    """Sort order of ``aliases.csv``: actor, language, kind, alias."""
    return (row["actor_id"], row["lang"], row["kind"], row["alias"])
