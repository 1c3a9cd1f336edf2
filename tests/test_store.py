"""The processed-corpus store: partitioned Parquet round trips, chunks, concurrency, drift, errors."""

from __future__ import annotations

import gc
import threading
import weakref

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplolib import paths, store
from diplolib.store import (
    delete_table,
    list_tables,
    open_table,
    read_table,
    store_info,
    write_chunks,
    write_table,
)
from diplolib.store._layout import NULL_PARTITION

KEY = ["article_id", "start", "end"]


def ordered(df: pd.DataFrame, keys=KEY) -> pd.DataFrame:
    """The documented read order: stable sort by the sort keys the table has, NA last."""
    keys = [k for k in keys if k in df.columns]
    return df.sort_values(keys, kind="stable", na_position="last").reset_index(drop=True)


def split(df: pd.DataFrame, n: int) -> list[pd.DataFrame]:
    bounds = np.linspace(0, len(df), n + 1).astype(int)
    return [df.iloc[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


@pytest.fixture
def tiny() -> pd.DataFrame:
    """Articles with the nasty cases: NaT, NA source, Arabic, '/' and spaces in a source, every dtype."""
    published = pd.to_datetime(
        ["2016-02-12 10:00", "2016-12-31 23:30", None, "2017-01-01 00:10", "2015-06-01 00:00", "2016-03-03 00:00", None]
    ).tz_localize("UTC")
    return pd.DataFrame(
        {
            "article_id": pd.array(["a1", "a2", "a3", "a4", "a5", "a6", "a7"], dtype="string"),
            "source": pd.array(["sana", "sana", "tass", None, "agence/AFP x", "سانا", ""], dtype="string"),
            "lang": pd.Series(["fr", "fr", "en", "en", "fr", "ar", None], dtype="str"),
            "published": published,
            "title": pd.array(["Lavrov à Genève", "« Daech »", None, "", "Kerry", "لافروف", "x"], dtype="string"),
            "n_words": pd.array([10, None, 3, 0, 7, 5, None], dtype="Int64"),
            "score": [0.5, np.nan, 1.0, 2.0, 0.0, -1.0, 3.5],
            "flag": [True, False, True, True, False, False, True],
            "count": np.arange(7, dtype="int64"),
        }
    )


@pytest.fixture(scope="module")
def fakes():
    if not (paths.raw_dir("fa-kes") / ".diplolib-fetched.json").is_file():
        pytest.skip("fa-kes is not in data/raw (run 'make data')")
    from diplolib import datasets
    from diplolib.actors import tag_actors

    articles, _ = datasets.load("fa-kes")
    head = articles.head(50)
    return articles, tag_actors(head)


# --- round trips -------------------------------------------------------------------------------------------------


def test_round_trip_fakes_articles_exact(fakes, tmp_path):
    articles, _ = fakes
    before = articles.copy(deep=True)
    summary = write_table(articles, "articles", store="fa-kes", root=tmp_path)
    pd.testing.assert_frame_equal(articles, before)  # input unchanged
    out = read_table("articles", store="fa-kes", root=tmp_path)
    pd.testing.assert_frame_equal(out, ordered(articles))
    assert summary["rows"].sum() == len(articles)
    expected_parts = {
        f"source={s}/year={y}"
        for s, y in zip(articles["source"], articles["published"].dt.year.astype("Int64"), strict=True)
    }
    assert set(summary["partition"]) == {p.replace("year=<NA>", f"year={NULL_PARTITION}") for p in expected_parts}
    assert (tmp_path / "fa-kes" / "articles" / "source=sana").is_dir()


def test_round_trip_fakes_mentions_take_partitions_from_articles(fakes, tmp_path):
    articles, mentions = fakes
    before_m, before_a = mentions.copy(deep=True), articles.copy(deep=True)
    write_table(mentions, "mentions", store="fa-kes", root=tmp_path, articles=articles)
    pd.testing.assert_frame_equal(mentions, before_m)
    pd.testing.assert_frame_equal(articles, before_a)
    out = read_table("mentions", store="fa-kes", root=tmp_path)
    pd.testing.assert_frame_equal(out, ordered(mentions))  # source/year only in folder names
    assert "source" not in out.columns and "year" not in out.columns
    # asked for, the folder-only columns come from the articles
    got = read_table("mentions", store="fa-kes", root=tmp_path, columns=["article_id", "source", "year"])
    lookup = articles.set_index("article_id")
    assert got["source"].dtype == "string" and got["year"].dtype == "Int64"
    assert (got["source"] == lookup.loc[got["article_id"], "source"].to_numpy()).all()
    years = lookup.loc[got["article_id"], "published"].dt.year.to_numpy()
    assert (got["year"].to_numpy() == years).all()


def test_round_trip_fakes_theme_hits(fakes, tmp_path):
    articles, _ = fakes
    from diplolib.themes import tag_themes

    hits = tag_themes(articles.head(50))
    assert hits["start"].isna().any() or len(hits) > 100  # untagged rows (start NA) sort last
    slim = articles[["article_id", "source", "published"]]
    write_table(hits, "theme_hits", store="fa-kes", root=tmp_path, articles=slim)
    pd.testing.assert_frame_equal(read_table("theme_hits", store="fa-kes", root=tmp_path), ordered(hits))


def test_round_trip_dtypes_and_null_partitions(tiny, tmp_path):
    summary = write_table(tiny, "articles", store="tiny", root=tmp_path)
    out = read_table("articles", store="tiny", root=tmp_path)
    pd.testing.assert_frame_equal(out, ordered(tiny))
    assert out.dtypes.to_dict() == tiny.dtypes.to_dict()
    folders = set(summary["partition"])
    assert f"source=tass/year={NULL_PARTITION}" in folders  # published NaT
    assert f"source={NULL_PARTITION}/year=2017" in folders  # source NA
    assert "source=agence%2FAFP%20x/year=2015" in folders  # percent-encoded
    assert f"source=/year={NULL_PARTITION}" in folders  # empty source is not NA
    nulls = read_table("articles", store="tiny", root=tmp_path, filters=ds.field("year").is_null())
    assert nulls["article_id"].tolist() == ["a3", "a7"]
    years = read_table("articles", store="tiny", root=tmp_path, columns=["article_id", "year"])
    assert years["year"].tolist()[2] is pd.NA and years["year"].dtype == "Int64"


def test_own_year_column_is_used_as_is(tmp_path):
    # like ungdc: the session year is a column, published is NaT
    speeches = pd.DataFrame(
        {
            "article_id": ["u1", "u2"],
            "source": ["ungdc", "ungdc"],
            "published": pd.Series([pd.NaT, pd.NaT], dtype="datetime64[ns, UTC]"),
            "year": [1970, 2015],
        }
    )
    summary = write_table(speeches, "articles", store="un", root=tmp_path)
    assert sorted(summary["partition"]) == ["source=ungdc/year=1970", "source=ungdc/year=2015"]
    pd.testing.assert_frame_equal(read_table("articles", store="un", root=tmp_path), speeches)


# --- columns, filters, order -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters, mask",
    [
        ([("source", "==", "sana")], lambda a: a["source"] == "sana"),
        (
            [("source", "==", "sana"), ("year", ">=", 2016)],
            lambda a: (a["source"] == "sana") & (a["published"].dt.year >= 2016),
        ),
        ([("year", "in", [2013, 2014])], lambda a: a["published"].dt.year.isin([2013, 2014])),
        ([("location", "==", "aleppo")], lambda a: a["location"] == "aleppo"),
        ([("source", "!=", "sana")], lambda a: a["source"] != "sana"),
        (
            [[("source", "==", "sana")], [("source", "==", "nna"), ("year", "<", 2015)]],
            lambda a: (a["source"] == "sana") | ((a["source"] == "nna") & (a["published"].dt.year < 2015)),
        ),
        (
            [("published", ">=", pd.Timestamp("2017-01-01", tz="UTC"))],
            lambda a: a["published"] >= pd.Timestamp("2017-01-01", tz="UTC"),
        ),
    ],
)
def test_filters_match_pandas(fakes, tmp_path, filters, mask):
    articles, _ = fakes
    write_table(articles, "articles", store="f", root=tmp_path)
    out = read_table("articles", store="f", root=tmp_path, filters=filters, columns=["article_id", "source", "title"])
    expected = ordered(articles[mask(articles).fillna(False).astype(bool)][["article_id", "source", "title"]])
    assert len(expected) > 0
    pd.testing.assert_frame_equal(out, expected)


def test_columns_order_and_sort_options(tiny, tmp_path):
    write_table(tiny, "articles", store="t", root=tmp_path)
    out = read_table("articles", store="t", root=tmp_path, columns=["title", "article_id"])
    assert out.columns.tolist() == ["title", "article_id"]
    by_count = read_table("articles", store="t", root=tmp_path, columns=["title"], sort_by=["count"])
    assert by_count["title"].tolist() == tiny["title"].tolist()  # sort key read, then dropped
    again = read_table("articles", store="t", root=tmp_path, sort_by=None)
    assert sorted(again["article_id"]) == sorted(tiny["article_id"])


# --- chunks -----------------------------------------------------------------------------------------------------


def test_incremental_chunks_equal_one_write(fakes, tmp_path):
    articles, mentions = fakes
    write_table(articles, "articles", store="one", root=tmp_path)
    write_chunks(split(articles, 7), "articles", store="many", root=tmp_path)
    write_table(mentions, "mentions", store="one", root=tmp_path, articles=articles)
    write_chunks(split(mentions, 4), "mentions", store="many", root=tmp_path, articles=articles)
    for name in ("articles", "mentions"):
        pd.testing.assert_frame_equal(
            read_table(name, store="many", root=tmp_path), read_table(name, store="one", root=tmp_path)
        )
    info = store_info("many", root=tmp_path)
    assert info.columns.tolist() == ["table", "partition", "files", "rows", "bytes"]
    assert info.groupby("table")["rows"].sum().to_dict() == {"articles": len(articles), "mentions": len(mentions)}
    assert info["files"].max() > 1 and (info["bytes"] > 0).all()


def test_rewriting_a_chunk_is_idempotent(tiny, tmp_path):
    write_table(tiny.iloc[:4], "articles", store="t", root=tmp_path, chunk="c1")
    write_table(tiny.iloc[4:], "articles", store="t", root=tmp_path, chunk="c2")
    files = sorted((tmp_path / "t").rglob("*.parquet"))
    first = {f: f.read_bytes() for f in files}
    write_table(tiny.iloc[4:], "articles", store="t", root=tmp_path, chunk="c2")  # a retry
    assert {f: f.read_bytes() for f in sorted((tmp_path / "t").rglob("*.parquet"))} == first  # same bytes
    pd.testing.assert_frame_equal(read_table("articles", store="t", root=tmp_path), ordered(tiny))
    # a retry with other rows: the chunk's files in partitions it no longer has are removed
    write_table(tiny.iloc[[4]], "articles", store="t", root=tmp_path, chunk="c2")
    pd.testing.assert_frame_equal(read_table("articles", store="t", root=tmp_path), ordered(tiny.iloc[:5]))
    assert len(list((tmp_path / "t").rglob("part-c2@*.parquet"))) == 1
    assert not list((tmp_path / "t").rglob(".*"))  # no temporary files left


def test_empty_chunk_removes_its_rows(tiny, tmp_path):
    write_table(tiny, "articles", store="t", root=tmp_path, chunk=3)
    assert len(list((tmp_path / "t" / "articles" / "source=sana" / "year=2016").glob("part-000003@*.parquet"))) == 1
    write_table(tiny.iloc[:0], "articles", store="t", root=tmp_path, chunk=3)
    assert read_table("articles", store="t", root=tmp_path).empty


def test_concurrent_writers_in_threads(fakes, tmp_path):
    articles, mentions = fakes
    pieces = split(mentions, 8)
    barrier = threading.Barrier(4)
    errors = []

    def work(ids):
        try:
            barrier.wait()
            for i in ids:
                write_table(pieces[i], "mentions", store="c", root=tmp_path, chunk=i, articles=articles)
                write_table(pieces[i], "mentions", store="c", root=tmp_path, chunk=i, articles=articles)  # retry
        except Exception as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=work, args=([i, i + 4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    pd.testing.assert_frame_equal(read_table("mentions", store="c", root=tmp_path), ordered(mentions))
    assert not [p for p in (tmp_path / "c").rglob("*") if p.name.startswith(".")]


def test_write_chunks_holds_one_chunk_at_a_time(tiny, tmp_path):
    alive = []

    def chunks():
        for i in range(len(tiny)):
            gc.collect()
            assert sum(ref() is not None for ref in alive) == 0, "an earlier chunk is still referenced"
            frame = tiny.iloc[[i]].copy()
            alive.append(weakref.ref(frame))
            yield frame
            del frame  # the generator's own reference

    summary = write_chunks(chunks(), "articles", store="t", root=tmp_path, prefix="day")
    assert summary["chunk"].tolist() == [f"day-{i:06d}" for i in range(len(tiny))]
    pd.testing.assert_frame_equal(read_table("articles", store="t", root=tmp_path), ordered(tiny))


def test_overwrite_and_delete(tiny, tmp_path):
    write_table(tiny, "articles", store="t", root=tmp_path, chunk="a")
    write_table(tiny.iloc[:2], "articles", store="t", root=tmp_path, chunk="b", mode="overwrite")
    pd.testing.assert_frame_equal(read_table("articles", store="t", root=tmp_path), ordered(tiny.iloc[:2]))
    with pytest.raises(TypeError, match="'published' has dtype"):  # a bad table deletes nothing
        write_table(tiny.assign(published="x"), "articles", store="t", root=tmp_path, mode="overwrite")
    assert len(read_table("articles", store="t", root=tmp_path)) == 2
    write_table(tiny, "errors", store="t", root=tmp_path, partition_by=())
    assert list_tables("t", root=tmp_path) == ["articles", "errors"]
    delete_table("articles", store="t", root=tmp_path)
    assert list_tables("t", root=tmp_path) == ["errors"]
    assert store_info("t", root=tmp_path)["partition"].tolist() == [""]
    with pytest.raises(ValueError, match="no table 'articles'.*tables: \\['errors'\\]"):
        read_table("articles", store="t", root=tmp_path)


def test_default_location_is_data_processed_store(home, tiny):
    write_table(tiny, "articles", store="tiny")
    assert (home / "data" / "processed" / "store" / "tiny" / "articles" / "source=sana").is_dir()
    assert len(read_table("articles", store="tiny")) == len(tiny)
    # a Path is the store folder itself
    write_table(tiny, "articles", store=home / "elsewhere")
    assert len(read_table("articles", store=home / "elsewhere")) == len(tiny)


# --- schema drift -----------------------------------------------------------------------------------------------


def test_schema_drift_is_unified(tiny, tmp_path):
    c1 = tiny.iloc[:3].drop(columns=["n_words"]).assign(note=pd.Series([None] * 3, dtype=object))  # all-null
    c2 = tiny.iloc[3:].assign(note=pd.array(["x", None, "y", "z"], dtype="string"))  # new column, now typed
    c2 = c2.assign(count=c2["count"].astype("float64"))  # int64 in c1, float64 here
    write_table(c1, "articles", store="t", root=tmp_path, chunk=1)
    write_table(c2, "articles", store="t", root=tmp_path, chunk=2)
    out = read_table("articles", store="t", root=tmp_path)
    assert out["n_words"].dtype == "Int64" and out["note"].dtype == "string" and out["count"].dtype == "float64"
    expected = pd.concat([c1.assign(note=pd.array([None] * 3, dtype="string")), c2], ignore_index=True)
    expected = expected.astype({"n_words": "Int64", "count": "float64"})[out.columns]
    pd.testing.assert_frame_equal(out, ordered(expected))


def test_schema_conflict_is_refused_with_advice(tiny, tmp_path):
    write_table(tiny.iloc[:3], "articles", store="t", root=tmp_path, chunk=1)
    bad = tiny.iloc[3:].assign(n_words=pd.array(["ten", None, "3", "x"], dtype="string"))
    with pytest.raises(ValueError, match="column 'n_words' is large_string in this chunk but int64.*astype"):
        write_table(bad, "articles", store="t", root=tmp_path, chunk=2)
    # the same conflict made by another tool is reported at read time, naming the files
    folder = tmp_path / "t" / "articles" / "source=x" / "year=2016"
    folder.mkdir(parents=True)
    pq.write_table(pa.Table.from_pandas(bad, preserve_index=False), folder / "part-other.parquet")
    with pytest.raises(ValueError, match="column 'n_words'.*cannot be merged.*source=x/year=2016/part-other.parquet"):
        read_table("articles", store="t", root=tmp_path)


# --- bad input ----------------------------------------------------------------------------------------------------


def test_missing_partition_columns_are_refused(fakes, tmp_path):
    articles, mentions = fakes
    with pytest.raises(ValueError, match="no column 'source' to partition by.*articles="):
        write_table(mentions, "mentions", store="t", root=tmp_path)
    with pytest.raises(ValueError, match=r"1 rows of table 'mentions' have an article_id not in articles="):
        write_table(mentions.head(1), "mentions", store="t", root=tmp_path, articles=articles.tail(1))
    with pytest.raises(ValueError, match="no column 'lang'.*partition_by="):
        write_table(mentions, "mentions", store="t", root=tmp_path, partition_by=("lang",))
    assert not (tmp_path / "t").exists()  # nothing written


@pytest.mark.parametrize(
    "change, error, match",
    [
        (lambda a: a.assign(published=a["published"].astype(str)), TypeError, "'published' has dtype"),
        (lambda a: a.assign(source=a["score"]), TypeError, "partition column 'source' has dtype float64"),
        (lambda a: a.assign(source=[1, "x", 2, 3, 4, 5, 6]), TypeError, "'source' mixes text"),
        (lambda a: a.assign(title=[1, "x", 2, 3, 4, 5, 6]), TypeError, "cannot be stored as Parquet"),
        (lambda a: a.drop(columns="source"), ValueError, "no column 'source'"),
    ],
)
def test_bad_tables_are_refused(tiny, tmp_path, change, error, match):
    with pytest.raises(error, match=match):
        write_table(change(tiny), "articles", store="t", root=tmp_path)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(store="../up"), "store '../up' is not a valid name"),
        (dict(store="t", chunk="a/b"), "chunk 'a/b' is not a valid name"),
        (dict(store="t", chunk=-1), "negative"),
        (dict(store="t", mode="replace"), "mode='replace'"),
    ],
)
def test_bad_arguments(tiny, tmp_path, kwargs, match):
    with pytest.raises(ValueError, match=match):
        write_table(tiny, "articles", root=tmp_path, **kwargs)
    with pytest.raises(ValueError, match="table '_x' is not a valid name"):
        write_table(tiny, "_x", store="t", root=tmp_path)


def test_partitioning_must_match_the_table(tiny, tmp_path):
    write_table(tiny, "articles", store="t", root=tmp_path)
    with pytest.raises(ValueError, match=r"partitioned by \('source', 'year'\), not \('lang',\)"):
        write_table(tiny, "articles", store="t", root=tmp_path, chunk=1, partition_by=("lang",))


def test_read_errors_name_the_fix(tiny, tmp_path):
    write_table(tiny, "articles", store="t", root=tmp_path)
    with pytest.raises(ValueError, match=r"no column\(s\) \['nope'\]"):
        read_table("articles", store="t", root=tmp_path, columns=["nope"])
    with pytest.raises(ValueError, match=r"filter on unknown column\(s\) \['nope'\]"):
        read_table("articles", store="t", root=tmp_path, filters=[("nope", "==", 1)])
    with pytest.raises(ValueError, match="not a \\(column, op, value\\) triple"):
        read_table("articles", store="t", root=tmp_path, filters=[("source", "==")])
    with pytest.raises(ValueError, match="no store at"):
        store_info("absent", root=tmp_path)


# --- lazy and Dask reads ------------------------------------------------------------------------------------------


def test_open_table_is_lazy_dataset(tiny, tmp_path):
    write_table(tiny, "articles", store="t", root=tmp_path)
    dataset = open_table("articles", store="t", root=tmp_path)
    assert isinstance(dataset, ds.Dataset)
    assert dataset.schema.names[-1] == "year"
    table = dataset.to_table(filter=(ds.field("year") == 2016) & (ds.field("source") == "sana"))
    df = table.to_pandas()
    assert sorted(df["article_id"]) == ["a1", "a2"] and df["n_words"].dtype == "Int64"
    assert dataset.count_rows() == len(tiny)


def test_read_dask_equals_read_table(fakes, tmp_path):
    pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
    articles, mentions = fakes
    write_chunks(split(mentions, 3), "mentions", store="d", root=tmp_path, articles=articles)
    ddf = store.read_dask("mentions", store="d", root=tmp_path, filters=[("year", ">=", 2016)])
    got = ordered(ddf.compute(scheduler="sync"))
    expected = read_table("mentions", store="d", root=tmp_path, filters=[("year", ">=", 2016)])
    assert len(expected) > 0
    # Dask turns text columns into string[pyarrow] (its "dataframe.convert-string" option): compare values
    pd.testing.assert_frame_equal(got, expected.astype(got.dtypes.to_dict()))
    assert ddf.npartitions == store_info("d", root=tmp_path).query("partition.str.contains('201[67]')").shape[0]


# --- property: any split into chunks reads back as the whole ------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(assignment=st.lists(st.integers(0, 3), min_size=7, max_size=7))
def test_any_chunking_reads_back_the_table(tiny, tmp_path_factory, assignment):
    root = tmp_path_factory.mktemp("prop")
    for chunk in sorted(set(assignment)):
        rows = [i for i, c in enumerate(assignment) if c == chunk]
        write_table(tiny.iloc[rows], "articles", store="p", root=root, chunk=chunk)
    pd.testing.assert_frame_equal(read_table("articles", store="p", root=root), ordered(tiny))
