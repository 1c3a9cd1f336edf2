"""The events scan's fast paths against the code they replaced (kept here as the reference).

``events.scan.batch`` joins a whole batch and computes its matching form, spacing and sentences at once;
``_reference_batch`` below is the previous construction, one article at a time. Both must give the same arrays on
in-code texts with the nasty cases (elisions at an article's start, characters that vanish or expand, non-BMP
characters, empty and non-string texts) and on the sample corpora in English, French and Arabic. ``events.scan.scan``
finds the cues and the markers in one automaton pass; ``_reference_scan`` is the previous two passes. The role
phrases are normalised all at once (``offices.norm_phrases``) instead of one by one, and compound sides are
expanded by repeating hits (``extract._pairs``) instead of joining tables. ``extract_events`` must give the same
table with the reference paths.
"""

from __future__ import annotations

import ahocorasick
import numpy as np
import pandas as pd
import pytest

from conftest import corpus_dir
from diplolib import actors, datasets
from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import clauses, extract, load_cues, markers, offices, scan
from diplolib.normalize.matching import aligned_matching_form
from diplolib.segment import sentence_spans

NASTY = [
    "L’État islamique a attaqué Alep. Le président a condamné l'attaque.",
    "d'abord",
    "",
    None,
    "qu'il vienne. Straße « أحمد » ﬁn 😀 — U.S. forces struck. Mr. Smith said so…",
    "\u0301\u0640accent first; then ـــ tatweel. ﻻ ligature. ١٢٣ digits.",
    "jusqu'à l'aube\n\nNew paragraph? Yes!",
    "   ",
    "ALL ASCII text, `backtick` and 'quotes'.",
    "Ⅻ ǅ İstanbul ΣΑΣ ﬀ",
]


def _reference_batch(texts: list[str]) -> scan.Batch:
    """The construction before the fast path: each article's matching form, spacing and sentences on its own."""
    sep = scan._SEP
    texts = [t if isinstance(t, str) else "" for t in texts]
    lengths = np.fromiter((len(t) + len(sep) for t in texts), dtype=np.int64, count=len(texts))
    doc_base = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64) if texts else np.zeros(0, np.int64)
    forms, maps, match_lengths = [], [], []
    pad = np.arange(len(sep), dtype=np.int64)
    for t, base in zip(texts, doc_base, strict=True):
        m, idx = aligned_matching_form(t)
        forms.append(m)
        maps.append(idx + base)
        maps.append(pad + base + len(t))
        match_lengths.append(len(m) + len(sep))
    match_base = (np.concatenate([[0], np.cumsum(match_lengths)[:-1]]).astype(np.int64) if texts
                  else np.zeros(0, np.int64))
    starts, ends, index = [], [], []
    for t, base in zip(texts, doc_base, strict=True):
        spans = sentence_spans(t) if t else []
        starts.extend(s + base for s, _ in spans)
        ends.extend(e + base for _, e in spans)
        index.extend(range(len(spans)))
    return scan.Batch(
        display=sep.join(texts) + (sep if texts else ""),
        match=sep.join(forms) + (sep if texts else ""),
        spaced=" " + sep.join(map(scan._spaced, forms)) + (sep if texts else "") + " ",
        doc_base=doc_base, match_base=match_base,
        to_display=np.concatenate(maps) if maps else np.zeros(0, np.int64),
        sent_start=np.asarray(starts, dtype=np.int64), sent_end=np.asarray(ends, dtype=np.int64),
        sent_index=np.asarray(index, dtype=np.int64))


def _reference_markers(spaced: str, lang: str, clause: bool = False) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The marker pass before it joined the cue pass: its own automaton, a list of pairs per class; with ``clause``,
    the words of clauses.FORWARD and FIRM as the regex of forward_marks found them before the scan did."""
    auto = ahocorasick.Automaton()
    words: dict[str, set[str]] = {}
    for cls in markers.SCANNED:
        for word in markers.MARKERS[cls].get(lang, ()) if cls not in markers.CLAUSE_WORDS else ():
            for p in ("", "و", "ف") if lang == "ar" else ("",):
                words.setdefault(f" {p}{word} ", set()).add(cls)
    for word, classes in words.items():
        auto.add_word(word, (len(word), tuple(sorted(classes))))
    auto.make_automaton()
    found: dict[str, list[tuple[int, int]]] = {cls: [] for cls in markers.SCANNED
                                               if clause or cls not in markers.CLAUSE_WORDS}
    for last, (size, classes) in auto.iter(spaced):
        for cls in classes:
            found[cls].append((last - size + 1, last - 1))
    for cls, firm in zip(markers.CLAUSE_WORDS, (False, True), strict=True) if clause else ():
        rx = clauses._FORWARD_RE.get((lang, firm))
        found[cls] = [(m.start(), m.end() - 1) for m in rx.finditer(spaced)] if rx else []
    out = {}
    for cls, pairs in found.items():
        arr = np.array(sorted(pairs, key=lambda p: p[1]), dtype=np.int64).reshape(-1, 2)
        out[cls] = (arr[:, 0], arr[:, 1])
    return out


def _reference_cue_hits(b: scan.Batch, lexicon, lang: str) -> dict[str, np.ndarray]:
    """The cue pass before it found the markers too: an automaton of the cue words alone, tuples as values."""
    auto = ahocorasick.Automaton()
    for word, value in scan._cue_words(lexicon, lang).items():
        auto.add_word(word, value)
    auto.make_automaton()
    arr = np.array([(last, *value) for last, value in auto.iter(b.spaced)], dtype=np.int64).reshape(-1, 5)
    last, row, size, plen, future = arr.T
    m_start, m_end = last - size + 1 + plen, last - 1
    lead = m_start - plen
    order = np.lexsort((-(m_end - lead), lead))
    lead, m_start, m_end, row, future = lead[order], m_start[order], m_end[order], row[order], future[order]
    reach = np.maximum.accumulate(m_end)
    keep = np.r_[True, lead[1:] >= reach[:-1]]
    m_start, m_end, row, future = m_start[keep], m_end[keep], row[keep], future[keep].astype(bool)
    start, end = b.to_display[m_start], b.to_display[m_end - 1] + 1
    return {"m_start": m_start, "m_end": m_end, "start": start, "end": end, "cue_row": row, "future": future,
            "doc": np.searchsorted(b.doc_base, start, side="right") - 1,
            "sentence": np.searchsorted(b.sent_start, start, side="right") - 1}


def _reference_scan(b: scan.Batch, lexicon, lang: str, clause_words=None):
    return _reference_cue_hits(b, lexicon, lang), _reference_markers(b.spaced, lang, clause_words is not None)


def _reference_pairs(hits: pd.DataFrame, phrases: pd.DataFrame) -> pd.DataFrame:
    """The expansion of compound sides before it repeated hits: table joins (sectors carried with the actors)."""
    if "sector" not in phrases.columns:
        phrases = phrases.assign(sector="")
    members = phrases.reset_index().rename(columns={"index": "phrase"})[["phrase", "group", "actor", "sector"]]
    group_of = phrases["group"].to_numpy()
    size = members.groupby("group").size()
    hits = hits.assign(
        src_group=np.where(hits["src"] >= 0, group_of[np.maximum(hits["src"], 0)] if len(group_of) else -1, -1),
        tgt_group=np.where(hits["tgt"] >= 0, group_of[np.maximum(hits["tgt"], 0)] if len(group_of) else -1, -1))
    n_src = hits["src_group"].map(size).fillna(0).astype(int)
    n_tgt = hits["tgt_group"].map(size).fillna(0).astype(int)
    mutual = (hits["direction"] == "mutual") & (((n_src >= 2) & (n_tgt == 0)) | ((n_tgt >= 2) & (n_src == 0)))
    pair_group = np.where(n_src >= 2, hits["src_group"], hits["tgt_group"])
    mut = hits[mutual].assign(pair_group=pair_group[mutual.to_numpy()])
    a = mut.merge(members.rename(columns={"group": "pair_group", "actor": "source", "phrase": "p_src",
                                          "sector": "source_sector"}), on="pair_group")
    a = a.merge(members.rename(columns={"group": "pair_group", "actor": "target", "phrase": "p_tgt",
                                        "sector": "target_sector"}), on="pair_group")
    a = a[a["p_src"] != a["p_tgt"]].assign(compound=True)
    src = hits[~mutual].merge(members.rename(columns={"group": "src_group", "actor": "source",
                                                      "sector": "source_sector"})[
        ["src_group", "source", "source_sector"]], on="src_group", how="left")
    src["source"] = src["source"].where(src["src_group"] >= 0, src["speaker"])
    both = src.merge(members.rename(columns={"group": "tgt_group", "actor": "target", "sector": "target_sector"})[
        ["tgt_group", "target", "target_sector"]], on="tgt_group", how="left")
    both["compound"] = (both["src_group"].map(size).fillna(0) > 1) | (both["tgt_group"].map(size).fillna(0) > 1)
    out = pd.concat([a.drop(columns=["pair_group", "p_src", "p_tgt"]), both], ignore_index=True)
    for column in ("source", "target", "source_sector", "target_sector"):
        out[column] = out[column].fillna("").astype(object)
    return out[(out["src_group"] >= 0) | (out["tgt_group"] >= 0) | (out["source"] != "")]


def _assert_same_scan(fast, ref) -> None:
    (hits, marks), (ref_hits, ref_marks) = fast, ref
    assert hits.keys() == ref_hits.keys() and marks.keys() == ref_marks.keys()
    for k in hits:
        np.testing.assert_array_equal(hits[k], ref_hits[k], err_msg=k)
    for cls in marks:
        for got, want in zip(marks[cls], ref_marks[cls], strict=True):
            np.testing.assert_array_equal(got, want, err_msg=cls)


def _assert_same_batch(fast: scan.Batch, ref: scan.Batch) -> None:
    for field in ("display", "match", "spaced"):
        assert getattr(fast, field) == getattr(ref, field), field
    for field in ("doc_base", "match_base", "to_display", "sent_start", "sent_end", "sent_index"):
        np.testing.assert_array_equal(getattr(fast, field), getattr(ref, field), err_msg=field)
        assert getattr(fast, field).dtype == np.int64, field
    if len(ref.to_display):  # the runs of the map batch() gives equal those found from the map's steps
        for got, want in zip(fast._runs, ref._runs, strict=True):
            np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("texts", [NASTY, NASTY[::-1], [], [""], [None, "x"], ["ß"], ["😀 d'un"]])
def test_batch_equals_the_article_by_article_construction(texts):
    _assert_same_batch(scan.batch(texts), _reference_batch(texts))


def _corpus(name: str) -> pd.DataFrame:
    if name == "sample":  # in-code sentences with compounds, mutual cues, passives, three languages
        from test_events import SAMPLE
        return SAMPLE
    corpus_dir(name)
    return datasets.load(name)[0]


@pytest.mark.parametrize("name", ["fa-kes", "meae-fr", "wikinews-fr", "wikinews-ar"])
def test_batch_equals_reference_on_sample_corpora(name):
    texts = _corpus(name)["text"].tolist()
    _assert_same_batch(scan.batch(texts), _reference_batch(texts))


@pytest.mark.parametrize("name, lang", [("fa-kes", "en"), ("meae-fr", "fr"), ("wikinews-fr", "fr"),
                                        ("wikinews-ar", "ar")])
def test_one_pass_scan_equals_the_two_passes(name, lang):
    b = scan.batch(_corpus(name)["text"].tolist())
    lexicon = load_cues()
    fast = scan.scan(b, lexicon, lang)
    assert len(fast[0]["start"]) > 50 and len(fast[1]["reported"][0]) > 10
    _assert_same_scan(fast, _reference_scan(b, lexicon, lang))
    words = {"forward": clauses.FORWARD[lang], "firm": clauses.FIRM[lang]}  # the clause words too, as extract asks
    with_clauses = scan.scan(b, lexicon, lang, words)
    assert len(with_clauses[1]["forward"][0]) > len(with_clauses[1]["firm"][0]) > 0
    _assert_same_scan(with_clauses, _reference_scan(b, lexicon, lang, words))
    for cls, (starts, ends) in markers.find_markers(b.spaced, lang).items():
        if cls in markers.CLAUSE_WORDS:
            continue
        np.testing.assert_array_equal(starts, fast[1][cls][0], err_msg=cls)
        np.testing.assert_array_equal(ends, fast[1][cls][1], err_msg=cls)


@pytest.mark.parametrize("name, lang", [("fa-kes", "en"), ("meae-fr", "fr"), ("wikinews-ar", "ar"),
                                        ("nasty", "en"), ("nasty", "fr"), ("nasty", "ar")])
def test_compiled_word_scan_equals_pyahocorasick(name, lang, monkeypatch):
    """``scan.scan`` finds its cue and marker words with the actors' compiled word scan when numba is there
    (``word_scan.raw_matches``) and with pyahocorasick otherwise: the same hits and marks, clause words included."""
    from diplolib.actors import partition, word_scan

    if not word_scan.compiled_available():
        pytest.skip("numba is not installed")
    texts = (NASTY + ["Russia condemned Turkey. وأدانت فرنسا روسيا. La France a condamné la Russie.", "x " * 300]
             if name == "nasty" else _corpus(name)["text"].tolist())
    b, words = scan.batch(texts), {"forward": clauses.FORWARD[lang], "firm": clauses.FIRM[lang]}
    runs = {}
    for compiled in (True, False):
        lexicon = load_cues()  # a fresh lexicon: its cached automata and word tables
        monkeypatch.setattr(partition, "COMPILED", compiled)
        monkeypatch.setattr(partition, "COMPILED_MIN_CHARS", 0)
        runs[compiled] = (scan.scan(b, lexicon, lang), scan.scan(b, lexicon, lang, words))
        assert any(k[0] == "word_tables" for k in lexicon._cache) == compiled  # the path taken
    for fast, ref in zip(runs[True], runs[False], strict=True):
        _assert_same_scan(fast, ref)
    assert len(runs[True][0][0]["start"]) > 0


def test_scan_of_nasty_texts_and_of_nothing():
    lexicon = load_cues()
    for lang in ("en", "fr", "ar"):
        b = scan.batch(NASTY + ["Russia condemned Turkey. وأدانت فرنسا روسيا. La France a condamné la Russie."])
        _assert_same_scan(scan.scan(b, lexicon, lang), _reference_scan(b, lexicon, lang))
        hits, marks = scan.scan(scan.batch([]), lexicon, lang)
        assert all(len(v) == 0 for v in hits.values()) and set(marks) == set(markers.SCANNED) - set(markers.CLAUSE_WORDS)


def test_role_phrases_normalised_at_once_as_one_by_one():
    phrases = actors.load_registry().role_phrases["phrase"].tolist()
    phrases += ["L’ambassadeur d'Égypte", "  US_President  ", "وزير الخارجية", "Straße-Chef", "", "a\nb"]
    assert offices.norm_phrases(phrases) == [offices._norm(p) for p in phrases]
    assert offices.norm_phrases(phrases[:-1]) == [offices._norm(p) for p in phrases[:-1]]


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


@pytest.mark.parametrize("name, rows", [("fa-kes", 400), ("meae-fr", None), ("wikinews-fr", None),
                                        ("wikinews-ar", None), ("sample", None)])
def test_events_identical_with_the_reference_paths(name, rows, matcher, monkeypatch):
    arts = _corpus(name)
    arts = arts.iloc[:rows] if rows else arts
    mentions = actors.tag_actors(arts, registry=matcher)
    fast = extract.extract_events(arts, mentions, registry=matcher)
    monkeypatch.setattr(extract, "batch", _reference_batch)
    monkeypatch.setattr(extract, "scan", _reference_scan)
    monkeypatch.setattr(offices, "norm_phrases", lambda phrases: [offices._norm(p) for p in phrases])
    monkeypatch.setattr(extract, "_pairs", _reference_pairs)
    monkeypatch.setattr(offices, "_OFFICES", {})
    _reference_rules(monkeypatch)
    ref = extract.extract_events(arts, mentions, registry=matcher)
    assert len(ref) > (5 if name == "sample" else 20)
    pd.testing.assert_frame_equal(fast, ref)


def _reference_rules(monkeypatch) -> None:
    """The rules rewritten on arrays in issue 15's third round, replaced by the per-offset code they replaced
    (``test_events_words.py``): every hit read, sectors of every phrase near a cue, match offsets searched."""
    import test_events_words as ref

    from diplolib.events import cue_flags, nesting, roles
    monkeypatch.setattr(scan.Batch, "match_offsets", lambda self, x: np.searchsorted(self.to_display, x))
    monkeypatch.setattr(extract, "may_have_sides", lambda b, hits, phrases, speaking: np.ones(len(hits["start"]),
                                                                                             dtype=bool))
    monkeypatch.setattr(extract, "side_members", lambda phrases, src, tgt: np.arange(len(phrases)))
    monkeypatch.setattr(extract, "ends_with", lambda b, ms, me, suffix: np.array(
        [b.match[a:z].endswith(suffix) for a, z in zip(ms.tolist(), me.tolist(), strict=True)], dtype=bool))
    monkeypatch.setattr(extract, "phrase_sectors", ref.reference_phrase_sectors)
    monkeypatch.setattr(extract, "not_parties", ref._ref_not_parties)
    monkeypatch.setattr(extract, "self_reports", ref._ref_self_reports)
    monkeypatch.setattr(extract, "adjacent", ref._ref_adjacent)
    monkeypatch.setattr(cue_flags, "adjacent", ref._ref_adjacent)
    monkeypatch.setattr(nesting, "_subordinated", ref._ref_subordinated)
    monkeypatch.setattr(roles, "_governed", ref._ref_governed)
    monkeypatch.setattr(cue_flags, "agent_after", ref._ref_agent_after)
    monkeypatch.setattr(roles, "gaps", lambda b, a, z, width: ref._ref_gaps(b.display, a, z, width))
    monkeypatch.setattr(roles, "joins", lambda b, a, z: ref._ref_joins(b.display, a, z))
    # issue 15's fourth speed round (test_events_reference4.py)
    import test_events_reference4 as ref4

    from diplolib.events import locations
    monkeypatch.setattr(roles, "forward_marks", ref4._ref_forward_marks)
    monkeypatch.setattr(roles, "clause_marks", ref4._ref_clause_marks)
    monkeypatch.setattr(locations, "clause_marks", ref4._ref_clause_marks)
    monkeypatch.setattr(extract, "background", ref4._ref_background)
    # round 18: the purpose phrases of the whole text, not only of the gaps between the cues and their targets
    from diplolib.events import chars, complements
    monkeypatch.setattr(complements, "pattern_spans_in", lambda text, codes, pattern, heads, starts, ends, inside:
                        chars.pattern_spans(text, codes, pattern, heads))



def _reference_reasons(out: pd.DataFrame) -> pd.Series:
    """The rows' reasons as ``extract._settled`` said them before round 18: pandas assignments one after another."""
    reason = pd.Series("", index=out.index, dtype=object)
    reason[out["target"] == ""] = "no-target"
    reason[out["source"] == ""] = "no-source"
    unresolved = ((out["src_group"] >= 0) & (out["source"] == "")) | ((out["tgt_group"] >= 0) & (out["target"] == ""))
    reason[unresolved] = "unresolved"
    far = (out["far_src"].to_numpy(dtype=bool) & (out["source"] == "").to_numpy()) \
        | (out["far_tgt"].to_numpy(dtype=bool) & (out["target"] == "").to_numpy())
    reason[far] = "far"
    reason[out["authored"].to_numpy(dtype=bool) & (out["source"] == "").to_numpy()] = "unnamed-author"
    reason[(out["source"] == out["target"]) & (out["source"] != "")] = "self"
    return reason


@pytest.mark.parametrize("seed", range(3))
def test_row_reasons_equal_the_pandas_assignments(seed):
    """``events.reasons.row_reasons`` against the assignments it replaced, on random rows over every combination
    of empty and named sides, groups, far sides and authored verbs (every reason occurs; fails when a later reason
    does not win over an earlier one, e.g. ``self`` of a row whose two sides are empty)."""
    from diplolib.events.reasons import row_reasons
    rng = np.random.default_rng(seed)
    n = 4000
    ids = np.array(["", "", "SYR", "RUS", "per:x"], dtype=object)
    out = pd.DataFrame({"source": ids[rng.integers(0, 5, n)], "target": ids[rng.integers(0, 5, n)],
                        "src_group": rng.integers(-1, 3, n), "tgt_group": rng.integers(-1, 3, n),
                        "far_src": rng.random(n) < 0.2, "far_tgt": rng.random(n) < 0.2, "authored": rng.random(n) < 0.2},
                       index=rng.permutation(n) + 7)
    out = out.astype({"source": object, "target": object})
    got = row_reasons(**{c: out[c].to_numpy() for c in ("source", "target", "src_group", "tgt_group")},
                      **{c: out[c].to_numpy(dtype=bool) for c in ("far_src", "far_tgt", "authored")})
    want = _reference_reasons(out)
    assert got.dtype == object and got.tolist() == want.tolist()
    assert set(want) == {"", "no-target", "no-source", "unresolved", "far", "unnamed-author", "self"}


@pytest.mark.parametrize("dtype", [object, "string", pd.StringDtype("pyarrow"), pd.StringDtype("pyarrow", na_value=np.nan)])
def test_string_codes_equal_the_strings_they_replace(dtype):
    """``events.string_codes`` (round 18, ``actor_phrases`` compares actor codes): ``values[codes]`` is the object
    array of strings that ``actor_phrases`` made before, and two codes are equal exactly when their strings are:
    a missing id and ``""`` share one code (both unresolved); "org:a" and "org:ab", "SYR" and "syr" do not."""
    from diplolib.events.string_codes import string_codes
    rng = np.random.default_rng(18)
    pool = np.array(["", None, "SYR", "syr", "org:a", "org:ab", "per:Ⅸ", "ORG:a"], dtype=object)
    for with_empty in (True, False):
        draw = pool if with_empty else pool[pool != ""]
        column = pd.Series(draw[rng.integers(0, len(draw), 3000)], index=rng.permutation(3000)).astype(dtype)
        codes, values = string_codes(column)
        strings = column.astype("string").fillna("").to_numpy(dtype=object)
        assert (values[codes] == strings).all()
        assert ((codes[:, None] == codes[None, :300]) == (strings[:, None] == strings[None, :300])).all()
        assert "" in set(values.tolist()) and len(set(codes.tolist())) == len(set(strings.tolist()))
    codes, values = string_codes(pd.Series([], dtype=dtype))
    assert len(codes) == 0 and values.tolist() == [""]


def test_article_order_equals_the_map_it_replaced():
    """``batch_mentions.article_order`` (round 18, the final sort of ``extract_events``): the positions the map of
    the ids gave, NaN for an id the articles lack; with repeated ids it raises as the map did."""
    from diplolib.events.batch_mentions import article_order
    rng = np.random.default_rng(7)
    ids = pd.Series([f"a{i}" for i in rng.permutation(500)], dtype="string")
    articles = pd.DataFrame({"article_id": ids.to_numpy()}, index=rng.permutation(500) * 3)
    rows = pd.DataFrame({"article_id": pd.Series(np.r_[ids.to_numpy()[rng.integers(0, 500, 2000)], ["zz", "a9999"]],
                                                 dtype=object)})
    order = pd.Series(np.arange(len(articles)), index=articles["article_id"].to_numpy())
    expected = rows["article_id"].map(order).to_numpy(dtype=np.float64)
    got = article_order(articles, rows)
    np.testing.assert_array_equal(got, expected)
    assert np.isnan(got[-2:]).all() and not np.isnan(got[:-2]).any()
    twice = pd.DataFrame({"article_id": ["a1", "a2", "a1"]})
    with pytest.raises(pd.errors.InvalidIndexError):
        article_order(twice, pd.DataFrame({"article_id": ["a1"]}))
    with pytest.raises(pd.errors.InvalidIndexError):
        pd.Series(["a1"]).map(pd.Series(np.arange(3), index=twice["article_id"].to_numpy()))
