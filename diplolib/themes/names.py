"""English hits inside the name of an advocacy group, a charity or a federal agency are no theme.

"Human Rights Campaign", "the Federal Trade Commission", "the Federal Tariff Service": a cue written with capitals
inside a run of capitalised words that names an advocacy group or a charity (the run ends in "Campaign",
"Foundation" or "Association") or a federal agency ("Federal" just before the cue, an agency's head
after it) names that body, not the theme: the White House readouts list such bodies among a meeting's participants,
and their antitrust, tariff or LGBTQ+ policy is no trade or rights abuse (issue 16, eighth- and ninth-round
readings). A name with an international word in it ("International Trade Commission", "World Energy Foundation",
"UN Human Rights Campaign") is kept: its body works between states. English only: French and Arabic do not write a
name's every word with a capital.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["in_domestic_name", "drop_in_names"]

# the last word of the name of an advocacy group or a charity (a company's name is left alone: "Nord Stream AG",
# "Rosatom State Nuclear Energy Corporation" name their sector, and news about them is about it)
_HEADS = frozenset({"campaign", "foundation", "association"})
# the head of a federal agency's name, within two words of the cue ("Federal Trade Commission", "Federal Energy
# Regulatory Commission"); a federal law or directorate named after its subject ("Federal Law On the Ratification of
# the Agreement", "Federal Directorate for ... Chemical Weapons") keeps its hits
_AGENCIES = frozenset({"commission", "agency", "service", "bureau", "administration", "reserve", "board"})
# a word that makes a name international (kept)
_INTERNATIONAL = frozenset({"international", "world", "global", "united", "nations", "un", "u.n", "european", "eu",
                            "african", "arab", "asian", "islamic", "intergovernmental", "inter", "joint", "regional"})
_CONNECTOR = r"(?:of|for|and|on|the|&)"
_WORD = r"[A-Z][\w'&]*\.?"
_RIGHT = re.compile(rf"(?:[ -](?:{_CONNECTOR} )*{_WORD})*")
_LEFT = re.compile(rf"(?:{_WORD}[ -](?:{_CONNECTOR} )*)*\Z")
_WORDS = re.compile(r"[A-Za-z][\w'.&]*")
_LOOK = 120  # characters of a name around the hit


# what a text holding such a name holds (the texts worth a closer look), and a hit's quick test
_MAYBE = ("Federal ", "Campaign", "Foundation", "Association")
_TAIL_HEADS = ("Campaign", "Foundation", "Association")


def _near_head(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` follows "Federal " or has a head of :data:`_HEADS` (with its capital) within
    :data:`_LOOK` characters after it: what :func:`in_domestic_name` needs, as substring tests (names written in
    capitals only, "HUMAN RIGHTS CAMPAIGN", are not looked at)."""
    if text.startswith("Federal ", max(0, start - 8)):
        return True
    after = text[end:end + _LOOK]
    return any(h in after for h in _TAIL_HEADS)


def in_domestic_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (English) is part of the name of an advocacy group, a charity or a federal
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
    after = lower[before + len(words):]
    if before and lower[before - 1] == "federal":  # "the Federal Trade Commission" (not "Federal Law On the ...")
        return bool(_AGENCIES.intersection(after[:2]))
    return bool(after) and lower[-1] in _HEADS


def drop_in_names(hits: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``hits`` (of :func:`~diplolib.themes.tag_themes`) without the English hits inside the name of an advocacy
    group, a charity or a federal agency (:func:`in_domestic_name`).

    Only English hits whose surface starts with a capital, in texts holding "Federal " or a head, and that pass a
    substring test are looked at one by one (the test was 12% of ``tag_themes``' time on FA-KES x 3 without them).
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
    text_of = {a: t for a, t in zip(articles["article_id"].tolist(), articles["text"].tolist(), strict=True)
               if a in need and isinstance(t, str) and any(w in t for w in _MAYBE)}
    if not text_of:
        return hits
    sub = sub[sub["article_id"].isin(text_of.keys()).to_numpy(dtype=bool)]
    drop = [_near_head(text_of[a], s, e) and in_domestic_name(text_of[a], s, e)
            for a, s, e in zip(sub["article_id"].tolist(), sub["start"].tolist(), sub["end"].tolist(), strict=True)]
    if not any(drop):
        return hits
    keep = pd.Series(True, index=hits.index)
    keep[sub.index[drop]] = False
    return hits[keep.to_numpy()].reset_index(drop=True)
