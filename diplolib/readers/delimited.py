"""The ``csv`` reader: CSV/TSV files with a configurable column mapping, one record per row.

Read with the :mod:`csv` module row by row, so a bad row (truncated, too many fields, an unterminated
quote) becomes an error row and the other rows load; fields of any size are read (a multi-megabyte field
becomes a "too-large" error row only above ``max_text_chars``).
"""

from __future__ import annotations

import csv
import io
import re
import sys
import warnings
from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd

from .base import DEFAULT_MAX_TEXT_CHARS, RECORD_COLUMNS, ReadError, error_row, make_record
from .common import DateError, check_size, date_precision, in_range, parse_metadata_date
from .encoding import decode
from .separator import default_sep

__all__ = ["read_csv", "CSV_PRESETS", "FIELDS", "unique_header", "check_columns_option", "column_mapping",
           "preset_options", "INTEGER_FIELD", "FIELD_LIMIT"]

#: The record fields a column can be mapped to (``article_id`` only on request: ``columns={"article_id": "id"}``).
FIELDS = ("title", "text", "published", "source", "url", "lang", "article_id")

#: Candidate column names tried (in order, case-insensitive) when ``columns=`` does not map a field.
_GUESSES = {
    "text": ("text", "article_content", "content", "body", "article", "article_text", "story"),
    "title": ("title", "article_title", "headline", "heading"),
    "published": ("published", "date", "published_at", "pubdate", "datetime", "time"),
    "source": ("source", "outlet", "sourcename", "agency", "publisher"),
    "url": ("url", "link", "sourceurl", "source_url"),
    "lang": ("lang", "language"),
    "article_id": (),  # never guessed: the stable id scheme is the default
}

#: Named option sets: ``load_articles(path, preset="fa-kes")``.
CSV_PRESETS: dict[str, dict[str, Any]] = {
    "fa-kes": {
        "columns": {
            "title": "article_title",
            "text": "article_content",
            "published": "date",
            "source": "source",
        },
        "date_format": "%m/%d/%Y",
        "lang": "en",
    },
    "sib200": {"columns": {"text": "text"}, "sep": "\t", "quoting": "none"},
}

#: A metadata value read as an integer (a column of only such values becomes an int column).
INTEGER_FIELD = re.compile(r"-?\d{1,18}")

#: csv's own field limit while a file is read (article bodies can exceed csv's default of 131,072 characters).
#: Set for the read only and restored after it: importing or using diplolib leaves the csv module as it was.
FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)


def check_columns_option(columns: Mapping[str, str] | None) -> dict[str, str]:
    """``columns=`` as a dict, after checking that every key is a record field (:data:`FIELDS`) and every value a
    column name.

    Raises
    ------
    ValueError
        An unknown field (``{"txt": "text"}``: the mapping goes field -> column), named with the fields there are.
    """
    if columns is None:
        return {}
    if not isinstance(columns, Mapping):
        raise TypeError(f"columns= must be a mapping record field -> column name, e.g. {{'text': 'body'}}; got "
                        f"{type(columns).__name__}.")
    columns = dict(columns)
    unknown = [k for k in columns if k not in FIELDS]
    if unknown:
        hint = [k for k in unknown if k in columns.values() or columns[k] in FIELDS]
        flip = (f" (the mapping goes field -> column: did you mean {{{columns[hint[0]]!r}: {hint[0]!r}}}?)"
                if hint else "")
        raise ValueError(f"columns={columns!r}: {unknown} are not record fields{flip}; the fields are "
                         f"{list(FIELDS)}: map any of them to a column name, e.g. "
                         "columns={'text': 'article_content'}.")
    bad = [v for v in columns.values() if not isinstance(v, str) or not v]
    if bad:
        raise ValueError(f"columns={columns!r}: {bad} are not column names; give each field a column name string.")
    return columns


def unique_header(header: list[str]) -> list[str]:
    """The header with repeated names made unique: the second ``x`` becomes ``x_2`` (``x_3``, ... if taken), so
    that no column's data is dropped."""
    out: list[str] = []
    seen = set(header)
    used: set[str] = set()
    for name in header:
        new, k = name, 2
        while new in used or (new != name and new in seen):
            new, k = f"{name}_{k}", k + 1
        used.add(new)
        out.append(new)
    return out


def column_mapping(header: list[str], columns: Mapping[str, str] | None, origin: str) -> dict[str, str]:
    columns = check_columns_option(columns)
    mapping = {}
    lower = {h.strip().lower(): h for h in header}
    for fld in FIELDS:
        if fld in columns:
            name = columns[fld]
            if name not in header:
                raise ReadError(
                    "missing-column",
                    f"column {name!r} (mapped to {fld}) is not in the header, which "
                    f"has {header}: fix the file or pass columns={{'{fld}': '<one of those>'}}.",
                )
            mapping[fld] = name
            continue
        for guess in _GUESSES[fld]:
            if guess in lower and lower[guess] not in mapping.values():
                mapping[fld] = lower[guess]
                break
    if "text" not in mapping:
        raise ReadError(
            "missing-column",
            f"no text column: the header has {header}; pass "
            "columns={'text': '<the column holding the article body>'}.",
        )
    return mapping


def read_csv(
    data: bytes,
    *,
    origin: str,
    columns: Mapping[str, str] | None = None,
    preset: str | None = None,
    sep: str | None = None,
    quoting: Literal["minimal", "none"] = "minimal",
    encoding: str | None = None,
    encoding_errors: Literal["strict", "replace"] = "strict",
    date_format: str | None = None,
    tz: str = "UTC",
    dayfirst: bool = False,
    on_bad_date: Literal["error", "keep"] = "error",
    source: str = "",
    lang: str | None = None,
    max_text_chars: int | None = DEFAULT_MAX_TEXT_CHARS,
) -> tuple[list[dict], list[dict]]:
    """Read a CSV or TSV file, one record per row.

    Parameters
    ----------
    columns
        Record field → column name, e.g. ``{"title": "article_title", "text": "article_content",
        "published": "date"}``; unmapped fields are guessed from common names. Other columns are kept as
        extra metadata columns.
    preset
        A key of :data:`CSV_PRESETS` (``"fa-kes"``, ``"sib200"``) whose options apply unless given here.
    sep
        Field separator; by default a tab for ``.tsv``/``.tab`` files, else the semicolon, tab or vertical bar of
        a header without a comma (:func:`~diplolib.readers.separator.default_sep`), else a comma.
    quoting
        ``"none"`` for files where quotes are ordinary characters (SIB-200).
    date_format, dayfirst, tz
        How to read the ``published`` column; naive dates are localised to ``tz``.
    on_bad_date
        ``"error"``: a row with an unparseable date becomes a "bad-date" error row; ``"keep"``: it loads
        with ``published`` NA and the string in ``published_raw``.
    source, lang
        Values for rows without a source/lang column.

    Returns
    -------
    (records, errors). Origins are ``"<file>:row N"`` (N counts data rows from 1).
    Error codes: "missing-column" (whole file), "truncated-row", "extra-fields", "bad-row", "empty",
    "too-large", "bad-date".
    """
    if preset is not None:
        columns, sep, quoting, date_format, lang = preset_options(preset, columns, sep, quoting, date_format, lang)
    # decoded as is: the csv module reads CRLF line ends itself (a CR inside a field is fixed below)
    text = decode(data, encoding=encoding, encoding_errors=encoding_errors)
    if sep is None:
        sep = default_sep(origin, text)
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=sep,
        strict=True,
        quoting=csv.QUOTE_NONE if quoting == "none" else csv.QUOTE_MINIMAL,
    )
    previous = csv.field_size_limit(FIELD_LIMIT)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        csv.field_size_limit(previous)
        raise ReadError(
            "bad-row", f"the header row could not be read ({exc}): check the separator (sep=)."
        ) from None
    try:
        header = unique_header(header)
        mapping = column_mapping(header, columns, origin)
        records, errors = _rows(reader, header, mapping, origin, source=source, lang=lang,
                                max_text_chars=max_text_chars)
    finally:
        csv.field_size_limit(previous)
    _integer_columns(records, [k for k in (records[0] if records else ()) if k not in RECORD_COLUMNS])
    if "published" in mapping and records:
        records, bad = _parse_dates(
            records, date_format=date_format, tz=tz, dayfirst=dayfirst, on_bad_date=on_bad_date
        )
        errors.extend(bad)
    return records, errors


def preset_options(preset: str, columns, sep, quoting, date_format, lang) -> tuple:
    """The options of ``preset``, where the caller did not give them."""
    if preset not in CSV_PRESETS:
        raise ValueError(f"unknown preset {preset!r}; known: {sorted(CSV_PRESETS)}.")
    opts = CSV_PRESETS[preset]
    columns = columns if columns is not None else opts.get("columns")
    sep = sep if sep is not None else opts.get("sep")
    quoting = opts.get("quoting", quoting) if quoting == "minimal" else quoting
    return columns, sep, quoting, date_format or opts.get("date_format"), lang or opts.get("lang")


def _rows(reader, header: list[str], mapping: dict[str, str], origin: str, *, source: str, lang: str | None,
          max_text_chars: int | None) -> tuple[list[dict], list[dict]]:
    """The records and error rows of the data rows (``published`` still the raw string)."""
    width = len(header)
    extra_cols = [h for h in header if h not in mapping.values()]
    records: list[dict] = []
    errors: list[dict] = []
    n = 0
    while True:
        n += 1
        row_origin = f"{origin}:row {n}"
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            code = "truncated-row" if "end of data" in str(exc) else "bad-row"
            errors.append(error_row(row_origin, code, f"row {n} (line {reader.line_num}) could not be parsed: "
                                    f"{exc} (an unterminated quote or a stray quote character); repair the row "
                                    "in the file."))
            continue
        if not row or (len(row) == 1 and not row[0].strip() and width > 1):
            n -= 1  # blank line: not a record
            continue
        try:
            records.append(_row_record(row, n, header, mapping, extra_cols, row_origin, reader.line_num,
                                       source=source, lang=lang, max_text_chars=max_text_chars))
        except ReadError as exc:
            errors.append(error_row(row_origin, exc.code, exc.message))
    return records, errors


def _row_record(row: list[str], n: int, header: list[str], mapping: dict[str, str], extra_cols: list[str],
                row_origin: str, line: int, *, source: str, lang: str | None, max_text_chars: int | None) -> dict:
    """The record of one data row, or a :class:`ReadError` saying what is wrong with it."""
    width = len(header)
    if len(row) != width:
        code = "truncated-row" if len(row) < width else "extra-fields"
        why = "cut short" if len(row) < width else "split by an unquoted separator"
        raise ReadError(code, f"row {n} (line {line}) has {len(row)} fields, the header has {width}: the row is "
                              f"{why}; repair it in the file (or check sep=).")
    values = dict(zip(header, row, strict=True))
    body = values[mapping["text"]]
    if "\r" in body:  # a CRLF inside a quoted field
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip():
        raise ReadError("empty", f"row {n} has an empty {mapping['text']!r} column: nothing to load; drop the row "
                                 "or fill it.")
    try:
        check_size(body, max_text_chars)
    except ReadError as exc:
        raise ReadError(exc.code, f"row {n}: {exc.message}") from None

    def field(name: str) -> str | None:
        return values[mapping[name]] or None if name in mapping else None

    record = make_record(
        row_origin,
        "csv",
        text=body,
        title=field("title"),
        source=values[mapping["source"]] if "source" in mapping else source,
        url=field("url"),
        published=field("published"),
        lang=field("lang") if "lang" in mapping else lang,
        extra={c: values[c] for c in extra_cols},
    )
    if "article_id" in mapping:
        record["article_id"] = field("article_id")
    return record


def _integer_columns(records: list[dict], extra_cols: list[str]) -> None:
    """Metadata columns whose every value is an integer (ids, labels) become ints, in place."""
    for col in extra_cols:
        values = [r[col] for r in records]
        if values and all(INTEGER_FIELD.fullmatch(v) for v in values):
            for r, v in zip(records, values, strict=True):
                r[col] = int(v)


def _parse_dates(
    records: list[dict], *, date_format, tz, dayfirst, on_bad_date
) -> tuple[list[dict], list[dict]]:
    raw = pd.Series([r["published"] for r in records], dtype=object)
    try:
        with warnings.catch_warnings():  # "Could not infer format": each date is then read on its own, below
            warnings.simplefilter("ignore", UserWarning)
            parsed = pd.to_datetime(raw, format=date_format, dayfirst=dayfirst, errors="coerce")
    except (ValueError, TypeError, OverflowError):  # "Mixed timezones detected" (winter and summer offsets)
        parsed = pd.Series([pd.NaT] * len(raw), dtype=object)
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        parsed = parsed.dt.tz_convert(tz)
    elif pd.api.types.is_datetime64_dtype(parsed.dtype):
        parsed = parsed.dt.tz_localize(tz)
    else:  # mixed offsets: element by element
        parsed = pd.Series([pd.NaT] * len(raw), dtype=object)
    kept, errors = [], []
    for rec, value, stamp in zip(records, raw, parsed, strict=True):
        rec["published_precision"] = date_precision(value)
        if value is None:
            rec["published"] = pd.NA
        elif not pd.isna(stamp) and in_range(stamp):
            rec["published"] = stamp
        else:
            try:
                rec["published"] = parse_metadata_date(value, date_format=date_format, tz=tz, dayfirst=dayfirst)
            except DateError as exc:
                if on_bad_date != "keep":
                    errors.append(error_row(rec["origin"], exc.code, exc.message))
                    continue
                rec["published"], rec["published_raw"], rec["published_precision"] = pd.NA, value, None
        kept.append(rec)
    return kept, errors
