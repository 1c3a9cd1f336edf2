"""The reader registry and the shapes every reader shares: records, error rows, :class:`ReadError`.

A reader is a function ``read(data: bytes, *, origin: str, **options) -> (records, errors)``: it takes the
bytes of one file (or archive member) and returns a list of record dicts (keys of :data:`RECORD_COLUMNS`
plus the source's own metadata) and a list of error dicts (keys of :data:`ERROR_COLUMNS`). A problem with
the whole file is raised as :class:`ReadError` and becomes one error row; a problem with one row of a
CSV or JSON-lines file becomes one error row and the other rows load. A reader may return its records as a
table instead of dicts (:func:`columns_frame`, what :func:`records_frame` makes of the dicts), as the ``csv``
reader does for well-formed files.
"""

from __future__ import annotations

import inspect
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "is_missing",
    "RECORD_COLUMNS",
    "RESERVED_COLUMNS",
    "meta_name",
    "scrub_text",
    "ERROR_COLUMNS",
    "ReadError",
    "Reader",
    "READERS",
    "register_reader",
    "reader_for",
    "error_row",
    "records_frame",
    "columns_frame",
    "errors_frame",
]

RECORD_COLUMNS = ["origin", "source", "title", "text", "url", "published", "lang", "format"]
ERROR_COLUMNS = ["origin", "error", "message"]
#: Column names diplolib itself writes (raw records, the articles table, the columns the readers and the
#: normaliser add). A source's own metadata column or key with one of these names is kept as ``meta_<name>``
#: (``meta_meta_<name>`` if that is taken too), so it never overwrites or collides with diplolib's column.
RESERVED_COLUMNS = frozenset(RECORD_COLUMNS) | frozenset({
    "article_id", "byline", "dateline", "credits", "duplicate_of", "text_match", "n_replacement_chars",
    "published_raw", "published_precision", "lang_detected", "lang_mismatch",
})
_SURROGATE = re.compile("[\ud800-\udfff]")

#: Records whose text is longer than this many characters become "too-large" errors (``max_text_chars=``).
DEFAULT_MAX_TEXT_CHARS = 2_000_000


class ReadError(Exception):
    """A whole file (or one record) could not be read; ``code`` is the short error code, the text says what
    to do."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


ReadFunction = Callable[..., tuple[list[dict], list[dict]]]


@dataclass(frozen=True)
class Reader:
    """One registered reader: its ``name`` (the ``format=`` value), the function and the file extensions it
    claims."""

    name: str
    read: ReadFunction
    extensions: tuple[str, ...] = ()
    description: str = ""
    options: frozenset[str] = field(default_factory=frozenset)

    def accepts(self, option: str) -> bool:
        """True if the reader function takes the keyword option ``option``."""
        return option in self.options


READERS: dict[str, Reader] = {}


def register_reader(
    name: str, read: ReadFunction, *, extensions: tuple[str, ...] | list[str] = (), description: str = ""
) -> Reader:
    """Register ``read`` under ``name`` (replacing a reader of that name) for the given file extensions.

    Parameters
    ----------
    name
        The ``format=`` value that selects this reader.
    read
        ``read(data: bytes, *, origin: str, **options) -> (records, errors)``.
    extensions
        Lower-case suffixes with their dot (``".csv"``, ``".tar.gz"`` style multi-part suffixes work too).

    Returns
    -------
    Reader
    """
    if not callable(read):
        raise TypeError(
            f"register_reader({name!r}, ...): read must be a function, got {type(read).__name__}."
        )
    params = inspect.signature(read).parameters
    options = frozenset(p for p, v in params.items() if v.kind is inspect.Parameter.KEYWORD_ONLY)
    reader = Reader(
        name,
        read,
        tuple(e.lower() for e in extensions),
        description or (read.__doc__ or "").strip().split("\n")[0],
        options,
    )
    READERS[name] = reader
    return reader


def reader_for(filename: str, format: str | None = None) -> Reader | None:
    """The reader named ``format``, or the one claiming the longest matching extension of ``filename``
    (else None)."""
    if format is not None:
        if format not in READERS:
            raise ValueError(
                f"unknown format {format!r}; registered readers: {', '.join(sorted(READERS))} "
                "(add one with diplolib.readers.register_reader)."
            )
        return READERS[format]
    lower = filename.lower()
    best, best_len = None, 0
    for reader in READERS.values():
        for ext in reader.extensions:
            if lower.endswith(ext) and len(ext) > best_len:
                best, best_len = reader, len(ext)
    return best


def error_row(origin: str, code: str, message: str) -> dict:
    """One error row (text that cannot be written as UTF-8 scrubbed, see :func:`scrub_text`)."""
    return {"origin": scrub_text(origin), "error": code, "message": scrub_text(message)}


def scrub_text(value: Any) -> Any:
    """``value`` with lone surrogates (a JSON ``"\\ud800"``, a file or archive-member name that is not UTF-8,
    decoded by Python with ``surrogateescape``) replaced by U+FFFD, so that it can be written as UTF-8 and is
    counted in ``n_replacement_chars``; lists are scrubbed item by item, other values returned unchanged."""
    if isinstance(value, str):
        if value.isascii():
            return value
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:
            return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [scrub_text(v) for v in value]
    return value


def meta_name(key: Any, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """The column name of a source's metadata field ``key``: ``str(key)`` scrubbed, or ``meta_<key>`` when it
    is one of :data:`RESERVED_COLUMNS` or already in ``taken`` (``meta_meta_<key>`` and so on if needed)."""
    name = scrub_text(str(key))
    if name not in RESERVED_COLUMNS and name not in taken:
        return name
    name = f"meta_{name}"
    while name in RESERVED_COLUMNS or name in taken:
        name = f"meta_{name}"
    return name


def make_record(
    origin: str,
    fmt: str,
    *,
    text: str,
    title: Any = None,
    source: Any = "",
    url: Any = None,
    published: Any = None,
    lang: Any = None,
    extra: Mapping[Any, Any] | None = None,
) -> dict:
    """One record dict with the core keys first, then the extra metadata.

    ``extra`` holds the source's own metadata; a key named like a diplolib column (:data:`RESERVED_COLUMNS`)
    is kept as ``meta_<key>`` (:func:`meta_name`). Strings that cannot be written as UTF-8 are scrubbed
    (:func:`scrub_text`).
    """
    rec = {
        "origin": scrub_text(origin),
        "source": scrub_text(source) if source is not None else "",
        "title": scrub_text(title),
        "text": scrub_text(text),
        "url": scrub_text(url),
        "published": scrub_text(published),
        "lang": scrub_text(lang),
        "format": fmt,
    }
    for key, value in (extra or {}).items():
        rec[meta_name(key, rec.keys())] = scrub_text(value)
    return rec


def records_frame(records: list[dict]) -> pd.DataFrame:
    """Records as a DataFrame: the core columns in order, then extra columns in order of first appearance.

    Missing values are ``pd.NA`` (text columns are object dtype); ``published`` is ``datetime64[tz]``
    when every present value is a Timestamp of one time zone, else object (raw strings kept); extra
    columns whose values are all numbers or booleans keep a numeric/boolean dtype.
    """
    extra: dict[str, None] = {}
    for rec in records:
        for key in rec:
            if key not in extra:
                extra[key] = None
    columns = RECORD_COLUMNS + [k for k in extra if k not in RECORD_COLUMNS]
    return columns_frame({col: [rec.get(col) for rec in records] for col in columns}, columns)


def columns_frame(values_of: Mapping[str, list], order: list[str]) -> pd.DataFrame:
    """The records table of column value lists (:func:`records_frame`'s rules for each column): the columns of
    ``order`` first (an empty column where missing), then the others of ``values_of`` in their order.
    ``published`` may be a ready ``datetime64[tz]`` Series (what :func:`_published_column` makes of Timestamps of
    one time zone)."""
    n = len(next(iter(values_of.values()), []))
    columns = list(order) + [k for k in values_of if k not in order]
    data: dict[str, pd.Series] = {}
    for col in columns:
        values = values_of[col] if col in values_of else [None] * n
        if col == "published":  # a reader may give it as a datetime64[tz] Series already (the csv table)
            data[col] = values if isinstance(values, pd.Series) else _published_column(values)
            continue
        types = set(map(type, values))  # one C-level pass: the checks below then read the few types
        if col not in RECORD_COLUMNS and values and _all_numbers(values, types):
            data[col] = pd.Series(values)
            continue
        data[col] = _object_column(values, types)
    return pd.DataFrame(data, columns=columns)


#: Types whose missing values ``pd.isna`` finds exactly where :func:`is_missing` does (never for text and integers,
#: for None, pd.NA and pd.NaT always, for floats when NaN); any other type takes the value-by-value path.
_PLAIN_TYPES = (str, int, float, type(None), type(pd.NA), type(pd.NaT))


def _all_numbers(values: list, types: set) -> bool:
    """``all(isinstance(v, (int, float, bool)) and not is_missing(v) for v in values)``, from the set of the values'
    types and, when floats are among them, one C-level comparison of each value with itself (NaN != NaN)."""
    if not all(issubclass(t, (int, float)) for t in types):  # bool is an int
        return False
    return not any(issubclass(t, float) for t in types) or all(map(operator.eq, values, values))


def _object_column(values: list, types: set) -> pd.Series:
    """``pd.Series([v if isinstance(v, str) or not is_missing(v) else pd.NA for v in values], dtype=object)`` (the
    reference, still the path of values of other types), for text, numbers and missing values in column passes."""
    if types <= {str}:
        return pd.Series(values, dtype=object)
    if not all(issubclass(t, _PLAIN_TYPES) for t in types) or any(t not in _PLAIN_TYPES and issubclass(
            t, (type(None), type(pd.NA), type(pd.NaT))) for t in types):
        return pd.Series([v if isinstance(v, str) or not is_missing(v) else pd.NA for v in values], dtype=object)
    column = np.empty(len(values), dtype=object)
    column[:] = values
    column[pd.isna(column)] = pd.NA
    return pd.Series(column, dtype=object)


def is_missing(value: Any) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _published_column(values: list) -> pd.Series:
    """A datetime64[tz] column when every present value is a Timestamp of one time zone, else object."""
    present = [v for v in values if not is_missing(v)]
    zones = {str(v.tz) if isinstance(v, pd.Timestamp) and v.tz is not None else None for v in present}
    if not present:
        return pd.Series(pd.NaT, index=range(len(values)), dtype="datetime64[ns, UTC]")
    if len(zones) == 1 and None not in zones:
        stamps = pd.to_datetime([pd.NaT if is_missing(v) else v for v in values], utc=True)
        return pd.Series(stamps.tz_convert(zones.pop()))
    return pd.Series([pd.NA if is_missing(v) else v for v in values], dtype=object)


def errors_frame(errors: list[dict]) -> pd.DataFrame:
    """Error rows as a DataFrame with columns ``origin``, ``error``, ``message``."""
    return (
        pd.DataFrame.from_records(errors, columns=ERROR_COLUMNS)
        if errors
        else pd.DataFrame(columns=ERROR_COLUMNS)
    )
