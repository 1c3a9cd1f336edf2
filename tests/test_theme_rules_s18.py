"""Theme rules of issue 16's round 18, one class each: the misfire's class is gone and the theme's sense still fires.

The classes came from the wrong hits of the sixteenth reading (``theme_precision_check_s18.csv``, read before any
rule) and of earlier readings that the conventions written at the head of ``themes.yaml`` settle (round 18): data,
insurance or stock brokers are a market, no mediation; a meeting or a body electing its officers (the Chair, the
Bureau, انتخاب نواب الرئيس) is no political election (tried and withdrawn in round 17 because two earlier readings
judged it right; the convention now reads it wrong, ``tests/data/theme_verdicts_amended.csv``); a demonstration of a
product or a quality is a showing, and a crime's "forms and manifestations" (أشكاله ومظاهره) no protest; a state's
economic relief at home and a relief road are no humanitarian aid; stepping down from a car is no transition; to
arrest a trend is to halt it; a memorandum of a secretariat or a President is a document, no agreement; a coalition
against drugs is no counter-terrorism; and a war recalled as history (the Great Patriotic War, the Second World War,
a battle of 1942) is no conflict now (:mod:`diplolib.themes.past_wars`). Mediation is ``scope: international`` now:
in the White House's and the Kremlin's text, a mediation naming nothing foreign is domestic
(:mod:`diplolib.themes.home_scope`).

Each case is a short sentence written for the rule (no corpus text), paired with its twin: the near-miss the rule must
leave as it was (the first sentence, which has the theme) and the class the rule removes (the second).
"""

from __future__ import annotations

import pandas as pd
from theme_readings import themes_of_twins, twin_tests

from diplolib.themes import load_themes, tag_themes
from diplolib.themes.past_wars import MARKERS, past_war_themes

# (theme, language, a sentence that has the theme, a sentence of the class that has not)
CASES = [
    ("mediation", "en", "Egypt and Qatar are the brokers of the truce between the two sides.",
     "Data brokers sold the geolocation records of millions of users."),
    ("elections", "en", "1. Election of the President of Ghana.", "1. Election of the Chair."),
    ("elections", "en", "The election of the members of parliament was postponed.",
     "The election of the officers of the Committee was postponed."),
    ("elections", "fr", "Élection du président de la République.", "Élection du Bureau."),
    ("elections", "ar", "انتخاب الرئيس الجديد للبلاد.", "انتخاب نواب الرئيس."),
    ("protests", "en", "Police dispersed a demonstration of students outside the ministry.",
     "The President also saw a demonstration of a solar battery developed at the plant."),
    ("protests", "en", "Thousands joined the demonstration in the capital.",
     "The parade was a demonstration of strength and unity."),
    ("protests", "ar", "وشارك الآلاف في مظاهرة ضد الحكومة.",
     "مكافحة الاتجار بالممتلكات الثقافية بجميع أشكاله ومظاهره."),
    ("aid", "en", "Relief convoys reached the besieged town.", "The Kutuzovsky Prospekt relief road will open next year."),
    ("aid", "en", "Humanitarian relief reached the displaced families.",
     "Small business relief programmes helped restaurants through the downturn."),
    ("political_transition", "en", "The president stepped down after weeks of protests.",
     "A terrorist stepped down from a car at the checkpoint and detonated his belt."),
    ("detainees", "en", "Police arrested some of the protesters near the square.",
     "We hope to arrest some of the numerous disturbing trends in the international situation."),
    ("agreement", "en", "The two states signed a memorandum on trade cooperation.",
     "The Committee had before it a memorandum by the secretariat of the Conference on the credentials."),
    ("agreement", "en", "The ministers signed a memorandum of understanding on energy.",
     "The President signed a Presidential Memorandum on climate adaptation."),
    ("counterterrorism", "en", "They joined the coalition against the Islamic State.",
     "They joined the coalition against drug trafficking in the region."),
    ("counterterrorism", "ar", "انضمت البلاد إلى التحالف الدولي ضد داعش.",
     "إقامة تحالف دولي واسع لمكافحة الاتجار بالمواد الأفيونية."),
    # past wars recalled (diplolib/themes/past_wars.py): the same words of a war of now keep their themes
    ("conflict", "en", "Putin laid flowers for the soldiers killed during the war in Syria.",
     "Putin laid flowers for the Leningraders killed during the Great Patriotic War."),
    ("casualties", "en", "Putin laid flowers for the soldiers killed during the war in Syria.",
     "Putin laid flowers for the Leningraders killed during the Great Patriotic War."),
    ("clashes", "en", "The battle of Aleppo went on for months.",
     "We have just celebrated the 70th anniversary of the Battle of Stalingrad."),
    ("ground_offensive", "en", "The army announced the liberation of the town from the militants.",
     "The forum marks the 75th anniversary of the complete liberation of Leningrad from the Nazi siege."),
    ("conflict", "fr", "La guerre a dévasté le pays depuis 2011.",
     "Les vétérans de la Grande Guerre patriotique ont raconté la guerre aux élèves."),
    ("conflict", "ar", "وقد دمرت الحرب البلاد منذ عام 2011.",
     "تحدث قدامى المحاربين عن الحرب الوطنية العظمى."),
]

tagged, test_theme_with_and_without = twin_tests(CASES)

# mediation with nothing foreign named, in a text of an outlet with a home state (the White House, the Kremlin)
HOME_CASES = [
    ("mediation", "en", "Qatar's mediation between the two sides will continue next week.",
     "The Chamber's Mediation Council will settle the disputes next week."),
    ("mediation", "en", "The President said the state acts as a mediator between Israel and Hamas.",
     "The President said the state acts as a mediator between business and trade unions."),
]


def test_domestic_mediation_is_dropped_in_the_readouts_of_a_home_state_only():
    for source in ("kremlin", "whitehouse"):
        got = themes_of_twins(HOME_CASES, source=source)
        for i, (theme, *_rest) in enumerate(HOME_CASES):
            assert theme in got[(i, "with")] and theme not in got[(i, "without")], (source, HOME_CASES[i])
    got = themes_of_twins(HOME_CASES, source="reuters")  # a news agency: nothing is known to be domestic
    assert all(theme in got[(i, "without")] for i, (theme, *_rest) in enumerate(HOME_CASES))


def test_a_past_war_drops_the_conflict_themes_of_its_own_sentence_only():
    text = ("Putin laid flowers for the Leningraders killed during the Great Patriotic War. "
            "Fighting in Syria killed ten soldiers.")
    hits = tag_themes(pd.DataFrame({"article_id": ["a"], "lang": "en", "text": [text]})).dropna(subset=["theme"])
    assert set(hits.loc[hits["sentence"] == 0, "theme"]) & past_war_themes(load_themes()) == set()
    assert {"casualties", "clashes"} <= set(hits.loc[hits["sentence"] == 1, "theme"])


def test_past_wars_leave_other_themes_and_cover_every_language_of_the_dictionary():
    """Only conflict and its leaves are concerned: a Victory Day visit is still a visit, the parade's greetings a call."""
    family = past_war_themes(load_themes())
    assert {"conflict", "clashes", "casualties", "siege", "ground_offensive"} <= family and "visit" not in family
    assert set(MARKERS) == set(load_themes().languages)
    text = "The President of France will pay an official visit to Moscow for Victory Day in the Great Patriotic War."
    hits = tag_themes(pd.DataFrame({"article_id": ["a"], "lang": "en", "text": [text]})).dropna(subset=["theme"])
    assert "visit" in set(hits["theme"]) and "conflict" not in set(hits["theme"])


def test_every_amended_verdict_is_a_hit_of_its_reading_first_read_the_other_way():
    """``theme_verdicts_amended.csv``: each row names a judged hit of a stored reading, says why, and changes it."""
    from theme_readings import AMENDED, DATA, read_judged

    changes = read_judged(AMENDED, empty_notes=True)
    assert len(changes) and (changes["note"].str.len() > 0).all() and set(changes["verdict"]) <= {"correct", "incorrect"}
    for name, part in changes.groupby("file"):
        first = read_judged(DATA / name, empty_notes=True).merge(part, on=["article_id", "theme", "start", "end"],
                                                                 suffixes=("", "_now"))
        assert len(first) == len(part), name
        assert (first["verdict"] != first["verdict_now"]).all(), name


# one phrase of each marker of diplolib/themes/past_wars.py, as texts write it (capitals, accents, hamza)
MARKER_PHRASES = {
    "en": ["Great Patriotic War", "Victory Day", "victory over Nazism", "anniversary of the Victory",
           "anniversary of the end of the Second World War", "veterans of the World War II", "Nazi invaders",
           "fascist invaders", "siege of Leningrad", "Battle of Kursk", "Leningrad blockade"],
    "fr": ["Grande Guerre patriotique", "Jour de la Victoire", "victoire sur le nazisme", "anniversaire de la Victoire",
           "anniversaire de la fin de la Seconde Guerre mondiale", "vétérans de la Deuxième Guerre mondiale",
           "envahisseurs nazis", "occupation nazie", "envahisseurs fascistes", "siège de Léningrad"],
    "ar": ["الحرب الوطنية العظمى", "عيد النصر", "الانتصار على النازية", "حصار لينينغراد", "معركة ستالينغراد"],
}


def test_every_marker_phrase_passes_the_key_prefilter_and_the_pattern():
    """The cheap substring check in front of the markers' regex lets every marker through (a marker without its key
    would silently never fire); a text of the world wars' bare names is no marker."""
    from diplolib.themes.past_wars import _PATTERNS, _holds_key

    for lang, phrases in MARKER_PHRASES.items():
        for phrase in phrases:
            assert _holds_key(phrase, lang) and _PATTERNS[lang].search(phrase), (lang, phrase)
    assert not _PATTERNS["en"].search("Since the Second World War, more than a hundred conflicts have broken out.")
