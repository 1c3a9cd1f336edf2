"""The ``filename`` reader: one plain-text document per file, metadata in the file name.

The default pattern reads the UN General Debate Corpus (``TXT/Session 70 - 2015/SYR_70_2015.txt``):
``country``
(ISO-3, or ``EU``), ``session`` and ``year``. ``published`` is left NA and the year kept as a column: the
speeches carry no day, and inventing one (the debate opens in the second half of September) would pass a
guess off as a date; the session ``year`` column is what to group by. Give ``date_group=`` a group name whose
value is a full date to fill ``published``.
"""

from __future__ import annotations

import re
from typing import Literal

from .base import DEFAULT_MAX_TEXT_CHARS, ReadError
from .common import finish_record, read_text

__all__ = ["read_filename", "UNGDC_PATTERN"]

#: ``ISO3_NN_YYYY.txt``: country, session, year.
UNGDC_PATTERN = r"(?P<country>[A-Z]{2,3})_(?P<session>\d+)_(?P<year>\d{4})\.txt$"


def read_filename(
    data: bytes,
    *,
    origin: str,
    pattern: str = UNGDC_PATTERN,
    date_group: str | None = None,
    date_format: str | None = None,
    encoding: str | None = None,
    encoding_errors: Literal["strict", "replace"] = "strict",
    source: str = "",
    tz: str = "UTC",
    on_bad_date: Literal["error", "keep"] = "error",
    lang: str | None = None,
    max_text_chars: int | None = DEFAULT_MAX_TEXT_CHARS,
) -> tuple[list[dict], list[dict]]:
    """Read one text file whose name carries metadata.

    Parameters
    ----------
    pattern
        A regular expression with named groups, searched in the file name (the last part of ``origin``);
        each group becomes a column (all-digit values become integers).
    date_group
        A group holding a date for ``published`` (default: none, ``published`` stays NA).

    Returns
    -------
    One record: ``text`` (the whole file, stripped), no title, the named groups as columns. A file name that
    does not match is a "bad-filename" error.
    """
    name = origin.rsplit("!", 1)[-1].rsplit("/", 1)[-1]
    match = re.search(pattern, name)
    if not match:
        raise ReadError(
            "bad-filename",
            f"the file name {name!r} does not match the pattern {pattern!r}: rename "
            "the file or pass pattern=r'...(?P<name>...)...'.",
        )
    fields = {k: (int(v) if v is not None and v.isdigit() else v) for k, v in match.groupdict().items()}
    text = read_text(data, encoding=encoding, encoding_errors=encoding_errors).strip()
    if not text:
        raise ReadError("empty", "the file holds only whitespace: remove it or fetch it again.")
    raw = match.group(date_group) if date_group else None
    return [finish_record(origin, "filename", text=text, source=source, lang=lang, raw_date=raw,
                          on_bad_date=on_bad_date, date_format=date_format, tz=tz, max_text_chars=max_text_chars,
                          extra=fields)], []
