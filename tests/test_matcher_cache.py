"""The built-in registry is read once per process, and its matcher built once and kept on disk with its inputs' hash."""

from __future__ import annotations

import os
import time

import numpy as np
import pandas as pd
import pytest

from diplolib.actors import ActorMatcher, Registry, load_registry, tag_actors
from diplolib.actors import matcher_cache as mc
from diplolib.events import extract_events

ARTICLES = pd.DataFrame({
    "article_id": ["a", "b", "c"],
    "text": ["Vladimir Putin had a telephone conversation with President of Turkey Recep Tayyip Erdogan.",
             "Le président syrien a reçu le ministre iranien des Affaires étrangères à Damas.",
             "التقى الرئيس الأسد وزير الخارجية الروسي سيرغي لافروف في دمشق."],
    "published": pd.to_datetime(["2019-05-01", "2016-03-02", "2017-01-10"]),
    "lang": ["en", "fr", "ar"],
})


@pytest.fixture(scope="module")
def shared():
    return mc.default_matcher()


def test_the_default_matcher_is_built_once_per_process(shared):
    assert mc.default_matcher() is shared
    assert mc.as_matcher(None) is shared
    assert mc.as_matcher(shared) is shared


def test_a_matcher_read_back_from_the_cache_tags_like_the_one_written(shared, tmp_path):
    path = tmp_path / "m.pickle"
    mc._write(path, "inputs-1", shared)
    assert mc._read(path, "inputs-2") is None  # written from other inputs: never used
    again = mc._read(path, "inputs-1")
    assert isinstance(again, ActorMatcher) and again is not shared
    assert again.__dict__.keys() == shared.__dict__.keys()
    for name, value in shared.__dict__.items():  # every part of the built state, compared whole
        copy = again.__dict__[name]
        if isinstance(value, np.ndarray):
            np.testing.assert_array_equal(copy, value, err_msg=name)
        elif isinstance(value, Registry):
            for table in ("actors", "aliases", "roles", "role_phrases", "ambiguities", "guards"):
                pd.testing.assert_frame_equal(getattr(copy, table), getattr(value, table))
        elif name == "_automaton":
            assert list(copy.items()) == list(value.items())
        elif name == "_word_tables":  # the word scan's arrays (actors.word_scan)
            assert copy.keys() == value.keys()
            for key, array in value.items():
                np.testing.assert_array_equal(copy[key], array, err_msg=key)
        else:
            assert copy == value, name
    expected = tag_actors(ARTICLES, registry=shared)
    assert len(expected) >= 8
    pd.testing.assert_frame_equal(tag_actors(ARTICLES, registry=again), expected)
    pd.testing.assert_frame_equal(extract_events(ARTICLES, registry=again),
                                  extract_events(ARTICLES, registry=shared))


def test_tagging_without_a_registry_uses_the_shared_matcher(shared):
    pd.testing.assert_frame_equal(tag_actors(ARTICLES), tag_actors(ARTICLES, registry=shared))


def test_a_damaged_or_foreign_cache_file_is_ignored(tmp_path):
    bad = tmp_path / "bad.pickle"
    bad.write_bytes(b"not a pickle")
    assert mc._read(bad, "d") is None
    assert mc._read(tmp_path / "missing.pickle", "d") is None
    other = tmp_path / "other.pickle"
    mc._write(other, "d", ActorMatcher.__name__)  # a pickle, but not of a matcher
    assert mc._read(other, "d") is None
    half = tmp_path / "half.pickle"
    half.write_bytes(other.read_bytes()[:12])
    assert mc._read(half, "d") is None


def test_the_cache_follows_the_registry_files_the_code_and_the_options(tmp_path, monkeypatch):
    data, package = tmp_path / "data", tmp_path / "pkg"
    data.mkdir()
    package.mkdir()
    (data / "aliases.csv").write_text("actor_id,alias\nSYR,Syria\n", encoding="utf-8")
    (package / "rules.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(mc, "DATA_DIR", data)
    monkeypatch.setattr(mc, "_PACKAGE_DIR", package)
    mc.inputs_digest.cache_clear()
    try:
        first = mc.inputs_digest()
        (data / "aliases.csv").write_text("actor_id,alias\nSYR,Syrie\n", encoding="utf-8")
        mc.inputs_digest.cache_clear()
        second = mc.inputs_digest()
        (package / "rules.py").write_text("X = 2\n", encoding="utf-8")
        mc.inputs_digest.cache_clear()
        assert len({first, second, mc.inputs_digest()}) == 3
    finally:
        mc.inputs_digest.cache_clear()
    plain = mc._cache_file(mc._options((), True), first)
    assert mc._cache_file(mc._options((), False), first) != plain
    assert mc._cache_file(mc._options(["demonym"], True), first) != plain
    assert (mc._cache_file(mc._options(["demonym", "demonym"], True), first)
            == mc._cache_file(mc._options(("demonym",), True), first))
    assert mc._cache_file(mc._options((), True), second) != plain  # other code: its own file, none replaced


def test_files_of_other_inputs_are_removed_only_when_unused_for_days(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOLIB_HOME", str(tmp_path))
    options = mc._options((), True)
    old, recent, current = (mc._cache_file(options, d) for d in ("a" * 64, "b" * 64, "c" * 64))
    other_options = mc._cache_file(mc._options((), False), "a" * 64)
    named_before = old.with_name(old.name.rsplit("-", 1)[0] + ".pickle")  # the name before the inputs' hash
    old.parent.mkdir(parents=True)
    for path in (old, recent, other_options, named_before):
        mc._write(path, "x", "a matcher")
    killed, writing = old.with_name("tmpkilled.tmp"), old.with_name("tmpwriting.tmp")
    killed.write_bytes(b"half a matcher")
    writing.write_bytes(b"half a matcher")
    days_ago = time.time() - (mc.KEEP_DAYS + 1) * 86400
    for path in (old, other_options, named_before, killed):
        os.utime(path, (days_ago, days_ago))
    mc._write(current, "c" * 64, "a matcher")
    assert not old.exists() and not named_before.exists() and not killed.exists()
    assert recent.exists() and current.exists() and writing.exists()
    assert other_options.exists()  # another set of options is not this file's to prune


def test_a_cached_matcher_on_disk_is_read_instead_of_built(tmp_path, monkeypatch, shared):
    monkeypatch.setenv("DIPLOLIB_HOME", str(tmp_path))
    monkeypatch.setattr(mc, "_IN_PROCESS", {})
    path = mc._cache_file(mc._options((), True), mc.inputs_digest())
    assert path.parent == tmp_path / "data" / "processed" / "_models"
    mc._write(path, mc.inputs_digest(), shared)

    def no_build(*args, **kwargs):
        raise AssertionError("the matcher was built although the cache holds it")

    monkeypatch.setattr(mc, "load_registry", no_build)
    read = mc.default_matcher()
    assert isinstance(read, ActorMatcher) and read is not shared
    assert mc.default_matcher() is read


def test_a_user_registry_gets_its_own_matcher(shared, monkeypatch):
    own = shared.registry  # a Registry, not a matcher: built anew, never shared
    built = []

    class Recorder(ActorMatcher):
        def __init__(self, registry, **options):
            built.append((registry, options))

    monkeypatch.setattr(mc, "ActorMatcher", Recorder)
    mc.as_matcher(own, roles=False)
    assert built == [(own, {"exclude_kinds": (), "roles": False})]


def test_reading_the_same_registry_files_again_gives_a_copy(tmp_path):
    first = load_registry()
    again = load_registry()
    assert again.aliases is not first.aliases
    pd.testing.assert_frame_equal(again.aliases, first.aliases)
    first.aliases.loc[0, "alias"] = "changed by the caller"
    assert load_registry().aliases.loc[0, "alias"] != "changed by the caller"
    (tmp_path / "actors.csv").write_text("actor_id,label,kind\nSYR,Syria,state\n", encoding="utf-8")
    mine = tmp_path / "aliases.csv"
    mine.write_text("actor_id,alias,lang,kind\nSYR,Souria,fr,name\n", encoding="utf-8")
    assert set(load_registry(tmp_path, include_default=False).aliases["alias"]) == {"Souria"}
    mine.write_text("actor_id,alias,lang,kind\nSYR,Soria,fr,name\n", encoding="utf-8")
    # the file changed: read again, not the copy of the last reading
    assert set(load_registry(tmp_path, include_default=False).aliases["alias"]) == {"Soria"}
