"""Where the store keeps its files: store and table folders, partition folders, chunk file names.

Layout (hive style, readable by pyarrow, Dask, DuckDB and Spark)::

    <store>/<table>/<key>=<value>/.../part-<chunk>@<generation>.parquet
    <store>/<table>/_commits/<chunk>.json        # {"generation": ..., "files": [...]}: the chunk's commit marker

Partition values are percent-encoded (``urllib.parse.quote``, which pyarrow's default
``segment_encoding="uri"`` decodes) and a missing value is written as
``__HIVE_DEFAULT_PARTITION__`` (pyarrow's and Hive's ``null_fallback``), which reads back
as NA. Names starting with ``.`` or ``_`` are never data: temporary files and tables
being deleted are hidden that way.

A chunk is served only once committed: its files (one per partition, all of one *generation*, a hash of the
chunk's content) are written first, then its commit marker names that generation, atomically. A writer
killed mid-write leaves files of a generation no marker names, which readers skip and the next write of the
chunk removes; a rewrite of a chunk spanning several partitions switches from the old files to the new ones
at once. Files ``part-<chunk>.parquet`` without a generation (stores written before markers existed, or
placed by hand) are served when their chunk has no marker.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, unquote

import pandas as pd

from .. import paths

__all__ = [
    "NULL_PARTITION",
    "chunk_file",
    "parse_file",
    "commits",
    "is_served",
    "COMMITS",
    "chunk_name",
    "check_name",
    "data_files",
    "existing_partitioning",
    "iter_data_files",
    "decode_value",
    "encode_value",
    "partition_keys",
    "remove_tree",
    "store_path",
    "table_path",
]

NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")
_FILE = re.compile(r"part-(?P<chunk>[A-Za-z0-9][A-Za-z0-9_.-]*?)(?:@(?P<gen>[0-9a-f]{16}))?\.parquet")
COMMITS = "_commits"


def check_name(value: object, what: str) -> str:
    """Return ``value`` if it is a safe file name for a store, table or chunk, else raise ValueError."""
    if not isinstance(value, str) or not _NAME.fullmatch(value) or value.endswith("."):
        raise ValueError(
            f"{what} {value!r} is not a valid name: use letters, digits, '-', '_' and '.', "
            "starting with a letter or digit (at most 128 characters), e.g. 'fa-kes' or 'chunk-000001'"
        )
    return value


def chunk_name(chunk: str | int) -> str:
    """The chunk id used in file names: non-negative integers are zero-padded to 6 digits."""
    if isinstance(chunk, bool):
        raise TypeError(f"chunk must be a str or an int, not {chunk!r}")
    if isinstance(chunk, int):
        if chunk < 0:
            raise ValueError(f"chunk {chunk} is negative: pass a non-negative int or a name like 'batch-3'")
        return f"{chunk:06d}"
    return check_name(chunk, "chunk")


def chunk_file(chunk: str, generation: str | None = None) -> str:
    """File name of a chunk's rows in one partition folder (of one generation of the chunk)."""
    return f"part-{chunk}.parquet" if generation is None else f"part-{chunk}@{generation}.parquet"


def parse_file(name: str) -> tuple[str, str | None] | None:
    """``(chunk, generation)`` of a data file name (generation None for a file without one), else None."""
    m = _FILE.fullmatch(name)
    return (m.group("chunk"), m.group("gen")) if m else None


def commits(table_dir: Path) -> dict[str, str]:
    """Chunk id -> committed generation, from the table's commit markers (unreadable markers skipped)."""
    folder = table_dir / COMMITS
    out: dict[str, str] = {}
    if folder.is_dir():
        for marker in folder.glob("*.json"):
            try:
                out[marker.stem] = json.loads(marker.read_text("utf-8"))["generation"]
            except (OSError, ValueError, KeyError, TypeError):
                continue
    return out


def is_served(name: str, committed: dict[str, str]) -> bool:
    """True if the data file ``name`` belongs to its chunk's committed generation (or, for a file without a
    generation, if its chunk has no marker)."""
    parsed = parse_file(name)
    if parsed is None:
        return False
    chunk, gen = parsed
    return committed.get(chunk) == gen if gen is not None or chunk in committed else True


def store_path(store: str | os.PathLike[str], *, root: str | os.PathLike[str] | None = None) -> Path:
    """The folder of a store.

    Parameters
    ----------
    store
        A store name (usually the corpus name, e.g. ``"fa-kes"``), kept under
        ``root``; or a path (``pathlib.Path``), used as the store folder itself.
    root
        Folder holding named stores; default ``data/processed/store/`` (``diplolib.paths``).

    Returns
    -------
    pathlib.Path
    """
    if isinstance(store, os.PathLike):
        if root is not None:
            raise ValueError("pass either a store path or a store name with root=, not both")
        return Path(store)
    if not isinstance(store, str):
        raise TypeError(f"store must be a name (str) or a path (pathlib.Path), not {type(store).__name__}")
    check_name(store, "store")
    base = Path(root) if root is not None else paths.processed_dir() / "store"
    return base / store


def table_path(store: str | os.PathLike[str], name: str, *, root: str | os.PathLike[str] | None = None) -> Path:
    """The folder of one table in a store."""
    return store_path(store, root=root) / check_name(name, "table")


def encode_value(value: object) -> str:
    """Partition folder value: percent-encoded text, ``__HIVE_DEFAULT_PARTITION__`` for NA."""
    if value is None or pd.isna(value):
        return NULL_PARTITION
    return quote(str(value), safe="")


def decode_value(text: str) -> str | None:
    """Inverse of :func:`encode_value` (the value as text, None for NA)."""
    return None if text == NULL_PARTITION else unquote(text)


def iter_data_files(table_dir: Path, *, committed_only: bool = True) -> Iterator[Path]:
    """Every committed chunk file of a table (all chunk files with ``committed_only=False``), sorted by
    partition folder then chunk id; hidden paths skipped."""
    if not table_dir.is_dir():
        return
    committed = commits(table_dir)
    for dirpath, dirnames, filenames in os.walk(table_dir):
        dirnames.sort()
        dirnames[:] = [d for d in dirnames if not d.startswith((".", "_"))]
        for f in sorted(filenames):
            if is_served(f, committed) if committed_only else parse_file(f) is not None:
                yield Path(dirpath) / f


def data_files(table_dir: Path) -> list[Path]:
    """All of :func:`iter_data_files` as a list."""
    return list(iter_data_files(table_dir))


def partition_keys(table_dir: Path, file: Path) -> list[tuple[str, str | None]]:
    """The (key, value) pairs of a data file, from its folders below the table folder."""
    pairs = []
    for part in file.relative_to(table_dir).parts[:-1]:
        key, sep, value = part.partition("=")
        if not sep:
            raise ValueError(f"{file} is not in a key=value partition folder: remove it from {table_dir}")
        pairs.append((key, decode_value(value)))
    return pairs


def existing_partitioning(table_dir: Path) -> tuple[str, ...] | None:
    """The partition keys of a table already on disk (from its first data file), or None if it has none."""
    first = next(iter_data_files(table_dir), None)
    if first is None:
        return None
    return tuple(key for key, _ in partition_keys(table_dir, first))


def remove_tree(folder: Path) -> None:
    """Delete a folder: first renamed to a hidden name (readers stop seeing it at once), then removed."""
    if not folder.exists():
        return
    hidden = folder.with_name(f".deleting-{folder.name}-{uuid.uuid4().hex}")
    os.replace(folder, hidden)
    shutil.rmtree(hidden, ignore_errors=True)
