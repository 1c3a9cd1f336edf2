"""diplolib._memory.take_rows / rows_as_list: a few rows of a chunked Arrow column without concatenating its chunks
(pyarrow's take on a chunked array copies the whole column first); the same values as take / iloc, in any order."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from arrow_memory import arrow_pool

from diplolib._memory import rows_as_list, take_rows
from diplolib.actors.mention_columns import text_bodies


def _chunked(n_chunks: int = 7, rows: int = 50, *, nulls: bool = True) -> pa.ChunkedArray:
    rng = np.random.default_rng(16)
    chunks = []
    for c in range(n_chunks):
        values = [None if nulls and rng.random() < 0.1 else f"c{c}-r{r}-" + "x" * int(rng.integers(0, 30))
                  for r in range(rows)]
        chunks.append(pa.array(values, type=pa.large_string()))
    chunks.insert(3, pa.array([], type=pa.large_string()))  # an empty chunk in the middle
    return pa.chunked_array(chunks, type=pa.large_string())


@pytest.mark.parametrize("kind", ["ascending", "shuffled", "repeats", "one", "none", "all"])
def test_take_rows_equals_take(kind):
    values = _chunked()
    n = len(values)
    rng = np.random.default_rng(3)
    positions = {"ascending": np.sort(rng.choice(n, 40, replace=False)), "shuffled": rng.permutation(n)[:60],
                 "repeats": rng.integers(0, n, 80), "one": np.array([n - 1]), "none": np.array([], dtype=np.int64),
                 "all": np.arange(n)}[kind]
    got = take_rows(values, positions)
    assert isinstance(got, pa.Array)
    assert got.to_pylist() == values.combine_chunks().take(pa.array(positions, type=pa.int64())).to_pylist()
    assert got.type == values.type


def test_take_rows_plain_array_and_bounds():
    # twin: a plain (unchunked) array goes straight to take, same answer
    arr = pa.array(["a", None, "c"], type=pa.large_string())
    assert take_rows(arr, [2, 0]).to_pylist() == ["c", "a"]
    with pytest.raises(IndexError):
        take_rows(_chunked(), [10_000])


def test_take_rows_copies_only_the_rows_asked_for():
    big = pa.chunked_array([pa.array(["y" * 2_000] * 1_000, type=pa.large_string()) for _ in range(20)])  # ~40 MB
    with arrow_pool() as pool:
        got = take_rows(big, np.arange(5_000, 5_100))
        values = got.to_pylist()
        del got
    assert values == ["y" * 2_000] * 100
    assert 0 < pool.max_memory() < 2_000_000  # the 100 rows (~200 kB) and their offsets, not the 40 MB column


@pytest.mark.parametrize("dtype", ["string", "str", "object"])
def test_rows_as_list_equals_iloc(dtype):
    values = _chunked().to_pylist()
    if dtype == "object":
        column = pd.Series(values, dtype=object)
    else:
        parts = [pd.Series(values[i:i + 90], dtype=dtype) for i in range(0, len(values), 90)]
        column = pd.concat(parts, ignore_index=True)  # a chunked Arrow column, as a load's chunks make it
    positions = np.random.default_rng(5).permutation(len(values))[:70]
    got, want = rows_as_list(column, positions), column.iloc[positions].tolist()
    assert len(got) == len(want)
    assert all((a is b) or (a == b) or (pd.isna(a) and pd.isna(b) and type(a) is type(b))
               for a, b in zip(got, want, strict=True))


def test_text_bodies_runs_equal_the_column():
    column = pd.concat([pd.Series(["un", "", "deux", None], dtype="string"),
                        pd.Series(["trois", "quatre"], dtype="string")], ignore_index=True)
    valid, lengths, bodies_of = text_bodies(column)
    assert valid == [0, 2, 4, 5]
    assert lengths.tolist() == [2, 4, 5, 6]
    assert bodies_of(slice(1, 4)) == ["deux", "trois", "quatre"]
