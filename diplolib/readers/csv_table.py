"""The ``csv`` reader as a table: a well-formed CSV/TSV file parsed by pyarrow and turned into the records table
column by column; any other file read row by row by :func:`diplolib.readers.delimited.read_csv`.

:func:`~diplolib.readers.delimited.read_csv` is the reference: it documents what each row becomes (a record or an
error row). Its cost is per row in Python (a ``csv`` row, a record dict, then the table built from the dicts), about
4x the bare ``csv`` module. :func:`read_csv_table` gives the same table (``records_frame(read_csv(...))``) and the
same error rows, but takes the columnar path only for files where pyarrow and the ``csv`` module provably read the
same rows:

- the bytes match :func:`_well_formed`: every field is either quoted (``"..."`` with doubled inner quotes) or holds
  no quote, separator or line end; lines end with ``\\r\\n``, ``\\n`` or ``\\r``. Python's strict ``csv`` and
  pyarrow (``newlines_in_values``, ``double_quote``) split such a file into the same fields;
- every row has the header's width (pyarrow raises otherwise) and the header pyarrow reads is the ``csv`` one;
- no ``article_id`` column is mapped and no bad date is kept with ``on_bad_date="keep"`` (the records of those
  files do not all have the same keys).

Anything else (a stray quote, a short row, an unterminated quote, a file pyarrow cannot hold in one block) goes to
the reference reader, which turns each bad row into an error row. ``tests/test_readers_table.py`` checks that both
give identical tables and errors on the sample corpora and on hostile files.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd

from .base import DEFAULT_MAX_TEXT_CHARS, RECORD_COLUMNS, ReadError, columns_frame, error_row, meta_name, scrub_text
from .common import STAMP_MAX, STAMP_MIN, DateError, check_size, date_precision, parse_metadata_date
from .delimited import FIELD_LIMIT, INTEGER_FIELD, column_mapping, preset_options, read_csv, unique_header
from .encoding import decode_text
from .separator import default_sep, utf8_head

__all__ = ["read_csv_table", "well_formed", "column_values"]

_LINE_END = rb"(?:\r\n|\n|\r|\Z)"


def _field_pattern(sep: bytes, quoting: str) -> re.Pattern:
    plain = rb"[^" + re.escape(sep) + rb"\r\n" + (rb'"' if quoting != "none" else b"") + rb"]*+"
    field = plain if quoting == "none" else rb'(?>"[^"]*+(?:""[^"]*+)*+"|' + plain + rb")"
    return re.compile(rb"(?:" + field + rb"(?:" + re.escape(sep) + field + rb")*+" + _LINE_END + rb")*+")


_PATTERNS: dict[tuple[bytes, str], re.Pattern] = {}


def well_formed(data: bytes, sep: str, quoting: str) -> bool:
    """True if every field of ``data`` is quoted whole or holds no quote, separator or line end (see the module
    docstring): the files on which pyarrow's parser and Python's strict ``csv`` module agree field for field.

    Decided from the quotes' positions alone, in numpy (the regex of :func:`_well_formed_regex` is the reference,
    tested equal on random files): text without quotes always matches (a plain field holds anything but quotes,
    and the separator and line ends only cut fields and lines); with quotes, the quotes of the file read in order
    alternate opening and closing (so there must be an even number), an opening quote must start a field (first
    byte, or after the separator, ``\\n`` or ``\\r``) or directly follow a closing quote (the two are a doubled
    quote inside the field), and a closing quote must end a field (last byte, or before the separator, ``\\n`` or
    ``\\r``) or directly precede an opening quote. 0.10 s → 0.014 s on FA-KES × 10 (16 MB).
    """
    if quoting == "none":  # a plain field then holds quotes too: every file matches
        return True
    if len(sep) != 1 or sep in '"\r\n' or not sep.isascii():
        return _well_formed_regex(data, sep, quoting)
    buf = np.frombuffer(data, dtype=np.uint8)
    quotes = np.flatnonzero(buf == ord('"'))
    if len(quotes) % 2:
        return False
    if len(quotes) == 0:
        return True
    cut = np.zeros(256, dtype=bool)  # the bytes that end a field
    cut[[ord(sep), ord("\n"), ord("\r")]] = True
    opening, closing = quotes[0::2], quotes[1::2]
    ok_open = cut[buf[np.maximum(opening - 1, 0)]] | (opening == 0)
    ok_open[1:] |= opening[1:] - 1 == closing[:-1]
    ok_close = cut[buf[np.minimum(closing + 1, len(buf) - 1)]] | (closing == len(buf) - 1)
    ok_close[:-1] |= closing[:-1] + 1 == opening[1:]
    return bool(ok_open.all() and ok_close.all())


def _well_formed_regex(data: bytes, sep: str, quoting: str) -> bool:
    """The reference of :func:`well_formed`: one regex over the bytes, lines of fields, each quoted or plain."""
    key = (sep.encode(), quoting)
    if key not in _PATTERNS:
        _PATTERNS[key] = _field_pattern(*key)
    return _PATTERNS[key].fullmatch(data) is not None


def read_csv_table(
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
) -> tuple[pd.DataFrame | list[dict], list[dict]]:
    """Read a CSV or TSV file, one record per row (the options and error rows of
    :func:`~diplolib.readers.delimited.read_csv`); the records come as a table when the file is well formed."""
    options = dict(columns=columns, preset=preset, sep=sep, quoting=quoting, encoding=encoding,
                   encoding_errors=encoding_errors, date_format=date_format, tz=tz, dayfirst=dayfirst,
                   on_bad_date=on_bad_date, source=source, lang=lang, max_text_chars=max_text_chars)
    table = _columnar(data, origin, options)
    return table if table is not None else read_csv(data, origin=origin, **options)


def _columnar(data: bytes, origin: str, opts: dict[str, Any]) -> tuple[pd.DataFrame, list[dict]] | None:
    """The records table and error rows of a well-formed file, else None (the caller reads it row by row)."""
    settings = opts["columns"], opts["sep"], opts["quoting"], opts["date_format"], opts["lang"]
    if opts["preset"] is not None:
        settings = preset_options(opts["preset"], *settings)
    columns, sep, quoting, date_format, lang = settings
    try:
        text, as_is = decode_text(data, encoding=opts["encoding"], encoding_errors=opts["encoding_errors"],
                                  need_text=False)
        # the UTF-8 bytes pyarrow parses: the file's own when the text is them read as UTF-8 (neither the file
        # decoded whole nor its text encoded again)
        raw = data if as_is or (data.isascii() and b"\x00" not in data) else text.encode("utf-8")
    except (ReadError, UnicodeError):
        return None  # the reference raises the same ReadError
    if sep is None:
        sep = default_sep(origin, text if text is not None else utf8_head(data))
    if len(sep) != 1 or not sep.isascii() or sep in "\r\n\"":
        return None
    cells = _parse(raw, sep, quoting)
    if cells is None:
        return None
    header = unique_header(cells[0][0])
    try:
        mapping = column_mapping(header, columns, origin)
    except ReadError:
        return None
    if "article_id" in mapping:
        return None
    return _records(cells[1], header, mapping, origin, date_format=date_format, lang=lang, **{
        k: opts[k] for k in ("tz", "dayfirst", "on_bad_date", "source", "max_text_chars")})


def _parse(raw: bytes, sep: str, quoting: str) -> tuple[list[list[str]], list[list[str]]] | None:
    """(header row, data columns) read by pyarrow, or None where the reference reader must read the file.

    A file of 2 GB or more (pyarrow's block size is 32-bit) and a file starting with a line end (``csv`` reads an
    empty header there, pyarrow skips the empty line) are left to the reference; on a well-formed file the first
    row pyarrow reads is the header ``csv`` reads."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    if len(raw) >= 2**31 - 1 or raw[:1] in (b"\r", b"\n") or not well_formed(raw, sep, quoting):
        return None
    first = raw[:raw.find(b"\n") + 1 or len(raw)]  # the header's width, when its fields hold no line end
    width = _header_width(first, raw, sep, quoting)
    names = [f"c{i}" for i in range(width)]
    try:
        table = pacsv.read_csv(
            pa.py_buffer(raw),
            read_options=pacsv.ReadOptions(column_names=names, block_size=len(raw) + 1, use_threads=False),
            parse_options=pacsv.ParseOptions(delimiter=sep, quote_char='"' if quoting != "none" else False,
                                             double_quote=True, newlines_in_values=True, ignore_empty_lines=True),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()), null_values=[],
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, ValueError):  # a row of another width: the reference makes it an error row
        return None
    cols = [column_values(c) for c in table.columns]
    if not cols or not cols[0]:
        return None
    return [[c[0] for c in cols]], [c[1:] for c in cols]


def column_values(column) -> list:
    """``column.to_pylist()`` (a pyarrow string column without nulls), each distinct value one Python string shared
    by the rows that hold it: a body repeated in a file (a wire story in several feeds, a file of concatenated
    dumps) is decoded and stored once, and hashed once where later steps key on it (its hash is kept by the
    string). The column is dictionary-encoded by pyarrow when its rows' byte lengths repeat (fewer distinct
    lengths than half the rows: a cheap sign of repeated values; the encoding of a column of distinct values would
    only copy it); the dictionary is in order of first appearance, so equal values give the same list."""
    import pyarrow.compute as pc

    if len(column) < 2 or pc.count_distinct(pc.binary_length(column)).as_py() * 2 > len(column):
        return column.to_pylist()
    encoded = pc.dictionary_encode(column.combine_chunks())
    values = encoded.dictionary.to_pylist()
    if len(values) == len(encoded):  # every value distinct: the dictionary is the column
        return values
    return [values[i] for i in encoded.indices.to_numpy().tolist()]


def _header_width(first: bytes, raw: bytes, sep: str, quoting: str) -> int:
    """The number of fields of the header row (read by ``csv`` from its first line, or from the whole file when a
    quoted header field holds a line end)."""
    for chunk in (first, raw):
        reader = csv.reader(io.StringIO(chunk.decode("utf-8"), newline=""), delimiter=sep, strict=True,
                            quoting=csv.QUOTE_NONE if quoting == "none" else csv.QUOTE_MINIMAL)
        previous = csv.field_size_limit(FIELD_LIMIT)
        try:
            return len(next(reader))
        except csv.Error:
            continue
        finally:
            csv.field_size_limit(previous)
    return 0


def _records(cols: list[list[str]], header: list[str], mapping: dict[str, str], origin: str, *,
             date_format, lang, tz, dayfirst, on_bad_date, source, max_text_chars) -> tuple | None:
    """What :func:`~diplolib.readers.delimited.read_csv` makes of rows, column by column (same checks, same
    order of error rows), as :func:`~diplolib.readers.base.records_frame` would tabulate its records."""
    by_name = dict(zip(header, cols, strict=True))
    n_rows = len(cols[0]) if cols else 0
    base = scrub_text(origin)
    origins = [f"{base}:row {n}" for n in range(1, n_rows + 1)]
    bodies = [b.replace("\r\n", "\n").replace("\r", "\n") if "\r" in b else b for b in by_name[mapping["text"]]]
    keep = [True] * n_rows
    errors: list[dict] = []
    col = mapping["text"]
    # the rows that raise below, found in one pass: ``not body.strip()`` is ``not body or body.isspace()`` (the same
    # Unicode whitespace, no stripped copy of each body); longer than the limit is ``check_size``'s test
    limit = max_text_chars
    suspect = [i for i, body in enumerate(bodies)
               if not body or body.isspace() or (limit is not None and len(body) > limit)]
    for i in suspect:
        body = bodies[i]
        try:
            if not body.strip():
                raise ReadError("empty", f"row {i + 1} has an empty {col!r} column: nothing to load; drop the row "
                                         "or fill it.")
            check_size(body, max_text_chars)
        except ReadError as exc:
            keep[i] = False
            message = exc.message if exc.code == "empty" else f"row {i + 1}: {exc.message}"
            errors.append(error_row(origins[i], exc.code, message))

    def field(name: str) -> list:
        return [v or None for v in by_name[mapping[name]]] if name in mapping else [None] * n_rows

    out: dict[str, list] = {
        "origin": origins,
        "source": by_name[mapping["source"]] if "source" in mapping else [scrub_text(source)
                                                                            if source is not None else ""] * n_rows,
        "title": field("title"), "text": bodies, "url": field("url"), "published": field("published"),
        "lang": field("lang") if "lang" in mapping else [lang] * n_rows, "format": ["csv"] * n_rows,
    }
    for c in header:
        if c not in mapping.values():
            out[meta_name(c, out.keys())] = by_name[c]
    if not all(keep):
        out = {k: [v for v, ok in zip(vals, keep, strict=True) if ok] for k, vals in out.items()}
    for c in list(out)[len(RECORD_COLUMNS):]:  # read_csv's _integer_columns
        values = out[c]
        distinct = set(values)  # ids and labels repeat: each distinct string tested and converted once
        if values and all(map(INTEGER_FIELD.fullmatch, distinct)):
            as_int = {v: int(v) for v in distinct}
            out[c] = [as_int[v] for v in values]
    if "published" in mapping and out["origin"]:
        dates = _dates(out["published"], out["origin"], date_format=date_format, tz=tz, dayfirst=dayfirst,
                       on_bad_date=on_bad_date)
        if dates is None:
            return None
        published, precision, kept, bad = dates
        out["published"], out["published_precision"] = published, precision
        if bad:
            out = {k: [v for v, ok in zip(vals, kept, strict=True) if ok] for k, vals in out.items()}
            errors.extend(bad)
    return (columns_frame(out, RECORD_COLUMNS) if out["origin"] else columns_frame({}, RECORD_COLUMNS)), errors


def _dates(raw: list, origins: list[str], *, date_format, tz, dayfirst, on_bad_date) -> tuple | None:
    """(published, published_precision, kept, error rows) of :func:`~diplolib.readers.delimited._parse_dates`,
    with the precision read once per distinct string and the range checked on the whole column; None where a
    record would keep its bad date (``published_raw``: the reference reader builds that table)."""
    series = pd.Series(raw, dtype=object)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            parsed = pd.to_datetime(series, format=date_format, dayfirst=dayfirst, errors="coerce")
    except (ValueError, TypeError, OverflowError):
        parsed = pd.Series([pd.NaT] * len(raw), dtype=object)
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        parsed = parsed.dt.tz_convert(tz)
    elif pd.api.types.is_datetime64_dtype(parsed.dtype):
        parsed = parsed.dt.tz_localize(tz)
    else:
        parsed = pd.Series([pd.NaT] * len(raw), dtype=object)
    precision_of = {v: date_precision(v) for v in set(raw)}
    precision = [precision_of[v] for v in raw]
    good = _in_range(parsed)
    if all(good):  # every record dated, every date in range: the column as the records table would type it
        return parsed, precision, [True] * len(raw), []
    stamps = parsed.tolist()
    published, kept, bad = [], [True] * len(raw), []
    for i, (value, stamp, ok) in enumerate(zip(raw, stamps, good, strict=True)):
        if value is None:
            published.append(pd.NA)
        elif ok:
            published.append(stamp)
        else:
            try:
                published.append(parse_metadata_date(value, date_format=date_format, tz=tz, dayfirst=dayfirst))
            except DateError as exc:
                if on_bad_date == "keep":
                    return None
                published.append(pd.NA)
                kept[i] = False
                bad.append(error_row(origins[i], exc.code, exc.message))
    return published, precision, kept, bad


def _in_range(parsed: pd.Series) -> list[bool]:
    """``in_range`` of :mod:`diplolib.readers.common` for a whole column (False for NaT)."""
    if not isinstance(parsed.dtype, pd.DatetimeTZDtype):
        return [False] * len(parsed)
    naive = parsed.dt.tz_convert(None)
    return ((naive >= STAMP_MIN) & (naive <= STAMP_MAX) & naive.notna()).tolist()
