"""The text steps of a chunk of raw records, once per distinct (title, text), as passes over the chunk.

The cleaned title and text of a record, its dispatches (boilerplate, byline, credits, split, dateline, repeated
title) and the matching form of each dispatch depend on the raw title and text alone. Agency copy repeats
verbatim (one wire story in several feeds, a page fetched twice, a corpus concatenated from overlapping dumps), so
:func:`chunk_bodies` works out each distinct pair once and hands the same result to every record holding it; the
cleaners and the matching form run over the whole chunk (:mod:`diplolib.normalize.columnar`), the article-level
steps record by record (:func:`split_record`).

Examples
--------
>>> codes, bodies = chunk_bodies(["T", "T", None], ["Le  texte.", "Le  texte.", "x"], frozenset({"clean"}))
>>> codes, bodies[0].parts[0]["text"], bodies[0].parts[0]["text_match"]
([0, 0, 1], 'Le texte.', 'le texte.')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .columnar import clean_texts, matching_forms
from .dispatch import (
    remove_boilerplate,
    split_byline,
    split_credits,
    split_dispatches,
    split_header,
    strip_repeated_title,
)
from .text import count_replacement_chars

__all__ = ["Body", "chunk_bodies", "split_record"]


@dataclass(frozen=True)
class Body:
    """What the text steps make of one distinct (title, text): U+FFFD count of the raw pair and the dispatches
    (dicts with ``title``, ``text``, ``byline``, ``dateline``, ``credits``, ``text_match``)."""

    n_bad: int
    parts: list[dict[str, Any]]


def split_record(title: str | None, text: str, on: frozenset[str]) -> list[dict[str, Any]]:
    """The article-level steps on one cleaned record: a list of dicts (title, text, byline, dateline, credits)."""
    if "boilerplate" in on:
        text = remove_boilerplate(text)
    page_by = page_cr = ""
    if "byline" in on:
        text, page_by = split_byline(text)
    if "credits" in on:
        text, page_cr = split_credits(text)
        if "byline" in on and not page_by:  # "… - REUTERS" may close the text after a byline line
            text, page_by = split_byline(text)
    parts = split_dispatches(text, title) if "split" in on else [(title, text)]
    out = []
    for k, (t, body) in enumerate(parts):
        own_by = own_cr = head_cr = dateline = ""
        if k < len(parts) - 1:  # the last dispatch's tail was read at page level
            if "byline" in on:
                body, own_by = split_byline(body)
            if "credits" in on:
                body, own_cr = split_credits(body)
        title_for_header = t if "title" in on else None
        if "dateline" in on:
            dateline, head_cr, body = split_header(body, title_for_header)
        elif title_for_header:
            body = strip_repeated_title(body, title_for_header)
        # a page-level byline or credit (the page's editors, its agency) applies to every dispatch of the page
        out.append({"title": t, "text": body.strip(), "byline": own_by or page_by or None,
                    "dateline": dateline or None, "credits": own_cr or head_cr or page_cr or None})
    return out


def _distinct(titles: Sequence[Any], texts: Sequence[Any]) -> tuple[list[int], list[str | None], list[str]]:
    """Code of each record's (title, text) pair, and the distinct pairs (non-strings: None title, "" text)."""
    index: dict[tuple[str | None, str], int] = {}
    codes = []
    for title, text in zip(titles, texts, strict=True):
        key = (title if isinstance(title, str) else None, text if isinstance(text, str) else "")
        codes.append(index.setdefault(key, len(index)))
    return codes, [k[0] for k in index], [k[1] for k in index]


def chunk_bodies(titles: Sequence[Any], texts: Sequence[Any], on: frozenset[str]) -> tuple[list[int], list[Body]]:
    """The :class:`Body` of every distinct (title, text) of a chunk of records and each record's code into them.

    Same values as the steps run record by record: ``clean`` (titles and texts cleaned over the chunk; an empty
    cleaned title is None), the article-level steps of :func:`split_record` (a record whose steps fail keeps
    its cleaned text whole, as one dispatch), the matching form of every dispatch (over the chunk).
    """
    codes, raw_titles, raw_texts = _distinct(titles, texts)
    n_bad = [count_replacement_chars(t) + count_replacement_chars(x) for t, x in zip(raw_titles, raw_texts,
                                                                                    strict=True)]
    if "clean" in on:
        cleaned = clean_texts([t for t in raw_titles if t])
        it = iter(cleaned)
        clean_titles = [(next(it) or None) if t else t for t in raw_titles]
        clean_bodies = clean_texts(raw_texts)
    else:
        clean_titles, clean_bodies = raw_titles, raw_texts
    all_parts = []
    for title, text in zip(clean_titles, clean_bodies, strict=True):
        try:
            all_parts.append(split_record(title, text, on))
        except Exception:  # batch work never crashes on one record: keep it whole
            all_parts.append([{"title": title, "text": text, "byline": None, "dateline": None, "credits": None}])
    forms = iter(matching_forms([p["text"] for parts in all_parts for p in parts]))
    for parts in all_parts:
        for p in parts:
            p["text_match"] = next(forms)
    return codes, [Body(b, parts) for b, parts in zip(n_bad, all_parts, strict=True)]
