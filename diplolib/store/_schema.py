"""One schema for a table whose chunks were written separately (schema drift between chunks).

Chunks are written independently (by Dask partitions, by runs months apart), so their
schemas may differ. At read time the footers of all files are unified with pyarrow's
*permissive* promotion:

- a column missing from some chunks (a new metadata column) is read as NA there;
- a column that is all-null in one chunk (arrow type ``null``) takes the type of the others;
- ``int64`` with ``double`` becomes ``double``; ``string`` with ``large_string`` becomes
  ``large_string``; timestamps of different units take the finest unit.

Types that cannot be merged (text in one chunk, integers in another; timestamps in
different time zones) raise a ``ValueError`` naming the column, the types and a file of
each, and what to do.

pandas dtypes (``string`` vs ``str``, ``Int64``, tz-aware datetimes) come back through the
pandas metadata pyarrow stores in each file: per column, the metadata of the first file
whose arrow type equals the unified type is kept. Columns that exist only in the folder
names (e.g. ``year`` derived from ``published``, ``source`` taken from the articles for a
mentions table) read back as ``Int64`` (``year``) or ``string``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ._layout import partition_keys

__all__ = ["TableSchema", "table_schema", "partition_only_type", "check_compatible"]

_PROMOTE = "permissive"


def partition_only_type(key: str) -> tuple[pa.DataType, str]:
    """Arrow type and pandas dtype of a partition column stored only in folder names."""
    if key == "year":
        return pa.int64(), "Int64"
    return pa.large_string(), "string"


class TableSchema:
    """The unified schema of a table's files.

    Attributes
    ----------
    schema
        Arrow schema of the data columns followed by the folder-only partition columns,
        carrying merged pandas metadata (so ``Table.to_pandas()`` restores dtypes).
    partitioning
        Arrow schema of the partition keys (hive flavour), in folder order.
    stored
        Names of the columns stored in the files (what ``read_table`` returns by default).
    """

    def __init__(self, schema: pa.Schema, partitioning: pa.Schema, stored: list[str]):
        self.schema = schema
        self.partitioning = partitioning
        self.stored = stored


def _conflict(files: list[Path], schemas: list[pa.Schema], table_dir: Path) -> ValueError:
    by_column: dict[str, dict[str, tuple[pa.DataType, Path]]] = {}
    for file, schema in zip(files, schemas, strict=True):
        for field in schema:
            if not pa.types.is_null(field.type):
                by_column.setdefault(field.name, {}).setdefault(str(field.type), (field.type, file))
    for column, types in by_column.items():
        if len(types) < 2:
            continue
        try:
            _unify([pa.schema([(column, t)]) for t, _ in types.values()])
        except (pa.ArrowTypeError, pa.ArrowInvalid):
            where = "; ".join(f"{t} in {f.relative_to(table_dir).as_posix()}" for t, (_, f) in types.items())
            return ValueError(
                f"column {column!r} of table {table_dir.name!r} has types that cannot be merged ({where}). "
                f"Cast {column!r} to one type in every chunk (e.g. df[{column!r}].astype('string') or "
                "pd.to_datetime(..., utc=True)) and rewrite the offending chunks with write_table(..., chunk=...), "
                "or rewrite the table with mode='overwrite'"
            )
    return ValueError(f"the files of table {table_dir.name!r} have schemas that cannot be merged")


def _unify(schemas: list[pa.Schema]) -> pa.Schema:
    return pa.unify_schemas([s.remove_metadata() for s in schemas], promote_options=_PROMOTE)


def check_compatible(new: pa.Schema, existing: pa.Schema, table: str, existing_file: str) -> None:
    """Raise ValueError if a chunk's schema cannot be merged with a schema already in the table."""
    try:
        _unify([existing, new])
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        for field in new:
            idx = existing.get_field_index(field.name)
            if idx < 0:
                continue
            other = existing.field(idx).type
            try:
                _unify([pa.schema([(field.name, other)]), pa.schema([field])])
            except (pa.ArrowTypeError, pa.ArrowInvalid):
                raise ValueError(
                    f"column {field.name!r} is {field.type} in this chunk but {other} in {existing_file} of table "
                    f"{table!r}: cast it to the table's type before writing (e.g. .astype(...)), or rewrite the "
                    "whole table with mode='overwrite'"
                ) from None
        raise


def _pandas_columns(schema: pa.Schema) -> dict[str, dict]:
    meta = schema.metadata or {}
    raw = meta.get(b"pandas")
    if not raw:
        return {}
    return {c["field_name"]: c for c in json.loads(raw)["columns"] if c.get("field_name")}


def table_schema(table_dir: Path, files: list[Path]) -> TableSchema:
    """Read every file's footer and unify them (see the module docstring)."""
    schemas = [pq.read_schema(f) for f in files]
    try:
        unified = _unify(schemas)
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        raise _conflict(files, schemas, table_dir) from None

    keys = [key for key, _ in partition_keys(table_dir, files[0])]
    for file in files[1:]:
        other = [key for key, _ in partition_keys(table_dir, file)]
        if other != keys:
            raise ValueError(
                f"table {table_dir.name!r} is partitioned inconsistently: {files[0].relative_to(table_dir)} by "
                f"{keys}, {file.relative_to(table_dir)} by {other}. Rewrite it with mode='overwrite'"
            )

    # pandas metadata: per column, the first file whose arrow type equals the unified type
    columns: dict[str, dict] = {}
    for schema in schemas:
        meta = _pandas_columns(schema)
        for field in schema:
            if field.name in columns or field.name not in meta:
                continue
            if field.type == unified.field(field.name).type:
                columns[field.name] = meta[field.name]
    stored = list(unified.names)
    part_fields = []
    fields = list(unified)
    for key in keys:
        if key in stored:
            part_fields.append(unified.field(key))
        else:
            arrow_type, dtype = partition_only_type(key)
            part_fields.append(pa.field(key, arrow_type))
            fields.append(pa.field(key, arrow_type))
            columns[key] = {
                "name": key,
                "field_name": key,
                "pandas_type": "int64" if dtype == "Int64" else "unicode",
                "numpy_type": dtype,
                "metadata": None,
            }
    pandas_meta = {
        "index_columns": [],
        "column_indexes": [],
        "columns": [columns[f.name] for f in fields if f.name in columns],
    }
    first = schemas[0].metadata or {}
    if b"pandas" in first:
        base = json.loads(first[b"pandas"])
        pandas_meta = {**base, **pandas_meta}
    schema = pa.schema(fields, metadata={b"pandas": json.dumps(pandas_meta).encode()})
    return TableSchema(schema, pa.schema(part_fields), stored)
