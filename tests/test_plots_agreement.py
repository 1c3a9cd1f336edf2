"""plot_agreement: one dot per direction and measure, the goals as labelled lines."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from diplolib import plots  # noqa: E402

TABLE = pd.DataFrame({
    "measure": ["actors"] * 2 + ["themes"] * 2 + ["themes + UN bodies"] * 2,
    "source": ["ar", "fr"] * 3, "target": ["fr", "ar"] * 3,
    "agreement": [0.91, 0.92, 0.88, 0.87, 0.89, 0.885],
})


def test_one_dot_per_row_and_the_directions_as_ticks():
    fig, ax = plt.subplots()
    out = plots.plot_agreement(TABLE, goals={"actors": 0.95, "themes": 0.90, "themes + UN bodies": 0.90}, ax=ax)
    assert out is ax
    dots = [c.get_offsets() for c in ax.collections]
    assert [len(d) for d in dots] == [2, 2, 2]
    assert sorted(float(x) for d in dots for x in d[:, 0]) == sorted(TABLE["agreement"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["ar\u2192fr", "fr\u2192ar"]
    # one line per distinct goal, labelled with every measure that has it (the twin: no goals, no lines)
    assert sorted(line.get_xdata()[0] for line in ax.get_lines()) == [0.90, 0.95]
    labels = sorted(t.get_text() for t in ax.texts)
    assert labels == ["goal 0.90: themes / themes + UN bodies", "goal 0.95: actors"]
    plt.close(fig)
    fig, ax = plt.subplots()
    plots.plot_agreement(TABLE, ax=ax)
    assert not ax.get_lines() and not ax.texts
    plt.close(fig)


def test_missing_column_and_empty_table():
    with pytest.raises(ValueError, match="'target' is missing"):
        plots.plot_agreement(TABLE.drop(columns="target"))
    fig, ax = plt.subplots()
    plots.plot_agreement(TABLE.iloc[:0], ax=ax)
    assert ax.texts[0].get_text() == "no agreement to show"
    plt.close(fig)
