"""Theme agreement across the language versions of a parallel corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.themes.parallel import parallel_themes, theme_agreement, theme_disagreements

ROWS = pd.DataFrame(
    {
        "id": ["s1", "s2", "s3"],
        "en": ["The ceasefire holds.", "The Security Council met.", "Refugees fled the war."],
        "fr": ["Le cessez-le-feu tient.", "Le Conseil de sécurité s'est réuni.", "La situation est calme."],
        "ar": ["صمدت الهدنة.", "اجتمع مجلس الأمن.", "فر اللاجئون من الحرب."],
    }
)


def test_parallel_themes_per_version():
    found = parallel_themes(ROWS)
    assert set(found.columns) == {"id", "lang", "theme", "n"}
    got = set(zip(found["id"], found["lang"], found["theme"], strict=True))
    assert {("s1", "en", "ceasefire"), ("s1", "fr", "ceasefire"), ("s1", "ar", "ceasefire")} <= got
    assert ("s3", "fr", "refugees") not in got and ("s3", "ar", "refugees") in got


def test_agreement_counts_and_pooled_row():
    ag = theme_agreement(ROWS).set_index(["source", "target", "theme"])
    row = ag.loc[("en", "fr", "refugees")]
    assert (row["n_source"], row["n_both"], row["agreement"]) == (1, 0, 0.0)
    assert ag.loc[("en", "ar", "refugees"), "agreement"] == 1.0
    pooled = ag.loc[("en", "fr", "(all)")]
    per = ag.xs(("en", "fr"), level=["source", "target"]).drop(index="(all)")
    assert pooled["n_source"] == per["n_source"].sum() and pooled["n_both"] == per["n_both"].sum()
    assert len(ag.reset_index()[["source", "target"]].drop_duplicates()) == 6


def test_disagreements_show_both_sentences():
    dis = theme_disagreements(ROWS, source="en", target="fr")
    assert set(dis["theme"]) == {"refugees", "conflict"}
    assert (dis["id"] == "s3").all()
    assert dis["target_text"].iloc[0] == "La situation est calme."
    assert theme_disagreements(ROWS, source="en", target="fr", theme="ceasefire").empty


def test_bad_input():
    with pytest.raises(ValueError, match="duplicate"):
        theme_agreement(pd.concat([ROWS, ROWS]))
    with pytest.raises(ValueError, match="de"):
        theme_agreement(ROWS, langs=("en", "de"))
    with pytest.raises(ValueError, match="two different"):
        theme_agreement(ROWS, langs=("en", "en"))
    assert ROWS.columns.tolist() == ["id", "en", "fr", "ar"]


def test_scored_rows_are_tagged_with_all_and_scored_alone():
    """Without document context the score of a subset is the subset's own score; a bad mask says what to pass."""
    mask = ROWS["id"] != "s2"
    assert theme_agreement(ROWS, scored=mask).equals(theme_agreement(ROWS[mask].reset_index(drop=True)))
    # the twin: scoring every row is the default
    assert theme_agreement(ROWS, scored=pd.Series(True, index=ROWS.index)).equals(theme_agreement(ROWS))
    with pytest.raises(ValueError, match="boolean Series"):
        theme_agreement(ROWS, scored=mask.reset_index(drop=True).set_axis([5, 6, 7]))
    with pytest.raises(ValueError, match="boolean Series"):
        theme_agreement(ROWS, scored=ROWS["id"])


def test_scored_rows_keep_their_document_as_context():
    """With ``un_bodies``, a scored sentence's short form is resolved from its document's unscored sentences."""
    triples = pd.DataFrame({
        "id": ["s1", "s2"], "doc_id": ["x", "x"], "organ": ["General Assembly", "General Assembly"],
        "en": ["The United Nations Office on Drugs and Crime reported.", "The Office received 214 requests."],
        "fr": ["L'Office des Nations Unies contre la drogue et le crime a fait rapport.",
               "L'ONUDC a reçu 214 demandes."],
        "ar": ["قدم مكتب الأمم المتحدة المعني بالمخدرات والجريمة تقريره.", "وتلقى المكتب 214 طلبا."]})
    second = triples["id"] == "s2"
    in_doc = theme_agreement(triples, un_bodies=True, scored=second).set_index(["source", "target", "theme"])
    alone = theme_agreement(triples[second].reset_index(drop=True), un_bodies=True)
    alone = alone.set_index(["source", "target", "theme"])
    assert in_doc.loc[("fr", "en", "un"), "agreement"] == 1.0
    assert ("fr", "en", "un") in alone.index and alone.loc[("fr", "en", "un"), "agreement"] == 0.0


def test_mentions_given_are_the_mentions_computed():
    from diplolib.actors.agreement import parallel_mentions

    triples = ROWS.assign(en=ROWS["en"].str.replace("The Security Council", "The Council"), organ="Security Council")
    m = parallel_mentions(triples)
    given = parallel_themes(triples, un_bodies=True, mentions=m)
    assert given.equals(parallel_themes(triples, un_bodies=True))
    # "The Council" of a Security Council document is the Council through the mentions (the twin: without them, not)
    assert ("s2", "en", "security_council") in set(zip(given["id"], given["lang"], given["theme"], strict=True))
    plain = parallel_themes(triples)
    assert ("s2", "en", "security_council") not in set(zip(plain["id"], plain["lang"], plain["theme"], strict=True))
    with pytest.raises(ValueError, match="parallel_mentions"):
        parallel_themes(triples, un_bodies=True, mentions=m.drop(columns="lang"))
