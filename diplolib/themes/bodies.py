"""Cues read only in the documents of one body: anaphora such as "the Council" in a Security Council document.

A UN document names its issuing body once and then refers back to it: "the Council", "le Conseil", المجلس in a
Security Council document are the Security Council. A cue written ``{cue: the council, body: [security council]}``
fires only in the articles whose body (a column given to :func:`~diplolib.themes.tag_themes` as ``body=``) is one
of the names listed (compared case-folded, spaces collapsed); without ``body=``, or in any other document, it never
fires, so that news text never reads "the Council" as the UN's. :func:`un_body` gives the body a UN document symbol
names (the UNPC triples carry it as ``organ``).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["UN_BODIES", "un_body", "apply_body"]

#: The bodies a UN document symbol names by its first part (the longest prefix first).
UN_BODIES = (("A/HRC/", "Human Rights Council"), ("S/", "Security Council"), ("A/", "General Assembly"),
             ("E/", "Economic and Social Council"))


def un_body(symbols: pd.Series) -> pd.Series:
    """The body each UN document symbol names (``S/2015/29`` → "Security Council"), ``""`` when it names none.

    Parameters
    ----------
    symbols : pandas.Series
        UN document symbols (``S/…``, ``A/…``, ``A/HRC/…``, ``E/…``); missing values give ``""``.
    """
    sym = symbols.astype("string").fillna("").str.strip().str.upper()
    out = pd.Series("", index=symbols.index, dtype=object)
    done = pd.Series(False, index=symbols.index)
    for prefix, body in UN_BODIES:
        hit = sym.str.startswith(prefix).to_numpy(dtype=bool) & ~done.to_numpy()
        out[hit] = body
        done |= hit
    return out


def _norm(values: pd.Series) -> pd.Series:
    return values.astype("string").fillna("").str.casefold().str.split().str.join(" ").fillna("")


def apply_body(hits: pd.DataFrame, articles: pd.DataFrame, body: str | None, dictionary) -> pd.DataFrame:
    """``hits`` without the hits of cues bound to a body (``body:`` in the theme file) in articles of another body.

    ``body`` names the column of ``articles`` holding each article's body (``None``: no article has one, and every
    body-bound cue's hits are dropped).
    """
    cues = dictionary.cues
    bound = cues[(cues["kind"] == "include") & (cues["body"] != "")]
    if bound.empty or hits.empty:
        return hits
    need = dict(zip(zip(bound["theme"], bound["lang"], bound["cue"], strict=True), bound["body"], strict=True))
    key = list(zip(hits["theme"].astype(object), hits["lang"].astype(object), hits["cue"].astype(object),
                   strict=True))
    req = pd.Series([need.get(k, "") for k in key], index=hits.index, dtype=object)
    if not (req != "").any():
        return hits
    if body is None:
        return hits[(req == "").to_numpy()].reset_index(drop=True)
    of = dict(zip(articles["article_id"], _norm(articles[body]), strict=True))
    have = hits["article_id"].map(of).fillna("")
    ok = [r == "" or h in r.split("|") for r, h in zip(req, have, strict=True)]
    return hits[ok].reset_index(drop=True)
