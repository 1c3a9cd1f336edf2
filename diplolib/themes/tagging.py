"""Tagging articles with themes, and per-article theme scores."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from .._tables import check_columns, legacy_arguments
from ..segment import sentence_spans
from .addresses import drop_in_addresses
from .names import drop_in_names
from .batch import tag_columns
from .bodies import apply_body
from .dictionary import ThemeDictionary, load_themes
from .home_scope import drop_domestic
from .past_wars import drop_past_wars
from .joined import object_array
from .offsets import offset_map
from .rules import apply_scope, context_ok, context_rules
from .scan import scan_index, which_cue
from .un_bodies import body_hits, body_names, body_themes, read_in_place

__all__ = ["tag_themes", "theme_scores", "un_body_themes", "HIT_COLUMNS"]

#: Columns of the table returned by :func:`tag_themes`, in order.
HIT_COLUMNS = [
    "article_id",
    "lang",
    "theme",
    "parent",
    "start",
    "end",
    "surface",
    "sentence",
    "cue",
    "reason",
]
_REQUIRED = ("article_id", "lang", "text")


@lru_cache(maxsize=1)
def _default_dictionary() -> ThemeDictionary:
    return load_themes()


def _check_articles(articles: pd.DataFrame) -> None:
    check_columns(articles, _REQUIRED, func="tag_themes", name="articles",
                  fix="pass a table with 'article_id', 'lang' and 'text' (rename yours with .rename(columns=...))")


def _cue_index(dictionary: ThemeDictionary, lang: str) -> dict[str, list[tuple[str, re.Pattern]]]:
    """Theme → its include cues of ``lang`` as ``(cue, compiled regex)`` (built once per dictionary)."""

    def build() -> dict[str, list[tuple[str, re.Pattern]]]:
        inc = dictionary.cues[(dictionary.cues["lang"] == lang) & (dictionary.cues["kind"] == "include")]
        idx: dict[str, list[tuple[str, re.Pattern]]] = {}
        for theme, cue, pattern in inc[["theme", "cue", "pattern"]].itertuples(index=False):
            idx.setdefault(theme, []).append((cue, re.compile(pattern)))
        return {theme: sorted(cues, key=lambda c: -len(c[0])) for theme, cues in idx.items()}

    return dictionary.cached(("cue_index", lang), build)


def _hit_row(article_id, lang, theme, parent, text, match, index_map, starts, a: int, b: int, cues) -> tuple:
    """One hit: matching-form span ``[a, b)`` mapped back to the display text (trailing spaces trimmed)."""
    start, end = int(index_map[a]), int(index_map[b])
    while end > start and text[end - 1].isspace():
        end -= 1
    return (article_id, lang, theme, parent, start, end, text[start:end], max(bisect_right(starts, start) - 1, 0),
            which_cue(cues, match, a, b), pd.NA)


def _tag_one_exact(article_id, lang: str, text: str, dictionary: ThemeDictionary) -> list[tuple]:
    """The reference path: every theme's regex over the whole text (slow, kept to check the fast one)."""
    match, index_map = offset_map(text)
    spans = sentence_spans(text)
    starts = [a for a, _ in spans]
    cue_index = _cue_index(dictionary, lang)
    rules = context_rules(dictionary, lang)
    rows = []
    for theme, parent, inc, exc in dictionary.compiled(lang):
        blocked = [(m.start(), m.end()) for m in exc.finditer(match)] if exc is not None else []
        for m in inc.finditer(match):
            a, b = m.start(), m.end()
            if any(x < b and a < y for x, y in blocked):
                continue
            row = _hit_row(article_id, lang, theme, parent, text, match, index_map, starts, a, b,
                           cue_index.get(theme, []))
            rule = rules.get((theme, row[8])) if rules else None
            if rule is None or context_ok(rule, match, a, b):
                rows.append(row)
    return rows


def _tag_one(article_id, lang: str, text: str, dictionary: ThemeDictionary) -> list[tuple]:
    """Same rows as :func:`_tag_one_exact`: only the themes and stretches of text holding an anchor
    of one of their cues are scanned (see :func:`diplolib.themes.scan.scan_index`); the hits of an
    article are then placed in the display text, and in their sentences, all at once (numpy)."""
    match, index_map = offset_map(text)
    found = scan_index(dictionary, lang).scan(match)
    if not found:
        return []
    rules = context_rules(dictionary, lang)
    themes, parents, cues, aa, bb = [], [], [], [], []
    for theme, parent, matches, candidates in found:
        for a, b in matches:
            cue = which_cue(candidates, match, a, b)
            rule = rules.get((theme, cue)) if rules else None
            if rule is None or context_ok(rule, match, a, b):
                themes.append(theme)
                parents.append(parent)
                cues.append(cue)
                aa.append(a)
                bb.append(b)
    if not aa:
        return []
    starts = index_map[aa].tolist()
    ends = index_map[bb].tolist()
    for i, (s, e) in enumerate(zip(starts, ends, strict=True)):  # trailing spaces: rare, trimmed one by one
        while e > s and text[e - 1].isspace():
            e -= 1
        ends[i] = e
    first = np.fromiter((a for a, _ in sentence_spans(text)), dtype=np.int64)
    sentence = np.maximum(np.searchsorted(first, starts, side="right") - 1, 0).tolist()
    return [
        (article_id, lang, t, p, s, e, text[s:e], k, c, pd.NA)
        for t, p, s, e, k, c in zip(themes, parents, starts, ends, sentence, cues, strict=True)
    ]


def _untagged(article_id, lang, reason: str) -> tuple:
    return (article_id, lang, *([pd.NA] * (len(HIT_COLUMNS) - 3)), reason)


def tag_themes(
    articles: pd.DataFrame,
    *,
    dictionary: ThemeDictionary | None = None,
    langs: Sequence[str] | None = None,
    mentions: pd.DataFrame | None = None,
    registry=None,
    body: str | None = None,
    un_bodies: bool = False,
) -> pd.DataFrame:
    """Find the theme cues of the dictionary in each article.

    Cues are matched on the matching form of ``text`` (case-folded, accents and Arabic
    diacritics removed, letter variants unified) with word boundaries; Arabic cues also
    match after the proclitics و ف ب ك ل and the article ال. A hit overlapping an
    exclusion pattern of the same theme is dropped, and so is a hit whose cue has a context
    (``near``/``not_near`` neighbours) that the words around it do not satisfy. Offsets point into the display
    ``text`` (a ``text_match`` column, if present, is not used: the alignment is
    recomputed from ``text`` so that offsets are exact).

    Parameters
    ----------
    articles : pandas.DataFrame
        Columns ``article_id``, ``lang`` and ``text``; not modified.
    dictionary : ThemeDictionary, optional
        From :func:`load_themes`; the shipped dictionary by default.
    langs : sequence of str, optional
        Only tag articles in these languages (default: every language of the dictionary).
    mentions : pandas.DataFrame, optional
        Actor mentions of the same articles (:func:`diplolib.actors.tag_actors`: ``article_id``,
        ``actor_id``, ``sentence``). When given, hits of themes with ``scope: international``
        (the UN Security Council, phone calls between leaders) are dropped from sentences whose
        actors (two people or more) all belong to one state (see :mod:`diplolib.themes.rules`).
    registry : Registry, optional
        Gives each mentioned actor its state (default: the shipped actor registry); used with
        ``mentions`` only.
    body : str, optional
        Column of ``articles`` naming each document's issuing body ("Security Council"; from a UN symbol:
        :func:`diplolib.themes.bodies.un_body`). Cues bound to a body (``body:`` in the theme file: "the
        Council" of a Security Council document) fire only in that body's documents; without ``body`` never.
    un_bodies : bool, default False
        With ``mentions``: every mention of a UN-system body (its name, acronym, or a short form such as "the
        Council", "l'Organisation", المكتب that :func:`diplolib.actors.resolve_short_forms` resolved from the
        document) is also a hit of the UN themes the body's own names carry (``cue`` ``@`` + actor id; see
        :mod:`diplolib.themes.un_bodies`).

    Returns
    -------
    pandas.DataFrame
        One row per hit: ``article_id``, ``lang``, ``theme``, ``parent`` (top-level theme,
        ``<NA>`` for a top-level theme itself), ``start``, ``end`` (``text[start:end] ==
        surface``), ``surface``, ``sentence`` (0-based index within the article), ``cue``
        (the dictionary cue that matched), ``reason`` (``<NA>``).  Plus one row per article
        that could not be tagged, with ``theme`` ``<NA>`` and ``reason`` saying why (language
        without cues, language not selected, missing text).  Articles tagged without any
        hit have no row: their count is a true zero (see :func:`theme_scores`).

    Notes
    -----
    An Aho-Corasick automaton over literal anchors of the cues finds, in one pass, the few
    themes and places where a cue can match; only there are regexes run.  The result is
    the same table as running every theme's regex over the whole text (the tests compare
    both paths on real corpora; ``benchmarks/bench_themes.py`` times them).  The automaton
    and regexes are compiled on the first call per language and cached on the dictionary.
    """
    if body is not None:
        check_columns(articles, [body], func="tag_themes", name="articles",
                      fix="name with body= a column of articles giving each document's body, or leave body out")
    hits = _tag(articles, dictionary, langs, None, body)
    if mentions is None:
        if un_bodies:
            raise ValueError("tag_themes: un_bodies=True reads the UN bodies of the actor mentions; pass "
                             "mentions=tag_actors(articles) (with resolve_short_forms for 'the Council', 'l'Organisation')")
        return hits
    check_columns(mentions, ["article_id", "actor_id", "sentence"], func="tag_themes", name="mentions",
                  fix="pass the table of diplolib.actors.tag_actors() for the same articles")
    dictionary = dictionary if dictionary is not None else _default_dictionary()
    if un_bodies:
        hits = _with_body_hits(hits, mentions, articles, dictionary, langs)
    return apply_scope(hits, mentions, dictionary, registry)


def un_body_themes(dictionary: ThemeDictionary | None = None) -> pd.DataFrame:
    """The UN themes each UN-system body's mention carries (``actor_id``, ``theme``), generated from the body's names
    with ``dictionary`` (the shipped one by default) and built once per dictionary: see
    :func:`diplolib.themes.un_bodies.body_themes`."""
    dictionary = dictionary if dictionary is not None else _default_dictionary()

    def build() -> pd.DataFrame:
        names = body_names()
        return body_themes(names, _tag(names[["article_id", "lang", "text"]], dictionary, None, None), dictionary)

    return dictionary.cached(("un_body_themes",), build)


def _with_body_hits(hits, mentions, articles, dictionary, langs) -> pd.DataFrame:
    """``hits`` and the hits of the UN bodies the mentions name, in article order then by offset."""
    check_columns(mentions, ["start", "end", "surface"], func="tag_themes", name="mentions",
                  fix="pass the table of diplolib.actors.tag_actors() for the same articles")
    arts = articles if langs is None else articles[articles["lang"].isin(list(langs))]
    mentions = mentions[mentions["article_id"].isin(set(arts["article_id"]))]
    new = body_hits(hits, mentions, arts, un_body_themes(dictionary), dictionary)
    if new.empty:
        return hits
    surfaces = new[["lang", "surface"]].drop_duplicates(ignore_index=True).rename(columns={"surface": "text"})
    surfaces = surfaces.assign(article_id=[f"surface{i}" for i in range(len(surfaces))])
    new = new[~read_in_place(new, surfaces, _tag(surfaces, dictionary, None, None)).to_numpy()]
    return _sorted(pd.concat([hits, new.astype(hits.dtypes.to_dict())], ignore_index=True), articles)


def _tag_themes_exact(
    articles: pd.DataFrame,
    *,
    dictionary: ThemeDictionary | None = None,
    langs: Sequence[str] | None = None,
    body: str | None = None,
) -> pd.DataFrame:
    """:func:`tag_themes` by the reference path (no prefilter): the same table, ~5x slower.

    Kept to check the fast path (tests, ``benchmarks/bench_themes.py``).
    """
    return _tag(articles, dictionary, langs, _tag_one_exact, body)


def _tag(articles, dictionary, langs, tag_one, body=None) -> pd.DataFrame:
    _check_articles(articles)
    dictionary = dictionary if dictionary is not None else _default_dictionary()
    if body is None:  # no article has a body: its cues are not even looked for
        dictionary = dictionary.without_body_cues()
    available = set(dictionary.languages)
    selected = set(langs) if langs is not None else available
    unknown = sorted(set(selected) - available)
    if langs is not None and unknown:
        raise ValueError(
            f"langs {unknown} have no cues in the dictionary (it has {sorted(available)}): "
            "add cues for them in a theme file or drop them from langs"
        )
    rows: list[tuple] = []
    batch: dict[str, list[int]] = {}  # the batch path (tag_one None): positions of the articles to tag, by language
    table = articles[list(_REQUIRED)]
    # the columns as lists (the values itertuples gives, without its per-row Arrow scalar reads)
    for i, (article_id, lang, text) in enumerate(zip(*(table[c].tolist() for c in _REQUIRED), strict=True)):
        if pd.isna(lang) or lang not in available:
            rows.append(_untagged(article_id, lang, f"no cues for language {lang!r} in the theme dictionary"))
        elif lang not in selected:
            rows.append(_untagged(article_id, lang, f"language {lang!r} not in langs"))
        elif not isinstance(text, str) or not text.strip():
            rows.append(_untagged(article_id, lang, "no text"))
        elif tag_one is None:
            batch.setdefault(lang, []).append(i)
            continue
        else:
            rows.extend(tag_one(article_id, lang, text, dictionary))
            continue
        if tag_one is None:
            batch.setdefault(None, []).append(i)  # where the untagged row goes
    if tag_one is None:
        hits = _batch_table(table, rows, batch.pop(None, []), batch, dictionary)
    else:
        hits = pd.DataFrame.from_records(rows, columns=HIT_COLUMNS) if rows else pd.DataFrame(columns=HIT_COLUMNS)
    for col in ("start", "end", "sentence"):
        hits[col] = hits[col].astype("Int64")
    for col in ("lang", "theme", "parent", "surface", "cue", "reason"):
        hits[col] = hits[col].astype("string")
    hits = apply_body(hits, articles, body, dictionary)
    hits = drop_in_addresses(hits, articles)
    hits = drop_in_names(hits, articles)
    hits = drop_domestic(hits, articles, dictionary)
    hits = drop_past_wars(hits, articles, dictionary)
    return _sorted(hits, articles)


def _sorted(hits: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``hits`` sorted by (article's first place, start, end, theme), missing values first, stable: sort_values's
    order, from integer keys in one lexsort."""
    first = pd.Index(pd.unique(articles["article_id"]))  # each id's first place, looked up as a column
    keys = [first.get_indexer(hits["article_id"]).astype(np.int64)]
    keys += [hits[c].to_numpy(dtype=np.int64, na_value=-1) for c in ("start", "end")]  # offsets are >= 0
    keys.append(pd.factorize(hits["theme"], sort=True, use_na_sentinel=True)[0])  # <NA>: -1, first
    return hits.take(np.lexsort(keys[::-1])).reset_index(drop=True)


def _batch_table(table: pd.DataFrame, untagged: list[tuple], where_untagged: list[int],
                 batch: dict[str, list[int]], dictionary: ThemeDictionary) -> pd.DataFrame:
    """The rows of the untagged articles (at positions ``where_untagged``) and the hits of :func:`tag_columns` for
    the articles of each language (their positions in ``batch``), as columns in article order: the table
    ``pd.DataFrame.from_records`` makes of the per-article path's rows, with the dtypes :func:`_tag` gives it,
    built from numpy columns (no Python row per hit)."""
    ids, texts = table["article_id"].tolist(), table["text"].tolist()
    got = [(lang, np.asarray(where, dtype=np.int64), tag_columns([texts[i] for i in where], lang, dictionary))
           for lang, where in batch.items()]
    at = np.concatenate([np.asarray(where_untagged, dtype=np.int64), *(w[h["position"]] for _, w, h in got)])
    if not len(at):
        return pd.DataFrame(columns=HIT_COLUMNS)
    order = np.argsort(at, kind="stable")
    n = len(untagged)
    blank = object_array([pd.NA] * n)
    langs = [r[1] for r in untagged] + [lang for lang, _, h in got for _ in range(len(h["start"]))]
    cols = {"article_id": [ids[i] for i in at[order].tolist()], "lang": object_array(langs)}
    for c in ("theme", "parent", "surface", "cue"):
        cols[c] = np.concatenate([blank, *(h[c] for _, _, h in got)])
    cols["reason"] = object_array([r[-1] for r in untagged] + [pd.NA] * (len(at) - n))
    for c in ("start", "end", "sentence"):
        cols[c] = pd.arrays.IntegerArray(np.concatenate([np.zeros(n, dtype=np.int64), *(h[c] for _, _, h in got)]),
                                         np.arange(len(at)) < n)
    out = {c: v[order] if c != "article_id" else v for c, v in cols.items()}
    for c in ("lang", "theme", "parent", "surface", "cue", "reason"):
        out[c] = pd.array(out[c], dtype="string")
    return pd.DataFrame({c: out[c] for c in HIT_COLUMNS})


@legacy_arguments("articles")
def theme_scores(
    theme_hits: pd.DataFrame,
    *,
    articles: pd.DataFrame,
    dictionary: ThemeDictionary | None = None,
) -> pd.DataFrame:
    """Article × theme counts and shares, with untagged articles kept apart.

    Parameters
    ----------
    theme_hits : pandas.DataFrame
        Output of :func:`tag_themes`.
    articles : pandas.DataFrame
        The tagged articles (``article_id`` at least); every article gets a row per theme.
    dictionary : ThemeDictionary, optional
        Gives the list of themes (those with cues); the shipped dictionary by default.

    Returns
    -------
    pandas.DataFrame
        ``article_id``, ``theme``, ``parent``, ``n`` (hits, ``Int64``), ``share`` (``n`` over
        the article's hits of all themes; 0 when it has none), ``tagged`` (False when the
        article could not be tagged: then ``n`` and ``share`` are ``<NA>``, never 0).
    """
    hits = theme_hits
    check_columns(articles, ["article_id"], func="theme_scores", name="articles", fix="pass the table given to "
                  "tag_themes()")
    dictionary = dictionary if dictionary is not None else _default_dictionary()
    with_cues = set(dictionary.cues.loc[dictionary.cues["kind"] == "include", "theme"])
    themes = dictionary.themes[dictionary.themes["theme"].isin(with_cues)][["theme", "parent"]]
    ok = hits[hits["theme"].notna()]
    untagged = set(hits.loc[hits["theme"].isna(), "article_id"]) if "reason" in hits.columns else set()
    ids = pd.DataFrame({"article_id": pd.unique(articles["article_id"])})
    grid = ids.merge(themes, how="cross")
    counts = ok.groupby(["article_id", "theme"], sort=False).size().rename("n").reset_index()
    out = grid.merge(counts, on=["article_id", "theme"], how="left")
    out["n"] = out["n"].fillna(0).astype("Int64")
    total = out.groupby("article_id", sort=False)["n"].transform("sum")
    out["share"] = (out["n"] / total.where(total > 0)).astype("Float64").fillna(0.0)
    out["tagged"] = ~out["article_id"].isin(untagged)
    out.loc[~out["tagged"], ["n", "share"]] = pd.NA
    out["parent"] = out["parent"].astype("string")
    return out[["article_id", "theme", "parent", "n", "share", "tagged"]].reset_index(drop=True)
