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
      titles President and Prime Minister denote in that state (empty: none). An Arabic capital spelled
      like its state (الجزائر, تونس) is listed only in the forms that name the city ("الجزائر العاصمة",
      "مدينة الجزائر"); the bare word stays the state.
"""

from __future__ import annotations

import csv
import gettext
import re
import unicodedata
from pathlib import Path

from .arabic_state_forms import arabic_forms
from .state_demonyms import (
    ROLE_TEMPLATES,
    alias_sort_key,
    capital_places,
    territory_places,
    demonym_rows,
    generated_ar_nisbas,
    phrase_sort_key,
    read_csv,
    state_role_phrases,
)

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
SOURCES_DIR = DATA_DIR / "sources"  # the same folder as state_demonyms.SOURCES_DIR

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
_SOURCE_RANK = {"curated": 0, "cldr": 1, "iso3166": 2, "demonyms": 3, "capitals": 4, "article": 5}  # who wins a duplicate alias


def strip_harakat(text: str) -> str:
    """Arabic text without short-vowel marks, shadda, sukun and tatweel."""
    return _HARAKAT.sub("", text)


def _variants(name: str, lang: str, hyphenated: bool = False) -> list[str]:
    """A name and the obvious spelling variants of it, first the name itself.

    ``hyphenated``: the English name has a hyphen (Guinea-Bissau), so a two-word Arabic name is also
    written with a spaced hyphen as the UN does ("غينيا - بيساو").
    """
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
        # ISO writes the conjunction apart ("لبريطانيا العظمى و أيرلندا الشمالية"); Arabic text joins it
        more = [re.sub(r"(^| )و (?=\S)", r"\1و", v) for v in more]
        # a hyphen written between spaces in the UN's text ("غينيا - بيساو")
        more += [v.replace(" ", " - ") for v in more if hyphenated and v.count(" ") == 1]
    seen: list[str] = []
    for v in more:
        v = re.sub(r"\s+", " ", v).strip()
        if v and v not in seen:
            seen.append(v)
    return seen



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
    overrides = {r["actor_id"]: r for r in read_csv(SOURCES_DIR / "state_overrides.csv")}
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
            hyphen = "-" in territories["en"][country.alpha_2]
            for v in _variants(territories[lang][country.alpha_2], lang, hyphen):
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
    generated = generated_ar_nisbas()
    for row in read_csv(SOURCES_DIR / "state_demonyms.csv"):
        rows += demonym_rows(row, generated)
    rows += [
        dict(r, source=r.get("source") or "curated") for r in read_csv(SOURCES_DIR / "state_aliases.csv")
    ]
    rows += arabic_forms(rows)  # "لغابون", "الليبريون", "12 إسرائيليا" (arabic_state_forms)
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


def build(data_dir: Path | None = None) -> tuple[int, int]:
    """Rewrite the state rows of ``actors.csv`` and ``aliases.csv`` in ``data_dir``.

    Returns
    -------
    tuple of int
        The number of state actor rows and state alias rows written.
    """
    data_dir = Path(data_dir) if data_dir is not None else DATA_DIR
    import pycountry

    places, place_aliases = capital_places()
    state_rows, state_alias_rows = state_actors(), state_aliases()
    alpha2 = {c.alpha_2 for c in pycountry.countries if c.alpha_3 in {r["actor_id"] for r in state_rows}}
    territories, territory_aliases = territory_places(state_alias_rows, alpha2 | {"XK", "PS", "VA"})
    states = state_rows + places + territories
    ids = {r["actor_id"] for r in states}
    actors_path, aliases_path = data_dir / "actors.csv", data_dir / "aliases.csv"
    old_actors = read_csv(actors_path) if actors_path.exists() else []
    old_aliases = read_csv(aliases_path) if aliases_path.exists() else []
    actors = [r for r in old_actors if r["kind"] != "state" and r["actor_id"] not in ids] + states
    aliases = [r for r in old_aliases if r["actor_id"] not in ids]
    new_aliases = state_alias_rows + place_aliases + territory_aliases
    _write_csv(actors_path, ACTOR_COLUMNS, sorted(actors, key=lambda r: r["actor_id"]))
    _write_csv(aliases_path, ALIAS_COLUMNS, sorted(aliases + new_aliases, key=alias_sort_key))
    phrases_path = data_dir / "role_phrases.csv"
    old_phrases = read_csv(phrases_path) if phrases_path.exists() else []
    phrases = [r for r in old_phrases if r.get("source") != "template"] + state_role_phrases()
    _write_csv(phrases_path, PHRASE_COLUMNS, sorted(phrases, key=phrase_sort_key))
    roles_path = data_dir / "roles.csv"
    if roles_path.exists():  # keep the hand-written roles file in its sort order too
        roles = read_csv(roles_path)
        _write_csv(roles_path, ROLE_COLUMNS, sorted(roles, key=lambda r: (r["of"], r["role"], r["start"])))
    return len(states), len(new_aliases)


def main() -> None:
    """Entry point of ``python -m diplolib.actors.build_states``."""
    n_states, n_aliases = build()
    print(f"wrote {n_states} states and {n_aliases} state aliases into {DATA_DIR.name}/")


if __name__ == "__main__":
    main()
