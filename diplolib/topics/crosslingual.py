"""Topics across languages: translated documents as articles, and whether their versions share a topic.

A parallel corpus (UNPC: one row per aligned sentence, one text column per language) becomes an articles table
with one article per (document, language) by :func:`parallel_documents`; one model fitted on all of them
(:func:`diplolib.topics.fit_topics` with the language-independent ``@actor`` / ``#theme`` tokens) should put the
versions of a document in the same topic. :func:`version_agreement` measures it: the share of documents whose
versions (all of them, and each pair of languages) have the same main topic.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import pandas as pd

from .._tables import check_columns

__all__ = ["parallel_documents", "version_agreement", "fit_split"]

#: Joins the document id and the language into an article id (``2015/a/69/767#en``).
SEP = "#"


def parallel_documents(
    parallel: pd.DataFrame,
    *,
    langs: Sequence[str] = ("ar", "fr", "en"),
    doc_column: str = "doc_id",
    keep: Sequence[str] = ("organ", "split"),
) -> pd.DataFrame:
    """One article per (document, language): the document's aligned sentences joined in their order.

    Parameters
    ----------
    parallel : DataFrame
        One row per aligned sentence (``datasets.parallel_sentences("unpc-ar-fr-en")``): ``doc_column`` and
        one text column per language in ``langs``; not modified.
    langs : sequence of str
        The language columns to turn into articles.
    doc_column : str
        The column naming the document a sentence comes from.
    keep : sequence of str
        Columns copied to the articles when present (the first value of each document).

    Returns
    -------
    DataFrame
        ``article_id`` (``doc_id#lang``), ``doc_id``, ``lang``, ``text`` (sentences joined by newlines),
        ``n_sentences``, and the ``keep`` columns, sorted by document then by the order of ``langs``.
    """
    check_columns(parallel, [doc_column, *langs], func="parallel_documents", name="parallel",
                  fix="pass one row per aligned sentence with a document column and one text column per language")
    if not len(langs):
        raise ValueError("parallel_documents: langs is empty; give the language columns, e.g. ('ar', 'fr', 'en').")
    extra = [c for c in keep if c in parallel.columns and c not in (doc_column, *langs)]
    grouped = parallel.groupby(doc_column, sort=True)
    parts = []
    for order, lang in enumerate(langs):
        text = grouped[lang].agg(lambda s: "\n".join(s.fillna("").astype(str)))
        part = pd.DataFrame({"doc_id": text.index.astype(str), "lang": lang, "text": text.to_numpy(),
                             "n_sentences": grouped.size().to_numpy(), "_order": order})
        for c in extra:
            part[c] = grouped[c].first().to_numpy()
        parts.append(part)
    out = pd.concat(parts, ignore_index=True).sort_values(["doc_id", "_order"], kind="stable")
    out.insert(0, "article_id", out["doc_id"] + SEP + out["lang"])
    return out.drop(columns="_order").reset_index(drop=True)


def version_agreement(clusters: pd.DataFrame, *, articles: pd.DataFrame) -> pd.DataFrame:
    """How often the language versions of a document share their main topic.

    Parameters
    ----------
    clusters : DataFrame
        ``article_id``, ``topic`` (a fitted model's ``clusters_``).
    articles : DataFrame
        ``article_id``, ``doc_id``, ``lang`` (from :func:`parallel_documents`).

    Returns
    -------
    DataFrame
        One row for all the languages together (``langs`` = ``"ar+en+fr"``) and one per pair of languages:
        ``langs``, ``n_docs`` (documents present in each of those languages), ``share`` (of them whose
        versions all have the same main topic).
    """
    check_columns(clusters, ["article_id", "topic"], func="version_agreement", name="clusters",
                  fix="pass a fitted model's clusters_")
    check_columns(articles, ["article_id", "doc_id", "lang"], func="version_agreement", name="articles",
                  fix="pass the output of parallel_documents()")
    table = articles[["article_id", "doc_id", "lang"]].merge(clusters[["article_id", "topic"]], on="article_id")
    wide = table.pivot_table(index="doc_id", columns="lang", values="topic", aggfunc="first")
    langs = sorted(wide.columns)
    rows = []
    for group in [tuple(langs), *combinations(langs, 2)] if len(langs) > 2 else [tuple(langs)]:
        sub = wide[list(group)].dropna()
        same = sub.nunique(axis=1).eq(1)
        rows.append({"langs": "+".join(group), "n_docs": len(sub), "share": float(same.mean()) if len(sub) else
                     float("nan")})
    return pd.DataFrame(rows, columns=["langs", "n_docs", "share"])


def fit_split(docs: pd.DataFrame, split: str, *, mentions: pd.DataFrame, theme_hits: pd.DataFrame,
              actor_labels: pd.DataFrame | None = None, n_topics: int = 12, random_state: int = 0, **settings):
    """Fit topics on the documents of one ``split`` (e.g. UNPC's ``dev`` or ``test``) of a parallel corpus.

    ``docs`` is :func:`parallel_documents`'s table with a ``split`` column; ``mentions`` and ``theme_hits`` may
    cover every split (they are restricted to this one). Returns ``(part, fitted)``: the split's articles and the
    fitted model, ready for :func:`version_agreement` (``fitted.clusters_``, ``articles=part``).
    """
    from .model import fit_topics

    check_columns(docs, ["article_id", "split"], func="fit_split", name="docs",
                  fix="pass parallel_documents() of sentences that carry a split column")
    part = docs[docs["split"] == split].reset_index(drop=True)
    ids = set(part["article_id"])
    fitted = fit_topics(part, n_topics=n_topics, random_state=random_state, actor_labels=actor_labels,
                        mentions=mentions[mentions["article_id"].isin(ids)],
                        theme_hits=theme_hits[theme_hits["article_id"].isin(ids)], **settings)
    return part, fitted
