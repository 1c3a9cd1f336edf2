"""Small pieces the plots share: period labels on a time axis, readable text on coloured cells."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._tables import infer_period, period_start

__all__ = ["annotate_cells", "empty_axes", "time_axis", "text_colour"]


def empty_axes(ax, message: str):
    """An axes saying why there is nothing to draw (no frame, the message in the middle)."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    return ax


def time_axis(periods: pd.Series, *, func: str = "plot") -> pd.Series:
    """Period labels (:func:`diplolib._tables.period_of`) as the naive start time of each period; timestamps
    (of tables written before the grammar) as naive wall-clock times."""
    if pd.api.types.is_datetime64_any_dtype(periods):
        return periods.dt.tz_localize(None) if getattr(periods.dt, "tz", None) is not None else periods
    return period_start(periods.astype("string"), infer_period(periods, func=func))


def text_colour(rgba) -> str:
    """Black or white, whichever reads better on a cell of colour ``rgba`` (WCAG relative luminance)."""
    r, g, b = (np.asarray(rgba, dtype=float)[..., k] for k in range(3))
    lin = [np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4) for c in (r, g, b)]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return np.where(luminance > 0.179, "black", "white")


def annotate_cells(ax, values: np.ndarray, labels, mappable, *, offset: float = 0.0, fontsize: float = 6) -> None:
    """Write ``labels[i][j]`` (skipped when empty) in cell ``(i, j)`` of a heat map, centred at
    ``(j + offset, i + offset)``, in black or white by the colour ``mappable`` gives the cell's value."""
    rgba = mappable.to_rgba(np.ma.masked_invalid(np.asarray(values, dtype=float)))
    colours = text_colour(rgba)
    for (i, j), label in np.ndenumerate(np.asarray(labels, dtype=object)):
        if label:
            ax.text(j + offset, i + offset, label, ha="center", va="center", fontsize=fontsize, color=colours[i, j])
