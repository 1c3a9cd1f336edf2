"""load_articles (readers + diplolib.normalize), datasets.load and describe_corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib import paths
from diplolib.describe import SECTIONS, describe_corpus
from diplolib.load import LoadResult, load_articles, load_records

normalize = pytest.importorskip("diplolib.normalize", reason="diplolib.normalize is not written yet")
if not hasattr(normalize, "normalize_articles"):  # pragma: no cover
    pytest.skip("diplolib.normalize.normalize_articles is not available yet", allow_module_level=True)

from diplolib.datasets import load as load_corpus  # noqa: E402


def need(name: str, *parts: str):
    path = paths.raw_dir(name).joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus {name} is not in data/raw: run 'diplolib data fetch {name}'")
    return path


@pytest.fixture
def small_batch(tmp_path):
    (tmp_path / "a.txt").write_text("Headline A\n\nDamascus, SANA - The minister met the envoy on Monday.\n")
    (tmp_path / "b.md").write_text(
        "---\ntitle: Readout\ndate: '2022-07-14'\n---\nThe President spoke with the Chancellor of Germany.\n"
    )
    (tmp_path / "c.csv").write_text("title,text,date\nT1,Body one about Syria.,2016-02-14\nT2\n")
    (tmp_path / "d.txt").write_bytes(b"")
    return tmp_path


def test_result_unpacks_and_has_attributes(small_batch):
    result = load_articles(small_batch)
    assert isinstance(result, LoadResult)
    articles, errors = result
    assert articles is result.articles and errors is result.errors
    assert list(errors.columns) == ["origin", "error", "message"]
    assert sorted(errors["error"]) == ["empty", "truncated-row"]
    assert {"article_id", "source", "lang", "published", "title", "text", "origin", "duplicate_of"} <= set(
        articles
    )
    assert articles["article_id"].is_unique


def test_no_record_lost(small_batch):
    records, raw_errors = load_records(small_batch)
    articles, errors = load_articles(small_batch)
    pd.testing.assert_frame_equal(errors, raw_errors)
    assert set(articles["origin"]) == set(records["origin"])  # each record gives at least one article


def test_same_input_same_output(small_batch):
    a, _ = load_articles(small_batch)
    b, _ = load_articles(small_batch)
    pd.testing.assert_frame_equal(a, b)


def test_published_reaches_normalize(small_batch):
    articles, _ = load_articles(small_batch / "a.txt", published="2016-02-09")
    assert articles["published"].iloc[0] == pd.Timestamp("2016-02-09", tz="UTC")


def test_errors_raised_at_once(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        load_articles(tmp_path / "missing")
    with pytest.raises(ValueError, match="unknown format"):
        load_articles(tmp_path, format="docx")


def test_load_corpus_fa_kes_and_describe():
    need("fa-kes", "FA-KES-Dataset.csv")
    articles, errors = load_corpus("fa-kes", cache=False, fetch_missing=False)
    assert errors.empty and len(articles) >= 804
    before = articles.copy()
    table = describe_corpus(articles, errors)
    pd.testing.assert_frame_equal(articles, before)  # input unchanged
    assert list(table.columns) == ["section", "key", "value"]
    assert set(table["section"]) <= set(SECTIONS)
    get = table.set_index(["section", "key"])["value"]
    assert get[("source", "sana")] == (articles["source"] == "sana").sum()
    assert get[("replacement_chars", "U+FFFD characters")] == 123
    assert get[("total", "errors")] == 0
    assert table.query("section == 'year'")["value"].sum() == len(articles)


def test_load_corpus_sana_splits_the_page():
    need("sana-fr")
    articles, errors = load_corpus("sana-fr", cache=False, fetch_missing=False)
    assert errors.empty and len(articles) >= 1
    assert (articles["source"] == "sana").all() and articles["origin"].eq("000_9686c5b622632da7.txt").all()


def test_describe_corpus_on_raw_records_and_errors(small_batch):
    records, errors = load_records(small_batch)
    table = describe_corpus(records, errors)
    get = table.set_index(["section", "key"])["value"]
    assert get[("total", "articles")] == len(records) and get[("total", "errors")] == 2
    assert get[("error", "empty")] == 1 and get[("error", "truncated-row")] == 1
    assert get[("year", "(missing)")] == records["published"].isna().sum()
    with pytest.raises(TypeError, match="articles DataFrame"):
        describe_corpus([1, 2])


def test_seed_date_from_a_sidecar_file(tmp_path):
    """The seed states no year: its date comes from a sidecar file, and stays empty without one."""
    import shutil

    from conftest import corpus_dir
    from diplolib.load import load_articles

    page = corpus_dir("sana-fr") / "000_9686c5b622632da7.txt"
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copyfile(page, folder / page.name)
    (tmp_path / "dates.csv").write_text("file,published\n000_9686c5b622632da7.txt,2016-02-10\n", "utf-8")
    undated, _ = load_articles(folder)
    assert len(undated) == 2 and undated["published"].isna().all()
    dated, errors = load_articles(folder, published=tmp_path / "dates.csv")
    assert errors.empty
    assert (dated["published"] == pd.Timestamp("2016-02-10", tz="UTC")).all()
    bad = tmp_path / "bad.csv"
    bad.write_text("name,date\nx,2016\n", "utf-8")
    with pytest.raises(ValueError, match="'file'"):
        load_articles(folder, published=bad)
