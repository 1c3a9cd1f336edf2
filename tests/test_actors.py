"""The actor tagger: mentions with offsets, boundaries, case, dates, roles, places; discovery; re3d scoring."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import corpus_dir
from diplolib.actors import load_registry
from diplolib.actors.discover import add_provisional, proper_names, suggest_actors
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.tagger import MENTION_COLUMNS, ActorMatcher, tag_actors


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _tag(matcher, text, published=None, lang="en"):
    arts = pd.DataFrame({"article_id": ["a1"], "text": [text], "lang": [lang],
                         "published": pd.to_datetime([published], utc=True)})
    return tag_actors(arts, registry=matcher)


def _actors(mentions):
    return mentions["actor_id"].dropna().tolist()


@pytest.mark.parametrize("text, date, expected", [
    ("Sergueï Lavrov a parlé.", None, ["per:sergey_lavrov"]),
    ("Serguei Lavrov a parlé.", None, ["per:sergey_lavrov"]),           # diacritic-free spelling
    ("SERGEY LAVROV said.", None, ["per:sergey_lavrov"]),
    ("Le chef de la diplomatie russe est arrivé.", "2016-02-12", ["per:sergey_lavrov"]),
    ("The Russian Foreign Minister arrived.", "2016-02-12", ["per:sergey_lavrov"]),
    ("وصل وزير الخارجية الروسي إلى دمشق.", "2016-02-12", ["per:sergey_lavrov", "place:damascus"]),
    ("Daech a été chassé.", None, ["grp:isis"]),
    ("La lutte contre l’EI continue.", None, ["grp:isis"]),               # French elision
    ("Fighters of ISIL and Daesh.", None, ["grp:isis", "grp:isis"]),
    ("قال داعش", None, ["grp:isis"]),
    ("وروسيا", None, ["RUS"]),                                           # Arabic proclitic wa-
    ("Russia's position.", None, ["RUS"]),                                # English possessive
    ("Moscow said on Monday.", None, ["RUS"]),                            # capital as metonym
    ("Talks were held in Moscow.", None, ["place:moscow"]),                # capital as the city
    ("Des pourparlers à Moscou.", None, ["place:moscow"]),
    ("Assad met envoys.", "1995-05-01", ["per:hafez_al_assad"]),          # ambiguous alias by date
    ("Assad met envoys.", "2016-05-01", ["per:bashar_al_assad"]),
    ("President al Assad spoke.", "2016-05-01", ["per:bashar_al_assad"]),  # hyphen-free
    ("The US and the UN.", None, ["USA", "org:un"]),                      # case-sensitive acronyms
    ("Tell us about it, un peu.", None, []),
    ("WHO said who was ill.", None, ["org:who"]),
    ("Groupe international de soutien à la Syrie", None, ["org:issg"]),  # longest match wins
    ("The Israeli Prime Minister spoke.", None, []),                       # a role phrase needs a date
])
def test_tagging_table(matcher, text, date, expected):
    m = _tag(matcher, text, date)
    assert _actors(m) == expected
    for row in m.itertuples():
        assert text[row.start:row.end] == row.surface


def test_role_phrase_without_date_is_kept_unresolved(matcher):
    m = _tag(matcher, "Le chef de la diplomatie russe est arrivé.")
    assert len(m) == 1
    assert pd.isna(m.loc[0, "actor_id"]) and m.loc[0, "reason"] == "no-date"
    assert m.loc[0, "method"] == "role"


def test_counterpart_takes_the_role_of_the_other_person(matcher):
    text = "Sergueï Lavrov s'est entretenu avec son homologue américain John Kerry."
    m = _tag(matcher, text, "2016-02-12")
    counterpart = m[m["alias_kind"] == "counterpart"]
    assert counterpart["actor_id"].tolist() == ["per:john_kerry"]
    assert counterpart["surface"].tolist() == ["son homologue américain"]


def test_excluding_demonyms_and_capitals(matcher):
    text = "The Russian side and Moscow agreed with Russia."
    reg = load_registry()
    assert _actors(_tag(matcher, text)) == ["RUS", "RUS", "RUS"]
    strict = ActorMatcher(reg, exclude_kinds=("demonym", "capital"))
    # without capital metonyms a capital is read as the city
    assert _actors(_tag(strict, text)) == ["place:moscow", "RUS"]


def test_sentence_and_paragraph_indexes(matcher):
    text = "Iran spoke. Then Iraq replied.\n\nTurkey waited."
    m = _tag(matcher, text)
    assert m[["actor_id", "sentence", "paragraph"]].values.tolist() == [
        ["IRN", 0, 0], ["IRQ", 1, 0], ["TUR", 2, 1]]


def test_columns_and_bad_articles_never_raise(matcher):
    arts = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "text": ["", None, "Syria.", "日本語のテキスト"],
                         "lang": ["en", "en", "xx", "ja"]})
    before = arts.copy()
    m = tag_actors(arts, registry=matcher)
    assert list(m.columns) == MENTION_COLUMNS
    assert m["article_id"].tolist() == ["c"]
    pd.testing.assert_frame_equal(arts, before)


def test_missing_text_column_is_a_clear_error(matcher):
    with pytest.raises(ValueError, match="'text' is missing"):
        tag_actors(pd.DataFrame({"article_id": [1]}), registry=matcher)


def test_user_registry_file_adds_an_actor(tmp_path):
    (tmp_path / "actors.csv").write_text("actor_id,label,kind,country\ngrp:liwa_test,Liwa Test,armed_group,SYR\n")
    (tmp_path / "aliases.csv").write_text("actor_id,alias,lang,kind\ngrp:liwa_test,Liwa al-Testiyya,en,name\n")
    m = _tag(ActorMatcher(load_registry(tmp_path)), "Fighters of Liwa al-Testiyya advanced on Aleppo.")
    assert _actors(m) == ["grp:liwa_test", "place:aleppo"]


def test_seed_yields_the_expected_actors():
    from diplolib.normalize import normalize_articles

    folder = corpus_dir("sana-fr")
    page = (folder / "000_9686c5b622632da7.txt").read_text("utf-8")
    title, _, body = page.partition("\n")
    records = pd.DataFrame([{"origin": "000_9686c5b622632da7.txt", "source": "sana", "title": title, "text": body,
                             "url": pd.NA, "published": pd.NA, "lang": pd.NA, "format": "page"}])
    articles = normalize_articles(records, published="2016-02-10")
    m = tag_actors(articles)
    expected = {"per:sergey_lavrov", "per:john_kerry", "RUS", "USA", "SYR", "org:un", "org:unsc", "org:issg",
                "grp:isis", "IRN", "IRQ", "EGY", "JOR", "FRA", "place:geneva", "place:munich", "place:baghdad"}
    assert expected <= set(m["actor_id"].dropna())
    texts = articles.set_index("article_id")["text"]
    for row in m.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.surface
    cs = m[m["surface"] == "CS"]
    assert cs["actor_id"].tolist() == ["org:unsc"]
    assert m.loc[m["surface"].str.contains("Daech"), "actor_id"].unique().tolist() == ["grp:isis"]


# --- discovery ------------------------------------------------------------------------------------------

def test_proper_names_keep_particles():
    names = [n for _, _, n in proper_names("Yesterday Abu Mohammed al-Adnani and Hassan bin Ali met in Raqqa.")]
    assert "Abu Mohammed al-Adnani" in names and "Hassan bin Ali" in names


def test_suggest_actors_lists_uncovered_names(matcher):
    arts = pd.DataFrame({"article_id": ["1", "2", "3"], "lang": ["en"] * 3, "text": [
        "Commander Issam Zahreddine visited Deir ez-Zor. Sergey Lavrov was not there.",
        "Issam Zahreddine said the siege was over.",
        "Lavrov met Kerry."]})
    out = suggest_actors(arts, registry=matcher, method="rules")
    row = out[out["name"] == "Issam Zahreddine"]
    assert len(row) == 1 and row["count"].iloc[0] == 2 and row["articles"].iloc[0] == 2
    assert "Sergey Lavrov" not in set(out["name"])
    reg = add_provisional(matcher.registry, out, names=["Issam Zahreddine"])
    m = _tag(ActorMatcher(reg), "Issam Zahreddine spoke.")
    assert _actors(m) == ["prov:issam_zahreddine"]
    assert reg.actors.set_index("actor_id").loc["prov:issam_zahreddine", "kind"] == "provisional"
    assert "prov:issam_zahreddine" not in set(matcher.registry.actors["actor_id"])


def test_re3d_scores_are_measured():
    from diplolib.actors.evaluate import read_re3d, score_mentions

    docs, gold = read_re3d(corpus_dir("re3d"))
    assert len(docs) == 90
    scores = score_mentions(docs, gold).set_index("type")
    assert set(scores.index) == {"Person", "Organisation", "Location", "Nationality", "all"}
    assert 0 < scores.loc["all", "precision"] <= 1 and 0 < scores.loc["all", "recall"] <= 1
    assert scores.loc["all", "gold"] == len(gold)


_REF = {}


def _reference_automaton(matcher):
    """Every key as a plain substring (all overlapping hits reported)."""
    import re

    import ahocorasick

    if id(matcher) not in _REF:
        words = {}
        for key in matcher._entries:
            k = re.sub(r"[\W_]", " ", key)
            words.setdefault(k, []).append((key, k))
        a = ahocorasick.Automaton()
        for k, v in words.items():
            a.add_word(k, v)
        a.make_automaton()
        _REF[id(matcher)] = a
    return _REF[id(matcher)]


def _footnote_after(m, b):
    """1-3 digits at ``b`` ending the word, after 4 letters: a footnote mark glued to the word ("Council1")."""
    n = 0
    while b + n < len(m) and m[b + n].isdigit():
        n += 1
    letters = b >= 4 and all(c.isalpha() for c in m[b - 4:b])
    return 1 <= n <= 3 and letters and (b + n == len(m) or not m[b + n].isalnum())


def _reference_scan(matcher, text):
    """A slow, exact scan: every substring hit, boundaries checked one by one, leftmost-longest."""
    import re

    from diplolib.normalize.matching import aligned_matching_form

    m, idx = aligned_matching_form(text)
    m = re.sub(r"[\W_]", " ", m)
    automaton = _reference_automaton(matcher)
    found = []
    for last, keys in automaton.iter(m):
        for key, k in keys:
            a, b = last - len(k) + 1, last + 1
            after_ok = b == len(m) or not m[b].isalnum() or _footnote_after(m, b)
            before_ok = a == 0 or not m[a - 1].isalnum()
            proclitic = (a >= 1 and m[a - 1] in "وبلفك" and "\u0600" <= k[0] <= "\u06ff"
                         and (a == 1 or not m[a - 2].isalnum()))
            if after_ok and (before_ok or proclitic):
                found.append((a, b - 1, key))
    found.sort(key=lambda h: (h[0], h[0] - h[1]))
    kept, reach = [], -1
    for a, last, key in found:
        if a < reach:
            continue
        start, end = int(idx[a]), int(idx[last]) + 1
        entries = matcher._entries[key]
        if any(e.case_sensitive for e in entries) and not any(
                not e.case_sensitive or e.surface == text[start:end] for e in entries):
            continue
        kept.append((start, end, key))
        reach = last + 1
    return kept


def test_fast_scan_equals_an_exact_scan_on_real_text(matcher):
    """The automaton's word-boundary construction loses no valid match (the trap of 'leftmost-longest' modes)."""
    folder = corpus_dir("fa-kes")
    bodies = pd.read_csv(folder / "FA-KES-Dataset.csv", dtype=str)["article_content"].dropna().tolist()
    bodies += ["Bashar al-Assad et Bachar el-Assad; وزير الخارجية الروسي وروسيا؛ l’EI, the U.S. and US-led",
               "the Security Council1 and UN-Habitat12; le Conseil de sécurité2, G20, Iraq2015, Syria1234"]
    for body in bodies:
        assert matcher.scan(body) == _reference_scan(matcher, body)


def test_based_is_a_location_not_the_state(matcher):
    m = _tag(matcher, "The Britain-based Syrian Observatory for Human Rights said Britain objected.")
    assert _actors(m) == ["org:sohr", "GBR"]
    first = m.iloc[0]
    assert first["surface"] == "Britain" and pd.isna(first["actor_id"]) and first["reason"] == "place"


@pytest.mark.parametrize("text, expected", [
    # a footnote mark glued to the word by a PDF-to-text conversion does not stop a match (UN texts)
    ("The Security Council1 decided.", ["org:unsc"]),
    ("Prend note du rapport du Conseil de sécurité2;", ["org:unsc"]),
    ("قرر مجلس الأمن1 ذلك", ["org:unsc"]),
    # guard: 4 digits are a year or a number, not a footnote; codes with fewer than 4 letters keep their digits
    ("Syria2015 and Iraq1234 were listed.", []),
    ("The G20 met.", ["org:g20"]),
])
def test_footnote_digits_glued_to_a_word(matcher, text, expected):
    assert _actors(_tag(matcher, text, "2016-05-01")) == expected


def test_no_key_has_letters_glued_to_digits(matcher):
    """The footnote rule blanks 1-3 digits after 4 letters: no alias or role phrase may end so."""
    import re

    glued = [k for k in matcher.key_names if re.search(r"[^\W\d_]{4}\d{1,3}\b", k)]
    assert glued == []


@pytest.mark.parametrize("text, expected", [
    # other organisations' security councils are not the UN Security Council
    ("The African Union Peace and Security Council met.", ["org:african_union", "org:au_psc"]),
    ("Le Conseil de paix et de sécurité de l'Union africaine s'est réuni.", ["org:au_psc", "org:african_union"]),
    ("اجتمع مجلس السلم والأمن التابع للاتحاد الأفريقي", ["org:au_psc", "org:african_union"]),
    ("The National Security Council spokesman spoke.", []),
    ("Le Conseil de sécurité nationale s'est réuni.", []),
    ("اجتمع مجلس الأمن القومي", []),
    ("The Security Council met.", ["org:unsc"]),
])
def test_other_security_councils(matcher, text, expected):
    m = _tag(matcher, text, "2016-05-01")
    assert _actors(m) == expected
    if "National" in text or "nationale" in text or "القومي" in text:
        assert m["reason"].tolist() == ["other-body"]


@pytest.mark.parametrize("text, expected_actor, expected_reason", [
    # an office followed by "of" + another body or a meeting is that body's president, not the only state's
    ("Letter from the Representative of Ukraine addressed to the President of the Security Council", None, "other-office"),
    ("an adviser to the President of the sixty-ninth session of the General Assembly from Nicaragua", None,
     "other-office"),
    ("The President of the Council met Ukraine's envoy.", None, "other-office"),
    # followed by "of" + a state, it is that state's office, whatever else the document names
    ("In Paris, the President of Brazil met France's envoys.", "per:dilma_rousseff", None),
    # unqualified, the only state named still decides
    ("The President spoke in Kyiv about Ukraine.", "per:petro_poroshenko", None),
])
def test_office_of_another_body(matcher, text, expected_actor, expected_reason):
    m = _tag(matcher, text, "2015-03-01")
    office = m[m["surface"].str.lower().str.startswith("the president")].iloc[0]  # "the President of Brazil"
    assert (office["actor_id"] if isinstance(office["actor_id"], str) else None) == expected_actor
    assert (office["reason"] if isinstance(office["reason"], str) else None) == expected_reason
