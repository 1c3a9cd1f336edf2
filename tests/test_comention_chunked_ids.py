"""co_mentions on the mentions of tag_actors since round 18, whose ``article_id`` is one Arrow chunk per tagging
chunk (``diplolib.actors.mention_table``): the article runs are checked distinct from each chunk's own rows
(``take`` on a chunked column joined every chunk first: a copy of the whole id column), and the edges are those of
the same column in one chunk."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
from arrow_memory import arrow_pool

from diplolib.comention import co_mentions
from diplolib.comention.codes import run_starts


def _chunked(values: list[str], pieces: int) -> pd.Series:
    arr = pa.array(values, type=pa.large_string())
    step = -(-len(values) // pieces)
    chunks = pa.chunked_array([arr[i:i + step] for i in range(0, len(values), step)])
    return pd.Series(pd.array(chunks, dtype=pd.StringDtype("pyarrow", na_value=np.nan)))


def _mentions(n: int, pieces: int, *, shuffle_articles: bool = False) -> pd.DataFrame:
    rng = np.random.default_rng(18)
    art = np.sort(rng.integers(0, n // 12, n))
    if shuffle_articles:  # the twin: an article in two runs (runs not distinct)
        art[-1] = art[0]
    return pd.DataFrame({"article_id": _chunked([f"bench-{k:07d}" for k in art], pieces),
                         "actor_id": pd.Series(rng.choice(["Q76", "Q142", "Q30", "Q159", "Q15180"], n), dtype="str"),
                         "sentence": rng.integers(0, 4, n)})


def test_runs_of_a_chunked_id_column_copy_only_the_runs():
    n = 300_000
    ids = _mentions(n, 280)["article_id"]
    with arrow_pool() as pool:
        starts = run_starts(ids)
    assert starts is not None and starts.sum() == ids.nunique()
    ids_bytes = ids.array.__arrow_array__().nbytes
    assert pool.max_memory() < ids_bytes / 4  # the runs' ids (one in 12 rows), not the column joined (ids_bytes)


def test_runs_of_a_chunked_column_equal_those_of_one_chunk():
    for shuffle in (False, True):
        one, many = _mentions(50_000, 1, shuffle_articles=shuffle), _mentions(50_000, 97, shuffle_articles=shuffle)
        a, b = run_starts(one["article_id"]), run_starts(many["article_id"])
        assert (a is None) == (b is None) == shuffle
        if a is not None:
            np.testing.assert_array_equal(a, b)


def test_edges_of_a_chunked_id_column_equal_those_of_one_chunk():
    one, many = _mentions(50_000, 1), _mentions(50_000, 97)
    assert many["article_id"].array.__arrow_array__().num_chunks == 97
    pd.testing.assert_frame_equal(co_mentions(many), co_mentions(one), check_exact=True)
