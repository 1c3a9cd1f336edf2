"""The columns of :func:`~diplolib.actors.tag_actors`' output, built chunk by chunk without a Python object per
mention where Arrow can hold them: the articles' bodies read a run at a time, the string columns as Arrow arrays
per chunk joined as one chunked array, the article ids taken from the distinct articles."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._memory import take_rows

__all__ = ["id_column", "text_bodies", "STRING_COLUMNS", "chunk_strings", "joined_strings", "compact_ints"]


def id_column(ids: np.ndarray, at: np.ndarray):
    """``ids[at]`` as the column ``pd.DataFrame`` infers from that list: string ids taken by Arrow from the distinct
    articles (one Python string per article, not per mention), other ids as the list itself."""
    if len(ids) and all(isinstance(i, str) for i in ids.tolist()):
        return pd.array(pa.array(ids, type=pa.large_string()).take(pa.array(at)),
                        dtype=pd.StringDtype("pyarrow", na_value=np.nan))  # as string_column builds it
    return ids[at].tolist()


def text_bodies(column: pd.Series) -> tuple[list[int], np.ndarray, Callable[[slice], list[str]]]:
    """The positions of the articles with a non-empty string body, the bodies' lengths in characters, and a function
    giving the bodies of a run of them (a slice of those positions) as Python strings. An Arrow-backed column gives
    each run's strings when it is tagged (the column as Python strings at once would hold a second copy of the
    whole text), taken from the chunks that hold them (``take`` on the chunked column copied all of it for every
    run: :func:`diplolib._memory.take_rows`); any other column is listed once."""
    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
        data = column.array.__arrow_array__()
        lengths = pc.utf8_length(data).fill_null(0).to_numpy()  # code points: Python's len of each string
        at = np.flatnonzero(lengths > 0)
        return at.tolist(), lengths[at].astype(np.int64), lambda part: take_rows(data, at[part]).to_pylist()
    bodies = column.tolist()
    valid = [i for i, body in enumerate(bodies) if isinstance(body, str) and body]
    texts = [bodies[i] for i in valid]
    return valid, np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)), texts.__getitem__


STRING_COLUMNS = ("actor_id", "method", "alias_kind", "reason")


def chunk_strings(values: np.ndarray) -> pa.Array | np.ndarray:
    """One chunk's column of str or None as an Arrow array, built as the chunk is tagged (held as Python lists until
    the last chunk, the four columns took ~8 bytes a mention each, and again as the joined lists); the values
    themselves when all are None (see :func:`joined_strings`)."""
    arr = pa.array(values, type=pa.large_string())
    return values if arr.null_count == len(arr) else arr


def joined_strings(parts: list) -> object:
    """The chunks' :func:`chunk_strings` as the column :func:`~diplolib.actors.reference.string_column` makes of all
    their values: a ``str`` column (the Arrow arrays as one chunked array, not copied), or the list of values
    when none is a string (pandas then keeps ``object``)."""
    if all(isinstance(p, np.ndarray) for p in parts):
        return list(itertools.chain.from_iterable(p.tolist() for p in parts))
    arrays = [pa.array(p, type=pa.large_string()) if isinstance(p, np.ndarray) else p for p in parts]
    return pd.array(pa.chunked_array(arrays, type=pa.large_string()), dtype=pd.StringDtype("pyarrow", na_value=np.nan))


def compact_ints(values: np.ndarray) -> np.ndarray:
    """A chunk's int64 offsets or indexes as int32 when they fit (offsets into one text always do), else unchanged:
    the chunks' columns wait for the last chunk at half the size, and the join writes the int64 column directly."""
    if len(values) and (values.min() < -(2**31) or values.max() >= 2**31):
        return values
    return values.astype(np.int32)
