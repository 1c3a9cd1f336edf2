"""Shared helper of the hand-read actor documents (``tests/data/heldout_documents_s*.csv``, issue 12).

Each reading lists the documents by corpus and ``origin`` with the actors expected, written before tagging; the
text is read from the fetched corpora (the first 1,200 characters, as read) by
:func:`diplolib.actors.evaluate.read_document_reading`, which notebook 03 calls too.
"""

from __future__ import annotations

import pandas as pd
import pytest


def read_documents(gold_path, *, lang: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(articles, expected rows) of a reading, both numbered in the same order; ``lang``: corpus → language column.

    A corpus not fetched skips the test with the reason.
    """
    from diplolib.actors.evaluate import read_document_reading  # noqa: PLC0415
    from diplolib.datasets import is_fetched  # noqa: PLC0415

    missing = [c for c in pd.read_csv(gold_path, comment="#")["corpus"].unique() if not is_fetched(c)]
    if missing:
        pytest.skip(f"not fetched: {', '.join(missing)} (make data)")
    return read_document_reading(gold_path, lang=lang)


def assert_fresh_and_balanced(gold_path, *, n: int) -> None:
    """A reading of ``n`` documents by corpus, position and origin, none of them (by position or by origin) read in
    another ``heldout_documents*.csv`` beside it."""
    from pathlib import Path  # noqa: PLC0415

    gold_path = Path(gold_path)
    gold = pd.read_csv(gold_path, comment="#", keep_default_na=False)
    assert list(gold.columns) == ["corpus", "position", "chars", "origin", "expected"] and len(gold) == n
    earlier = pd.concat([pd.read_csv(p, comment="#", keep_default_na=False)
                         for p in gold_path.parent.glob("heldout_documents*.csv") if p.name != gold_path.name])
    assert not (set(zip(gold["corpus"], gold["position"], strict=True))
                & set(zip(earlier["corpus"], earlier["position"], strict=True)))
    assert not set(gold["origin"]) & set(earlier.get("origin", pd.Series(dtype=str)).dropna())
