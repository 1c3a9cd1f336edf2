"""Keyword in context: every occurrence of a cue or regex with its surrounding text."""

from __future__ import annotations

import re

import pandas as pd

from .dictionary import cue_pattern
from .offsets import offset_map

__all__ = ["kwic"]

_WS = re.compile(r"\s+")


def kwic(
    articles: pd.DataFrame,
    pattern: str,
    *,
    window: int = 60,
    regex: bool = False,
    lang: str | None = None,
) -> pd.DataFrame:
    """Keyword in context over the articles' ``text``.

    Matching is done on the matching form of the text (case-folded, accents and Arabic
    diacritics removed), like the theme cues; offsets and context come from the display text.

    Parameters
    ----------
    articles : pandas.DataFrame
        Columns ``article_id`` and ``text`` (and ``lang`` when ``lang`` is given); not modified.
    pattern : str
        A cue in the theme dictionary syntax (``"truce(s)"``, ``"negotiat*"``, ``"هدنة"``), or a
        Python regex when ``regex=True`` (write it in matching form: lower case, no accents).
    window : int, default 60
        Characters of context on each side.
    regex : bool, default False
        Treat ``pattern`` as a regular expression.
    lang : str, optional
        Only search articles in this language; for cues, ``"ar"`` also allows Arabic proclitics.

    Returns
    -------
    pandas.DataFrame
        One row per occurrence: ``article_id``, ``start``, ``end`` (offsets into ``text``),
        ``left``, ``match``, ``right`` (whitespace runs in the context collapsed to one space).
    """
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"articles must be a pandas DataFrame, not {type(articles).__name__}")
    needed = ["article_id", "text"] + (["lang"] if lang is not None else [])
    missing = [c for c in needed if c not in articles.columns]
    if missing:
        raise ValueError(
            f"articles lacks column(s) {missing}: kwic needs 'article_id', 'text' (and 'lang' to filter)"
        )
    if not isinstance(window, int) or window < 0:
        raise ValueError(f"window={window!r}: give a number of characters >= 0")
    try:
        rx = re.compile(pattern if regex else cue_pattern(pattern, lang or ""))
    except re.error as exc:
        raise ValueError(
            f"pattern {pattern!r} is not a valid regex ({exc}); or pass regex=False for cue syntax"
        ) from None
    if rx.match("") is not None and rx.fullmatch("") is not None:
        raise ValueError(
            f"pattern {pattern!r} matches the empty string: make it match at least one character"
        )
    subset = articles if lang is None else articles[articles["lang"] == lang]
    rows = []
    for article_id, text in subset[["article_id", "text"]].itertuples(index=False):
        if not isinstance(text, str) or not text:
            continue
        match, index_map = offset_map(text)
        for m in rx.finditer(match):
            if m.end() == m.start():
                continue
            start, end = int(index_map[m.start()]), int(index_map[m.end()])
            while end > start and text[end - 1].isspace():
                end -= 1
            rows.append(
                {
                    "article_id": article_id,
                    "start": start,
                    "end": end,
                    "left": _WS.sub(" ", text[max(0, start - window) : start]),
                    "match": text[start:end],
                    "right": _WS.sub(" ", text[end : end + window]),
                }
            )
    out = pd.DataFrame(rows, columns=["article_id", "start", "end", "left", "match", "right"])
    return out.astype({"start": "int64", "end": "int64"})
