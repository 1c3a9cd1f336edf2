"""``describe_corpus``: the first cell of any analysis — what was loaded, from where, and what went wrong.

>>> from diplolib.describe import describe_corpus
>>> articles, errors = load_articles("data/raw/fa-kes/FA-KES-Dataset.csv", preset="fa-kes")  # doctest: +SKIP
>>> describe_corpus(articles, errors).query("section == 'source'")                       # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

__all__ = ["describe_corpus", "SECTIONS"]

#: The sections of :func:`describe_corpus`, in output order.
SECTIONS = (
    "total",
    "source",
    "lang",
    "year",
    "format",
    "duplicates",
    "replacement_chars",
    "text_chars",
    "error",
)

_FFFD = "\ufffd"


def _counts(section: str, values: pd.Series) -> list[tuple[str, str, float]]:
    counts = values.astype(object).where(values.notna(), "(missing)").astype(str).value_counts()
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(section, key, int(n)) for key, n in order]


def describe_corpus(articles: pd.DataFrame, errors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Counts that describe a loaded corpus, as one tidy table.

    Parameters
    ----------
    articles
        The articles table (:func:`diplolib.load.load_articles`) or raw records; only the columns present are
        described (``source``, ``lang``, ``published``, ``format``, ``duplicate_of``, ``text``, ``title``,
        ``n_replacement_chars``).
    errors
        The load-errors table (``origin``, ``error``, ``message``), if any.

    Returns
    -------
    DataFrame
        One row per number, columns ``section`` (one of :data:`SECTIONS`), ``key`` and ``value`` (a count, or
        a number of characters for ``text_chars``). Sections: ``total`` (articles, sources, errors),
        ``source``/``lang``/``year``/``format`` (articles per value, most frequent first, "(missing)" for
        NA), ``duplicates`` (articles flagged as a copy of another, distinct texts), ``replacement_chars``
        (U+FFFD characters and the articles holding them), ``text_chars`` (min, median, max, total length of
        ``text``), ``error`` (error rows per code). Filter with ``.query("section == 'year'")``; pivot or plot
        as needed. The inputs are not modified.
    """
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"describe_corpus takes the articles DataFrame; got {type(articles).__name__}.")
    rows: list[tuple[str, str, float]] = [("total", "articles", len(articles))]
    if "source" in articles:
        rows.append(("total", "sources", int(articles["source"].replace("", pd.NA).nunique())))
    if errors is not None:
        rows.append(("total", "errors", len(errors)))
    for col in ("source", "lang"):
        if col in articles:
            rows += _counts(col, articles[col].replace("", pd.NA) if col == "source" else articles[col])
    if "published" in articles:
        stamps = pd.to_datetime(articles["published"], errors="coerce", utc=True)
        years = stamps.dt.year.astype("Int64").astype(object).where(stamps.notna(), pd.NA)
        counts = _counts("year", years)
        rows += sorted(counts, key=lambda r: (r[1] == "(missing)", r[1]))
    if "format" in articles:
        rows += _counts("format", articles["format"])
    if "duplicate_of" in articles:
        rows.append(("duplicates", "flagged duplicate_of", int(articles["duplicate_of"].notna().sum())))
    if "text" in articles:
        text = articles["text"].fillna("").astype(str)
        rows.append(("duplicates", "identical texts beyond the first", int(text.duplicated().sum())))
        if "n_replacement_chars" in articles:
            n = pd.to_numeric(articles["n_replacement_chars"], errors="coerce").fillna(0)
        else:
            n = text.str.count(_FFFD) + (
                articles["title"].fillna("").astype(str).str.count(_FFFD) if "title" in articles else 0
            )
        rows += [
            ("replacement_chars", "U+FFFD characters", int(n.sum())),
            ("replacement_chars", "articles with U+FFFD", int((n > 0).sum())),
        ]
        lengths = text.str.len()
        if len(lengths):
            rows += [
                ("text_chars", "min", int(lengths.min())),
                ("text_chars", "median", int(round(lengths.median()))),
                ("text_chars", "max", int(lengths.max())),
                ("text_chars", "total", int(lengths.sum())),
            ]
    if errors is not None and "error" in errors:
        rows += _counts("error", errors["error"])
    table = pd.DataFrame(rows, columns=["section", "key", "value"])
    table["section"] = pd.Categorical(table["section"], categories=list(SECTIONS), ordered=True)
    return table.sort_values("section", kind="stable").reset_index(drop=True)
