"""Shared helpers of the held-out theme readings (``tests/test_theme_heldout*.py``, issue 16).

Each reading is a CSV of hand-judged theme hits (offsets only, no corpus text); the text is looked up in the
fetched corpora. UNPC sentences are keyed ``unpc-<triple id>-<lang>`` (corpus ``unpc-<lang>``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from suite_cache import shipped_themes

from conftest import REPO, corpus_dir
from diplolib import datasets
from diplolib.themes import tag_themes

DATA = REPO / "tests" / "data"
_DTYPES = {"article_id": "string", "corpus": "string", "theme": "string"}


AMENDED = DATA / "theme_verdicts_amended.csv"


def read_judged(path, *, empty_notes: bool = False, amended: bool = False) -> pd.DataFrame:
    """A judged-hits CSV; ``empty_notes=True`` keeps empty notes as "" instead of NaN.

    ``amended=True``: the verdicts as they stand now, with the changes of ``theme_verdicts_amended.csv`` applied (a
    hit re-read by a convention written after its reading, e.g. round 18's past wars and a meeting's officers at the
    head of ``themes.yaml``; the file itself keeps the verdict as first read, and its counts stay those of the
    reading). The right-hit checks read these."""
    judged = pd.read_csv(path, dtype=_DTYPES, keep_default_na=False) if empty_notes else pd.read_csv(path, dtype=_DTYPES)
    if not amended:
        return judged
    changes = pd.read_csv(AMENDED, dtype=_DTYPES, keep_default_na=False)
    changes = changes[changes["file"] == Path(path).name]
    if changes.empty:
        return judged
    key = ["article_id", "theme", "start", "end"]
    now = judged[key].merge(changes[[*key, "verdict"]], on=key, how="left")["verdict"].to_numpy()
    assert (pd.notna(now).sum() == len(changes)), f"{Path(path).name}: an amended hit is not in the reading"
    return judged.assign(verdict=judged["verdict"].where(pd.isna(now), now))


def hash_half(value, salt: str = "") -> int:
    """0 (tune) or 1 (check): the half of an id by SHA-1, optionally salted (``"s3"`` gives ``s3-<id>``)."""
    key = f"{salt}-{value}" if salt else str(value)
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2


def unpc_sentences(lang: str) -> pd.DataFrame:
    """One language of the UNPC triples as articles keyed ``unpc-<triple id>-<lang>``."""
    corpus_dir("unpc-ar-fr-en")
    tri = datasets.parallel_sentences()
    return pd.DataFrame({"article_id": "unpc-" + tri["id"].astype(str) + "-" + lang, "lang": lang, "text": tri[lang]})


def load_articles(corpus: str, ids=None) -> pd.DataFrame:
    """The articles of a judged corpus name, all or only ``ids``.

    ``unpc-<lang>``: UNPC sentences; ``plover-gsr``: the PLOVER gold standard; ``sib200-<lang>``: one language of
    SIB-200 (``sib200``: all of it); any other name: the fetched corpus. Skips when the corpus is not fetched.
    """
    if corpus.startswith("unpc-"):
        arts = unpc_sentences(corpus.split("-")[1])
    elif corpus == "plover-gsr":
        from diplolib.events.plover import read_plover

        arts = read_plover()[0]
    elif corpus.startswith("sib200"):
        corpus_dir("sib200")
        arts = datasets.load("sib200")[0]
        if "-" in corpus:
            arts = arts[arts["lang"] == corpus.split("-")[1]]
    else:
        corpus_dir(corpus)
        arts = datasets.load(corpus)[0]
    if ids is not None:
        arts = arts[arts["article_id"].astype(str).isin(set(ids))]
    return arts


def produced_hits(arts: pd.DataFrame, ids=None) -> set:
    """(article_id, theme, start, end) of every theme hit the tagger gives now on ``arts`` (or only ``ids``)."""
    if ids is not None:
        arts = arts[arts["article_id"].astype(str).isin(set(ids))]
    hits = tag_themes(arts).dropna(subset=["theme"])
    return set(zip(hits["article_id"].astype(str), hits["theme"], hits["start"], hits["end"], strict=True))


def lang_of(corpus: pd.Series) -> pd.Series:
    """The language of each judged corpus name: ``unpc-<lang>`` its own, every other corpus English."""
    return corpus.map(lambda c: c.rsplit("-", 1)[-1] if c.startswith("unpc-") else "en")


def read_before(check) -> set:
    """The article ids of every reading but ``check``, a UNPC triple read in any language counting in all three
    (the fifth round keyed UNPC by triple id alone)."""
    earlier = pd.concat([read_judged(f, empty_notes=True) for f in DATA.glob("theme_precision*.csv") if f != check],
                        ignore_index=True)
    ids = set(earlier["article_id"].dropna())
    ids |= {f"unpc-{i}-{lang}" for i in ids for lang in ("fr", "ar", "en")}
    triples = {i.removeprefix("unpc-").rsplit("-", 1)[0] for i in ids if i.startswith("unpc-")}
    return ids | {f"unpc-{t}-{lang}" for t in triples for lang in ("fr", "ar", "en")}


def assert_read_as(judged: pd.DataFrame, read: dict, read_corpus: dict) -> pd.DataFrame:
    """Assert the (judged, correct) counts per language and per corpus; returns the per-corpus precision table."""
    from diplolib.themes.evaluate import precision

    per = precision(judged.assign(theme=lang_of(judged["corpus"]))).set_index("theme")
    for lang, (n, ok) in read.items():
        assert (per.loc[lang, "n_judged"], per.loc[lang, "n_correct"]) == (n, ok)
        assert per.loc[lang, "ci_low"] < per.loc[lang, "precision"] <= per.loc[lang, "ci_high"]
    per = precision(judged.assign(theme=judged["corpus"])).set_index("theme")
    for corpus, (n, ok) in read_corpus.items():
        assert (per.loc[corpus, "n_judged"], per.loc[corpus, "n_correct"]) == (n, ok)
    return per


def right_hits_missing(part: pd.DataFrame, corpus: str) -> list:
    """(article_id, theme) of the hits of ``part`` (one corpus of a reading) judged right that the tagger no longer
    gives."""
    produced = produced_hits(load_articles(corpus, part["article_id"]))
    return [(r.article_id, r.theme) for r in part.itertuples()
            if r.verdict == "correct" and (r.article_id, r.theme, r.start, r.end) not in produced]


def assert_right_hits_kept(check, corpus: str, n_judged: int) -> None:
    """The hits of ``corpus`` in reading ``check`` judged right (as amended: :func:`read_judged`) are what the tagger
    gives now (a later rule may drop a misfire, never a right hit), and the reading holds the ``n_judged`` hits of that corpus it was read with."""
    part = read_judged(check, empty_notes=True, amended=True)
    part = part[part["corpus"] == corpus]
    missing = right_hits_missing(part, corpus)
    assert not missing, f"{corpus}: right hits no longer produced: {missing}"
    assert len(part) == n_judged


def assert_fresh_reading(check) -> pd.DataFrame:
    """The checks every fresh reading passes; returns the judged hits of ``check``.

    Two verdicts, a reason for each wrong one, no corpus text, one hit per article, shipped themes only, no article
    read by an earlier file, and UNPC sentences of the check half only.
    """
    judged = read_judged(check, empty_notes=True)
    assert set(judged["verdict"]) == {"correct", "incorrect"}
    assert (judged.loc[judged["verdict"] == "incorrect", "note"].str.len() > 0).all(), "say why a hit was judged wrong"
    assert {"context", "ctx", "surface", "text"}.isdisjoint(judged.columns), "the file must not quote corpus text"
    assert not judged["article_id"].duplicated().any(), "one hit per article"
    assert set(judged["theme"]) <= set(shipped_themes().themes["theme"])
    assert not set(judged["article_id"]) & read_before(check), "an article read before was drawn again"
    unpc = unpc_triples(judged)
    assert (unpc.str.removeprefix("unpc-").map(hash_half) == 1).all(), "a sentence of the tune half"
    return judged


def unpc_triples(judged: pd.DataFrame) -> pd.Series:
    """The UNPC triple (``unpc-<id>``) of each judged UNPC sentence."""
    return judged.loc[judged["corpus"].str.startswith("unpc-"), "article_id"].str.rsplit("-", n=1).str[0]


def themes_of_twins(cases, *, source: str | None = None) -> dict[tuple[int, str], set[str]]:
    """The themes of every sentence of ``cases`` (rows of theme, lang, sentence with it, twin without it), tagged in
    one call: (case, "with" or "without") -> themes. The rule test files of each round share it. ``source``: the
    outlet of every article (a ``source`` column; none by default)."""
    keys = [(i, which) for i in range(len(cases)) for which in ("with", "without")]
    texts = [cases[i][2] if which == "with" else cases[i][3] for i, which in keys]
    arts = pd.DataFrame({"article_id": [f"{i}-{w}" for i, w in keys], "lang": [cases[i][1] for i, _ in keys],
                         "text": texts})
    if source is not None:
        arts = arts.assign(source=source)
    hits = tag_themes(arts).dropna(subset=["theme"])
    return {k: set(hits.loc[hits["article_id"] == f"{k[0]}-{k[1]}", "theme"]) for k in keys}


def twin_tests(cases):
    """The module fixture ``tagged`` (:func:`themes_of_twins` of ``cases``) and the parametrised test that each case's
    theme fires on its sentence and not on its twin: a rule file binds both,
    ``tagged, test_theme_with_and_without = twin_tests(CASES)``."""

    @pytest.fixture(scope="module")
    def tagged() -> dict[tuple[int, str], set[str]]:
        return themes_of_twins(cases)

    @pytest.mark.parametrize("i", range(len(cases)), ids=[f"{c[0]}-{c[1]}-{n}" for n, c in enumerate(cases)])
    def test_theme_with_and_without(tagged, i):
        theme, _, with_, without = cases[i]
        assert theme in tagged[(i, "with")], with_
        assert theme not in tagged[(i, "without")], without

    return tagged, test_theme_with_and_without
