"""Round 17 (issue 16): domestic senses of ``scope: international`` themes without actor mentions.

In the articles of an outlet that speaks for one state (``diplolib/themes/data/home_states.csv``: the White House,
the Kremlin), a hit of a phone call or a visit stays only when its sentence, the one before or the article's lead
names something foreign (:mod:`diplolib.themes.home_scope`). Each case is a sentence that must keep its theme (it
names a foreign state, body or leader) and its domestic twin that must lose it; the same domestic sentences from an
outlet without a home, or a table without ``source``, keep their hits.
"""

from __future__ import annotations

import pandas as pd
from theme_readings import themes_of_twins

from diplolib.themes import load_themes, tag_themes
from diplolib.themes.home_scope import home_states

# (theme, lang, sentence naming something foreign, its domestic twin), for any home state
CASES = [
    # the President's call with the Speaker (wh-readouts, fifteenth reading) / with a foreign leader
    ("phone_call", "en", "This afternoon, the President and Prime Minister Kishida of Japan spoke by phone about the budget.",
     "This afternoon, the President and Speaker Johnson spoke by phone about the budget."),
    # a visit to a place of his own state (kremlin-en, fifteenth reading) / to a foreign capital
    ("visit", "en", "Next week the President will pay a visit to Beijing.",
     "Next week the President will pay a visit to the capital."),
    # an international body names the foreign side
    ("visit", "en", "Next week the President will pay a visit to the NATO headquarters.",
     "Next week the President will pay a visit to the party headquarters."),
    # the lead names the counterpart that a later sentence calls "they"
    ("phone_call", "en", "The adviser met Foreign Minister Wang Yi outside Beijing, China. The talks were long. They "
     "planned to hold a telephone call in the near future.",
     "The adviser met the committee chairs in the capital. The talks were long. They planned to hold a telephone "
     "call in the near future."),
    # a word that says the other side is foreign without naming a state (kremlin-en: the registry has no PACE)
    ("visit", "en", "After the visit, the European MPs will prepare a special report.",
     "After the visit, the regional deputies will prepare a special report."),
    # a royal title none of the home states has (kremlin-en: a prince the registry does not list)
    ("visit", "en", "The President expressed hope that the prince's visit would strengthen relations.",
     "The President expressed hope that the governor's visit would strengthen relations."),
    # a French sentence: the French aliases of the registry
    ("visit", "fr", "Le président effectuera une visite officielle en Allemagne.",
     "Le président effectuera une visite officielle dans la région."),
]
# Cases of the Kremlin's text (a place of Russia is home there, foreign for the White House)
KREMLIN_CASES = [
    # a case-sensitive alias is read in its own case: "US" the state, not "us" the pronoun
    ("visit", "en", "He recalled the visits by US Secretaries of the Treasury and Commerce to Moscow.",
     "He recalled the visits by us and by the Secretaries of the Treasury and Commerce to Moscow."),
    # a case-sensitive name followed by a number is a date: "May 3" is the month, not Theresa May
    ("visit", "en", "On May 3, the President will visit Sochi with the Prime Minister of the United Kingdom.",
     "On May 3, the President will visit Sochi with the Governor of the region."),
]


def test_foreign_names_keep_the_theme_and_domestic_twins_lose_it():
    for source, home, cases in (("whitehouse", "USA", CASES), ("kremlin", "RUS", CASES + KREMLIN_CASES)):
        assert home_states()[source] == home
        got = themes_of_twins(cases, source=source)
        for i, (theme, *_rest) in enumerate(cases):
            assert theme in got[(i, "with")], (source, cases[i][2])
            assert theme not in got[(i, "without")], (source, cases[i][3])


def test_outlets_without_a_home_keep_domestic_hits():
    """The rule knows nothing of what is domestic for a news agency or a table without ``source``."""
    for source in (None, "reuters"):
        got = themes_of_twins(CASES + KREMLIN_CASES, source=source)
        for i, (theme, *_rest) in enumerate(CASES + KREMLIN_CASES):
            assert theme in got[(i, "with")] and theme in got[(i, "without")], (source, (CASES + KREMLIN_CASES)[i][3])


def test_the_home_state_itself_is_no_foreign_name():
    """"Russia" in a Kremlin article is home; in a White House article it is foreign."""
    text = "Next week the President will pay a visit to Russia's Moscow Region."
    arts = pd.DataFrame({"article_id": ["k", "w"], "lang": "en", "text": text, "source": ["kremlin", "whitehouse"]})
    hits = tag_themes(arts).dropna(subset=["theme"])
    assert set(hits.loc[hits["theme"] == "visit", "article_id"]) == {"w"}


def test_only_international_themes_are_scoped():
    """Themes without ``scope: international`` keep their domestic hits (on every stored reading the same rule on
    agreement, summit, talks, trade or energy lost more right hits than it removed wrong ones; mediation joined in
    round 18: three wrong hits dropped, no right one)."""
    themes = load_themes().themes.set_index("theme")["scope"]
    assert {t for t, s in themes.items() if s == "international"} == {"phone_call", "visit", "security_council",
                                                                       "mediation"}
    text = "The President signed the deal on the economy with the Governor of the region."
    arts = pd.DataFrame({"article_id": ["k"], "lang": "en", "text": [text], "source": ["kremlin"]})
    assert "agreement" in set(tag_themes(arts)["theme"].dropna())
