"""Normalisation: text cleaners, matching form, article-level steps and the articles table.

``normalize_articles`` turns the raw records of the readers into the articles table (see DESIGN.md); the pieces
it is built from are small functions of their own modules (:mod:`~diplolib.normalize.text` for the ``str -> str``
cleaners, :mod:`~diplolib.normalize.dispatch` for datelines, bylines, credits and boilerplate,
:mod:`~diplolib.normalize.dates`, :mod:`~diplolib.normalize.language`, :mod:`~diplolib.normalize.duplicates`,
:mod:`~diplolib.normalize.matching`), composable with :func:`make_pipeline`.
"""

from .._lazy import attach

_NAMES = {
    "normalize_articles": ".articles",
    "STEPS": ".articles",
    "ARTICLE_COLUMNS": ".articles",
    "clean_text": ".text",
    "make_pipeline": ".text",
    "matching_form": ".matching",
    "aligned_matching_form": ".matching",
    "parse_date": ".dates",
    "find_date": ".dates",
    "split_dispatches": ".dispatch",
    "detect_language": ".language",
    "flag_duplicates": ".duplicates",
}
__getattr__, __dir__ = attach(__name__, _NAMES)
__all__ = list(_NAMES)
