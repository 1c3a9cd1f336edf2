"""The ``page`` reader: page text as collected from a news site (first line = headline)."""

from __future__ import annotations

from typing import Literal

from .base import DEFAULT_MAX_TEXT_CHARS, ReadError
from .common import finish_record, read_text

__all__ = ["read_page"]


def read_page(
    data: bytes,
    *,
    origin: str,
    encoding: str | None = None,
    encoding_errors: Literal["strict", "replace"] = "strict",
    source: str = "",
    title_line: bool = True,
    max_text_chars: int | None = DEFAULT_MAX_TEXT_CHARS,
    lang: str | None = None,
) -> tuple[list[dict], list[dict]]:
    """Read one page-text file: the first non-blank line is the title, the rest is the text, untouched.

    Parameters
    ----------
    title_line
        False: no title, the whole file is the text (plain ``.txt`` documents).
    source
        The outlet to record (pages carry no outlet of their own).

    Returns
    -------
    One record: ``title``, ``text`` (paragraphs separated by blank lines, as in the file; splitting several
    dispatches, datelines, bylines and "Check Also" boilerplate is left to :mod:`diplolib.normalize`).
    """
    text = read_text(data, encoding=encoding, encoding_errors=encoding_errors).strip("\n")
    title = None
    if title_line:
        first, _, rest = text.lstrip().partition("\n")
        title, text = first.strip(), rest.strip("\n")
    if not text.strip():
        raise ReadError(
            "empty",
            "the page has a title line but no text after it: check the file, or pass "
            "title_line=False if the whole file is the text.",
        )
    return [finish_record(origin, "page", text=text, title=title, source=source, lang=lang,
                          max_text_chars=max_text_chars)], []
