"""``load_articles``: files, folders or archives → the articles table and the load-errors table.

>>> from diplolib.load import load_articles
>>> articles, errors = load_articles("data/raw/fa-kes/FA-KES-Dataset.csv", preset="fa-kes")  # doctest: +SKIP
>>> result = load_articles("data/raw/wh-readouts")                                         # doctest: +SKIP
>>> result.articles, result.errors                                                          # doctest: +SKIP

Every loading path takes the same two steps: :func:`load_records` (the readers of :mod:`diplolib.readers` turn
every input record into a raw record or an error row) and :func:`to_articles`, the one tail from raw records to
the articles table (:func:`diplolib.normalize.normalize_articles`: cleaning, datelines, bylines, splitting pages
that hold several dispatches, dates, language, duplicates, ids; then :func:`tidy_metadata`).
:func:`load_articles` is the two in a row; :func:`diplolib.datasets.load` runs a corpus recipe then
:func:`to_articles`; the Dask path (:mod:`diplolib.parallel`) runs both on each partition. Problems with single
files or rows never raise: they are rows of ``errors``. Only a missing path or an unknown format raises, at once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ._memory import release_freed_memory
from .normalize import STEPS, normalize_articles
from .normalize.articles import RAW_COLUMNS, ArticleRun, DatesAcrossBlocks, finish_articles, resolve_steps
from .normalize.duplicates import SignatureChunks
from .normalize.metadata_columns import MetadataColumns, metadata_text
from .readers import read_records
from .readers.base import errors_frame
from .readers.walk import iter_record_chunks, records_table

__all__ = ["LoadResult", "load_articles", "load_records", "to_articles", "concat_records", "read_dates",
           "resolve_published", "tidy_metadata", "metadata_text", "CHUNK_RECORDS"]

#: Records :func:`load_articles` takes from the readers at a time: whole files, until a chunk holds at least this
#: many records. The raw records of a chunk (Python strings and dicts, ~3 bytes per byte of text) live only while
#: it is normalised; the articles table is built from the chunks' Arrow-backed columns. The table is the same for
#: any chunk size (metadata column types are decided over all chunks: :mod:`diplolib.normalize.metadata_columns`).
CHUNK_RECORDS = 5_000


class LoadResult(NamedTuple):
    """What :func:`load_articles` returns: unpacks as ``articles, errors`` and has those two attributes."""

    articles: pd.DataFrame
    errors: pd.DataFrame


def load_records(
    source: str | os.PathLike,
    /,
    *,
    format: str | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    recursive: bool = True,
    progress: bool = False,
    **reader_options: Any,
) -> LoadResult:
    """The raw records and errors of ``source``, before normalisation (same options as :func:`load_articles`).

    Returns
    -------
    LoadResult
        ``articles`` holds the raw records (``origin``, ``source``, ``title``, ``text``, ``url``,
        ``published``,
        ``lang``, ``format`` + metadata columns), ``errors`` the error rows (``origin``, ``error``,
        ``message``).
    """
    if columns is not None:
        reader_options["columns"] = columns
    if encoding is not None:
        reader_options["encoding"] = encoding
    records, errors = read_records(
        source, format=format, recursive=recursive, progress=progress, **reader_options
    )
    return LoadResult(records, errors)


def load_articles(
    source: str | os.PathLike,
    /,
    *,
    format: str | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    published: Any = None,
    recursive: bool = True,
    progress: bool = False,
    steps: Sequence[str] | None = None,
    text_match: bool = True,
    **reader_options: Any,
) -> LoadResult:
    """Load articles from a file, a folder (recursively) or an archive (``.tar.xz``, ``.tar.gz``, ``.zip``).

    Parameters
    ----------
    source
        Path to a file, folder or archive. Folders are read recursively, dotfiles skipped; archives are read
        member by member without unpacking.
    format
        Reader for every file (``"page"``, ``"csv"``, ``"html"``, ``"markdown"``, ``"jsonl"``,
        ``"filename"``, or
        any name registered with :func:`diplolib.readers.register_reader`); None picks by file extension.
    columns
        Record field → column (CSV) or key (JSON lines), e.g. ``{"title": "article_title", "text":
        "article_content", "published": "date"}``. A key that is not a field (``title``, ``text``, ``published``,
        ``source``, ``url``, ``lang``, ``article_id``) raises ValueError at once; a column no row of a file has
        is a "missing-column" error row for that file. ``{"article_id": "id"}`` takes the source's own ids as
        ``article_id`` (further dispatches of a record ``<id>-<k>``, a repeated id ``<id>~<n>``); without it the
        stable hash of ``origin`` is used.
    encoding
        The encoding of the files when known; by default UTF-8 (with or without BOM), UTF-16 by BOM, else
        detected (never assumed latin-1). Bytes invalid in it are "decode" errors.
    published
        Dates for records whose own metadata gives none: one date for all, a mapping file (or origin) → date,
        or the path of a CSV/TSV sidecar with ``file`` and ``published`` columns (see :func:`read_dates`).
        A date is never guessed: without one, ``published`` stays empty.
    recursive
        Read sub-folders.
    progress
        Show a progress bar over files.
    steps
        The normalisation steps to run (:data:`diplolib.normalize.STEPS`, all by default), e.g.
        ``[s for s in STEPS if s != "dateline"]`` to keep the first line of documents that are not dispatches.
    text_match
        Keep the ``text_match`` column (the matching form of ``text``, ~1 byte per byte of text). False leaves it
        out: each chunk's matching forms give its duplicate signatures and are dropped with the chunk, and the
        table is otherwise the same. Neither the actor and theme taggers nor the co-mention and event steps read
        the column (the taggers build their own matching form a chunk at a time).
    **reader_options
        Options of the readers: ``preset`` ("fa-kes"), ``sep``, ``date_format``, ``tz``, ``on_bad_date``
        ("error" or "keep"), ``encoding_errors`` ("strict" or "replace"), ``source``, ``lang``, ``pattern``
        (filename reader), ``include`` (glob patterns of files to read), ``max_text_chars``,
        ``max_file_bytes``.

    Returns
    -------
    LoadResult
        A named tuple ``(articles, errors)``. ``articles``: the articles table of :mod:`diplolib.normalize`
        (``article_id``, ``source``, ``lang``, ``published``, ``title``, ``text``, ``byline``, ``dateline``,
        ``credits``, ``url``, ``origin``, ``duplicate_of`` + metadata columns). ``errors``: ``origin``,
        ``error`` (short code: "decode", "nul-bytes", "empty", "binary", "truncated-row", "extra-fields",
        "bad-row", "missing-column", "too-large", "bad-date", "no-main-text", "bad-front-matter", "bad-json",
        "bad-filename", "unknown-format", "unreadable-archive"), ``message`` (what to do). Every input record
        is in one of the two tables.

    Raises
    ------
    ValueError
        ``source`` does not exist, or ``format`` is not a registered reader.
    TypeError
        A reader option that no reader accepts.
    """
    if steps is not None:
        unknown = sorted(set(steps) - set(STEPS))
        if unknown:
            raise ValueError(f"load_articles: unknown step(s) {unknown}; choose among {list(STEPS)}.")
    if columns is not None:
        reader_options["columns"] = columns
    if encoding is not None:
        reader_options["encoding"] = encoding
    chunks = iter_record_chunks(source, chunk_rows=CHUNK_RECORDS, format=format, recursive=recursive,
                                progress=progress, **reader_options)
    try:
        return _articles_of_chunks(chunks, published=resolve_published(published), tz=reader_options.get("tz"),
                                   steps=steps, text_match=text_match)
    except DatesAcrossBlocks:  # a file's date strings in two chunks (see ArticleRun): all records at once
        records, errors = read_records(source, format=format, recursive=recursive, progress=False,
                                       **reader_options)
        articles = to_articles(records, published=published, tz=reader_options.get("tz"), steps=steps)
        return LoadResult(articles if text_match else articles.drop(columns="text_match"), errors)


def _articles_of_chunks(chunks, *, published: Any, tz: str | None, steps: Sequence[str] | None,
                        text_match: bool = True) -> LoadResult:
    """The articles and errors tables of the readers' chunks (:func:`diplolib.readers.walk.iter_record_chunks`),
    normalised a chunk at a time: the same tables as :func:`to_articles` of all the records at once (without
    ``text_match`` unless ``text_match``: its duplicate signatures are then taken chunk by chunk)."""
    run: ArticleRun | None = None
    signatures: SignatureChunks | None = None
    frames: list[pd.DataFrame] = []
    errors: list[dict] = []
    metadata = MetadataColumns(RAW_COLUMNS)
    for parts, errs in chunks:
        errors.extend(errs)
        if not parts:
            continue
        records = records_table(parts)
        if run is None:
            run = ArticleRun(resolve_steps(records, steps, True), published=published, tz=tz or "UTC")
            if not text_match and "duplicates" in run.on:
                signatures = SignatureChunks(near=True)
        metadata.add(parts)
        del parts
        first = run.rows
        raw = records[[c for c in RAW_COLUMNS if c in records.columns]]
        del records
        # the record of each article travels as an extra column, for the metadata columns added at the end
        block = run.block(raw, pd.DataFrame({_RECORD: np.arange(first, first + len(raw))}))
        del raw
        if not text_match:  # the chunk's matching forms: its duplicate signatures, then dropped
            for frame in block:
                match = frame.pop("text_match")
                if signatures is not None:
                    signatures.add(match)
                del match
        frames.extend(block)
        del block
    if run is None:  # no record at all: the one-pass table of an empty records table
        empty = to_articles(records_table([]), published=published, tz=tz, steps=steps)
        return LoadResult(empty if text_match else empty.drop(columns="text_match"), errors_frame(errors))
    out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    del frames
    at = out.pop(_RECORD).to_numpy()
    extra = metadata.frame()
    del metadata
    extra = extra.iloc[at].reset_index(drop=True) if len(extra.columns) else None
    articles = tidy_metadata(finish_articles([out], run.on, extra=extra, signatures=signatures))
    del out, extra
    release_freed_memory()  # the chunks' freed temporaries: the tagger that usually follows could not reuse them
    return LoadResult(articles, errors_frame(errors))


_RECORD = "\x1frecord"


def to_articles(records: pd.DataFrame, *, published: Any = None, tz: str | None = None,
                steps: Sequence[str] | None = None) -> pd.DataFrame:
    """Raw records → the articles table: the one tail that every loading path runs.

    Parameters
    ----------
    records : DataFrame
        Raw records (:func:`load_records`, :func:`diplolib.datasets.read_corpus`).
    published : optional
        Dates for records whose own metadata gives none (see :func:`load_articles`; a sidecar path is read
        with :func:`read_dates`).
    tz : str, optional
        The time zone of ``published`` (the readers' ``tz=``); UTC by default.
    steps : sequence of str, optional
        The normalisation steps (:data:`diplolib.normalize.STEPS`; all by default). The Dask path leaves out
        ``duplicates`` here and flags them corpus-wide.

    Returns
    -------
    DataFrame
        The articles table of :func:`diplolib.normalize.normalize_articles`, metadata tidied by
        :func:`tidy_metadata`.
    """
    kwargs: dict[str, Any] = {"published": resolve_published(published)}
    if tz is not None:
        kwargs["tz"] = tz
    if steps is not None:
        kwargs["steps"] = steps
    return tidy_metadata(normalize_articles(records, **kwargs))


def resolve_published(published: Any) -> Any:
    """``published`` as :func:`diplolib.normalize.normalize_articles` takes it: a sidecar path read into a mapping."""
    is_sidecar = (isinstance(published, (str, os.PathLike)) and str(published).lower().endswith((".csv", ".tsv"))
                  and os.path.isfile(published))
    return read_dates(published) if is_sidecar else published


def read_dates(path: str | os.PathLike) -> dict[str, str]:
    """Read a metadata sidecar that gives publication dates: a CSV/TSV with a ``file`` (or ``origin``) column
    and a ``published`` column, e.g. ``000_9686c5b622632da7.txt,2016-02-10``.

    Pass its path as ``load_articles(..., published="dates.csv")``: each file (or origin, ``file.csv:row N``)
    listed gets that date; files not listed keep the date their own metadata gives, or none.
    """
    sep = "\t" if str(path).lower().endswith(".tsv") else ","
    table = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)
    key = "origin" if "origin" in table.columns else "file"
    if key not in table.columns or "published" not in table.columns:
        raise ValueError(f"{path}: a dates sidecar needs a 'file' (or 'origin') column and a 'published' column; "
                         f"it has {list(table.columns)}.")
    return {k: v for k, v in zip(table[key], table["published"], strict=True) if k and v}


def tidy_metadata(articles: pd.DataFrame) -> pd.DataFrame:
    """Metadata columns of mixed Python objects as nullable strings (:func:`metadata_text`).

    Readers keep a source's own metadata as it comes (YAML lists and timestamps, JSON values); one string
    column per field makes the table tidy, comparable across corpora and storable in Parquet unchanged.
    A column whose every present value is a list (JSON ``category``, ``topics``) stays a list column (each list
    of strings, missing values ``None``): the lists are what the source gives, not a joined string.
    """
    out = articles.copy()
    for col in out.columns:
        if out[col].dtype != object:
            continue
        present = out[col].dropna()
        if len(present) and all(isinstance(v, (list, tuple)) for v in present):
            out[col] = [None if not isinstance(v, (list, tuple)) else [str(x) for x in v if x is not None]
                        for v in out[col]]
        else:
            out[col] = metadata_text(out[col])
    return out


def concat_records(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Raw records of several sources as one table, as :func:`load_records` would build it for all at once.

    A metadata column that some sources lack is object-typed with ``<NA>`` (the readers' records table makes a
    column numeric only when every record has a number).
    """
    frames = [f for f in frames if len(f)] or list(frames[:1])
    if len(frames) == 1:
        return frames[0]
    cols: dict[str, None] = {}
    for f in frames:
        cols.update(dict.fromkeys(f.columns))
    fixed = []
    for f in frames:
        f = f.copy()
        for c in cols:
            if c not in f.columns:
                f[c] = pd.Series(pd.NA, index=f.index, dtype=object)
            elif not all(c in g.columns for g in frames) and f[c].dtype != object:
                f[c] = f[c].astype(object)
        fixed.append(f[list(cols)])
    return pd.concat(fixed, ignore_index=True)
