"""Plots of what a corpus holds: documents by group and period."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import LogNorm

__all__ = ["plot_documents_per_year"]


def plot_documents_per_year(
    data: pd.DataFrame,
    *,
    group: str = "corpus",
    year: str = "year",
    count: str = "documents",
    annotate: bool = True,
    colorbar: bool = True,
    order: list | None = None,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Heat map of document counts, one row per group and one column per year.

    Parameters
    ----------
    data : DataFrame
        Long-form counts: one row per (group, year) with a count column.
    group, year, count : str
        Column names.
    annotate : bool
        Write each count in its cell (skipped automatically when cells are too narrow).
    colorbar : bool
        Add a colour bar beside ``ax`` (as seaborn's ``heatmap(cbar=True)``).
    order : list, optional
        Groups to show, top to bottom (groups without counts get an empty row).
    ax : Axes, optional
        Axes to draw on; defaults to ``plt.gca()``.
    **kwargs
        Passed to :meth:`Axes.pcolormesh` (e.g. ``cmap``).

    Returns
    -------
    Axes
    """
    for col in (group, year, count):
        if col not in data.columns:
            raise ValueError(f"plot_documents_per_year: column {col!r} is missing; the data has "
                             f"{list(data.columns)}.")
    ax = ax if ax is not None else plt.gca()
    table = data.pivot_table(index=group, columns=year, values=count, aggfunc="sum", fill_value=0)
    if order is not None:
        table = table.reindex(index=order, fill_value=0)
    if table.empty or table.shape[1] == 0:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "no dated documents", ha="center", va="center", transform=ax.transAxes)
        return ax
    years = np.arange(int(table.columns.min()), int(table.columns.max()) + 1)
    table = table.reindex(columns=years, fill_value=0)
    values = np.ma.masked_equal(table.to_numpy(dtype=float), 0)
    kwargs.setdefault("cmap", "viridis")
    kwargs.setdefault("norm", LogNorm(vmin=1, vmax=max(1.0, float(values.max()))))
    mesh = ax.pcolormesh(np.arange(len(years) + 1) - 0.5, np.arange(len(table) + 1) - 0.5, values, **kwargs)
    ax.set_yticks(np.arange(len(table)), labels=table.index)
    step = max(1, len(years) // 20)
    ticks = [i for i, y in enumerate(years) if y % step == 0] if step > 1 else list(range(len(years)))
    ax.set_xticks(ticks, labels=[str(years[i]) for i in ticks], rotation=90)
    ax.set_xlim(-0.5, len(years) - 0.5)
    ax.set_ylim(len(table) - 0.5, -0.5)
    ax.set_xlabel(year)
    if annotate and len(years) <= 40:
        for i, row in enumerate(table.to_numpy()):
            for j, v in enumerate(row):
                if v:
                    ax.text(j, i, str(int(v)), ha="center", va="center", fontsize=6, color="white")
    if colorbar:
        ax.figure.colorbar(mesh, ax=ax, label=count, pad=0.01)
    return ax
