"""Directed events: cue files, the one-pass scan, source and target, flags, readouts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from test_events_reach import left_one_sided

from conftest import corpus_dir
from diplolib import actors, events
from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import CueFileError, expand_cue, extract_events, load_cues

SAMPLE = pd.DataFrame({
    "article_id": ["a", "b", "c", "d", "e"],
    "lang": ["en", "en", "fr", "ar", "en"],
    "published": pd.to_datetime(["2016-02-01"] * 5, utc=True),
    "text": [
        "Russian President Vladimir Putin had a telephone conversation with Recep Tayyip Erdogan. "
        "Syria was attacked by Israel. Russia did not condemn Turkey.",
        "Turkey threatened to attack Iraq. The United States and Russia met in Geneva.",
        "La France a condamné la Russie. Le président russe Vladimir Poutine a eu un entretien téléphonique "
        "avec Emmanuel Macron.",
        "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان. وأدانت فرنسا روسيا.",
        "",
    ],
})


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


@pytest.fixture(scope="module")
def sample_events(matcher):
    mentions = actors.tag_actors(SAMPLE, registry=matcher)
    return extract_events(SAMPLE, mentions, registry=matcher)


def _one(ev, article, cue):
    rows = ev[(ev["article_id"] == article) & (ev["cue"] == cue)]
    assert len(rows) >= 1, f"no event for {cue!r} in {article}"
    return rows


def test_expand_cue():
    assert expand_cue("condemn(s|ed)") == ["condemn", "condemns", "condemned"]
    assert expand_cue("[met|meets] with") == ["met with", "meets with"]
    with pytest.raises(ValueError, match="unbalanced"):
        expand_cue("[met|meets with")


def test_default_lexicon_has_three_languages_and_plover_types():
    lex = load_cues()
    assert lex.languages == ["ar", "en", "fr"]
    assert set(lex.cues["event"]) <= {*events.PLOVER_TYPES, "-"}
    assert lex.cues["origin"].str.match(r"diplolib/events/data/cues_(en|fr|ar)\.csv:\d+$").all()


@pytest.mark.parametrize("row, field", [
    ("bombard(s|ed),en,BOMB,,active,", "event"),
    ("bombard(s|ed),en,ASSAULT,,sideways,", "direction"),
    ("bombard(s|ed),xx,ASSAULT,,active,", "lang"),
    ("bombard(s|ed,en,ASSAULT,,active,", "cue"),
    ("bombard,en,ASSAULT,Heavy Weapons,active,", "mode"),
])
def test_malformed_cue_file_names_file_line_and_field(tmp_path, row, field):
    path = tmp_path / "mine.csv"
    path.write_text("cue,lang,event,mode,direction,note\nshell(s|ed),en,FIGHT,,active,\n" + row + "\n", "utf-8")
    with pytest.raises(CueFileError, match=rf"mine\.csv:3: {field}:"):
        load_cues(path)


def test_cue_file_without_a_column(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("cue,lang,event\nshell,en,FIGHT\n", "utf-8")
    with pytest.raises(CueFileError, match=r"mine\.csv:1: header: missing column\(s\) \['mode', 'direction', 'note'\]"):
        load_cues(path)


def test_user_cue_file_adds_a_cue(tmp_path, matcher):
    path = tmp_path / "mine.csv"
    path.write_text("cue,lang,event,mode,direction,note\nencroach(es|ed) on,en,COERCE,,active,mine\n", "utf-8")
    arts = pd.DataFrame({"article_id": ["x"], "lang": ["en"], "text": ["Turkey encroached on Syria."]})
    assert extract_events(arts, registry=matcher).empty
    ev = extract_events(arts, registry=matcher, cues=path)
    assert ev[["event", "source", "target"]].values.tolist() == [["COERCE", "TUR", "SYR"]]


def test_telephone_readout_in_three_languages(sample_events):
    for article, cue in [("a", "telephone conversation with"), ("c", "entretien téléphonique avec"),
                         ("d", "اتصالا هاتفيا مع")]:
        row = _one(sample_events, article, cue).iloc[0]
        assert (row["event"], row["mode"]) == ("CONSULT", "telephone")
        assert row["source"] == "per:vladimir_putin"
        assert row["target"] in ("per:recep_tayyip_erdogan", "per:emmanuel_macron")


def test_passive_is_swapped_and_negation_flagged(sample_events):
    attacked = _one(sample_events, "a", "attacked").iloc[0]
    assert (attacked["source"], attacked["target"]) == ("ISR", "SYR")
    condemn = _one(sample_events, "a", "condemn").iloc[0]
    assert (condemn["source"], condemn["target"], condemn["negated"]) == ("RUS", "TUR", True)
    assert not attacked["negated"]


def test_threat_is_hypothetical_and_compound_gives_pairs(sample_events):
    attack = _one(sample_events, "b", "attack").iloc[0]
    assert attack["hypothetical"] and (attack["source"], attack["target"]) == ("TUR", "IRQ")
    met = _one(sample_events, "b", "met")
    assert sorted(zip(met["source"], met["target"], strict=True)) == [("RUS", "USA"), ("USA", "RUS")]
    assert met["compound"].all() and met["event_id"].nunique() == 1


def test_arabic_verb_first_and_french(sample_events):
    condemned = _one(sample_events, "d", "أدانت").iloc[0]
    assert (condemned["event"], condemned["source"], condemned["target"]) == ("DISAPPROVE", "FRA", "RUS")
    fr = _one(sample_events, "c", "a condamné").iloc[0]
    assert (fr["source"], fr["target"]) == ("FRA", "RUS")


def test_offsets_and_sentences_point_at_the_cue(sample_events):
    text = SAMPLE.set_index("article_id")["text"]
    for row in sample_events.itertuples():
        assert text[row.article_id][row.start:row.end] == row.cue
    assert list(sample_events.columns) == events.EVENT_COLUMNS
    assert _one(sample_events, "a", "attacked")["sentence"].iloc[0] == 1


def test_input_not_mutated(matcher):
    arts = SAMPLE.copy()
    mentions = actors.tag_actors(arts, registry=matcher)
    before_a, before_m = arts.copy(), mentions.copy()
    extract_events(arts, mentions, registry=matcher)
    pd.testing.assert_frame_equal(arts, before_a)
    pd.testing.assert_frame_equal(mentions, before_m)


def test_bad_input_gives_typed_tables_or_reasons(matcher):
    empty = extract_events(SAMPLE.iloc[:0], registry=matcher)
    assert empty.empty and list(empty.columns) == events.EVENT_COLUMNS
    assert str(empty["negated"].dtype) == "bool"
    odd = SAMPLE.assign(lang=["de", "en", "en", "en", "en"])
    out = extract_events(odd, registry=matcher, reasons=True)
    reasons = out.drop_duplicates("article_id").set_index("article_id")["reason"]
    assert reasons["a"] == "language" and reasons["e"] == "no-text"
    with pytest.raises(ValueError, match="no 'lang' column"):
        extract_events(SAMPLE.drop(columns="lang"), registry=matcher)
    with pytest.raises(ValueError, match="lacks column"):
        extract_events(SAMPLE, pd.DataFrame({"article_id": []}), registry=matcher)


def test_one_batch_equals_article_by_article(matcher):
    mentions = actors.tag_actors(SAMPLE, registry=matcher)
    whole = extract_events(SAMPLE, mentions, registry=matcher)
    parts = pd.concat([extract_events(SAMPLE.iloc[[i]], mentions, registry=matcher) for i in range(len(SAMPLE))],
                      ignore_index=True)
    pd.testing.assert_frame_equal(whole, parts)


def test_fakes_offsets_and_batch_split(matcher):
    from diplolib import datasets

    corpus_dir("fa-kes")
    arts, _ = datasets.load("fa-kes")
    arts = arts.iloc[:200]
    mentions = actors.tag_actors(arts, registry=matcher)
    ev = extract_events(arts, mentions, registry=matcher)
    assert len(ev) > 100
    text = arts.set_index("article_id")["text"]
    assert all(text[a][s:e] == c for a, s, e, c in zip(ev["article_id"], ev["start"], ev["end"], ev["cue"],
                                                         strict=True))
    halves = pd.concat([extract_events(arts.iloc[:100], mentions, registry=matcher),
                        extract_events(arts.iloc[100:], mentions, registry=matcher)], ignore_index=True)
    pd.testing.assert_frame_equal(ev, halves)


def test_kremlin_readouts(matcher):
    folder = corpus_dir("kremlin-en")
    idx = pd.read_csv(folder / "index.derived.csv")
    tel = idx[idx["telephone"].astype(bool)]
    arts = pd.DataFrame({"article_id": tel["id"].astype(str), "title": tel["title"], "source": "kremlin",
                         "lang": "en", "published": pd.to_datetime(tel["date"]).dt.tz_localize("Europe/Moscow")})
    ev = events.readout_events(arts, registry=matcher)
    check = events.readout_check(arts, ev, registry=matcher)
    assert len(check) == 648
    # measured 0.995 of all 648 (0.980 before the counterparts the registry lacks: discovered, or read off the
    # title) and 0.998 of the titles naming a counterpart the registry resolves (issue 15's
    # target: 0.97 of all)
    assert check["ok"].mean() >= 0.97
    assert check.loc[check["resolved"], "ok"].mean() >= 0.99


def _toy_events() -> pd.DataFrame:
    rows = [  # event_id, article, sentence, event, source, target, negated, hypothetical, published
        ("a:1", "a", 0, "ASSAULT", "ISR", "SYR", False, False, "2016-02-01"),
        ("a:9", "a", 1, "DISAPPROVE", "RUS", "TUR", True, False, "2016-02-01"),
        ("b:1", "b", 0, "CONSULT", "USA", "RUS", False, False, "2016-05-01"),
        ("b:1", "b", 0, "CONSULT", "RUS", "USA", False, False, "2016-05-01"),
        ("b:7", "b", 1, "AID", "USA", "RUS", False, False, "2016-05-01"),
        ("c:1", "c", 0, "THREATEN", "TUR", "SYR", False, False, "2017-01-01"),
        ("c:5", "c", 0, "ASSAULT", "TUR", "SYR", False, True, "2017-01-01"),
        ("d:1", "d", 0, "FIGHT", "SYR", "", False, False, "2017-03-01"),
    ]
    ev = pd.DataFrame(rows, columns=["event_id", "article_id", "sentence", "event", "source", "target", "negated",
                                     "hypothetical", "published"])
    return ev.assign(published=pd.to_datetime(ev["published"], utc=True))


def test_dyad_counts_and_scores():
    ev = _toy_events()
    before = ev.copy()
    counts = events.dyad_counts(ev, period="Y", event=False)
    pd.testing.assert_frame_equal(ev, before)
    got = {(r.period, r.source, r.target): r.events for r in counts.itertuples()}
    # negated, hypothetical and target-less rows are not counted
    assert got == {("2016", "ISR", "SYR"): 1, ("2016", "RUS", "USA"): 1, ("2016", "USA", "RUS"): 2,
                   ("2017", "TUR", "SYR"): 1}
    scores = events.dyad_scores(ev, period="Y").set_index(["period", "source", "target"])
    assert scores.loc[("2016", "USA", "RUS"), "score"] == pytest.approx(1.5)  # CONSULT +1, AID +2
    assert scores.loc[("2016", "ISR", "SYR"), "score"] == -2
    assert scores.loc[("2017", "TUR", "SYR"), "score"] == -1
    undirected = events.dyad_scores(ev, period=None, directed=False).set_index(["source", "target"])
    assert undirected.loc[("RUS", "USA"), "events"] == 2
    with pytest.raises(ValueError, match="reserved"):
        events.dyad_counts(ev, by="source")


def test_event_edges_carry_evidence_and_graph_keeps_direction(tmp_path):
    from diplolib import comention

    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "text": [
        "Israel attacked Syria. Russia did not condemn Turkey.", "The US and Russia met. The US gave Russia aid.",
        "Turkey threatened Syria.", "Syria fought."]})
    edges = events.event_edges(_toy_events(), articles=articles)
    row = edges.set_index(["actor_a", "actor_b"]).loc[("USA", "RUS")]
    assert row["n"] == 2 and row["cooperation"] == 2 and row["evidence"] == (
        "The US and Russia met. | The US gave Russia aid.")
    assert ("RUS", "TUR") not in set(zip(edges["actor_a"], edges["actor_b"], strict=True))  # negated
    graph = events.event_graph(edges)
    assert graph.is_directed() and graph.has_edge("USA", "RUS") and graph.has_edge("RUS", "USA")
    assert not graph.has_edge("SYR", "ISR")
    import networkx as nx

    back = nx.read_gexf(comention.export_graph(graph, tmp_path / "events.gexf"))
    assert back.is_directed() and back.has_edge("ISR", "SYR") and not back.has_edge("SYR", "ISR")


def test_plover_reading_and_scorer():
    ev = pd.DataFrame({"article_id": ["r1", "r1", "r2", "r3"], "event": ["CONSULT", "ASSAULT", "AGREE", "AID"],
                       "source": ["USA", "ISR", "RUS", "GBR"], "target": ["RUS", "PSE", "", "MOZ"],
                       "negated": [False, False, True, False], "hypothetical": [True, True, False, False]})
    read = events.plover_reading(ev)
    assert read["event"].tolist() == ["AGREE", "THREATEN", "REJECT", "AID"]
    gold = pd.DataFrame({"article_id": ["r1", "r2", "r3"], "event": ["AGREE", "REJECT", "AID"],
                         "source": [frozenset({"USA"}), frozenset({"RUS"}), frozenset({"IGO"})],
                         "target": [frozenset({"RUS"}), frozenset(), frozenset({"MOZ"})]})
    actors_table = pd.DataFrame({"actor_id": ["USA", "RUS", "ISR", "PSE", "GBR", "MOZ"], "kind": "state",
                                 "country": ["USA", "RUS", "ISR", "PSE", "GBR", "MOZ"]})
    table, summary = events.score_plover(ev, gold, actors=actors_table)
    assert summary["type_recall"] == 1.0
    assert summary["type_precision"] == pytest.approx(3 / 4)  # r1 also gives THREATEN
    assert summary["source_right"] == pytest.approx(2 / 3)  # r3: GBR is not the coded IGO
    assert summary["target_right"] == 1.0
    assert events.split_of("PLOVER-GSR01-AGREE-0001") in ("tune", "check")


def test_plover_gold_tune_split(matcher):
    corpus_dir("plover-gsr")
    articles, gold = events.read_plover()
    assert len(gold) == 158 and set(articles["split"]) == {"tune", "check"}
    tune = articles[articles["split"] == "tune"]
    ev = extract_events(tune, registry=matcher)
    _, summary = events.score_plover(ev, gold[gold["split"] == "tune"], actors=matcher.registry.actors)
    # measured on this commit: recall 0.857, first-event precision 0.864 on the tune part (see the README for the
    # check part, which these cues were not written on)
    assert summary["type_recall"] >= 0.8 and summary["first_precision"] >= 0.8


def test_false_friend_hides_the_shorter_cue(matcher):
    arts = pd.DataFrame({"article_id": ["x", "y"], "lang": "en", "text": [
        "Turkey attacked the so-called Islamic State.", "Turkey called Iraq."]})
    ev = extract_events(arts, registry=matcher)
    assert ev.loc[ev["article_id"] == "x", "cue"].tolist() == ["attacked"]
    assert ev.loc[ev["article_id"] == "y", "mode"].tolist() == ["telephone"]


def test_reduced_passive_with_its_agent(matcher):
    arts = pd.DataFrame({"article_id": ["x"], "lang": "en", "text": ["Kurdish forces of Iraq backed by Russia advanced."]})
    row = extract_events(arts, registry=matcher).iloc[0]
    assert (row["event"], row["source"], row["target"]) == ("SUPPORT", "RUS", "IRQ")


def test_titles_between_two_phrases_make_a_compound(matcher):
    """The title of either side may stand in the join ("X's embattled leader and former President Y"); a
    possessive whose head is no title ("Syria's army and ...") joins nothing."""
    arts = pd.DataFrame({"article_id": ["x", "y", "z"], "lang": "en", "published": pd.Timestamp("2017-04-05", tz="UTC"),
                         "text": ["Trump blamed Syria's embattled leader and former President Barack Obama.",
                                  "Britain condemned Russia's foreign minister and President Putin.",
                                  "Trump blamed Syria's army and its allies, said President Barack Obama."]})
    ev = extract_events(arts, registry=matcher)
    assert set(ev.loc[ev["article_id"] == "x", "target"]) == {"SYR", "per:barack_obama"}
    assert ev.loc[ev["article_id"] == "x", "compound"].all()
    assert "per:vladimir_putin" in set(ev.loc[ev["article_id"] == "y", "target"])
    assert set(ev.loc[(ev["article_id"] == "z") & (ev["cue"] == "blamed"), "target"]) == {"SYR"}


PRECISION = Path(__file__).parent / "data" / "events_precision.csv"
PRECISION_2026 = Path(__file__).parent / "data" / "events_precision_2026.csv"
PRECISION_2027 = Path(__file__).parent / "data" / "events_precision_2027.csv"
PRECISION_2028 = Path(__file__).parent / "data" / "events_precision_2028.csv"
PRECISION_2029 = Path(__file__).parent / "data" / "events_precision_2029.csv"
PRECISION_2030 = Path(__file__).parent / "data" / "events_precision_2030.csv"
PRECISION_2031 = Path(__file__).parent / "data" / "events_precision_2031.csv"
PRECISION_2032 = Path(__file__).parent / "data" / "events_precision_2032.csv"


@pytest.mark.parametrize("path", [PRECISION, PRECISION_2026, PRECISION_2027, PRECISION_2028, PRECISION_2029,
                                  PRECISION_2030, PRECISION_2031, PRECISION_2032],
                         ids=["seed15", "seed2026", "seed2027", "seed2028", "seed2029", "seed2030", "seed2031",
                              "seed2032"])
def test_events_read_by_hand_stay_right(matcher, path):
    """tests/data/events_precision.csv: 115 events read by hand (70 FA-KES, 30 MEAE French, 15 Arabic Wikinews;
    a random sample, seed 15, of the events with a source and a target) on commit ffd2cde;
    tests/data/events_precision_2026.csv: 109 more (60 FA-KES, 30 MEAE French, all 19 of Arabic Wikinews; seed
    2026) on commit a19c59d (sectors, background and place rules), with the sectors; events_precision_2027.csv:
    101 more (60 FA-KES, 25 MEAE French, all 16 of Arabic Wikinews; seed 2027) on commit a8e8756;
    events_precision_2028.csv: 101 more (same shares, seed 2028) on round 4's rules; events_precision_2029.csv:
    101 more (same shares, seed 2029) on main after round 4 (f9c42f0); events_precision_2030.csv: 103 never
    read before (FA-KES 70, Wikinews French 17 of 17, the Arabic side of unpc-ar-fr-en 16; seed 2030) on
    0e97c6d; events_precision_2031.csv: 106 never read before (FA-KES 64, the Arabic side of unpc-ar-fr-en 20 and
    its French side 22: Wikinews French and MEAE had none left; seed 2031) on 66bb903; events_precision_2032.csv:
    100 never read before (FA-KES 45, unpc-ar-fr-en Arabic 20 and French 20 with the UN symbol's author, re3d 15;
    seed 2032) on ff3ef03. Verdicts and the kind of error; no corpus text. Those judged right must still come out
    (UN documents read with ``author=`` from :func:`~diplolib.events.un_authors`, as the sample was drawn)."""
    from diplolib import datasets

    judged = pd.read_csv(path, dtype={"article_id": str})
    assert len(judged) >= 100 and set(judged["verdict"]) == {"correct", "wrong", "direction"}
    for corpus, part in judged[judged["verdict"] == "correct"].groupby("corpus"):
        corpus_dir(corpus)
        articles, _ = datasets.load(corpus)
        articles = articles[articles["article_id"].isin(part["article_id"])]
        author = None
        if path == PRECISION_2032 and corpus == "unpc-ar-fr-en":
            articles, author = articles.assign(author=events.un_authors(articles)), "author"
        ev = extract_events(articles, registry=matcher, author=author)
        got = set(zip(ev["article_id"], ev["start"], ev["event"], ev["source"], ev["target"], strict=True))
        # an attack or killing re-typed FIGHT by the heavy-weapons rule (round 5 reads the weapons of the source's
        # own phrase too: "Russian jets launched multiple airstrikes ... killing eight") is the same event
        heavy = ev[ev["mode"].fillna("") == "heavy-weapons"]
        for kind in ("ASSAULT", "COERCE"):
            got |= set(zip(heavy["article_id"], heavy["start"], [kind] * len(heavy), heavy["source"],
                           heavy["target"], strict=True))
        want = set(zip(part["article_id"], part["start"], part["event"], part["source"], part["target"],
                       strict=True))
        for (c, article, start), (old, new, _) in {**SIDE_READ_FROM_AN_AGENCY, **SIDE_READ_PAST_AN_ATTRIBUTION,
                                                    **CONTENT_OF_A_DEMAND, **SIDE_NOW_THE_PERSON_NAMED}.items():
            if c == corpus and any(w[:2] == (article, start) for w in want):
                want = {(*w[:4], new) if w[:2] == (article, start) and w[4] == old else w for w in want}
        for (c, article, start), (old, new, _) in PATIENT_LOCALISED.items():  # a source, not a target
            if c == corpus:
                want = {(*w[:3], new, w[4]) if w[:2] == (article, start) and w[3] == old else w for w in want}
        for (c, article, start), (old, new, _) in SIDES_MOVED_BY_SURNAME_POSSESSIVES.items():
            if c == corpus:
                want = {(*w[:3], *new) if w[:2] == (article, start) and w[3:] == old else w for w in want}
        for (c, article, start), (old, new, _) in TERRITORY_TAKEN.items():
            if c == corpus:
                want = {(w[0], w[1], new, *w[3:]) if w[:2] == (article, start) and w[2] == old else w for w in want}
        # round 10 leaves some with one side on purpose (a side beyond reach, an Arabic or French state with
        # itself): those must come out with that side empty and the other unchanged
        missing = (want - got) - left_one_sided(want - got, ev)
        assert not missing, f"{corpus}: no longer found: {sorted(missing)[:5]}"


#: Events judged right with the type COERCE where territory is taken: PLOVER codes occupying territory as FIGHT
#: (the round-7 sense rule, README "Events"), and the English reading of seed 2035 counts the same sentence, read
#: COERCE at another offset of the article, as a type error; since "seize swathes of territory" is a FIGHT cue
#: (round 10), the event must come out as FIGHT with the same sides. (corpus, article, start) -> (type, now, why)
TERRITORY_TAKEN = {
    ("fa-kes", "3cef40118a3fef9c", 7017): (
        "COERCE", "FIGHT", "'Islamic State [IS] group seizes swathes of territory … in Syria and Iraq' (seed 2028); "
        "the same timeline line at 4243 is seed 2035's row 23, judged a type error"),
}


#: Events judged right whose side was an organisation because the person the text names beside it was not in the
#: registry: since round 14 gives the hand-added people Arabic spellings, the person is the side (the text's own
#: target); the event must come out with that side and the rest unchanged. (corpus, article, start) -> (side
#: before, side now, why)
SIDE_NOW_THE_PERSON_NAMED = {
    ("wikinews-ar", "0e07985d1e6c4c06", 0): (
        "org:icc", "per:luis_moreno_ocampo", "'اتهم تيري ديران … لويس مورينو أوكامبو مدعي المحكمة الجنائية الدولية': "
        "MSF's director accused Moreno Ocampo, the ICC's prosecutor, who is now tagged"),
}

#: Events judged right whose sides a later change moved, pinned so that any further change shows (named in the
#: README's events section as a regression left open): round 15 reads a surname + s as the possessive without its
#: apostrophe ("Bashar al-Assads forces", FA-KES), so the person is now an actor where no actor stood, and the
#: side rules take him. (corpus, article, start) -> ((source, target) before, (source, target) now, why)
#: (Round 16 closed the first of the two: "Syrian Islamist rebels bombarded a campaign rally in support of President
#: Bashar al-Assads re-election" took Assad, the owner of a noun in the object's purpose phrase, as the target; the
#: rule of events/complements.purpose_targets leaves no target there, so the event is SYR -> SYR as judged again.)
SIDES_MOVED_BY_SURNAME_POSSESSIVES = {
    ("fa-kes", "513d3082ea49e569", 651): (
        ("SYR", "SYR"), ("per:bashar_al_assad", ""), "'accused President Bashar al-Assads forces of launching massive "
        "chemical attacks … and killing as many as 1300 people': the source is now Assad for his forces (PLOVER "
        "codes the state), and the victims' side, read before from the state the sentence implied, is gone: now "
        "WRONG on the target"),
}

#: Events judged right whose side was read from a news agency's name: since agencies are actors of kind media
#: (reporters, never a side), that side is gone; the event must still come out with the rest unchanged.
#: (corpus, article, start) -> (side before, side now, why)
SIDE_READ_FROM_AN_AGENCY = {
    ("wikinews-ar", "70750132f3263f50", 214): (
        "EGY", "", "the target EGY was the demonym of 'وكالة أنباء الشرق الأوسط المصرية' (the Egyptian MENA, "
        "the reporter); the true target, 'الحكومة' (the government), is not tagged"),
}

#: Events judged right whose target was read past "according to", in the attribution: since an attribution names
#: no party (events/complements.py), that target is gone; the event must still come out with the rest unchanged.
#: (corpus, article, start) -> (side before, side now, why)
SIDE_READ_PAST_AN_ATTRIBUTION = {
    ("fa-kes", "6c40dd33180c75b9", 627): (
        "USA", "", "'ISIL operators … plotting to attack our homelands and personnel, Carter stated according to "
        "his prepared remarks at a joint ministerial meeting distributed by the Pentagon': the target USA was the "
        "Pentagon of the attribution (right by chance: 'our homelands' are the speaker's, not tagged)"),
}

#: Events judged right whose source was the place localising the subject of an agentless passive: since round 15
#: that group is the patient (its place stands for the target, events/sides.modal_and_places), so the source is
#: empty where the agent is named only through a noun that is no cue; the event must come out with the rest
#: unchanged. (corpus, article, start) -> (source before, source now, why)
PATIENT_LOCALISED = {
    ("fa-kes", "f70e006060dce58b", 710): (
        "SYR", "", "'the general military commander of … Al-Nusra Front terrorist group in Syria … was killed in a "
        "special operation carried out by the Syrian army': Syria was read from 'group in Syria', the victim's "
        "place; the army, the agent of 'operation' (no cue), is not read"),
}

#: Events judged right whose target stood in the content asked of a non-actor addressee (events/addressees.py):
#: the one asked is the target, so that target is gone.
CONTENT_OF_A_DEMAND = {
    ("unpc-ar-fr-en", "4d52a702d09c9de8", 39): (
        "org:conference_on_disarmament", "", "'prie également le secrétariat de faire le nécessaire pour publier … "
        "document officiel de la Conférence du désarmement': the secretariat is asked, the Conference is content"),
}


def test_coordination_through_a_head_noun_gives_co_sources(matcher):
    """"X and (the) members of Y" (et les membres de, وأعضاء): Y is a co-source of X, not the target; an
    organisation right before another ("the AU Peace and Security Council") qualifies it. The seed-2032 event
    (unpc-ar-fr-en 94fc89dc574acda4 at 690: the Security Council's call on Mali) comes out again with it."""
    arts = pd.DataFrame({"article_id": ["ar", "en", "fr", "plain"], "lang": ["ar", "en", "fr", "en"], "text": [
        "ودعا أعضاء مجلس الأمن وأعضاء مجلس السلم والأمن جميع الأطراف في مالي إلى وقف القتال.",
        "The members of the Security Council and the members of the AU Peace and Security Council called on Mali "
        "to end the fighting.",
        "Les membres du Conseil de sécurité et les membres du Conseil de paix et de sécurité ont condamné le Mali.",
        "The Security Council called on the members of the AU Peace and Security Council to act."]})
    ev = extract_events(arts, registry=matcher)
    for art, event in [("ar", "DEMAND"), ("en", "DEMAND"), ("fr", "DISAPPROVE")]:
        rows = ev[(ev["article_id"] == art) & (ev["event"] == event)]
        assert set(zip(rows["source"], rows["target"], strict=True)) == {("org:unsc", "MLI"), ("org:au_psc", "MLI")}
        assert rows["compound"].all()
    plain = ev[(ev["article_id"] == "plain") & (ev["event"] == "DEMAND")]  # no conjunction: the addressee
    assert set(zip(plain["source"], plain["target"], strict=True)) == {("org:unsc", "org:au_psc")}


def test_attributive_cue_glued_to_its_actor(matcher):
    arts = pd.DataFrame({"article_id": ["x", "y"], "lang": "en", "text": [
        "US-backed Kurdish forces pressed ahead against Turkey.", "The Russian-backed Syrian Arab Army advanced."]})
    ev = extract_events(arts, registry=matcher)
    x = ev[(ev["article_id"] == "x") & (ev["event"] == "SUPPORT")].iloc[0]
    assert (x["source"], x["target"], x["reason"]) == ("USA", "", "no-target")
    y = ev[(ev["article_id"] == "y") & (ev["event"] == "SUPPORT")].iloc[0]
    assert (y["source"], y["target"]) == ("RUS", "grp:saa")


def test_intention_flags_in_french_and_arabic(matcher):
    arts = pd.DataFrame({"article_id": ["fr1", "fr2", "ar"], "lang": ["fr", "fr", "ar"], "text": [
        "La France a décidé de condamner la Russie.", "Le déploiement de troupes par la Turquie en Syrie.",
        "وقد حثت فرنسا روسيا على الانسحاب."]})
    ev = extract_events(arts, registry=matcher)
    assert ev.loc[ev["cue"] == "condamner", "hypothetical"].tolist() == [True]
    assert not ev.loc[ev["article_id"] == "fr2", "hypothetical"].any()
    urged = ev[(ev["article_id"] == "ar") & (ev["event"] == "DEMAND")].iloc[0]
    assert (urged["source"], urged["target"], urged["hypothetical"]) == ("FRA", "RUS", False)


def test_read_plover_reads_src_tar_compounds_as_counterparts(tmp_path):
    """PLOVER's records code "(SRC/TAR: Jordan) and (SRC/TAR: Britain) have agreed" in ``source`` only: they are
    each other's counterparts, so the gold target holds them too; a record without SRC/TAR keeps its target."""
    import json

    records = [{"id": "a", "event": "AGREE", "text": "Jordan and Britain have agreed.",
                "source": [{"code": "JOR"}, {"code": "GBR"}], "target": "",
                "textInfo": {"markup": "(SRC/TAR: Jordan) and (SRC/TAR: Britain) have (EVT: agreed)."}},
               {"id": "b", "event": "DEMAND", "text": "Russia demanded.", "source": [{"code": "RUS"}], "target": "",
                "textInfo": {"markup": "(SRC: Russia) (EVT: demanded)."}}]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), "utf-8")
    _, gold = events.read_plover(path)
    assert gold["target"].tolist() == [frozenset({"JOR", "GBR"}), frozenset()]
