"""Role phrases for every state and organisation office, in English, French and Arabic (generated).

:func:`world_role_phrases` crosses each state's names and demonyms (``data/sources/state_demonyms.csv`` and
the registry's name aliases) with the titles of its offices, taken from the CIA title of the latest holder
(:func:`title_class`: "King" → monarch, "Amir" → emir, "Premier" → prime minister …), so that "the Jordanian
king", "le roi de Jordanie" and "ملك الأردن" name the head of state of JOR, while "the Iranian president"
names the head of government of IRN (its head of state is the Supreme Leader). Forms generated:

- English: "{demonym} {Title}", its plural ("Turkish presidents", for "the Russian and Turkish presidents"),
  "{name}'s {title}", "{Title} of {name}";
- French: "{titre} {adjectif}" in masculine and feminine, the plural title with the singular or plural
  adjective ("les présidents russe et turc"), and "{titre} de/du/de la/de l'/des/d' {nom}" (every article
  form is generated; only the right one occurs in text);
- Arabic: "{title} {nisba}" definite ("الرئيس التركي"), the dual ("الرئيسان الروسي والتركي"), and the
  construct with the state's name ("رئيس تركيا", "ملك الأردن", "وزير خارجية فرنسا"), and their feminine
  (:data:`AR_FEMININE`: "رئيسة الوزراء السويدية", "رئيسة وزراء السويد").

Foreign and defence ministers get the possessive and "of" forms too (the demonym forms are templates of
:mod:`~diplolib.actors.build_states`). Organisation offices (:data:`ORG_OFFICES`) get "{org} {Title}",
"{Title} of the {org}", "{org}'s {Title}" and their French and Arabic forms from the organisation's aliases
(:data:`ORG_OFFICE_MORE` adds other titles: "foreign policy chief"). A phrase that the hand-edited
``role_phrases.csv`` already defines is left to it.
"""

from __future__ import annotations

import csv
import re

from .build_states import SOURCES_DIR
from .state_demonyms import ar_feminine_nisba, generated_ar_nisbas

__all__ = ["TITLES", "ORG_OFFICES", "ORG_OFFICE_MORE", "title_class", "world_role_phrases"]

#: title class -> (en singular, en plural, fr m, fr f, fr m plural, ar definite, ar dual, ar construct)
TITLES: dict[str, tuple[str, ...]] = {
    "president": ("President", "Presidents", "président", "présidente", "présidents", "الرئيس", "الرئيسان",
                  "رئيس"),
    "prime_minister": ("Prime Minister", "Prime Ministers", "Premier ministre", "Première ministre",
                       "Premiers ministres", "رئيس الوزراء", "رئيسا الوزراء", "رئيس وزراء"),
    "chancellor": ("Chancellor", "Chancellors", "chancelier", "chancelière", "chanceliers", "المستشار",
                   "المستشاران", "مستشار"),
    # a queen beside a king is his consort ("la reine d'Espagne" is not Felipe VI): no feminine monarch; the
    # states whose head of state has had the title Queen get the class "queen" (Elizabeth II, Margrethe II)
    "monarch": ("King", "Kings", "roi", "", "rois", "الملك", "الملكان", "ملك"),
    "queen": ("Queen", "Queens", "", "reine", "", "", "", ""),
    "emir": ("Emir", "Emirs", "émir", "émira", "émirs", "الأمير", "الأميران", "أمير"),
    "sultan": ("Sultan", "Sultans", "sultan", "sultane", "sultans", "السلطان", "السلطانان", "سلطان"),
    "prince": ("Prince", "Princes", "prince", "princesse", "princes", "الأمير", "الأميران", "أمير"),
    "grand_duke": ("Grand Duke", "Grand Dukes", "grand-duc", "grande-duchesse", "grands-ducs", "الدوق الأكبر", "",
                   "دوق"),
    "supreme_leader": ("Supreme Leader", "Supreme Leaders", "Guide suprême", "Guide suprême", "Guides suprêmes",
                       "المرشد الأعلى", "", "مرشد"),
    "leader": ("leader", "leaders", "dirigeant", "dirigeante", "dirigeants", "الزعيم", "الزعيمان", "زعيم"),
    "foreign_minister": ("Foreign Minister", "Foreign Ministers", "ministre des Affaires étrangères", "",
                         "ministres des Affaires étrangères", "", "وزيرا الخارجية", "وزير خارجية"),
    "defence_minister": ("Defence Minister", "Defence Ministers", "ministre de la Défense", "",
                         "ministres de la Défense", "", "وزيرا الدفاع", "وزير دفاع"),
    # deputy heads, heirs and finance ministers: phrases for every state with the office in the registry (a
    # deputy's title with no phrase, "le vice-président du Ghana" before 2017, "نائب رئيس الوزراء التركي", is not
    # the head: the tagger leaves the head's phrase after "vice"/"deputy"/"نائب" unresolved, reason "deputy").
    # The Arabic adjective agrees with الرئيس, not with نائبة (AR_FEMININE_HEAD)
    "vice_president": ("Vice President", "Vice Presidents", "vice-président", "vice-présidente", "vice-présidents",
                       "نائب الرئيس", "", "نائب رئيس"),
    "first_vice_president": ("First Vice President", "First Vice Presidents", "premier vice-président",
                             "première vice-présidente", "premiers vice-présidents", "النائب الأول للرئيس", "",
                             "النائب الأول لرئيس"),
    "crown_prince": ("Crown Prince", "Crown Princes", "prince héritier", "princesse héritière", "princes héritiers",
                     "ولي العهد", "", "ولي عهد"),
    "finance_minister": ("Finance Minister", "Finance Ministers", "ministre des Finances", "",
                         "ministres des Finances", "وزير المالية", "وزيرا المالية", "وزير مالية"),
}
#: the deputy and heir classes of a state (:func:`_office_titles`): added where the state has the office in the
#: registry, and the crown prince's for every monarchy too ("le prince héritier thaïlandais" of 2017 names no one,
#: and must not be read as the king: unresolved, "no-holder")
DEPUTY_CLASSES = ("vice_president", "first_vice_president", "crown_prince", "finance_minister")
#: French demonym forms of the finance minister (the title takes the adjective inside: "le ministre français des
#: Finances", "la ministre française de l'Économie")
FR_FINANCE = ("ministre {} des Finances", "ministre {} de l'Économie", "ministre {} de l'Économie et des Finances")
#: Arabic feminine of a deputy's title whose adjective agrees with the head's title: "نائبة الرئيس الأرجنتيني"
AR_FEMININE_HEAD: dict[str, tuple[str, str]] = {
    "vice_president": ("نائبة الرئيس", "نائبة رئيس"),
    "first_vice_president": ("النائبة الأولى للرئيس", "النائبة الأولى لرئيس")}
#: adjectives of an organisation, made into office phrases with its French and Arabic titles ("le secrétaire
#: général onusien", "الأمين العام الأممي")
ORG_ADJECTIVES: dict[str, dict[str, tuple[str, ...]]] = {"org:un": {"fr": ("onusien",), "ar": ("الأممي",)}}
#: Arabic dual construct of a title, before two states' names joined by و ("وزيرا خارجية لبنان وإندونيسيا",
#: "رئيسا وزراء اليابان وتركيا"); the second state is read by the tagger's coordination like a second demonym
AR_DUAL_CONSTRUCT: dict[str, str] = {
    "president": "رئيسا", "prime_minister": "رئيسا وزراء", "monarch": "ملكا", "emir": "أميرا",
    "foreign_minister": "وزيرا خارجية", "defence_minister": "وزيرا دفاع"}
#: the title classes of a reigning monarch, whom Arabic also calls العاهل ("the sovereign") whatever the title:
#: "العاهل السويدي", "العاهل اللوكسمبورغي", "عاهل البحرين"
AR_SOVEREIGN = frozenset({"monarch", "queen", "emir", "sultan", "grand_duke", "prince"})
#: more English titles of a class for every state ("Turkey's Defense Minister", American spelling)
EN_VARIANTS: dict[str, tuple[str, ...]] = {"defence_minister": ("Defense Minister",),
                                           # the UN's English style ("a letter from the Minister for Foreign
                                           # Affairs of the Islamic Republic of Iran"), as French "le Ministre
                                           # des affaires étrangères de …" and Arabic "وزير خارجية …" are
                                           "foreign_minister": ("Minister for Foreign Affairs",
                                                                "Minister of Foreign Affairs"),
                                           "vice_president": ("Vice-President", "Deputy President"),
                                           "first_vice_president": ("First Vice-President",),
                                           # the heir's other English styles ("the heir to the throne of
                                           # Belgium", round 17's probes)
                                           "crown_prince": ("Crown Princess", "heir to the throne", "heir apparent")}
#: more French titles of a class made with the state's name ("l'héritier du trône de Belgique")
FR_MORE = {"finance_minister": ("ministre de l'Économie", "ministre de l'Économie et des Finances"),
           "crown_prince": ("héritier du trône", "héritière du trône")}
#: English titles of the states whose ministers are styled "Secretary" in English (the UK and the US
#: Secretaries of State, the Philippine and Mexican Secretaries): "the Defence Secretary of the United Kingdom"
SECRETARY_STYLE = frozenset({"GBR", "USA", "PHL", "MEX"})
EN_SECRETARY: dict[str, tuple[str, ...]] = {
    "defence_minister": ("Defence Secretary", "Defense Secretary", "Secretary of Defense", "Secretary of Defence"),
    "foreign_minister": ("Foreign Secretary", "Secretary of Foreign Affairs"),
    "finance_minister": ("Treasury Secretary", "Secretary of the Treasury", "Secretary of Finance")}
#: title class -> Arabic feminine (definite, construct). Not the monarch: "الملكة الأردنية" is the king's consort
#: (a reigning queen is rare and named); not "leader"/"emir"/"sultan" (no woman has held them)
AR_FEMININE: dict[str, tuple[str, str]] = {
    "president": ("الرئيسة", "رئيسة"), "prime_minister": ("رئيسة الوزراء", "رئيسة وزراء"),
    "chancellor": ("المستشارة", "مستشارة"), "foreign_minister": ("وزيرة الخارجية", "وزيرة خارجية"),
    "defence_minister": ("وزيرة الدفاع", "وزيرة دفاع"), "queen": ("الملكة", "ملكة"),
    "finance_minister": ("وزيرة المالية", "وزيرة مالية"),
}
_CLASS_RULES = (("supreme leader", "supreme_leader"), ("chancellor", "chancellor"), ("king", "monarch"),
                ("queen", "queen"), ("sultan", "sultan"), ("emir", "emir"), ("amir", "emir"),
                ("prime minister", "prime_minister"), ("premier", "prime_minister"), ("taoiseach", "prime_minister"),
                ("president", "president"), ("chairman", "president"), ("grand duke", "grand_duke"),
                ("prince", "prince"))
#: states whose president leads (semi-presidential systems where a prime minister also sits): "the Russian
#: leader" is the president there; elsewhere with a president and a prime minister "leader" is left unset
LEADER_IS_PRESIDENT = frozenset("RUS FRA UKR EGY SYR DZA TUN KAZ BLR AZE UZB TKM TJK KGZ ARM BRA KOR TWN PRK "
                                "SDN YEM IRQ LBN GEO MDA ROU POL LTU SEN CIV CMR".split())
#: organisation office -> (en, fr, ar definite) titles; phrases are made with every alias of the ``of``
ORG_OFFICES: dict[str, tuple[str, str, str]] = {
    "secretary_general": ("Secretary-General", "secrétaire général", "الأمين العام"),
    "president": ("President", "président", "رئيس"),
    "commission_president": ("Commission President", "président de la Commission", "رئيس المفوضية"),
    "chair": ("Chair", "président", "رئيس"),
    "high_representative": ("High Representative", "haut représentant", "الممثل الأعلى"),
    # the heads of the IAEA, WHO, WTO, UNESCO, OPCW, IMF (director_general), UNHCR and OHCHR (high_commissioner)
    # and the ICC (prosecutor): offices with holders by date in roles.csv and no phrase before round 14
    "director_general": ("Director General", "directeur général", "المدير العام"),
    "high_commissioner": ("High Commissioner", "haut-commissaire", "المفوض السامي"),
    "prosecutor": ("Prosecutor", "procureur", "المدعي العام"),
}
#: more titles of an organisation office, made into phrases the same way ("the EU's foreign policy chief")
ORG_OFFICE_MORE: dict[str, tuple[tuple[str, str, str], ...]] = {
    "high_representative": (("foreign policy chief", "chef de la diplomatie", "مسؤول السياسة الخارجية"),
                            ("top diplomat", "haute représentante", "الممثلة العليا"),
                            # the UN's renderings of the full title ("la Haute Représentante pour les affaires
                            # étrangères et la politique de sécurité de l'Union européenne", الممثلة السامية للاتحاد الأوروبي)
                            ("High Representative for Foreign Affairs and Security Policy",
                             "haute représentante pour les affaires étrangères et la politique de sécurité",
                             "الممثلة السامية"),
                            ("High Representative of the Union for Foreign Affairs and Security Policy",
                             "haut représentant pour les affaires étrangères et la politique de sécurité",
                             "الممثل السامي")),
    "secretary_general": (("chief", "secrétaire générale", "الأمينة العامة"),),
    "director_general": (("Director-General", "directrice générale", "المديرة العامة"),
                         ("Managing Director", "directeur", "مدير")),  # the IMF's title; "le directeur de l'AIEA"
    "high_commissioner": (("High Commissioner", "haute-commissaire", "المفوضة السامية"),
                          ("High Commissioner", "haut commissaire", "المفوض السامي")),
    "prosecutor": (("chief prosecutor", "procureure", "المدعية العامة"),),
    # the African Union's "chair" is the Commission's chairperson (the Union's rotating chair is a head of state)
    "chair": (("Commission Chairperson", "président de la Commission", "رئيس مفوضية"),
              ("Commission's chairperson", "présidente de la Commission", "رئيسة مفوضية"),  # "the AU Commission's"
              ("Commission chief", "présidente de la Commission", "رئيسة مفوضية")),
}


#: titles that are only a title (an earlier holder's counts when the latest holder's title lacks that class)
_PLAIN_TITLES = frozenset({"president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "amir",
                           "sultan", "prince", "grand duke"})


def title_class(title: str) -> str:
    """The class of a CIA title ("Transitional President Col." → "president"; "" when none applies)."""
    low = title.lower()
    return next((cls for word, cls in _CLASS_RULES if re.search(rf"\b{word}\b", low)), "")


def _office_titles(offices: dict[tuple[str, str], str], held: frozenset = frozenset()) -> dict[str, dict[str, str]]:
    """state -> title class -> role: which office each title names in that state (``held``: the (role, state)
    pairs of the registry's roles, for the deputy classes)."""
    out: dict[str, dict[str, str]] = {}
    ranked = sorted((rank > 0, role != "head_of_state", rank, role, of, title)
                    for (role, of), titles in offices.items() for rank, title in enumerate(titles.split(" | "))
                    if role in ("head_of_state", "head_of_government"))
    # a head of state's title naming two offices leaves the head of government's class to that office (Myanmar's
    # "Prime Minister, State Administration Council Chairman" of 2021-2025: the prime minister of 2008 is Thein Sein)
    hog = {(of, t.lower()) for _, _, _, role, of, t in ranked if role == "head_of_government"}
    ranked = [r for r in ranked if not (r[3] == "head_of_state" and "," in r[5] and (r[4], r[5].split(",")[0].lower()) in hog)]
    # the latest holders' titles first (the head of state's before the head of government's: USA "President")
    for _, _, rank, role, of, title in ranked:
        cls = title_class(title)
        if cls and rank == 0:
            out.setdefault(of, {}).setdefault(cls, role)
    for of, titles in out.items():
        roles = set(titles.values())
        if roles == {"head_of_state"} or of in LEADER_IS_PRESIDENT:
            titles["leader"] = "head_of_state"
        elif "head_of_government" in roles and any(titles.get(c) == "head_of_state" for c in (
                "monarch", "queen", "emir", "sultan", "prince", "grand_duke")):
            titles["leader"] = "head_of_government"
    # then an earlier holder's plain title ("Prime Minister", not "Privy Council President" or "Chairman of the
    # Council of Ministers") for a class still free: Sudan's "Prime Minister" of 2019-2022 before the latest
    # "Sovereign Council Chair"; "leader" stays as the latest titles set it
    for _, _, rank, role, of, title in ranked:
        if rank and title.lower() in _PLAIN_TITLES:
            out.setdefault(of, {}).setdefault(title_class(title), role)
    for of, titles in out.items():
        titles["foreign_minister"], titles["defence_minister"] = "foreign_minister", "defence_minister"
        implied = {"crown_prince": not AR_SOVEREIGN.isdisjoint(titles)}
        for cls in DEPUTY_CLASSES:
            if (cls, of) in held or implied.get(cls):
                titles[cls] = cls
    return out


def _fr_of(name: str) -> list[str]:
    """Every "de + article" form of a French name ("de la Turquie", "du Japon", "de l'Iran", "d'Israël")."""
    plain = [f"de la {name}", f"du {name}", f"des {name}", f"de {name}"]
    if name[:1].lower() in "aeiouyéèêâîôûh":  # and "des" for the plural names: "des États-Unis", "des Émirats"
        elided = [f"de l'{name}", f"d'{name}"] + ([f"des {name}"] if name.split()[0].endswith(("s", "x")) else [])
        # an initial h or y may not elide (h aspiré, a y before a consonant): "du Honduras", "de la Hongrie", "du
        # Yémen" beside "d'Haïti", "de l'Ouzbékistan"; both forms, since no name list says which (round 14)
        return elided + ([f for f in plain if f not in elided] if name[:1].lower() in "hy" else [])
    return plain


def _ar_lil(org: str) -> str:
    """Arabic "of" with the preposition li-: "الأمم المتحدة" → "للأمم المتحدة"."""
    return "لل" + org[2:] if org.startswith("ال") else "ل" + org


_ACRONYM = re.compile(r"[A-Z]{2,4}")


def _state_forms(cls: str, dem: dict[str, list], names: dict[str, list[str]], of: str = ""
                 ) -> list[tuple[str, str]]:
    en, en_pl, fr_m, fr_f, fr_pl, ar_def, ar_dual, ar_con = TITLES[cls]
    out: list[tuple[str, str]] = []
    for d in dem["en"]:
        out += [("en", f"{d} {en_pl}")]
    more = EN_VARIANTS.get(cls, ()) + (EN_SECRETARY.get(cls, ()) if of in SECRETARY_STYLE else ())
    for t in (en, *more):
        out += [("en", f"{d} {t}") for d in dem["en"]]
        for n in names["en"]:
            out += [("en", f"{n}'s {t}"), ("en", f"{t} of {n}"), ("en", f"{t} of the {n}")]
            if n.endswith("s"):  # the possessive of a name ending in s is often the bare apostrophe
                out.append(("en", f"{n}' {t}"))
        if t == en and en_pl and cls != "leader":  # "the Foreign Ministers of Russia and Turkey" (coordination;
            # "the leaders of South Sudan" are its politicians, not its head of state)
            out += [("en", f"{en_pl} of {n}") for n in names["en"]]
            out += [("en", f"{en_pl} of the {n}") for n in names["en"]]  # "the Presidents of the Philippines and Peru"
    for m, f in dem["fr"]:
        if cls == "finance_minister":
            out += [("fr", t.format(a)) for t in FR_FINANCE for a in (m, f)]
            continue
        if cls in ("foreign_minister", "defence_minister"):
            continue  # templates: "ministre russe des Affaires étrangères"
        plural = m if m.endswith(("s", "x")) else m + "s"
        if fr_m:  # a title with no masculine (the queen) has feminine forms only
            out += [("fr", f"{fr_m} {m}"), ("fr", f"{fr_pl} {m}"), ("fr", f"{fr_pl} {plural}")]
        if fr_f:
            out.append(("fr", f"{fr_f} {f}"))
    fr_more = FR_MORE.get(cls, ())
    for n in names["fr"]:
        out += [("fr", f"{t} {of}") for t in (fr_m, fr_f, *fr_more) if t for of in _fr_of(n)]
        if fr_pl and cls != "leader":  # "les présidents du Costa Rica et de Trinité-et-Tobago" (coordination)
            out += [("fr", f"{fr_pl} {of}") for of in _fr_of(n)]
        if n.startswith("République"):  # "le président de la République de Corée": with its article, so that
            # the context role "le président de la République", which starts earlier, does not take it
            out += [("fr", f"{art} {t} de la {n}") for art, t in (("le", fr_m), ("la", fr_f)) if t]
    for adj in dem["ar"]:
        if ar_def:
            out.append(("ar", f"{ar_def} {adj}"))
        if ar_dual:
            out.append(("ar", f"{ar_dual} {adj}"))
    for n in names["ar"] if ar_con else ():
        out.append(("ar", f"{ar_con} {n}"))
    if cls in AR_SOVEREIGN:
        out += [("ar", f"العاهل {adj}") for adj in dem["ar"]] + [("ar", f"عاهل {n}") for n in names["ar"]]
    if cls in AR_DUAL_CONSTRUCT:
        out += [("ar", f"{AR_DUAL_CONSTRUCT[cls]} {n}") for n in names["ar"]]
    head = AR_FEMININE_HEAD.get(cls)
    if head:
        out += [("ar", f"{head[0]} {adj}") for adj in dem["ar"]] + [("ar", f"{head[1]} {n}") for n in names["ar"]]
    fem = AR_FEMININE.get(cls)
    if fem:  # "رئيسة الوزراء السويدية", "رئيسة وزراء السويد": women in office, and the nisba agrees
        out += [("ar", f"{fem[0]} {ar_feminine_nisba(adj)}") for adj in dem["ar"]]
        out += [("ar", f"{fem[1]} {n}") for n in names["ar"]]
    return out


def _org_forms(office: tuple[str, str, str], names: dict[str, list[str]]) -> list[tuple[str, str]]:
    en, fr, ar = office
    out: list[tuple[str, str]] = []
    for n in names["en"]:
        out += [("en", f"{n} {en}"), ("en", f"{en} of the {n}"), ("en", f"{en} of {n}"), ("en", f"{n}'s {en}"),
                ("en", f"the {n}'s {en}")]
    for n in names["fr"]:
        out += [("fr", f"{fr} {of}") for of in _fr_of(n)]
    for n in names["ar"]:
        out += [("ar", f"{ar} {_ar_lil(n)}")]
        if ar.startswith("ال"):
            out.append(("ar", f"{ar[2:]} {n}"))
        elif len(ar.split()) > 1:  # a title naming its body is a construct: "رئيس مفوضية الاتحاد الأفريقي"
            out.append(("ar", f"{ar} {n}"))
    return out


def world_role_phrases(offices: dict[tuple[str, str], str], existing: list[dict[str, str]],
                       aliases: list[dict[str, str]], roles: list[dict[str, str]] = ()) -> list[dict[str, str]]:
    """Generated role-phrase rows (``source="generated"``) for every state office and organisation office.

    Parameters
    ----------
    offices : dict
        (role, state) → CIA title of the latest holder (from :func:`~diplolib.actors.leaders.leader_tables`).
    existing : list of dict
        Role phrases already defined by hand; a phrase they hold in a language is not generated again.
    aliases : list of dict
        Registry alias rows: the names of states and organisations.
    roles : list of dict
        Registry role rows: every organisation office held (``of`` starting with ``org:``) gets phrases.
    """
    split = lambda s: [v.strip() for v in s.split("|") if v.strip()]  # noqa: E731
    with (SOURCES_DIR / "state_demonyms.csv").open(encoding="utf-8", newline="") as fh:
        dem_rows = {r["actor_id"]: r for r in csv.DictReader(fh)}
    names: dict[str, dict[str, list[str]]] = {}
    for r in aliases:
        # official names too: UN texts write "le Président de la République démocratique du Congo", "رئيس
        # جمهورية إيران الإسلامية", where a shorter context role ("le président de la République") would win
        if r["kind"] in ("name", "short_name", "acronym", "official_name") and (r["actor_id"][:3].isupper() or
                                                               r["actor_id"].startswith("org:")):
            names.setdefault(r["actor_id"], {"en": [], "fr": [], "ar": []})[r["lang"]].append(r["alias"])
    taken = {(" ".join(r["phrase"].casefold().split()), r["lang"]) for r in existing}
    generated_ar = generated_ar_nisbas()
    rows: dict[tuple[str, str], dict[str, str]] = {}

    def add(lang: str, phrase: str, role: str, of: str, note: str) -> None:
        key = (" ".join(phrase.casefold().split()), lang)
        if key not in taken and key not in rows:
            rows[key] = {"phrase": phrase, "lang": lang, "role": role, "of": of, "case_sensitive": "false",
                         "source": "generated", "note": note}

    office_titles = _office_titles(offices, frozenset((r["role"], r["of"]) for r in roles))
    # a state the Factbook does not list (Palestine) has the offices its curated roles and demonym row give
    for of in sorted({r["of"] for r in roles if r["of"].isupper() and r["of"] not in office_titles}):
        row, titles = dem_rows.get(of, {}), {"foreign_minister": "foreign_minister", "defence_minister": "defence_minister"}
        titles.update({cls: row[col] for cls, col in (("president", "president_role"), ("prime_minister", "pm_role"))
                       if row.get(col)})
        office_titles[of] = titles
    for of, titles in sorted(office_titles.items()):
        d = dem_rows.get(of, {})
        dem = {"en": split(d.get("en", "")),
               "fr": list(zip(split(d.get("fr_m", "")), split(d.get("fr_f", "")), strict=False)),
               "ar": ["ال" + " ال".join(n.split()) for n in split(d.get("ar", ""))]
               + generated_ar.get(of, ([], False))[0]}  # "الرئيس المالي": CLDR has no Arabic demonym
        for cls, role in sorted(titles.items()):
            for lang, phrase in _state_forms(cls, dem, names.get(of, {"en": [], "fr": [], "ar": []}), of):
                add(lang, phrase, role, of, f"title {cls}")
    # a state's English acronym is an adjective too ("the Russian and US presidents", "the UAE president"): in
    # capitals only ("us presidents" is a pronoun), so with the title in both cases, each row case-sensitive
    for of, titles in sorted(office_titles.items()):
        for acronym in (n for n in names.get(of, {"en": []})["en"] if _ACRONYM.fullmatch(n)):
            for cls, role in sorted(titles.items()):
                en, en_pl = TITLES[cls][:2]
                more = EN_VARIANTS.get(cls, ()) + (EN_SECRETARY.get(cls, ()) if of in SECRETARY_STYLE else ())
                for t in dict.fromkeys(x for title in (en, en_pl, *more) for x in (title, title.lower())):
                    phrase = f"{acronym} {t}"
                    if (phrase.casefold(), "en") not in taken and (phrase, "en", "cs") not in rows:
                        rows[(phrase, "en", "cs")] = {"phrase": phrase, "lang": "en", "role": role, "of": of,
                                                      "case_sensitive": "true", "source": "generated",
                                                      "note": f"title {cls}, state acronym"}
    org_offices = sorted({(r["role"], r["of"]) for r in roles if r["of"].startswith("org:")})
    for role, of in org_offices:
        office = ORG_OFFICES.get(role)
        if office and of in names:
            for title in (office, *ORG_OFFICE_MORE.get(role, ())):
                for lang, phrase in _org_forms(title, names[of]):
                    add(lang, phrase, role, of, "organisation office")
            for lang, adjs in ORG_ADJECTIVES.get(of, {}).items():
                title = office[1] if lang == "fr" else office[2]
                for adj in adjs:
                    add(lang, f"{title} {adj}", role, of, "organisation office, adjective")
    # "the President of the European Council": with its article, so that the context role "the President", which
    # starts earlier, does not take it (an English organisation office in the "of" form)
    for r in list(existing) + list(rows.values()):
        if r["lang"] == "en" and r["of"].startswith("org:") and r["role"] and " of " in r["phrase"] \
                and not r["phrase"].lower().startswith("the ") and r["phrase"][:1].isupper():
            add("en", "the " + r["phrase"], r["role"], r["of"], "organisation office, with its article")
    return sorted(rows.values(), key=lambda r: (r["of"], r["role"], r["lang"], r["phrase"]))
