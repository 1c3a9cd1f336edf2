"""The Dask path gives the pandas path's tables: a real two-worker LocalCluster on 127.0.0.1, sample corpora."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

distributed = pytest.importorskip("distributed", reason="the dask extra (dask[distributed]) is not installed")

from diplolib import paths  # noqa: E402
from diplolib.actors import tag_actors  # noqa: E402
from diplolib.comention import co_mentions  # noqa: E402
from diplolib.load import load_articles  # noqa: E402
from diplolib.parallel import PartitionError, plan_partitions, run_pipeline  # noqa: E402
from diplolib.parallel.tasks import mentions_for_edges  # noqa: E402
from diplolib.store import read_table  # noqa: E402
from diplolib.themes import tag_themes  # noqa: E402

RAW = paths.raw_dir()


def _raw(*parts: str) -> Path:
    p = RAW.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"data/raw/{p.relative_to(RAW).as_posix()} is absent: fetch the sample corpora first")
    return p


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def _sorted(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return df.sort_values(keys, kind="stable").reset_index(drop=True)


def _pandas_path(src, /, *, by=None, window="sentence", **options):
    articles, errors = load_articles(src, **options)
    mentions = tag_actors(articles)
    hits = tag_themes(articles)
    by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    edges = co_mentions(mentions_for_edges(mentions, articles, by_cols), window=window, by=by)
    return articles, errors, mentions, hits, edges


def _assert_tables(got: pd.DataFrame, expected: pd.DataFrame, keys: list[str]) -> None:
    if expected.empty:  # an empty pandas result has untyped (object) columns; the Dask path keeps the dtypes
        assert got.empty and list(got.columns) == list(expected.columns)
        return
    pd.testing.assert_frame_equal(_sorted(got, keys), _sorted(expected, keys))


def _assert_same(client, src, /, *, by=None, window="sentence", partition_size="32MB", max_files=None,
                 persist=True, **options):
    articles, errors, mentions, hits, edges = _pandas_path(src, by=by, window=window, **options)
    res = run_pipeline(src, client=client, by=by, window=window, partition_size=partition_size,
                       max_files=max_files, persist=persist, **options)
    got = res.articles.compute()
    assert res.articles.npartitions == len(res.partitions)
    pd.testing.assert_frame_equal(_sorted(got, ["article_id"]), _sorted(articles, ["article_id"]))
    # the same order too: partitions concatenated in order are the pandas table
    assert got["article_id"].tolist() == articles["article_id"].tolist()
    pd.testing.assert_frame_equal(_sorted(res.errors, ["origin", "error"]), _sorted(errors, ["origin", "error"]),
                                  check_dtype=False)
    keys = ["article_id", "start", "end"]
    _assert_tables(res.mentions.compute(), mentions, keys)
    _assert_tables(res.theme_hits.compute(), hits, ["article_id", "start", "end", "theme", "reason"])
    _assert_tables(res.edges, edges, ["actor_a", "actor_b"])
    if len(edges):
        pd.testing.assert_frame_equal(res.edges, edges)  # same row order too
    return res, articles


# ------------------------------------------------------------------------------------------ planning
def test_plan_partitions_keeps_walk_order_and_limits(tmp_path: Path) -> None:
    for k in range(7):
        (tmp_path / f"{k:02d}.txt").write_text(f"Title {k}\n\nBody {k}.", "utf-8")
    (tmp_path / ".hidden.txt").write_text("x", "utf-8")
    parts, errors = plan_partitions(tmp_path, max_files=3)
    assert [len(p.files) for p in parts] == [3, 3, 1]
    assert [Path(f).name for p in parts for f in p.files] == [f"{k:02d}.txt" for k in range(7)]
    assert errors["error"].tolist() == ["hidden-file"]
    with pytest.raises(ValueError, match="does not exist"):
        plan_partitions(tmp_path / "nope")


# ------------------------------------------------------------------ split steps (no cluster needed)
@pytest.fixture(scope="module")
def fakes():
    _raw("fa-kes", "FA-KES-Dataset.csv")
    from diplolib import datasets

    articles, _ = datasets.load("fa-kes")
    return articles


@pytest.mark.parametrize("options", [{}, {"window": "article"}, {"by": "lang", "period": "Y"},
                                     {"window": "paragraph", "by": ["source", "lang"]}, {"min_count": 2}])
def test_counts_of_parts_add_up_to_co_mentions(fakes, options) -> None:
    from diplolib.comention.edges import comention_counts, edges_from_counts, sum_counts

    options = dict(options)
    min_count = options.pop("min_count", 1)
    by = options.get("by")
    mentions = mentions_for_edges(tag_actors(fakes), fakes, [by] if isinstance(by, str) else by or [])
    before = mentions.copy()
    expected = co_mentions(mentions, min_count=min_count, **options)
    ids = fakes["article_id"].unique()
    parts = [ids[k::4] for k in range(4)]  # whole articles per part, interleaved
    counts = [comention_counts(mentions[mentions["article_id"].isin(p)], **options) for p in parts]
    got = edges_from_counts(sum_counts(counts), min_count=min_count)
    pd.testing.assert_frame_equal(got, expected)
    pd.testing.assert_frame_equal(mentions, before)
    assert len(expected) > 100


def test_duplicates_from_chunked_signatures_equal_flag_duplicates(fakes) -> None:
    from diplolib.normalize.duplicates import (
        candidate_pairs,
        duplicate_signatures,
        flag_duplicates,
        jaccard_pairs,
        resolve_duplicates,
        shingle_sets,
    )

    texts = fakes["text_match"].tolist()
    sig = pd.concat([duplicate_signatures(texts[k:k + 250]) for k in range(0, len(texts), 250)],
                    ignore_index=True)
    cands = candidate_pairs(sig)
    pairs = jaccard_pairs(cands, shingle_sets(texts, positions=sorted(set(cands["a"]) | set(cands["b"]))))
    got = resolve_duplicates(sig["key"], pairs, fakes["article_id"].tolist())
    expected = flag_duplicates(fakes)
    assert pd.Series(got, dtype="string").tolist() == expected.tolist()
    assert expected.notna().sum() >= 30


# ------------------------------------------------------------------------------------ equality tests
def test_fakes_same_tables(client) -> None:
    src = _raw("fa-kes", "FA-KES-Dataset.csv")
    res, articles = _assert_same(client, src, by="source", preset="fa-kes")
    assert articles["duplicate_of"].notna().sum() > 0  # FA-KES has copies: the corpus-wide pass found them


def test_fakes_in_parts_same_tables_without_persist(client, tmp_path: Path) -> None:
    """persist=False: each partition loaded, tagged and counted in one task, nothing text-sized kept; the same
    tables. FA-KES in four files (its copies and near copies across partitions); ``labels`` is text in the first
    file and a number in the others (so the first file's partition is counted in its scan, the others again from
    their finished tables, where the column is text), ``location`` absent from the last."""
    import csv

    with open(_raw("fa-kes", "FA-KES-Dataset.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head, body = rows[0], rows[1:]
    folder = tmp_path / "fakes"
    folder.mkdir()
    step = -(-len(body) // 4)
    for k in range(4):
        part = [list(r) for r in body[k * step:(k + 1) * step]]
        cols = list(head)
        if k == 0:
            part[0][head.index("labels")] = "unsure"
        if k == 3:
            drop = head.index("location")
            cols.pop(drop)
            part = [r[:drop] + r[drop + 1:] for r in part]
        with open(folder / f"part-{k}.csv", "w", newline="", encoding="utf-8") as out:
            csv.writer(out, quoting=csv.QUOTE_ALL).writerows([cols, *part])
    res, articles = _assert_same(client, folder, preset="fa-kes", max_files=1, persist=False,
                                 by=["source", "labels"])
    assert len(res.partitions) == 4
    assert str(articles["labels"].dtype) == "string" and articles["location"].isna().any()
    # copies whose first copy is in an earlier partition, some of them near copies (not the same exact key)
    part_of = dict(zip(articles["article_id"], articles["origin"].str.slice(0, 6), strict=True))
    across = articles[articles["duplicate_of"].notna()
                      & (articles["duplicate_of"].map(part_of) != articles["origin"].str.slice(0, 6))]
    assert len(across) > 0
    from diplolib.normalize.duplicates import flag_duplicates

    exact = flag_duplicates(articles, near=False)
    assert (articles["duplicate_of"].notna() & exact.isna()).any()  # near copies found by the Jaccard check


def test_band_cache_gives_the_signatures_and_hashes_each_body_once(fakes) -> None:
    from diplolib.normalize.duplicates import duplicate_signatures
    from diplolib.parallel.bands import BandCache

    texts = fakes["text_match"]
    expected = duplicate_signatures(texts, near=True)
    cache = BandCache()
    halves = [texts.iloc[:400].reset_index(drop=True), texts.iloc[400:].reset_index(drop=True)]
    got = [cache.fill(duplicate_signatures(h, near=False), h) for h in halves]
    pd.testing.assert_frame_equal(pd.concat(got, ignore_index=True), expected)
    distinct = expected.loc[expected["eligible"], "key"].nunique()
    assert cache.computed == distinct
    again = cache.fill(duplicate_signatures(halves[1], near=False), halves[1])  # every body met before
    pd.testing.assert_frame_equal(again, got[1])
    assert cache.computed == distinct
    small = BandCache(capacity=10)  # emptied when full: the same signatures, bodies hashed again
    pd.testing.assert_frame_equal(small.fill(duplicate_signatures(halves[0], near=False), halves[0]), got[0])


def test_wikinews_subset_same_tables_many_partitions(client, tmp_path: Path) -> None:
    docs = _raw("wikinews-fr", "documents")
    files = sorted(p for p in docs.rglob("*") if p.is_file())[:40]
    for f in files:
        dest = tmp_path / "docs" / f.relative_to(docs)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, dest)
    # a copy of the first document in the last partition: duplicates are flagged across partitions
    shutil.copy(files[0], tmp_path / "docs" / ("zz-copy" + files[0].suffix))
    res, articles = _assert_same(client, tmp_path / "docs", format="html", source="wikinews", lang="fr",
                                 max_files=8, window="paragraph")
    assert len(res.partitions) >= 5
    copy = articles[articles["origin"].str.startswith("zz-copy")]
    assert copy["duplicate_of"].tolist() == articles["article_id"].iloc[:1].tolist()


def test_kremlin_subset_same_tables(client, tmp_path: Path) -> None:
    tree = _raw("kremlin-en", "var")
    files = sorted(tree.rglob("*.html"))[:60]
    for f in files:
        dest = tmp_path / "k" / f.relative_to(tree)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, dest)
    _assert_same(client, tmp_path / "k", format="html", source="kremlin", lang="en",
                 encoding_errors="replace", max_files=15, by=["source", "lang"])


def test_events_step_equals_the_pandas_path(client, tmp_path: Path) -> None:
    from diplolib.events import extract_events

    docs = _raw("wikinews-fr", "documents")
    files = sorted(p for p in docs.rglob("*") if p.is_file())[:40]
    for f in files:
        dest = tmp_path / "docs" / f.relative_to(docs)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, dest)
    options = {"format": "html", "source": "wikinews", "lang": "fr"}
    articles, _ = load_articles(tmp_path / "docs", **options)
    expected = extract_events(articles, tag_actors(articles))
    res = run_pipeline(tmp_path / "docs", client=client, steps=("actors", "events"), max_files=6, **options)
    assert len(res.partitions) >= 4
    got = res.events.compute()
    assert len(expected) > 20  # enough events to compare (40 files: round 10's reach left 19 in the first 30)
    pd.testing.assert_frame_equal(_sorted(got, ["event_id", "source", "target"]),
                                  _sorted(expected, ["event_id", "source", "target"]))


# ---------------------------------------------------------------------------------------- bad input
def test_corrupt_files_become_error_rows(client, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text("Syria talks\n\nRussia and Turkey met in Astana on Monday.", "utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary\x00\xff\xfe garbage")
    (folder / "c.txt").write_bytes(b"")
    (folder / "d.csv").write_bytes(b"title,text\n\"unterminated,\xff\xfe\n")
    res, _ = _assert_same(client, folder, max_files=1)
    assert len(res.partitions) == 4
    assert set(res.errors["origin"]) >= {"b.txt", "c.txt"}
    assert res.articles["origin"].compute().tolist()[0] == "a.txt"


def test_failing_partition_is_reported(client, tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    for k in range(3):
        (folder / f"{k}.txt").write_text(f"Title {k}\n\nRussia and Iran, story {k}.", "utf-8")
    # an unusable date for one file: its task fails (after the retries), the other partitions do not
    with pytest.raises(PartitionError, match="partition 1") as info:
        run_pipeline(folder, client=client, max_files=1, retries=1, published={"1.txt": {"bad": 1}})
    failures = info.value.failures
    assert failures["partition"].tolist() == [1]
    assert failures["stage"].tolist() == ["load"]
    assert failures["files"].str.endswith("1.txt").all()
    assert failures["error"].str.contains("TypeError").all()


def test_unknown_step_and_missing_source(client, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown step"):
        run_pipeline(tmp_path, client=client, steps=["tokens"])
    with pytest.raises(ValueError, match="needs the 'actors' step"):
        run_pipeline(tmp_path, client=client, steps=["edges"])
    with pytest.raises(ValueError, match="does not exist"):
        run_pipeline(tmp_path / "nope", client=client)


def test_topics_fitted_on_sample_and_applied_to_every_partition(client, tmp_path: Path) -> None:
    docs = _raw("wikinews-fr", "documents")
    res = run_pipeline(docs, client=client, steps=["topics"], format="html", source="wikinews", lang="fr",
                       max_files=20, n_topics=3, topic_sample=50, topic_options={"min_df": 1})
    assert res.topic_model is not None and res.topic_model.n_topics == 3
    assert len(res.topic_model.meta_) < len(res.articles)  # fitted on a sample
    topics = res.topics.compute()
    articles = res.articles.compute()
    assert set(topics["topic"]) <= {0, 1, 2}
    weights = topics.groupby("article_id")["weight"].sum()
    assert weights.between(0.999, 1.001).all()
    assert set(topics["article_id"]) <= set(articles["article_id"])
    assert weights.size >= 0.9 * len(articles)


# ------------------------------------------------------------------------------------- corpus store
def test_store_holds_the_same_tables_and_rewrites_idempotently(client, tmp_path: Path) -> None:
    src = _raw("fa-kes", "FA-KES-Dataset.csv")
    store = tmp_path / "store"
    res = run_pipeline(src, client=client, preset="fa-kes", steps=["actors", "themes"], store=store)
    articles, mentions, hits = res.articles.compute(), res.mentions.compute(), res.theme_hits.compute()
    assert set(res.stored["table"]) == {"articles", "mentions", "theme_hits"}
    _assert_tables(read_table("articles", store=store), articles, ["article_id"])
    _assert_tables(read_table("mentions", store=store), mentions, ["article_id", "start", "end"])
    _assert_tables(read_table("theme_hits", store=store), hits, ["article_id", "start", "end", "theme", "reason"])
    sana = read_table("articles", store=store, columns=["article_id"], filters=[("source", "==", "sana")])
    assert len(sana) == (articles["source"] == "sana").sum()
    # a rerun (e.g. after a crash) replaces each partition's chunk: no row is doubled
    run_pipeline(src, client=client, preset="fa-kes", steps=["actors", "themes"], store=store)
    assert len(read_table("mentions", store=store, columns=["article_id"])) == len(mentions)


# ------------------------------------------------------------------------------------ dying workers
def _die_once(marker: str) -> None:
    """On a worker: the next partition loaded kills the worker process (once, across workers)."""
    import diplolib.parallel.tasks as tasks

    original = tasks.load_partition

    def load_partition(*args, **kwargs):
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return original(*args, **kwargs)
        os._exit(1)

    tasks.load_partition = load_partition


def _die_always() -> None:
    import diplolib.parallel.tasks as tasks

    def load_partition(*args, **kwargs):
        os._exit(1)

    tasks.load_partition = load_partition


def _small_folder(folder: Path, n: int = 4) -> Path:
    folder.mkdir()
    for k in range(n):
        (folder / f"{k}.txt").write_text(f"Title {k}\n\nRussia and Iran discussed Syria, story {k}.", "utf-8")
    return folder


def test_a_dead_worker_is_retried_and_nothing_is_lost(client, tmp_path: Path) -> None:
    folder = _small_folder(tmp_path / "d")
    marker = tmp_path / "died"
    client.run(_die_once, str(marker))
    res = run_pipeline(folder, client=client, max_files=1, steps=["actors"])
    assert marker.exists(), "no worker died: the test did not test anything"
    expected, _ = load_articles(folder)
    _assert_tables(res.articles.compute(), expected, ["article_id"])
    client.wait_for_workers(2, timeout=60)


def test_a_partition_that_keeps_killing_workers_is_reported(tmp_path: Path) -> None:
    import dask
    from distributed import Client, LocalCluster

    folder = _small_folder(tmp_path / "k", n=2)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                         dashboard_address=None) as cluster, Client(cluster) as c:
        c.run(_die_always)
        with pytest.raises(PartitionError, match="no partial result") as info:
            run_pipeline(folder, client=c, max_files=1, steps=["actors"])
    failures = info.value.failures
    assert len(failures) >= 1
    assert (failures["stage"] == "load").all()
    assert failures["error"].str.contains("KilledWorker").all()
