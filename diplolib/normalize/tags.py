"""Tag lists in article bodies: a run of keywords ("Tags Syria Aleppo regime forces SOHR") is not a sentence.

Some sites print the article's tags between the standfirst and the body with no punctuation around them (The New
Arab in FA-KES: "… as clashes continue. Tags Syria Free Syrian Army Idlib The Sawaiq al-Rahman brigade announced
…"). Left in the text, the list is glued to the body's first sentence: an actor tagger and an event extractor read
the tags as the subject of the first verb. :func:`split_tag_list` moves the list out of the text; where the list
ends is read, in order of trust, from:

1. **a sentence opener** before any full stop: a capitalised function word or number word that a tag does not
   start with (The, A, At, In, According, Three, Fourteen, Dozens, …);
2. **the standfirst repeated**: the body often starts with the words of the sentence before "Tags"; the first
   four words after "Tags" that occur in that sentence start the body when they start with a capital (a repeat
   from the middle of the body's first sentence leaves the end unknown);
3. **a full stop** ending a short list (at most 12 words: "Tags Nusra Front al-Qaeda Aleppo extremism war.").

When none is found the text is left as it is (the list cannot be told from the body).

A list of related headlines at the end ("… to liberate Raqqa. ... 91 Related US Mistakes Led to Catastrophe in Raqqa
British Filmmaker Killed in Daesh Ambush …": a count, "Related", then title-case headlines with no full stop to
the end of the text) is not a sentence either: :func:`split_related_list` moves it out.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["split_tag_list", "split_related_list", "split_tag_lists", "OPENERS"]

_RELATED = re.compile(r"\s*(?:\.\.\.\s*)?\d+\s+Related\s+(?P<list>[^.!?]{10,1500})$")
_TAGS = re.compile(r"(?<=[.!?\"”’'])\s+Tags\s+")
_WORD = re.compile(r"[\w'’-]+")
_TOKEN = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
#: Capitalised words that open a sentence and do not open a tag.
OPENERS = frozenset("""The A An At In On After As According Two Three Four Five Six Seven Eight Nine Ten Eleven
    Twelve Thirteen Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen Twenty Thirty Forty Fifty Sixty Seventy
    Eighty Ninety Hundreds Thousands Dozens Several Some More Most Many Over Since Following During While When It
    He She They This These Those Suspected Overnight""".split())
_MAX_PERIOD_WORDS = 12
_MAX_TAG_WORDS = 40


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _list_end(head: str, rest: str) -> int | None:
    """Where the tag list at the start of ``rest`` ends (offset into ``rest``), ``None`` when unknown."""
    standfirst = f" {_words(_SENTENCE_END.split(head.strip())[-1])} "
    toks = list(_TOKEN.finditer(rest[:800]))[:_MAX_TAG_WORDS + 4]
    for t in toks[:_MAX_TAG_WORDS]:
        if t.group().endswith("."):  # a full stop before any opener: the list ends there, if short
            break
        if t.start() > 0 and t.group() in OPENERS:
            return t.start()
    for i in range(1, min(len(toks), _MAX_TAG_WORDS)):
        four = _words(" ".join(t.group() for t in toks[i:i + 4]))
        if four.count(" ") == 3 and f" {four} " in standfirst:
            # the repeat must start a sentence (a capital); a repeat from mid-sentence leaves the list unknown
            if toks[i].group()[:1].isupper():
                return toks[i].start()
            break
    for t in toks[:_MAX_PERIOD_WORDS]:
        if t.group().endswith("."):
            return t.end()
    return None


def split_tag_list(text: str) -> tuple[str, str]:
    """``(text without its tag list, the tag list)``; ``(text, "")`` when it holds none or its end is unknown.

    Examples
    --------
    >>> split_tag_list("Clashes go on. Tags Syria Idlib Nusra Front At least 12 fighters were killed.")
    ('Clashes go on.\\n\\nAt least 12 fighters were killed.', 'Syria Idlib Nusra Front')
    """
    if not isinstance(text, str) or "Tags" not in text:
        return text, ""
    m = _TAGS.search(text)
    if m is None:
        return text, ""
    rest = text[m.end():]
    end = _list_end(text[:m.start()], rest)
    tags = rest[:end].strip().rstrip(".") if end is not None else ""
    if not _WORD.search(tags):
        return text, ""
    return text[:m.start()].rstrip() + "\n\n" + rest[end:].lstrip(), tags


def split_related_list(text: str) -> tuple[str, str]:
    """``(text without its trailing list of related headlines, the list)``; ``(text, "")`` when none.

    Examples
    --------
    >>> split_related_list("Raqqa fell. ... 91 Related Airstrikes Kill 12 Civilians Near Raqqa Daesh Ambush")
    ('Raqqa fell.', 'Airstrikes Kill 12 Civilians Near Raqqa Daesh Ambush')
    """
    if not isinstance(text, str) or "Related" not in text:
        return text, ""
    m = _RELATED.search(text, max(0, len(text) - 1600))
    if m is None or m.start() == 0:
        return text, ""
    return text[:m.start()].rstrip(), m.group("list").strip()


def split_tag_lists(records: pd.DataFrame, *, column: str = "text") -> pd.DataFrame:
    """``records`` with the tag list of each ``column`` moved to a new ``tags`` column and its trailing list of
    related headlines to ``related`` (``""`` when none). A new table; ``records`` is not modified."""
    pairs = [split_tag_list(t) for t in records[column].tolist()]
    rel = [split_related_list(p[0]) for p in pairs]
    return records.assign(**{column: [r[0] for r in rel], "tags": [p[1] for p in pairs],
                             "related": [r[1] for r in rel]})
