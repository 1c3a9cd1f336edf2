"""Literal anchors of a compiled cue: what the theme scan's Aho-Corasick prefilter looks for before any regex runs.

:func:`pattern_prefilter` reads a cue's regular expression (as :func:`diplolib.themes.cues.cue_pattern` builds it)
and returns literals one of which every match must contain, with where they may sit; :mod:`diplolib.themes.scan`
runs the regexes only around those literals.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["Anchor", "pattern_prefilter", "first_words", "one_word", "word_count", "phrase_table"]

_BASE_CHARS = re.compile(r"[\w\s\-\u2010-\u2013]")

#: An anchor: a literal of the matching form; whether the regex requires a non-word character
#: (or the text's edge) right before it (``word_start``) and right after it (``word_end``); and
#: how many characters of a match may precede it, ``(lo, hi)``, ``hi`` None when unbounded.
Anchor = tuple[str, bool, bool, int, "int | None"]


def _is_word_assert(op, av, direction: int) -> bool:
    from re import _constants as c

    return op is c.ASSERT_NOT and av[0] == direction and list(av[1]) == [(c.IN, [(c.CATEGORY, c.CATEGORY_WORD)])]


def _width(state, item) -> tuple[int, int | None]:
    from re import _constants as c
    from re import _parser

    lo, hi = _parser.SubPattern(state, [item]).getwidth()
    return lo, (hi if hi < c.MAXREPEAT else None)


def _literals(op, av) -> list[str] | None:
    """The strings an item can match if they are few and literal (a character, a small set of
    characters, a small alternation of literal strings, an optional one of these), else None."""
    from re import _constants as c

    if op is c.LITERAL:
        return [chr(av)]
    if op is c.IN and 1 < len(av) <= 4 and all(o is c.LITERAL for o, _ in av):
        return [chr(v) for _, v in av]
    if op is c.BRANCH and len(av[1]) <= 8:
        alts = [_seq_literals(alt) for alt in av[1]]
        if all(a is not None for a in alts):
            return [x for a in alts for x in a]
    if op is c.SUBPATTERN and not av[1] and not av[2]:
        return _seq_literals(av[3])
    if op is c.MAX_REPEAT and av[0] == 0 and av[1] == 1:
        inner = _seq_literals(av[2])
        return None if inner is None else ["", *inner]
    return None


def _seq_literals(seq) -> list[str] | None:
    out = [""]
    for item in seq:
        lits = _literals(*item)
        if lits is None or len(out) * len(lits) > 8:
            return None
        out = [a + b for a in out for b in lits]
    return out


def _anchor_options(seq, after_boundary=False, before_boundary=False, offset=(0, 0)) -> list[frozenset]:
    r"""Sets of anchors, each set such that every match of ``seq`` contains one of them.

    A run of literal items is one anchor set (its variants: ``qa[ei]da`` gives qaeda and qaida).
    ``after_boundary``/``before_boundary``: ``seq`` is preceded by ``(?<!\w)`` / followed by
    ``(?!\w)``; ``offset``: characters of the match before ``seq``, ``(lo, hi)`` (hi None: unbounded).
    """
    from re import _constants as c

    items = list(seq)
    options: list[frozenset] = []
    run: list[str] = []
    run_start, run_offset = False, offset
    boundary = after_boundary  # the current position is preceded by (?<!\w)

    def flush(word_end: bool) -> None:
        if run:
            options.append(frozenset((v, run_start, word_end, *run_offset) for v in run))
            run.clear()

    for k, (op, av) in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        ends_at_boundary = _is_word_assert(*nxt, 1) if nxt is not None else before_boundary
        lits = _literals(op, av)
        if lits is not None and (run or "" not in lits) and len(run or [""]) * len(lits) <= 8:
            if not run:
                run_start, run_offset = boundary, offset
                run.append("")
            run[:] = [r + x for r in run for x in lits]
            boundary = False
            if ends_at_boundary:
                flush(True)
        else:
            flush(False)
            if _is_word_assert(op, av, -1):
                boundary = True
                continue
            if op is c.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
                options.extend(_anchor_options(av[3], boundary, ends_at_boundary, offset))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                options.extend(_anchor_options(av[2], offset=offset if av[0] == av[1] == 1 else (0, None)))
            elif op is c.BRANCH:
                best = [_best(_anchor_options(alt, boundary, ends_at_boundary, offset)) for alt in av[1]]
                if all(b is not None for b in best):
                    options.append(frozenset().union(*best))
            boundary = False
        lo, hi = _width(seq.state, (op, av))
        offset = (offset[0] + lo, None if hi is None or offset[1] is None else offset[1] + hi)
    flush(before_boundary)
    return options


def _best(options: list[frozenset]) -> frozenset | None:
    """The most selective set: literals of 3+ characters with a known position first, then the
    longest shortest literal, the fewest literals, the most word edges."""
    if not options:
        return None

    def key(s):
        shortest = min(len(a[0]) for a in s)
        bounded = all(a[4] is not None for a in s)
        return (min(shortest, 3), bounded, shortest, -len(s), sum(a[1] + a[2] for a in s), sorted(s, key=str))

    return max(options, key=key)


def _extra_chars(seq) -> set[str] | None:
    """Characters beyond ``[\\w\\s-]`` that a match of ``seq`` may contain (None: any)."""
    from re import _constants as c

    out: set[str] = set()

    def char(ch: str) -> None:
        if not _BASE_CHARS.match(ch):
            out.add(ch)

    for op, av in seq:
        if op is c.LITERAL:
            char(chr(av))
        elif op is c.IN:
            for op2, av2 in av:
                if op2 is c.LITERAL:
                    char(chr(av2))
                elif op2 is c.RANGE and av2[1] - av2[0] < 256:
                    for code in range(av2[0], av2[1] + 1):
                        char(chr(code))
                elif not (op2 is c.CATEGORY and av2 in (c.CATEGORY_WORD, c.CATEGORY_SPACE, c.CATEGORY_DIGIT)):
                    return None
        elif op is c.SUBPATTERN:
            sub = _extra_chars(av[3])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            sub = _extra_chars(av[2])
        elif op is c.BRANCH:
            subs = [_extra_chars(alt) for alt in av[1]]
            sub = None if any(s is None for s in subs) else set().union(*subs)
        elif op is c.ASSERT_NOT and list(av[1]) == [(c.IN, [(c.CATEGORY, c.CATEGORY_WORD)])]:
            continue  # (?<!\w) and (?!\w): a barrier is not a word character either
        else:
            return None  # other look-arounds, anchors, back-references, '.': no guarantee
        if op in (c.SUBPATTERN, c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT, c.BRANCH):
            if sub is None:
                return None
            out |= sub
    return out


def pattern_prefilter(pattern: str) -> tuple[frozenset[Anchor] | None, frozenset[str] | None]:
    """Anchors and extra characters of a compiled cue (see the comment above).

    Returns
    -------
    tuple
        ``(anchors, extra)``: ``anchors`` is a set of ``(literal, word_start, word_end, lo, hi)``
        such that every match of ``pattern`` contains at least one of the literals, preceded by a
        non-word character (or the start of the text) if ``word_start``, followed by one (or the
        end) if ``word_end``, starting ``lo`` to ``hi`` characters after the start of the match
        (``hi`` None: unbounded); ``None`` when there is no such set;
        ``extra`` the characters other than word characters, whitespace and hyphens/dashes that
        a match may contain (``None``: unknown, so no character bounds a match).
    """
    from re import _constants as c
    from re import _parser

    parsed = _parser.parse(pattern)
    if parsed.state.flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_VERBOSE):
        return None, None
    extra = _extra_chars(parsed)
    return _best(_anchor_options(parsed)), (frozenset(extra) if extra is not None else None)


def first_words(pattern: str) -> str:
    r"""The words every match of a cue regex starts with, as the spaced form (non-word characters as spaces, a run
    of them as one) reads them: ``(?<!\w)civil[\s\-‐-–]+war(?:s)?(?!\w)`` gives ``"civil war"``. Read
    off the parsed regex: word characters given literally, and runs of one or more separators (characters that
    are not word characters), up to the first other item; ``""`` when there is none."""
    from re import _constants as c
    from re import _parser

    parsed = _parser.parse(pattern)
    if parsed.state.flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_VERBOSE):
        return ""
    out = ""
    for op, av in parsed[1:] if len(parsed) and parsed[0][0] is c.ASSERT_NOT and parsed[0][1][0] == -1 else ():
        if op is c.LITERAL and _is_word(chr(av)):
            out += chr(av)
        elif (op is c.MAX_REPEAT and av[0] >= 1 and out and not out.endswith(" ") and len(av[2]) == 1
              and av[2][0][0] is c.IN and all(_nonword_item(*x) for x in av[2][0][1])):
            out += " "
        else:
            break
    return out.rstrip()


def _nonword_item(op, av) -> bool:
    """An item of a character set that holds only non-word characters (whitespace, a literal, a small range)."""
    from re import _constants as c

    if op is c.CATEGORY:
        return av is c.CATEGORY_SPACE
    if op is c.LITERAL:
        return not _is_word(chr(av))
    if op is c.RANGE:
        return av[1] - av[0] < 256 and not any(_is_word(chr(x)) for x in range(av[0], av[1] + 1))
    return False


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def one_word(pattern: str) -> bool:
    r"""Whether every match of ``pattern`` is one whole word (:func:`word_count` 1)."""
    return word_count(pattern) == 1


def word_count(pattern: str) -> int:
    r"""``n`` when ``pattern`` reads ``(?<!\w)X1 S X2 S ... Xn(?!\w)``: each ``Xi`` matches only word characters
    and never the empty string, each ``S`` one or more characters of a class of non-word characters (the
    separators of :mod:`diplolib.themes.cues`); else 0.

    Then a match at a position preceded by a non-word character can only be the ``n`` words starting there with
    what stands between them (each ``Xi`` must take a whole word, each ``S`` all of the gap to the next word), and
    there is one iff the regex matches that whole stretch: ``rx.fullmatch(stretch)`` decides it, once for every
    occurrence of the same stretch (:mod:`diplolib.themes.batch`)."""
    from re import _constants as c
    from re import _parser

    parsed = _parser.parse(pattern)
    if parsed.state.flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_VERBOSE) or len(parsed) < 3:
        return 0
    items = list(parsed)
    if not (_is_word_assert(*items[0], -1) and _is_word_assert(*items[-1], 1)):
        return 0
    words: list[list] = [[]]
    for op, av in items[1:-1]:
        if (op is c.MAX_REPEAT and av[0] >= 1 and av[1] == c.MAXREPEAT and len(av[2]) == 1
                and av[2][0][0] is c.IN and all(_nonword_item(*x) for x in av[2][0][1])):
            words.append([])
        else:
            words[-1].append((op, av))
    for seq in words:
        if not seq or not _word_chars_only(seq) or _parser.SubPattern(parsed.state, seq).getwidth()[0] == 0:
            return 0
    return len(words)


def _word_chars_only(seq) -> bool:
    """Whether ``seq`` (parsed items) can only match word characters."""
    from re import _constants as c

    for op, av in seq:
        if op is c.LITERAL:
            ok = _is_word(chr(av))
        elif op is c.IN:
            ok = all(_word_item(*x) for x in av)
        elif op is c.SUBPATTERN:
            ok = not av[1] and not av[2] and _word_chars_only(av[3])
        elif op is c.BRANCH:
            ok = all(_word_chars_only(alt) for alt in av[1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            ok = _word_chars_only(av[2])
        else:
            ok = False
        if not ok:
            return False
    return True


def _word_item(op, av) -> bool:
    """An item of a character set that holds only word characters (no negation)."""
    from re import _constants as c

    if op is c.CATEGORY:
        return av in (c.CATEGORY_WORD, c.CATEGORY_DIGIT)
    if op is c.LITERAL:
        return _is_word(chr(av))
    if op is c.RANGE:
        return av[1] - av[0] < 1024 and all(_is_word(chr(x)) for x in range(av[0], av[1] + 1))
    return False


def phrase_table(phrases: list[str]) -> tuple[np.ndarray, np.ndarray] | None:
    """The first words of each cue that starts with several (:func:`~diplolib.themes.prefilter.first_words` holding
    a space) as rows of code points, padded, and their lengths (0: no such words); None when no cue has them."""
    kept = [ph if " " in ph else "" for ph in phrases]
    if not any(kept):
        return None
    codes = np.zeros((len(kept), max(map(len, kept))), dtype=np.int64)
    for i, ph in enumerate(kept):
        codes[i, :len(ph)] = [ord(c) for c in ph]
    return codes, np.fromiter(map(len, kept), dtype=np.int64, count=len(kept))
