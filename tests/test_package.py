"""Importing diplolib changes nothing else."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import matplotlib, pandas as pd, logging
before = (dict(matplotlib.rcParams), pd.get_option('display.max_rows'), logging.getLogger().handlers[:],
          sorted(k for k in dir(pd.DataFrame) if not k.startswith('_')))
import diplolib, diplolib.figures, diplolib.plots
after = (dict(matplotlib.rcParams), pd.get_option('display.max_rows'), logging.getLogger().handlers[:],
         sorted(k for k in dir(pd.DataFrame) if not k.startswith('_')))
print(before == after)
"""


def test_import_has_no_side_effects():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"


def test_public_modules_declare_all():
    import importlib
    import pkgutil

    import diplolib

    for info in pkgutil.walk_packages(diplolib.__path__, "diplolib."):
        if info.name.split(".")[-1].startswith("_") or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        assert hasattr(module, "__all__"), f"{info.name} has no __all__"
