"""Tests of normalize_articles: raw records → the articles table, on the seed page, FA-KES and small fixtures.

The raw records are built here with plain pandas (not with diplolib's readers) so these tests do not depend on them.
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.normalize import ARTICLE_COLUMNS, STEPS, normalize_articles
from diplolib.paths import raw_dir

SEED = "000_9686c5b622632da7.txt"


def _raw(**cols: list) -> pd.DataFrame:
    n = len(cols["text"])
    base = {"origin": [f"f{i}.txt" for i in range(n)], "source": ["sana"] * n, "title": [pd.NA] * n,
            "url": [pd.NA] * n, "published": [pd.NA] * n, "lang": [pd.NA] * n, "format": ["page"] * n}
    return pd.DataFrame(base | cols)


@pytest.fixture(scope="module")
def seed_raw() -> pd.DataFrame:
    path = raw_dir("sana-fr") / SEED
    if not path.is_file():
        pytest.skip("sana-fr not fetched into data/raw (diplolib datasets fetch sana-fr)")
    title, _, text = path.read_text(encoding="utf-8").partition("\n")
    return _raw(origin=[f"sana-fr/{SEED}"], title=[title], text=[text.strip()])


@pytest.fixture(scope="module")
def fakes_raw() -> pd.DataFrame:
    path = raw_dir("fa-kes") / "FA-KES-Dataset.csv"
    if not path.is_file():
        pytest.skip("fa-kes not fetched into data/raw (diplolib datasets fetch fa-kes)")
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    n = len(df)
    return pd.DataFrame({
        "origin": [f"fa-kes/FA-KES-Dataset.csv:row {i + 2}" for i in range(n)], "source": df["source"],
        "title": df["article_title"], "text": df["article_content"], "url": [pd.NA] * n,
        "published": df["date"], "lang": [pd.NA] * n, "format": ["csv"] * n,
        "unit_id": df["unit_id"], "labels": df["labels"],
    })


@pytest.fixture(scope="module")
def fakes_articles(fakes_raw: pd.DataFrame) -> pd.DataFrame:
    return normalize_articles(fakes_raw)


# ---------------------------------------------------------------------------------------------- the seed page
def test_seed_becomes_two_articles(seed_raw: pd.DataFrame) -> None:
    before = seed_raw.copy(deep=True)
    art = normalize_articles(seed_raw)
    pd.testing.assert_frame_equal(seed_raw, before)  # input unchanged
    assert len(art) == 2
    assert art.loc[0, "title"].startswith("Lavrov et Kerry s'accordent sur le fait de d\u00e9ployer")
    assert art.loc[1, "title"] == 'Lavrov : La victoire sur le r\u00e9seau terroriste "Daech" est proche'
    assert art.loc[0, "dateline"] == "Moscou"
    assert art.loc[0, "text"].startswith("Le ministre russe des Affaire \u00e9trang\u00e8res, Sergue\u00ef Lavrov")
    assert art.loc[0, "text"].endswith("Munich le 11 f\u00e9vrier en cours.")
    assert art.loc[1, "text"].startswith("Sur un autre plan, Lavrov a exprim\u00e9 sa confiance")
    assert (art["byline"] == "D.H./ L.A. / A. Chatta").all()  # the page's editors, kept on both dispatches
    for body in art["text"]:
        assert "Check Also" not in body and "al-Charaa" not in body and "Damas-SANA" not in body
        assert "D.H." not in body and "\u201d" not in body
    assert (art["lang"] == "fr").all()
    assert art["published"].isna().all()  # the page states no year: never guessed
    assert art["origin"].tolist() == [f"sana-fr/{SEED}"] * 2
    assert art["article_id"].is_unique and art["duplicate_of"].isna().all()
    assert art.loc[0, "text_match"].startswith("le ministre russe des affaire etrangeres, serguei lavrov, s est")


def test_seed_published_supplied(seed_raw: pd.DataFrame) -> None:
    art = normalize_articles(seed_raw, published="2016-02-06")
    assert (art["published"] == pd.Timestamp("2016-02-06", tz="UTC")).all()
    art = normalize_articles(seed_raw, published={f"sana-fr/{SEED}": pd.Timestamp("2016-02-06 10:00")},
                             tz="Asia/Damascus")
    assert str(art["published"].dt.tz) == "Asia/Damascus" and art["published"].dt.hour.tolist() == [10, 10]
    assert normalize_articles(seed_raw, published={"other.txt": "2016-02-06"})["published"].isna().all()


def test_seed_without_split(seed_raw: pd.DataFrame) -> None:
    art = normalize_articles(seed_raw, split=False)
    assert len(art) == 1 and "Lavrov : La victoire" in art.loc[0, "text"] and "Check Also" not in art.loc[0, "text"]


def test_seed_ids_are_stable(seed_raw: pd.DataFrame) -> None:
    a, b = normalize_articles(seed_raw), normalize_articles(seed_raw.copy())
    pd.testing.assert_frame_equal(a, b)
    assert a["article_id"].str.fullmatch(r"[0-9a-f]{16}").all()


# ---------------------------------------------------------------------------------------------- FA-KES
def test_fakes_one_article_per_record(fakes_raw: pd.DataFrame, fakes_articles: pd.DataFrame) -> None:
    assert len(fakes_raw) == 804 and len(fakes_articles) == 804
    assert fakes_articles["origin"].tolist() == fakes_raw["origin"].tolist()
    assert fakes_articles["article_id"].is_unique


def test_fakes_input_unchanged(fakes_raw: pd.DataFrame) -> None:
    before = fakes_raw.copy(deep=True)
    normalize_articles(fakes_raw.head(50))
    pd.testing.assert_frame_equal(fakes_raw, before)


def test_fakes_exact_duplicates_flagged(fakes_raw: pd.DataFrame, fakes_articles: pd.DataFrame) -> None:
    raw_dup = fakes_raw["text"].duplicated()
    assert raw_dup.sum() == 15  # 15 bodies repeat an earlier one in the file
    art = normalize_articles(fakes_raw, near_duplicates=False)
    flagged = art["duplicate_of"].notna()
    assert flagged[raw_dup.to_numpy()].all()  # every one found...
    first = {  # ...pointing at the first copy
             t: art["article_id"][fakes_raw.index[fakes_raw["text"] == t][0]] for t in fakes_raw["text"][raw_dup]}
    for i in fakes_raw.index[raw_dup]:
        assert art.loc[i, "duplicate_of"] == first[fakes_raw.loc[i, "text"]]
    # the normalised body also catches 5 reposts differing only in their date header, and 3 TRT reposts
    # differing only in the "Related News" block that boilerplate removal takes off
    assert flagged.sum() == 23
    # originals are never flagged, and nothing is dropped
    assert art.loc[art["duplicate_of"].notna(), "duplicate_of"].isin(art.loc[art["duplicate_of"].isna(), "article_id"]).all()
    # near duplicates add the same wire story reposted with small edits
    assert fakes_articles["duplicate_of"].notna().sum() > flagged.sum()


def test_fakes_replacement_chars_counted(fakes_articles: pd.DataFrame) -> None:
    assert fakes_articles["n_replacement_chars"].sum() == 123
    assert fakes_articles["n_replacement_chars"].dtype == "int64"


def test_fakes_columns_and_dtypes(fakes_articles: pd.DataFrame) -> None:
    assert list(fakes_articles.columns) == [*ARTICLE_COLUMNS, "format", "unit_id", "labels"]
    assert isinstance(fakes_articles["published"].dtype, pd.DatetimeTZDtype)
    assert fakes_articles["published"].notna().all()  # FA-KES's M/D/YYYY column, order inferred from the file
    assert fakes_articles.loc[0, "published"] == pd.Timestamp("2017-04-05", tz="UTC")
    assert (fakes_articles["lang"] == "en").all()


def test_fakes_header_steps(fakes_articles: pd.DataFrame) -> None:
    first = fakes_articles.loc[0]
    assert first["dateline"] == "Wed 05 Apr 2017"
    assert first["text"].startswith("Victims of a suspected chemical attack in Syria")
    n_dateline = fakes_articles["dateline"].notna().sum()
    n_byline = fakes_articles["byline"].notna().sum()
    n_credits = fakes_articles["credits"].notna().sum()
    assert 740 <= n_dateline <= 790 and 40 <= n_byline <= 60 and 150 <= n_credits <= 200  # measured 768 / 50 / 180
    assert not fakes_articles["text"].str.endswith("Read Also").any()
    assert not fakes_articles["text"].str.contains("Comment via Sputnik News").any()


# ---------------------------------------------------------------------------------------------- small fixtures
def test_steps_switch_off_everything() -> None:
    raw = _raw(text=["Damas-SANA / Le ministre a dit\u00a0: \u00ab\u00a0oui\u00a0\u00bb.\n\nM.A./ H.S."])
    art = normalize_articles(raw, steps=[])
    assert art.loc[0, "text"] == raw.loc[0, "text"]
    assert art[["byline", "dateline", "credits", "lang", "duplicate_of"]].isna().all(axis=None)
    art = normalize_articles(raw, steps=["clean", "dateline"])
    assert art.loc[0, "dateline"] == "Damas-SANA" and art.loc[0, "text"].endswith('"oui".\n\nM.A./ H.S.')


def test_unknown_step_and_missing_columns_raise() -> None:
    with pytest.raises(ValueError, match="Unknown step"):
        normalize_articles(_raw(text=["x"]), steps=["clean", "stem"])
    with pytest.raises(ValueError, match="text"):
        normalize_articles(pd.DataFrame({"origin": ["a"]}))
    with pytest.raises(TypeError, match="DataFrame"):
        normalize_articles(["a"])  # type: ignore[arg-type]
    assert set(STEPS) >= {"clean", "split", "duplicates"}


def test_record_metadata_lang_date_and_extras() -> None:
    raw = _raw(text=["Un texte assez long pour la d\u00e9tection de langue, sur la Syrie.", ""],
               lang=["FR", pd.NA], published=[pd.Timestamp("2016-02-06 12:00", tz="Europe/Paris"), "not a date"])
    raw["score"] = pd.Series([1, 2], dtype="Int64")
    art = normalize_articles(raw)
    assert art["lang"].tolist() == ["fr", "und"]
    assert art.loc[0, "published"] == pd.Timestamp("2016-02-06 11:00", tz="UTC") and pd.isna(art.loc[1, "published"])
    assert art["score"].dtype == "Int64" and art["score"].tolist() == [1, 2]
    assert art.loc[1, "text"] == "" and art.loc[1, "text_match"] == ""


def test_lang_hint_the_identifier_does_not_know_is_kept() -> None:
    # "xx" is no language py3langid knows: the hint is kept as given, every record stays a row, no mismatch
    text = "Le ministre des Affaires \u00e9trang\u00e8res a re\u00e7u son homologue \u00e0 Paris pour parler de la Syrie."
    raw = _raw(text=[text, text, text], lang=["xx_1", "zz", "fr"])
    art = normalize_articles(raw)
    assert art["lang"].tolist() == ["xx_1", "zz", "fr"]
    assert not art["lang_mismatch"].any()


def test_ambiguous_numeric_date_is_not_guessed() -> None:
    raw = _raw(text=["a", "b"], published=["4/5/2017", "6/7/2017"])
    assert normalize_articles(raw)["published"].isna().all()
    raw = _raw(text=["a", "b"], published=["4/5/2017", "6/17/2017"],
               origin=["file.csv:row 2", "file.csv:row 3"])
    assert normalize_articles(raw)["published"].dt.month.tolist() == [4, 6]


def test_arabic_record() -> None:
    raw = _raw(text=["\u062f\u0645\u0634\u0642-\u0633\u0627\u0646\u0627 / \u0627\u0644\u062a\u0642\u0649 \u0648\u0632\u064a\u0631 "
                     "\u0627\u0644\u062e\u0627\u0631\u062c\u064a\u0629 \u0646\u0638\u064a\u0631\u0647 \u0627\u0644\u0623\u0645\u0631\u064a\u0643\u064a"
                     " \u0641\u064a \u0627\u0644\u0639\u0627\u0635\u0645\u0629 \u0627\u0644\u0631\u0648\u0633\u064a\u0629."])
    art = normalize_articles(raw)
    assert art.loc[0, "lang"] == "ar"
    assert "\u0627\u0644\u0627\u0645\u0631\u064a\u0643\u064a" in art.loc[0, "text_match"]


def test_empty_input() -> None:
    art = normalize_articles(_raw(text=[]))
    assert len(art) == 0 and list(art.columns)[: len(ARTICLE_COLUMNS)] == list(ARTICLE_COLUMNS)
