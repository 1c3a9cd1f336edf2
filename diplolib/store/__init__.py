"""The processed-corpus store: tables as partitioned Parquet files, written in chunks, read by columns and filters.

A store is a folder, by default ``data/processed/store/<corpus>/``, holding one folder per
table (``articles``, ``mentions``, ``theme_hits``, or any name: ``edges``, ``errors``...)::

    data/processed/store/fa-kes/
        articles/source=sana/year=2016/part-000000.parquet
        articles/source=sana/year=__HIVE_DEFAULT_PARTITION__/part-000000.parquet   # published is NaT
        mentions/source=sana/year=2016/part-000000.parquet                      # source, year from articles

- **Chunks.** :func:`write_table` writes one chunk under an id the caller gives; writing the
  same id again replaces that chunk (idempotent retries); distinct ids append. Writers of
  different ids share no file and no metadata (each file is written to a hidden temporary
  name and renamed into place), so Dask partitions write in parallel without locks.
  :func:`write_chunks` streams an iterable of DataFrames holding one in memory at a time.
- **Partitions.** By ``source`` and ``year`` by default; ``year`` is derived from
  ``published``; tables without those columns take them from ``articles=`` through
  ``article_id`` and keep them only in folder names. NA values go to the Hive/pyarrow null
  folder ``__HIVE_DEFAULT_PARTITION__`` and read back as NA.
- **Schema drift.** Chunks may differ: new columns, all-null columns, int vs float are
  unified at read time; types that cannot be merged raise a ValueError saying which column,
  which files and what to do (see :mod:`diplolib.store._schema`).
- **Reading.** :func:`read_table` returns a DataFrame with the written dtypes (``string``,
  ``str``, ``Int64``, tz-aware ``published``), sorted by ``article_id``, ``start``, ``end``
  (stable); :func:`open_table` a lazy ``pyarrow.dataset.Dataset``; :func:`read_dask` a
  Dask DataFrame (``dask`` extra).
"""

from .._lazy import attach

_NAMES = {
    "write_table": ".write",
    "write_chunks": ".write",
    "delete_table": ".write",
    "read_table": ".read",
    "open_table": ".read",
    "read_dask": ".read",
    "store_info": ".read",
    "list_tables": ".read",
    "store_path": "._layout",
}
__getattr__, __dir__ = attach(__name__, _NAMES)
__all__ = list(_NAMES)
