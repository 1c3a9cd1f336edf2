"""The shipped cue lexicon is read once per process and shared, with the automata compiled from it."""

from __future__ import annotations

import shutil

import pandas as pd

from diplolib.events import default_cues, extract_events, load_cues, scan
from diplolib.events import lexicon as lexicon_module

ARTICLES = pd.DataFrame({
    "article_id": ["a", "b"],
    "text": ["Vladimir Putin had a telephone conversation with President of Turkey Recep Tayyip Erdogan.",
             "Le président russe a condamné la frappe turque."],
    "published": pd.to_datetime(["2019-05-01", "2019-05-02"]),
    "lang": ["en", "fr"],
})


def test_the_shipped_lexicon_is_shared_and_equal_to_a_fresh_reading():
    shared = default_cues()
    assert default_cues() is shared
    fresh = load_cues()
    assert fresh is not shared
    pd.testing.assert_frame_equal(shared.cues, fresh.cues)
    pd.testing.assert_frame_equal(shared.forms, fresh.forms)


def test_events_without_cues_compile_the_automata_once(monkeypatch):
    expected = extract_events(ARTICLES, cues=load_cues())
    extract_events(ARTICLES)  # the shared lexicon's automata, built here if no earlier test did
    built = []
    compile_automaton = scan._automaton
    monkeypatch.setattr(scan, "_automaton", lambda *a: built.append(a) or compile_automaton(*a))
    got = extract_events(ARTICLES)
    assert built == []
    assert len(got) > 0
    pd.testing.assert_frame_equal(got, expected)


def test_a_changed_cue_file_is_read_again(tmp_path, monkeypatch):
    copies = []
    for path in lexicon_module.default_cue_paths():
        copies.append(tmp_path / path.name)
        shutil.copy(path, copies[-1])
    monkeypatch.setattr(lexicon_module, "default_cue_paths", lambda: list(copies))
    before = default_cues()
    assert default_cues() is before
    with copies[0].open("a", encoding="utf-8") as f:
        f.write("hugged,en,CONSULT,meeting,mutual,a cue added by the test\n")
    after = default_cues()
    assert after is not before
    assert "hugged" in set(after.cues["cue"]) - set(before.cues["cue"])
