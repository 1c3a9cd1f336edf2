"""Filtering co-mention edges by significance (the measures themselves are in :mod:`diplolib.stats`)."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from ..stats import adjust_pvalues

__all__ = ["significant"]


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
