"""The end of tag_actors (``diplolib.actors.mention_table``, round 18): string article ids taken per chunk from the
articles' own ids (no int64 position a mention, no Python string an article held through the call), the same
mentions table as the per-article reference; ids that are not all strings keep the former path (positions, then
``ids[at]``)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import diplolib.actors.mention_table as table_mod
import diplolib.actors.tagger as tagger_mod
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.mention_table import MentionParts, arrow_ids
from diplolib.actors.reference import tag_actors_reference
from diplolib.actors.tagger import tag_actors

TEXTS = ["President Vladimir Putin met Bashar al-Assad in Damascus.", "Le président Poutine a rencontré Assad.",
         "الرئيس بشار الأسد استقبل وزير الخارجية الروسي سيرغي لافروف في دمشق.", "", "Nothing here.",
         "The UN Security Council met in New York; the Russian and Turkish presidents spoke."] * 5


def _articles(ids) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ids, "text": TEXTS,
                         "published": pd.to_datetime(["2016-02-12"] * len(TEXTS), utc=True)})


def _str_ids(dtype: str) -> pd.Series:
    ids = pd.Series([f"a{i}" for i in range(len(TEXTS))], dtype=dtype)
    if dtype == "string[pyarrow]":  # a loaded column: several Arrow chunks (pd.concat of the load's chunks)
        ids = pd.concat([ids.iloc[:7], ids.iloc[7:19], ids.iloc[19:]], ignore_index=True)
    return ids


def _tagged(articles: pd.DataFrame, monkeypatch) -> pd.DataFrame:
    monkeypatch.setattr(tagger_mod, "CHUNK_CHARS", 90)  # one or two texts a chunk: many chunks joined
    got = tag_actors(articles, registry=default_matcher())
    assert len(got) > 30
    pd.testing.assert_frame_equal(got, tag_actors_reference(articles, default_matcher()), check_exact=True)
    return got


@pytest.mark.parametrize("dtype", ["string[pyarrow]", "str", "object"])
def test_string_ids_are_taken_per_chunk(dtype, monkeypatch):
    articles = _articles(_str_ids(dtype))
    assert arrow_ids(articles["article_id"], np.arange(len(TEXTS))) is not None
    monkeypatch.setattr(table_mod, "id_column", lambda *a: pytest.fail("string ids went through positions"))
    got = _tagged(articles, monkeypatch)
    assert isinstance(got["article_id"].dtype, pd.StringDtype) and got["article_id"].dtype.na_value is np.nan


def test_a_missing_id_of_an_untagged_article_keeps_the_string_ids(monkeypatch):
    ids = _str_ids("string[pyarrow]")
    ids.iloc[3] = None  # TEXTS[3] is empty: never tagged, so every mention still has a string id
    articles = _articles(ids)
    monkeypatch.setattr(table_mod, "id_column", lambda *a: pytest.fail("string ids went through positions"))
    got = _tagged(articles, monkeypatch)
    assert not got["article_id"].isna().any()


@pytest.mark.parametrize("ids", [list(range(len(TEXTS))),  # int ids: the list pandas infers
                                 [None if i == 0 else f"a{i}" for i in range(len(TEXTS))]])  # a tagged one missing
def test_ids_not_all_strings_keep_the_former_path(ids, monkeypatch):
    column = pd.Series(ids, dtype="string[pyarrow]" if isinstance(ids[1], str) else None)
    articles = _articles(column)
    assert arrow_ids(articles["article_id"], np.arange(len(TEXTS))) is None
    called = []
    former = table_mod.id_column
    monkeypatch.setattr(table_mod, "id_column", lambda *a: called.append(1) or former(*a))
    _tagged(articles, monkeypatch)
    assert called == [1]


def test_parts_hold_arrow_ids_not_positions():
    parts = MentionParts(_str_ids("string[pyarrow]"), list(range(len(TEXTS))))
    pos = np.array([0, 0, 2], dtype=np.int64)
    none = np.full(3, None, dtype=object)
    parts.add(4, pos, pos, pos + 1, pa.array(["x", "y", "z"], type=pa.large_string()),
              [np.array(["A", "B", "C"], dtype=object), none, none, none], pos, pos)
    ids = parts._parts[0]["article_id"]
    assert isinstance(ids, pa.Array) and ids.to_pylist() == ["a4", "a4", "a6"]
    out = parts.frame()
    assert out["article_id"].tolist() == ["a4", "a4", "a6"] and out["start"].dtype == np.int64
