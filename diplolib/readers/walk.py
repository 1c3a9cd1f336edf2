"""``read_records``: run the right reader over every file of a source and collect records and errors."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .base import READERS, ReadError, error_row, errors_frame, reader_for, records_frame
from .compressed import decompress, split_compression
from .delimited import check_columns_option
from .sources import iter_entries

__all__ = ["read_records", "iter_record_chunks", "records_table", "DEFAULT_MAX_FILE_BYTES"]

#: Files larger than this are "too-large" errors unless ``max_file_bytes=`` says otherwise.
DEFAULT_MAX_FILE_BYTES = 1 << 30


def _check_options(options: dict[str, Any], fmt: str | None) -> None:
    pool = [READERS[fmt]] if fmt else list(READERS.values())
    unknown = [k for k in options if not any(r.accepts(k) for r in pool)]
    if unknown:
        known = sorted(set().union(*(r.options for r in pool)))
        where = f"the {fmt!r} reader" if fmt else "any registered reader"
        raise TypeError(f"unknown reader option(s) {unknown} for {where}; options are: {', '.join(known)}.")


def read_records(
    source: str | os.PathLike,
    /,
    *,
    format: str | None = None,
    recursive: bool = True,
    include: str | Sequence[str] | None = None,
    max_file_bytes: int | None = DEFAULT_MAX_FILE_BYTES,
    progress: bool = False,
    root: str | os.PathLike | None = None,
    **options: Any,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a file, a folder or an archive into raw records and load errors.

    Parameters
    ----------
    source
        A file, a folder (read recursively) or an archive (``.tar.xz``, ``.tar.gz``, ``.zip``, ...).
    format
        A reader name (``"page"``, ``"csv"``, ``"html"``, ``"markdown"``, ``"jsonl"``, ``"filename"``) for
        every file; None picks a reader per file by extension (files no reader claims are "unknown-format"
        errors).
    include
        Glob pattern(s) on the relative path (e.g. ``"*/documents.json"``): other files are skipped silently.
    max_file_bytes
        Larger files are "too-large" errors (None: no limit).
    progress
        Show a tqdm progress bar over files.
    root
        Origins are relative to this folder (default: ``source`` itself for a folder, its folder for a file).
    **options
        Passed to each reader that accepts them (``columns``, ``preset``, ``encoding``, ``encoding_errors``,
        ``date_format``, ``tz``, ``on_bad_date``, ``source``, ``lang``, ``pattern``, ``max_text_chars``, ...).
        An option no reader accepts is a TypeError.

    Returns
    -------
    (records, errors)
        Records: ``origin``, ``source``, ``title``, ``text``, ``url``, ``published``, ``lang``, ``format`` +
        the source's own metadata columns. Errors: ``origin``, ``error``, ``message``.

    Raises
    ------
    ValueError
        ``source`` does not exist or ``format`` is not a registered reader.
    """
    errors: list[dict] = []
    parts: list[pd.DataFrame | list[dict]] = []
    for recs, errs in _file_outputs(source, format=format, recursive=recursive, include=include,
                                    max_file_bytes=max_file_bytes, progress=progress, root=root, options=options):
        if len(recs):
            parts.append(recs)
        errors.extend(errs)
    return records_table(parts), errors_frame(errors)


def iter_record_chunks(
    source: str | os.PathLike,
    /,
    *,
    chunk_rows: int,
    format: str | None = None,
    recursive: bool = True,
    include: str | Sequence[str] | None = None,
    max_file_bytes: int | None = DEFAULT_MAX_FILE_BYTES,
    progress: bool = False,
    root: str | os.PathLike | None = None,
    **options: Any,
) -> Iterator[tuple[list[pd.DataFrame | list[dict]], list[dict]]]:
    """:func:`read_records` a few files at a time: yields ``(parts, errors)``, the records of whole files (one
    part per file: a list of record dicts, or a table from the ``csv`` reader) until they hold at least
    ``chunk_rows`` records, and those files' error rows. A file is never split between two chunks. The records of
    all chunks, in order, are those of :func:`read_records` (``records_table`` of all the parts); the raw records
    of the whole source never exist at once. Same options and checks as :func:`read_records` (raised at the first
    ``next``)."""
    if chunk_rows < 1:
        raise ValueError(f"chunk_rows must be a positive number of records, got {chunk_rows!r}.")
    parts: list[pd.DataFrame | list[dict]] = []
    errors: list[dict] = []
    held = 0
    for recs, errs in _file_outputs(source, format=format, recursive=recursive, include=include,
                                    max_file_bytes=max_file_bytes, progress=progress, root=root, options=options):
        if len(recs):
            parts.append(recs)
            held += len(recs)
        errors.extend(errs)
        if held >= chunk_rows:
            yield parts, errors
            parts, errors, held = [], [], 0
    if parts or errors:
        yield parts, errors


def _file_outputs(source: str | os.PathLike, *, format: str | None, recursive: bool,
                  include: str | Sequence[str] | None, max_file_bytes: int | None, progress: bool,
                  root: str | os.PathLike | None, options: dict[str, Any]
                  ) -> Iterator[tuple[pd.DataFrame | list[dict], list[dict]]]:
    """The records and error rows of each file of ``source`` in turn (the checks of :func:`read_records` first)."""
    path = Path(source)
    if not path.exists():
        raise ValueError(
            f"{str(source)!r} does not exist: give a file, a folder or an archive (for a catalogue "
            "corpus use diplolib.datasets.load(name))."
        )
    if format is not None:
        reader_for("", format)  # raises ValueError for an unknown format
    _check_options(options, format)
    if options.get("columns") is not None:
        check_columns_option(options["columns"])  # a wrong mapping raises at once, not once per file
    patterns = [include] if isinstance(include, str) else include
    prefix = ""
    if root is not None:
        base = path if path.is_dir() else path.parent
        prefix = base.resolve().relative_to(Path(root).resolve()).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
    entries = iter_entries(path, recursive=recursive, include=patterns)
    if progress:
        from tqdm.auto import tqdm

        entries = tqdm(entries, desc=f"reading {path.name}", unit="file")
    for entry in entries:
        yield _read_entry(entry, prefix + entry.origin, format, options, max_file_bytes)


def records_table(parts: list[pd.DataFrame | list[dict]]) -> pd.DataFrame:
    """The records of every file as one table. A reader may give its records as a table already (the ``csv``
    reader on a well-formed file): alone, it is the result; with other files, its rows become record dicts again
    (every row of such a table has every key) and the whole goes through :func:`records_frame`."""
    if len(parts) == 1 and isinstance(parts[0], pd.DataFrame):
        return parts[0]
    records: list[dict] = []
    for part in parts:
        records.extend(part.to_dict("records") if isinstance(part, pd.DataFrame) else part)
    return records_frame(records)


def _read_entry(entry, origin: str, format: str | None, options: dict[str, Any],
                max_file_bytes: int | None) -> tuple[list[dict], list[dict]]:
    """The records and error rows of one file (or archive member); never raises for a bad file."""
    if entry.error:
        return [], [error_row(origin, *entry.error)]
    name, compression = split_compression(entry.name)
    reader = reader_for(name, format)
    if reader is None:
        return [], [error_row(origin, "unknown-format",
                              f"no reader claims the extension of {name!r}: "
                              f"pass format= (one of {', '.join(sorted(READERS))}) or include= to skip it.")]
    if max_file_bytes is not None and entry.size > max_file_bytes:
        return [], [error_row(origin, "too-large",
                              f"the file has {entry.size:,} bytes, more than "
                              f"max_file_bytes={max_file_bytes:,}: split it, or pass max_file_bytes=None.")]
    try:
        data = entry.read()
    except Exception as exc:  # a damaged archive member, an unreadable file
        code = "unreadable-archive" if "!" in origin else "unreadable"
        return [], [error_row(origin, code, f"the file could not be read ({type(exc).__name__}: {exc}): "
                                            "fetch it again or check its permissions.")]
    if compression is not None:
        try:
            data = decompress(data, compression, max_file_bytes)
        except ReadError as exc:
            return [], [error_row(origin, exc.code, exc.message)]
    kwargs = {k: v for k, v in options.items() if reader.accepts(k)}
    try:
        return reader.read(data, origin=origin, **kwargs)
    except ReadError as exc:
        return [], [error_row(origin, exc.code, exc.message)]
    except Exception as exc:  # one file, one error row, whatever went wrong in its reader
        return [], [error_row(origin, "reader-failed",
                              f"the {reader.name} reader failed on this file ({type(exc).__name__}: "
                              f"{str(exc)[:300]}): the file is malformed in a way diplolib does not recognise; "
                              "check it, or report it with the file attached.")]
