"""Every path diplolib reads or writes, in one place.

The project root is the folder that holds ``data/`` and ``figures/``. It is the
repository checkout when diplolib is installed from it (``pip install -e .``),
and can be moved anywhere with the ``DIPLOLIB_HOME`` environment variable. The
offline mirror of the sample corpora (a folder laid out like ``../shared/data``,
or an ``http(s)://`` address laid out the same way) comes from
``DIPLOLIB_MIRROR``.

Functions, not constants: the environment is read at each call, so a test or a
notebook can point diplolib elsewhere without re-importing it.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["project_root", "data_dir", "raw_dir", "processed_dir", "figures_dir", "mirror"]

_PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The folder that holds ``data/`` and ``figures/``.

    ``DIPLOLIB_HOME`` if set; otherwise the checkout diplolib was installed from
    (the parent of the package holding a ``pyproject.toml``); otherwise the
    current working directory.
    """
    home = os.environ.get("DIPLOLIB_HOME")
    if home:
        return Path(home).expanduser().resolve()
    checkout = _PACKAGE_DIR.parent
    if (checkout / "pyproject.toml").is_file():
        return checkout
    return Path.cwd()


def data_dir() -> Path:
    """``data/`` under the project root."""
    return project_root() / "data"


def raw_dir(name: str | None = None) -> Path:
    """The data cache: ``data/raw/`` or ``data/raw/<name>/``, corpora as fetched (never edited)."""
    base = data_dir() / "raw"
    return base / name if name else base


def processed_dir(name: str | None = None) -> Path:
    """``data/processed/`` or ``data/processed/<name>/``: tables rebuilt from raw data plus code."""
    base = data_dir() / "processed"
    return base / name if name else base


def figures_dir() -> Path:
    """``figures/`` under the project root: PNG + CSV pairs and their manifest."""
    return project_root() / "figures"


def mirror() -> str | None:
    """The offline mirror from ``DIPLOLIB_MIRROR`` (a folder or an http(s) address), or None."""
    value = os.environ.get("DIPLOLIB_MIRROR", "").strip()
    return value or None
