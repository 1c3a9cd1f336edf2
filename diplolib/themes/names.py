"""English hits inside the name of a company, an advocacy group or a federal agency are no theme.

"Energy Absolute PCL", "Human Rights Campaign", "the Federal Trade Commission": a cue written with capitals inside a
run of capitalised words that names a company or an advocacy group (the run ends in a company's or a campaign's
head: "Inc.", "PCL", "Campaign", "Foundation" ...) or a federal agency (the run starts with "Federal") names that
body, not the theme: the White House readouts list such bodies among a meeting's participants, and their
antitrust, hiring or LGBTQ+ policy is no trade, energy or rights abuse (issue 16, eighth- and ninth-round
readings). A name with an international word in it ("International Trade Commission", "World Energy Foundation",
"UN Human Rights Campaign") is kept: its body works between states. English only: French and Arabic do not write a
name's every word with a capital.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["in_domestic_name", "drop_in_names"]

# the last word of the name of a company or an advocacy group
_HEADS = frozenset({"inc", "corp", "corporation", "company", "co", "llc", "ltd", "pcl", "plc", "ag", "holdings",
                    "campaign", "foundation", "association"})
# a word that makes a name international (kept)
_INTERNATIONAL = frozenset({"international", "world", "global", "united", "nations", "un", "u.n", "european", "eu",
                            "african", "arab", "asian", "islamic", "intergovernmental", "inter", "joint", "regional"})
_CONNECTOR = r"(?:of|for|and|on|the|&)"
_WORD = r"[A-Z][\w'&]*\.?"
_RIGHT = re.compile(rf"(?:[ -](?:{_CONNECTOR} )*{_WORD})*")
_LEFT = re.compile(rf"(?:{_WORD}[ -](?:{_CONNECTOR} )*)*\Z")
_WORDS = re.compile(r"[A-Za-z][\w'.&]*")
_LOOK = 120  # characters of a name around the hit


def in_domestic_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (English) is part of the name of a company, an advocacy group or a federal
    agency (see the module's docstring)."""
    surface = text[start:end]
    words = _WORDS.findall(surface)
    if not words or not all(w[0].isupper() for w in words):
        return False
    right = _RIGHT.match(text, end, min(len(text), end + _LOOK)).group()
    left = _LEFT.search(text, max(0, start - _LOOK), start).group()
    name = _WORDS.findall(left) + words + _WORDS.findall(right)
    lower = [w.rstrip(".").lower() for w in name]
    if _INTERNATIONAL.intersection(lower):
        return False
    before = len(_WORDS.findall(left))
    if "federal" in lower[:before]:  # "the Federal Trade Commission", "Department of Justice and Federal Trade ..."
        return True
    return len(lower) > before + len(words) and lower[-1] in _HEADS


def drop_in_names(hits: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``hits`` (of :func:`~diplolib.themes.tag_themes`) without the English hits inside the name of a company, an
    advocacy group or a federal agency (:func:`in_domestic_name`).

    Only English hits whose surface starts with a capital are looked at one by one.
    """
    if hits.empty or "surface" not in hits.columns:
        return hits
    sub = hits[(hits["lang"] == "en").fillna(False).to_numpy(dtype=bool) & hits["theme"].notna().to_numpy()]
    if sub.empty:
        return hits
    first = sub["surface"].astype("string").str[:1]
    sub = sub[(first.str.isupper()).fillna(False).to_numpy(dtype=bool)]
    if sub.empty:
        return hits
    need = set(sub["article_id"])
    text_of = {a: t for a, t in zip(articles["article_id"], articles["text"], strict=True) if a in need}
    drop = [isinstance(text_of.get(a), str) and in_domestic_name(text_of[a], int(s), int(e))
            for a, s, e in zip(sub["article_id"], sub["start"], sub["end"], strict=True)]
    if not any(drop):
        return hits
    keep = pd.Series(True, index=hits.index)
    keep[sub.index[drop]] = False
    return hits[keep.to_numpy()].reset_index(drop=True)
