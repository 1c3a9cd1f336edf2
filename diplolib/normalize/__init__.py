"""Normalisation: text cleaners, matching form, article-level steps and the articles table.

``normalize_articles`` turns the raw records of the readers into the articles
table (see DESIGN.md); the pieces it is built from are public and composable.
"""

from .articles import ARTICLE_COLUMNS, RAW_COLUMNS, STEPS, normalize_articles
from .dates import find_date, infer_dayfirst, match_date_prefix, parse_date, to_timestamp
from .dispatch import (
    AGENCIES,
    remove_boilerplate,
    split_byline,
    split_credits,
    split_dateline,
    split_dispatches,
    split_header,
    strip_repeated_title,
)
from .duplicates import duplicate_key, flag_duplicates, near_duplicate_pairs
from .language import DEFAULT_LANGUAGES, detect_language
from .matching import ELISIONS, aligned_matching_form, matching_form
from .text import (
    REPLACEMENT_CHAR,
    clean_text,
    count_replacement_chars,
    make_pipeline,
    normalize_quotes,
    normalize_spaces,
    normalize_unicode,
    normalize_whitespace,
    remove_control_chars,
    remove_invisible,
)

__all__ = [
    "normalize_articles", "STEPS", "ARTICLE_COLUMNS", "RAW_COLUMNS",
    "clean_text", "make_pipeline", "count_replacement_chars", "REPLACEMENT_CHAR", "normalize_unicode",
    "normalize_quotes", "normalize_spaces", "remove_invisible", "remove_control_chars", "normalize_whitespace",
    "matching_form", "aligned_matching_form", "ELISIONS",
    "parse_date", "find_date", "match_date_prefix", "infer_dayfirst", "to_timestamp",
    "remove_boilerplate", "split_dateline", "strip_repeated_title", "split_header", "split_byline",
    "split_credits", "split_dispatches", "AGENCIES",
    "detect_language", "DEFAULT_LANGUAGES",
    "flag_duplicates", "near_duplicate_pairs", "duplicate_key",
]
