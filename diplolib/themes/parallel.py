"""Themes on a parallel corpus: do the translations of a sentence get the same themes?

:func:`theme_agreement` reports, per theme and per direction between two languages, the share of
the sentences tagged with a theme in one language whose translation is tagged with it too;
:func:`theme_disagreements` lists the sentences where they differ, side by side, to fix the cues
of the language that misses (or over-fires). Made for the UNPC triples
(``../shared/data/unpc-ar-fr-en/unpc_parallel_sentences.jsonl``: ``id``, ``ar``, ``fr``, ``en``).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import permutations

import pandas as pd

from .._tables import check_columns
from .dictionary import ThemeDictionary
from .tagging import tag_themes

__all__ = ["parallel_themes", "theme_agreement", "theme_disagreements"]

_SEP = "\u241f"  # joins sentence id and language into an article id


def _check(parallel: pd.DataFrame, langs: Sequence[str], id_column: str, func: str) -> None:
    check_columns(parallel, [id_column, *langs], func=func, name="parallel",
                  fix="pass one row per aligned sentence with an id column and one text column per language")
    if len(set(langs)) < 2:
        raise ValueError(f"langs={list(langs)!r}: give at least two different languages")
    if parallel[id_column].duplicated().any():
        raise ValueError(f"{func}: column {id_column!r} has duplicate ids; give each aligned row its own id")


def parallel_themes(
    parallel: pd.DataFrame,
    *,
    langs: Sequence[str] = ("en", "fr", "ar"),
    id_column: str = "id",
    dictionary: ThemeDictionary | None = None,
    body: str | None = None,
    un_bodies: bool = False,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Which themes each language version of each aligned row has.

    Parameters
    ----------
    parallel : pandas.DataFrame
        One row per aligned sentence (or document): ``id_column`` and one text column per language
        in ``langs``; not modified.
    langs : sequence of str, default ("en", "fr", "ar")
        Language codes, also the names of the text columns.
    id_column : str, default "id"
        Column with a unique id per row.
    dictionary : ThemeDictionary, optional
        The shipped dictionary by default.
    body : str, optional
        Column naming each row's document body (the UNPC triples' ``organ``), for the cues bound to a body
        ("the Council" of a Security Council document; see :func:`tag_themes`).
    un_bodies : bool, default False
        Also read the UN-system bodies the actor tagger finds in each version, with the short forms resolved from
        the document (:func:`diplolib.actors.parallel_mentions`: the ``organ`` column is the issuing body, rows
        sharing ``doc_id`` are one document): each is a hit of the UN themes its names carry
        (:mod:`diplolib.themes.un_bodies`).
    mentions : pandas.DataFrame, optional
        With ``un_bodies``, the actor mentions of the rows when already computed: the output of
        :func:`diplolib.actors.parallel_mentions` on ``parallel`` (``article_id`` = the row's id, ``lang``);
        by default they are computed here.

    Returns
    -------
    pandas.DataFrame
        One row per (id, lang, theme) found: ``id``, ``lang``, ``theme``, ``n`` (hits).
    """
    _check(parallel, langs, id_column, "parallel_themes")
    if body is not None:
        check_columns(parallel, [body], func="parallel_themes", name="parallel",
                      fix="name with body= the column of document bodies (UNPC: 'organ'), or leave body out")
    ids = parallel[id_column].astype(str)
    bodies = parallel[body] if body is not None else ""
    articles = pd.concat(
        [pd.DataFrame({"article_id": ids + _SEP + lang, "lang": lang, "text": parallel[lang], "body": bodies})
         for lang in langs],
        ignore_index=True,
    )
    if un_bodies:
        mentions = _keyed(_mentions(parallel, langs, id_column) if mentions is None else mentions, langs)
    else:
        mentions = None
    hits = tag_themes(articles, dictionary=dictionary, body="body" if body is not None else None,
                      mentions=mentions, un_bodies=un_bodies)
    hits = hits[hits["theme"].notna()]
    parts = hits["article_id"].astype(str).str.rsplit(_SEP, n=1)  # (not expand=True: no hit gives no columns)
    found = pd.DataFrame({"id": parts.str[0], "lang": parts.str[1], "theme": hits["theme"].astype(str)})
    out = found.groupby(["id", "lang", "theme"], sort=True).size().rename("n").reset_index()
    return out.astype({"n": "int64"})


def _mentions(parallel: pd.DataFrame, langs: Sequence[str], id_column: str) -> pd.DataFrame:
    """The actor mentions of every version, short forms resolved from the document, keyed as the articles.

    The bodies the document names are read in every language column of the UNPC triples present (``en``, ``fr``,
    ``ar``), not only in ``langs``, so that comparing two languages resolves as comparing all three does."""
    from ..actors.agreement import parallel_mentions  # noqa: PLC0415 (the actor tagger loads on demand)

    document = "doc_id" if "doc_id" in parallel.columns else None
    every = list(dict.fromkeys([*langs, *(c for c in ("en", "fr", "ar") if c in parallel.columns)]))
    return parallel_mentions(parallel, langs=every, id_column=id_column, document=document)


def _keyed(mentions: pd.DataFrame, langs: Sequence[str]) -> pd.DataFrame:
    """The mentions of the versions in ``langs``, keyed as the articles :func:`parallel_themes` tags."""
    missing = {"article_id", "lang"} - set(mentions.columns)
    if missing:
        raise ValueError(f"parallel_themes: mentions lacks columns {sorted(missing)}; pass the output of "
                         "diplolib.actors.parallel_mentions on the same rows, or leave mentions out")
    m = mentions[mentions["lang"].isin(list(langs))]
    return m.assign(article_id=m["article_id"].astype(str) + _SEP + m["lang"].astype(str))


def _pairs(found: pd.DataFrame, langs: Sequence[str]) -> pd.DataFrame:
    """(id, theme, source, target, in_target) for every theme found in a source version."""
    rows = []
    for src, tgt in permutations(langs, 2):
        sub = found.loc[found["lang"] == src, ["id", "theme"]]
        there = found.loc[found["lang"] == tgt, ["id", "theme"]].assign(in_target=True)
        pair = sub.merge(there, on=["id", "theme"], how="left", validate="one_to_one")
        rows.append(pair.assign(source=src, target=tgt, in_target=pair["in_target"].notna().to_numpy()))
    return pd.concat(rows, ignore_index=True)[["id", "theme", "source", "target", "in_target"]]


def theme_agreement(
    parallel: pd.DataFrame,
    *,
    langs: Sequence[str] = ("en", "fr", "ar"),
    id_column: str = "id",
    dictionary: ThemeDictionary | None = None,
    body: str | None = None,
    un_bodies: bool = False,
    mentions: pd.DataFrame | None = None,
    scored: pd.Series | None = None,
) -> pd.DataFrame:
    """Per theme and direction, the share of a language's themes found in the translation too.

    Parameters
    ----------
    parallel, langs, id_column, dictionary, body, un_bodies, mentions
        As in :func:`parallel_themes`.
    scored : pandas.Series of bool, optional
        Aligned with ``parallel``: score only these rows. Every row is still tagged, so that a document's
        other sentences are its context (``un_bodies`` resolves short forms from them) whichever rows are
        scored: the UNPC check half is ``split_half(parallel["id"]) == "check"``
        (:func:`diplolib.actors.parallel_aliases.split_half`). All rows by default.

    Returns
    -------
    pandas.DataFrame
        ``source``, ``target``, ``theme`` (``"(all)"`` for all themes pooled: of the (row, theme)
        pairs found in ``source``, the share also found in ``target``), ``n_source`` (rows with the
        theme in ``source``), ``n_both``, ``agreement`` (``n_both / n_source``), sorted by direction
        then by ``n_source`` descending.
    """
    found = parallel_themes(parallel, langs=langs, id_column=id_column, dictionary=dictionary, body=body,
                            un_bodies=un_bodies, mentions=mentions)
    if scored is not None:
        if not scored.index.equals(parallel.index) or scored.dtype != bool:
            raise ValueError("theme_agreement: scored must be a boolean Series with the index of parallel "
                             "(e.g. split_half(parallel['id']) == 'check')")
        found = found[found["id"].isin(parallel.loc[scored, id_column].astype(str))]
    pairs = _pairs(found, langs)
    per = pairs.groupby(["source", "target", "theme"], sort=False)["in_target"].agg(n_source="size", n_both="sum")
    pooled = pairs.groupby(["source", "target"], sort=False)["in_target"].agg(n_source="size", n_both="sum")
    pooled = pooled.assign(theme="(all)").set_index("theme", append=True)
    out = pd.concat([pooled, per]).reset_index()
    out["agreement"] = out["n_both"] / out["n_source"]
    out["_all"] = out["theme"] != "(all)"
    out = out.sort_values(["source", "target", "_all", "n_source", "theme"], ascending=[True, True, True, False, True],
                          kind="stable")
    return out.drop(columns="_all").astype({"n_source": "int64", "n_both": "int64"}).reset_index(drop=True)


def theme_disagreements(
    parallel: pd.DataFrame,
    *,
    source: str,
    target: str,
    theme: str | None = None,
    id_column: str = "id",
    dictionary: ThemeDictionary | None = None,
    body: str | None = None,
    un_bodies: bool = False,
) -> pd.DataFrame:
    """The rows whose ``source`` version has a theme that their ``target`` version lacks, side by side.

    Parameters
    ----------
    parallel, id_column, dictionary, body, un_bodies
        As in :func:`parallel_themes`.
    source, target : str
        Languages (text columns) to compare.
    theme : str, optional
        Only this theme.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``theme``, ``source``, ``target``, ``source_text``, ``target_text``, one row per
        (row, theme) missed in ``target``, sorted by theme and id.
    """
    found = parallel_themes(parallel, langs=(source, target), id_column=id_column, dictionary=dictionary, body=body,
                            un_bodies=un_bodies)
    pairs = _pairs(found, (source, target))
    miss = pairs[(pairs["source"] == source) & ~pairs["in_target"]]
    if theme is not None:
        miss = miss[miss["theme"] == theme]
    texts = parallel[[id_column, source, target]].astype({id_column: str})
    texts = texts.rename(columns={id_column: "id", source: "source_text", target: "target_text"})
    out = miss.drop(columns="in_target").merge(texts, on="id", how="left")
    out = out.sort_values(["theme", "id"], kind="stable").reset_index(drop=True)
    return out[["id", "theme", "source", "target", "source_text", "target_text"]]
