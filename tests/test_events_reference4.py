"""The events rules rewritten in issue 15's fourth speed round, against the code they replaced (kept here as the
reference): ``clauses.forward_marks`` (the words found by the cue scan's automaton, or one regex pass for both word
lists; "as" alone read against its non-clause uses), ``clauses.clause_marks`` (punctuation found once per batch) and ``nesting.background`` (the relative
clauses before every cue found with one ``searchsorted``). ``test_events_batch.py`` swaps them in for the whole
pipeline; here each is compared on its own, on the sample corpora in the three languages and on random texts."""

from __future__ import annotations

import dataclasses
import random
import re

import numpy as np
import pytest

from conftest import corpus_dir
from diplolib import datasets
from diplolib.events import clauses, load_cues, nesting
from diplolib.events.scan import batch, scan


def _ref_forward_marks(b, lang, *, firm=False, marks=None):
    """``clauses.forward_marks`` before: one regular-expression pass per word list, every word read against
    ``_NOT_FORWARD`` (``marks`` unread)."""
    rx = clauses._FORWARD_RE.get((lang, firm))
    if rx is None:
        return np.zeros(0, dtype=np.int64)
    spaced = b.spaced
    pos = []
    for m in rx.finditer(spaced):
        i = m.start()
        if clauses._NOT_FORWARD.match(spaced, i + 1) or \
                clauses._NOT_FORWARD.match(spaced, max(0, spaced.rfind(" ", 0, i) + 1)):
            continue
        pos.append(i)
    gerunds = [m.start() for m in clauses._GERUND_ADJUNCT[lang].finditer(spaced)] if lang in clauses._GERUND_ADJUNCT \
        else []  # round 9: "before allowing …" ends a target's search too
    # round 15: a participle of consequence after a comma (", leaving 100 UN troops …"), read on the display text
    then = [m.start(1) for m in re.finditer(r", ([a-z]+ing)\b", b.display)
            if len(m.group(1)) >= 6 and m.group(1) not in clauses._NOT_PARTICIPLES] if lang == "en" else []
    then = np.searchsorted(b.to_display, np.asarray(then, dtype=np.int64)).tolist()
    return np.asarray(pos + clauses.relative_ends(b.match) + gerunds + then, dtype=np.int64)


def _ref_clause_marks(b, marks, *, reported, forward=None):
    """``clauses.clause_marks`` before: the punctuation searched at every call."""
    punct = [p for mark in clauses._CLAUSE for p in clauses._find_all(b.match, mark)]
    pos = np.concatenate([np.asarray(punct, dtype=np.int64), marks["clause"][0],
                          *([marks["reported"][1] - 1] if reported else []),
                          *([forward] if forward is not None else [])])
    return np.sort(b.to_display[pos]) if len(pos) else pos


def _ref_background(spaced: str, match: str, m_start: np.ndarray, m_end: np.ndarray, sent_m: np.ndarray,
               sentences: np.ndarray, lang: str) -> np.ndarray:
    """``nesting.background`` before issue 15's fourth speed round (a ``searchsorted`` per cue).

    ``spaced``/``match``: the batch's matching forms (``spaced[i + 1] == match[i]``); ``m_start``, ``m_end``: the
    cues' matching-form offsets; ``sent_m``: the matching-form start of each hit's sentence; ``sentences``: global
    sentence numbers.
    """
    n = len(m_start)
    out = np.zeros(n, dtype=bool)
    if n < 2:
        return out
    same_prev = np.concatenate([[False], sentences[1:] == sentences[:-1]])
    same_next = np.concatenate([sentences[1:] == sentences[:-1], [False]])
    purpose = nesting.PURPOSE.get(lang, frozenset())
    adj = nesting.ADJUNCT.get(lang, frozenset()) | nesting.SUBORDINATE.get(lang, frozenset())
    ms, me, sm = m_start.tolist(), m_end.tolist(), sent_m.tolist()
    prev, nxt = same_prev.tolist(), same_next.tolist()
    flag = [False] * n
    r_open, r_close = nesting.relative_ends(match, opens=True)
    for i in np.flatnonzero(same_prev | same_next).tolist():
        a, z = ms[i], me[i]
        if prev[i]:
            lo = max(me[i - 1], a - nesting._WINDOW)
            # after the comma closing a relative clause: "Israel, which has vowed to stay, *rejected* …"
            k = int(np.searchsorted(r_close, a)) - 1
            closed = k >= 0 and r_close[k] >= lo and r_open[k] >= sm[i]
            words = spaced[(int(r_close[k]) + 1 if closed else lo) + 1:a + 1].split()
            if nesting._subordinated(words, lang) or (words and words[-1] in purpose) or nesting._object(words, lang):
                flag[i] = True
            elif lang == "en" and match.endswith("ing", a, z) and (
                    match[max(sm[i], me[i - 1]):a].rstrip().endswith(",") or (words[-1:] == ["and"] and flag[i - 1])):
                flag[i] = True  # "shelled Juba, killing 20 people and arresting 12"
        if match[a - 1:a] in nesting._HYPHENS:  # "Israeli-occupied", "US-backed": an attribute of a noun, not the event
            flag[i] = True
        if nxt[i] and not flag[i]:  # inside a relative clause closed before the next cue ("Israel, which has *vowed*
            # to stay, rejected …"): that cue is the main one
            k = int(np.searchsorted(r_close, ms[i + 1])) - 1  # the last clause closed before the next cue
            flag[i] = k >= 0 and r_close[k] >= z and r_open[k] >= sm[i]
        if nxt[i] and not flag[i]:  # a fronted adjunct: "In a letter handed over to the UN, Iraq said …"
            head = spaced[sm[i] + 1:min(sm[i] + 24, a + 1)].split()[:1]
            flag[i] = bool(head) and head[0] in adj and match.find(",", z, ms[i + 1]) != -1 \
                and match.find(",", sm[i], a) == -1
    out[:] = flag
    return out


_WORDS = ["as", "well", "such", "so", "known", "same", "seen", "referred", "to", "part", "of", "a", "an", "long",
          "soon", "far", "which", "who", "whom", "where", "when", "if", "saying", "because", "though", "unless",
          "qui", "dont", "si", "apres", "que", "avant", "الذي", "التي", "اذا", "بعد", "ان", "x", "Russia", "attacked"]


def _random_texts(seed: int, n: int = 300) -> list[str]:
    """Texts of the words that the clause rules read, joined by spaces, commas, dots and dashes."""
    rng = random.Random(seed)
    seps = [" ", " ", " ", ", ", ". ", " - ", "; ", "  ", "-"]
    return ["".join(rng.choice(_WORDS) + rng.choice(seps) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def _batches():
    """The sample corpora (FA-KES's first 300 articles: about 30,000 forward words, every reading of "as" among
    them; the French and Arabic corpora whole) and random texts."""
    out = []
    for name, lang, rows in (("fa-kes", "en", 300), ("meae-fr", "fr", None), ("wikinews-ar", "ar", None)):
        corpus_dir(name)
        texts = datasets.load(name)[0]["text"].tolist()
        out.append((name, lang, batch(texts[:rows] if rows else texts)))
    for seed in range(3):
        for lang in ("en", "fr", "ar"):
            out.append((f"random-{seed}", lang, batch(_random_texts(seed))))
    return out


@pytest.fixture(scope="module")
def batches():
    return _batches()


def test_forward_marks_equal_the_two_passes(batches):
    """From the regular expression and from the words of the cue scan (each on a fresh copy of the batch: the
    result is kept on it), for every language's lists on every batch."""
    lexicon = load_cues()
    for name, lang, b in batches:
        for other in ("en", "fr", "ar", "xx"):
            marks = (scan(b, lexicon, other, {"forward": clauses.FORWARD[other], "firm": clauses.FIRM[other]})[1]
                     if other != "xx" else None)
            for firm in (False, True):
                want = _ref_forward_marks(b, other, firm=firm)
                for kw in ({}, {"marks": marks}):
                    np.testing.assert_array_equal(clauses.forward_marks(dataclasses.replace(b), other, firm=firm, **kw),
                                                  want, err_msg=(name, other, firm, kw.keys()))
        if not name.startswith("random"):
            assert len(_ref_forward_marks(b, lang)) > len(_ref_forward_marks(b, lang, firm=True)) > 10


def test_clause_marks_and_background_equal_the_reference(batches):
    lexicon = load_cues()
    for name, lang, b in batches:
        hits, marks = scan(b, lexicon, lang)
        fw = clauses.forward_marks(b, lang)
        for reported in (False, True):
            for forward in (None, fw):
                np.testing.assert_array_equal(clauses.clause_marks(b, marks, reported=reported, forward=forward),
                                              _ref_clause_marks(b, marks, reported=reported, forward=forward))
        sent_m = np.minimum(b.match_offsets(b.sent_start[np.maximum(hits["sentence"], 0)]), hits["m_start"])
        args = (b.spaced, b.match, hits["m_start"], hits["m_end"], sent_m, hits["sentence"], lang)
        got, want = nesting.background(*args), _ref_background(*args)
        np.testing.assert_array_equal(got, want, err_msg=name)
        assert name.startswith("random") or want.sum() > (0 if lang == "ar" else 5)  # a few in wikinews-ar


_LONG_WORDS = ["as", "well", "such", "so", "part", "which", "who", "and", "then", "to", "the", "a", "after", "over",
               "killing", "arresting", "attacked", "met", "condemned", "visited", "shelling", "Russia", "Syria",
               "x" * 30, "qui", "pour", "et", "apres", "condamne", "rencontre", "الذي", "و", "بعد", "لكي", "هاجم",
               "وهاجم", "التقى", "والتقى", "whenever", "explaining"]


@pytest.mark.parametrize("seed", range(3))
def test_background_of_long_sentences_equals_the_loop(seed):
    """Sentences of up to 120 words, so that the 240-character window before a cue starts inside a word, cues
    with an Arabic prefix (the window ends inside a word), hyphens before cues, "…, killing … and arresting"
    chains: the column version against the per-cue loop (``nesting._window_flags`` reads the windows cut inside a
    word in Python; every other one from the batch's words)."""
    rng = random.Random(seed)
    seps = [" ", " ", " ", ", ", ". ", " - ", "-", "  ", "; ", "\u2011"]
    texts = ["".join(rng.choice(_LONG_WORDS) + rng.choice(seps) for _ in range(rng.randint(0, 120)))
             for _ in range(200)]
    b = batch(texts)
    lexicon = load_cues()
    for lang in ("en", "fr", "ar"):
        hits, _ = scan(b, lexicon, lang)
        sent_m = np.minimum(b.match_offsets(b.sent_start[np.maximum(hits["sentence"], 0)]), hits["m_start"])
        args = (b.spaced, b.match, hits["m_start"], hits["m_end"], sent_m, hits["sentence"], lang)
        want = _ref_background(*args)
        np.testing.assert_array_equal(nesting.background(*args), want, err_msg=lang)
        assert 0.05 < want.mean() < 0.95  # both answers are common
