"""The cue syntax of the theme dictionary, compiled to regular expressions.

See :mod:`diplolib.themes.dictionary` for the syntax.  Cues are put in matching form
(:func:`diplolib.normalize.matching.matching_form`) piece by piece, so that the pattern
matches the matching form of a text.
"""

from __future__ import annotations

import functools
import re

from ..normalize.matching import matching_form
from ..tokens import SUPPORTED_LANGS, stop_words_for

__all__ = ["BOUNDARY", "cue_pattern", "pattern_prefilter"]

_FORBIDDEN = set("{}^$+?\\")
_SEP = r"[\s\-\u2010-\u2013]+"  # spaces, hyphens and dashes
_AR_PROCLITICS = "(?:[\u0648\u0641]?(?:[\u0628\u0643\u0644]?\u0627\u0644|\u0644\u0644|[\u0628\u0643\u0644])?)"
_PROCLITIC_LANGS = {"ar"}
#: The look-behind that starts every compiled cue: no word character before the match.
BOUNDARY = r"(?<!\w)"


def _literal(text: str) -> tuple[str, int]:
    """Regex for a literal chunk of a cue, and its number of word characters."""
    norm = matching_form(text)
    words = norm.split()
    src = _SEP.join(re.escape(w) for w in words)
    if norm[:1].isspace() and words:
        src = _SEP + src
    if norm[-1:].isspace() and words:
        src = src + _SEP
    return src, sum(ch.isalnum() for ch in norm)


def _join_optional_words(parts: list[str]) -> list[str]:
    """An optional group standing as a word of its own takes its following separator with it."""
    out: list[str] = []
    k = 0
    while k < len(parts):
        p = parts[k]
        standalone = (
            (not out or out[-1] == _SEP or out[-1].endswith(_SEP + ")?"))
            and k + 1 < len(parts)
            and parts[k + 1] == _SEP
        )
        if p.startswith("(?:") and p.endswith(")?") and standalone:
            out.append("(?:" + p[:-1] + _SEP + ")?")
            k += 2
            continue
        out.append(p)
        k += 1
    return out


def cue_pattern(cue: str, lang: str) -> str:
    """Compile one cue of the dictionary syntax into a regex source.

    Parameters
    ----------
    cue : str
        The cue, e.g. ``"bomb(s|ed|ing)"``, ``"negotiat*"``, ``"cessez-le-feu"``.
    lang : str
        Language code; ``"ar"`` adds the Arabic proclitics before the cue.

    Returns
    -------
    str
        Regex source matching the cue as whole words on the matching form.

    Raises
    ------
    ValueError
        Empty cue, lone or too short wildcard, pattern able to match the empty string,
        unbalanced parentheses or regex characters the syntax does not use.
    """
    if not isinstance(cue, str):
        raise ValueError(f"cue {cue!r} is not a string: write cues as quoted text")
    text = cue.strip()
    if not text:
        raise ValueError("empty cue: remove it or write a word")
    bad = sorted(set(text) & _FORBIDDEN)
    if bad:
        raise ValueError(
            f"cue {cue!r} uses {''.join(bad)!r}: the cue syntax only knows '*', '(a|b)', '[a|b]' and '-'; "
            "write the forms out as separate cues"
        )
    if lang in _PROCLITIC_LANGS and matching_form(text[:2]) == "\u0627\u0644" and len(text) > 4:
        text = text[2:]  # the article is part of the proclitics: also matches لل (li + al)
    parts: list[str] = []
    buf = ""
    mandatory = 0  # word characters that must be present
    before_wild: int | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "()[]*-" or ch.isspace():
            if buf:
                src, n = _literal(buf)
                parts.append(src)
                mandatory += n
                buf = ""
        if ch in "([":
            group, extra, i = _bracket(cue, text, i)
            parts.append(group)
            mandatory += extra
            continue
        if ch in ")]":
            raise ValueError(f"cue {cue!r}: {ch!r} without its opening bracket")
        if ch == "*":
            if i + 1 < len(text) and not (text[i + 1].isspace() or text[i + 1] in "-"):
                raise ValueError(f"cue {cue!r}: '*' is only allowed at the end of a word")
            if before_wild is None:
                before_wild = mandatory
            parts.append(r"\w*")
        elif ch == "-":
            parts.append(r"[\s\-\u2010-\u2013]?")
        elif ch.isspace():
            if parts and parts[-1] != _SEP:
                parts.append(_SEP)
        else:
            buf += ch
        i += 1
    if buf:
        src, n = _literal(buf)
        parts.append(src)
        mandatory += n
    body = "".join(_join_optional_words(parts))
    _check_body(cue, body, mandatory, before_wild)
    prefix = _AR_PROCLITICS if lang in _PROCLITIC_LANGS else ""
    pattern = rf"{BOUNDARY}{prefix}(?:{body})(?!\w)"
    _check_breadth(cue, pattern, lang)
    return pattern


#: A cue matching at least this share of a language's common words (its stop words of 3 letters or more) is a
#: catch-all ("[a|…|z][a|…|z][a|…|z]*" matches every word) and is refused, whatever syntax built it.
MAX_COMMON_WORD_SHARE = 0.25


@functools.lru_cache(maxsize=8)
def _probe_words(lang: str) -> tuple[str, ...]:
    langs = [lang] if lang in SUPPORTED_LANGS else list(SUPPORTED_LANGS)
    return tuple(sorted({matching_form(w) for code in langs for w in stop_words_for(code) if len(w) >= 3}))


def _check_breadth(cue: str, pattern: str, lang: str) -> None:
    """Refuse a cue that matches a large share of the language's common words (:data:`MAX_COMMON_WORD_SHARE`)."""
    words = _probe_words(lang)
    compiled = re.compile(pattern)
    hits = sum(1 for w in words if compiled.match(w))
    if words and hits >= MAX_COMMON_WORD_SHARE * len(words):
        raise ValueError(f"cue {cue!r} matches {hits} of {len(words)} common {lang} words: it would tag almost "
                         "every text; write the words the theme is about")


def _bracket(cue: str, text: str, i: int) -> tuple[str, int, int]:
    """The regex of the ``(…)`` (optional) or ``[…]`` (required) group at ``text[i]``, the word characters it
    makes mandatory, and the position after it."""
    ch = text[i]
    close = ")" if ch == "(" else "]"
    j = text.find(close, i)
    if j < 0 or any(c in text[i + 1 : j] for c in "()[]"):
        raise ValueError(f"cue {cue!r}: unbalanced or nested {ch!r}: write 'word(s|es)' or '[a|b] word'")
    alts = [matching_form(a).strip() for a in text[i + 1 : j].split("|")]
    if ch == "[" and not all(alts):
        raise ValueError(f"cue {cue!r}: empty alternative in '[...]': use '(...)' for optional parts")
    alts = sorted({a for a in alts if a}, key=len, reverse=True)
    if not alts:
        raise ValueError(f"cue {cue!r}: empty {ch + close!r}: remove it")
    group = "(?:" + "|".join(_SEP.join(map(re.escape, a.split())) for a in alts) + ")"
    if ch == "(":
        return group + "?", 0, j + 1
    return group, min(sum(c.isalnum() for c in a) for a in alts), j + 1


def _check_body(cue: str, body: str, mandatory: int, before_wild: int | None) -> None:
    """Refuse cues that would match too much: a short wildcard stem, fewer than 2 mandatory letters, nothing."""
    if before_wild is not None and before_wild < 3:
        raise ValueError(
            f"cue {cue!r}: a wildcard needs at least 3 letters before it, otherwise it matches "
            "too many words; write the forms out"
        )
    if mandatory < 2:
        raise ValueError(
            f"cue {cue!r} has fewer than 2 letters that must match: it would match almost anything"
        )
    if re.fullmatch(body, "") is not None:
        raise ValueError(f"cue {cue!r} can match the empty string: make at least one word mandatory")


# ---------------------------------------------------------------- prefilter analysis
# What the fast tagger needs to know about a compiled cue, read off the regex itself
# (``re._parser``) so that it holds for every pattern, whatever syntax produced it:
# literal *anchors* (every match contains one of them) and the characters a match
# may contain beyond word characters, spaces and hyphens (any other character is a
# barrier no match can cross).  Both answers are conservative: ``None`` means "no
# guarantee", and the tagger then scans the whole text for that cue.

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
