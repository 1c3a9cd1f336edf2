"""Held-out theme precision, seventh round (issue 16): a fresh reading of text never drawn before.

151 hits drawn at random (seed 20261214; ``/work/eval``-style draw: one hit per article, articles of no earlier
``theme_precision*.csv`` file) from the unread articles of re3d (7: all its unread articles with a hit), kremlin-en
(42), ungdc (42) and the UNPC check half in French (30) and Arabic (30; ``unpc-<triple id>-<lang>``), tagged by the
dictionary of commit 0a7f0b0 and read before any change: 136/151 (``theme_precision_check_s6.csv``; offsets only,
no text). Not tuned on afterwards.
"""

from __future__ import annotations

import pandas as pd
import pytest
from suite_cache import shipped_themes
from theme_readings import DATA, load_articles, produced_hits, read_judged

from diplolib.themes.evaluate import precision

CHECK = DATA / "theme_precision_check_s6.csv"
# as read: (judged, correct) per language and per corpus
READ = {"en": (91, 81), "fr": (30, 26), "ar": (30, 29)}
READ_CORPUS = {"re3d": (7, 7), "kremlin-en": (42, 34), "ungdc": (42, 40), "unpc-fr": (30, 26), "unpc-ar": (30, 29)}
SLOW = {"kremlin-en", "ungdc"}


def _read(path):
    return read_judged(path, empty_notes=True)


def _lang(corpus: pd.Series) -> pd.Series:
    return corpus.map(lambda c: c.rsplit("-", 1)[-1] if c.startswith("unpc-") else "en")


def test_file_is_well_formed_fresh_and_read_as_documented():
    judged = _read(CHECK)
    assert set(judged["verdict"]) == {"correct", "incorrect"}
    assert (judged.loc[judged["verdict"] == "incorrect", "note"].str.len() > 0).all(), "say why a hit was judged wrong"
    assert {"context", "ctx", "surface", "text"}.isdisjoint(judged.columns), "the file must not quote corpus text"
    assert not judged["article_id"].duplicated().any(), "one hit per article"
    assert set(judged["theme"]) <= set(shipped_themes().themes["theme"])
    earlier = pd.concat([_read(f) for f in DATA.glob("theme_precision*.csv") if f != CHECK], ignore_index=True)
    assert not set(judged["article_id"]) & set(earlier["article_id"]), "an article read before was drawn again"
    per = precision(judged.assign(theme=_lang(judged["corpus"]))).set_index("theme")
    for lang, (n, ok) in READ.items():
        assert (per.loc[lang, "n_judged"], per.loc[lang, "n_correct"]) == (n, ok)
        assert per.loc[lang, "ci_low"] < per.loc[lang, "precision"] < per.loc[lang, "ci_high"]
    per = precision(judged.assign(theme=judged["corpus"])).set_index("theme")
    for corpus, (n, ok) in READ_CORPUS.items():
        assert (per.loc[corpus, "n_judged"], per.loc[corpus, "n_correct"]) == (n, ok)
    assert per.loc["(all)", "n_judged"] >= 150 and per.loc["(all)", "n_correct"] == 136


@pytest.mark.parametrize("corpus", [pytest.param(c, marks=pytest.mark.slow) if c in SLOW else c for c in READ_CORPUS])
def test_right_hits_still_produced(corpus):
    """The hits read right are what the tagger gives now (a later rule may drop a misfire, never a right hit)."""
    part = read_judged(CHECK, empty_notes=True, amended=True)
    part = part[part["corpus"] == corpus]
    produced = produced_hits(load_articles(corpus, part["article_id"]))
    missing = [(r.article_id, r.theme) for r in part.itertuples()
               if r.verdict == "correct" and (r.article_id, r.theme, r.start, r.end) not in produced]
    assert not missing, f"{corpus}: right hits no longer produced: {missing}"
    assert len(part) == READ_CORPUS[corpus][0]
