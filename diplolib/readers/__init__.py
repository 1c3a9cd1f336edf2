"""Readers: files, folders and archives → raw records and load errors.

One reader per input format, registered by name in :data:`READERS`; :func:`read_records` picks one per file
by extension (or all files with ``format=``), walks folders recursively (skipping dotfiles), streams archive
members without unpacking them, and collects every problem as an error row instead of raising.

================  =============================================  ==========================================
reader            extensions                                      one record per
================  =============================================  ==========================================
``page``          ``.txt``                                        file (first line = headline)
``csv``           ``.csv``, ``.tsv``, ``.tab``                     row
``html``          ``.html``, ``.htm``, ``.xhtml``                 page (main text by trafilatura)
``markdown``      ``.md``, ``.markdown``                          file (YAML front matter = metadata)
``jsonl``         ``.jsonl``, ``.ndjson``, ``.json``              line (or item of a JSON array)
``filename``      (by ``format=`` only)                           file (metadata in the file name)
================  =============================================  ==========================================

Records table: ``origin``, ``source``, ``title``, ``text``, ``url``, ``published``, ``lang``, ``format`` and
the source's own metadata as further columns. Errors table: ``origin``, ``error``, ``message``.
"""

from __future__ import annotations

from .base import ERROR_COLUMNS, READERS, RECORD_COLUMNS, Reader, ReadError, reader_for, register_reader
from .csv_table import read_csv_table
from .delimited import CSV_PRESETS, read_csv
from .filename import read_filename
from .html import read_html
from .jsonl import read_jsonl
from .markdown import read_markdown
from .page import read_page
from .walk import read_records

__all__ = [
    "read_records",
    "register_reader",
    "reader_for",
    "READERS",
    "Reader",
    "ReadError",
    "RECORD_COLUMNS",
    "ERROR_COLUMNS",
    "CSV_PRESETS",
]

# The built-in readers register themselves here, so that read_records knows them whichever module is imported.
register_reader("page", read_page, extensions=(".txt", ".text"))
# the csv reader: pyarrow and columns on well-formed files, read_csv (row by row, the reference) on any other
register_reader("csv", read_csv_table, extensions=(".csv", ".tsv", ".tab"),
                description=(read_csv.__doc__ or "").strip().split("\n")[0])
register_reader("html", read_html, extensions=(".html", ".htm", ".xhtml"))
register_reader("markdown", read_markdown, extensions=(".md", ".markdown"))
register_reader("jsonl", read_jsonl, extensions=(".jsonl", ".ndjson", ".json"))
register_reader("filename", read_filename)
