"""Plots of agreement across languages: how often a translation finds what the original found."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ._style import empty_axes

__all__ = ["plot_agreement"]

_ARROW = "\u2192"


def plot_agreement(
    table: pd.DataFrame,
    *,
    group: str = "measure",
    value: str = "agreement",
    goals: dict[str, float] | None = None,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Dot plot of one agreement per direction (``source`` → ``target``) and group, with each group's goal.

    Parameters
    ----------
    table : DataFrame
        One row per group and direction: ``source``, ``target``, ``group`` and ``value`` columns (e.g. the
        rows of :func:`~diplolib.actors.crosslingual_agreement` and of
        :func:`~diplolib.themes.theme_agreement`'s ``"(all)"`` theme, with a ``measure`` column naming each).
    group, value : str
        Columns: what is measured (one colour each, in order of appearance) and the share (x axis, 0–1).
    goals : dict, optional
        Group → its goal, drawn as a dashed grey vertical line labelled with the groups that share it.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.scatter`.

    Returns
    -------
    Axes
    """
    for col in ("source", "target", group, value):
        if col not in table.columns:
            raise ValueError(f"plot_agreement: column {col!r} is missing; pass one row per direction and {group} "
                             "(crosslingual_agreement or theme_agreement rows with a group column).")
    ax = ax if ax is not None else plt.gca()
    if table.empty:
        return empty_axes(ax, "no agreement to show")
    directions = (table["source"].astype(str) + _ARROW + table["target"].astype(str))
    order = list(dict.fromkeys(directions.sort_values(kind="stable")))
    groups = list(dict.fromkeys(table[group]))
    y = directions.map({d: i for i, d in enumerate(order)}).to_numpy(float)
    step = 0.6 / max(len(groups), 1)
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    kwargs.setdefault("s", 30)
    kwargs.setdefault("zorder", 3)
    for i, name in enumerate(groups):
        rows = (table[group] == name).to_numpy()
        colour = colours[i % len(colours)]
        offset = (i - (len(groups) - 1) / 2) * step
        ax.scatter(table.loc[rows, value], y[rows] + offset, color=colour, label=str(name), **kwargs)
    for goal, names in _by_goal(goals or {}, groups).items():
        ax.axvline(goal, color="0.45", linestyle="--", linewidth=1, zorder=1)
        ax.annotate(f"goal {goal:.2f}: {' / '.join(names)}", (goal, 1), xycoords=("data", "axes fraction"),
                    xytext=(3, -2), textcoords="offset points", ha="left", va="top", fontsize=7, color="0.3")
    ax.set_yticks(np.arange(len(order)), order)
    ax.set_ylim(len(order) - 0.5, -0.9)  # room above the first direction for the goals' labels
    ax.set_xlabel(f"{value} (share of one language's findings also found in the other)")
    ax.grid(axis="x", alpha=0.3)
    return ax


def _by_goal(goals: dict[str, float], groups: list) -> dict[float, list[str]]:
    """goal → the groups drawn that have it, in the groups' order."""
    out: dict[float, list[str]] = {}
    for name in groups:
        if name in goals:
            out.setdefault(float(goals[name]), []).append(str(name))
    return out
