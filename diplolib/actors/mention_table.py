"""The end of :func:`~diplolib.actors.tag_actors`: each chunk's columns kept compact until the last chunk, then the
mentions table assembled from them without a second copy of what the chunks hold.

Memory (round 18, at 250,000 articles the pandas path's peak was this assembly): the chunks' scan and resolution
leave freed memory with glibc and Arrow's pool; it is handed back (:func:`diplolib._memory.release_freed_memory`)
before the table's int64 columns are written, not after. The ``article_id`` column is taken per chunk from the
articles' own ids (Arrow strings: each chunk's rows from the column's chunks, :func:`diplolib._memory.take_rows`)
instead of an int64 position a mention and a Python string per article held for the whole call; ids that are not
all strings (ints, missing values) keep the former path, the positions then ``ids[at]`` (:func:`id_column`).
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pyarrow as pa

from .._memory import release_freed_memory, take_rows
from .mention_columns import STRING_COLUMNS, chunk_strings, compact_ints, id_column, joined_strings
from .reference import MENTION_COLUMNS, mentions_frame, string_column

__all__ = ["MentionParts", "arrow_ids"]

_STR = pd.StringDtype("pyarrow", na_value=np.nan)  # what string_column and id_column make
_INTS = ("start", "end", "sentence", "paragraph")


def arrow_ids(column: pd.Series, valid: np.ndarray) -> pa.Array | None:
    """The ids of the ``valid`` articles (those tagged) as one Arrow ``large_string`` array when :func:`id_column`
    would give every mention its article's string id, i.e. when they are all strings (an Arrow-backed column read
    chunk by chunk, :func:`diplolib._memory.take_rows`; another column's values); else None (the former path)."""
    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
        ids = take_rows(column.array.__arrow_array__(), valid)
        return ids.cast(pa.large_string()) if ids.null_count == 0 else None
    values = column.to_numpy()[valid]
    if len(values) and all(isinstance(i, str) for i in values.tolist()):
        return pa.array(values, type=pa.large_string())
    return None


class MentionParts:
    """The mention columns of the chunks tagged so far, and the mentions table made of them (:meth:`frame`).

    ``article_ids``: the articles' ``article_id`` column; ``valid``: the positions of the articles whose bodies are
    tagged (chunk positions count in it)."""

    def __init__(self, article_ids: pd.Series, valid: list[int]):
        self._valid = np.asarray(valid, dtype=np.int64)
        self._arrow = arrow_ids(article_ids, self._valid)
        # the former path keeps the ids of the tagged articles (None when they are taken per chunk)
        self._ids = None if self._arrow is not None else article_ids.to_numpy()[self._valid]
        self._parts: list[dict] = []

    def add(self, first: int, pos: np.ndarray, start: np.ndarray, end: np.ndarray, surface, resolved: list,
            sentence: np.ndarray, paragraph: np.ndarray) -> None:
        """One chunk's mentions: ``first`` is the chunk's first position in ``valid``, ``pos`` each hit's text in the
        chunk, ``surface`` an Arrow array or a list, ``resolved`` the four string columns (actor, method, kind,
        reason)."""
        at = pos + first
        if self._arrow is not None:
            ids = self._arrow.take(pa.array(at))
        else:
            ids = compact_ints(at)
        self._parts.append({"surface": surface, "article_id": ids,
                            **{c: compact_ints(v) for c, v in zip(_INTS, (start, end, sentence, paragraph),
                                                                   strict=True)},
                            **{c: chunk_strings(v) for c, v in zip(STRING_COLUMNS, resolved, strict=True)}})

    def frame(self) -> pd.DataFrame:
        """The mentions table, the chunks' columns joined (the Arrow ones as chunked arrays, not copied)."""
        parts, self._parts = self._parts, []
        if not parts:
            return mentions_frame(pd.DataFrame([], columns=MENTION_COLUMNS))
        release_freed_memory()  # the chunks' temporaries, before the int64 columns are written
        surface_parts = [p.pop("surface") for p in parts]
        id_parts = [p.pop("article_id") for p in parts]
        columns = {c: joined_strings([p.pop(c) for p in parts]) for c in STRING_COLUMNS}
        columns.update({c: np.concatenate([p.pop(c) for p in parts], dtype=np.int64) for c in _INTS})
        del parts
        if self._arrow is not None:
            columns["article_id"] = pd.array(pa.chunked_array(id_parts, type=pa.large_string()), dtype=_STR)
        else:
            columns["article_id"] = id_column(self._ids, np.concatenate(id_parts, dtype=np.int64))
        del id_parts
        if all(isinstance(v, pa.Array) for v in surface_parts):  # what string_column makes of the slices
            columns["surface"] = pd.array(pa.chunked_array(surface_parts), dtype=_STR)  # not copied
        else:
            columns["surface"] = string_column(list(itertools.chain.from_iterable(
                v.to_pylist() if isinstance(v, pa.Array) else v for v in surface_parts)))
        del surface_parts
        columns = {c: columns[c] for c in MENTION_COLUMNS}
        out = mentions_frame(pd.DataFrame(columns, copy=False))  # the columns themselves, not a 2-D copy of the ints
        del columns
        release_freed_memory()  # what the assembly freed
        return out
