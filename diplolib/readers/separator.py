"""The column separator of a delimited file when the caller gives none: by extension, else from its header line.

``.tsv``/``.tab`` files (also compressed: ``x.tsv.gz``) are tab-separated. Otherwise the header line decides:
spreadsheet programs set to a locale whose decimal mark is a comma (French, German, Arabic-locale Excel, LibreOffice)
export "CSV" with semicolons, so a header that holds no comma outside quotes but holds semicolons, tabs or
vertical bars is split on the most frequent of those; any other header keeps the comma. Pass ``sep=`` to decide
yourself.
"""

from __future__ import annotations

import re

from .compressed import split_compression

__all__ = ["default_sep", "utf8_head"]

_OTHERS = (";", "\t", "|")
_QUOTED = re.compile(r'"[^"]*"')
#: The header is looked for in the first characters only (a file without a line end is its own header).
_HEAD_CHARS = 65_536


def default_sep(origin: str, text: str) -> str:
    """The separator of the file ``origin`` (its name decides first) whose decoded content is ``text``."""
    name, _ = split_compression(origin.rsplit("!", 1)[-1].rsplit(":row ", 1)[0])
    if name.lower().endswith((".tsv", ".tab")):
        return "\t"
    head = text[:_HEAD_CHARS].lstrip("\ufeff")
    header = _QUOTED.sub("", head.split("\n", 1)[0])
    if "," in header:
        return ","
    counts = {sep: header.count(sep) for sep in _OTHERS}
    best = max(_OTHERS, key=counts.__getitem__)
    return best if counts[best] else ","


def utf8_head(data: bytes) -> str:
    """The first characters of the UTF-8 bytes ``data`` that :func:`default_sep` reads (at least ``_HEAD_CHARS`` of
    them, or all), decoded without the rest of the file: ``default_sep(origin, utf8_head(data))`` equals
    ``default_sep(origin, data.decode("utf-8"))``."""
    return data[: 4 * _HEAD_CHARS + 3].decode("utf-8", "ignore")  # a character cut at the end is dropped
