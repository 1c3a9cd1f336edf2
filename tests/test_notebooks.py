"""The notebooks in notebooks/: calls and narration only, committed executed with their figures, and each run top to
bottom on the real sample corpora by its own file ``tests/test_notebook_NN.py``."""

from __future__ import annotations

import json
import re

import pytest
from notebook_run import NOTEBOOKS, notebook_for

from conftest import REPO


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ is empty"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_holds_calls_and_narration_only(path):
    nb = json.loads(path.read_text("utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            for line in source.splitlines():
                assert not line.lstrip().startswith(("def ", "class ")), \
                    f"{path.name}: move '{line.strip()}' into the diplolib package"
                assert "../" not in line, f"{path.name}: use diplolib.paths, not relative paths ({line.strip()})"


#: A cell that draws: a plot function, pyplot, or a figure function of the registry.
_DRAWS = re.compile(r"\bplot_\w+\(|\bplt\.|_figures\.\w+\(|corpora\.corpus_years\(")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_notebook_was_run_top_to_bottom_and_shows_its_figures(path):
    """The notebooks are committed executed (``make notebooks``, inline backend): in one run from the top, without
    errors, and every cell that draws holds its image, so a reader of the repository sees the figures."""
    cells = [c for c in json.loads(path.read_text("utf-8"))["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in cells]
    assert counts == list(range(1, len(cells) + 1)), f"{path.name}: run `make notebooks` (counts {counts})"
    assert not [o for c in cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    blank = [i for i, c in enumerate(cells, 1) if _DRAWS.search("".join(c["source"]))
             and not any("image/png" in o.get("data", {}) for o in c.get("outputs", []))]
    assert not blank, f"{path.name}: cells {blank} draw but hold no image; run `make notebooks` (not with Agg)"


def test_every_notebook_has_its_run_file_and_every_run_file_its_notebook():
    """Each notebook is executed by its own test file ``tests/test_notebook_NN.py`` (see ``tests/notebook_run.py``):
    a notebook without one would not be run at all."""
    run_files = sorted(p.name for p in (REPO / "tests").glob("test_notebook_*.py"))
    assert [notebook_for(f) for f in run_files] == NOTEBOOKS, (
        "add tests/test_notebook_NN.py for notebooks/NN-*.ipynb (a copy of tests/test_notebook_00.py)")
    template = (REPO / "tests" / "test_notebook_00.py").read_text("utf-8")
    assert all((REPO / "tests" / f).read_text("utf-8") == template for f in run_files)
