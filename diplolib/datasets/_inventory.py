"""A quick inventory of a fetched corpus: one row per document with its year, from metadata only.

This reads file names, index files and date columns, never the article bodies, so
it is fast enough to run on every corpus for an overview. Loading the articles
themselves is :func:`diplolib.load_articles`' job.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

__all__ = ["inventory"]

_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d)(?!\d)")


def _fa_kes(root: Path) -> pd.DataFrame:
    df = pd.read_csv(root / "FA-KES-Dataset.csv", usecols=["unit_id", "date"], dtype=str, encoding="utf-8")
    years = pd.to_datetime(df["date"], format="%m/%d/%Y", errors="coerce").dt.year
    # unit_id is not unique in FA-KES (12 ids occur twice): the CSV row identifies a document.
    return pd.DataFrame({"document": [f"FA-KES-Dataset.csv:{i + 2}" for i in range(len(df))], "year": years})


def _kremlin(root: Path) -> pd.DataFrame:
    df = pd.read_csv(root / "index.derived.csv", usecols=["id", "date"], dtype=str)
    return pd.DataFrame({"document": df["id"], "year": pd.to_datetime(df["date"], errors="coerce").dt.year})


_FR_DATE = re.compile(r"\b\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
                      r"novembre|décembre)\s+(\d{4})\b", re.IGNORECASE)


def _french_date_year(path: Path, head: int = 6000) -> int | None:
    match = _FR_DATE.search(path.read_text("utf-8", errors="replace")[:head])
    return int(match.group(1)) if match else None


def _by_file(root: Path, pattern: str, year_of, name: str = r"[^.].*") -> pd.DataFrame:
    keep = re.compile(name)
    files = sorted(p for p in root.glob(pattern) if p.is_file() and keep.fullmatch(p.name))
    return pd.DataFrame({
        "document": [str(p.relative_to(root)) for p in files],
        "year": [year_of(p) for p in files],
    })


def _year_in_name(p: Path) -> int | None:
    match = _YEAR.search(p.name)
    return int(match.group(1)) if match else None


def _lines(root: Path, pattern: str, header: bool) -> pd.DataFrame:
    rows = []
    for p in sorted(root.glob(pattern)):
        lines = p.read_text("utf-8-sig").splitlines()[1 if header else 0:]
        first = 2 if header else 1
        rows += [{"document": f"{p.relative_to(root)}:{i + first}", "year": None}
                 for i, line in enumerate(lines) if line.strip()]
    return pd.DataFrame(rows, columns=["document", "year"])


def _jsonl_years(file: Path) -> pd.DataFrame:
    df = pd.read_json(file, lines=True, dtype=False)[["id", "date"]]
    years = pd.to_numeric(df["date"].astype("string").str[:4], errors="coerce")
    return pd.DataFrame({"document": df["id"].astype(str), "year": years})


_READERS = {
    "fa-kes": _fa_kes,
    "kremlin-en": _kremlin,
    "wikinews-fr": lambda r: _by_file(r, "documents/*.html", _french_date_year),
    "wh-readouts": lambda r: _by_file(r, "*/*/*.md", _year_in_name),
    "ungdc": lambda r: _by_file(r, "TXT/*/*.txt", _year_in_name, name=r"[A-Z0-9]+_\d+_\d{4}\.txt"),
    "re3d": lambda r: _lines(r, "*/documents.json", header=False),
    "sib200": lambda r: _lines(r, "*/*.tsv", header=True),
    "sana-fr": lambda r: _by_file(r, "*.txt", lambda p: None),
    "unpc-ar-fr-en": lambda r: _jsonl_years(r / "unpc_documents_long.jsonl"),
    "wikinews-ar": lambda r: _jsonl_years(r / "ar_wikinews_farasa.jsonl"),
    "meae-fr": lambda r: _jsonl_years(r / "fr_meae_declarations_2020.jsonl"),
    # coded sentences whose dates are placeholders (2000-01-01): one row each, undated
    "plover-gsr": lambda r: pd.DataFrame({"document": [str(x["id"]) for x in
                                                       json.loads((r / "plover_gsr_dev.json").read_text("utf-8"))],
                                          "year": None}),
    # a table of terms of office, not documents
    "leaders-cia": lambda r: pd.DataFrame({"document": pd.Series([], dtype=str), "year": None}),
}


def inventory(name: str, root: Path) -> pd.DataFrame:
    """One row per document of corpus ``name`` fetched in ``root``: ``corpus``, ``document``, ``year``.

    ``year`` is a nullable integer, empty where the corpus states no date (re3d, sib200, the seed).
    """
    if name not in _READERS:
        raise ValueError(f"no inventory reader for corpus {name!r}; known: {', '.join(sorted(_READERS))}.")
    df = _READERS[name](root)
    df.insert(0, "corpus", name)
    df["year"] = pd.array(df["year"], dtype="Int64")
    return df.reset_index(drop=True)
