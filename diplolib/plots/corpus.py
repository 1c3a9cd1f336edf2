"""Plots of what a corpus holds: documents by group and period."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import LogNorm

from .._tables import PANDAS_FREQ, check_columns, infer_period
from ._style import annotate_cells

__all__ = ["plot_documents_per_year", "plot_period_heatmap", "plot_stacked_counts"]


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
        M = table.to_numpy(dtype=float)
        annotate_cells(ax, np.where(M > 0, M, np.nan), [[str(int(v)) if v else "" for v in row] for row in M], mesh)
    if colorbar:
        ax.figure.colorbar(mesh, ax=ax, label=count, pad=0.01)
    return ax


def plot_period_heatmap(
    data: pd.DataFrame,
    *,
    group: str = "source",
    period: str = "period",
    count: str = "documents",
    order: list | None = None,
    colorbar: bool = True,
    ax: Axes | None = None,
    freq: str | None = None,
    **kwargs,
) -> Axes:
    """Heat map of counts, one row per group and one column per period (every period of the range shown).

    Parameters
    ----------
    data : DataFrame
        Long-form counts: one row per (group, period); ``period`` holds the labels of
        :func:`diplolib._tables.period_of` (``"2016-02"``, ``"2016Q1"``, ``"2016"``, days or weeks), whose
        length is read from them; gaps in the range are shown as empty columns.
    group, period, count : str
        Column names.
    order : list, optional
        Groups, top to bottom (default: by decreasing total).
    colorbar : bool
    ax : Axes, optional
    freq : str, optional
        Deprecated: the period's length is read from the labels.
    **kwargs
        Passed to :meth:`Axes.pcolormesh`.

    Returns
    -------
    Axes
    """
    check_columns(data, [group, period, count], func="plot_period_heatmap", name="data",
                  fix="pass long-form counts and name their columns in group=, period=, count=")
    ax = ax if ax is not None else plt.gca()
    dated = data.dropna(subset=[period])
    if dated.empty:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "no dated documents", ha="center", va="center", transform=ax.transAxes)
        return ax
    if freq is not None:
        warnings.warn("plot_period_heatmap: freq= is no longer needed (the period is read from the labels); it "
                      "goes in the next release.", DeprecationWarning, stacklevel=2)
    code = infer_period(dated[period], func="plot_period_heatmap")
    periods = pd.PeriodIndex(dated[period].astype(str), freq=PANDAS_FREQ[code])
    full = pd.period_range(periods.min(), periods.max(), freq=PANDAS_FREQ[code])
    table = (dated.assign(_p=periods).pivot_table(index=group, columns="_p", values=count, aggfunc="sum",
                                                   fill_value=0).reindex(columns=full, fill_value=0))
    table = table.reindex(order, fill_value=0) if order is not None else table.loc[
        table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    values = np.ma.masked_equal(table.to_numpy(dtype=float), 0)
    kwargs.setdefault("cmap", "viridis")
    kwargs.setdefault("norm", LogNorm(vmin=1, vmax=max(1.0, float(values.max()))))
    mesh = ax.pcolormesh(np.arange(len(full) + 1) - 0.5, np.arange(len(table) + 1) - 0.5, values, **kwargs)
    ax.set_yticks(np.arange(len(table)), labels=[str(i) for i in table.index])
    labels = [str(p) for p in full]
    step = max(1, len(full) // 24)
    ax.set_xticks(np.arange(len(full))[::step], labels=labels[::step], rotation=90)
    ax.set_xlim(-0.5, len(full) - 0.5)
    ax.set_ylim(len(table) - 0.5, -0.5)
    ax.set_xlabel(period)
    if colorbar:
        ax.figure.colorbar(mesh, ax=ax, label=count, pad=0.01)
    return ax


def plot_stacked_counts(
    data: pd.DataFrame,
    *,
    group: str,
    stack: str,
    count: str = "documents",
    normalize: bool = True,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Horizontal stacked bars: for each ``group``, the counts (or shares) of each ``stack`` value.

    Parameters
    ----------
    data : DataFrame
        Long-form counts: one row per (group, stack value).
    group, stack, count : str
        Column names (e.g. corpus, lang, documents).
    normalize : bool
        Bars of shares (each group sums to 1) instead of counts; totals are written at the bar ends.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.barh`.

    Returns
    -------
    Axes
    """
    for col in (group, stack, count):
        if col not in data.columns:
            raise ValueError(f"plot_stacked_counts: column {col!r} is missing; the data has {list(data.columns)}.")
    ax = ax if ax is not None else plt.gca()
    table = data.pivot_table(index=group, columns=stack, values=count, aggfunc="sum", fill_value=0)
    totals = table.sum(axis=1)
    shown = table.div(totals, axis=0) if normalize else table
    left = np.zeros(len(shown))
    y = np.arange(len(shown))
    for col in shown.columns:
        ax.barh(y, shown[col].to_numpy(), left=left, label=str(col), **kwargs)
        left += shown[col].to_numpy()
    for i, total in enumerate(totals):
        ax.text(left[i], i, f" {int(total):,}", va="center", fontsize=7)
    ax.set_yticks(y, labels=[str(i) for i in shown.index])
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.set_xlabel(f"share of {count}" if normalize else count)
    ax.legend(title=stack, fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.06, 1))
    return ax
