"""Execute one notebook of notebooks/ top to bottom: the body of the ``tests/test_notebook_NN.py`` files.

There is one test file per notebook (``test_notebook_02.py`` runs ``notebooks/02-*.ipynb``) because pytest-xdist
hands out whole files (``--dist loadfile``): the notebooks, the longest tests of the suite, then run on different
workers at the same time instead of one after the other on one worker. ``tests/test_notebooks.py`` checks that
every notebook has its file and every file its notebook.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))

#: ``tests/test_notebook_NN.py`` runs the notebook whose name starts with ``NN-``.
RUN_FILE = re.compile(r"test_notebook_(\d\d)\.py")


def notebook_for(test_file: str) -> Path:
    """The notebook that the test file ``test_notebook_NN.py`` runs (exactly one must match ``NN-*.ipynb``)."""
    m = RUN_FILE.fullmatch(Path(test_file).name)
    if m is None:
        raise ValueError(f"{test_file}: a notebook test file is named test_notebook_NN.py")
    found = [p for p in NOTEBOOKS if p.name.startswith(m.group(1) + "-")]
    if len(found) != 1:
        raise ValueError(f"{Path(test_file).name}: {len(found)} notebooks named notebooks/{m.group(1)}-*.ipynb")
    return found[0]


def run_top_to_bottom(path: Path, workdir: Path) -> list[dict]:
    """Execute the notebook at ``path`` in a fresh kernel (working folder ``workdir``); its error outputs.

    nbformat and nbclient are imported here, not at the top: importing them builds jsonschema's format checkers
    (seconds), which every xdist worker would otherwise pay while collecting the suite."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(workdir)}})
    client.execute()
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if o.get("output_type") == "error"]
