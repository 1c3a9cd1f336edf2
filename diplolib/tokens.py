"""Tokens of a text in its language, and stop words: the word pieces that themes, topics and keyness share.

A text is lower-cased (Unicode NFC), apostrophes become spaces, and in Arabic the diacritics and tatweel are
removed and the alef forms unified (:func:`fold`); it is then split into words (``\\w+``), and ``@actor`` /
``#theme`` feature tokens are kept whole. :func:`tokenize` drops numbers, one-letter words and the stop words it
is given, and can lemmatise with simplemma (which also strips Arabic proclitics: والحكومة → حكومة).

Stop words come from the maintained ``stop-words`` package (PyPI ``stop-words``, lists for fr, en and ar, no
model data, no network): scikit-learn ships English only and spaCy is an optional extra. Its English list is
aggressive (1,333 words, among them "state", "world", "general"): :data:`KEEP_WORDS` lists those that carry
meaning in diplomatic news.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

__all__ = ["KEEP_WORDS", "SUPPORTED_LANGS", "fold", "stop_words_for", "tokenize"]

SUPPORTED_LANGS = ("fr", "en", "ar")

#: Words of the English ``stop-words`` list that carry meaning in diplomatic news. Not applied by
#: default (on sib200 keeping them lowered English NMI from 0.14 to 0.08: "world", "state" and
#: "high" became topics of their own); pass ``keep_words=KEEP_WORDS`` to keep them as features.
KEEP_WORDS = frozenset(
    {
        "state",
        "states",
        "world",
        "general",
        "member",
        "members",
        "group",
        "groups",
        "security",
        "right",
        "rights",
        "high",
        "united",
        "union",
        "council",
        "affairs",
        "nations",
        "force",
        "forces",
    }
)

_WORD = re.compile(r"[@#][\w:.\-]*\w|\w+")
_AR_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_AR_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
_APOSTROPHES = str.maketrans({"’": " ", "'": " ", "ʼ": " ", "`": " "})


def fold(text: str, lang: str) -> str:
    """``text`` lower-cased (NFC), apostrophes as spaces; in Arabic without diacritics and tatweel, alefs unified."""
    text = unicodedata.normalize("NFC", text).lower().translate(_APOSTROPHES)
    if lang == "ar":
        text = _AR_MARKS.sub("", text).translate(_AR_ALEF)
    return text


@lru_cache(maxsize=16)
def stop_words_for(lang: str, *, missing: Literal["error", "none"] = "error") -> frozenset[str]:
    """The stop words of a language (``stop-words`` package), folded like the tokens.

    Parameters
    ----------
    lang : str
        ISO 639-1 code: ``fr``, ``en`` or ``ar`` (any code the package knows also works).
    missing : {"error", "none"}
        For a language without a list: raise (default) or return an empty set.

    Returns
    -------
    frozenset of str
    """
    import stop_words

    try:
        words = stop_words.get_stop_words(lang)
    except stop_words.StopWordError:
        if missing == "none":
            return frozenset()
        raise ValueError(
            f"no stop-word list for language {lang!r}; the supported languages are "
            f"{list(SUPPORTED_LANGS)}. Set the article's `lang` to one of them, or pass "
            f"unknown_lang='none' to vectorise it without stop words."
        ) from None
    folded = {w for s in words for w in _WORD.findall(fold(s, lang))}
    return frozenset(folded)


def tokenize(text: str, lang: str, *, stop_words: Iterable[str] = (), lemmatize: bool = False) -> list[str]:
    """Split one text into feature tokens (``@actor`` / ``#theme`` tokens kept whole).

    Parameters
    ----------
    text : str
    lang : str
        Language code, used for folding (Arabic) and lemmatisation.
    stop_words : iterable of str
        Folded words to drop (see :func:`stop_words_for`).
    lemmatize : bool
        Lemmatise with simplemma (``lang`` must be a language simplemma knows).

    Returns
    -------
    list of str
    """
    stop = stop_words if isinstance(stop_words, (set, frozenset)) else set(stop_words)
    out: list[str] = []
    for tok in _WORD.findall(fold(text or "", lang)):
        if tok[0] in "@#":
            out.append(tok)
            continue
        if len(tok) < 2 or tok.isdigit() or tok in stop:
            continue
        if lemmatize:
            tok = _lemma(tok, lang)
            if len(tok) < 2 or tok in stop:
                continue
        out.append(tok)
    return out


@lru_cache(maxsize=200_000)
def _lemma(token: str, lang: str) -> str:
    import simplemma

    try:
        return fold(simplemma.lemmatize(token, lang=lang), lang)
    except ValueError:  # a language simplemma does not know: keep the word
        return token
