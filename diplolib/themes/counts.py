"""Counts per group of articles, the input of :func:`~diplolib.themes.keyterms.keyness`.

* :func:`word_counts` — tokens per group, with the tokenizer of :mod:`diplolib.tokens`
  (each article in its own language, its own stop words);
* :func:`theme_counts` — theme hits (or articles holding a theme) per group;
* :func:`actor_sentences` — the sentences (or paragraphs) that mention an actor, as a table
  shaped like ``articles``: feed it to :func:`word_counts` to count "what SANA says around Lavrov".

Every count table has the ``by`` columns, ``term``, ``n`` and ``total`` (the group's size: all
its tokens, hits or tagged articles), so that keyness stays right after rare terms are dropped.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Literal

import pandas as pd

from .._tables import as_list, check_by, check_columns, check_option, legacy_arguments
from ..segment import paragraph_spans, sentence_spans
from ..tokens import stop_words_for, tokenize

__all__ = ["word_counts", "theme_counts", "actor_sentences", "group_columns", "COUNT_COLUMNS"]

#: Columns of a count table after the ``by`` columns.
COUNT_COLUMNS = ["term", "n", "total"]


def group_columns(by: str | Sequence[str], table: pd.DataFrame, *, func: str, name: str) -> list[str]:
    """``by`` as a non-empty list of columns of ``table`` that the count table does not write itself."""
    cols = as_list(by)
    if not cols:
        raise ValueError(f"{func}: by is empty; name the column(s) that define the groups, e.g. by='source'.")
    check_columns(table, cols, func=func, name=name,
                  fix="pass by= one of its columns, or add the column first (e.g. a period from 'published')")
    check_by(cols, func=func, reserved=COUNT_COLUMNS)
    return cols


def _frame(rows: list[tuple], by_cols: list[str], source: pd.DataFrame, feature: str) -> pd.DataFrame:
    """The count table from ``(*key, term, n, total)`` rows, sorted by group, -n, term."""
    out = pd.DataFrame(rows, columns=[*by_cols, *COUNT_COLUMNS])
    for col in by_cols:
        try:
            out[col] = out[col].astype(source[col].dtype)
        except (TypeError, ValueError):  # keep the inferred dtype
            pass
    out["term"] = out["term"].astype("string")
    out["n"] = out["n"].astype("int64")
    out["total"] = out["total"].astype("int64")
    out = out.sort_values([*by_cols, "n", "term"], ascending=[True] * len(by_cols) + [False, True],
                          kind="mergesort", na_position="last").reset_index(drop=True)
    out.attrs["feature"] = feature
    out.attrs["by"] = tuple(by_cols)
    return out


def _groups(table: pd.DataFrame, by_cols: list[str]):
    """``(key tuple, row positions)`` for each group of ``table`` (missing values form a group)."""
    grouped = table.reset_index(drop=True).groupby(by_cols, dropna=False, sort=True, observed=True)
    for key, idx in grouped.indices.items():
        yield (key if isinstance(key, tuple) else (key,)), idx


def word_counts(
    articles: pd.DataFrame,
    *,
    by: str | Sequence[str],
    lang: str | None = None,
    stop_words: bool | Iterable[str] = True,
    lemmatize: bool = False,
    min_length: int = 2,
    unknown_lang: Literal["error", "none"] = "error",
    text: str = "text",
) -> pd.DataFrame:
    """Token counts per group of articles.

    Each text is split by :func:`diplolib.tokens.tokenize` in the article's own language
    (lower-cased, Arabic diacritics removed, numbers and one-letter words dropped).

    Parameters
    ----------
    articles : DataFrame
        ``text`` (or the column named by ``text``), the ``by`` columns and ``lang`` (unless
        ``lang`` is given). The table from :func:`actor_sentences` works too. Not modified.
    by : str or list of str
        Column(s) defining the groups (``"source"``, ``"lang"``, a period column...). Missing
        values form a group of their own.
    lang : str, optional
        Language of every article, overriding the ``lang`` column.
    stop_words : bool or iterable of str
        ``True``: drop the stop words of each article's language (:func:`diplolib.tokens.stop_words_for`);
        ``False``: keep every word; an iterable: drop these words instead (in every language;
        e.g. ``stop_words_for("en") | {"said"}``).
    lemmatize : bool
        Count simplemma lemmas instead of word forms.
    min_length : int
        Drop tokens shorter than this (the tokenizer already drops one-letter words).
    unknown_lang : {"error", "none"}
        An article whose language has no stop-word list (or no ``lang``): raise (default), or
        count its words without stop words.
    text : str
        Column holding the text.

    Returns
    -------
    DataFrame
        One row per (group, term): the ``by`` columns, ``term`` (string), ``n`` (occurrences,
        int64), ``total`` (all tokens of the group, int64); sorted by group, then ``n``
        descending, then ``term``. ``attrs["feature"] == "word"``. Groups without any token
        have no row.
    """
    by_cols = group_columns(by, articles, func="word_counts", name="articles")
    if text not in articles.columns:
        raise ValueError(f"word_counts: the articles table has no {text!r} column; pass text= the text column.")
    if lang is None and "lang" not in articles.columns:
        raise ValueError("word_counts: the articles table has no 'lang' column; pass lang='en' (or 'fr', 'ar').")
    if min_length < 1:
        raise ValueError(f"word_counts: min_length={min_length!r} must be at least 1.")
    texts = articles[text].tolist()
    langs = [lang] * len(articles) if lang is not None else articles["lang"].tolist()
    langs = [lg if isinstance(lg, str) and lg else None for lg in langs]
    custom = None if isinstance(stop_words, bool) else list(stop_words)
    stops: dict[str | None, frozenset[str]] = {}

    def stops_for(lg: str | None) -> frozenset[str]:
        if lg not in stops:
            if custom is not None:
                stops[lg] = frozenset(t for w in custom for t in tokenize(str(w), lg or "und"))
            elif not stop_words:
                stops[lg] = frozenset()
            elif lg is None:
                if unknown_lang != "none":
                    raise ValueError("word_counts: some articles have no 'lang'; fill the column, pass lang='en', "
                                     "or pass unknown_lang='none' to count them without stop words.")
                stops[lg] = frozenset()
            else:
                stops[lg] = stop_words_for(lg, missing=unknown_lang)
        return stops[lg]

    rows: list[tuple] = []
    for key, idx in _groups(articles[by_cols], by_cols):
        counter: Counter[str] = Counter()
        for i in idx:
            body = texts[i]
            if not isinstance(body, str) or not body:
                continue
            lg = langs[i]
            toks = tokenize(body, lg or "und", stop_words=stops_for(lg), lemmatize=lemmatize)
            counter.update(t for t in toks if len(t) >= min_length)
        total = sum(counter.values())
        rows.extend((*key, term, n, total) for term, n in counter.items())
    return _frame(rows, by_cols, articles, "word")


@legacy_arguments("articles")
def theme_counts(
    theme_hits: pd.DataFrame,
    *,
    articles: pd.DataFrame,
    by: str | Sequence[str],
    unit: Literal["hit", "article"] = "hit",
    level: Literal["theme", "parent"] = "theme",
) -> pd.DataFrame:
    """Theme counts per group of articles.

    Parameters
    ----------
    theme_hits : DataFrame
        Output of :func:`diplolib.themes.tag_themes` (``article_id``, ``theme``; ``parent`` for
        ``level="parent"``). Rows with ``theme`` ``<NA>`` mark articles that could not be tagged.
    articles : DataFrame
        ``article_id`` and the ``by`` columns (the tagged articles). Hits of articles not in this
        table are ignored; articles without hits count as tagged with no theme.
    by : str or list of str
        Column(s) of ``articles`` defining the groups.
    unit : {"hit", "article"}
        ``"hit"``: ``n`` = hits of the theme, ``total`` = all hits of the group;
        ``"article"``: ``n`` = articles with at least one hit of the theme, ``total`` = tagged
        articles of the group (untagged articles left out).
    level : {"theme", "parent"}
        Count themes, or their top-level theme (a top-level theme counts as itself).

    Returns
    -------
    DataFrame
        The ``by`` columns, ``term`` (theme id), ``n``, ``total`` (int64), sorted like
        :func:`word_counts`. ``attrs["feature"] == "theme"``.
    """
    hits = theme_hits
    check_option(unit, ("hit", "article"), func="theme_counts", name="unit")
    check_option(level, ("theme", "parent"), func="theme_counts", name="level")
    need = ["article_id", "theme"] + (["parent"] if level == "parent" else [])
    check_columns(hits, need, func="theme_counts", name="theme_hits", fix="pass the output of tag_themes()")
    check_columns(articles, ["article_id"], func="theme_counts", name="articles", fix="pass the tagged articles")
    by_cols = group_columns(by, articles, func="theme_counts", name="articles")
    meta = articles[["article_id", *by_cols]].drop_duplicates("article_id")
    untagged = set(hits.loc[hits["theme"].isna(), "article_id"])
    ok = hits.loc[hits["theme"].notna(), need]
    term = ok["theme"] if level == "theme" else ok["parent"].fillna(ok["theme"])
    ok = pd.DataFrame({"article_id": ok["article_id"].to_numpy(), "term": term.astype(str).to_numpy()})
    ok = ok.merge(meta, on="article_id", how="inner")
    if unit == "article":
        ok = ok.drop_duplicates(["article_id", "term"])
    keys = [*by_cols, "term"]
    n = ok.groupby(keys, dropna=False, sort=False, observed=True).size().rename("n").reset_index()
    if unit == "hit":
        total = ok.groupby(by_cols, dropna=False, sort=False, observed=True).size()
    else:
        tagged = meta.assign(_t=~meta["article_id"].isin(untagged))
        total = tagged.groupby(by_cols, dropna=False, sort=False, observed=True)["_t"].sum()
    n = n.merge(total.rename("total").reset_index(), on=by_cols, how="left")
    rows = list(n[[*keys, "n", "total"]].itertuples(index=False, name=None))
    return _frame(rows, by_cols, articles, "theme")


def _suggest(missing: list[str], known: set[str]) -> str:
    hints = {m: difflib.get_close_matches(m, sorted(known), n=3) for m in missing}
    return "; ".join(f"{m!r}: did you mean {h}?" for m, h in hints.items() if h)


@legacy_arguments("mentions", "actor")
def actor_sentences(
    articles: pd.DataFrame,
    *,
    mentions: pd.DataFrame,
    actor: str | Sequence[str],
    window: Literal["sentence", "paragraph"] = "sentence",
    mask: bool = True,
    text: str = "text",
) -> pd.DataFrame:
    """The sentences (or paragraphs) of each article that mention an actor.

    Sentences are numbered by :func:`diplolib.segment.sentence_spans` of the article's text,
    as in the ``sentence`` column of the mentions table (paragraphs by
    :func:`~diplolib.segment.paragraph_spans`).

    Parameters
    ----------
    articles : DataFrame
        ``article_id`` (unique), ``text`` and any metadata (``source``, ``lang``, ``published``...).
        Not modified.
    mentions : DataFrame
        Output of :func:`diplolib.actors.tag_actors` on these articles: ``article_id``,
        ``actor_id``, ``start``, ``end`` and the ``window`` column (``sentence`` or ``paragraph``).
    actor : str or list of str
        ``actor_id`` (or several): a sentence mentioning any of them is kept.
    window : {"sentence", "paragraph"}
        The unit kept around each mention.
    mask : bool
        Blank out (with spaces, so offsets stay valid) the mentions of ``actor`` itself:
        default ``True``, because the actor is in every kept sentence by construction and its
        spellings ("Sergei"/"Sergey") would otherwise top the key words. Other actors stay.
    text : str
        Column holding the text.

    Returns
    -------
    DataFrame
        One row per (article, sentence) that mentions the actor, in article then sentence order:
        the columns of ``articles`` (``text_match`` dropped), then ``sentence`` (or
        ``paragraph``, int64), ``start``, ``end`` (offsets of the unit in the article's text)
        and ``text`` (the unit's text, masked if ``mask``). ``article_id`` repeats.
    """
    check_option(window, ("sentence", "paragraph"), func="actor_sentences", name="window")
    check_columns(articles, ["article_id", text], func="actor_sentences", name="articles",
                  fix="pass load_articles() output")
    check_columns(mentions, ["article_id", "actor_id", "start", "end", window], func="actor_sentences",
                  name="mentions", fix="pass the output of tag_actors()")
    if articles["article_id"].duplicated().any():
        dup = articles.loc[articles["article_id"].duplicated(), "article_id"].iloc[0]
        raise ValueError(f"actor_sentences: article_id {dup!r} occurs more than once; ids must be unique.")
    wanted = [actor] if isinstance(actor, str) else list(actor)
    if not wanted:
        raise ValueError("actor_sentences: actor is empty; pass an actor_id such as 'per:sergey_lavrov'.")
    known = set(mentions["actor_id"].dropna().astype(str))
    absent = [a for a in wanted if a not in known]
    if len(absent) == len(wanted):
        raise ValueError(f"actor_sentences: no mention of {absent} in the mentions table. "
                         f"{_suggest(absent, known)} Pass an actor_id of the registry (see load_registry()).")
    sel = mentions.loc[mentions["actor_id"].isin(wanted), ["article_id", "start", "end", window]
                       + (["surface"] if "surface" in mentions.columns else [])]
    units: dict[object, set[int]] = {}
    spans: dict[object, list[tuple[int, int, object]]] = {}
    for row in sel.itertuples(index=False):
        units.setdefault(row.article_id, set()).add(int(getattr(row, window)))
        spans.setdefault(row.article_id, []).append((int(row.start), int(row.end), getattr(row, "surface", None)))
    cut = sentence_spans if window == "sentence" else paragraph_spans
    positions, numbers, starts, ends, bodies = [], [], [], [], []
    for pos, (aid, body) in enumerate(zip(articles["article_id"], articles[text], strict=True)):
        if aid not in units:
            continue
        body = body if isinstance(body, str) else ""
        for s, e, surface in spans[aid]:
            if e > len(body) or (isinstance(surface, str) and body[s:e] != surface):
                raise ValueError(f"actor_sentences: a mention of article {aid!r} at {s}:{e} does not match its "
                                 "text; run tag_actors() on this articles table.")
        segs = cut(body)
        for k in sorted(units[aid]):
            if not 0 <= k < len(segs):
                raise ValueError(f"actor_sentences: article {aid!r} has no {window} {k}; the mentions were made on "
                                 "another text: run tag_actors() on this articles table.")
            a, b = segs[k]
            chunk = list(body[a:b]) if mask else None
            if chunk is not None:
                for s, e, _ in spans[aid]:
                    for i in range(max(s, a), min(e, b)):
                        chunk[i - a] = " "
            positions.append(pos)
            numbers.append(k)
            starts.append(a)
            ends.append(b)
            bodies.append("".join(chunk) if chunk is not None else body[a:b])
    out = articles.iloc[positions].drop(columns=[text, "text_match"], errors="ignore").reset_index(drop=True)
    out[window] = pd.array(numbers, dtype="int64")
    out["start"] = pd.array(starts, dtype="int64")
    out["end"] = pd.array(ends, dtype="int64")
    out[text] = pd.array(bodies, dtype="string")
    return out
