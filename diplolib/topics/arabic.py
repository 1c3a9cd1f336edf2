"""A light Arabic stemmer that never changes the meaning of a word: it only strips the article and the clitics
written before it.

simplemma's Arabic lemmas change words: المعارض ("the opposition", "the opponents") → معرض ("exhibition"),
أفضل ("better") → فضل ("favour"), and folding the alef forms shows labels without their hamza (ارهابي for
إرهابي). This stemmer does less, on purpose:

* it strips one prefix that ends with the article: ال, لل (li + al), وال فال بال كال, ولل فلل, وبال فبال وكال
  فكال — never a bare و ف ب ك ل (وزير, وفد, بلد, فريق begin with those letters), and no suffix (ين ان ون
  end فلسطين, لبنان, قانون);
* only when the rest is a word of the corpus (``known``; the clitic alone goes when only the article + the
  rest is one: والجزائر → الجزائر, as الجزائر stays whole because جزائر is not a word): بالستية ("ballistic") keeps
  its بال because ستية is not a word, كاليدونيا its كال, التزام ("commitment", whose ال belongs to the word) its
  ال because تزام is not a word;
* never from a word of :data:`KEEP_WHOLE` (والدين "parents" would read و + الدين "and the religion");
* hamza forms and ة are kept (the stem is the written word minus its prefix); the topic features are the
  folded stems (alefs unified), and labels show each feature's most frequent written stem.

Checked on a hand list of 120 words of the UNPC documents (``tests/data/arabic_stems.tsv``, see the tests).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable

__all__ = ["KEEP_WHOLE", "PREFIXES", "arabic_tokens", "arabic_words", "display_forms", "known_words", "light_stem",
           "stem_words"]

#: Prefixes ending with the article, longest first (one is stripped at most).
PREFIXES = ("وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
#: Words that look like a clitic + the article + a word but are one word: والد "parent" (والدين "parents"
#: would read "and the religion"), والي "governor", بالغ "adult, considerable" (with their endings).
KEEP_WHOLE = re.compile(r"(?:والد|والي|والى|بالغ)(?:ة|ي|ين|ان|ا|ه|اه|ها|هم|ون|تي|ته|تها|يه|يها|يهم)?")
_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
_MIN_REST = 3


def fold_ar(word: str) -> str:
    """The matching key of an Arabic word: alef forms unified, final ى as ي (as :func:`diplolib.tokens.fold`)."""
    return word.translate(_ALEF)


def arabic_words(text: str) -> list[str]:
    """The Arabic words of ``text`` (NFC, diacritics and tatweel removed, hamza forms kept)."""
    return _WORD.findall(_MARKS.sub("", unicodedata.normalize("NFC", text or "")))


def light_stem(word: str, known: Collection[str] | Callable[[str], bool] | None = None) -> str:
    """``word`` without a prefix ending in the article, when the rest is a word (see the module docstring).

    Parameters
    ----------
    word : str
        One Arabic word, diacritics removed (:func:`arabic_words`).
    known : collection of str or callable, optional
        The words of the corpus (folded with :func:`fold_ar`), or a test ``str -> bool``. The prefix goes if
        the rest is known on its own; else a clitic before the article goes if the rest with the article is
        known (والجزائر → الجزائر); else nothing goes. Without ``known``, only the length rule holds (the
        rest has at least three letters).

    Returns
    -------
    str
        The stem, hamza forms kept.
    """
    if KEEP_WHOLE.fullmatch(word):
        return word
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_REST:
            rest = word[len(prefix):]
            if known is None or _is_known(rest, known):
                return rest
            if prefix != "ال" and _is_known("ال" + rest, known):
                return "ال" + rest  # the clitic goes, the article stays: والجزائر → الجزائر, like الجزائر
            return word
    return word


def _is_known(word: str, known) -> bool:
    test = known if callable(known) else known.__contains__
    return test(fold_ar(word))


def stem_words(words: Iterable[str], known: Collection[str] | None = None) -> tuple[list[str], Counter]:
    """Stems of ``words`` and a count of (folded stem, written stem) pairs, for display forms."""
    forms: Counter = Counter()
    stems = []
    for w in words:
        s = light_stem(w, known)
        stems.append(s)
        forms[(fold_ar(s), s)] += 1
    return stems, forms


_TOKEN = re.compile(r"[@#][\w:.\-]*\w|[\u0621-\u064A\u0671-\u06D3]+|\w+")


def arabic_tokens(text: str, stop_words: Collection[str], known: Collection[str] | None,
                  forms: Counter | None = None) -> list[str]:
    """Feature tokens of an Arabic document: ``@actor`` / ``#theme`` kept whole, Arabic words light-stemmed and
    folded, other words folded; stop words (folded), numbers and one-letter words dropped.

    ``forms``, when given, counts each (folded stem, written stem) pair: the display forms of the labels.
    """
    out: list[str] = []
    for tok in _TOKEN.findall(_MARKS.sub("", unicodedata.normalize("NFC", text or "").lower())):
        if tok[0] in "@#":
            out.append(tok)
            continue
        if tok.isdigit() or len(tok) < 2:
            continue
        if not _WORD.fullmatch(tok):
            key = fold_ar(tok)
            if key not in stop_words:
                out.append(key)
            continue
        if fold_ar(tok) in stop_words:
            continue
        stem = light_stem(tok, known)
        key = fold_ar(stem)
        if len(key) < 2 or key in stop_words:
            continue
        out.append(key)
        if forms is not None:
            forms[(key, stem)] += 1
    return out


def known_words(texts: Iterable[str]) -> frozenset[str]:
    """The folded Arabic words of ``texts``: the ``known`` argument of :func:`light_stem`."""
    return frozenset(fold_ar(w) for t in texts for w in arabic_words(t))


def display_forms(forms: Counter) -> dict[str, str]:
    """``{folded stem: its most frequent written stem}`` (ties: the first in Unicode order)."""
    best: dict[str, tuple[int, str]] = {}
    for (key, written), n in forms.items():
        if key not in best or (-n, written) < (-best[key][0], best[key][1]):
            best[key] = (n, written)
    return {k: w for k, (_, w) in best.items() if w != k}
