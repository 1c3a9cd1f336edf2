"""The chunk passes of loading give the per-text reference's values: the cleaners, the matching form and the
duplicate key over concatenated texts (``normalize.columnar``), the text steps once per distinct (title, text)
(``normalize.bodies``), and the articles table built with them."""

from __future__ import annotations

import pandas as pd
import pytest
from suite_cache import corpus_records

import diplolib.normalize.articles as articles_mod
import diplolib.normalize.columnar as columnar_mod
from diplolib import datasets
from diplolib.normalize import normalize_articles
from diplolib.normalize.articles_reference import chunk_table_reference
from diplolib.normalize.bodies import Body, chunk_bodies, split_record
from diplolib.normalize.columnar import clean_texts, duplicate_keys, matching_forms
from diplolib.normalize.duplicates import duplicate_key
from diplolib.normalize.matching import matching_form
from diplolib.normalize.text import clean_text, count_replacement_chars

CORPORA = ["fa-kes", "sana-fr", "wikinews-fr", "wh-readouts", "kremlin-en", "sib200", "re3d"]
TABLE_CORPORA = ["fa-kes", "sana-fr", "wikinews-fr", "wh-readouts"]

HOSTILE = [
    None, "", " ", "\n\n\n", "a\r\nb\r\n\r\n\r\nc", "\u0301e\u0301", "e", "\u0301", "l'", "'EI", "l\u2019", "\u2019x",
    "\u00ab\u00a0non\u00a0\u00bb", "\u00bb", "\u00ab", " \u00a0 x \u2029 y\u2028z\x85", "\ufeff\u200bA\u00adB",
    "".join(chr(c) for c in range(0xE000, 0xE100)) + " \u00e9", "~|^{}#@$<>[]\\ ascii `quote` L'A", "\x00\x1f\x7f\t\x0b",
    "STRASSE Stra\u00dfe \u0130stanbul \u1fef", "\u0627\u0644\u0652\u0639\u064e\u0631\u064e\u0628\u0650\u064a\u0651\u0629 \u0660\u0661",
    "\U0001d400\U0001f600 x\u0300", "qu'il jusqu'\u00e0 aujourd'hui", "  lead and trail  ", "d' ", "_'a",
]


def _records(name: str) -> pd.DataFrame:
    if not datasets.is_fetched(name):
        pytest.skip(f"corpus {name} is not in data/raw (run 'make data')")
    return corpus_records(name)  # datasets.read_corpus's records, read once per run (tests/suite_cache.py)


def _check_lists(texts: list) -> None:
    cleaned = clean_texts(texts)
    assert cleaned == [clean_text(t) for t in texts]
    forms = matching_forms(cleaned + texts)
    assert forms == [matching_form(t) for t in cleaned + texts]
    assert duplicate_keys(forms + texts) == [duplicate_key(t) if isinstance(t, str) else "" for t in forms + texts]


@pytest.mark.parametrize(("name", "batch"), [*((n, None) for n in CORPORA), ("fa-kes", 300), ("sana-fr", 300)])
def test_columnar_equals_per_text(name, batch, monkeypatch):
    records = _records(name)
    if batch is not None:  # many small batches: texts at every position of a batch
        monkeypatch.setattr(columnar_mod, "BATCH_CHARS", batch)
    _check_lists(records["text"].tolist() + records["title"].tolist())


@pytest.mark.parametrize("batch", [1, 7, 10**6])
def test_columnar_hostile(batch, monkeypatch):
    monkeypatch.setattr(columnar_mod, "BATCH_CHARS", batch)
    # every order of neighbours: each string next to each other one
    texts = [a for x in HOSTILE for a in (x, *HOSTILE)]
    _check_lists(texts)


def test_columnar_falls_back_when_every_separator_occurs():
    every = "".join(chr(c) for c in range(0xE000, 0xE100)) + "\u00e9  x"
    every_ascii = "~|^{}#@$<>[]\\  X"
    assert clean_texts([every, every_ascii]) == [clean_text(every), clean_text(every_ascii)]
    assert matching_forms([every, every_ascii]) == [matching_form(every), matching_form(every_ascii)]


def _reference_bodies(titles, texts, on):
    """The text steps record by record with the per-text functions (no distinct pairs, no chunk passes)."""
    bodies = []
    for title, text in zip(titles, texts, strict=True):
        raw_title = title if isinstance(title, str) else None
        raw_text = text if isinstance(text, str) else ""
        t = (clean_text(raw_title) or None) if "clean" in on and raw_title else raw_title
        x = clean_text(raw_text) if "clean" in on else raw_text
        try:
            parts = split_record(t, x, on)
        except Exception:
            parts = [{"title": t, "text": x, "byline": None, "dateline": None, "credits": None}]
        for p in parts:
            p["text_match"] = matching_form(p["text"])
        bodies.append(Body(count_replacement_chars(raw_title) + count_replacement_chars(raw_text), parts))
    return list(range(len(bodies))), bodies


@pytest.mark.parametrize("name", TABLE_CORPORA)
def test_articles_table_equals_record_by_record(name, monkeypatch):
    records = _records(name)
    records = pd.concat([records, records.iloc[::-1]], ignore_index=True)  # every record twice
    fast = normalize_articles(records)
    monkeypatch.setattr(articles_mod, "chunk_bodies", _reference_bodies)
    reference = normalize_articles(records)
    pd.testing.assert_frame_equal(fast, reference, check_exact=True)


def test_chunk_bodies_once_per_distinct_pair():
    codes, bodies = chunk_bodies(["T", None, "T", "T", float("nan")], ["a", "a", "a", "b\ufffd", None],
                                 frozenset({"clean"}))
    assert codes == [0, 1, 0, 2, 3]
    assert [b.parts[0]["text"] for b in bodies] == ["a", "a", "b\ufffd", ""]
    assert [b.n_bad for b in bodies] == [0, 0, 1, 0]
    assert [b.parts[0]["title"] for b in bodies] == ["T", None, "T", None]


def _hostile_records() -> pd.DataFrame:
    """Records exercising every per-record rule of the articles table: missing and repeated origins, the source's
    own ids (repeated, blank, NA), metadata dates as strings, Timestamps, NA and junk, given precisions, ``lang``
    hints, datelines, several dispatches per page, U+FFFD, extra metadata."""
    body = "Damas-SANA / Le ministre a dit : oui.\n\nM.A./ H.S."
    long = ("Le ministre a rappel\u00e9 la position de son pays sur la crise syrienne et a appel\u00e9 \u00e0 la "
            "reprise rapide du dialogue.")
    two = f"{long}\n\nLe pr\u00e9sident re\u00e7oit une d\u00e9l\u00e9gation parlementaire\n\nDamas-SANA / {long}"
    texts = [body, two, "Short \ufffd text.", body, "", None, two, "Moscow, 12 June 2014 - Text.", body, "x"]
    n = len(texts)
    return pd.DataFrame({
        "origin": ["a.txt", "b.csv:row1", None, "a.txt", "", "b.csv:row2", "b.csv:row1", float("nan"), "c", "c"],
        "source": ["sana", None, "afp", "sana", "", "x", None, "y", "z", "z"],
        "title": ["Titre", None, "T\ufffd", "Titre", None, "", "Other", "Moscow", float("nan"), "x"],
        "text": texts,
        "url": [None, "http://x", None, "u", "u", None, None, "", "v", "v"],
        "published": ["2015-03-02", None, "2015", "02/03/2015", "junk", pd.Timestamp("2014-06-12", tz="UTC"),
                      float("nan"), "mars 2015", pd.Timestamp("2020-01-01 10:00"), "2015-03-02"],
        "lang": ["fr", None, "EN", "fr", None, "ar-SY", "de_CH", None, "fr", "fr"],
        "article_id": ["id1", None, " ", "id1", pd.NA, "id2", "id1", None, "id3", "id3"],
        "published_precision": [None, None, "month", "", None, "day", None, None, "year", None],
        "extra": list(range(n)),
    })


@pytest.mark.parametrize("steps", [None, ("clean", "split", "dateline"), ("clean",)])
@pytest.mark.parametrize("published", [None, "2001-02-03", {"b.csv": "1999-12-31", "a.txt": "15 mars 2001"}])
def test_columns_table_equals_row_by_row_hostile(steps, published, monkeypatch):
    records = _hostile_records()
    fast = normalize_articles(records, steps=steps, published=published, tz="Asia/Damascus")
    monkeypatch.setattr(articles_mod, "_chunk_table", chunk_table_reference)
    reference = normalize_articles(records, steps=steps, published=published, tz="Asia/Damascus")
    pd.testing.assert_frame_equal(fast, reference, check_exact=True)
    if steps is None or "split" in steps:
        assert len(fast) == len(records) + 2  # two pages gave two dispatches each
    assert fast["published"].notna().sum() >= (4 if steps is None or published else 2)  # Timestamps need no step


@pytest.mark.parametrize("name", [*TABLE_CORPORA, "sib200"])
def test_columns_table_equals_row_by_row(name, monkeypatch):
    records = _records(name)
    records = pd.concat([records, records.iloc[::-1]], ignore_index=True)  # ids of repeated origins
    monkeypatch.setattr(articles_mod, "CHUNK_ROWS", 997)  # several chunks: ids and dates across chunks
    fast = normalize_articles(records)
    monkeypatch.setattr(articles_mod, "_chunk_table", chunk_table_reference)
    reference = normalize_articles(records)
    pd.testing.assert_frame_equal(fast, reference, check_exact=True)


def test_columns_table_datetime_column_equals_row_by_row(monkeypatch):
    """A ``published`` column of datetimes (the CSV reader's) is converted once per distinct value."""
    records = _records("fa-kes").iloc[:300].reset_index(drop=True)
    stamps = pd.to_datetime(pd.Series(["2013-05-01 00:00", None, "2016-02-29 23:30"] * 100), utc=True)
    records["published"] = stamps.dt.tz_convert("Europe/Paris")
    fast = normalize_articles(records, tz="Asia/Damascus")
    monkeypatch.setattr(articles_mod, "_chunk_table", chunk_table_reference)
    reference = normalize_articles(records, tz="Asia/Damascus")
    pd.testing.assert_frame_equal(fast, reference, check_exact=True)
    given = stamps.notna().to_numpy()  # the others fall back to the body's dateline, when it has one
    assert (fast["published"][given] == stamps[given]).all() and given.sum() == 200
