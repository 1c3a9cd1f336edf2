"""Figures about the sample corpora themselves."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import datasets, plots
from . import figure

__all__ = ["CORPORA", "corpus_years"]

CORPORA = ("fa-kes", "wikinews-fr", "kremlin-en", "wh-readouts", "re3d", "sib200", "ungdc")


@figure("corpus_years", inputs=CORPORA, params={"corpora": list(CORPORA)})
def corpus_years(*, corpora: list[str]):
    """Documents per sample corpus and year (from each corpus's metadata)."""
    inv = pd.concat([datasets.inventory(name) for name in corpora], ignore_index=True)
    totals = inv.groupby("corpus", sort=False).agg(total=("document", "size"), dated=("year", "count"))
    labels = {c: f"{c} ({r.total:,} docs" + (f", {r.total - r.dated:,} undated)" if r.dated < r.total else ")")
              for c, r in totals.iterrows()}
    counts = (inv.assign(year=inv["year"].astype("Int64"))
              .groupby(["corpus", "year"], dropna=False, sort=True).size().rename("documents").reset_index())
    counts["label"] = counts["corpus"].map(labels)
    dated = counts.dropna(subset=["year"])
    fig, ax = plt.subplots(figsize=(11, 3.6), layout="constrained")
    plots.plot_documents_per_year(dated, group="label", year="year", count="documents", annotate=False,
                            order=[labels[c] for c in corpora], ax=ax)
    ax.set_title("Documents per sample corpus and year (undated corpora: counts in the label)")
    ax.set_ylabel("")
    return fig, counts[["corpus", "year", "documents"]]
