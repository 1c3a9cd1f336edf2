"""The context rules of many hits at once (:func:`diplolib.themes.windows.context_keep`) give the verdicts of
:func:`diplolib.themes.rules.context_ok`, hit by hit, on random texts: clause ends, lone punctuation, runs of
whitespace of several kinds, NULs inside a text, texts shorter than a window, hits at a text's edges, and the
shipped dictionary's rules of three languages with windows from 1 to 10 words (plus rules without ``near``).

Cheap: a few hundred short texts; the corpora are covered by ``tests/test_themes_batch.py`` (the batch tagger
against the per-article path, which calls ``context_ok``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suite_cache import shipped_themes

from diplolib.themes import tag_themes
from diplolib.themes.joined import JoinedTexts
from diplolib.themes.rules import context_ok, context_rules
from diplolib.themes.windows import context_keep

WORDS = ["talks", "war", "peace", "game", "football", "match", "sanctions", "visit", "museum", "tour", "summit",
         "mountain", "pourparlers", "match", "guerre", "محادثات", "مباراة", "الحرب", "u.n.", "mr.", "a", "x_y", "1999", "internationalisation", "u.s.", "j.", "د.", "gen.", "1.5", "etc.", "talks.\"", "e.g."]
SEPS = [" ", "  ", ".", ".) ", "\t", "\xa0", "\u2003", "\x1c", ". ", "; ", "!", "?", "\u061f", "\n", " , ", " - ", " -- ", " ( ",
        ") ", " « ", " » ", ",", "\x00", " ... ", "—", " " * 24]


@lru_cache(maxsize=1)
def _rules() -> list:
    dictionary = shipped_themes()
    out = []
    for lang in ("en", "fr", "ar"):
        out += sorted(set(context_rules(dictionary, lang).values()), key=lambda r: (r[2], str(r[0]), str(r[1])))
    # rules whose neighbours are frequent in the random texts, so that a window one word or one character off
    # changes verdicts: every window from 1 to 4 words, with near, not_near, both or neither
    near = re.compile(r"(?<!\w)(?:talks|war|a|1999)(?!\w)")
    not_near = re.compile(r"(?<!\w)(?:game|x_y|u\.n\.|مباراة)(?!\w)")
    synthetic = [(n, nn, w) for w in (1, 2, 3, 4) for n, nn in ((near, None), (None, not_near), (near, not_near))]
    return synthetic * 4 + out + [(None, None, 3)]


# mostly words between single spaces (long clauses, so that a window one word off changes verdicts)
text_strategy = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" "] * 12 + SEPS)), max_size=30).map(
    lambda pairs: "".join(w + sep for w, sep in pairs))


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(text_strategy, min_size=1, max_size=5), data=st.data())
def test_context_keep_is_context_ok_hit_by_hit(texts, data):
    joined = JoinedTexts(texts)
    forms = [joined.form(i) for i in range(len(texts))]  # what the batch tagger reads, text by text
    rules = _rules()
    k, a, b, r = [], [], [], []
    for i, form in enumerate(forms):
        tokens = [m.span() for m in re.finditer(r"\w+", form)]
        for _ in range(data.draw(st.integers(0, 6)) if tokens else 0):
            x, y = data.draw(st.sampled_from(tokens))  # a hit is a word, or (one in four) any stretch of text
            if data.draw(st.integers(0, 3)) == 0:
                x = data.draw(st.integers(0, len(form) - 1))
                y = data.draw(st.integers(x + 1, len(form)))
            k.append(i)
            a.append(x)
            b.append(y)
            r.append(data.draw(st.integers(0, len(rules) - 1)))
    k, a, b, r = (np.array(v, dtype=np.int64) for v in (k, a, b, r))
    got = context_keep(joined, k, a + joined.at[k], b + joined.at[k], r, rules)
    want = [context_ok(rules[ri], forms[ki], ai, bi) for ki, ai, bi, ri in zip(k, a, b, r, strict=True)]
    assert got.tolist() == want


def test_context_keep_reads_the_window_words():
    """A neighbour one word too far, beyond a clause end, or behind lone punctuation (which uses up no word)."""
    near = re.compile(r"(?<!\w)(?:talks)(?!\w)")
    rule = [(near, None, 2)]
    texts = ["talks a b HIT", "talks a HIT", "talks. HIT", "talks , , HIT", "HIT x talks", "HIT x y talks",
             "HIT; talks", "talks\x00a HIT"]
    joined = JoinedTexts(texts)
    a = np.array([joined.match.index("hit", s) for s in joined.at.tolist()], dtype=np.int64)
    k = np.arange(len(texts))
    got = context_keep(joined, k, a, a + 3, np.zeros(len(texts), dtype=np.int64), rule)
    assert got.tolist() == [False, True, False, True, True, False, False, True]


@pytest.mark.parametrize(("text", "kept"), [
    ("talks U.S. HIT", False),  # "U.S." ends no clause: "talks" is a neighbour
    ("talks Mr. HIT", False),  # nor does "Mr." (the sentence splitter's list of abbreviations)
    ("talks J. HIT", False),  # nor an initial
    ("talks 1.5 HIT", False),  # nor a decimal point
    ("talks د. HIT", False),  # nor an Arabic letter alone ("Dr")
    ("talks. HIT", True),  # a full stop after a word does
    ("talks.) HIT", True),  # and after it a closing bracket
    ("talks 2015. HIT", True),  # and after a number
])
def test_abbreviation_dots_end_no_window(text, kept):
    rule = (None, re.compile(r"(?<!\w)(?:talks)(?!\w)"), 3)
    joined = JoinedTexts([text])
    a = joined.match.index("hit")
    assert context_ok(rule, joined.form(0), a, a + 3) is kept
    got = context_keep(joined, np.array([0]), np.array([a]), np.array([a + 3]), np.array([0]), [rule])
    assert got.tolist() == [kept]


def test_a_states_special_envoy_is_no_un_envoy():
    """The known misfire: "U.S." ended the window of "Special Envoy" before its ``not_near`` could see it."""
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "lang": "en", "text": [
        "The U.S. Special Envoy for Syria met the minister.",
        "Mr. Smith, the U.S. special envoy, met them.",
        "The talks ended in the U.S. Special Envoy Pedersen then spoke."]})
    hits = tag_themes(articles)
    envoy = hits[hits["theme"] == "un_envoy"]
    assert envoy["surface"].tolist() == ["Pedersen"]  # the name is the UN's envoy; "U.S. Special Envoy" is not
