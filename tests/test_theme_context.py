"""Context in the theme dictionary: gapped cues, near/not_near neighbours, theme-wide context, scope."""

from __future__ import annotations

import re
import textwrap

import pandas as pd
import pytest
from suite_cache import shipped_themes

from diplolib.normalize.matching import matching_form
from diplolib.themes import ThemeFileError, load_themes, tag_themes
from diplolib.themes.cues import cue_pattern
from diplolib.themes.tagging import _tag_themes_exact


@pytest.fixture(scope="module")
def themes():
    return shipped_themes()


def _articles(*rows):
    return pd.DataFrame(rows, columns=["article_id", "lang", "text"])


def _themes_of(text, lang, themes):
    hits = tag_themes(_articles(("a1", lang, text)), dictionary=themes)
    return set(hits["theme"].dropna())


def _write(tmp_path, body, name="user.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return path


# ---------------------------------------------------------------- gaps


@pytest.mark.parametrize(
    ("cue", "lang", "yes", "no"),
    [
        ("fight ... terror*", "en", ["fight terrorism", "fight against international terrorism",
                                     "fight against its terrorism"],
         ["fight against all the many forms of terrorism", "fight, terrorism", "fighter terrorism"]),
        ("fight ...1 terror*", "en", ["fight terrorism", "fight against terrorism"],
         ["fight against international terrorism"]),
        ("lutte ... terroris*", "fr", ["la lutte contre le terrorisme", "lutte contre le terrorisme international"], ["lutte. Le terrorisme"]),
        ("مكافحة ... الارهاب", "ar", ["ومكافحة الإرهاب", "مكافحة التنظيمات والارهاب"], ["مكافحة الفساد"]),
    ],
)
def test_gapped_cue(cue, lang, yes, no):
    rx = re.compile(cue_pattern(cue, lang))
    for text in yes:
        assert rx.search(matching_form(text)), (cue, text)
    for text in no:
        assert not rx.search(matching_form(text)), (cue, text)


@pytest.mark.parametrize("cue", ["... terror", "fight ...", "fight ...0 terror", "fight ...12 terror"])
def test_bad_gap_refused(cue):
    with pytest.raises(ValueError, match="gap"):
        cue_pattern(cue, "en")


# ---------------------------------------------------------------- the shipped dictionary's context rules


@pytest.mark.parametrize(
    ("lang", "theme", "text"),
    [
        ("en", "casualties", "The bodies of 12 people were found in a mass grave."),
        ("en", "aid", "Russia delivered humanitarian aid to Aleppo."),
        ("en", "aid", "The humanitarian situation in Idlib is dire."),
        ("en", "shelling", "Rockets fired from Gaza hit the town."),
        ("en", "counterterrorism", "They discussed the fight against international terrorism."),
        ("en", "arms_transfers", "They reviewed military-technical cooperation."),
        ("en", "energy", "Germany will not quit Nord Stream 2."),
        ("en", "security_council", "The UN Security Council adopted a resolution."),
        ("ar", "casualties", "توفي متأثرا بجراحه بعد القصف"),
        ("fr", "aid", "Un convoi humanitaire est arrivé à Alep."),
    ],
)
def test_context_keeps_true_hits(lang, theme, text, themes):
    assert theme in _themes_of(text, lang, themes)


@pytest.mark.parametrize(
    ("lang", "theme", "text"),
    [
        ("en", "casualties", "Local government bodies must meet the requirements of the law."),
        ("en", "casualties", "Three people died in the plane crash."),
        ("en", "aid", "They discussed trade, economic and humanitarian cooperation."),
        ("en", "shelling", "Yars ballistic missiles were put on combat duty."),
        ("en", "agreement", "The sanctions dealt a heavy blow to the economy."),
        ("en", "reconstruction", "He opened the Drug Rehabilitation Centre."),
        ("en", "trade", "Iran tried to export its revolution."),
        ("en", "security_council", "Putin met the Secretary of the Security Council, Nikolai Patrushev."),
        ("en", "security_council", "He held a meeting with permanent members of the Security Council."),
        ("en", "phone_call", "Putin had a telephone conversation with the Governor of Tula Region."),
        ("ar", "casualties", "توفي الفنان الكبير عن عمر يناهز 80 عاما"),
        ("fr", "aid", "La coopération humanitaire et culturelle progresse."),
    ],
)
def test_context_drops_misfires(lang, theme, text, themes):
    assert theme not in _themes_of(text, lang, themes)


# the classes of the third round (issue 16): one example per class, true sense and false friend
@pytest.mark.parametrize(
    ("lang", "theme", "yes", "no"),
    [
        ("en", "aid", "Humanitarian aid reached the besieged town.", "The war caused immense humanitarian suffering."),
        ("en", "siege", "Starvation was used as a weapon by the besieging forces.", "Millions face starvation after the drought."),
        ("en", "chemical_weapons", "The barrel bombs released chlorine gas.", "Chlorine is added to the water supply."),
        ("en", "clashes", "Heavy fighting broke out in Aleppo.", "We must do more to combat poverty and fight corruption."),
        ("en", "energy", "They discussed energy supplies and oil prices.", "Sugar gives the body a burst of energy."),
        ("en", "summit", "The leaders met at the G20 summit.", "The General Assembly held a high-level meeting on AIDS."),
        ("en", "un_envoy", "The UN special envoy met the parties.", "He was the presidential envoy to the Volga Federal District."),
        ("en", "agreement", "The two states signed a peace agreement.", "Facebook's deal to acquire WhatsApp, a takeover of the startup."),
        ("en", "mediation", "Egypt offered to mediate between Hamas and Israel.", "Mediation between taxpayers and the tax office in court."),
        ("fr", "mediation", "Un accord de cessez-le-feu sous l'égide de la Russie.", "Un programme d'action sous l'égide des Nations unies."),
        ("fr", "evacuation", "Garantir un passage sûr aux civils qui quittent la ville.", "Deux nouveaux points de passage sur la ligne de contact."),
        ("fr", "detainees", "Trois suspects ont été interpellés par la police.", "Le Premier ministre a interpellé les autorités européennes."),
        ("fr", "ground_offensive", "La reprise de la ville par l'armée.", "La reprise de la croissance économique."),
        ("ar", "elections", "أعلن المرشح للانتخابات الرئاسية برنامجه", "والعدد مرشح للزيادة هذا العام"),
        ("ar", "diplomatic_relations", "استقبل الوزير سفير فرنسا", "يطلق اسم الفوتو سفير على الجزء المرئي من الشمس"),
        ("ar", "detainees", "أفرجت الحكومة عن أسراهم", "الزواج والعلاقات الأسرية"),
        ("ar", "shelling", "سقط صاروخ على حي سكني", "أطلق صاروخ يحمل قمرا صناعيا إلى الفضاء"),
    ],
)
def test_third_round_classes(lang, theme, yes, no, themes):
    assert theme in _themes_of(yes, lang, themes)
    assert theme not in _themes_of(no, lang, themes)


def test_alif_maqsura_cue_takes_pronouns_on_alif():
    rx = re.compile(cue_pattern("اسرى", "ar"))
    assert rx.search(matching_form("تبادل الأسرى")) and rx.search(matching_form("أسراهم"))
    assert not rx.search(matching_form("العلاقات الأسرية"))


def test_neighbours_do_not_cross_a_sentence(themes):
    # "found" is a neighbour of "bodies" only inside its sentence
    assert "casualties" not in _themes_of("Nothing was found. State bodies will meet.", "en", themes)
    assert "casualties" in _themes_of("Bodies were found near the road.", "en", themes)


def test_fast_and_exact_paths_agree_with_context(themes):
    arts = _articles(
        ("1", "en", "The bodies were found. Government bodies met. Humanitarian cooperation and humanitarian aid."),
        ("2", "en", "Missiles hit the town; missile systems on combat duty; fight against international terrorism."),
        ("3", "ar", "توفي متأثرا بجراحه. توفي الفنان."),
    )
    pd.testing.assert_frame_equal(tag_themes(arts, dictionary=themes), _tag_themes_exact(arts, dictionary=themes))


# ---------------------------------------------------------------- user files


def test_user_file_context_and_theme_context(tmp_path):
    path = _write(
        tmp_path,
        """
        themes:
          - id: flood
            label: Floods
            cues:
              en: [flood(s|ed), {cue: water, near: [river, rain], not_near: [drinking], window: 2}]
            context:
              en: {not_near: [metaphor], window: 3}
        """,
    )
    d = load_themes(path, include_default=False)
    water = d.cues[d.cues["cue"] == "water"].iloc[0]
    assert water["window"] == 2 and water["near"] and water["not_near"]
    assert water["source"] == f"{path}:5"
    flood = d.cues[d.cues["cue"] == "flood(s|ed)"].iloc[0]
    assert flood["window"] == 3 and flood["not_near"] and not flood["near"]

    def found(text):
        return set(tag_themes(_articles(("a", "en", text)), dictionary=d)["surface"].dropna())

    assert found("The river water rose.") == {"water"}
    assert found("Drinking water from the river.") == set()
    assert found("Water everywhere.") == set()
    assert found("A flood, a metaphor.") == set()
    assert found("The floods came.") == {"floods"}


def test_named_lists_of_neighbours(tmp_path):
    """``lists:`` names a class of senses once; ``$name`` among the neighbours stands for its words in the cue's
    language, in a cue's own context and in a theme's; a later file uses the lists of the files before it."""
    path = _write(
        tmp_path,
        """
        lists:
          sport: {en: [player(s), match(es)], fr: [joueur(s)]}
        themes:
          - id: deal
            label: Deals
            cues:
              en: [{cue: deal(s), not_near: [$sport, hotel(s)], window: 4}]
              fr: [accord(s)]
            context:
              fr: {not_near: [$sport]}
        """,
    )
    extra = _write(tmp_path, "themes:\n  - id: pact\n    label: Pacts\n    cues:\n      en: [{cue: pact(s), not_near: [$sport]}]\n",
                   name="extra.yaml")
    d = load_themes(path, extra, include_default=False)

    def found(text, lang="en"):
        return set(tag_themes(_articles(("a", lang, text)), dictionary=d)["surface"].dropna())

    assert found("The two states signed a deal.") == {"deal"}
    assert found("The player signed a deal.") == set()
    assert found("A deal with the hotels.") == set()
    assert found("The players and the pact.") == set()
    assert found("The pact of two states.") == {"pact"}
    assert found("Un accord entre deux joueurs.", "fr") == set()
    assert found("Un accord entre deux États.", "fr") == {"accord"}


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("themes:\n  - id: a\n    label: A\n    cues:\n      en: [{cue: ab, near: [$nope]}]\n", 5, "no list 'nope'"),
        ("lists:\n  Sport: {en: [ab]}\nthemes: []\n", 2, "list name"),
        ("lists:\n  sport: {en: [ab]}\n  sport: {fr: [ab]}\nthemes: []\n", 3, "already defined"),
        ("lists:\n  sport: [ab]\nthemes: []\n", 2, "maps language codes"),
        ("lists:\n  sport: {xx: [ab]}\nthemes: []\n", 2, "unknown language"),
        ("lists:\n  sport: {en: ['*']}\nthemes: []\n", 2, "list 'sport'"),
    ],
)
def test_malformed_lists_report_file_and_line(tmp_path, body, line, words):
    path = _write(tmp_path, body)
    with pytest.raises(ThemeFileError) as err:
        load_themes(path, include_default=False)
    msg = str(err.value)
    assert msg.startswith(f"{path}:{line}:"), msg
    assert words in msg


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("themes:\n  - id: a\n    label: A\n    cues:\n      en: [{near: [xy]}]\n", 5, "needs 'cue:'"),
        ("themes:\n  - id: a\n    label: A\n    cues:\n      en: [{cue: ab}]\n", 5, "give 'near' or 'not_near'"),
        ("themes:\n  - id: a\n    label: A\n    cues:\n      en: [{cue: ab, near: [xy], window: 0}]\n", 5, "window"),
        ("themes:\n  - id: a\n    label: A\n    cues:\n      en: [{cue: ab, nearby: [x]}]\n", 5, "unknown context key"),
        ("themes:\n  - id: a\n    label: A\n    cues:\n      en:\n        - {cue: ab, near: ['*']}\n", 6, "'near'"),
        ("themes:\n  - id: a\n    label: A\n    exclude:\n      en: [{cue: ab, near: [xy]}]\n", 5, "plain cues"),
        ("themes:\n  - id: a\n    label: A\n    scope: global\n", 4, "scope"),
        ("themes:\n  - id: a\n    label: A\n    context:\n      en: [x]\n", 5, "a mapping"),
        ("themes:\n  - id: a\n    label: A\n    context:\n      en: {cue: ab, near: [x]}\n", 5, "unknown context key"),
        ("themes:\n  - id: a\n    label: A\n    cues:\n      en: [fight ... ...]\n", 5, "gap"),
    ],
)
def test_malformed_context_reports_file_and_line(tmp_path, body, line, words):
    path = _write(tmp_path, body)
    with pytest.raises(ThemeFileError) as err:
        load_themes(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}:{line}:"), msg
    assert words in msg


# ---------------------------------------------------------------- scope


def _mentions(rows):
    return pd.DataFrame(rows, columns=["article_id", "actor_id", "sentence"]).astype({"sentence": "int64"})


def test_scope_international_drops_single_state_sentences(themes):
    arts = _articles(
        ("k1", "en", "Putin and Belousov met the Security Council. He had a phone call with Belousov."),
        ("k4", "en", "Putin had a telephone conversation with the President of the Republic of Korea."),
        ("k2", "en", "Putin had a phone call with Macron. The Security Council met in New York."),
        ("k3", "en", "The Security Council adopted resolution 2254."),
    )
    mentions = _mentions([
        ("k1", "per:vladimir_putin", 0), ("k1", "per:andrei_belousov", 0), ("k1", "per:andrei_belousov", 1),
        ("k4", "per:vladimir_putin", 0), ("k4", "RUS", 0),
        ("k2", "per:vladimir_putin", 0), ("k2", "per:emmanuel_macron", 0), ("k2", "org:unsc", 1),
    ])
    plain = tag_themes(arts, dictionary=themes)
    scoped = tag_themes(arts, dictionary=themes, mentions=mentions)
    intl = {"security_council", "phone_call"}

    def kept(hits, aid):
        return set(hits.loc[hits["article_id"] == aid, "theme"].dropna()) & intl

    assert kept(plain, "k1") == intl and kept(scoped, "k1") == set()
    assert kept(scoped, "k2") == intl  # two states; an international body
    assert kept(scoped, "k3") == {"security_council"}  # no mention: kept
    assert kept(scoped, "k4") == {"phone_call"}  # one person (and his state): the other side is unknown, kept
    other = plain[~plain["theme"].isin(intl)]
    pd.testing.assert_frame_equal(other.reset_index(drop=True),
                                  scoped[~scoped["theme"].isin(intl)].reset_index(drop=True))


def test_scope_needs_mention_columns(themes):
    with pytest.raises(ValueError, match="mentions"):
        tag_themes(_articles(("a", "en", "war")), dictionary=themes, mentions=pd.DataFrame({"x": [1]}))


# ---------------------------------------------------------------- senses by class (issue 16, fourth round)

_SENSES = [
    # (text, lang, theme, expected): a class the shipped dictionary tells apart, with its diplomatic sense beside it
    ("The striker signed a new deal with the club.", "en", "agreement", False),
    ("Ukraine and Russia signed a deal on grain exports.", "en", "agreement", True),
    ("Les candidats au baccalauréat connaîtront leurs résultats.", "fr", "elections", False),
    ("Le candidat de l'opposition a remporté l'élection présidentielle.", "fr", "elections", True),
    ("Royal Dutch Shell signed the contract.", "en", "shelling", False),
    ("Tanks shelled the town overnight.", "en", "shelling", True),
    ("وقعت الدولة على معاهدة حظر الأسلحة النووية.", "ar", "arms_embargo", False),
    ("فرض مجلس الأمن حظر توريد الأسلحة على ليبيا.", "ar", "arms_embargo", True),
    ("The arms embargo on Libya was renewed.", "en", "economic_sanctions", False),
    ("The arms embargo on Libya was renewed.", "en", "arms_embargo", True),
    ("Le maintien de la paix et de la sécurité internationales incombe au Conseil.", "fr", "peacekeeping", False),
    ("Les opérations de maintien de la paix au Mali ont été prolongées.", "fr", "peacekeeping", True),
    ("Migratory birds cross the strait in spring.", "en", "refugees", False),
    ("Le terrorisme sous toutes ses formes et manifestations doit être combattu.", "fr", "protests", False),
    ("Des manifestations contre le gouvernement ont eu lieu à Alger.", "fr", "protests", True),
    ("The driver was injured in a collision during the race.", "en", "casualties", False),
    ("Three civilians were injured in the shelling.", "en", "casualties", True),
    ("عاد إلى الفندق بعد زيارة المتحف والحدائق.", "ar", "visit", False),
    ("أجرى وزير الخارجية زيارة رسمية إلى موسكو.", "ar", "visit", True),
    ("Alonso a fait le plein de carburant pendant la course automobile.", "fr", "energy", False),
    ("Touch the socket and the electricity gives you a shock.", "en", "energy", False),
    ("The war will not end soon, the minister warned.", "en", "conflict", True),
    ("توفي بعد صراع طويل مع المرض.", "ar", "conflict", False),
]


@pytest.mark.parametrize(("text", "lang", "theme", "expected"), _SENSES)
def test_senses_by_class(themes, text, lang, theme, expected):
    assert (theme in _themes_of(text, lang, themes)) is expected
