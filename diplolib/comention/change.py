"""Change of co-mentions over time: which pairs rose or fell between two periods."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._tables import check_columns, legacy_arguments
from .graph import group_columns

__all__ = ["edge_change"]

# value of a measure for a pair that does not co-occur in a period (NaN: undefined)
_ABSENT = {"n": 0.0, "npmi": -1.0, "jaccard": 0.0, "lift": 0.0}


@legacy_arguments(renamed={"period": "period_column"})
def edge_change(
    edges: pd.DataFrame,
    *,
    before: str,
    after: str,
    measure: str = "npmi",
    min_count: int = 3,
    period_column: str = "period",
    top: int | None = None,
) -> pd.DataFrame:
    """Pairs whose association rose or fell most between two periods.

    Parameters
    ----------
    edges : DataFrame
        Per-period edges: ``co_mentions(..., period="Y")`` (other group columns such as
        ``source`` are kept apart: the change is computed within each of them). Any period
        (``"D"`` … ``"Y"``) works: ``before`` and ``after`` are two of its labels.
    before, after : str
        Two values of the ``period`` column, e.g. ``"2016"`` and ``"2017"``.
    measure : str
        Edge column to compare (``npmi``, ``n``, ``pmi``, ``jaccard``, ``lift``...).
    min_count : int
        Keep pairs seen together (``n``) at least this often in one of the two periods.
    period_column : str
        Name of the period column (``period`` in the edges of :func:`co_mentions`).
    top : int, optional
        Keep the ``top`` largest rises and the ``top`` largest falls.

    Returns
    -------
    DataFrame
        ``actor_a, actor_b, window``, other group columns, ``n_before``, ``n_after``,
        ``<measure>_before``, ``<measure>_after``, ``change`` (after − before) and
        ``direction`` (``rose``, ``fell``, ``same``). A pair absent from one period
        (never together then) counts as ``n = 0``, ``npmi = -1``, ``jaccard = lift = 0``;
        for other measures it is undefined and the pair is dropped. Sorted by absolute
        change (largest first), then by the pair.
    """
    period = period_column
    check_columns(edges, [period, measure, "actor_a", "actor_b", "n"], func="edge_change", name="edges",
                  fix="compute them with co_mentions(..., period='Y') (or 'Q', 'M', 'W', 'D')")
    have = sorted(edges[period].dropna().astype(str).unique())
    for name, value in (("before", before), ("after", after)):
        if str(value) not in have:
            raise ValueError(f"edge_change: {name}={value!r} is not a period of the edges; they have {have}.")
    keys = (
        ["actor_a", "actor_b"]
        + (["window"] if "window" in edges.columns else [])
        + [c for c in group_columns(edges) if c != period]
    )
    per = edges[period].astype(str)
    values = keys + list(dict.fromkeys(["n", measure]))
    b = edges.loc[per == str(before), values]
    a = edges.loc[per == str(after), values]
    out = b.merge(a, on=keys, how="outer", suffixes=("_before", "_after"))
    fill = _ABSENT.get(measure, np.nan)
    cols = [f"{measure}_before", f"{measure}_after"]
    if measure != "n":
        out[cols] = out[cols].astype(np.float64).fillna(fill)
    out[["n_before", "n_after"]] = out[["n_before", "n_after"]].fillna(0).astype(np.int64)
    out = out[np.maximum(out["n_before"], out["n_after"]) >= min_count]
    out = out.dropna(subset=cols)
    out["change"] = out[cols[1]].astype(np.float64) - out[cols[0]].astype(np.float64)
    out["direction"] = np.select([out["change"] > 0, out["change"] < 0], ["rose", "fell"], "same")
    out["_abs"] = out["change"].abs()
    out = out.sort_values(["_abs"] + keys, ascending=[False] + [True] * len(keys), kind="stable")
    out = out.drop(columns="_abs")
    if top is not None:
        out = pd.concat([out[out["change"] > 0].head(top), out[out["change"] < 0].head(top)])
    order = keys + ["n_before", "n_after"] + ([] if measure == "n" else cols) + ["change", "direction"]
    return out[order].reset_index(drop=True)
