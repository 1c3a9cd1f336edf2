"""Planning partitions: the files of the sources, in the pandas path's order, grouped into partitions.

A partition is a run of consecutive files (an archive is one file: its members stay together), so that
concatenating the partitions in order gives the records in the order :func:`diplolib.load.load_articles`
reads them, and every article lies whole in one partition. Files are listed with the readers' own walker
(:func:`diplolib.readers.sources.iter_entries`): same order, same skipped litter, same ``hidden-file``
error rows, origins relative to the same root.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from dask.utils import parse_bytes

from ..readers.base import error_row, errors_frame
from ..readers.sources import is_archive, is_included, iter_entries

__all__ = ["Partition", "plan_partitions", "DEFAULT_PARTITION_SIZE"]

#: Bytes of input files per partition by default.
DEFAULT_PARTITION_SIZE = "32MB"


@dataclass(frozen=True)
class Partition:
    """One partition: its ``index``, the ``files`` it reads (paths), the ``roots`` their origins are relative
    to (one per file), and the ``size`` of the files in bytes."""

    index: int
    files: tuple[str, ...]
    roots: tuple[str, ...]
    size: int


def _as_sources(sources) -> list[Path]:
    if isinstance(sources, (str, os.PathLike)):
        return [Path(sources)]
    if not isinstance(sources, Sequence) or not sources:
        raise TypeError(f"sources must be a path or a non-empty list of paths; got {sources!r}.")
    return [Path(s) for s in sources]


def plan_partitions(
    sources: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    partition_size: int | str = DEFAULT_PARTITION_SIZE,
    max_files: int | None = None,
    recursive: bool = True,
    include: str | Sequence[str] | None = None,
    root: str | os.PathLike | None = None,
) -> tuple[list[Partition], pd.DataFrame]:
    """Group the files of ``sources`` into partitions of about ``partition_size`` bytes.

    Parameters
    ----------
    sources
        Files, folders or archives, read in this order (each as :func:`diplolib.load.load_articles`
        reads it).
    partition_size
        Bytes of input per partition (``"32MB"`` or an int); a file larger than this is a partition alone.
    max_files
        At most this many files per partition (None: no limit).
    recursive, include
        As in :func:`diplolib.readers.read_records`.
    root
        Origins are relative to this folder (default: each folder source itself, a file's folder).

    Returns
    -------
    (partitions, errors)
        The list of :class:`Partition` (possibly empty) and the error rows of files that are reported without
        being read (``hidden-file``): ``origin``, ``error``, ``message``.

    Raises
    ------
    ValueError
        A source does not exist.
    """
    limit = parse_bytes(partition_size) if isinstance(partition_size, str) else int(partition_size)
    patterns = [include] if isinstance(include, str) else include
    units: list[tuple[str, str, int]] = []
    errors: list[dict] = []
    for path in _as_sources(sources):
        if not path.exists():
            raise ValueError(f"{str(path)!r} does not exist: give files, folders or archives that exist.")
        base = path if path.is_dir() else path.parent
        root_dir = Path(root) if root is not None else base
        prefix = base.resolve().relative_to(root_dir.resolve()).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        for entry in iter_entries(path, recursive=recursive, include=None, archives=False):
            if entry.error:
                if is_included(entry.origin, patterns):
                    errors.append(error_row(prefix + entry.origin, *entry.error))
                continue
            top = path.is_file()
            if not (top or is_archive(entry.name) or is_included(entry.origin, patterns)):
                continue
            file = path if top else path / entry.origin
            units.append((str(file), str(root_dir), entry.size))
    parts: list[Partition] = []
    run: list[tuple[str, str, int]] = []
    for unit in units:
        if run and (sum(u[2] for u in run) + unit[2] > limit or (max_files and len(run) >= max_files)):
            parts.append(_partition(len(parts), run))
            run = []
        run.append(unit)
    if run:
        parts.append(_partition(len(parts), run))
    return parts, errors_frame(errors)


def _partition(index: int, run: list[tuple[str, str, int]]) -> Partition:
    return Partition(index, tuple(u[0] for u in run), tuple(u[1] for u in run), sum(u[2] for u in run))
