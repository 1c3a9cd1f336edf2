"""The dates of the articles table: a record's metadata date, else its dispatch's dateline, else the date the
caller supplies (``published=`` of :func:`~diplolib.normalize.normalize_articles`), with their precisions.

Date strings are parsed once per distinct (string, day-first reading of their file) through :class:`DateCache`;
a datetime ``published`` column (the CSV reader's) is converted once per distinct value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..readers.common import date_precision
from .dates import infer_dayfirst, parse_date, to_timestamp

__all__ = ["DateCache", "origin_file", "supplied_date", "supplied_precision", "dayfirst_by_file",
           "string_date_files", "meta_dates",
           "chunk_dates"]


def origin_file(origin: str) -> str:
    """The file part of an ``origin`` (``data.csv`` for ``data.csv:row12``)."""
    return origin.split(":row", 1)[0]


def supplied_date(published: Any, origin: str, tz: str) -> pd.Timestamp | None:
    """The date the caller supplies for a record of ``origin`` (``published=``: one value, or a mapping by origin or
    file part of origin); None when there is none."""
    if published is None:
        return None
    if isinstance(published, Mapping):
        value = published.get(origin, published.get(origin_file(origin)))
        return to_timestamp(value, tz=tz) if value is not None else None
    return to_timestamp(published, tz=tz)


class DateCache:
    """Memoised :func:`parse_date` and :func:`to_timestamp` for one call of
    :func:`~diplolib.normalize.normalize_articles`.

    Corpora repeat the same date strings and metadata dates across many records; a Timestamp is immutable, so
    the parsed value can be shared. Keys include the value's type (a naive and an aware Timestamp, or a
    ``datetime`` and a ``Timestamp``, never share an entry).
    """

    def __init__(self, tz: str) -> None:
        self.tz = tz
        self._parsed: dict[tuple[str, bool | None], pd.Timestamp | None] = {}
        self._converted: dict[tuple[type, Any], pd.Timestamp | None] = {}

    def parse(self, s: str, dayfirst: bool | None = None) -> pd.Timestamp | None:
        key = (s, dayfirst)
        try:
            return self._parsed[key]
        except KeyError:
            value = self._parsed[key] = parse_date(s, tz=self.tz, dayfirst=dayfirst)
            return value

    def convert(self, value: Any) -> pd.Timestamp | None:
        if value is None:
            return None
        if isinstance(value, str):
            return self.parse(value)
        try:
            key = (type(value), value, getattr(value, "tzinfo", None))
            hash(key)
        except TypeError:
            return to_timestamp(value, tz=self.tz)
        try:
            return self._converted[key]
        except KeyError:
            out = self._converted[key] = to_timestamp(value, tz=self.tz)
            return out


def supplied_precision(published: Any, origin: str) -> str | None:
    """The precision of the date the caller supplies for a record of ``origin``."""
    value = published.get(origin, published.get(origin_file(origin))) if isinstance(published, Mapping) else published
    return date_precision(value)


def dayfirst_by_file(raw: pd.DataFrame) -> dict[str, bool | None]:
    """Whether each file writes its dates day first (from all of its date strings)."""
    if isinstance(raw["published"].dtype, (np.dtypes.DateTime64DType, pd.DatetimeTZDtype)):
        return {}  # no date strings (a reader parsed them): no file shows an order, every file reads None
    by_file: dict[str, list[Any]] = {}
    for origin, value in zip(raw["origin"].tolist(), raw["published"].tolist(), strict=True):
        by_file.setdefault(origin_file(str(origin)), []).append(value)
    return {f: infer_dayfirst(v) for f, v in by_file.items()}


def string_date_files(raw: pd.DataFrame) -> set[str]:
    """The files (:func:`origin_file`) with a date string in ``published``: those whose day-first order is read."""
    if isinstance(raw["published"].dtype, (np.dtypes.DateTime64DType, pd.DatetimeTZDtype)):
        return set()
    return {origin_file(str(origin)) for origin, value in zip(raw["origin"].tolist(), raw["published"].tolist(),
                                                               strict=True) if isinstance(value, str)}


def _column(cols: dict[str, list[Any]], name: str, n: int) -> list[Any]:
    """A raw column of the chunk as a list (all None when the records have no such column)."""
    return cols[name] if name in cols else [None] * n


def meta_dates(cols: dict[str, list[Any]], n: int, origins: list[str], on: frozenset[str], dates: DateCache,
               dayfirst: dict[str, bool | None], column: pd.Series | None = None
               ) -> tuple[list[pd.Timestamp | None], list[str | None]]:
    """Each record's metadata date and its precision, a date string parsed once per distinct (string, day-first
    reading of its file); a datetime ``column`` (the chunk's ``published``) converted once per distinct value."""
    meta = _column(cols, "published", n)
    if column is not None and isinstance(column.dtype, (np.dtypes.DateTime64DType, pd.DatetimeTZDtype)):
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        converted = []
        for value in uniques:
            try:
                converted.append(dates.convert(value))
            except (TypeError, ValueError):
                converted.append(None)
        given = _column(cols, "published_precision", n)
        stamps = [converted[c] if c >= 0 else None for c in codes.tolist()]
        return stamps, [(g if isinstance(g, str) and g else "day") if ts is not None else None
                        for ts, g in zip(stamps, given, strict=True)]
    given = _column(cols, "published_precision", n)
    firsts = [dayfirst.get(origin_file(o)) for o in origins] if dayfirst else [None] * n
    memo: dict[tuple[str, bool | None], tuple[pd.Timestamp | None, str | None]] = {}
    stamps: list[pd.Timestamp | None] = []
    precisions: list[str | None] = []
    for value, first, given_precision in zip(meta, firsts, given, strict=True):
        if value is None:
            stamps.append(None)
            precisions.append(None)
            continue
        if isinstance(value, str):
            key = (value, first)
            if key not in memo:
                try:
                    ts = dates.parse(value, first) if "dates" in on else None
                except (TypeError, ValueError):  # an unreadable date is unknown, not fatal
                    ts = None
                memo[key] = (ts, date_precision(value) if ts is not None else None)
            ts, precision = memo[key]
        else:
            try:
                ts = dates.convert(value)
            except (TypeError, ValueError):
                ts = None
            precision = date_precision(value) if ts is not None else None
        stamps.append(ts)
        precisions.append((given_precision if isinstance(given_precision, str) and given_precision else precision)
                          if ts is not None else None)
    return stamps, precisions


def chunk_dates(meta_ts: list[pd.Timestamp | None], meta_precision: list[str | None], recs: list[int],
                flat: np.ndarray, parts: list[dict[str, Any]], origins: list[str], on: frozenset[str],
                dates: DateCache, published: Any, tz: str) -> tuple[pd.api.extensions.ExtensionArray, list[str | None]]:
    """Each article's ``published`` (a tz-aware array, NaT when unknown) and precision: the record's metadata date
    (``meta_ts``, ``meta_precision`` by record; ``recs``, the record of each article), else the dateline of its
    dispatch (``parts[flat[i]]``), else the date supplied by the caller; each distinct moment converted once."""
    stamps = [meta_ts[r] for r in recs]
    precisions = [meta_precision[r] for r in recs]
    supplied: dict[str, tuple[pd.Timestamp | None, str | None]] = {}
    for i in [i for i, t in enumerate(stamps) if t is None]:
        ts, precision = None, None
        dateline = parts[flat[i]]["dateline"]
        if "dates" in on and dateline:
            ts = dates.parse(dateline)
            precision = "day" if ts is not None else None
        if ts is None:
            origin = origins[recs[i]]
            if origin not in supplied:
                value = supplied_date(published, origin, tz)
                supplied[origin] = (value, supplied_precision(published, origin) if value is not None else None)
            ts, precision = supplied[origin]
        stamps[i], precisions[i] = ts, precision
    distinct: dict[pd.Timestamp | None, int] = {}
    stamp_at = np.fromiter((distinct.setdefault(t, len(distinct)) for t in stamps), np.int64, len(stamps))
    moments = pd.to_datetime(pd.Series([t if t is not None else pd.NaT for t in distinct], dtype=object),
                             utc=True).dt.tz_convert(tz).astype(f"datetime64[ns, {tz}]").array.take(stamp_at)
    return moments, precisions
