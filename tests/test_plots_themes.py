"""Axes-level theme plots: timeline, outlet × theme heat map, keyness bars, actor × theme heat map."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import QuadMesh  # noqa: E402

from diplolib.plots import (  # noqa: E402
    plot_keyness,
    plot_theme_actor_heatmap,
    plot_theme_heatmap,
    plot_theme_timeline,
)


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


@pytest.fixture
def prevalence():
    """Two outlets × two quarters × three themes, in theme_prevalence's shape."""
    rows = []
    units = {("A", "2020-01-01"): 10, ("A", "2020-04-01"): 30, ("B", "2020-01-01"): 5, ("B", "2020-04-01"): 0}
    hits = {"talks": (5, 6, 1, 0), "siege": (1, 3, 4, 0), "aid": (0, 0, 0, 0)}
    for t, ns in hits.items():
        for ((src, per), nu), n in zip(units.items(), ns, strict=True):
            rows.append({"source": src, "period": pd.Timestamp(per, tz="UTC"), "theme": t, "parent": pd.NA,
                         "n": n, "n_units": nu, "share": (n / nu) if nu else pd.NA, "n_untagged": 2 if nu == 0 else 0})
    df = pd.DataFrame(rows)
    df["share"] = df["share"].astype("Float64")
    return df


@pytest.fixture
def keyness():
    terms = [f"t{i}" for i in range(10)]
    zeta = [5.0, 4.0, 3.0, 2.0, 1.0, -1.0, -2.0, -3.0, -4.0, -6.0]
    df = pd.DataFrame({"term": terms, "feature": ["word"] * 8 + ["theme"] * 2, "n_a": 1, "n_b": 1,
                       "zeta": zeta, "g2": np.abs(zeta) * np.sign(zeta)})
    df.attrs["groups"] = ("sana", "others")
    return df


@pytest.fixture
def crosstab():
    rows = [("talks", "SYR", 2, 4, 5), ("talks", "RUS", 3, 4, 3), ("siege", "SYR", 1, 2, 5),
            ("aid", "USA", 1, 1, 1)]
    df = pd.DataFrame(rows, columns=["theme", "actor_id", "n", "n_theme", "n_actor"])
    df["n_windows"] = 10
    df["share_of_actor"] = df["n"] / df["n_actor"]
    df["lift"] = df["n"] * df["n_windows"] / (df["n_theme"] * df["n_actor"])
    df["npmi"] = 0.1
    return df


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_timeline_lines_pool_outlets(prevalence, ax):
    p0 = prevalence.copy()
    out = plot_theme_timeline(prevalence, top=2, ax=ax)
    assert out is ax
    assert [line.get_label() for line in ax.get_lines()] == ["talks", "siege"]  # ranked by pooled share
    talks = ax.get_lines()[0].get_ydata()
    assert talks == pytest.approx([6 / 15, 6 / 30])  # (5 + 1) / (10 + 5), (6 + 0) / (30 + 0)
    pd.testing.assert_frame_equal(prevalence, p0)
    assert not ax.figure.get_axes()[1:]  # no colour bar, nothing else drawn


def test_timeline_hue_by_outlet(prevalence, ax):
    plot_theme_timeline(prevalence, themes=["siege"], hue="source", ax=ax)
    assert [line.get_label() for line in ax.get_lines()] == ["A", "B"]
    with pytest.raises(ValueError, match="one theme"):
        plot_theme_timeline(prevalence, themes=["siege", "talks"], hue="source", ax=ax)
    with pytest.raises(ValueError, match="period"):
        plot_theme_timeline(prevalence.drop(columns="period"), ax=ax)
    with pytest.raises(ValueError, match="not in the table"):
        plot_theme_timeline(prevalence, themes=["nope"], ax=ax)


def test_heatmap_cells_order_and_percent_labels(prevalence, ax):
    out = plot_theme_heatmap(prevalence, ax=ax)
    assert out is ax
    mesh = [c for c in ax.collections if isinstance(c, QuadMesh)][0]
    assert mesh.get_array().shape == (2, 3)  # outlets × themes
    assert [t.get_text() for t in ax.get_xticklabels()] == ["talks", "siege", "aid"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A (40)", "B (5)"]  # by volume
    assert "28%" in _texts(ax)  # A talks pooled: 11 / 40 = 27.5%
    assert len(ax.figure.axes) == 2  # the colour bar


def test_heatmap_top_and_swapped_axes(prevalence, ax):
    plot_theme_heatmap(prevalence, x="source", y="theme", top=2, annotate=False, colorbar=False, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["talks", "siege"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A (40)", "B (5)"]
    assert _texts(ax) == []
    with pytest.raises(ValueError, match="themes would be pooled"):
        plot_theme_heatmap(prevalence, x="period", y="source", ax=ax)


def test_keyness_bars_both_sides(keyness, ax):
    out = plot_keyness(keyness, n=3, ax=ax)
    assert out is ax
    bars = ax.patches
    assert len(bars) == 6
    widths = [b.get_width() for b in bars]
    assert widths == [5.0, 4.0, 3.0, -3.0, -4.0, -6.0]  # strongest at the ends
    assert [t.get_text() for t in ax.get_yticklabels()] == ["t0", "t1", "t2", "t7", "t8", "t9"]
    assert bars[0].get_facecolor() != bars[-1].get_facecolor()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["key for sana", "key for others"]


def test_keyness_labels_feature_and_errors(keyness, ax):
    plot_keyness(keyness, n=15, feature="word", labels=("SANA", "rest"), score="g2", ax=ax)
    assert len(ax.patches) == 8
    assert "key for SANA" in ax.get_xlabel()
    with pytest.raises(ValueError, match="zeta"):
        plot_keyness(keyness.drop(columns="zeta"), ax=ax)
    with pytest.raises(ValueError, match="n=0"):
        plot_keyness(keyness, n=0, ax=ax)


def test_theme_actor_heatmap(crosstab, ax):
    c0 = crosstab.copy()
    out = plot_theme_actor_heatmap(crosstab, labels={"SYR": "Syria"}, ax=ax)
    assert out is ax
    mesh = [c for c in ax.collections if isinstance(c, QuadMesh)][0]
    assert mesh.get_array().shape == (3, 3)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Syria", "RUS", "USA"]  # by n_actor
    assert [t.get_text() for t in ax.get_xticklabels()] == ["talks", "siege", "aid"]  # by n_theme
    assert "40%" in _texts(ax)  # talks / SYR: 2 of 5 windows
    pd.testing.assert_frame_equal(crosstab, c0)


def test_theme_actor_heatmap_options_and_groups(crosstab, ax):
    plot_theme_actor_heatmap(crosstab, value="lift", actors=["RUS"], themes=["talks", "aid"], ax=ax)
    mesh = [c for c in ax.collections if isinstance(c, QuadMesh)][0]
    assert mesh.get_array().shape == (1, 2)
    both = pd.concat([crosstab.assign(source="A"), crosstab.assign(source="B")])
    with pytest.raises(ValueError, match="several groups"):
        plot_theme_actor_heatmap(both, ax=ax)
    plot_theme_actor_heatmap(both[both["source"] == "A"], top_actors=2, ax=ax)
    with pytest.raises(ValueError, match="share_of_actor"):
        plot_theme_actor_heatmap(crosstab.drop(columns="share_of_actor"), ax=ax)


def test_plots_use_current_axes_and_never_save(prevalence, monkeypatch):
    saved = []
    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", lambda *a, **k: saved.append(a))
    fig = plt.figure()
    try:
        ax = fig.add_subplot()
        assert plot_theme_heatmap(prevalence) is ax
        assert saved == []
    finally:
        plt.close(fig)
