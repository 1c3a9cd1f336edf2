"""Round 16's faster pieces of the batch theme tagger give what the plain forms give.

* ``windows._found_in`` runs a neighbour regex ``(?<!\\w)REST`` as ``\\W(?:REST)`` over the windows after a NUL
  (``windows._leading_class``): each window's verdict must be ``rx.search(window)``, for regexes the rewrite takes and
  (twin) for those it must leave alone (a top-level alternation, where the look-behind binds one branch only);
* ``windows._lone`` finds punctuation standing alone with a regex that skips to spaces: the same strings as
  ``rules._LONE`` one by one;
* ``JoinedTexts.starts_with`` with ``rows`` (the phrase table not copied) reads what it reads on the copied rows.
"""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from suite_cache import shipped_themes

from diplolib.themes import windows
from diplolib.themes.joined import JoinedTexts
from diplolib.themes.rules import _LONE, context_rules

PIECES = ["talks", "war", "a", "x_y", "-", "--", ",", "«", "»", "(", ")", "u.n.", "مباراة", "\x00", " ", "  ", "|",
          "1999", "peace talks", "é", "ا"]
SYNTHETIC = [
    r"(?<!\w)(?:talks|war)(?!\w)",
    r"(?<!\w)(?:peace[\s\-]+talks|a)(?!\w)",
    r"(?<!\w)(?:-|x_y)",  # a neighbour starting with no word character
    r"(?<!\w)[a-z]+\|",
    r"(?<!\w)talks|war",  # twin: top-level alternation, the look-behind binds 'talks' alone
    r"(?<!\w)(?:a|b)|(?:c)",  # twin
    r"war(?!\w)",  # twin: no leading look-behind
    r"(?<!\w)a\x00?",  # may run over a NUL
]


def _regexes() -> list[re.Pattern]:
    dictionary = shipped_themes()
    found = {rx.pattern: rx for lang in ("en", "fr", "ar") for rule in context_rules(dictionary, lang).values()
             for rx in rule[:2] if rx is not None}
    return [re.compile(p) for p in SYNTHETIC] + list(found.values())[:40]


REGEXES = _regexes()
window_strategy = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def test_the_rewrite_is_taken_only_where_it_is_exact():
    taken = {p: windows._leading_class(re.compile(p)) is not None for p in SYNTHETIC}
    assert taken == {SYNTHETIC[0]: True, SYNTHETIC[1]: True, SYNTHETIC[2]: True, SYNTHETIC[3]: True,
                     SYNTHETIC[4]: False, SYNTHETIC[5]: False, SYNTHETIC[6]: False, SYNTHETIC[7]: True}
    # every neighbour regex of the shipped dictionary starts with a look-behind over all of it: all take it
    assert all(windows._leading_class(rx) is not None for rx in REGEXES[len(SYNTHETIC):])


def test_top_level_bar_reads_groups_classes_and_escapes():
    assert windows._top_level_bar("a|b")
    assert not windows._top_level_bar("(?:a|b)c")
    assert not windows._top_level_bar(r"[|]a\|b")
    assert not windows._top_level_bar(r"[]|]a")
    assert windows._top_level_bar(r"[\]]a|b")
    assert windows._top_level_bar("(a")  # not read to its end: not rewritten


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(window_strategy, min_size=1, max_size=8), which=st.integers(0, len(REGEXES) - 1))
def test_found_in_is_search_window_by_window(parts, which):
    rx = REGEXES[which]
    got = windows._found(rx, parts)
    assert got.tolist() == [rx.search(w) is not None for w in parts]


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.lists(st.sampled_from(PIECES[:13] + PIECES[15:]), max_size=8).map(
    lambda words: " ".join(" ".join(w.split()) for w in words if w.split())), max_size=8))
def test_lone_is_the_lone_regex_string_by_string(parts):
    got = windows._lone(parts).tolist()
    assert got == [i for i, w in enumerate(parts) if _LONE.search(w)]


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(["peace", "talks", "civil", "war", " ", "  ", ", ", "-"]),
                               min_size=1, max_size=12).map("".join), min_size=1, max_size=4), data=st.data())
def test_starts_with_rows_reads_the_copied_rows(texts, data):
    joined = JoinedTexts(texts)
    phrases = ["peace talks", "civil war", "war", "talks peace talks", "peace"]
    width = max(map(len, phrases))
    table = np.zeros((len(phrases), width), dtype=np.uint32)
    for i, ph in enumerate(phrases):
        table[i, :len(ph)] = [ord(c) for c in ph]
    lengths = np.array([len(ph) for ph in phrases], dtype=np.int64)
    words = np.flatnonzero(joined.word_mask())
    if not len(words):
        return
    n = data.draw(st.integers(1, 20))
    p = words[np.array(data.draw(st.lists(st.integers(0, len(words) - 1), min_size=n, max_size=n)))]
    rows = np.array(data.draw(st.lists(st.integers(0, len(phrases) - 1), min_size=n, max_size=n)), dtype=np.int64)
    want = joined.starts_with(p, table[rows], lengths[rows])
    assert joined.starts_with(p, table, lengths[rows], rows=rows).tolist() == want.tolist()
    codes = joined.spaced_array()
    spaced = codes.tobytes().decode("ascii") if codes.dtype == np.uint8 else codes.astype("<u4").tobytes().decode(
        "utf-32-le")
    collapsed = re.sub(" +", " ", spaced)  # the spaced form, its runs of spaces made one
    for x, r, w in zip(p.tolist(), rows.tolist(), want.tolist(), strict=True):
        assert w == collapsed.startswith(phrases[r], len(re.sub(" +", " ", spaced[:x])))
