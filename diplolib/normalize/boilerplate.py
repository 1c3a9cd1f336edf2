"""Site furniture cut from a cleaned body: "Check Also" teasers, related-links paragraphs, tail junk.

:func:`remove_boilerplate` is one of the article-level steps of :mod:`diplolib.normalize.dispatch` (which
re-exports it). Its tail patterns are searched only where a match can start: a literal pre-check on the end of
the body picks the one pattern that can match, and the search starts where that pattern's match can begin.

Examples
--------
>>> remove_boilerplate("Le ministre a parlé.\\n\\nCheck Also\\n\\nAutre article")
'Le ministre a parlé.'
"""

from __future__ import annotations

import re

__all__ = ["remove_boilerplate"]

_CUT_MARKERS = re.compile(r"(?i)^(?:check also|à lire aussi|you may also like|related articles?|articles? liés?)\s*:?$")
_LINK_MARKERS = re.compile(r"(?i)^(?:read also|read more|lire aussi|voir aussi|see also|related)\s*:?\s*(?P<rest>.*)$")
_TAIL_ALTERNATIVES = (
    r"\s*(?:\.\.\.\s*)?(?:\d+\s+)*(?:Tags\s[^.]{0,300}?)?Community standardsDiscussion Comment via Facebook"
    r"Comment via Sputnik News",
    r"\s*Our Standards:\s*The Thomson Reuters Trust Principles\.",
    r"\s+(?:Read Also|Read More|Lire aussi|Check Also)",
    r"(?<=[.!?)\"\]])\s*(?:English Bulletin|Twitter|MoreImage|Print Tweet|Also)",
)
#: The whole alternation, searched over the last 800 characters: the definition the narrowed searches below must
#: give the same cuts as (``tests/test_boilerplate_tail.py``).
_TAIL_JUNK = re.compile("(?:" + "|".join(_TAIL_ALTERNATIVES) + r")\s*$")
# Every alternative ends with one of its literals, then only whitespace: the right-stripped end of a body says
# which alternatives can match at all. None: no search (the alternation would be tried at each of the last 800
# positions); exactly one: search with that alternative alone, whose leftmost match is the alternation's.
_SPUTNIK = "Community standardsDiscussion Comment via FacebookComment via Sputnik News"
_REUTERS = "Our Standards:"


def _before_literal(end: str, ends: tuple[str, ...]) -> int:
    """Where a match of ``\\s*<literal>\\s*$`` can start: the whitespace run before the literal ``end`` ends with
    (none of a group's literals ends another one of them)."""
    literal = next(e for e in ends if end.endswith(e))
    return len(end[: len(end) - len(literal)].rstrip())


def _before_sputnik(end: str, ends: tuple[str, ...]) -> int:
    """Sputnik's tail ends with its whole furniture literal; before it, only whitespace, one "...", numbers and a
    "Tags …" run without a full stop: a match starts after the last "." that is not that "..." (or -1: none)."""
    if not end.endswith(_SPUTNIK):
        return -1
    head = end[: len(end) - len(_SPUTNIK)]
    dot = head.rfind(".")
    if dot >= 2 and head[dot - 2: dot + 1] == "...":
        return len(head[: dot - 2].rstrip())
    return dot + 1


def _before_reuters(end: str, ends: tuple[str, ...]) -> int:
    """Reuters' "Our Standards: …" tail: a match starts in the whitespace run before its last "Our Standards:"."""
    k = end.rfind(_REUTERS)
    return -1 if k < 0 else len(end[:k].rstrip())


# Each entry: the literals a stripped body must end with for the pattern to match at all, the pattern, and where
# its match can start at the earliest (-1: it cannot match), so that the search does not start at each of the
# last 800 positions. None: the earliest start is not narrowed.
_TAIL_JUNK_BY_END = (
    (("Sputnik News",), re.compile(f"(?:{_TAIL_ALTERNATIVES[0]})" + r"\s*$"), _before_sputnik),
    (("Principles.",), re.compile(f"(?:{_TAIL_ALTERNATIVES[1]})" + r"\s*$"), _before_reuters),
    # "Read Also", "Check Also": the fourth alternative's "Also" would need [.!?)"\]] and only whitespace before
    # it, and a body ending with either literal has "Read "/"Check " there: the third alternative alone matches
    (("Read More", "Lire aussi", "Read Also", "Check Also"), re.compile(f"(?:{_TAIL_ALTERNATIVES[2]})" + r"\s*$"),
     _before_literal),
    (("English Bulletin", "Twitter", "MoreImage", "Print Tweet", "Also"),
     re.compile(f"(?:{_TAIL_ALTERNATIVES[3]})" + r"\s*$"), _before_literal),
)


def _tail_junk_pattern(body: str) -> tuple[re.Pattern, int] | None:
    """The one pattern that can match the end of ``body`` and the first position where its match may start."""
    end = body.rstrip()
    cut = len(body) - 800 if len(body) > 800 else 0  # the junk is at the end: search the tail only
    for ends, pattern, earliest in _TAIL_JUNK_BY_END:
        if end.endswith(ends):
            if earliest is not None:
                start = earliest(end, ends)
                if start < 0:
                    return None
                cut = max(cut, start)
            return pattern, cut
    return None


# TRT World pages end with a "Related News" list of other headlines and a newsletter prompt.
_RELATED_BLOCK = re.compile(r"\s*Related News\s.*?(?:FOLLOW TRTWORLD|We won'?t spam you).*$", re.DOTALL)


def remove_boilerplate(text: str) -> str:
    """Drop site furniture: "Check Also" and everything after it, related-links blocks, tail junk.

    "Check Also" (SANA) introduces a teaser of ANOTHER article: the marker and all
    that follows go. "Read also" / "Lire aussi" / "Related:" paragraphs go with
    the link title that follows them (a short paragraph without final
    punctuation). Known tail furniture of news sites ("Our Standards:The
    Thomson Reuters Trust Principles.", Sputnik's "Tags … Comment via Sputnik
    News", a dangling "Read Also", TRT World's "Related News" headline list and
    newsletter prompt) is cut from the end.
    """
    if "Related News" in text:  # the block's literal: skip the regex scan of most bodies
        text = _RELATED_BLOCK.sub("", text)
    paras = text.split("\n\n")
    out: list[str] = []
    skip_link = False
    for p in paras:
        if _CUT_MARKERS.match(p):
            break
        m = _LINK_MARKERS.match(p)
        if m and len(p) <= 200:
            skip_link = not m.group("rest")
            continue
        if skip_link and len(p) <= 200 and not p.rstrip().endswith((".", "!", "?")):
            skip_link = False
            continue
        skip_link = False
        out.append(p)
    return _cut_tail_junk("\n\n".join(out)).strip()


def _cut_tail_junk(body: str) -> str:
    """``body`` without its tail furniture ("Read Also", "Tags ...", agency credits): up to four cuts, each searched
    only where a match can start (:func:`_tail_junk_pattern`)."""
    for _ in range(4):
        found = _tail_junk_pattern(body)
        if found is None:
            break
        pattern, cut = found
        m = pattern.search(body, cut)
        if m is None:
            break
        body = body[: m.start()]
    return body
