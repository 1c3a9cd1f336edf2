"""Themes: the theme dictionary, tagging, prevalence by time, outlet and actor, keyness, keyword in context."""

from .dictionary import ThemeDictionary, ThemeFileError, cue_pattern, default_themes_path, load_themes
from .counts import COUNT_COLUMNS, actor_sentences, theme_counts, word_counts
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
