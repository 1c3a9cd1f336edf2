"""Shared helper of the hand-read actor documents (``tests/data/heldout_documents_s*.csv``, issue 12).

Each reading lists the documents by corpus and ``origin`` with the actors expected, written before tagging; the
text is read from the fetched corpora (the first 1,200 characters, as read).
"""

from __future__ import annotations

import pandas as pd
import pytest


def read_documents(gold_path, *, lang: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(articles, expected rows) of a reading, both numbered in the same order; ``lang``: corpus → language column.

    A corpus not fetched skips the test with the reason.
    """
    from diplolib.datasets.recipes import read_corpus  # noqa: PLC0415 (the readers load on demand)

    gold = pd.read_csv(gold_path, comment="#", keep_default_na=False)
    parts = []
    for corpus, rows in gold.groupby("corpus", sort=False):
        # the two large corpora: only the files read (kremlin-en takes minutes in full)
        opts = ({"include": ["*/" + o.rsplit("/", 1)[-1] for o in rows["origin"]]}
                if corpus in ("kremlin-en", "wh-readouts") else {})
        try:
            arts, _ = read_corpus(corpus, fetch_missing=False, **opts)
        except Exception as exc:  # noqa: BLE001 - a missing corpus skips, with the reason
            pytest.skip(f"{corpus} not available: {exc}")
        arts = arts.set_index("origin", drop=False).loc[rows["origin"]].reset_index(drop=True)
        arts = arts.assign(text=arts["text"].str[:1200])
        parts.append(arts.assign(lang=lang[corpus]) if lang is not None else arts)
    arts = pd.concat(parts, ignore_index=True)
    order = pd.concat([rows for _, rows in gold.groupby("corpus", sort=False)], ignore_index=True)
    return arts.assign(article_id=range(len(arts))), order.assign(article_id=range(len(order)))
