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


def assert_documents_score_at_least(gold_path, matcher, *, tagged: dict, discovered: dict | None = None) -> None:
    """The reading's 30 documents (ten per language) score at least ``tagged`` (precision, F1) with ``tag_actors``
    and, when given, ``discovered`` with ``discover_actors`` on top: the floors a round measured after its fixes."""
    from diplolib.actors import tag_actors  # noqa: PLC0415
    from diplolib.actors.evaluate import document_outcomes, document_scores, registry_person_names  # noqa: PLC0415
    from diplolib.actors.provisional import discover_actors  # noqa: PLC0415

    arts, gold = read_documents(gold_path)
    assert arts["lang"].value_counts().to_dict() == {"ar": 10, "en": 10, "fr": 10}
    mentions = tag_actors(arts, registry=matcher)
    names = registry_person_names(matcher.registry)  # a person read as new: and since added to the registry
    got = document_scores(document_outcomes(gold, mentions, matcher.kind_of, names=names)).iloc[0]
    assert got["precision"] >= tagged["precision"] and got["f1"] >= tagged["f1"], got.to_dict()
    if discovered is not None:
        found = discover_actors(arts, mentions, registry=matcher)
        got = document_scores(document_outcomes(gold, found, matcher.kind_of, names=names)).iloc[0]
        assert got["precision"] >= discovered["precision"] and got["f1"] >= discovered["f1"], got.to_dict()


def assert_probes_missed_at_most(probes_path, matcher, *, misses: int) -> None:
    """A file of 40 (phrase, date) role probes in three languages, each with its expected holder, has at most
    ``misses`` probes resolved to another actor (or none)."""
    from diplolib.actors.evaluate import role_probe_outcomes  # noqa: PLC0415

    probes = pd.read_csv(probes_path, comment="#", keep_default_na=False)
    assert len(probes) == 40 and set(probes["lang"]) == {"en", "fr", "ar"} and (probes["expected"] != "").all()
    outcomes = role_probe_outcomes(probes, registry=matcher)
    wrong = outcomes.index[~outcomes["right"]]
    assert len(wrong) <= misses, outcomes.loc[wrong, ["lang", "date", "phrase", "expected", "got"]].to_string()


def ids_by_row(matcher, rows: list[tuple[str, str]], *, source: str = "", distinct: bool = True) -> list[list[str]]:
    """The sorted actor ids ``tag_actors`` gives each (published, text) row, as one list per row (``distinct``: each
    id once); ``source`` fills the articles' source column (the outlet some rules read)."""
    from diplolib.actors import tag_actors  # noqa: PLC0415

    arts = pd.DataFrame({"article_id": range(len(rows)), "published": [d for d, _ in rows],
                         "text": [t for _, t in rows], "source": source})
    ids = tag_actors(arts, registry=matcher).groupby("article_id")["actor_id"]
    got = ids.agg(lambda s: sorted(set(s.dropna())) if distinct else sorted(s.dropna()))
    return [got.get(i, []) for i in range(len(rows))]
