"""Writing tables into the store: one chunk at a time, one file per (chunk, partition).

Every write is a *chunk* with an id given by the caller. Its rows are split by the
partition columns (by default ``source`` and ``year``) and each piece is written to
``<table>/source=<s>/year=<y>/part-<chunk>@<generation>.parquet`` through a temporary hidden file
renamed into place, so readers never see half a file; then the chunk's commit marker
(``<table>/_commits/<chunk>.json``) names the new generation, and only then are the chunk's
older files removed, so readers never see half a chunk either (see :mod:`._layout`). Writing
the same chunk id again replaces that chunk's files (and removes those it no longer needs);
the generation is a hash of the chunk's content, so retries are idempotent, byte for byte.
Leftovers of a killed writer (temporary files, uncommitted generations, tables half deleted)
are removed by the next write. Writers of different chunk ids never touch the same file and share no
metadata file, so Dask partitions can write in parallel without locks.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ._layout import (
    COMMITS,
    check_name,
    chunk_file,
    chunk_name,
    encode_value,
    existing_partitioning,
    iter_data_files,
    parse_file,
    remove_tree,
    store_path,
    table_path,
)
from ._schema import check_compatible

__all__ = ["write_table", "write_chunks", "delete_table", "PARTITION_BY", "SUMMARY_COLUMNS"]

PARTITION_BY = ("source", "year")
SUMMARY_COLUMNS = ["table", "chunk", "partition", "file", "rows", "bytes"]
_STORE_META = b"diplolib.store"


def _lookup(table: pd.DataFrame, articles: pd.DataFrame, needed: list[str], name: str) -> pd.DataFrame:
    """Columns ``needed`` of ``articles`` aligned on ``table.article_id`` (positional)."""
    for frame, what in ((table, f"table {name!r}"), (articles, "articles")):
        if "article_id" not in frame.columns:
            raise ValueError(f"{what} has no 'article_id' column, needed to take {needed} from articles=")
    missing = [c for c in needed if c not in articles.columns]
    if missing:
        raise ValueError(f"articles= has no column {missing}: pass a table with article_id and {needed}")
    lookup = articles[["article_id", *needed]].drop_duplicates()
    if lookup["article_id"].duplicated().any():
        dup = lookup.loc[lookup["article_id"].duplicated(), "article_id"].iloc[0]
        raise ValueError(f"articles= gives different {needed} for article_id {dup!r}: make article_id unique")
    pos = pd.Index(lookup["article_id"]).get_indexer(table["article_id"])
    if (pos < 0).any():
        bad = table["article_id"].iloc[np.flatnonzero(pos < 0)]
        raise ValueError(
            f"{len(bad)} rows of table {name!r} have an article_id not in articles= (e.g. {bad.iloc[0]!r}, "
            f"dtype {table['article_id'].dtype} vs {articles['article_id'].dtype}): pass the articles they came from"
        )
    return lookup.iloc[pos, 1:].reset_index(drop=True)


def _year(published: pd.Series) -> pd.Series:
    if not pd.api.types.is_datetime64_any_dtype(published):
        raise TypeError(
            f"'published' has dtype {published.dtype}, not datetime: the year partition is taken from it. "
            "Parse it first (pd.to_datetime(..., utc=True)) or add a 'year' column"
        )
    return published.dt.year.astype("Int64")


def partition_values(
    table: pd.DataFrame, name: str, partition_by: Sequence[str], articles: pd.DataFrame | None
) -> dict[str, pd.Series]:
    """The partition value of every row, per key (positional, index 0..n-1).

    A key is taken from the table itself; else from ``articles`` through ``article_id``;
    ``year`` is otherwise derived from ``published`` (the table's, else the articles').
    """
    out: dict[str, pd.Series] = {}
    for key in partition_by:
        if key in table.columns:
            out[key] = table[key].reset_index(drop=True)
        elif articles is not None and key in articles.columns:
            out[key] = _lookup(table, articles, [key], name)[key]
        elif key == "year" and "published" in table.columns:
            out[key] = _year(table["published"].reset_index(drop=True))
        elif key == "year" and articles is not None and "published" in articles.columns:
            out[key] = _year(_lookup(table, articles, ["published"], name)["published"])
        else:
            hint = " or 'published'" if key == "year" else ""
            raise ValueError(
                f"table {name!r} has no column {key!r}{hint} to partition by: add it, pass articles= "
                f"(a table with article_id and {key!r}{hint}), or choose other columns with partition_by="
            )
        values = out[key]
        if values.dtype == object and not values.dropna().map(lambda v: isinstance(v, str)).all():
            raise TypeError(f"partition column {key!r} mixes text with other values: convert it with .astype('string')")
        ok = (
            pd.api.types.is_string_dtype(values)
            or pd.api.types.is_integer_dtype(values)
            or pd.api.types.is_bool_dtype(values)
            or values.isna().all()
        )
        if not ok:
            raise TypeError(
                f"partition column {key!r} has dtype {values.dtype}: partition by text or integer columns "
                f"(e.g. .astype('string') or .astype('Int64'))"
            )
    return out


def _row_folders(values: dict[str, pd.Series], n: int) -> np.ndarray:
    folders = np.full(n, "", dtype=object)
    for i, (key, col) in enumerate(values.items()):
        codes, uniques = pd.factorize(col, use_na_sentinel=False)
        enc = np.array([f"{key}={encode_value(v)}" for v in uniques], dtype=object)
        part = enc[codes] if n else enc[:0]
        folders = part if i == 0 else folders + "/" + part
    return folders


def _write_atomic(table: pa.Table, target: Path, compression: str) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, tmp, compression=compression)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target.stat().st_size


def _other_chunk_file(table_dir: Path, chunk_id: str) -> Path | None:
    """One data file of the table from another chunk (first found), to check schemas against."""
    return next((f for f in iter_data_files(table_dir) if (parse_file(f.name) or ("",))[0] != chunk_id), None)


def _generation(arrow: pa.Table, chunk_id: str, partition_by: tuple[str, ...]) -> str:
    """A hash of the chunk's content: the same rows written again give the same file names and bytes."""
    digest = hashlib.sha256(json.dumps([chunk_id, list(partition_by)]).encode())
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, arrow.schema) as writer:
        writer.write_table(arrow)
    digest.update(memoryview(sink.getvalue()))
    return digest.hexdigest()[:16]


def _commit(table_dir: Path, chunk_id: str, generation: str, files: list[str]) -> None:
    """Write the chunk's commit marker atomically: from now on readers serve this generation."""
    folder = table_dir / COMMITS
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f"{chunk_id}.json"
    tmp = folder / f".{chunk_id}.json.{uuid.uuid4().hex}.tmp"
    try:
        tmp.write_text(json.dumps({"generation": generation, "files": files}), encoding="utf-8")
        os.replace(tmp, marker)
    finally:
        tmp.unlink(missing_ok=True)


def _remove_leftovers(table_dir: Path, chunk_id: str, written: set[Path], depth: int) -> None:
    """After the commit: the chunk's other files (older generations, partitions it no longer has, uncommitted
    files and temporary files of a killed writer of this chunk) and tables left half deleted."""
    levels = "/".join(["*"] * depth)
    for pattern in (f"part-{chunk_id}*.parquet", f".part-{chunk_id}*.tmp"):
        for path in table_dir.glob(f"{levels}/{pattern}" if levels else pattern):
            name = path.name.lstrip(".").split(".parquet", 1)[0] + ".parquet"
            if path not in written and (parse_file(name) or ("",))[0] == chunk_id:
                path.unlink(missing_ok=True)
    for tmp in (table_dir / COMMITS).glob(f".{chunk_id}.json.*.tmp"):
        tmp.unlink(missing_ok=True)
    for half_deleted in table_dir.parent.glob(".deleting-*"):
        shutil.rmtree(half_deleted, ignore_errors=True)


def write_table(
    table: pd.DataFrame,
    name: str,
    *,
    store: str | os.PathLike[str],
    root: str | os.PathLike[str] | None = None,
    chunk: str | int = 0,
    partition_by: Sequence[str] = PARTITION_BY,
    articles: pd.DataFrame | None = None,
    mode: Literal["append", "overwrite"] = "append",
    compression: Literal["zstd", "snappy", "gzip", "lz4", "none"] = "zstd",
) -> pd.DataFrame:
    """Write one chunk of a table into the store, partitioned into Parquet files.

    Parameters
    ----------
    table
        The rows to store (articles, mentions, theme hits, edges, errors, ...). Every column
        is stored with its dtype; the index is not stored. Not modified.
    name
        Table name, e.g. ``"articles"``, ``"mentions"``, ``"theme_hits"``.
    store
        Store name (e.g. the corpus name, kept in ``data/processed/store/<name>/``) or a path.
    root
        Folder holding named stores (default ``data/processed/store/``).
    chunk
        Id of this chunk (str, or int written zero-padded). Writing a chunk id again replaces
        its rows; use distinct ids to append. Concurrent writers must use distinct ids.
    partition_by
        Partition columns, in folder order; ``()`` for none. Each is taken from ``table``;
        else from ``articles`` through ``article_id``; ``year`` is otherwise derived from
        ``published`` (its calendar year in the column's time zone). Missing values go to a
        ``__HIVE_DEFAULT_PARTITION__`` folder and read back as NA. Partition columns that are
        not columns of ``table`` are stored only in folder names.
    articles
        For tables without ``source``/``published`` (mentions, theme hits): a table with
        ``article_id`` and those columns (only they are used; a slim
        ``articles[["article_id", "source", "published"]]`` is enough).
    mode
        ``"append"`` (default) adds or replaces this chunk; ``"overwrite"`` first deletes the
        whole table (single writer only).
    compression
        Parquet compression codec.

    Returns
    -------
    pandas.DataFrame
        One row per file written: ``table``, ``chunk``, ``partition`` (folder, e.g.
        ``source=sana/year=2016``), ``file`` (path inside the store), ``rows``, ``bytes``.
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"write_table expects a pandas DataFrame, not {type(table).__name__}")
    check_name(name, "table")
    chunk_id = chunk_name(chunk)
    if isinstance(partition_by, str):
        partition_by = (partition_by,)
    partition_by = tuple(partition_by)
    if len(set(partition_by)) != len(partition_by):
        raise ValueError(f"partition_by={partition_by} repeats a column")
    if mode not in ("append", "overwrite"):
        raise ValueError(f"mode={mode!r}: use 'append' or 'overwrite'")
    base = store_path(store, root=root)
    table_dir = table_path(store, name, root=root)
    if mode == "append":
        existing = existing_partitioning(table_dir)
        if existing is not None and existing != partition_by:
            raise ValueError(
                f"table {name!r} in {base} is partitioned by {existing}, not {partition_by}: "
                f"write with partition_by={existing} or use mode='overwrite'"
            )

    values = partition_values(table, name, partition_by, articles)
    try:
        arrow = pa.Table.from_pandas(table, preserve_index=False)
    except (pa.ArrowTypeError, pa.ArrowInvalid, ValueError) as err:
        raise TypeError(
            f"table {name!r} cannot be stored as Parquet: {err}. Give each column one type "
            "(e.g. .astype('string') for text, .astype('Int64') for integers with NA)"
        ) from None
    meta = {
        **(arrow.schema.metadata or {}),
        _STORE_META: json.dumps({"table": name, "chunk": chunk_id, "partition_by": list(partition_by)}).encode(),
    }
    arrow = arrow.replace_schema_metadata(meta)
    if mode == "overwrite":  # only once the new rows are known to be storable
        remove_tree(table_dir)

    generation = _generation(arrow, chunk_id, partition_by)
    file_name = chunk_file(chunk_id, generation)
    other = _other_chunk_file(table_dir, chunk_id)
    if other is not None:
        check_compatible(arrow.schema, pq.read_schema(other), name, other.relative_to(base).as_posix())

    folders = _row_folders(values, len(table))
    codes, uniques = pd.factorize(folders, sort=True)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
    if len(uniques) > 1:  # one copy grouped by partition (stable), then zero-copy slices
        arrow = arrow.combine_chunks().take(pa.array(order))
    rows = []
    written: set[Path] = set()
    for i, folder in enumerate(uniques):
        n = int(bounds[i + 1] - bounds[i])
        target = (table_dir / folder / file_name) if folder else table_dir / file_name
        nbytes = _write_atomic(arrow.slice(int(bounds[i]), n), target, compression)
        written.add(target)
        rows.append((name, chunk_id, str(folder), target.relative_to(base).as_posix(), n, nbytes))

    _commit(table_dir, chunk_id, generation, sorted(t.relative_to(table_dir).as_posix() for t in written))
    _remove_leftovers(table_dir, chunk_id, written, len(partition_by))
    out = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    return out.astype({c: "string" for c in SUMMARY_COLUMNS[:4]} | {"rows": "int64", "bytes": "int64"})


def write_chunks(
    chunks: Iterable[pd.DataFrame],
    name: str,
    *,
    store: str | os.PathLike[str],
    root: str | os.PathLike[str] | None = None,
    prefix: str = "chunk",
    partition_by: Sequence[str] = PARTITION_BY,
    articles: pd.DataFrame | None = None,
    mode: Literal["append", "overwrite"] = "append",
    compression: Literal["zstd", "snappy", "gzip", "lz4", "none"] = "zstd",
) -> pd.DataFrame:
    """Write a stream of chunks, holding one chunk in memory at a time.

    Chunk ``i`` (from 0) is written as chunk id ``f"{prefix}-{i:06d}"``, so rerunning the
    same stream replaces rather than duplicates. With ``mode="overwrite"`` the table is
    deleted once before the first chunk. Other parameters as :func:`write_table`.

    Returns
    -------
    pandas.DataFrame
        The summaries of every chunk written (columns as :func:`write_table`).
    """
    check_name(prefix, "prefix")
    if mode == "overwrite":
        delete_table(name, store=store, root=root)
    summaries = [pd.DataFrame(columns=SUMMARY_COLUMNS)]
    i = 0
    for frame in chunks:  # not enumerate(): its cached result tuple would keep the previous chunk alive
        summaries.append(
            write_table(
                frame,
                name,
                store=store,
                root=root,
                chunk=f"{prefix}-{i:06d}",
                partition_by=partition_by,
                articles=articles,
                compression=compression,
            )
        )
        del frame  # hold no chunk while the next one is produced
        i += 1
    out = pd.concat(summaries[1:], ignore_index=True) if len(summaries) > 1 else summaries[0]
    return out.astype({c: "string" for c in SUMMARY_COLUMNS[:4]} | {"rows": "int64", "bytes": "int64"})


def delete_table(name: str, *, store: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> None:
    """Delete a table and all its files (nothing happens if it does not exist)."""
    remove_tree(table_path(store, name, root=root))
