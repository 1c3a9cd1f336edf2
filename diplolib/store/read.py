"""Reading tables back from the store: by columns and filters, in a documented order."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from ._layout import data_files, store_path, table_path
from ._schema import TableSchema, table_schema

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd

__all__ = ["read_table", "open_table", "read_dask", "store_info", "list_tables", "SORT_KEYS", "INFO_COLUMNS"]

SORT_KEYS = ("article_id", "start", "end")
INFO_COLUMNS = ["table", "partition", "files", "rows", "bytes"]
Filters = Sequence[tuple[str, str, Any]] | Sequence[Sequence[tuple[str, str, Any]]] | pc.Expression


def list_tables(store: str | os.PathLike[str], *, root: str | os.PathLike[str] | None = None) -> list[str]:
    """Names of the tables in a store, sorted (empty if the store does not exist)."""
    base = store_path(store, root=root)
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def _table_files(name: str, store, root) -> tuple[Path, list[Path]]:
    table_dir = table_path(store, name, root=root)
    if not table_dir.is_dir():
        tables = list_tables(store, root=root)
        raise ValueError(
            f"no table {name!r} in store {store_path(store, root=root)} (tables: {tables or 'none'}): "
            "write it first with write_table(..., store=...) or check the store name and root="
        )
    return table_dir, data_files(table_dir)


def _dataset(table_dir: Path, files: list[Path], ts: TableSchema) -> ds.Dataset:
    return ds.dataset(
        [str(f) for f in files],
        schema=ts.schema,
        format="parquet",
        partitioning=ds.partitioning(ts.partitioning, flavor="hive"),
        partition_base_dir=str(table_dir),
    )


def open_table(name: str, *, store: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> ds.Dataset:
    """A table as a lazy ``pyarrow.dataset.Dataset`` (for reads larger than memory).

    The dataset has the unified schema of all chunks (see :mod:`diplolib.store`), including
    folder-only partition columns such as ``year``; ``dataset.to_table(columns=..., filter=...)``
    or ``dataset.to_batches(...)`` read it piece by piece, and ``Table.to_pandas()`` restores the
    stored pandas dtypes. Rows come in storage order (partition folder, chunk id, row).
    """
    table_dir, files = _table_files(name, store, root)
    if not files:
        return ds.dataset([], schema=pa.schema([]), format="parquet")
    return _dataset(table_dir, files, table_schema(table_dir, files))


def _filter_columns(filters) -> list[str]:
    if isinstance(filters, pc.Expression) or not filters:
        return []
    groups = (
        filters if isinstance(filters[0], (list, tuple)) and isinstance(filters[0][0], (list, tuple)) else [filters]
    )
    names = []
    for group in groups:
        for term in group:
            if not (isinstance(term, (list, tuple)) and len(term) == 3 and isinstance(term[0], str)):
                raise ValueError(
                    f"filter {term!r} is not a (column, op, value) triple: use e.g. [('source', '==', 'sana'), "
                    "('year', '>=', 2016)]"
                )
            names.append(term[0])
    return names


def _expression(filters, schema: pa.Schema) -> pc.Expression | None:
    if filters is None or (not isinstance(filters, pc.Expression) and len(filters) == 0):
        return None
    unknown = [c for c in _filter_columns(filters) if c not in schema.names]
    if unknown:
        raise ValueError(f"filter on unknown column(s) {unknown}: the table has {schema.names}")
    return filters if isinstance(filters, pc.Expression) else pq.filters_to_expression(filters)


def _sort_keys(sort_by, schema: pa.Schema) -> list[str]:
    if sort_by is None:
        return []
    if isinstance(sort_by, str) and sort_by == "default":
        return [k for k in SORT_KEYS if k in schema.names]
    keys = [sort_by] if isinstance(sort_by, str) else list(sort_by)
    unknown = [k for k in keys if k not in schema.names]
    if unknown:
        raise ValueError(f"sort_by={unknown} names no column: the table has {schema.names}")
    return keys


def _read(table_dir: Path, files: list[Path], ts: TableSchema, columns, filters, sort_by) -> pd.DataFrame:
    schema = ts.schema
    wanted = list(ts.stored) if columns is None else [columns] if isinstance(columns, str) else list(columns)
    unknown = [c for c in wanted if c not in schema.names]
    if unknown:
        raise ValueError(f"no column(s) {unknown} in table {table_dir.name!r}: it has {schema.names}")
    keys = _sort_keys(sort_by, schema)
    read = wanted + [k for k in keys if k not in wanted]
    expr = _expression(filters, schema)
    if files:
        try:
            table = _dataset(table_dir, files, ts).to_table(columns=read, filter=expr)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as err:
            raise ValueError(
                f"could not apply filters {filters!r} to table {table_dir.name!r}: {err}. Compare columns with "
                "values of their type (e.g. pd.Timestamp('2016-01-01', tz='UTC') for 'published')"
            ) from None
    else:
        table = pa.schema([schema.field(c) for c in read]).empty_table()
    if keys and table.num_rows:
        order = pc.sort_indices(table, sort_keys=[(k, "ascending") for k in keys])  # stable; NA last
        names, arrays = table.column_names, []
        for _ in names:  # column by column, releasing each unsorted one: peak ~ data + one column
            arrays.append(table.column(0).combine_chunks().take(order))
            table = table.remove_column(0)
        table = pa.Table.from_arrays(arrays, names=names)
    table = table.select(wanted).replace_schema_metadata(schema.metadata)
    return table.to_pandas(split_blocks=True, self_destruct=True)


def read_table(
    name: str,
    *,
    store: str | os.PathLike[str],
    root: str | os.PathLike[str] | None = None,
    columns: Sequence[str] | None = None,
    filters: Filters | None = None,
    sort_by: Sequence[str] | Literal["default"] | None = "default",
) -> pd.DataFrame:
    """Read a table (or some of its columns and rows) into a DataFrame.

    Parameters
    ----------
    name, store, root
        The table and its store, as given to :func:`write_table`.
    columns
        Columns to read; default the stored columns (folder-only partition columns such as
        ``year`` of a mentions table are read only when named here).
    filters
        Row filters in pyarrow/pandas form: a list of ``(column, op, value)`` triples joined by
        AND, e.g. ``[("source", "==", "sana"), ("year", ">=", 2016)]``; a list of such lists
        joined by OR; or a ``pyarrow.compute`` expression. Filters on partition columns skip
        whole folders. A comparison never matches NA (SQL semantics: ``("lang", "!=", "en")``
        leaves out rows whose ``lang`` is NA). For rows whose year is NA pass the expression
        ``pyarrow.dataset.field("year").is_null()``.
    sort_by
        ``"default"`` sorts by those of ``article_id``, ``start``, ``end`` the table has (stable:
        ties keep storage order, i.e. partition folder, chunk id, row); a list of columns; or
        None for storage order.

    Returns
    -------
    pandas.DataFrame
        The rows with their stored dtypes, index 0..n-1. Empty (no columns) if the table has
        no files yet.
    """
    table_dir, files = _table_files(name, store, root)
    if not files:
        return pd.DataFrame()
    return _read(table_dir, files, table_schema(table_dir, files), columns, filters, sort_by)


class _ReadPart:
    """Reads one partition folder's files (one Dask partition); picklable."""

    def __init__(self, table_dir: Path, ts: TableSchema, columns, filters, sort_by):
        self.table_dir, self.ts, self.columns, self.filters, self.sort_by = table_dir, ts, columns, filters, sort_by

    def __call__(self, files: list[Path]) -> pd.DataFrame:
        return _read(self.table_dir, files, self.ts, self.columns, self.filters, self.sort_by)


def read_dask(
    name: str,
    *,
    store: str | os.PathLike[str],
    root: str | os.PathLike[str] | None = None,
    columns: Sequence[str] | None = None,
    filters: Filters | None = None,
    sort_by: Sequence[str] | Literal["default"] | None = "default",
) -> dd.DataFrame:
    """A table as a Dask DataFrame with one partition per partition folder (e.g. source × year).

    Same parameters as :func:`read_table`; ``sort_by`` orders rows within each partition.
    Dask may turn text columns into ``string[pyarrow]`` (its ``dataframe.convert-string``
    option). Needs the ``dask`` extra (``pip install diplolib[dask]``).
    """
    try:
        import dask.dataframe as dd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("read_dask needs Dask: pip install diplolib[dask]") from err
    table_dir, files = _table_files(name, store, root)
    if not files:
        raise ValueError(f"table {name!r} has no files yet: write chunks before reading it with Dask")
    ts = table_schema(table_dir, files)
    reader = _ReadPart(table_dir, ts, columns, filters, sort_by)
    # one Dask partition per partition folder that the filters on partition columns keep
    expr = _expression(filters, ts.schema)
    kept = {Path(f.path) for f in _dataset(table_dir, files, ts).get_fragments(filter=expr)}
    groups: dict[Path, list[Path]] = {}
    for f in files:
        if f in kept:
            groups.setdefault(f.parent, []).append(f)
    if not groups:
        raise ValueError(f"filters {filters!r} keep no partition of table {name!r}: loosen them")
    meta = reader([])
    return dd.from_map(reader, list(groups.values()), meta=meta, enforce_metadata=False)


def store_info(store: str | os.PathLike[str], *, root: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """What a store holds: one row per (table, partition folder).

    Returns
    -------
    pandas.DataFrame
        ``table``, ``partition`` (folder below the table, e.g. ``source=sana/year=2016``; ``""``
        if unpartitioned), ``files`` (chunks in it), ``rows``, ``bytes``; sorted by table and
        partition.
    """
    base = store_path(store, root=root)
    if not base.is_dir():
        stores = sorted(p.name for p in base.parent.iterdir() if p.is_dir()) if base.parent.is_dir() else []
        raise ValueError(f"no store at {base} (stores there: {stores or 'none'}): write a table into it first")
    rows = []
    for name in list_tables(store, root=root):
        table_dir = base / name
        for f in data_files(table_dir):
            partition = "" if f.parent == table_dir else f.parent.relative_to(table_dir).as_posix()
            rows.append((name, partition, pq.read_metadata(f).num_rows, f.stat().st_size))
    df = pd.DataFrame(rows, columns=["table", "partition", "rows", "bytes"])
    out = (
        df.groupby(["table", "partition"], sort=True)
        .agg(files=("rows", "size"), rows=("rows", "sum"), bytes=("bytes", "sum"))
        .reset_index()
    )
    return out.astype({"table": "string", "partition": "string", "files": "int64", "rows": "int64", "bytes": "int64"})[
        INFO_COLUMNS
    ]
