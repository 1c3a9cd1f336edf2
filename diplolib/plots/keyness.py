"""Plot of keyness: the most distinctive terms of two groups, as diverging bars."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from .._tables import check_columns
from ._style import empty_axes

__all__ = ["plot_keyness"]


def plot_keyness(
    keyness: pd.DataFrame,
    *,
    score: str = "zeta",
    n: int = 15,
    labels: Sequence[str] | None = None,
    feature: str | None = None,
    colors: Sequence = ("tab:blue", "tab:orange"),
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Diverging bars of the most distinctive terms of two groups.

    The ``n`` terms with the highest ``score`` (key for group a) point right, on top; the
    ``n`` with the lowest (key for group b) point left, below; strongest at the ends.

    Parameters
    ----------
    keyness : DataFrame
        The keyness table (``term``, the ``score`` column, signed: positive = key for a).
    score : str
        ``"zeta"``, ``"g2"``, ``"log_ratio"``, ``"delta"``…
    n : int
        Terms shown on each side.
    labels : (str, str), optional
        Names of groups a and b; default ``keyness.attrs["groups"]``, else ``("a", "b")``.
    feature : str, optional
        Keep rows of this ``feature`` only (``"word"``, ``"theme"``, ``"actor"``).
    colors : (colour, colour)
        Bar colours for a and b.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.barh`.

    Returns
    -------
    Axes
        One bar per term shown (at most ``2 * n``), y tick labels = terms.
    """
    fn = "plot_keyness"
    check_columns(keyness, ["term", score] + (["feature"] if feature is not None else []), func=fn, name="keyness",
                  fix="pass the keyness table (term, score columns) or choose score=")
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"{fn}: n={n!r} must be an integer >= 1.")
    ax = ax if ax is not None else plt.gca()
    if labels is None:
        labels = keyness.attrs.get("groups", ("a", "b"))
    if len(labels) != 2:
        raise ValueError(f"{fn}: labels={labels!r} must name two groups, a then b.")
    data = keyness if feature is None else keyness[keyness["feature"] == feature]
    data = data[np.isfinite(data[score].to_numpy(dtype=float))]
    pos = data[data[score] > 0].sort_values([score, "term"], ascending=[False, True], kind="stable").head(n)
    neg = data[data[score] < 0].sort_values([score, "term"], ascending=[True, True], kind="stable").head(n)
    shown = pd.concat([pos, neg.iloc[::-1]])
    if len(shown) == 0:
        return empty_axes(ax, "no key terms")
    values = shown[score].to_numpy(dtype=float)
    y = np.arange(len(shown))
    ax.barh(y, values, color=[colors[0] if v > 0 else colors[1] for v in values], **kwargs)
    ax.set_yticks(y, [str(t) for t in shown["term"]], fontsize=8)
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.axvline(0.0, color="0.3", lw=0.8)
    ax.set_xlabel(f"{score} (→ key for {labels[0]}, ← key for {labels[1]})")
    ax.legend(handles=[Patch(color=colors[0], label=f"key for {labels[0]}"),
                       Patch(color=colors[1], label=f"key for {labels[1]}")],
              fontsize=7, frameon=False, loc="best")
    return ax
