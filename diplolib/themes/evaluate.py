"""Checking theme hits against people: gold keyphrases, and hand-read precision samples.

* :func:`keyphrase_agreement` -- recall of the themes against keyphrases chosen by annotators
  (the wikinews-fr sample corpus carries them; ``data/wikinews_fr_keyphrases.csv`` maps those
  of its keyphrases that clearly name a theme);
* :func:`precision_sample` and :func:`precision` -- a stratified sample of hits with their
  context for a human to judge, and the per-theme precision of the verdicts;
* :func:`recall` -- the share of sentences judged on-theme by a reader (before tagging) in which the
  tagger finds that theme.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .._tables import check_columns, legacy_arguments
from ..stats import wilson_interval

__all__ = [
    "keyphrase_agreement",
    "load_keyphrase_mapping",
    "default_keyphrase_mapping_path",
    "precision_sample",
    "precision",
    "recall",
    "VERDICTS",
]

#: Verdicts accepted by :func:`precision`.
VERDICTS = ("correct", "incorrect")
_WS = re.compile(r"\s+")


def default_keyphrase_mapping_path() -> Path:
    """Path of the shipped mapping from wikinews-fr keyphrases to themes."""
    return Path(str(resources.files("diplolib.themes") / "data" / "wikinews_fr_keyphrases.csv"))


def _norm(kp: str) -> str:
    return _WS.sub(" ", kp.replace("\u2019", "'")).strip().casefold()


def load_keyphrase_mapping(path: str | Path | None = None) -> pd.DataFrame:
    """Read a keyphrase → theme mapping (CSV with ``keyphrase``, ``theme``, ``note``).

    Parameters
    ----------
    path : str or Path, optional
        The shipped wikinews-fr mapping by default.

    Returns
    -------
    pandas.DataFrame
        ``keyphrase`` (lower-cased, spaces collapsed, typographic apostrophes made straight),
        ``theme``, ``note``.
    """
    path = Path(path) if path is not None else default_keyphrase_mapping_path()
    mapping = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#")
    missing = {"keyphrase", "theme"} - set(mapping.columns)
    if missing:
        raise ValueError(f"{path}: mapping lacks column(s) {sorted(missing)}: write 'keyphrase,theme,note'")
    if "note" not in mapping.columns:
        mapping["note"] = ""
    mapping["keyphrase"] = mapping["keyphrase"].map(_norm)
    return mapping[["keyphrase", "theme", "note"]].reset_index(drop=True)


@legacy_arguments("articles", "mapping")
def keyphrase_agreement(
    theme_hits: pd.DataFrame,
    *,
    articles: pd.DataFrame,
    mapping: pd.DataFrame | None = None,
    column: str = "keyphrases",
    sep: str = ";",
) -> pd.DataFrame:
    """Recall of the themes against annotators' keyphrases.

    For each ``(keyphrase, theme)`` pair of ``mapping``: among the articles whose ``column``
    lists the keyphrase, in how many does the theme fire (at least one hit)?

    Parameters
    ----------
    theme_hits : pandas.DataFrame
        Output of :func:`~diplolib.themes.tag_themes` on ``articles``.
    articles : pandas.DataFrame
        ``article_id`` and ``column``: keyphrases separated by ``sep`` (wikinews-fr's
        ``keyphrases``); not modified.
    mapping : pandas.DataFrame, optional
        ``keyphrase``, ``theme`` (and ``note``); the shipped wikinews-fr mapping by default
        (:func:`load_keyphrase_mapping`).
    column : str, default "keyphrases"
        Column of ``articles`` holding the keyphrases.
    sep : str, default ";"
        Separator between keyphrases.

    Returns
    -------
    pandas.DataFrame
        One row per mapped pair, then one per theme (``keyphrase`` ``"(any)"``: articles with any
        keyphrase mapped to the theme) and a last row ``"(all)"``/``"(all)"`` pooling every
        (article, theme) pair: ``keyphrase``, ``theme``, ``n_articles`` (articles with the
        keyphrase), ``n_fired`` (of those, with a hit of the theme), ``recall`` (``n_fired /
        n_articles``, ``<NA>`` when no article has the keyphrase), ``missed`` (ids of the articles
        where the theme did not fire, ``;``-separated).
    """
    for name, df, cols in (("theme_hits", theme_hits, ["article_id", "theme"]),
                           ("articles", articles, ["article_id", column])):
        check_columns(df, cols, func="keyphrase_agreement", name=name,
                      fix="pass tag_themes output and the articles it tagged")
    mapping = load_keyphrase_mapping() if mapping is None else mapping.assign(
        keyphrase=mapping["keyphrase"].map(_norm)
    )
    kp = articles[["article_id", column]].dropna()
    kp = kp.assign(keyphrase=kp[column].str.split(sep)).explode("keyphrase")
    kp = kp.assign(keyphrase=kp["keyphrase"].map(_norm))[["article_id", "keyphrase"]].drop_duplicates()
    ok = theme_hits[theme_hits["theme"].notna()]
    fired = set(zip(ok["article_id"], ok["theme"], strict=True))
    pairs = mapping[["keyphrase", "theme"]].drop_duplicates().merge(kp, on="keyphrase", how="left")

    def summarise(ids: pd.Series, theme: str) -> dict:
        ids = ids.dropna().drop_duplicates()
        hit = [(a, theme) in fired for a in ids]
        missed = ";".join(a for a, h in zip(ids, hit, strict=True) if not h)
        return {"n_articles": len(ids), "n_fired": int(sum(hit)), "missed": missed}

    rows = [
        {"keyphrase": k, "theme": t, **summarise(g["article_id"], t)}
        for (k, t), g in pairs.groupby(["keyphrase", "theme"], sort=True)
    ]
    for t, g in pairs.groupby("theme", sort=True):
        rows.append({"keyphrase": "(any)", "theme": t, **summarise(g["article_id"], t)})
    pooled = pairs.dropna(subset=["article_id"]).drop_duplicates(["article_id", "theme"])
    n = len(pooled)
    n_fired = sum((a, t) in fired for a, t in zip(pooled["article_id"], pooled["theme"], strict=True))
    rows.append({"keyphrase": "(all)", "theme": "(all)", "n_articles": n, "n_fired": n_fired, "missed": ""})
    out = pd.DataFrame(rows, columns=["keyphrase", "theme", "n_articles", "n_fired", "missed"])
    out[["n_articles", "n_fired"]] = out[["n_articles", "n_fired"]].astype("Int64")
    out["recall"] = (out["n_fired"] / out["n_articles"].where(out["n_articles"] > 0)).astype("Float64")
    return out[["keyphrase", "theme", "n_articles", "n_fired", "recall", "missed"]]


def _context(text: str, start: int, end: int, window: int) -> str:
    left = _WS.sub(" ", text[max(0, start - window) : start])
    right = _WS.sub(" ", text[end : end + window])
    return f"{left}[[{text[start:end]}]]{right}"


@legacy_arguments(renamed={"hits": "theme_hits"})
def precision_sample(
    theme_hits: pd.DataFrame,
    n: int,
    *,
    articles: pd.DataFrame | None = None,
    random_state: int = 0,
    by: Literal["theme", "parent", "cue"] = "theme",
    window: int = 80,
) -> pd.DataFrame:
    """A stratified random sample of hits with their context, for a human to judge.

    Parameters
    ----------
    theme_hits : pandas.DataFrame
        Output of :func:`~diplolib.themes.tag_themes`; untagged rows are ignored.
    n : int
        Hits per stratum (all of them when a stratum has fewer).
    articles : pandas.DataFrame, optional
        The tagged articles (``article_id``, ``text``): gives the ``context`` column. Without
        it the context is left empty.
    random_state : int, default 0
        Seed: the same hits and seed give the same sample.
    by : {"theme", "parent", "cue"}, default "theme"
        Column to stratify on.
    window : int, default 80
        Characters of context on each side.

    Returns
    -------
    pandas.DataFrame
        The sampled hit rows (ordered by stratum, then article and offset) plus ``context``
        (text around the hit, whitespace collapsed, the surface between ``[[`` and ``]]``) and an
        empty ``verdict`` column to fill with ``"correct"`` or ``"incorrect"``.
    """
    if by not in ("theme", "parent", "cue"):
        raise ValueError(f"by={by!r}: choose 'theme', 'parent' or 'cue'")
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n={n!r}: give the number of hits to draw per {by} (>= 1)")
    ok = theme_hits[theme_hits["theme"].notna()]
    if by == "parent":
        ok = ok.assign(parent=ok["parent"].fillna(ok["theme"]))
    shuffled = ok.sample(frac=1.0, random_state=random_state)  # then the first n of each stratum
    sample = (
        shuffled.groupby(by, sort=False).head(n)
        .sort_values([by, "article_id", "start", "end"], kind="stable")
        .reset_index(drop=True)
    )
    if articles is not None:
        texts = articles.drop_duplicates("article_id").set_index("article_id")["text"]
        sample["context"] = [
            _context(texts[a], int(s), int(e), window)
            for a, s, e in zip(sample["article_id"], sample["start"], sample["end"], strict=True)
        ]
    else:
        sample["context"] = ""
    sample["context"] = sample["context"].astype("string")
    sample["verdict"] = pd.Series(pd.NA, index=sample.index, dtype="string")
    return sample


def precision(sample_verdicts: pd.DataFrame, *, by: Literal["theme", "parent", "cue"] = "theme") -> pd.DataFrame:
    """Per-stratum precision of judged hits.

    Parameters
    ----------
    sample_verdicts : pandas.DataFrame
        A :func:`precision_sample` table with ``verdict`` filled in (``"correct"`` or
        ``"incorrect"``; rows left empty are not counted).
    by : {"theme", "parent", "cue"}, default "theme"

    Returns
    -------
    pandas.DataFrame
        One row per stratum and a last row ``"(all)"``: ``n_judged``, ``n_correct``,
        ``precision`` (``n_correct / n_judged``), ``ci_low``, ``ci_high`` (95% Wilson interval).
    """
    if "verdict" not in sample_verdicts.columns or by not in sample_verdicts.columns:
        raise ValueError(f"sample_verdicts needs columns 'verdict' and {by!r}: fill in a precision_sample table")
    judged = sample_verdicts[sample_verdicts["verdict"].notna() & (sample_verdicts["verdict"] != "")]
    bad = sorted(set(judged["verdict"]) - set(VERDICTS))
    if bad:
        raise ValueError(f"unknown verdict(s) {bad}: write 'correct' or 'incorrect'")
    correct = judged["verdict"].eq("correct")
    per = correct.groupby(judged[by], sort=True).agg(["size", "sum"])
    per.loc["(all)"] = [len(judged), int(correct.sum())]
    return _with_wilson(pd.DataFrame({by: per.index, "n_judged": per["size"].to_numpy(),
                                      "n_correct": per["sum"].to_numpy()}), "n_correct", "precision")


def recall(judged: pd.DataFrame, *, theme_hits: pd.DataFrame, by: str = "corpus") -> pd.DataFrame:
    """Share of the passages judged on-theme by a reader in which the tagger finds that theme.

    Parameters
    ----------
    judged : pandas.DataFrame
        One row per judged (passage, theme): ``article_id``, ``start``, ``end`` (the passage, e.g. a sentence,
        as offsets into the article text), ``theme`` and the ``by`` column. Judge the passages *before* tagging
        them, or the number is not a recall measure.
    theme_hits : pandas.DataFrame
        Output of :func:`~diplolib.themes.tag_themes` on the judged articles (at least).
    by : str, default "corpus"
        Column of ``judged`` to stratify on.

    Returns
    -------
    pandas.DataFrame
        One row per stratum and a last row ``"(all)"``: ``n_judged``, ``n_found`` (a hit of the theme lies
        inside the passage), ``recall``, ``ci_low``, ``ci_high`` (95% Wilson interval).

    Examples
    --------
    >>> import pandas as pd
    >>> from diplolib.themes import tag_themes
    >>> judged = pd.DataFrame({"corpus": ["x", "x"], "article_id": ["a", "a"], "start": [0, 0], "end": [40, 40],
    ...                        "theme": ["ceasefire", "trade"]})
    >>> hits = tag_themes(pd.DataFrame({"article_id": ["a"], "lang": ["en"],
    ...                                 "text": ["The two sides agreed a ceasefire in Idlib."]}))
    >>> recall(judged, theme_hits=hits)[["corpus", "n_judged", "n_found"]].to_dict("records")[-1]
    {'corpus': '(all)', 'n_judged': 2, 'n_found': 1}
    """
    check_columns(judged, ["article_id", "start", "end", "theme", by], func="recall", name="judged",
                  fix="give one row per judged passage and theme, with the passage's offsets")
    check_columns(theme_hits, ["article_id", "theme", "start", "end"], func="recall", name="theme_hits",
                  fix="pass the table tag_themes() returns for the judged articles")
    gold = judged.reset_index(drop=True).rename_axis("row").reset_index()
    hits = theme_hits.dropna(subset=["theme"])[["article_id", "theme", "start", "end"]]
    pairs = gold[["row", "article_id", "theme", "start", "end"]].merge(hits, on=["article_id", "theme"],
                                                                       suffixes=("", "_hit"))
    inside = pairs.loc[(pairs["start_hit"] >= pairs["start"]) & (pairs["end_hit"] <= pairs["end"]), "row"]
    found = gold["row"].isin(inside)
    per = found.groupby(gold[by], sort=True).agg(["size", "sum"])
    per.loc["(all)"] = [len(gold), int(found.sum())]
    return _with_wilson(pd.DataFrame({by: per.index, "n_judged": per["size"].to_numpy(),
                                      "n_found": per["sum"].to_numpy()}), "n_found", "recall")


def _with_wilson(out: pd.DataFrame, count: str, name: str) -> pd.DataFrame:
    """``out`` with the share ``count / n_judged`` as ``name`` and its 95% Wilson interval."""
    out[["n_judged", count]] = out[["n_judged", count]].astype("Int64")
    out[name] = (out[count] / out["n_judged"]).astype("Float64")
    low, high = wilson_interval(out[count].to_numpy(dtype=float), out["n_judged"].to_numpy(dtype=float))
    out["ci_low"] = pd.array(low, dtype="Float64")
    out["ci_high"] = pd.array(high, dtype="Float64")
    return out.reset_index(drop=True)
