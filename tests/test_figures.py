"""The figure command: registry, PNG + CSV + manifest, byte-identical reruns."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, corpus_dir
from diplolib import figures


def test_registry_has_figures_with_known_inputs():
    from diplolib import datasets

    assert figures.FIGURES, "no figure registered"
    for name, spec in figures.FIGURES.items():
        assert name.isidentifier(), f"figure name {name!r} must be usable as a file stem"
        assert spec.description, f"{name}: the figure function needs a docstring"
        for corpus in spec.inputs:
            datasets.corpus(corpus)


def test_unknown_figure_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="registered"):
        figures.build(["no_such_figure"], out=tmp_path)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    for spec in figures.FIGURES.values():
        for corpus in spec.inputs:
            corpus_dir(corpus)
    out = tmp_path_factory.mktemp("fig")
    return figures.build(out=out), out


def test_every_figure_writes_png_and_csv(built):
    table, out1 = built
    assert set(table["name"]) == set(figures.FIGURES)
    for name in figures.FIGURES:
        png = (out1 / f"{name}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert (out1 / f"{name}.csv").read_text("utf-8").count("\n") >= 2


def test_a_build_in_another_process_gives_byte_identical_files(built):
    """The committed figures/ were written by 'make figures' in another process (another hash seed, another day):
    a build here gives the same bytes. (Two builds in one process would test less, at twice the cost.)"""
    _, out = built
    for name in sorted(p.name for p in out.iterdir() if p.suffix in (".png", ".csv")):
        assert (out / name).read_bytes() == (REPO / "figures" / name).read_bytes(), (
            f"{name} differs from the committed file: rerun 'make figures' and look at it; if it changes from "
            "one run to the next, the figure is not reproducible")


def test_png_carries_no_timestamp_or_software_chunk(built):
    _, out1 = built
    for png in out1.glob("*.png"):
        data = png.read_bytes()
        assert b"tIME" not in data and b"Software" not in data


def test_manifest_lists_files_inputs_and_params(built):
    from diplolib import datasets

    _, out1 = built
    manifest = json.loads((out1 / "manifest.json").read_text("utf-8"))
    for name, spec in figures.FIGURES.items():
        entry = manifest["figures"][name]
        assert set(entry["files"]) == {f"{name}.png", f"{name}.csv"}
        assert entry["inputs"] == {c: datasets.corpus(c).digest for c in spec.inputs}
        assert entry["params"] == spec.params


def test_committed_figures_are_up_to_date(built):
    """figures/ in the repository is what the command writes today (rerun 'make figures' if not)."""
    _, out1 = built
    committed = json.loads((REPO / "figures" / "manifest.json").read_text("utf-8"))
    fresh = json.loads((out1 / "manifest.json").read_text("utf-8"))
    assert committed["figures"] == fresh["figures"]


def test_kremlin_calls_count_the_country_of_the_person_called(built):
    """Most readout titles name the counterpart as a person ("President of China Xi Jinping", one person mention
    with its role phrase): the figure counts that person's country, so nearly every call has a country (it counted
    72 of the 648 calls when it took only states named apart)."""
    import pandas as pd

    from diplolib import datasets

    _, out1 = built
    articles, _ = datasets.load("kremlin-en")
    n_calls = int(articles["telephone"].astype("boolean").fillna(False).sum())
    table = pd.read_csv(out1 / "kremlin_calls_by_year.csv")
    assert table["calls"].sum() >= 0.9 * n_calls
    assert "Russia" not in set(table["label"])
