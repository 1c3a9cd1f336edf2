"""Association measures for co-mention counts, and filtering edges by significance.

All measures come from four counts per pair, within one group of windows:
``n`` (windows holding both actors), ``n_a`` and ``n_b`` (windows holding each) and
``n_windows`` (``N``, windows holding at least one actor). Logarithms are base 2.

===========  ==============================================================================
``expected`` ``n_a * n_b / N``: windows holding both if the actors were independent
``pmi``      ``log2(n * N / (n_a * n_b))``: 0 at independence, > 0 above chance
``npmi``     ``pmi / -log2(n / N)``, in [-1, 1]; 1 when the actors always appear together
             (and, by convention, when ``n == N``)
``g2``       Dunning's log-likelihood ratio G² on the 2×2 table of windows
             (both / a only / b only / neither); ≥ 0; large for over- *and* under-represented
             pairs (compare ``n`` with ``expected`` for the direction)
``p_value``  chi² (1 degree of freedom) survival function of ``g2``
``jaccard``  ``n / (n_a + n_b - n)``
``lift``     ``n * N / (n_a * n_b)`` (= 2 ** pmi)
===========  ==============================================================================
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from scipy.special import erfc, xlogy

__all__ = ["association_measures", "adjust_pvalues", "significant", "MEASURES"]

MEASURES = ["expected", "pmi", "npmi", "g2", "p_value", "jaccard", "lift"]


def association_measures(n, n_a, n_b, n_windows) -> dict[str, np.ndarray]:
    """Association measures of co-mention counts (arrays of equal length).

    Parameters
    ----------
    n, n_a, n_b, n_windows : array-like of int
        Windows holding both actors, actor a, actor b, and any actor (same group).

    Returns
    -------
    dict of str to ndarray
        Float64 arrays keyed by the names in :data:`MEASURES`.
    """
    n = np.asarray(n, dtype=np.float64)
    a = np.asarray(n_a, dtype=np.float64)
    b = np.asarray(n_b, dtype=np.float64)
    N = np.asarray(n_windows, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = a * b / N
        lift = n / expected
        ln_lift = np.log(lift)
        pmi = ln_lift / np.log(2.0)
        npmi = np.where(n >= N, 1.0, ln_lift / -np.log(n / N))
        npmi = np.where(n > 0, np.clip(npmi, -1.0, 1.0), -1.0)
        # G² = 2 Σ k ln(k / e) over the 2x2 table of windows (both, a only, b only, neither),
        # e = row total * column total / N; the (both) cell is n ln(lift)
        not_a, not_b = N - a, N - b
        k12, k21 = a - n, b - n
        k22 = not_b - k12
        g2 = _klog(n, lift) + _klog(k12, k12 * N / (a * not_b))
        g2 += _klog(k21, k21 * N / (not_a * b))
        g2 += _klog(k22, k22 * N / (not_a * not_b))
        g2 = 2.0 * g2
        g2 = np.where(np.isfinite(g2), np.maximum(g2, 0.0), 0.0)
        jaccard = n / (a + b - n)
    return {
        "expected": expected,
        "pmi": pmi,
        "npmi": npmi,
        "g2": g2,
        "p_value": np.clip(erfc(np.sqrt(g2 / 2.0)), 0.0, 1.0),  # chi² (1 dof) survival function
        "jaccard": jaccard,
        "lift": lift,
    }


def _klog(k: np.ndarray, ratio: np.ndarray) -> np.ndarray:
    """k * ln(ratio), 0 where k == 0 (empty cells contribute nothing)."""
    out = xlogy(k, ratio)
    out[k == 0] = 0.0
    return out


def adjust_pvalues(p, *, method: Literal["holm", "fdr_bh", "bonferroni"] = "holm") -> np.ndarray:
    """Adjust p-values for multiple testing.

    Parameters
    ----------
    p : array-like of float
        Raw p-values in [0, 1] (NaN not allowed).
    method : {"holm", "fdr_bh", "bonferroni"}
        Holm's step-down family-wise correction, Benjamini-Hochberg false discovery
        rate, or Bonferroni.

    Returns
    -------
    ndarray
        Adjusted p-values, same order as ``p``, capped at 1.
    """
    p = np.asarray(p, dtype=np.float64)
    m = p.size
    if m == 0:
        return p.copy()
    if np.isnan(p).any():
        raise ValueError("adjust_pvalues: p-values contain NaN; drop those rows first.")
    if method == "bonferroni":
        return np.minimum(p * m, 1.0)
    order = np.argsort(p, kind="stable")
    ps = p[order]
    if method == "holm":
        adj = np.maximum.accumulate(ps * (m - np.arange(m)))
    elif method == "fdr_bh":
        adj = np.minimum.accumulate((ps * m / np.arange(1, m + 1))[::-1])[::-1]
    else:
        raise ValueError(f"adjust_pvalues: unknown method {method!r}; use 'holm', 'fdr_bh' or 'bonferroni'.")
    out = np.empty(m)
    out[order] = np.minimum(adj, 1.0)
    return out


def significant(
    edges: pd.DataFrame,
    *,
    alpha: float = 0.05,
    method: Literal["holm", "fdr_bh", "bonferroni"] = "holm",
    min_npmi: float | None = None,
    positive: bool = True,
) -> pd.DataFrame:
    """Keep the pairs whose G² test survives a multiple-testing correction.

    The family of tests is the rows of ``edges`` as given (all groups together):
    pairs that never co-occur are not in the edges table and are not tested.

    Parameters
    ----------
    edges : DataFrame
        Output of :func:`co_mentions` (needs ``p_value``; ``n``, ``expected``, ``npmi`` as used).
    alpha : float
        Level for the adjusted p-value.
    method : {"holm", "fdr_bh", "bonferroni"}
        Correction, see :func:`adjust_pvalues`.
    min_npmi : float, optional
        Also require ``npmi >= min_npmi``.
    positive : bool
        Keep only pairs seen together more often than chance (``n > expected``);
        G² is also large for pairs that avoid each other.

    Returns
    -------
    DataFrame
        The kept rows of ``edges`` in their order, with a ``p_adjusted`` column.
    """
    need = ["p_value"] + (["n", "expected"] if positive else []) + (["npmi"] if min_npmi is not None else [])
    missing = [c for c in need if c not in edges.columns]
    if missing:
        raise ValueError(f"significant: edges lack column(s) {missing}; pass the output of co_mentions().")
    if not 0 < alpha < 1:
        raise ValueError(f"significant: alpha={alpha!r} must be between 0 and 1.")
    out = edges.copy()
    out["p_adjusted"] = adjust_pvalues(out["p_value"].to_numpy(dtype=np.float64), method=method)
    keep = out["p_adjusted"].to_numpy() <= alpha
    if positive:
        keep &= out["n"].to_numpy(dtype=np.float64) > out["expected"].to_numpy(dtype=np.float64)
    if min_npmi is not None:
        keep &= out["npmi"].to_numpy(dtype=np.float64) >= min_npmi
    return out.loc[keep].reset_index(drop=True)
