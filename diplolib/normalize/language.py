"""Offline, deterministic language identification for dispatches.

Arabic script is recognised by counting letters; French and English by their
function words when one side clearly wins (at least 5 function words, three
times as many as the other side's: a fast path that decides most news text);
everything else goes to py3langid (a numpy port of langid.py, trained on 97
languages, no network), restricted by default to the languages diplolib works
with. Too little text gives ``"und"``.

Examples
--------
>>> detect_language("Le ministre russe des Affaires étrangères a rencontré son homologue.")
'fr'
>>> detect_language("وزير الخارجية الروسي يلتقي نظيره الأمريكي")
'ar'
>>> detect_language("OK")
'und'
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["detect_language", "DEFAULT_LANGUAGES", "SAMPLE_CHARS"]

DEFAULT_LANGUAGES: tuple[str, ...] = ("fr", "en", "ar")
#: The characters :func:`detect_language` reads by default (its ``max_chars``): a caller may pass no more.
SAMPLE_CHARS = 300

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_WORD = re.compile(r"[^\W\d_]+")
#: Every ASCII character that is not a letter, made a space: the words of lower-cased ASCII text are then its
#: ``split()`` (the maximal runs of ``[^\W\d_]``, which in ASCII are the letters), 3x faster than the regex.
_ASCII_NON_LETTERS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalpha()})
_FUNCTION_WORDS = {
    "fr": frozenset("le la les des du de un une et est sont dans pour par sur avec qui que au aux ne pas il elle "
                    "ils ont été cette ces son ses leur selon lors".split()),
    "en": frozenset("the of and to in is are was were for on with by that this from at it its has have been "
                    "which who will an be as".split()),
}


@lru_cache(maxsize=1)
def _base_identifier():
    """py3langid's identifier over all its languages, loaded once per process (its model unpacked once per
    machine: :mod:`diplolib.normalize.langid_model`)."""
    from .langid_model import load_identifier

    return load_identifier(norm_probs=True)


@lru_cache(maxsize=8)
def _identifier(languages: tuple[str, ...] | None):
    """An identifier restricted to ``languages``: a shallow copy of the base one (the model's arrays are shared,
    only the per-language columns are re-sliced), so each set of candidates does not load the model again."""
    ident = copy.copy(_base_identifier())
    if languages:
        unknown = sorted(set(languages) - set(ident.nb_classes))
        if unknown:
            raise ValueError(f"Unknown language code(s) {unknown}; py3langid knows {sorted(ident.nb_classes)}.")
        ident.set_languages(list(languages))
    return ident


def known_languages() -> frozenset[str]:
    """The ISO 639-1 codes the language identifier knows (py3langid's 97 languages)."""
    return frozenset(_base_identifier().nb_classes)


def _words(sample: str, ascii_only: bool) -> list[str]:
    """``_WORD.findall(sample.lower() if ascii_only else sample)`` (ASCII: non-letters made spaces, split)."""
    return sample.lower().translate(_ASCII_NON_LETTERS).split() if ascii_only else _WORD.findall(sample)


def detect_language(text: str, *, languages: Sequence[str] | None = DEFAULT_LANGUAGES,
                    min_letters: int = 12, min_prob: float = 0.5, max_chars: int = SAMPLE_CHARS) -> str:
    """The language of ``text`` as an ISO 639-1 code, or ``"und"``.

    Parameters
    ----------
    text : str
        Any text; NA and non-strings give ``"und"``.
    languages : sequence of str or None
        Candidate languages (default ``("fr", "en", "ar")``); ``None`` for all 97
        languages of py3langid.
    min_letters : int
        Fewer letters than this gives ``"und"``.
    min_prob : float
        Below this normalised probability of the best language, ``"und"``.
    max_chars : int
        Only the first ``max_chars`` characters are read (speed).

    Returns
    -------
    str
        ``"fr"``, ``"en"``, ``"ar"`` (or another code when ``languages`` allows it), or ``"und"``.
    """
    if not isinstance(text, str):
        return "und"
    sample = text[:max_chars]
    ascii_only = sample.isascii()
    # the letters are the characters of the words (a word is a maximal run of letters): one scan for both;
    # ASCII text is lower-cased in one call (ASCII casefold is lower) and holds no Arabic letter
    words = _words(sample, ascii_only)
    n_letters = sum(map(len, words))
    if n_letters < min_letters:
        return "und"
    langs = tuple(languages) if languages else None
    # mostly Arabic script and no other Arabic-script language among the candidates: Arabic
    if (not ascii_only and langs is not None and "ar" in langs and not set(langs) & {"fa", "ur", "ps", "ug", "ku"}
            and len(_ARABIC.findall(sample)) > n_letters / 2):
        return "ar"
    if langs is None or {"fr", "en"} <= set(langs):
        if not ascii_only:
            words = [w.casefold() for w in words]
        fr = sum(map(_FUNCTION_WORDS["fr"].__contains__, words))
        en = sum(map(_FUNCTION_WORDS["en"].__contains__, words))
        if max(fr, en) >= 5 and max(fr, en) >= 3 * min(fr, en):
            return "fr" if fr > en else "en"
    lang, prob = _identifier(langs).classify(sample)
    return lang if prob >= min_prob else "und"
