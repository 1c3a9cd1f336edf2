"""Hits inside a web or e-mail address are no theme: "unicef.org", "www.un.org", "press@unhcr.ch".

A cue glued to an ``@``, or by a dot to a letter or digit before it or a letter after it, is part of an address,
not a word of the text (issue 16: an e-mail address at unicef.org read as the UN). Dotted abbreviations are left
alone: the dot of "U.N." is the cue's own, and "U.N.-backed" has no letter after its dot.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["in_address", "drop_in_addresses"]

# what any address holds (an "@", or a dot before two lower-case letters: "unicef.org"): the texts worth a closer
# look (two scans each starting with a literal, ~15x faster than one regex with \w before the dot)
_DOT = r"\.[a-z][a-z]"


def in_address(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a web or e-mail address."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before == "@" or after == "@":
        return True
    if before == "." and start > 1 and text[start - 2].isalnum():
        return True
    # (a letter: "blessés.34" is a footnote number glued to the sentence's full stop, no address)
    return after == "." and end + 1 < len(text) and text[end + 1].isalpha() and not text[end - 1] == "."


def drop_in_addresses(hits: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``hits`` (of :func:`~diplolib.themes.tag_themes`) without those inside a web or e-mail address.

    Only the hits of the articles holding something like an address (an ``@``, or a dot before two lower-case
    letters: "unicef.org") are looked at one by one; the others are kept as a column.
    """
    if hits.empty:
        return hits
    text = articles["text"]
    text = text.where(text.map(lambda t: isinstance(t, str)), "")
    maybe = (text.str.contains(_DOT, regex=True) | text.str.contains("@", regex=False)).to_numpy(dtype=bool)
    if not maybe.any():
        return hits
    text_of = dict(zip(articles["article_id"][maybe], text[maybe], strict=True))
    sub = hits[hits["article_id"].isin(text_of.keys()).to_numpy(dtype=bool) & hits["theme"].notna().to_numpy()]
    drop = [in_address(text_of[a], int(s), int(e)) for a, s, e in zip(sub["article_id"], sub["start"], sub["end"],
                                                                      strict=True)]
    if not any(drop):
        return hits
    keep = pd.Series(True, index=hits.index)
    keep[sub.index[drop]] = False
    return hits[keep.to_numpy()].reset_index(drop=True)
