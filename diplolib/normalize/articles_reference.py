"""The articles table of a chunk of raw records built record by record: the definition of its semantics.

:func:`chunk_table_reference` makes one dict per article row; the table :func:`normalize_articles` builds column
by column (``_chunk_table`` in :mod:`~diplolib.normalize.articles`) must stay equal to it, which
``tests/test_normalize_columnar.py`` checks. Not used when loading.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd

from ..readers.common import date_precision
from .article_dates import DateCache, origin_file, supplied_date, supplied_precision
from .articles import article_language, articles_frame, given_article_id, text_or_none
from .bodies import Body

__all__ = ["chunk_table_reference"]


def chunk_table_reference(cols: dict[str, list[Any]], n: int, lo: int, codes: list[int], bodies: list[Body],
                          extra: pd.DataFrame | None, on: frozenset[str], dates: DateCache,
                          dayfirst: dict[str, bool | None], published: Any, tz: str,
                          seen: dict[str, int], published_column: pd.Series | None = None,
                          row0: int = 0) -> pd.DataFrame:
    """``_chunk_table`` of :mod:`~diplolib.normalize.articles` record by record: one dict per article row (the
    definition the columns must keep)."""
    names = list(cols)
    langs: dict[tuple[int, str | None], list[tuple[str | None, bool]]] = {}
    rows: list[dict[str, Any]] = []
    positions: list[int] = []
    for pos, (values, code) in enumerate(zip(zip(*cols.values(), strict=True), codes, strict=True), start=lo):
        r = dict(zip(names, values, strict=True))
        origin = str(r["origin"]) if text_or_none(r["origin"]) else f"row {row0 + pos}"
        n_seen = seen.get(origin, 0)
        seen[origin] = n_seen + 1
        id_base = origin if n_seen == 0 else f"{origin}\x1f{n_seen}"
        given = given_article_id(r.get("article_id"), seen)
        hint = text_or_none(r.get("lang"))
        if (code, hint) not in langs:
            langs[code, hint] = [article_language(hint, part, on) for part in bodies[code].parts]
        for row in _record_articles(r, origin, given or id_base, bodies[code], langs[code, hint], on, dates,
                                    dayfirst.get(origin_file(origin)), published, tz, given_id=given is not None):
            rows.append(row)
            positions.append(pos)
    return articles_frame(rows, positions, extra, tz=tz)


def _record_articles(r: dict[str, Any], origin: str, id_base: str, body: Body, langs: list[tuple[str | None, bool]],
                     on: frozenset[str], dates: DateCache, dayfirst: bool | None, published: Any, tz: str, *,
                     given_id: bool = False) -> list[dict[str, Any]]:
    """The article rows of one raw record (one per dispatch of its ``body``, with their languages ``langs``);
    with ``given_id`` ``id_base`` is the source's own id, used as is for the first dispatch and as ``<id>-<k>``
    for the next ones."""
    meta_date = r.get("published")
    try:
        if isinstance(meta_date, str):
            meta_ts = dates.parse(meta_date, dayfirst) if "dates" in on else None
        else:
            meta_ts = dates.convert(meta_date)
    except (TypeError, ValueError):  # an unreadable date is unknown, not fatal
        meta_ts = None
    given_precision = text_or_none(r.get("published_precision"))
    rows = []
    for k, part in enumerate(body.parts):
        ts, precision = meta_ts, (given_precision or date_precision(meta_date)) if meta_ts is not None else None
        if ts is None and "dates" in on and part["dateline"]:
            ts = dates.parse(part["dateline"])
            precision = "day" if ts is not None else None
        if ts is None:
            ts = supplied_date(published, origin, tz)
            precision = supplied_precision(published, origin) if ts is not None else None
        lang, mismatch = langs[k]
        rows.append({
            "article_id": ((id_base if k == 0 else f"{id_base}-{k}") if given_id
                           else hashlib.sha1(f"{id_base}\x1f{k}".encode()).hexdigest()[:16]),
            "source": text_or_none(r.get("source")), "lang": lang, "published": ts,
            **part,
            "url": text_or_none(r.get("url")), "origin": origin, "duplicate_of": None,
            "n_replacement_chars": body.n_bad if k == 0 else 0,
            "published_precision": precision, "lang_mismatch": mismatch,
            "format": text_or_none(r.get("format")),
        })
    return rows
