"""The sentences behind an edge: where two actors are mentioned together."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .._tables import check_columns, check_option, legacy_arguments
from .counts import WINDOWS

__all__ = ["evidence", "window_span", "EVIDENCE_COLUMNS"]

EVIDENCE_COLUMNS = [
    "actor_a",
    "actor_b",
    "article_id",
    "window",
    "unit",
    "source",
    "published",
    "title",
    "surface_a",
    "surface_b",
    "start",
    "end",
    "text",
]

# A sentence ends at . ! ? ؟ … (plus closing quotes/brackets) followed by space and a capital,
# a digit, an opening quote or a non-Latin letter; a line break always ends it. Lower-case
# after the full stop ("U.S. officials") is not a boundary.
_SENT_END = re.compile(r"[.!?\u061f\u2026][\"'\u201d\u2019\u00bb)\]]*\s+(?=[^a-z\s])|\n")
_PARA_END = re.compile(r"\n[ \t]*\n")  # paragraphs: blank-line separated, as the loaders write


def window_span(
    text: str, start: int, end: int, *, level: Literal["sentence", "paragraph"] = "sentence"
) -> tuple[int, int]:
    """Character span of the sentence (or paragraph) around ``text[start:end]``.

    The span grows from ``start`` back to the previous boundary and from ``end``
    forward to the next one, so it always covers ``[start, end)`` even when an
    abbreviation inside it looks like a sentence end. Paragraphs end at blank lines.

    Parameters
    ----------
    text : str
        Article text.
    start, end : int
        Offsets of the first and last character (end exclusive) to cover.
    level : {"sentence", "paragraph"}
        Boundary rule.

    Returns
    -------
    tuple of int
        ``(span_start, span_end)``, leading and trailing spaces excluded.
    """
    pattern = _SENT_END if level == "sentence" else _PARA_END
    n = len(text)
    start, end = max(0, min(int(start), n)), max(0, min(int(end), n))
    lo = 0
    for m in pattern.finditer(text, max(0, start - 5000), min(n, start + 1)):  # +1: the look-ahead
        if m.end() <= start:
            lo = m.end()
    m = pattern.search(text, end)
    hi = n if m is None else (m.start() + len(m.group().rstrip()) if m.group().strip() else m.start())
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _pairs(edges_or_pair) -> list[tuple[str, str]]:
    if isinstance(edges_or_pair, pd.DataFrame):
        for c in ("actor_a", "actor_b"):
            if c not in edges_or_pair.columns:
                raise ValueError(
                    f"evidence: the edges lack column {c!r}; pass co_mentions() output "
                    "or a pair like ('russia', 'syria')."
                )
        pairs = zip(edges_or_pair["actor_a"].astype(str), edges_or_pair["actor_b"].astype(str), strict=False)
        return list(dict.fromkeys(pairs))
    if isinstance(edges_or_pair, pd.Series) and {"actor_a", "actor_b"} <= set(edges_or_pair.index):
        return [(str(edges_or_pair["actor_a"]), str(edges_or_pair["actor_b"]))]
    if isinstance(edges_or_pair, (tuple, list)) and len(edges_or_pair) == 2:
        a, b = (str(x) for x in edges_or_pair)
        return [(a, b)]
    raise TypeError(
        "evidence: pass an edges DataFrame, one edges row, or a pair of actor ids like "
        f"('russia', 'syria'), not {type(edges_or_pair).__name__}."
    )


@legacy_arguments("mentions", "articles")
def evidence(
    edges_or_pair: pd.DataFrame | pd.Series | Sequence[str],
    *,
    mentions: pd.DataFrame,
    articles: pd.DataFrame,
    window: Literal["sentence", "paragraph", "article"] = "sentence",
    n: int | None = 10,
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The windows (sentences by default) in which both actors of a pair are mentioned.

    Parameters
    ----------
    edges_or_pair : DataFrame, Series or pair of str
        Edges (each distinct ``actor_a, actor_b`` pair in row order), one edges row, or
        a pair of actor ids. To restrict to one outlet or period, filter ``mentions``.
    mentions : DataFrame
        ``article_id``, ``actor_id``, ``start``, ``end``, ``surface`` and the window
        column (``sentence`` or ``paragraph``).
    articles : DataFrame
        ``article_id``, ``text``; ``source``, ``published``, ``title`` when present.
    window : {"sentence", "paragraph", "article"}
        Window used for the edges. For ``"article"`` the text is the sentence of the
        first mention of each actor (joined by `` … `` when they differ).
    n : int or None
        At most this many windows per pair (None: all).
    sentences : DataFrame, optional
        Sentence spans ``article_id, sentence, start, end``, e.g.
        ``diplolib.segment.sentences(articles)`` (the splitter that numbers the
        mentions' sentences: exact agreement); without it the span is found around
        the mentions with :func:`window_span`.

    Returns
    -------
    DataFrame
        Columns ``actor_a, actor_b, article_id, window, unit`` (sentence/paragraph
        index; NA for articles), ``source, published, title, surface_a, surface_b``
        (first surface of each actor in the window), ``start, end`` (span in the
        article text) and ``text`` (``text[start:end]``). Pairs in input order; within
        a pair the most recent windows first (``published`` descending, undated last),
        then ``article_id`` and ``unit`` ascending.
    """
    pairs = _pairs(edges_or_pair)
    check_option(window, WINDOWS, func="evidence", name="window")
    need = ["article_id", "actor_id", "start", "end", "surface"] + ([window] if window != "article" else [])
    check_columns(mentions, need, func="evidence", name="mentions", fix="pass the mentions table from tag_actors()")
    check_columns(articles, ["article_id", "text"], func="evidence", name="articles",
                  fix="pass the articles table the mentions were tagged on")
    unit = window if window != "article" else None
    actor_set = {a for p in pairs for a in p}
    m = mentions.loc[mentions["actor_id"].astype(str).isin(actor_set), need].copy()
    m["actor_id"] = m["actor_id"].astype(str)
    m["_unit"] = m[unit] if unit else -1
    m = m.sort_values(["article_id", "_unit", "start", "end"], kind="stable")
    meta = articles.drop_duplicates("article_id").set_index("article_id")
    rows = []
    for a, b in pairs:
        ma, mb = m[m["actor_id"] == a], m[m["actor_id"] == b]
        keys = (
            ma[["article_id", "_unit"]].drop_duplicates().merge(mb[["article_id", "_unit"]].drop_duplicates())
        )
        if keys.empty:
            continue
        keys = keys[keys["article_id"].isin(meta.index)].copy()
        keys["published"] = (
            meta["published"].reindex(keys["article_id"]).to_numpy()
            if "published" in meta.columns
            else pd.NaT
        )
        keys = keys.sort_values(
            ["published", "article_id", "_unit"],
            ascending=[False, True, True],
            na_position="last",
            kind="stable",
        )
        if n is not None:
            keys = keys.head(n)
        for art, u in zip(keys["article_id"], keys["_unit"], strict=False):
            text = str(meta.at[art, "text"])
            ra = ma[(ma["article_id"] == art) & (ma["_unit"] == u)]
            rb = mb[(mb["article_id"] == art) & (mb["_unit"] == u)]
            start, end = _span(text, ra, rb, m, art, u, window, sentences)
            body = text[start:end] if isinstance(start, (int, np.integer)) else end
            rows.append(
                {
                    "actor_a": a,
                    "actor_b": b,
                    "article_id": art,
                    "window": window,
                    "unit": u if unit else pd.NA,
                    "source": meta.at[art, "source"] if "source" in meta.columns else pd.NA,
                    "published": meta.at[art, "published"] if "published" in meta.columns else pd.NaT,
                    "title": meta.at[art, "title"] if "title" in meta.columns else pd.NA,
                    "surface_a": ra["surface"].iloc[0],
                    "surface_b": rb["surface"].iloc[0],
                    "start": start if isinstance(start, (int, np.integer)) else pd.NA,
                    "end": end if isinstance(start, (int, np.integer)) else pd.NA,
                    "text": body,
                }
            )
    if not rows:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in EVIDENCE_COLUMNS})
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def _span(text, ra, rb, m, art, u, window, sentences):
    """(start, end) of the window text, or (None, text) for article windows."""
    if window == "article":
        parts = []
        for r in (ra, rb):
            s, e = window_span(text, int(r["start"].iloc[0]), int(r["end"].iloc[0]))
            if (s, e) not in [p[:2] for p in parts]:
                parts.append((s, e, text[s:e]))
        return None, " … ".join(p[2] for p in sorted(parts))
    if sentences is not None and window == "sentence":
        hit = sentences[(sentences["article_id"] == art) & (sentences["sentence"] == u)]
        if len(hit):
            return int(hit["start"].iloc[0]), int(hit["end"].iloc[0])
    inside = m[(m["article_id"] == art) & (m["_unit"] == u)]
    both = pd.concat([ra, rb, inside])
    return window_span(text, int(both["start"].min()), int(both["end"].max()), level=window)
