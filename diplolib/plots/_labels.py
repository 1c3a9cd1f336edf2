"""Labels of scattered points that do not overlap: placed at draw time, in the figure's real geometry.

:class:`PointLabels` is one artist holding the labels of a scatter. When the figure is drawn (after any layout
engine has sized the axes, at the output's resolution) it places the labels one by one, most important first:
each label tries positions around its point (above, below, right, left, the diagonals), first just outside the
marker, then further out with a thin leader line, and takes the first position whose box stays inside the axes and
overlaps no label already placed and no other marker; when every position covers a marker, one that only covers
markers. A label that finds no room is not drawn; ``hidden`` lists them after a draw. Nothing depends on the
backend: the same code places the labels in a saved PNG and in a notebook's inline image.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.artist import Artist, allow_rasterization
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox

__all__ = ["PointLabels"]

#: Directions tried around a point, in order: (dx, dy, horizontal alignment, vertical alignment).
_DIRECTIONS = ((0, 1, "center", "bottom"), (0, -1, "center", "top"), (1, 0, "left", "center"),
               (-1, 0, "right", "center"), (0.7, 0.7, "left", "bottom"), (-0.7, 0.7, "right", "bottom"),
               (0.7, -0.7, "left", "top"), (-0.7, -0.7, "right", "top"))
#: Extra distances from the marker's edge, in points; beyond the first, a leader line joins label and point.
_RINGS = (1.5, 10.0, 22.0, 36.0, 52.0, 70.0)


class PointLabels(Artist):
    """Non-overlapping labels of the points ``xy`` (data coordinates) of one axes.

    Parameters
    ----------
    xy : array of shape (n, 2)
        The points.
    texts : sequence of str
        Their labels.
    radii : array of shape (n,)
        Marker radii in points (labels keep clear of every marker).
    priority : array of shape (n,)
        Larger first: the most important points get the best places.
    bold : sequence of bool, optional
        Labels drawn in bold (e.g. the centre of an ego network).
    fontsize : float
    """

    def __init__(self, xy, texts: Sequence[str], radii, priority, *, bold: Sequence[bool] | None = None,
                 fontsize: float = 8.0):
        super().__init__()
        self.xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        self.radii = np.asarray(radii, dtype=float)
        self.order = np.argsort(-np.asarray(priority, dtype=float), kind="stable")
        bold = list(bold) if bold is not None else [False] * len(texts)
        self.texts = [Text(0, 0, str(t), fontsize=fontsize, fontweight="bold" if b else "normal", zorder=4,
                           bbox={"boxstyle": "round,pad=0.08", "fc": "white", "ec": "none", "alpha": 0.75})
                      for t, b in zip(texts, bold, strict=True)]
        self.leaders = [Line2D([], [], lw=0.8, color="0.25", zorder=3) for _ in texts]
        self.hidden: list[str] = []
        self.set_zorder(4)
        self.set_in_layout(False)  # drawn inside the axes: layout engines need not make room for it

    def set_figure(self, fig):  # the texts and leader lines live in the same figure
        super().set_figure(fig)
        for artist in (*self.texts, *self.leaders):
            artist.set_figure(fig)

    @allow_rasterization
    def draw(self, renderer):
        if not self.get_visible():
            return
        ax = self.axes
        frame = ax.bbox
        points = ax.transData.transform(self.xy)
        px = renderer.points_to_pixels(1.0)
        radius = self.radii * px
        taken: list[Bbox] = []
        self.hidden = []
        for i in self.order:
            if not self._place(i, points, radius, px, frame, taken, renderer):
                self.hidden.append(self.texts[i].get_text())
        for k in self.order:
            if self.texts[k].get_visible():
                self.leaders[k].draw(renderer)
                self.texts[k].draw(renderer)
        self.stale = False

    def _place(self, i, points, radius, px, frame, taken, renderer) -> bool:
        """Place label ``i``: first where it covers no marker, else where it only covers markers (its box is
        light enough to see them through); never over another label."""
        return any(self._try(i, points, radius, px, frame, taken, renderer, strict) for strict in (True, False))

    def _try(self, i, points, radius, px, frame, taken, renderer, strict: bool) -> bool:
        text, leader = self.texts[i], self.leaders[i]
        text.set_visible(True)  # an invisible text has no extent
        x0, y0 = points[i]
        for ring, extra in enumerate(_RINGS):
            for dx, dy, ha, va in _DIRECTIONS:
                d = radius[i] + extra * px
                x, y = x0 + dx * d, y0 + dy * d
                text.set_transform(None)  # display coordinates
                text.set_position((x, y))
                text.set_horizontalalignment(ha)
                text.set_verticalalignment(va)
                box = text.get_window_extent(renderer).padded(1.5 * px)
                if not _inside(box, frame) or any(box.overlaps(b) for b in taken):
                    continue
                if strict and _hits_markers(box, points, radius, skip=i):
                    continue
                taken.append(box)
                text.set_visible(True)
                leader.set_transform(None)
                if ring:  # from the marker's edge to the label
                    leader.set_data([x0 + dx * radius[i], x], [y0 + dy * radius[i], y])
                else:
                    leader.set_data([], [])
                return True
        text.set_visible(False)
        leader.set_data([], [])
        return False

    def placed_boxes(self, renderer) -> list[Bbox]:
        """The display boxes of the labels drawn (after a draw), for checks."""
        return [t.get_window_extent(renderer) for t in self.texts if t.get_visible()]


def _inside(box: Bbox, frame: Bbox) -> bool:
    return box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0 and box.y1 <= frame.y1


def _hits_markers(box: Bbox, points: np.ndarray, radius: np.ndarray, *, skip: int) -> bool:
    """True if the box comes within a marker's radius of another point's centre."""
    nx = np.clip(points[:, 0], box.x0, box.x1)
    ny = np.clip(points[:, 1], box.y0, box.y1)
    close = (points[:, 0] - nx) ** 2 + (points[:, 1] - ny) ** 2 < radius**2
    close[skip] = False
    return bool(close.any())
