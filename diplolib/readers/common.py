"""Helpers shared by the readers: decoding with the common options, date parsing, size limits."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd

from .base import DEFAULT_MAX_TEXT_CHARS, ReadError, make_record
from .encoding import decode

__all__ = ["read_text", "parse_metadata_date", "check_size", "paragraphs", "DateError", "dated", "finish_record",
           "in_range", "date_precision", "STAMP_MIN", "STAMP_MAX"]

_NEWLINES = re.compile(r"\r\n?")


def read_text(
    data: bytes,
    *,
    encoding: str | None = None,
    declared: str | None = None,
    encoding_errors: Literal["strict", "replace"] = "strict",
) -> str:
    """Decode ``data`` (see :func:`diplolib.readers.encoding.decode`) and turn CRLF/CR line ends into LF."""
    text = decode(data, encoding=encoding, declared=declared, encoding_errors=encoding_errors)
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def check_size(text: str, max_text_chars: int | None) -> None:
    """Raise a "too-large" :class:`ReadError` if ``text`` is longer than ``max_text_chars`` (None: no
    limit)."""
    limit = max_text_chars
    if limit is not None and len(text) > limit:
        raise ReadError(
            "too-large",
            f"the text has {len(text):,} characters, more than max_text_chars={limit:,} "
            "(no article is that long: it is probably a dump or a file without line breaks); check it, "
            "or pass max_text_chars=None to load it anyway.",
        )


def paragraphs(lines: list[str]) -> str:
    """Join lines into paragraphs separated by a blank line (``"\\n\\n"``); runs of blank lines collapse."""
    out, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return "\n\n".join(out)


class DateError(ReadError):
    """An unparseable date ("bad-date")."""


def parse_metadata_date(value: Any, *, date_format: str | None = None, tz: str = "UTC", dayfirst: bool = False) -> Any:
    """A tz-aware Timestamp from a metadata date, ``pd.NA`` for a missing one.

    Naive dates are localised to ``tz``; dates with an offset are converted to ``tz``.

    Raises
    ------
    DateError
        code "bad-date" when ``value`` is present but cannot be parsed.
    """
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return pd.NA
    if isinstance(value, pd.Timestamp):
        stamp = value
    else:
        raw = str(value).strip()
        if not raw:
            return pd.NA
        try:
            if date_format is None and not dayfirst:
                try:
                    stamp = pd.Timestamp(raw)  # fast path for ISO 8601 and other unambiguous forms
                except ValueError:
                    stamp = pd.to_datetime(raw, dayfirst=dayfirst)
            else:
                stamp = pd.to_datetime(raw, format=date_format, dayfirst=dayfirst)
        except (ValueError, TypeError, OverflowError):
            how = f"with date_format={date_format!r}" if date_format else "as a date"
            raise DateError(
                "bad-date",
                f"the date {raw!r} could not be read {how}: pass date_format='...' "
                "(strftime codes, e.g. '%d/%m/%Y'), or on_bad_date='keep' to keep the article with "
                "no date.",
            ) from None
    if pd.isna(stamp):
        return pd.NA
    if not in_range(stamp):
        raise DateError("bad-date", f"the date {str(value)!r} is outside the years diplolib can store "
                                    f"({pd.Timestamp.min.year + 1}-{pd.Timestamp.max.year - 1}, pandas' nanosecond "
                                    "range): it is probably a placeholder; fix it, or pass on_bad_date='keep'.")
    return stamp.tz_localize(tz) if stamp.tzinfo is None else stamp.tz_convert(tz)


#: The Timestamps :func:`in_range` accepts: pandas' nanosecond range with a day to spare.
STAMP_MIN, STAMP_MAX = pd.Timestamp.min + pd.Timedelta(days=1), pd.Timestamp.max - pd.Timedelta(days=1)


def in_range(stamp: Any) -> bool:
    """True if the Timestamp ``stamp`` fits pandas' nanosecond range with a day to spare (so that any time zone
    conversion fits too)."""
    naive = stamp.tz_convert(None) if getattr(stamp, "tzinfo", None) is not None else stamp
    try:
        return bool(STAMP_MIN <= naive <= STAMP_MAX)
    except (OverflowError, ValueError):
        return False


_MONTH_WORD = r"[^\W\d_]{3,}\.?"
_YEAR_ONLY = re.compile(r"\s*\d{4}\s*")
_MONTH_ONLY = re.compile(
    rf"\s*(?:\d{{4}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{4}}|{_MONTH_WORD},?\s+\d{{4}}|\d{{4}}\s+{_MONTH_WORD})\s*"
)


def date_precision(raw: Any) -> str | None:
    """How precise a date as the source wrote it is: ``"year"`` (``"2015"``), ``"month"`` (``"2015-03"``,
    ``"mars 2015"``, ``"March 2015"``) or ``"day"`` (a day or a finer time, a Timestamp); None for no date.

    pandas reads ``"2015"`` as 2015-01-01: without this, a monthly count would put every such article in
    January (period functions of :mod:`diplolib._tables` read ``published_precision`` to refuse or report
    them).
    """
    if raw is None or raw is pd.NA or (isinstance(raw, float) and raw != raw):
        return None
    if not isinstance(raw, str):
        return "day"
    if not raw.strip():
        return None
    if _YEAR_ONLY.fullmatch(raw):
        return "year"
    if _MONTH_ONLY.fullmatch(raw):
        return "month"
    return "day"


def dated(record: dict, raw: Any, *, on_bad_date: str = "error", **kw: Any) -> dict:
    """Set ``record["published"]`` from ``raw`` and ``record["published_precision"]`` (:func:`date_precision`);
    with ``on_bad_date="keep"`` a bad date becomes NA and ``published_raw`` keeps the string."""
    try:
        record["published"] = parse_metadata_date(raw, **kw)
        record["published_precision"] = date_precision(raw) if record["published"] is not pd.NA else None
    except DateError:
        if on_bad_date != "keep":
            raise
        record["published"] = pd.NA
        record["published_raw"] = str(raw)
    return record


def finish_record(
    origin: str,
    fmt: str,
    *,
    text: str,
    title: Any = None,
    source: Any = "",
    url: Any = None,
    lang: Any = None,
    extra: Mapping[str, Any] | None = None,
    raw_date: Any = None,
    on_bad_date: str = "error",
    date_format: str | None = None,
    tz: str = "UTC",
    max_text_chars: int | None = DEFAULT_MAX_TEXT_CHARS,
) -> dict:
    """The tail every reader ends with: the size check, the record (:func:`make_record`), its date.

    ``extra`` holds the source's own metadata (further columns); ``raw_date`` is the date as the source gives
    it (None: no date), read by :func:`dated`.

    Raises
    ------
    ReadError
        "too-large" (:func:`check_size`) or "bad-date" (:func:`dated`, unless ``on_bad_date="keep"``).
    """
    check_size(text, max_text_chars)
    record = make_record(origin, fmt, text=text, title=title, source=source, url=url, lang=lang, extra=extra)
    return dated(record, raw_date, on_bad_date=on_bad_date, date_format=date_format, tz=tz)
