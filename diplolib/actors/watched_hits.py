"""The common-word rule over the watched hits of a whole chunk (:func:`diplolib.actors.tagger.tag_actors`).

:meth:`~diplolib.actors.rules.MatcherRules.common_words` drops a surname hit when it is part of a longer name
that is someone else's ("Yvan Colonna"), or when the same word was written inside someone else's name earlier in
the text ("le procès d'Yvan Colonna … Colonna avait …"). Called hit by hit, that second test searches the text
before each hit for the surface again, tests every earlier occurrence again, and turns the whole text into its
key form once per name of the owner: a text naming "Assad" twenty times does that work 20 × 20 times.

:func:`common_word_drops` gives the same answers with the work done once per text: the occurrences of a surface
are found once in the whole text, the longer-name test runs once per (occurrence, key), the key form of the text
is made once. The answers are those of the method by construction (same methods, same arguments, memoised), and a
hit whose occurrences the whole-text search could see differently from the search before the hit (an occurrence
that reaches the hit's start) is passed to the method itself. Keys watched by another rule too (a month that is
also a surname, "May") go through :meth:`common_words` whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .keys import key_form

if TYPE_CHECKING:
    from .matcher import ActorMatcher

__all__ = ["common_word_drops"]


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # the regular expressions' \w on str (sre: Py_UNICODE_ISALNUM or "_")


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    r"""The spans of ``re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)``, found with ``str.find``: the
    same left-to-right, non-overlapping matches (a match resumes the search at its end, a miss one character on),
    without the regular expression's attempt at every character that a leading look-behind forces."""
    if not surface:
        raise ValueError("occurrences: the surface is empty; a hit always spans at least one character.")
    out, n, at = [], len(surface), text.find(surface)
    while at >= 0:
        if (at == 0 or not _word(text[at - 1])) and (at + n == len(text) or not _word(text[at + n])):
            out.append((at, at + n))
            at = text.find(surface, at + n)
        else:
            at = text.find(surface, at + 1)
    return out


class _TextMemo:
    """The surname tests of one text, each computed once."""

    def __init__(self, matcher: ActorMatcher, text: str):
        self.matcher, self.text = matcher, text
        self.inside: dict[tuple[int, int, str], bool] = {}
        self.occurrences: dict[str, list[tuple[int, int]]] = {}
        self.named: dict[str, bool] = {}
        self.form: str | None = None

    def inside_another_name(self, start: int, end: int, key: str) -> bool:
        at = (start, end, key)
        if at not in self.inside:
            m = self.matcher
            self.inside[at] = m._inside_another_name(self.text, start, end, key, m._surnames[key])
        return self.inside[at]

    def other_named_before(self, start: int, end: int, key: str) -> bool:
        """``matcher._other_named_before(text, start, end, key, owners)``."""
        if start < 4:
            return False
        text, surface = self.text, self.text[start:end]
        if surface not in self.occurrences:
            self.occurrences[surface] = occurrences(text, surface)
        spans = self.occurrences[surface]
        if text.endswith(surface, 0, start) or any(s < start <= e for s, e in spans):
            # the search in text[:start] may differ from the whole text's here: ask the method itself
            m = self.matcher
            return m._other_named_before(text, start, end, key, m._surnames[key])
        if not any(self.inside_another_name(s, e, key) for s, e in spans if e < start):
            return False
        if key not in self.named:
            if self.form is None:
                self.form = key_form(text)
            names = {n for o in self.matcher._surnames[key] for n in self.matcher._full_names.get(o, ())}
            self.named[key] = any(n in self.form for n in names)
        return not self.named[key]


def common_word_drops(matcher: ActorMatcher, texts: list[str], pos: np.ndarray, start: np.ndarray,
                      end: np.ndarray, keys: list[str]) -> list[int]:
    """Indexes of the hits (``texts[pos[i]][start[i]:end[i]]``, key ``keys[i]``, all watched keys) that
    :meth:`~diplolib.actors.rules.MatcherRules.common_words` drops, each hit judged on its own."""
    surnames = matcher._surnames
    others = matcher._month_keys | matcher._maqsura_keys | matcher._feminine_keys | matcher._congress_keys
    memos: dict[int, _TextMemo] = {}
    drop = []
    for i, (p, s, e, k) in enumerate(zip(pos.tolist(), start.tolist(), end.tolist(), keys, strict=True)):
        if k not in surnames or k in others:
            if not matcher.common_words(texts[p], [(s, e, k)]):
                drop.append(i)
            continue
        memo = memos.get(p)
        if memo is None:
            memo = memos[p] = _TextMemo(matcher, texts[p])
        if memo.inside_another_name(s, e, k) or memo.other_named_before(s, e, k):
            drop.append(i)
    return drop
