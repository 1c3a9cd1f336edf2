"""A source's own metadata columns gathered a chunk of records at a time, typed as if read all at once.

:func:`diplolib.load.load_articles` hands the readers' records to the normaliser a few files at a time, so the raw
records of a whole corpus never exist at once. A metadata column's type is a decision over all of its values: the
records table makes it numeric only when every record has a number (:func:`diplolib.readers.base.columns_frame`),
and :func:`diplolib.load.tidy_metadata` keeps a list column only when every present value is a list, else writes
every value as text. :class:`MetadataColumns` keeps each chunk's values and takes those decisions at the end, with
the same rules, so the table is the one a single pass over all records gives:

- a chunk whose values of a column are strings or missing (at least one string) is kept as an Arrow string
  array at once: a string rules out both a numeric and a list column, so the final column is text, and the
  text of a string is itself;
- a chunk with no value of the column (missing, or no record has the key) is kept as a count;
- any other chunk keeps the values as the reader gave them (numbers, lists, Timestamps), for the final decision.

The columns are named as the articles table names extra columns (:func:`diplolib.readers.base.meta_name`, in
order of first appearance).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..readers.base import columns_frame, is_missing, meta_name

__all__ = ["MetadataColumns", "metadata_text"]


def _as_text(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def metadata_text(values: pd.Series) -> pd.Series:
    """One metadata column as nullable strings: lists joined with "; ", dates in ISO, missing values ``<NA>``."""
    return values.map(lambda v: v if v is None or (not isinstance(v, (list, tuple)) and pd.isna(v))
                      else _as_text(v)).astype("string")


class MetadataColumns:
    """The extra columns (keys not in ``skip``) of records added a chunk at a time; :meth:`frame` types them."""

    def __init__(self, skip: Sequence[str]) -> None:
        self.skip = frozenset(skip)
        self.names: dict[str, None] = {}  # raw keys in order of first appearance
        self.chunks: list[tuple[int, dict[str, tuple[str, Any]]]] = []

    def add(self, parts: Sequence[pd.DataFrame | list[dict]]) -> None:
        """The records of one chunk: the readers' parts (a table or a list of record dicts per file)."""
        values: dict[str, list[Any]] = {}
        n = 0
        for part in parts:
            if isinstance(part, pd.DataFrame):
                keys = [c for c in part.columns if c not in self.skip]
                for key in keys:
                    values.setdefault(key, [None] * n).extend(part[key].tolist())
                size = len(part)
            else:
                for rec in part:
                    for key, value in rec.items():
                        if key not in self.skip:
                            column = values.get(key)
                            if column is None:
                                column = values[key] = [None] * n
                            column.extend([None] * (n - len(column)))
                            column.append(value)
                    n += 1
                size = 0
            n += size
            for column in values.values():
                column.extend([None] * (n - len(column)))
        self.names.update(dict.fromkeys(values))
        self.chunks.append((n, {key: _kept(column) for key, column in values.items()}))

    def frame(self) -> pd.DataFrame:
        """One row per record of all chunks, a column per key in order of first appearance, named like the
        articles table's extra columns; typed as the records table and ``tidy_metadata`` type one of all records
        (a text column is already nullable strings)."""
        taken: set[str] = set()
        data: dict[str, pd.Series] = {}
        for key in self.names:
            name = meta_name(key, taken)
            taken.add(name)
            kept = [(n, chunk.get(key, ("missing", None))) for n, chunk in self.chunks]
            if any(kind == "str" for _, (kind, _) in kept):
                data[name] = pd.concat([_text(n, kind, v) for n, (kind, v) in kept], ignore_index=True)
            else:
                every = [x for n, (kind, v) in kept for x in (v if kind == "raw" else [None] * n)]
                data[name] = columns_frame({key: every}, [key])[key]
        n_rows = sum(n for n, _ in self.chunks)
        return pd.DataFrame(data, index=pd.RangeIndex(n_rows))


def _kept(column: list[Any]) -> tuple[str, Any]:
    """How a chunk's values of one column are kept: ``("str", string array)``, ``("missing", None)`` or
    ``("raw", values)``."""
    if all(isinstance(v, str) or is_missing(v) for v in column):
        if any(isinstance(v, str) for v in column):
            return "str", pd.array([v if isinstance(v, str) else None for v in column], dtype="string")
        return "missing", None
    return "raw", column


def _text(n: int, kind: str, values: Any) -> pd.Series:
    """A chunk's values of a text column as the final nullable strings."""
    if kind == "str":
        return pd.Series(values)
    if kind == "missing":
        return pd.Series(pd.array([None] * n, dtype="string"))
    return metadata_text(pd.Series([v if isinstance(v, str) or not is_missing(v) else pd.NA for v in values],
                                   dtype=object))
