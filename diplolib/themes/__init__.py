"""Themes: the theme dictionary, tagging, prevalence by time, outlet and actor, keyness, keyword in context."""

from .dictionary import ThemeDictionary, ThemeFileError, cue_pattern, default_themes_path, load_themes
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
    "theme_prevalence",
    "theme_actor_crosstab",
    "sentence_spans",
    "split_sentences",
]
