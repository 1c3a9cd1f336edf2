"""The notebook this file is named after (test_notebook_NN.py: notebooks/NN-*.ipynb) runs top to bottom on the
real sample corpora. One file per notebook so that pytest-xdist runs the notebooks on several workers at once
(``tests/notebook_run.py``); the files are identical but for their names."""

from __future__ import annotations

import pytest
from notebook_run import notebook_for, run_top_to_bottom

NOTEBOOK = notebook_for(__file__)


@pytest.mark.notebooks
def test_notebook_runs_top_to_bottom(tmp_path):
    errors = run_top_to_bottom(NOTEBOOK, tmp_path)
    assert not errors, f"{NOTEBOOK.name}: {[(e.get('ename'), e.get('evalue')) for e in errors]}"
