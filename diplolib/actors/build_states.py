"""Generate the state rows of the actor registry from maintained locale databases.

Run ``python -m diplolib.actors.build_states`` to regenerate, deterministically,
every row of ``data/actors.csv`` and ``data/aliases.csv`` whose actor is a state
(``kind == "state"``) and the rows of ``data/role_phrases.csv`` whose ``source`` is
"template". Hand-written rows of other actors, roles and curated role phrases are
kept as they are; the files end sorted (``ambiguities.csv`` is left alone).

Where the state rows come from
------------------------------
- The list of states: the 193 UN member states (:data:`UN_MEMBERS`, ISO 3166-1
  alpha-3 codes) and the two observer states, the Holy See (``VAT``) and
  Palestine (``PSE``) (:data:`UN_OBSERVERS`). The actor id is the alpha-3 code.
- ``name`` aliases: the CLDR territory names shipped with babel
  (``babel.Locale(lang).territories``) in English, French and Arabic, with simple
  variants (``&`` → ``and``/``et``, ``St.`` → ``Saint``, "Myanmar (Burma)" → both
  names, straight apostrophes, Arabic without short-vowel marks).
- ``official_name`` aliases: pycountry's ISO 3166-1 names and official names, and
  their French and Arabic translations from pycountry's gettext catalogues
  (inverted forms such as "Korea, Republic of" are skipped).
- Hand-curated additions, reviewed like code, in ``data/sources/``:

  ``state_overrides.csv`` (``actor_id, label, wikidata, note``)
      the English label when CLDR's is not the usual one, and Wikidata ids
      (only those we are sure of).
  ``state_aliases.csv`` (same columns as ``aliases.csv``)
      short forms and acronyms ("the US", "U.S.", "les États-Unis", "KSA"), extra
      names, and case flags for names that are ordinary words ("Turkey",
      "Chad"). A curated row wins over a generated row with the same
      actor, language and alias.
  ``state_demonyms.csv`` (``actor_id, en, fr_m, fr_f, ar, capital_en, capital_fr, capital_ar,
  president_role, pm_role``)
      one compact row per state, ``|`` between variants, expanded here into
      ``demonym`` aliases (English "Russian", "the Russian side"; French
      masculine/feminine singular/plural "russe", "russes", "le côté russe",
      "la partie russe"; Arabic nisba with and without the article and in the
      feminine: "روسي", "الروسي", "روسية", "الروسية", "الجانب الروسي") and
      ``capital`` aliases used as metonyms ("Moscow", "Moscou", "موسكو") (``source``
      "demonyms"; a name from CLDR or ISO wins over an identical demonym, e.g. Arabic
      "تشيلي"), and into templated role phrases (:func:`state_role_phrases`,
      :data:`ROLE_TEMPLATES`); ``president_role``/``pm_role`` say which office the
      titles President and Prime Minister denote in that state (empty: none).
"""

from __future__ import annotations

import csv
import gettext
import re
import unicodedata
from pathlib import Path

__all__ = [
    "UN_MEMBERS",
    "UN_OBSERVERS",
    "DATA_DIR",
    "state_actors",
    "state_aliases",
    "state_role_phrases",
    "ROLE_TEMPLATES",
    "build",
    "main",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
SOURCES_DIR = DATA_DIR / "sources"

UN_MEMBERS: tuple[str, ...] = tuple(
    """
    AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB BRN
    BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY
    ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI HUN IDN IND
    IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU
    LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM NER NGA NIC NLD NOR
    NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR
    SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA UKR URY
    USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB ZWE
    """.split()
)
UN_OBSERVERS: tuple[str, ...] = ("PSE", "VAT")

ACTOR_COLUMNS = ["actor_id", "label", "kind", "country", "wikidata", "part_of", "successor_of", "note"]
ALIAS_COLUMNS = ["actor_id", "alias", "lang", "kind", "case_sensitive", "source", "note"]
ROLE_COLUMNS = ["actor_id", "role", "of", "start", "end", "note"]
PHRASE_COLUMNS = ["phrase", "lang", "role", "of", "case_sensitive", "source", "note"]
LANGS = ("en", "fr", "ar")

_HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")  # short vowels, shadda, sukun, dagger alif, tatweel
_SOURCE_RANK = {"curated": 0, "cldr": 1, "iso3166": 2, "demonyms": 3, "capitals": 4}  # who wins a duplicate alias


def strip_harakat(text: str) -> str:
    """Arabic text without short-vowel marks, shadda, sukun and tatweel."""
    return _HARAKAT.sub("", text)


def _variants(name: str, lang: str) -> list[str]:
    """A name and the obvious spelling variants of it, first the name itself."""
    name = unicodedata.normalize("NFC", name).strip()
    out = [name]
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    if m:  # "Myanmar (Burma)" -> both names
        out = [m.group(1), m.group(2)]
    more = []
    for v in out:
        v = v.replace(" - ", "-")
        more.append(v)
        if "&" in v:
            more.append(v.replace("&", {"fr": "et", "ar": "و"}.get(lang, "and")))
        if v.startswith("St. "):
            more.append("Saint " + v[4:])
        if "’" in v:
            more.append(v.replace("’", "'"))
    if lang == "ar":  # stored without short vowels: the tagger strips them from the text too
        more = [strip_harakat(v) for v in more]
        more += [v.replace("ديموقراط", "ديمقراط") for v in more if "ديموقراط" in v]  # the UN's spelling
    seen: list[str] = []
    for v in more:
        v = re.sub(r"\s+", " ", v).strip()
        if v and v not in seen:
            seen.append(v)
    return seen


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


def state_actors() -> list[dict[str, str]]:
    """One actor row per UN member and observer state, sorted by ``actor_id``."""
    from babel import Locale

    en = Locale("en").territories
    overrides = {r["actor_id"]: r for r in _read_csv(SOURCES_DIR / "state_overrides.csv")}
    import pycountry

    rows = []
    for code in sorted(UN_MEMBERS + UN_OBSERVERS):
        country = pycountry.countries.get(alpha_3=code)
        o = overrides.get(code, {})
        rows.append(
            {
                "actor_id": code,
                "label": o.get("label") or _variants(en[country.alpha_2], "en")[0],
                "kind": "state",
                "country": code,
                "wikidata": o.get("wikidata", ""),
                "note": o.get("note") or ("UN observer state" if code in UN_OBSERVERS else "UN member state"),
            }
        )
    return rows


def _fr_plural(word: str) -> str:
    return word if word.endswith(("s", "x")) else word + "s"


def _ar_forms(nisba: str) -> list[str]:
    """Arabic nisba forms: indefinite and definite, masculine and feminine, then the sound plurals
    ("الفلسطينيون", "الفلسطينيين")."""
    words = nisba.split()
    fem = [w + "ة" for w in words]
    plural = [[w + end for w in words] for end in ("ون", "ين")]
    return [nisba, " ".join("ال" + w for w in words), " ".join(fem), " ".join("ال" + w for w in fem)] + [
        " ".join("ال" + w for w in p) for p in plural]


def _demonym_rows(row: dict[str, str]) -> list[dict[str, str]]:
    """Expand one compact ``state_demonyms.csv`` row into alias rows."""
    out: list[tuple[str, str, str]] = []
    split = lambda s: [v.strip() for v in s.split("|") if v.strip()]  # noqa: E731
    for dem in split(row["en"]):
        out += [("en", dem, "demonym"), ("en", f"the {dem} side", "demonym")]
    for masc, fem in zip(split(row["fr_m"]), split(row["fr_f"]), strict=True):
        for form in dict.fromkeys([masc, fem, _fr_plural(masc), _fr_plural(fem)]):
            out.append(("fr", form, "demonym"))
        out += [("fr", f"le côté {masc}", "demonym"), ("fr", f"la partie {fem}", "demonym")]
    for nisba in split(row["ar"]):
        forms = _ar_forms(nisba)
        out += [("ar", form, "demonym") for form in forms]
        out.append(("ar", "الجانب " + forms[1], "demonym"))
    for lang in LANGS:
        out += [(lang, cap, "capital") for cap in split(row[f"capital_{lang}"])]
    return [
        {"actor_id": row["actor_id"], "alias": a, "lang": lang, "kind": kind, "source": "demonyms"}
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
    for row in _read_csv(SOURCES_DIR / "state_demonyms.csv"):
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


def _uninvert(text: str, lang: str) -> str:
    """An ISO name in natural order: "Corée, République populaire démocratique de" → "République populaire
    démocratique de Corée", "Syrienne, République arabe" → "République arabe syrienne"; the Arabic catalogue
    gives the full name after the comma. "" for a shape not understood."""
    sep = "، " if lang == "ar" else ", "
    if sep not in text:
        return text
    head, tail = text.split(sep, 1)
    if lang == "ar":
        return tail
    if tail.endswith(("d'", "d’")):
        return tail + head
    if re.search(r"\b(?:of|of the|de|du|des)$", tail, re.IGNORECASE):
        return f"{tail} {head}"
    return f"{tail} {head.lower()}" if lang == "fr" else ""


def state_aliases() -> list[dict[str, str]]:
    """Alias rows of every state: generated names merged with the curated files, sorted."""
    import pycountry
    from babel import Locale

    codes = sorted(UN_MEMBERS + UN_OBSERVERS)
    territories = {lang: Locale(lang).territories for lang in LANGS}
    catalogues = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in ("fr", "ar")
    }
    rows: list[dict[str, str]] = []
    for code in codes:
        country = pycountry.countries.get(alpha_3=code)
        for lang in LANGS:
            for v in _variants(territories[lang][country.alpha_2], lang):
                rows.append({"actor_id": code, "alias": v, "lang": lang, "kind": "name", "source": "cldr"})
        iso_names = [country.name, getattr(country, "official_name", None)]
        for iso in filter(None, iso_names):
            for lang in LANGS:
                text = iso if lang == "en" else catalogues[lang].gettext(iso)
                if lang != "en" and text == iso:
                    continue  # untranslated
                text = _uninvert(text, lang)  # "Korea, Republic of" -> "Republic of Korea" (the UN's form)
                if not text:
                    continue
                text = re.sub(r"^(the |The |L'|L’|La |Le |Les |la |le |les )", "", text)
                text = text[:1].upper() + text[1:]
                for v in _variants(text, lang):
                    rows.append(
                        {
                            "actor_id": code,
                            "alias": v,
                            "lang": lang,
                            "kind": "official_name",
                            "source": "iso3166",
                        }
                    )
    for row in _read_csv(SOURCES_DIR / "state_demonyms.csv"):
        rows += _demonym_rows(row)
    rows += [
        dict(r, source=r.get("source") or "curated") for r in _read_csv(SOURCES_DIR / "state_aliases.csv")
    ]
    best: dict[tuple[str, str, str], dict[str, str]] = {}
    for r in rows:
        r = {c: r.get(c, "") for c in ALIAS_COLUMNS}
        if not r["case_sensitive"]:
            r["case_sensitive"] = "true" if r["kind"] == "acronym" else "false"
        key = (r["actor_id"], r["lang"], r["alias"])
        if key not in best or _SOURCE_RANK[r["source"]] < _SOURCE_RANK[best[key]["source"]]:
            best[key] = r
    unknown = {r["actor_id"] for r in best.values()} - set(codes)
    if unknown:
        raise ValueError(
            f"state source files name unknown state ids {sorted(unknown)}: use ISO 3166-1 alpha-3"
        )
    return sorted(best.values(), key=alias_sort_key)


#: (lang, phrase template, role) expanded for every row of ``state_demonyms.csv``. Placeholders:
#: ``{dem}`` English demonym, ``{m}``/``{f}`` French masculine/feminine, ``{adj}`` Arabic definite nisba.
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
    for row in _read_csv(SOURCES_DIR / "state_demonyms.csv"):
        fills = [{"dem": d} for d in split(row["en"])]
        fills += [{"m": m, "f": f} for m, f in zip(split(row["fr_m"]), split(row["fr_f"]), strict=True)]
        fills += [{"adj": _ar_forms(n)[1]} for n in split(row["ar"])]
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


def phrase_sort_key(row: dict[str, str]) -> tuple[str, ...]:
    """Sort order of ``role_phrases.csv``: the office (of, role), language, phrase."""
    return (row["of"], row["role"], row["lang"], row["phrase"])


def alias_sort_key(row: dict[str, str]) -> tuple[str, ...]:
    """Sort order of ``aliases.csv``: actor, language, kind, alias."""
    return (row["actor_id"], row["lang"], row["kind"], row["alias"])


def build(data_dir: Path | None = None) -> tuple[int, int]:
    """Rewrite the state rows of ``actors.csv`` and ``aliases.csv`` in ``data_dir``.

    Returns
    -------
    tuple of int
        The number of state actor rows and state alias rows written.
    """
    data_dir = Path(data_dir) if data_dir is not None else DATA_DIR
    places, place_aliases = capital_places()
    states = state_actors() + places
    ids = {r["actor_id"] for r in states}
    actors_path, aliases_path = data_dir / "actors.csv", data_dir / "aliases.csv"
    old_actors = _read_csv(actors_path) if actors_path.exists() else []
    old_aliases = _read_csv(aliases_path) if aliases_path.exists() else []
    actors = [r for r in old_actors if r["kind"] != "state" and r["actor_id"] not in ids] + states
    aliases = [r for r in old_aliases if r["actor_id"] not in ids]
    new_aliases = state_aliases() + place_aliases
    _write_csv(actors_path, ACTOR_COLUMNS, sorted(actors, key=lambda r: r["actor_id"]))
    _write_csv(aliases_path, ALIAS_COLUMNS, sorted(aliases + new_aliases, key=alias_sort_key))
    phrases_path = data_dir / "role_phrases.csv"
    old_phrases = _read_csv(phrases_path) if phrases_path.exists() else []
    phrases = [r for r in old_phrases if r.get("source") != "template"] + state_role_phrases()
    _write_csv(phrases_path, PHRASE_COLUMNS, sorted(phrases, key=phrase_sort_key))
    roles_path = data_dir / "roles.csv"
    if roles_path.exists():  # keep the hand-written roles file in its sort order too
        roles = _read_csv(roles_path)
        _write_csv(roles_path, ROLE_COLUMNS, sorted(roles, key=lambda r: (r["of"], r["role"], r["start"])))
    return len(states), len(new_aliases)


def main() -> None:
    """Entry point of ``python -m diplolib.actors.build_states``."""
    n_states, n_aliases = build()
    print(f"wrote {n_states} states and {n_aliases} state aliases into {DATA_DIR.name}/")


if __name__ == "__main__":
    main()
