"""The report's figures: a registry and the command that rebuilds them all.

Each figure is one small function registered with :func:`figure`, named like its
output files. It receives its parameters as keyword arguments and returns the
matplotlib Figure and the DataFrame it plots. :func:`build` runs them with the
Agg backend and the house style applied inside this command only, writes
``<name>.png`` and ``<name>.csv`` to ``figures/``, and a ``manifest.json`` that
lists, for every figure, the checksums of its files and of its input corpora,
and its parameters. Same inputs, same code: byte-identical files.

Run ``python -m diplolib.figures`` (what ``make figures`` does), or
``python -m diplolib.figures corpus_years`` for one figure.
"""

from __future__ import annotations

import hashlib
import io
import json
import platform
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .. import __version__, datasets, paths
from .._tables import spreadsheet_safe

__all__ = ["FIGURES", "FigureSpec", "figure", "build", "HOUSE_STYLE"]

#: rcParams applied (inside :func:`build` only) to every figure of the report.
HOUSE_STYLE: dict[str, Any] = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "diplolib",
    "path.simplify": True,
}


@dataclass(frozen=True)
class FigureSpec:
    """A registered figure: the function, its input corpora and its parameters."""

    name: str
    fn: Callable[..., tuple[Any, pd.DataFrame]]
    inputs: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)
    description: str = ""


#: Every figure of the report, by name (its output files are ``<name>.png`` and ``<name>.csv``).
FIGURES: dict[str, FigureSpec] = {}


def figure(name: str, *, inputs: Iterable[str], params: dict[str, Any] | None = None):
    """Register ``fn`` as figure ``name`` reading corpora ``inputs`` with keyword ``params``."""

    def register(fn):
        if name in FIGURES:
            raise ValueError(f"figure {name!r} is registered twice ({FIGURES[name].fn.__module__} and "
                             f"{fn.__module__}); rename one.")
        summary = " ".join(line.strip() for line in (fn.__doc__ or "").strip().split("\n\n")[0].splitlines())
        FIGURES[name] = FigureSpec(name, fn, tuple(inputs), dict(params or {}), summary)
        return fn

    return register


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _png_bytes(fig) -> bytes:
    buf = io.BytesIO()
    # No "Software" or date chunks: the bytes depend on the pixels only.
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def _csv_bytes(data: pd.DataFrame) -> bytes:
    return spreadsheet_safe(data).to_csv(index=False, lineterminator="\n", float_format="%.6g").encode("utf-8")


def _write_if_changed(path: Path, payload: bytes) -> None:
    if not path.is_file() or path.read_bytes() != payload:
        path.write_bytes(payload)


def build(names: Iterable[str] | None = None, *, out: Path | None = None, progress: bool = False) -> pd.DataFrame:
    """Rebuild figures into ``out`` (default ``figures/``) and update its ``manifest.json``.

    Parameters
    ----------
    names : iterable of str, optional
        Figures to build; all of :data:`FIGURES` by default.
    out : Path, optional
        Output folder.
    progress : bool
        Show download progress bars if a corpus must be fetched.

    Returns
    -------
    DataFrame
        One row per figure built: ``name``, ``png``, ``csv`` (paths), ``png_sha256``, ``csv_sha256``, ``rows``.
    """
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    names = list(names) if names is not None else sorted(FIGURES)
    unknown = [n for n in names if n not in FIGURES]
    if unknown:
        raise ValueError(f"unknown figure(s) {unknown}; registered: {', '.join(sorted(FIGURES))}.")
    out = Path(out) if out is not None else paths.figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.is_file() else {}
    manifest.setdefault("figures", {})
    rows = []
    for name in names:
        spec = FIGURES[name]
        for corpus in spec.inputs:
            if not datasets.is_fetched(corpus):
                datasets.fetch(corpus, progress=progress)
        with plt.rc_context(HOUSE_STYLE):
            fig, data = spec.fn(**spec.params)
            png = _png_bytes(fig)
        plt.close(fig)
        csv = _csv_bytes(data)
        _write_if_changed(out / f"{name}.png", png)
        _write_if_changed(out / f"{name}.csv", csv)
        manifest["figures"][name] = {
            "description": spec.description,
            "files": {f"{name}.png": _sha256(png), f"{name}.csv": _sha256(csv)},
            "inputs": {c: datasets.corpus(c).digest for c in spec.inputs},
            "params": spec.params,
            "function": f"{spec.fn.__module__}.{spec.fn.__qualname__}",
        }
        rows.append({"name": name, "png": out / f"{name}.png", "csv": out / f"{name}.csv",
                     "png_sha256": _sha256(png), "csv_sha256": _sha256(csv), "rows": len(data)})
    manifest["generator"] = {
        "diplolib": __version__,
        "python": platform.python_version(),
        "matplotlib": matplotlib.__version__,
        "pandas": pd.__version__,
    }
    manifest["figures"] = dict(sorted(manifest["figures"].items()))
    payload = (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    _write_if_changed(manifest_path, payload)
    return pd.DataFrame(rows)


# The figure modules register themselves on import.
from . import actors, agreement, articles, comention, corpora, events, themes, topics  # noqa: E402,F401
