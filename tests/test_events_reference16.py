"""The events mechanics rewritten in round 16 (issue 17 / 15, speed), against the code they replaced (kept here as
the reference): ``reduced.agent_spans`` (the reduced relatives' "<participle> by " found from the literal " by "
instead of a regex tried at every offset of the batch), ``clauses._relatives`` / ``relative_ends`` (the relative
clauses kept for the last two texts of a batch, asked four times) and ``clauses._is_as`` (the word "as" read on the
code points before its Python test). Each is compared on its own, on random texts and the sample corpora, and
``extract_events`` must give the same table with the reference paths swapped in, on a small mixed corpus in three
languages."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pandas as pd
import pytest

from conftest import corpus_dir
from diplolib import actors, datasets
from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import clauses, extract, reduced
from diplolib.events.scan import batch


def _ref_agent_spans(text: str) -> list[tuple[int, int]]:
    """``reduced.agent_spans`` before: the regex over the whole text."""
    return [(m.start(), m.end()) for m in reduced._AGENT.finditer(text)]


def _ref_relatives(text: str):
    """``clauses._relatives`` as the code before read it: every match, then the clauses closed by a comma."""
    every = np.array([m.start() for m in clauses._RELATIVE.finditer(text)], dtype=np.int64)
    return (every, *_ref_relative_ends(text, opens=True))


def _ref_relative_ends(match: str, *, opens: bool = False):
    """``clauses.relative_ends`` before: read again at every call."""
    starts, out = [], []
    for m in clauses._RELATIVE.finditer(match):
        c = clauses._comma(match, m.end())
        stop = match.find(". ", m.end())
        if c != -1 and (stop == -1 or c < stop):
            starts.append(m.start())
            out.append(c)
    if opens:
        return np.asarray(starts, dtype=np.int64), np.asarray(out, dtype=np.int64)
    return out


_PIECES = ["backed", " by ", "by", "un", "armed", "_", "é", " ", "supported", "assisted", "-", "x", "ed by ", "Backed",
           "sponsored", "\n", "1", "by by "]


def test_agent_spans_equal_the_regex_on_random_texts():
    rng = random.Random(16)
    texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14))) for _ in range(20000)]
    found = 0
    for text in texts:
        want = _ref_agent_spans(text)
        assert reduced.agent_spans(text) == want, text
        found += len(want)
    assert found > 500  # the random texts hold many agents, at the text's start and after word characters too


def test_agent_spans_boundaries():
    # twins: a participle inside a word ("unarmed by") or run into the one before is no agent
    assert reduced.agent_spans("forces backed by Russia") == [(7, 17)]
    assert reduced.agent_spans("backed by Iran") == [(0, 10)]
    assert reduced.agent_spans("unarmed by law, x_armed by y, 1backed by z") == []
    assert reduced.agent_spans("Armed by Iran and (armed by Syria)") == [(19, 28)]  # case as the regex reads it


def _texts(name: str) -> list[str]:
    corpus_dir(name)
    return datasets.load(name)[0]["text"].tolist()


@pytest.mark.parametrize("name", ["fa-kes", "kremlin-en", "meae-fr", "wikinews-ar"])
def test_round16_paths_equal_the_reference_on_sample_corpora(name):
    b = batch(_texts(name))
    want = _ref_agent_spans(b.display)
    assert reduced.agent_spans(b.display) == want
    assert name != "fa-kes" or len(want) > 50
    for text in (b.match, b.display, b.match, b.display, b.match):  # alternating, as a batch asks
        np.testing.assert_array_equal(clauses.relative_ends(text), _ref_relative_ends(text))
        for got, ref in zip(clauses._relatives(text), _ref_relatives(text), strict=True):
            np.testing.assert_array_equal(got, ref)
        for got, ref in zip(clauses.relative_ends(text, opens=True), _ref_relative_ends(text, opens=True),
                            strict=True):
            np.testing.assert_array_equal(got, ref)


def test_relative_ends_kept_per_text():
    a = "Israel, which has vowed to stay, rejected it. France, qui a dit non, a refusé."
    b = "Nothing relative here, none."
    assert clauses.relative_ends(a) == _ref_relative_ends(a) and len(_ref_relative_ends(a)) == 2
    assert clauses.relative_ends(b) == [] and clauses.relative_ends(a) == _ref_relative_ends(a)
    c = "x" + a[1:]  # an equal-length text of other identity is read again, not taken for the kept one
    assert clauses.relative_ends(c) == _ref_relative_ends(c)
    opened, closed = clauses.relative_ends(a, opens=True)
    opened[:] = -1  # the caller's copy: what is kept is not changed
    np.testing.assert_array_equal(clauses.relative_ends(a, opens=True)[0], _ref_relative_ends(a, opens=True)[0])


def _mixed() -> pd.DataFrame:
    """The in-code sample (three languages) and the head of FA-KES, Wikinews French and Arabic."""
    from test_events import SAMPLE
    parts = [SAMPLE]
    for name, rows in (("fa-kes", 300), ("wikinews-fr", 60), ("wikinews-ar", 60)):
        corpus_dir(name)
        parts.append(datasets.load(name)[0].iloc[:rows])
    return pd.concat(parts, ignore_index=True)


def test_events_identical_with_the_round16_reference_paths(monkeypatch):
    arts = _mixed()
    matcher = default_matcher()
    mentions = actors.tag_actors(arts, registry=matcher)
    fast = extract.extract_events(arts, mentions, registry=matcher)
    monkeypatch.setattr(reduced, "agent_spans", _ref_agent_spans)
    monkeypatch.setattr(clauses, "relative_ends", _ref_relative_ends)
    monkeypatch.setattr(clauses, "_relatives", _ref_relatives)
    monkeypatch.setattr(clauses, "_is_as", lambda spaced, pos: np.array(
        [spaced.startswith("as ", i + 1) for i in pos.tolist()], dtype=bool))
    from diplolib.events import nesting
    monkeypatch.setattr(nesting, "relative_ends", _ref_relative_ends)
    ref = extract.extract_events(arts, mentions, registry=matcher)
    langs = arts.set_index("article_id")["lang"]
    assert len(ref) > 100 and set(langs[ref["article_id"]]) == {"en", "fr", "ar"}  # events in every language
    pd.testing.assert_frame_equal(fast, ref, check_exact=True)


def test_is_as_reads_the_code_points_as_startswith():
    rng = random.Random(3)
    for _ in range(300):
        spaced = " " + "".join(rng.choice(["as ", "a", "s", " ", "é", "as", "has ", "😀"]) for _ in range(rng.randint(0, 9)))
        pos = np.array([i for i in range(len(spaced)) if spaced[i] == " "] + [len(spaced) - 1], dtype=np.int64)
        want = np.array([spaced.startswith("as ", i + 1) for i in pos.tolist()], dtype=bool)
        np.testing.assert_array_equal(clauses._is_as(spaced, pos), want, err_msg=spaced)
    # twins: "as" at the form's end (no space after it) and "has" are not the word "as"
    np.testing.assert_array_equal(clauses._is_as("  as  has as", np.array([1, 5, 9])), [True, False, False])


def test_sector_phrases_intersect_sorted_unique_indices():
    """``extract`` intersects ``near_cues`` and ``side_members`` with ``assume_unique=True``: both give strictly
    increasing indices, whatever the repeats among the hits' sides and the cues; the answer equals the plain
    intersection."""
    from diplolib.events.hits import side_members
    from diplolib.events.locations import near_cues
    rng = np.random.default_rng(16)
    for _ in range(200):
        n = int(rng.integers(0, 60))
        gstart = np.sort(rng.choice(np.arange(0, 2000, 10), size=n, replace=False)) if n else np.zeros(0, np.int64)
        phrases = pd.DataFrame({"gstart": gstart, "gend": gstart + 5,
                                "group": np.cumsum(np.r_[True, rng.random(n - 1) < 0.6]) - 1 if n else
                                np.zeros(0, np.int64)})  # groups numbered from 0, as actor_phrases does
        starts = np.sort(rng.integers(0, 2100, size=int(rng.integers(0, 30))))
        src = rng.integers(-1, max(n, 1), size=len(starts)) if n else np.full(len(starts), -1)
        tgt = rng.integers(-1, max(n, 1), size=len(starts)) if n else np.full(len(starts), -1)
        near, side = near_cues(phrases, starts, starts + 4), side_members(phrases, src, tgt)
        for x in (near, side):
            assert (np.diff(x) > 0).all() and x.dtype == np.int64
        np.testing.assert_array_equal(np.intersect1d(near, side, assume_unique=True), np.intersect1d(near, side))


@pytest.mark.parametrize("name", ["nasty", "meae-fr", "wikinews-ar", "fa-kes"])
def test_display_map_read_on_its_runs(name):
    """``batch`` gives the matching-to-display map as runs; ``display_at`` and ``match_offsets`` read them without
    building the array, which is built at the first read of ``to_display`` (``test_events_batch.py`` compares it
    with the article-by-article construction) and equals them."""
    from test_events_batch import NASTY
    b = batch(NASTY * 3 if name == "nasty" else _texts(name))
    n = len(b.match)
    k = np.random.default_rng(7).integers(-n, n, 5000)
    got, offsets = b.display_at(k), b.match_offsets(np.arange(len(b.display) + 1))
    assert "to_display" not in b.__dict__  # not built by the reads above
    np.testing.assert_array_equal(got, b.to_display[k])
    np.testing.assert_array_equal(offsets, np.searchsorted(b.to_display, np.arange(len(b.display) + 1)))
    np.testing.assert_array_equal(b.match_base, np.searchsorted(b.to_display, b.doc_base))
    assert b.to_display.dtype == np.int64 and b.display_at(n - 1) == b.to_display[n - 1]
    assert name != "nasty" or len(b.run_starts) > 3  # folded and expanded characters start runs
    with pytest.raises(IndexError):
        b.display_at(np.array([n]))


def test_display_map_given_whole_is_kept():
    # twin: a batch built with its map (as the reference construction does) reads that array
    b = batch(["Straße « x »", "d'un"])
    whole = dataclasses.replace(b, to_display=b.to_display.copy(), run_starts=None, run_values=None)
    assert "to_display" in whole.__dict__
    np.testing.assert_array_equal(whole.display_at(np.arange(len(b.match))), b.to_display)
    np.testing.assert_array_equal(whole.match_offsets(np.arange(len(b.display))),
                                  b.match_offsets(np.arange(len(b.display))))


def test_hit_masks_computed_once_per_language(monkeypatch):
    """The English qualifier mask and the mask of hits that may have sides are computed once per language batch
    and applied to every hit column (a dict comprehension around the call computed them once per column)."""
    from test_events import SAMPLE
    matcher = default_matcher()
    mentions = actors.tag_actors(SAMPLE, registry=matcher)
    want = extract.extract_events(SAMPLE, mentions, registry=matcher)
    calls = {"_qualifying": 0, "may_have_sides": 0}
    def counting(name, fn):
        def counted(*a, **k):
            calls[name] += 1
            return fn(*a, **k)
        return counted

    for name in calls:
        monkeypatch.setattr(extract, name, counting(name, getattr(extract, name)))
    got = extract.extract_events(SAMPLE, mentions, registry=matcher)
    assert calls == {"_qualifying": 1, "may_have_sides": len(set(SAMPLE["lang"]))}  # English once; each language once
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_extract_events_never_builds_the_display_map(monkeypatch):
    """A whole ``extract_events`` call reads the matching-to-display map on its runs (``Batch.display_at``,
    ``match_offsets``); building the array (one int64 per character: 120 MB for FA-KES x 10) is left to callers
    that read ``Batch.to_display`` themselves. A rule that needs display offsets of matching offsets should call
    ``display_at``."""
    from test_events import SAMPLE

    from diplolib.events import scan
    built = []
    lazy = scan.Batch.__getattr__

    def spy(self, name):
        built.append(name)
        return lazy(self, name)

    monkeypatch.setattr(scan.Batch, "__getattr__", spy)
    matcher = default_matcher()
    events = extract.extract_events(SAMPLE, actors.tag_actors(SAMPLE, registry=matcher), registry=matcher)
    assert len(events) > 5 and "to_display" not in built
    b = batch(SAMPLE["text"].tolist())
    assert len(b.to_display) == len(b.match) and built[-1] == "to_display"  # twin: a read builds it
