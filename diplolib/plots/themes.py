"""Plots of themes: prevalence over time and by outlet, themes around actors (keyness: :mod:`.keyness`).

Axes-level: each function draws on ``ax`` (or ``plt.gca()``) and returns it; nothing is saved.
When a prevalence table holds more groups than the plot shows (several outlets on a
timeline of themes, several periods on an outlet × theme heat map), shares are pooled
as ``sum(n) / sum(n_units)`` over the hidden groups, never averaged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import TwoSlopeNorm
from matplotlib.ticker import PercentFormatter

from ._style import annotate_cells, empty_axes, time_axis

__all__ = ["plot_theme_timeline", "plot_theme_heatmap", "plot_theme_actor_heatmap"]

_PREVALENCE = ("theme", "parent", "n", "n_units", "share", "n_untagged")
_CROSSTAB = ("theme", "actor_id", "n", "n_theme", "n_actor", "n_windows", "share_of_actor", "lift", "npmi")


def _need(data: pd.DataFrame, cols: Sequence[str], fn: str, fix: str) -> None:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{fn}: expected a pandas DataFrame, not {type(data).__name__}.")
    missing = [c for c in dict.fromkeys(cols) if c not in data.columns]
    if missing:
        raise ValueError(f"{fn}: column(s) {missing} missing (the table has {list(data.columns)}); {fix}.")


def _pooled(prev: pd.DataFrame, keys: list[str], value: str) -> pd.Series:
    """``value`` per ``keys``: shares pooled as sum(n) / sum(n_units), counts summed, other values averaged."""
    g = prev.groupby(keys, dropna=False, sort=False)
    if value == "share" and {"n", "n_units"} <= set(prev.columns):
        units = g["n_units"].sum()
        return (g["n"].sum() / units.where(units > 0)).astype(float)
    if value in ("n", "n_units", "n_untagged"):
        return g[value].sum().astype(float)
    return g[value].mean().astype(float)


def _top_themes(prev: pd.DataFrame, themes, top: int | None, value: str = "share") -> list[str]:
    if themes is not None:
        wanted = [str(t) for t in themes]
        unknown = [t for t in wanted if t not in set(prev["theme"].astype(str))]
        if unknown:
            have = sorted(prev["theme"].astype(str).unique())
            raise ValueError(f"themes {unknown} are not in the table; pick from {have[:20]}.")
        return wanted
    overall = _pooled(prev, ["theme"], value).fillna(-np.inf)
    ranked = sorted(overall.index, key=lambda t: (-overall[t], str(t)))
    return [str(t) for t in (ranked if top is None else ranked[:top])]


def _percent_axis(value: str) -> bool:
    return value in ("share", "share_of_actor")


def plot_theme_timeline(
    prevalence: pd.DataFrame,
    *,
    themes: Sequence[str] | None = None,
    top: int = 6,
    hue: str = "theme",
    value: str = "share",
    period: str = "period",
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Lines of theme prevalence over time, one per theme (or one per outlet for a single theme).

    Parameters
    ----------
    prevalence : DataFrame
        :func:`~diplolib.themes.theme_prevalence` output with ``period=``.
    themes : list of str, optional
        Themes to draw, in legend order; default the ``top`` themes by overall pooled share.
    top : int
        Number of themes when ``themes`` is not given.
    hue : str
        ``"theme"`` (one line per theme, other groups pooled) or a group column such as
        ``"source"`` (one line per value; then exactly one theme must be selected).
    value : str
        ``"share"`` (pooled ``sum(n) / sum(n_units)``) or ``"n"``.
    period : str
        The period column (the labels of ``theme_prevalence(period=...)``), drawn at each period's start.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.plot`.

    Returns
    -------
    Axes
        One line per hue value; x = period start dates.
    """
    fn = "plot_theme_timeline"
    _need(prevalence, ["theme", period, value, hue], fn, "use theme_prevalence(..., period='M'|'Q'|'Y'|'W')")
    ax = ax if ax is not None else plt.gca()
    if len(prevalence) == 0:
        return empty_axes(ax, "no themes")
    selected = _top_themes(prevalence, themes, 1 if hue != "theme" and themes is None else top, value)
    if hue != "theme" and len(selected) != 1:
        raise ValueError(f"{fn}: hue={hue!r} draws one theme per line colour; pass themes=[one theme] "
                         f"(got {selected}).")
    data = prevalence[prevalence["theme"].astype(str).isin(selected)]
    data = data.assign(**{period: time_axis(data[period], func=fn)})
    series = _pooled(data, [hue, period], value)
    order = selected if hue == "theme" else sorted(data[hue].dropna().astype(str).unique())
    for name in order:
        key = name if hue == "theme" else data.loc[data[hue].astype(str) == name, hue].iloc[0]
        s = series.xs(key, level=0).sort_index()
        ax.plot(s.index, s.to_numpy(dtype=float), label=str(name), **{"marker": "o", "markersize": 3, **kwargs})
    if _percent_axis(value):
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylim(bottom=0)
    ax.set_xlabel(period)
    ax.set_ylabel(value if hue == "theme" else f"{value} · {selected[0]}")
    ax.legend(fontsize=7, frameon=False, title=hue, title_fontsize=7)
    for label in ax.get_xticklabels():
        label.set_rotation(45)
        label.set_ha("right")
    return ax


def plot_theme_heatmap(
    prevalence: pd.DataFrame,
    *,
    x: str = "theme",
    y: str = "source",
    value: str = "share",
    annotate: bool = True,
    themes: Sequence[str] | None = None,
    top: int | None = None,
    groups: Sequence | None = None,
    colorbar: bool = True,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Heat map of theme prevalence, e.g. outlet × theme.

    Columns (``x``) are ordered by overall pooled share, most frequent first; rows (``y``)
    by volume (``n_units``), largest on top, and their labels carry that volume.

    Parameters
    ----------
    prevalence : DataFrame
        :func:`~diplolib.themes.theme_prevalence` output; groups other than ``x`` and ``y``
        (periods…) are pooled.
    x, y : str
        Columns for the horizontal and vertical axes (``theme`` and a group column, either way).
    value : str
        Cell value: ``"share"`` (percent labels) or ``"n"``.
    annotate : bool
        Write the value in each cell.
    themes : list of str, optional
        Themes to show (in this order); default every theme, or the ``top`` most prevalent.
    top : int, optional
        Keep the ``top`` themes by overall pooled share.
    groups : list, optional
        Order of the group axis (e.g. months in time order); default by volume, largest first.
    colorbar : bool
        Add a colour bar beside ``ax``.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.pcolormesh` (e.g. ``cmap``, ``vmax``).

    Returns
    -------
    Axes
        One cell per (y, x); groups without tagged units are blank.
    """
    fn = "plot_theme_heatmap"
    _need(prevalence, [x, y, value, "theme"], fn, "pass theme_prevalence() output and name its columns in x=/y=")
    ax = ax if ax is not None else plt.gca()
    if len(prevalence) == 0:
        return empty_axes(ax, "no themes")
    selected = _top_themes(prevalence, themes, top, value)
    if "theme" not in (x, y) and len(selected) != 1:
        raise ValueError(f"{fn}: with x={x!r} and y={y!r} the themes would be pooled; put 'theme' on an axis "
                         "or pass themes=[one theme].")
    data = prevalence[prevalence["theme"].astype(str).isin(selected)]
    table = _pooled(data, [y, x], value).unstack(x)
    group_cols = [c for c in data.columns if c not in _PREVALENCE]
    volume = {}
    if "n_units" in data.columns and group_cols:  # a group's volume: n_units once per group (it repeats on every theme)
        per_group = data.drop_duplicates(group_cols)
        volume = {ax_name: per_group.groupby(ax_name, dropna=False)["n_units"].sum()
                  for ax_name in (x, y) if ax_name in group_cols}

    def order(values, ax_name):
        if ax_name == "theme":
            return [t for t in selected if t in set(values)]
        if groups is not None:
            return [g for g in groups if g in set(values)]
        if ax_name in volume:
            return sorted(values, key=lambda g: (-volume[ax_name].get(g, 0), str(g)))
        return sorted(values, key=str)

    table = table.reindex(index=order(list(table.index), y), columns=order(list(table.columns), x))

    def names(values, ax_name):
        if ax_name in volume:
            return [f"{v} ({int(volume[ax_name].get(v, 0)):,})" for v in values]
        return [str(v) for v in values]

    M = table.to_numpy(dtype=float)
    if _percent_axis(value):
        kwargs.setdefault("vmin", 0.0)
    kwargs.setdefault("cmap", "Blues")
    mesh = ax.pcolormesh(np.ma.masked_invalid(M), **kwargs)
    ax.set_xticks(np.arange(M.shape[1]) + 0.5, names(table.columns, x), rotation=45, ha="right", fontsize=8)
    ax.set_yticks(np.arange(M.shape[0]) + 0.5, names(table.index, y), fontsize=8)
    ax.set_xlim(0, M.shape[1])
    ax.set_ylim(M.shape[0], 0)
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    if annotate:
        fmt = "{:.0%}" if _percent_axis(value) else "{:,.0f}"
        annotate_cells(ax, M, [[fmt.format(v) if np.isfinite(v) else "" for v in row] for row in M], mesh,
                       offset=0.5)
    if colorbar:
        bar = ax.figure.colorbar(mesh, ax=ax, label=value, pad=0.01)
        if _percent_axis(value):
            bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    return ax


def _label_map(labels) -> dict:
    if labels is None:
        return {}
    if isinstance(labels, pd.DataFrame):
        if not {"actor_id", "label"} <= set(labels.columns):
            raise ValueError("labels: a table must have 'actor_id' and 'label' columns (the registry's actors).")
        return dict(zip(labels["actor_id"].astype(str), labels["label"].astype(str), strict=True))
    if isinstance(labels, (Mapping, pd.Series)):
        return {str(k): str(v) for k, v in labels.items()}
    raise TypeError(f"labels must be a dict, a Series or an actors table, not {type(labels).__name__}.")


def plot_theme_actor_heatmap(
    crosstab: pd.DataFrame,
    *,
    value: str = "share_of_actor",
    actors: Sequence[str] | None = None,
    themes: Sequence[str] | None = None,
    top_actors: int = 15,
    top_themes: int | None = 12,
    labels: Mapping[str, str] | pd.Series | pd.DataFrame | None = None,
    annotate: bool = True,
    colorbar: bool = True,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Actor × theme heat map: which themes surround each actor.

    Parameters
    ----------
    crosstab : DataFrame
        :func:`~diplolib.themes.theme_actor_crosstab` output for one group (filter ``by``
        columns first).
    value : str
        ``"share_of_actor"`` (0 where never together), ``"n"``, ``"lift"`` (centred on 1) or
        ``"npmi"`` (fixed to [-1, 1]; blank where never together).
    actors : list of str, optional
        ``actor_id`` values to show, top to bottom; default the ``top_actors`` with most windows.
    themes : list of str, optional
        Themes to show, left to right; default the ``top_themes`` most frequent, most frequent first.
    top_actors : int
        Number of actors when ``actors`` is not given.
    top_themes : int or None
        Number of themes when ``themes`` is not given (None: all).
    labels : dict, Series or DataFrame, optional
        ``actor_id`` → display label (or the actors table with ``actor_id``, ``label``).
    annotate : bool
        Write the value in each cell.
    colorbar : bool
        Add a colour bar beside ``ax``.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.pcolormesh`.

    Returns
    -------
    Axes
        One cell per (actor, theme); rows = actors, columns = themes.
    """
    fn = "plot_theme_actor_heatmap"
    _need(crosstab, ["theme", "actor_id", "n_actor", "n_theme", value], fn, "pass theme_actor_crosstab() output")
    groups = [c for c in crosstab.columns if c not in _CROSSTAB]
    for c in groups:
        vals = crosstab[c].dropna().unique()
        if len(vals) > 1:
            raise ValueError(f"{fn}: the crosstab holds several groups in {c!r} ({list(vals)[:5]}); select one "
                             f"first, e.g. crosstab[crosstab[{c!r}] == {vals[0]!r}].")
    ax = ax if ax is not None else plt.gca()
    if len(crosstab) == 0:
        return empty_axes(ax, "no theme and actor together")
    data = crosstab.assign(actor_id=crosstab["actor_id"].astype(str), theme=crosstab["theme"].astype(str))
    if actors is None:
        size = data.groupby("actor_id")["n_actor"].max()
        actors = sorted(size.index, key=lambda a: (-size[a], a))[:top_actors]
    actors = [str(a) for a in actors]
    if themes is None:
        size = data.groupby("theme")["n_theme"].max()
        themes = sorted(size.index, key=lambda t: (-size[t], t))[:top_themes]
    themes = [str(t) for t in themes]
    table = data.pivot_table(index="actor_id", columns="theme", values=value, aggfunc="first")
    table = table.reindex(index=actors, columns=themes)
    if value in ("share_of_actor", "n"):
        table = table.fillna(0.0)
    M = table.to_numpy(dtype=float)
    if value == "npmi":
        kwargs = {"cmap": "RdBu_r", "vmin": -1.0, "vmax": 1.0, **kwargs}
    elif value == "lift":
        finite = M[np.isfinite(M) & (M > 0)]
        hi = max(float(finite.max()) if finite.size else 2.0, 1.01)
        kwargs = {"cmap": "RdBu_r", "norm": TwoSlopeNorm(vcenter=1.0, vmin=0.0, vmax=hi), **kwargs}
    else:
        kwargs = {"cmap": "Blues", "vmin": 0.0, **kwargs}
    mesh = ax.pcolormesh(np.ma.masked_invalid(M), **kwargs)
    names = _label_map(labels)
    ax.set_xticks(np.arange(len(themes)) + 0.5, themes, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(np.arange(len(actors)) + 0.5, [names.get(a, a) for a in actors], fontsize=8)
    ax.set_xlim(0, len(themes))
    ax.set_ylim(len(actors), 0)
    ax.set_xlabel("theme")
    if annotate:
        fmt = "{:.0%}" if _percent_axis(value) else ("{:,.0f}" if value == "n" else "{:.2f}")
        texts = [[fmt.format(v) if np.isfinite(v) and fmt.format(v) not in ("0%", "0", "0.00") else "" for v in row]
                 for row in M]
        annotate_cells(ax, M, texts, mesh, offset=0.5)
    if colorbar:
        bar = ax.figure.colorbar(mesh, ax=ax, label=value, pad=0.01)
        if _percent_axis(value):
            bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    return ax
