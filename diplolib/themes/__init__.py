"""Themes: the theme dictionary, tagging, prevalence by time, outlet and actor, keyness, keyword in context,
agreement across the language versions of a parallel corpus."""

from .._lazy import attach

_NAMES = {
    "ThemeDictionary": ".dictionary",
    "ThemeFileError": ".dictionary",
    "load_themes": ".dictionary",
    "tag_themes": ".tagging",
    "theme_scores": ".tagging",
    "HIT_COLUMNS": ".tagging",
    "kwic": ".context",
    "theme_prevalence": ".prevalence",
    "theme_actor_crosstab": ".crosstab",
    "word_counts": ".counts",
    "theme_counts": ".counts",
    "actor_sentences": ".counts",
    "keyness": ".keyterms",
    "compare": ".keyterms",
    "precision_sample": ".evaluate",
    "precision": ".evaluate",
    "recall": ".evaluate",
    "keyphrase_agreement": ".evaluate",
    "un_body": ".bodies",
    "parallel_themes": ".parallel",
    "theme_agreement": ".parallel",
    "theme_disagreements": ".parallel",
}
__getattr__, __dir__ = attach(__name__, _NAMES)
__all__ = list(_NAMES)
