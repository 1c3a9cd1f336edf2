"""tag_actors' memory between chunks: the chunks' offset and index columns are kept as int32 until they are
joined into the int64 columns of the mentions table (the table itself unchanged: compared with the per-article
reference across many small chunks in ``tests/test_actors_partition.py``)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import diplolib.actors.tagger as tagger_mod
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.mention_columns import compact_ints
from diplolib.actors.reference import tag_actors_reference
from diplolib.actors.tagger import tag_actors


def test_compact_ints_keeps_int32_what_fits():
    values = np.array([0, 5, 2**31 - 1, -(2**31)], dtype=np.int64)
    got = compact_ints(values)
    assert got.dtype == np.int32
    np.testing.assert_array_equal(got.astype(np.int64), values)


@pytest.mark.parametrize("value", [2**31, -(2**31) - 1, 2**40])
def test_compact_ints_leaves_int64_what_does_not_fit(value):
    values = np.array([0, value, 3], dtype=np.int64)  # the twin: an offset beyond int32 is never wrapped
    got = compact_ints(values)
    assert got.dtype == np.int64
    np.testing.assert_array_equal(got, values)


def test_compact_ints_of_nothing():
    assert compact_ints(np.zeros(0, dtype=np.int64)).dtype == np.int32


def test_chunked_table_is_the_reference_with_int64_columns(monkeypatch):
    matcher = default_matcher()
    texts = ["President Vladimir Putin met Bashar al-Assad in Damascus.", "Le président Poutine a rencontré Assad.",
             "الرئيس بشار الأسد استقبل وزير الخارجية الروسي سيرغي لافروف في دمشق.", "", "Nothing here.",
             "The UN Security Council met in New York; the Russian and Turkish presidents spoke."] * 7
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts,
                             "published": pd.to_datetime(["2016-02-12"] * len(texts), utc=True)})
    monkeypatch.setattr(tagger_mod, "CHUNK_CHARS", 90)  # one or two texts a chunk: many chunks joined
    got = tag_actors(articles, registry=matcher)
    assert len(got) > 40
    for col in ("start", "end", "sentence", "paragraph"):
        assert got[col].dtype == np.int64
    pd.testing.assert_frame_equal(got, tag_actors_reference(articles, matcher), check_exact=True)
