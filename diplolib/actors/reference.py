"""The per-article reference path of actor tagging: one scan, one check and one resolution per hit, in Python.

:func:`tag_actors_reference` is the plain reading of the rules of :mod:`diplolib.actors.tagger`; the fast path,
:func:`diplolib.actors.tagger.tag_actors`, works on a whole partition at once and must give the same table
(tests/test_actors_partition.py compares them on every sample corpus).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

import numpy as np
import pandas as pd
import pyarrow as pa

from ..segment import paragraph_spans, sentence_spans
from .apposed_names import apposed_other_names
from .coordination import nearest_first
from .eponyms import named_after_people
from .hit_columns import Hits, object_array
from .matcher import ActorMatcher
from .split_titles import may_have_split_title, split_titles
from .staff_titles import staff_title_heads
from .state_bodies import state_qualified_councils
from .state_lists import listed_states
from .us_states import us_state_georgia

__all__ = ["tag_actors_reference", "MENTION_COLUMNS", "string_column"]

MENTION_COLUMNS = ["article_id", "actor_id", "start", "end", "surface", "sentence", "paragraph", "method",
                   "alias_kind", "reason"]


def mentions_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The column types of the mentions table."""
    return frame.astype({"start": "int64", "end": "int64", "sentence": "int64", "paragraph": "int64",
                         "actor_id": "string", "reason": "string"})


def string_column(values: list):
    """``values`` (str or None) as the ``str`` column ``pd.DataFrame`` would infer from the list, built by Arrow
    directly (3x faster than pandas' inference); the list itself when it holds no string (pandas then keeps
    ``object``)."""
    arr = pa.array(values, type=pa.large_string())
    if arr.null_count == len(arr):
        return values
    return pd.array(arr, dtype=pd.StringDtype("pyarrow", na_value=np.nan))


def through_last(body: str, last: int) -> str:
    """The part of ``body`` that decides the sentence index of offsets up to ``last``.

    When ``body[last]`` is a letter or digit, the sentence boundaries before it do not depend on what follows
    it (a boundary's look-ahead stops at the first such character), so the sentences of ``body[:last + 1]``
    start where those of ``body`` do, and segmenting the tail after the last mention can be skipped.
    """
    return body[:last + 1] if last + 1 < len(body) and body[last].isalnum() else body


def _locate(starts: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """:func:`diplolib.segment.locate` as a list of Python ints."""
    firsts = [a for a, _ in spans]
    return [bisect_right(firsts, s) - 1 for s in starts]


def article_dates(articles: pd.DataFrame) -> list:
    """The day of each article's ``published`` date (naive UTC Timestamps), None where unknown or absent."""
    if "published" not in articles.columns:
        return [None] * len(articles)
    published = pd.to_datetime(articles["published"], errors="coerce", utc=True)
    return [None if pd.isna(d) else d for d in published.dt.tz_localize(None).dt.normalize()]


def _councils(matcher: ActorMatcher, body: str, hits: list, resolved: list) -> list:
    """:func:`~diplolib.actors.state_bodies.state_qualified_councils` and
    :func:`~diplolib.actors.state_lists.listed_states` and
    :func:`~diplolib.actors.eponyms.named_after_people` and
    :func:`~diplolib.actors.staff_titles.staff_title_heads` and
    :func:`~diplolib.actors.apposed_names.apposed_other_names` on one article's hits."""
    cols = [c[:3] for c in hits]
    one = Hits(np.zeros(len(hits), dtype=np.int64), np.array([c[0] for c in cols], dtype=np.int64),
               np.array([c[1] for c in cols], dtype=np.int64), object_array([c[2] for c in cols]),
               np.zeros(len(hits), dtype=np.int64))
    columns = [object_array([r[c] for r in resolved]) for c in range(4)]
    state_qualified_councils([body], one, columns, matcher.kind_of)
    listed_states(matcher, [body], one, columns)
    named_after_people([body], one, columns, matcher.kind_of)
    staff_title_heads([body], one, columns, matcher.kind_of)
    apposed_other_names(matcher, [body], one, columns)
    us_state_georgia([body], one, columns)
    return list(zip(*(c.tolist() for c in columns), strict=True))


def tag_actors_reference(articles: pd.DataFrame, matcher: ActorMatcher, *, text: str = "text") -> pd.DataFrame:
    """The mentions table of :func:`~diplolib.actors.tagger.tag_actors`, computed one article and one hit at a time."""
    dates = article_dates(articles)
    rows: list[tuple] = []
    kind_of = matcher.kind_of
    sources = articles["source"].tolist() if "source" in articles.columns else [None] * len(articles)
    datelines = articles["dateline"].tolist() if "dateline" in articles.columns else [None] * len(articles)
    for aid, body, published, source, dateline in zip(articles["article_id"], articles[text], dates, sources,
                                                      datelines, strict=True):
        if not isinstance(body, str) or not body:
            continue
        hits = matcher.common_words(body, matcher.scan(body))
        hits = matcher.coordinate(body, matcher.merge_counterparts(body, hits))
        if may_have_split_title(body):
            hits = split_titles(matcher, body, hits)
        if not hits:
            continue
        when = published
        resolved = [matcher.resolve(body, key, s, e, when) for s, e, key in hits]
        if any(r[2] == "context_role" for r in resolved):
            resolved, hits = matcher.resolve_context(body, hits, resolved, when, source, dateline)
        resolved = _councils(matcher, body, hits, resolved)
        starts = [h[0] for h in hits]
        sent_of = _locate(starts, sentence_spans(through_last(body, max(starts))))
        para_of = _locate(starts, paragraph_spans(body))
        by_sentence: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for (actor, *_), si, st in zip(resolved, sent_of, starts, strict=True):
            if actor and kind_of.get(actor) == "person":
                by_sentence[si].append((st, actor))
        for (s, e, key), (actor, method, kind, reason), si, pi in zip(hits, resolved, sent_of, para_of, strict=True):
            if reason == "counterpart":
                found = matcher.counterpart(key, body[s:e], nearest_first(by_sentence.get(si, []), s), when)
                if found:
                    actor, reason = found, None
            rows.append((aid, actor, s, e, body[s:e], si, pi, method, kind, reason))
    return mentions_frame(pd.DataFrame(rows, columns=MENTION_COLUMNS))
