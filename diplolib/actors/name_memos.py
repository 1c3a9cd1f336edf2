"""The surname rule's answers that depend on a key or a word only, computed once per matcher.

:meth:`~diplolib.actors.rules.MatcherRules._inside_another_name` runs for every watched surname hit ("Assad",
"Colonna", "Hadi"); on each call it used to gather the full names of the key's owners and the set of their words,
and to judge a capitalised word next to the hit a name word or not (:meth:`~diplolib.actors.rules.MatcherRules.
_name_word`: a key form, two word-frequency look-ups). Neither depends on the text: :func:`owner_names` keeps the
first per (key, owners), :func:`name_word` the second per word, on the matcher (``__dict__``, so a pickled matcher
from before carries none). The matcher's tables they read (``_full_names``, ``_title_words``, ``_entries``) are
built once with it; :func:`name_word` keeps at most :data:`MEMO_WORDS` words (the capitalised words of a corpus
are many), then starts again. ``matcher`` is a :class:`~diplolib.actors.rules.MatcherRules` (not imported here:
``rules`` imports this module).
"""

from __future__ import annotations

from typing import Any

__all__ = ["owner_names", "name_word", "MEMO_WORDS"]

#: The most words :func:`name_word` keeps before it starts again.
MEMO_WORDS = 65_536


def owner_names(matcher: Any, key: str, owners: set[str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The full names of ``owners`` (the actors whose surname ``key`` is), in the order of the owners and their
    names, and the set of the words of those names; kept per key while the same ``owners`` set is asked about."""
    memo = matcher.__dict__.setdefault("_owner_names_memo", {})
    got = memo.get(key)
    if got is None or got[0] is not owners:
        names = tuple(n for o in owners for n in matcher._full_names.get(o, ()))
        got = memo[key] = (owners, names, frozenset(w for n in names for w in n.split()))
    return got[1], got[2]


def name_word(matcher: Any, word: str) -> bool:
    """``matcher._name_word(word)``, kept per word."""
    memo = matcher.__dict__.setdefault("_name_word_memo", {})
    got = memo.get(word)
    if got is None:
        if len(memo) >= MEMO_WORDS:
            memo.clear()
        got = memo[word] = bool(matcher._name_word(word))
    return got
