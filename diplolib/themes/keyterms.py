"""Keyness: which words or themes one group of articles uses more than another.

For each term ``w`` with counts ``y_a``, ``y_b`` in groups a and b of sizes ``N_a``, ``N_b``
(all tokens, hits or tagged articles of the group: the ``total`` column of the count table):

``g2``
    Dunning's (1993) log-likelihood ratio G² = 2 Σ O ln(O/E) over the 2×2 table
    (``w`` / not ``w``) × (a / b), as in Rayson & Garside (2000); signed: positive when
    ``w`` is relatively more frequent in a. ``p_value`` is its chi² (1 dof) survival function.
``log_ratio``
    Hardie's Log Ratio, ``log2(((y_a + 0.5) / N_a) / ((y_b + 0.5) / N_b))``: the effect size,
    +1 = twice as frequent in a.
``delta``, ``zeta``
    Monroe, Colaresi & Quinn (2008), "Fightin' Words", §3.5: log-odds ratio under an informative
    Dirichlet prior ``α_w`` of total mass ``α0``::

        delta = log((y_a + α_w) / (N_a + α0 - y_a - α_w)) - log((y_b + α_w) / (N_b + α0 - y_b - α_w))
        sigma² = 1/(y_a + α_w) + 1/(N_a + α0 - y_a - α_w) + 1/(y_b + α_w) + 1/(N_b + α0 - y_b - α_w)
        zeta = delta / sigma

    Monroe et al. drop the two "rest" terms of sigma² (negligible for words in large corpora: they
    move zeta by about 1–2% on FA-KES); they are kept here because with ``unit="article"`` theme
    counts (a share of articles, often near 1) they are not negligible.

    The default prior is the two groups pooled, ``α_w = s (y_a + y_b)`` and ``α0 = s (N_a + N_b)``
    (``s = 0.01``): for words ``α0 = Σ α_w``; for articles holding a theme (``N`` = articles, not
    hits) each term gets the Beta prior ``(α_w, α0 - α_w)`` centred on its pooled share.
    ``zeta`` ranks terms: frequent terms with a clear difference come first, rare ones are shrunk
    toward 0 by the prior (G² and log_ratio favour rare terms exclusive to one side).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy.stats import chi2

from .._tables import check_columns, check_option, legacy_arguments
from ..stats import signed_log_likelihood
from .counts import actor_sentences, group_columns, theme_counts, word_counts

__all__ = ["keyness", "compare", "KEYNESS_COLUMNS"]

#: Columns of the table returned by :func:`keyness`, in order.
KEYNESS_COLUMNS = ["term", "feature", "n_a", "n_b", "freq_a", "freq_b", "g2", "p_value", "log_ratio",
                   "delta", "zeta", "key_for"]
_FEATURES = ("word", "theme", "actor")
#: Pseudo-count of every term with ``prior="uniform"`` (and of terms missing from a background).
UNIFORM_ALPHA = 0.01


def _values(x: Any, n_cols: int) -> list:
    """A group value, or a list of them, as a list (a tuple is one value when grouping by several columns)."""
    if isinstance(x, list | set | frozenset | pd.Index | np.ndarray | pd.Series):
        return list(x)
    if isinstance(x, tuple) and n_cols == 1:
        return list(x)
    return [x]


def _label(vals: list) -> str:
    return "+".join(" / ".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in vals)


def _key(counts: pd.DataFrame, by_cols: list[str]) -> pd.Series | pd.Index:
    if len(by_cols) == 1:
        return counts[by_cols[0]]
    return pd.MultiIndex.from_frame(counts[by_cols])


def _alpha(prior, terms: pd.Index, ya: np.ndarray, yb: np.ndarray, size: float) -> tuple[np.ndarray, float]:
    """Prior pseudo-counts ``α_w`` of ``terms`` and the prior's total mass ``α0`` (``size`` = N_a + N_b)."""
    if isinstance(prior, pd.Series):
        bg = pd.to_numeric(prior, errors="coerce")
        if bg.isna().any() or (bg < 0).any():
            raise ValueError("keyness: the background prior must hold non-negative counts indexed by term.")
        bg = bg.groupby(bg.index.astype(str)).sum()
        alpha = bg.reindex(terms).fillna(0.0).to_numpy(dtype=np.float64)
        alpha = np.where(alpha > 0, alpha, UNIFORM_ALPHA)
        rest = bg[~bg.index.isin(terms)]
        return alpha, float(alpha.sum() + rest[rest > 0].sum())
    if isinstance(prior, str):
        if prior != "uniform":
            raise ValueError(f"keyness: prior={prior!r}; use a float scale (0.01), 'uniform' or a Series of "
                             "background counts indexed by term.")
        alpha = np.full(len(terms), UNIFORM_ALPHA)
        return alpha, float(alpha.sum())
    if isinstance(prior, bool) or not isinstance(prior, int | float) or not prior > 0:
        raise ValueError(f"keyness: prior={prior!r} must be a positive float (the scale: α_w = prior × pooled count "
                         "of w), 'uniform', or a Series of background counts.")
    return float(prior) * (ya + yb), float(prior) * size


def keyness(
    counts: pd.DataFrame,
    *,
    by: str | Sequence[str],
    a: Any,
    b: Any = None,
    prior: float | Literal["uniform"] | pd.Series = 0.01,
    min_count: int = 5,
    feature: Literal["word", "theme", "actor"] | None = None,
    labels: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """Key terms of group a against group b (log-likelihood, Log Ratio and Fightin' Words).

    Parameters
    ----------
    counts : DataFrame
        A count table: the ``by`` columns, ``term``, ``n`` and optionally ``total`` (the group's
        size; default: the sum of ``n``), as from :func:`word_counts` or :func:`theme_counts`.
    by : str or list of str
        The column(s) holding the groups.
    a : value or list of values
        Group a: a value of ``by`` (a tuple when ``by`` has several columns), or a list of them
        pooled together. E.g. ``a="sana"``.
    b : value or list of values, optional
        Group b; default: every other group ("SANA against all other outlets").
    prior : float, "uniform" or Series
        Dirichlet prior of Fightin' Words. A float ``s`` (default 0.01): informative prior from the
        two groups pooled, ``α_w = s × (y_a + y_b)`` (so ``α0 = s × (N_a + N_b)``: the prior weighs
        1% of the data). ``"uniform"``: ``α_w = 0.01`` for every term. A Series of background counts
        indexed by term (e.g. ``word_counts(corpus, by="lang").groupby("term")["n"].sum()``): used as
        the pseudo-counts ``α_w`` (scale it, e.g. ``0.05 * background``, to shrink less); terms it
        lacks get 0.01.
    min_count : int
        Keep terms with ``n_a + n_b >= min_count`` (scores are computed before filtering).
    feature : {"word", "theme", "actor"}, optional
        Written in the ``feature`` column; default: ``counts.attrs["feature"]``, else ``"word"``.
    labels : (str, str), optional
        Names of a and b; default: the values (``"sana"``) and ``"other"`` when b is everything else.

    Returns
    -------
    DataFrame
        One row per term seen in a or b: ``term``, ``feature``, ``n_a``, ``n_b`` (int64),
        ``freq_a``, ``freq_b`` (per 10,000 tokens or units), ``g2`` (signed: > 0 over-used in a),
        ``p_value``, ``log_ratio``, ``delta``, ``zeta`` (> 0: key for a), ``key_for`` (label of a
        when ``zeta > 0``, of b when ``< 0``, ``<NA>`` at 0); sorted by ``|zeta|`` descending, then
        term. ``attrs["groups"] = (label_a, label_b)``, ``attrs["totals"] = (N_a, N_b)``.

    Notes
    -----
    The variance of ``delta`` is dominated by the smaller group's counts, so when a is small
    (56 SANA articles against 748 others in FA-KES) the top ``|zeta|`` of b's side are smaller
    than a's (≈ 9 against ≈ 24): rank each side on its own, or plot ``zeta`` against frequency.

    Examples
    --------
    >>> counts = word_counts(articles, by="source")            # doctest: +SKIP
    >>> keyness(counts, by="source", a="sana").head(10)         # doctest: +SKIP
    """
    by_cols = group_columns(by, counts, func="keyness", name="counts")
    check_columns(counts, ["term", "n"], func="keyness", name="counts",
                  fix="pass the output of word_counts() or theme_counts() (columns: the by columns, 'term', 'n')")
    feature = feature if feature is not None else counts.attrs.get("feature", "word")
    if feature not in _FEATURES:
        raise ValueError(f"keyness: feature={feature!r}; use one of {list(_FEATURES)}.")
    if isinstance(min_count, bool) or not isinstance(min_count, int | np.integer) or min_count < 0:
        raise ValueError(f"keyness: min_count={min_count!r} must be a non-negative integer.")
    key = _key(counts, by_cols)
    in_a, in_b, label_a, label_b = _sides(key, by_cols, a, b, labels)
    n = pd.to_numeric(counts["n"], errors="coerce")
    if n.isna().any() or (n < 0).any():
        raise ValueError("keyness: the 'n' column must hold non-negative counts.")
    terms_all = counts["term"].astype(str)
    ya_s = n[in_a].groupby(terms_all[in_a]).sum()
    yb_s = n[in_b].groupby(terms_all[in_b]).sum()
    codes = np.asarray(key.factorize(use_na_sentinel=False)[0])
    N_a = _size(counts, n, codes, in_a, label_a, "a")
    N_b = _size(counts, n, codes, in_b, label_b, "b")
    terms = ya_s.index.union(yb_s.index).sort_values()
    ya = ya_s.reindex(terms).fillna(0).to_numpy(dtype=np.float64)
    yb = yb_s.reindex(terms).fillna(0).to_numpy(dtype=np.float64)
    seen = (ya + yb) > 0
    terms, ya, yb = terms[seen], ya[seen], yb[seen]
    out = _scores(terms, ya, yb, N_a, N_b, prior=prior, feature=feature)
    out["key_for"] = pd.array(np.where(out["zeta"] > 0, label_a, np.where(out["zeta"] < 0, label_b, None)),
                              dtype="string")
    out = out[(out["n_a"] + out["n_b"]) >= min_count]
    order = np.lexsort((out["term"].to_numpy(dtype=object), -np.abs(out["zeta"].to_numpy())))
    out = out.iloc[order].reset_index(drop=True)
    out.attrs.update(groups=(label_a, label_b), totals=(N_a, N_b), by=tuple(by_cols),
                     prior=prior if not isinstance(prior, pd.Series) else "background")
    return out


def _sides(key, by_cols: list[str], a: Any, b: Any, labels) -> tuple[np.ndarray, np.ndarray, str, str]:
    """Which rows are in group a and in group b (default: every other group), and the two groups' names."""
    present = list(pd.unique(pd.Series(list(key), dtype=object)))
    held = f"(it holds {present[:20]}{' ...' if len(present) > 20 else ''})"
    a_vals = _values(a, len(by_cols))
    absent = [v for v in a_vals if v not in present]
    if not a_vals or absent:
        raise ValueError(f"keyness: a={a!r}: {absent or 'no value'} not found in {by_cols} of the count table "
                         f"{held}; pass one of those.")
    in_a = np.asarray(key.isin(a_vals))
    if b is None:
        in_b = ~in_a
        b_vals = None
    else:
        b_vals = _values(b, len(by_cols))
        absent = [v for v in b_vals if v not in present]
        if not b_vals or absent:
            raise ValueError(f"keyness: b={b!r}: {absent or 'no value'} not found in {by_cols} of the count table "
                             f"{held}; pass one of those, or b=None for every other group.")
        both = [v for v in b_vals if v in a_vals]
        if both:
            raise ValueError(f"keyness: {both} are in both a and b; give two different groups.")
        in_b = np.asarray(key.isin(b_vals))
    label_a = _label(a_vals)
    label_b = _label(b_vals) if b_vals is not None else ("other" if label_a != "other" else f"not {label_a}")
    if labels is not None:
        label_a, label_b = (str(x) for x in labels)
    return in_a, in_b, label_a, label_b


def _size(counts: pd.DataFrame, n: pd.Series, codes: np.ndarray, mask: np.ndarray, label: str, side: str) -> float:
    """The size N of one side: the sum of its groups' ``total`` (else of its counts)."""
    if "total" not in counts.columns:
        size = float(n[mask].sum())
    else:
        if (pd.to_numeric(counts.loc[mask, "total"]) < n[mask]).any():
            raise ValueError(f"keyness: group {side} ({label}): a 'total' is smaller than its 'n'; "
                             "drop the 'total' column or recompute the counts.")
        size = float(counts.loc[mask, "total"].groupby(codes[mask]).max().sum())
    if size <= 0:
        raise ValueError(f"keyness: group {side} ({label}) is empty (no tokens or units); "
                         "check the group values and that its texts are not empty.")
    return size


def _scores(terms: pd.Index, ya: np.ndarray, yb: np.ndarray, N_a: float, N_b: float, *, prior,
            feature: str) -> pd.DataFrame:
    """The keyness columns of each term (see the module docstring for the formulas)."""
    alpha, a0 = _alpha(prior, terms, ya, yb, N_a + N_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        rest_a, rest_b = N_a + a0 - ya - alpha, N_b + a0 - yb - alpha
        delta = np.log((ya + alpha) / rest_a) - np.log((yb + alpha) / rest_b)
        zeta = delta / np.sqrt(1.0 / (ya + alpha) + 1.0 / rest_a + 1.0 / (yb + alpha) + 1.0 / rest_b)
    g2 = signed_log_likelihood(ya, yb, N_a, N_b)
    return pd.DataFrame({
        "term": pd.array(terms.astype(str), dtype="string"),
        "feature": pd.array([feature] * len(terms), dtype="string"),
        "n_a": ya.astype(np.int64),
        "n_b": yb.astype(np.int64),
        "freq_a": ya / N_a * 10_000,
        "freq_b": yb / N_b * 10_000,
        "g2": g2,
        "p_value": chi2.sf(np.abs(g2), 1),
        "log_ratio": np.log2(((ya + 0.5) / N_a) / ((yb + 0.5) / N_b)),
        "delta": delta,
        "zeta": zeta,
    })


_COUNT_KW = {"words": {"lang", "stop_words", "lemmatize", "min_length", "unknown_lang"}, "themes": {"unit", "level"}}


@legacy_arguments(renamed={"hits": "theme_hits"})
def compare(
    articles: pd.DataFrame,
    *,
    by: str | Sequence[str],
    a: Any,
    b: Any = None,
    features: Literal["words", "themes"] = "words",
    theme_hits: pd.DataFrame | None = None,
    actor: str | Sequence[str] | None = None,
    mentions: pd.DataFrame | None = None,
    mask: bool = True,
    **kw: Any,
) -> pd.DataFrame:
    """Count and compare in one call: :func:`word_counts` or :func:`theme_counts`, then :func:`keyness`.

    Parameters
    ----------
    articles : DataFrame
        The articles table (not modified).
    by, a, b :
        As in :func:`keyness`.
    features : {"words", "themes"}
        Compare words, or themes (then ``theme_hits`` is required).
    theme_hits : DataFrame, optional
        Theme hits of ``articles`` (:func:`~diplolib.themes.tag_themes` with your dictionary); required for
        ``features="themes"``.
    actor : str or list of str, optional
        Restrict to the sentences mentioning this actor (:func:`actor_sentences`); for themes,
        only the hits in those sentences count. Then ``mentions`` is required.
    mentions : DataFrame, optional
        Actor mentions of ``articles`` (:func:`~diplolib.actors.tag_actors` with your registry).
    mask : bool
        Passed to :func:`actor_sentences`.
    **kw
        Options of the counting function (``lang``, ``stop_words``, ``lemmatize``, ``min_length``,
        ``unknown_lang`` for words; ``unit``, ``level`` for themes) and of :func:`keyness`
        (``prior``, ``min_count``, ``labels``).

    Returns
    -------
    DataFrame
        The keyness table (see :func:`keyness`).

    Raises
    ------
    ValueError
        ``features="themes"`` without ``theme_hits``, or ``actor`` without ``mentions``: the tables are not
        made here, so that they come from your own registry and dictionary.
    """
    check_option(features, tuple(_COUNT_KW), func="compare", name="features")
    count_kw = {k: kw.pop(k) for k in list(kw) if k in _COUNT_KW[features]}
    unknown = sorted(set(kw) - {"prior", "min_count", "labels"})
    if unknown:
        raise TypeError(f"compare: unexpected option(s) {unknown} for features={features!r}.")
    if features == "themes" and theme_hits is None:
        raise ValueError("compare: features='themes' needs theme_hits=; pass theme_hits=tag_themes(articles) "
                         "(with your dictionary=, if you use one).")
    if actor is not None and mentions is None:
        raise ValueError(f"compare: actor={actor!r} needs mentions=; pass mentions=tag_actors(articles) "
                         "(with your registry=, if you use one).")
    table = articles
    if actor is not None:
        table = actor_sentences(articles, mentions=mentions, actor=actor, mask=mask)
    if features == "words":
        counts = word_counts(table, by=by, **count_kw)
    else:
        hits = theme_hits
        if actor is not None:
            check_columns(hits, ["sentence"], func="compare", name="theme_hits", fix="pass the output of tag_themes()")
            kept = pd.MultiIndex.from_frame(table[["article_id", "sentence"]])
            at = pd.MultiIndex.from_arrays([hits["article_id"], hits["sentence"]])
            hits = hits[at.isin(kept) | hits["theme"].isna()]
        counts = theme_counts(hits, articles=table, by=by, **count_kw)
    return keyness(counts, by=by, a=a, b=b, **kw)
