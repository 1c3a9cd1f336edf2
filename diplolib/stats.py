"""Statistics shared by co-mentions, themes, keyness and topics: association measures, multiple testing, and
the confidence interval of a share read by hand.

Co-mention edges (:mod:`diplolib.comention`) and the theme × actor cross-tabulation
(:mod:`diplolib.themes.prevalence`) use :func:`association_measures`; keyness uses
:func:`signed_log_likelihood`; topic coherence uses :func:`npmi`; significance filters use
:func:`adjust_pvalues`; the hand readings of themes, actors and events report their shares with
:func:`wilson_interval`.

Association measures come from four counts per pair, within one group of windows:
``n`` (windows holding both), ``n_a`` and ``n_b`` (windows holding each) and
``n_windows`` (``N``, windows holding at least one of the things counted). Logarithms are base 2.

===========  ==============================================================================
``expected`` ``n_a * n_b / N``: windows holding both if the two were independent
``pmi``      ``log2(n * N / (n_a * n_b))``: 0 at independence, > 0 above chance
``npmi``     ``pmi / -log2(n / N)``, in [-1, 1]; 1 when the two always appear together
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
from scipy.special import erfc, xlogy

__all__ = ["MEASURES", "association_measures", "adjust_pvalues", "signed_log_likelihood", "npmi", "wilson_interval"]

MEASURES = ["expected", "pmi", "npmi", "g2", "p_value", "jaccard", "lift"]


#: Pairs computed at a time by :func:`association_measures`: its ~40 element-wise steps then run on arrays that
#: stay in the CPU cache (and reuse the same small buffers) instead of streaming a million-pair column through
#: memory at each step; every element goes through the same operations, so the values are the same bits.
BLOCK = 16_384


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
    n, a, b, N = np.broadcast_arrays(n, a, b, N)
    if n.ndim != 1 or len(n) <= BLOCK:
        return _measures(n, a, b, N)
    out = {name: np.empty(len(n), dtype=np.float64) for name in MEASURES}
    for lo in range(0, len(n), BLOCK):
        part = slice(lo, lo + BLOCK)
        for name, values in _measures(n[part], a[part], b[part], N[part]).items():
            out[name][part] = values
    return out


def _measures(n: np.ndarray, a: np.ndarray, b: np.ndarray, N: np.ndarray) -> dict[str, np.ndarray]:
    """:func:`association_measures` of float64 arrays (one block)."""
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


def signed_log_likelihood(ya, yb, na, nb) -> np.ndarray:
    """Signed log-likelihood G² of a term in two groups: the 2×2 tables [[ya, yb], [na - ya, nb - yb]].

    Dunning's (1993) G² as in Rayson & Garside (2000), positive when the term is relatively more frequent in
    group a (``ya / na >= yb / nb``), negative otherwise; arrays of equal length.
    """
    n = na + nb
    col = ya + yb
    cells = [(ya, col * na / n), (yb, col * nb / n), (na - ya, (n - col) * na / n), (nb - yb, (n - col) * nb / n)]
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2.0 * sum(np.where(o > 0, xlogy(o, o / e), 0.0) for o, e in cells)
    g2 = np.maximum(np.nan_to_num(g2, nan=0.0), 0.0)
    return np.where(ya / na >= yb / nb, g2, -g2)


def npmi(n_docs: int, n_i: int, n_j: int, n_ij: int) -> float:
    """NPMI of two terms from document counts (Bouma 2009): -1 when they never co-occur, 1 when always.

    Parameters
    ----------
    n_docs : int
        Number of documents.
    n_i, n_j : int
        Documents containing each term.
    n_ij : int
        Documents containing both.

    Returns
    -------
    float in [-1, 1]
    """
    if n_docs <= 0 or n_i <= 0 or n_j <= 0:
        raise ValueError(
            f"npmi: counts must be positive (n_docs={n_docs}, n_i={n_i}, n_j={n_j}); "
            "a top term must occur in at least one document."
        )
    if n_ij <= 0:
        return -1.0
    p_ij = n_ij / n_docs
    if p_ij >= 1.0:
        return 1.0
    pmi = np.log(p_ij / ((n_i / n_docs) * (n_j / n_docs)))
    return float(pmi / -np.log(p_ij))


def wilson_interval(successes, trials, *, z: float = 1.96) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of the share ``successes / trials`` (95% with the default ``z``), element-wise.

    The interval of a proportion read by hand on a sample (hits judged right, events read right): unlike the
    normal approximation it stays within [0, 1] and is usable for small samples and shares near 0 or 1.

    Examples
    --------
    >>> low, high = wilson_interval(143, 160)
    >>> round(float(low), 3), round(float(high), 3)
    (0.836, 0.933)
    """
    k = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    # at 0 or n successes the bound is 0 or 1 exactly; rounding must not put it outside
    return np.clip(centre - half, 0.0, 1.0), np.clip(centre + half, 0.0, 1.0)
