"""Themes: the theme dictionary, tagging, prevalence by time, outlet and actor, keyness, keyword in context."""

from .counts import COUNT_COLUMNS, actor_sentences, theme_counts, word_counts
from .dictionary import ThemeDictionary, ThemeFileError, cue_pattern, default_themes_path, load_themes
from .evaluate import (
    default_keyphrase_mapping_path,
    keyphrase_agreement,
    load_keyphrase_mapping,
    precision,
    precision_sample,
)
from .keyness import KEYNESS_COLUMNS, compare, keyness
from .kwic import kwic
from .prevalence import theme_actor_crosstab, theme_prevalence
from .sentences import sentence_spans, split_sentences
from .tagging import HIT_COLUMNS, tag_themes, theme_scores

__all__ = [
    "ThemeDictionary",
    "ThemeFileError",
    "load_themes",
    "cue_pattern",
    "default_themes_path",
    "tag_themes",
    "theme_scores",
    "HIT_COLUMNS",
    "kwic",
    "keyphrase_agreement",
    "load_keyphrase_mapping",
    "default_keyphrase_mapping_path",
    "precision_sample",
    "precision",
    "word_counts",
    "theme_counts",
    "actor_sentences",
    "keyness",
    "compare",
    "COUNT_COLUMNS",
    "KEYNESS_COLUMNS",
    "theme_prevalence",
    "theme_actor_crosstab",
    "sentence_spans",
    "split_sentences",
]
