"""Cross-lingual agreement of actor tagging on parallel sentences (``../shared/data/unpc-ar-fr-en``).

The same sentence in Arabic, French and English names the same actors. :func:`crosslingual_agreement`
tags every language of a table of parallel sentences and reports, for each ordered pair of languages, the
share of the actors found in the first that are also found in the second (per sentence, summed over
sentences). :func:`alias_confirmation` turns the same data around: for every alias that matched, how often
its actor was also found in the other languages of the sentence; an alias that is rarely confirmed is a
word that only looks like a name in its language (Arabic القطرية "national" ≠ Qatar), which the common-word
sweep (:mod:`diplolib.actors.sweep`) reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import permutations

import pandas as pd

from .document_authors import other_author
from .document_series import series_bodies
from .matcher_cache import as_matcher
from .registry import Registry
from .short_forms import document_voice, resolve_short_forms
from .tagger import ActorMatcher, tag_actors

__all__ = ["parallel_mentions", "crosslingual_agreement", "alias_confirmation"]


def parallel_mentions(triples: pd.DataFrame, *, langs: Sequence[str] = ("en", "fr", "ar"),
                      registry: Registry | ActorMatcher | None = None, published: str = "2015-07-01",
                      id_column: str = "id", short_forms: bool = True, document: str | None = "doc_id",
                      un_text: bool | None = None) -> pd.DataFrame:
    """The mentions of every language column of ``triples`` (one row per sentence, one column per language).

    Parameters
    ----------
    triples : DataFrame
        ``id_column`` and one text column per language in ``langs``; a ``published`` column when present
        dates role phrases, otherwise ``published`` (UNPC's sentences are all from 2015).
    langs : sequence of str
        The language columns.
    registry : Registry or ActorMatcher, optional
        Defaults to the built-in registry.
    short_forms : bool
        Also resolve the short forms of UN-system bodies ("the Council", "l'Organisation", "الوكالة") from
        the document (:func:`~diplolib.actors.short_forms.resolve_short_forms`): the ``organ`` column (the
        UN parallel corpus's issuing organ) is the source, sentences sharing ``document`` are one document, and
        the document's symbol (``document``) says when the text is in an organ's voice (a presidential
        statement: :func:`~diplolib.actors.short_forms.document_voice`) and when another body wrote it (an NGO's
        statement, an NPT paper: :func:`~diplolib.actors.document_authors.other_author`); its series names the body
        the document belongs to (E/CN.6/…: the Commission on the Status of Women;
        :func:`~diplolib.actors.document_series.series_bodies`).
    un_text : bool, optional
        The sentences are UN documents; by default, when ``triples`` has an ``organ`` column.

    Returns
    -------
    DataFrame
        The mentions table (:data:`~diplolib.actors.MENTION_COLUMNS`) with ``article_id`` the sentence id
        and a ``lang`` column.
    """
    missing = [c for c in (id_column, *langs) if c not in triples.columns]
    if missing:
        raise ValueError(f"parallel_mentions: columns {missing} are missing; pass one text column per language")
    matcher = as_matcher(registry)
    dates = triples["published"] if "published" in triples.columns else published
    found = {}
    for lang in langs:
        arts = pd.DataFrame({"article_id": triples[id_column], "text": triples[lang], "published": dates})
        found[lang] = (arts, tag_actors(arts, registry=matcher))
    if short_forms:
        named = _named_elsewhere(triples, found, id_column, document)
        # a body that the issuing organ makes certain in one sentence ("the Advisory Committee" of the General
        # Assembly's documents: ``short_forms.ORGAN_SERVED``) is named for the document's other sentences too
        first = _resolve(triples, found, matcher, named, document, un_text)
        sourced = {lang: (arts, m[m["method"].ne("short_form") | m["alias_kind"].eq("context:source")])
                   for lang, (arts, m) in first.items()}
        found = _resolve(triples, found, matcher, _named_elsewhere(triples, sourced, id_column, document), document,
                         un_text)
    frames = [mentions.assign(lang=lang) for lang, (_, mentions) in found.items()]
    return pd.concat(frames, ignore_index=True)


def _resolve(triples: pd.DataFrame, found: dict, matcher: ActorMatcher, named: dict, document: str | None,
             un_text: bool | None) -> dict:
    """``found`` with the short forms of every language resolved (``resolve_short_forms``)."""
    out = {}
    for lang, (arts, mentions) in found.items():
        arts = arts.copy()
        if "organ" in triples.columns:
            arts["source"] = triples["organ"].to_numpy()
        if document and document in triples.columns:
            arts["voice"] = document_voice(triples[document]).to_numpy()
            arts["author"] = other_author(triples[document]).to_numpy()
        out[lang] = (arts, resolve_short_forms(
            arts, mentions, registry=matcher, named=named, voice="voice", author="author",
            un_text="organ" in triples.columns if un_text is None else un_text))
    return out


def _named_elsewhere(triples: pd.DataFrame, found: dict, id_column: str, document: str | None) -> dict:
    """sentence id → the actors the other sentences of its document name, in any language, and the bodies its
    symbol series makes certain (:func:`~diplolib.actors.document_series.series_bodies`).

    A sentence's own actors (in any of its languages) count only when another sentence of the document names
    them too: the document is the evidence a short form is resolved from, never the sentence itself.
    """
    if not document or document not in triples.columns:
        return {}
    sentences = triples[[id_column, document]].drop_duplicates().set_axis(["sid", "doc"], axis=1)
    hits = pd.concat([m for _, m in found.values()], ignore_index=True)
    hits = hits[hits["actor_id"].fillna("") != ""][["article_id", "actor_id"]].drop_duplicates()
    hits["doc"] = hits["article_id"].map(sentences.drop_duplicates("sid").set_index("sid")["doc"])
    pairs = sentences.merge(hits, on="doc")
    pairs = pairs[pairs["article_id"] != pairs["sid"]]
    # the bodies the document's symbol series makes certain (E/CN.6/… the CSW's: ``document_series``)
    series = sentences.assign(actor_id=series_bodies(sentences["doc"]).map(sorted).to_numpy()).explode("actor_id")
    pairs = pd.concat([pairs[["sid", "actor_id"]], series.dropna(subset=["actor_id"])[["sid", "actor_id"]]])
    return {sid: set(g) for sid, g in pairs.groupby("sid")["actor_id"]}


def _found(mentions: pd.DataFrame) -> pd.DataFrame:
    hit = mentions[mentions["actor_id"].notna() & (mentions["actor_id"] != "")]
    return hit[["article_id", "lang", "actor_id"]].drop_duplicates()


def crosslingual_agreement(mentions: pd.DataFrame) -> pd.DataFrame:
    """Share of the actors found in one language that are found in the other, for every ordered pair.

    Parameters
    ----------
    mentions : DataFrame
        From :func:`parallel_mentions` (``article_id`` = sentence, ``lang``, ``actor_id``).

    Returns
    -------
    DataFrame
        One row per ordered pair: ``source``, ``target``, ``n_source`` (sentence-actor pairs found in the
        source language), ``n_both`` (of those, found in the target too), ``agreement`` (``n_both /
        n_source``).
    """
    found = _found(mentions)
    rows = []
    for src, tgt in permutations(sorted(found["lang"].unique()), 2):
        a = found[found["lang"] == src][["article_id", "actor_id"]]
        b = found[found["lang"] == tgt][["article_id", "actor_id"]]
        both = len(a.merge(b, on=["article_id", "actor_id"]))
        rows.append({"source": src, "target": tgt, "n_source": len(a), "n_both": both,
                     "agreement": both / len(a) if len(a) else float("nan")})
    return pd.DataFrame(rows)


def alias_confirmation(mentions: pd.DataFrame) -> pd.DataFrame:
    """For each (language, matched alias, actor): matches and how many the other languages confirm.

    Returns
    -------
    DataFrame
        ``lang``, ``key`` (the surface case-folded), ``actor_id``, ``n`` (matches), ``confirmed`` (matches
        whose actor is found in at least one other language of the same sentence), ``rate``.
    """
    found = _found(mentions)
    others = found.rename(columns={"lang": "other"})
    hit = mentions[mentions["actor_id"].notna() & (mentions["actor_id"] != "")].copy()
    hit["key"] = hit["surface"].str.casefold()
    pairs = hit.merge(others, on=["article_id", "actor_id"], how="left")
    pairs["ok"] = pairs["other"].notna() & (pairs["other"] != pairs["lang"])
    per = pairs.groupby(["lang", "key", "actor_id", "article_id", "start"], as_index=False)["ok"].any()
    out = per.groupby(["lang", "key", "actor_id"], as_index=False).agg(n=("ok", "size"), confirmed=("ok", "sum"))
    out["rate"] = out["confirmed"] / out["n"]
    return out.sort_values(["lang", "n"], ascending=[True, False]).reset_index(drop=True)
