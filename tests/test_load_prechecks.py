"""Round 17 (issue 17): the load path's per-record passes made cheaper give the values of what they replace.

- ``texts_or_none``: ``[text_or_none(v) for v in values]`` from the set of the values' types;
- ``_language_sample``: the title and the body's first characters, the sample ``detect_language`` reads;
- the CSV table reader's empty and too-large rows found in one pass (``not body or body.isspace()`` for
  ``not body.strip()``), on bodies of every kind of Unicode whitespace;
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_readers_table import _columnar, _reference

from diplolib.normalize import articles as na
from diplolib.normalize.language import SAMPLE_CHARS, detect_language


class _Sub(str):
    pass


@pytest.mark.parametrize("values", [
    ["a", None, "b"], ["a", "b"], [], [None, None],
    ["a", pd.NA, "b"], ["a", math.nan], ["a", 3], [_Sub("x"), "y"], [b"bytes", "s"], ["a", pd.NaT],
])
def test_texts_or_none_is_text_or_none_of_each_value(values):
    got = na.texts_or_none(values)
    want = [na.text_or_none(v) for v in values]
    assert [type(v) for v in got] == [type(v) for v in want]
    assert got == want


def test_texts_or_none_keeps_a_list_of_strings_and_none_as_it_is():
    plain = ["a", None]
    assert na.texts_or_none(plain) is plain  # no copy: every value is already what text_or_none gives
    mixed = ["a", pd.NA]
    assert na.texts_or_none(mixed) is not mixed and mixed == ["a", pd.NA]  # a twin: made anew, input unchanged


_TEXT = st.lists(st.sampled_from(list("abc de\n«»é") + ["le ", "the ", "وزير ", "x" * 120]), max_size=160).map("".join)


@settings(max_examples=300, deadline=None)
@given(title=st.one_of(st.none(), st.just(""), _TEXT), text=_TEXT)
def test_language_sample_reads_as_the_whole_title_and_body(title, text):
    part = {"title": title, "text": text}
    whole = f"{title or ''}\n\n{text}"
    sample = na._language_sample(part)
    assert sample[:SAMPLE_CHARS] == whole[:SAMPLE_CHARS]
    assert len(sample) <= len(whole)
    assert detect_language(sample) == detect_language(whole)
    for hint in ("fr", "en", "ar", "de", "xx", None):
        assert na.article_language(hint, part, frozenset({"language"})) == _article_language_whole(hint, part)


def _article_language_whole(hint, part):
    """``article_language`` as it read the whole ``f"{title}\\n\\n{text}"`` before round 17."""
    if not hint:
        return detect_language(f"{part['title'] or ''}\n\n{part['text']}"), False
    lang = hint.strip().lower()
    code = lang.replace("_", "-").split("-", 1)[0]
    if not (len(code) == 2 and code.isalpha()) or code not in na.known_languages():
        return lang, False
    found = detect_language(f"{part['title'] or ''}\n\n{part['text']}",
                            languages=tuple(dict.fromkeys((*na.DEFAULT_LANGUAGES, code))))
    return lang, found not in ("und", code)


_SPACES = ["\u00a0", "\u2003", "\u3000", "\x1c", "\x1f", "\x85", "\u2028", "\t", "\x0b", "\x0c"]


@pytest.mark.parametrize("space", _SPACES)
def test_csv_rows_of_unicode_whitespace_are_empty_rows_as_in_the_reference(space):
    body = f"{space}{space} "
    data = f'id,text\n1,"{body}"\n2,kept\n3,"x{space}"\n'.encode()
    ref_table, ref_errors = _reference(data)
    table, errors, fast = _columnar(data)
    assert fast
    assert [e["error"] for e in errors] == ["empty"]  # row 1; row 3 (a letter, then the space) is a record
    assert errors == ref_errors
    pd.testing.assert_frame_equal(table, ref_table, check_exact=True)


@settings(max_examples=200, deadline=None)
@given(bodies=st.lists(st.text(alphabet=st.sampled_from(["a", " ", "\u3000", "\x85", "é", "\u200b"]), max_size=14),
                       min_size=1, max_size=8),
       limit=st.one_of(st.none(), st.integers(1, 10)))
def test_csv_empty_and_too_large_rows_found_in_one_pass_as_in_the_reference(bodies, limit):
    rows = "".join(f'{i},"{b}"\n' for i, b in enumerate(bodies))
    data = f"id,text\n{rows}".encode()
    ref_table, ref_errors = _reference(data, max_text_chars=limit)
    table, errors, _ = _columnar(data, max_text_chars=limit)
    assert errors == ref_errors
    if ref_table is not None:
        pd.testing.assert_frame_equal(table, ref_table, check_exact=True)


@settings(max_examples=300, deadline=None)
@given(values=st.lists(st.sampled_from(["", "a", "é", "دمشق", "a" * 50, "b" * 50, "x\ny", "ab", "ba"]), max_size=40),
       split=st.integers(0, 40))
def test_column_values_are_the_columns_values(values, split):
    import pyarrow as pa

    from diplolib.readers.csv_table import column_values

    column = pa.chunked_array([pa.array(values[:split], pa.string()), pa.array(values[split:], pa.string())])
    got = column_values(column)
    assert got == values and all(type(v) is str for v in got)


def test_column_values_share_one_string_per_repeated_value():
    import pyarrow as pa

    from diplolib.readers.csv_table import column_values

    bodies = [f"body {i} " * 40 for i in range(5)]
    got = column_values(pa.chunked_array([pa.array(bodies * 4)]))
    assert got == bodies * 4
    assert len({id(v) for v in got}) == 5  # each repeated body is one object
    # the twin: a column of distinct values is the column itself, in order
    distinct = [f"{b}{i}" for i, b in enumerate(bodies * 4)]
    assert column_values(pa.chunked_array([pa.array(distinct)])) == distinct


_WORDS = st.sampled_from(["la", "trêve", "Damas", "ceasefire", "Aleppo", "هدنة", "a", "the", "UN", "—", "x"])


@settings(max_examples=200, deadline=None)
@given(keys=st.lists(st.lists(_WORDS, min_size=0, max_size=30).map(" ".join), max_size=8), k=st.integers(1, 6))
def test_batch_shingle_hashes_are_each_keys_shingle_hashes(keys, k):
    from diplolib.normalize.minhash import batch_shingle_hashes, shingle_hashes

    got = batch_shingle_hashes(keys, k)
    want = [shingle_hashes(key, k, {}) for key in keys]
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g.dtype == w.dtype == np.uint64
        np.testing.assert_array_equal(g, w)


def test_shingle_sets_of_candidates_as_one_body_at_a_time():
    from diplolib.normalize.columnar import duplicate_keys
    from diplolib.normalize.duplicates import shingle_sets
    from diplolib.normalize.minhash import shingle_hashes

    bodies = ["Le cessez-le-feu à Alep tient depuis trois jours selon l'ONU.", "", "trop court",
              "Le cessez-le-feu à Alep tient depuis trois jours selon l'ONU.", "وقف إطلاق النار في حلب صامد منذ ثلاثة أيام"]
    got = shingle_sets(pd.Series(bodies, dtype="string"), positions=[4, 0, 2, 1])
    assert list(got) == [4, 0, 2, 1]
    for i, key in zip([4, 0, 2, 1], duplicate_keys([bodies[i] for i in [4, 0, 2, 1]]), strict=True):
        np.testing.assert_array_equal(got[i], shingle_hashes(key, 5, {}))
    assert len(got[0]) > 0 and len(got[2]) == len(got[1]) == 0  # twins: fewer than 5 words, no shingle


@settings(max_examples=500, deadline=None)
@given(sample=st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_words_of_ascii_text_are_the_regex_words(sample):
    from diplolib.normalize import language

    assert language._words(sample, True) == language._WORD.findall(sample.lower())


def test_words_of_every_ascii_character_and_of_other_text():
    from diplolib.normalize import language

    every = "".join(map(chr, range(128))) * 2 + "Le_ministre2 a dit: l'EI (ONU)-Alep"
    assert language._words(every, True) == language._WORD.findall(every.lower())
    twin = "Le ministre à Alep, l’État — دمشق"  # not ASCII: the regex path, words as written
    assert language._words(twin, False) == language._WORD.findall(twin) == ["Le", "ministre", "à", "Alep", "l", "État",
                                                                             "دمشق"]


@pytest.mark.parametrize("column", [["7", "07", "7", "-3", "٣"], ["7", "x", "7"], ["1", "1", "1"], ["1", "", "1"],
                                    ["9" * 18, "9" * 19, "9" * 18]])
def test_csv_integer_columns_read_once_per_distinct_value_as_in_the_reference(column):
    rows = "".join(f"{v},body {i}\n" for i, v in enumerate(column))
    data = f"label,text\n{rows}".encode()
    ref_table, ref_errors = _reference(data)
    table, errors, fast = _columnar(data)
    assert fast and errors == ref_errors
    pd.testing.assert_frame_equal(table, ref_table, check_exact=True)
    assert list(table["label"]) == list(ref_table["label"])


_HEAD_PIECES = ["Damas", "-", "SANA", " ", "/", "(", ")", "Reuters", "AFP", "MOSCOW", ",", "Le", "ministre", "«",
                "Aleppo", "\n", "Wed 05 Apr 2017", "—", "Sana", "a", ":", "ONU-Habitat"]


def _split_dateline_trying_every_pattern(text, monkeypatch):
    from diplolib.normalize import dispatch

    with monkeypatch.context() as m:
        m.setattr(dispatch, "_PLACE_LITERALS", ("",) * len(dispatch._PLACE_DATELINES))
        return dispatch.split_dateline(text)


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(_HEAD_PIECES), max_size=14).map("".join))
def test_place_patterns_skipped_by_their_literal_read_as_all_tried(text):
    from diplolib.normalize import dispatch

    with pytest.MonkeyPatch.context() as mp:
        assert dispatch.split_dateline(text) == _split_dateline_trying_every_pattern(text, mp)


@pytest.mark.parametrize("text,dateline", [
    ("Damas-SANA / Le ministre a dit.", "Damas-SANA"),
    ("MOSCOW (Reuters) - The minister said.", "MOSCOW (Reuters)"),
    ("Moscou/Le ministre russe a dit.", "Moscou"),
    ("BEIRUT — The army said.", "BEIRUT"),
    # the twin: "Sana" is not the literal "SANA", so the SANA pattern is skipped; the "Place/" pattern reads it
    ("Damas-Sana / Le ministre a dit.", "Damas-Sana"),
])
def test_place_datelines_found_with_the_literal_prechecks(text, dateline, monkeypatch):
    from diplolib.normalize import dispatch

    assert dispatch.split_dateline(text)[0] == dateline
    assert dispatch.split_dateline(text) == _split_dateline_trying_every_pattern(text, monkeypatch)


def test_shingle_sets_in_chunks_of_any_size(monkeypatch):
    from diplolib.normalize import duplicates

    bodies = pd.Series([f"le cessez-le-feu {i} tient à Alep depuis trois jours {i % 3}" for i in range(7)] + [""])
    want = duplicates.shingle_sets(bodies)
    monkeypatch.setattr(duplicates, "SIGNATURE_CHUNK", 3)
    got = duplicates.shingle_sets(bodies)
    assert list(got) == list(want) == list(range(8))
    for i in want:
        np.testing.assert_array_equal(got[i], want[i])
