"""load_articles takes the readers' records a few files at a time (CHUNK_RECORDS): its tables are exactly those of
all records at once (load_records + to_articles), whatever the chunk size, metadata types included."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import diplolib.load as load_mod
from diplolib import paths
from diplolib.load import load_articles, load_records, to_articles
from diplolib.readers import read_records, register_reader
from diplolib.readers.base import READERS
from diplolib.readers.walk import iter_record_chunks


def one_pass(path, /, **options):
    """The reference: the raw records of the whole source, then the one tail."""
    published = options.pop("published", None)
    records, errors = load_records(path, **options)
    return to_articles(records, published=published, tz=options.get("tz")), errors


def assert_same_as_one_pass(path, monkeypatch, /, sizes=(1, 7, 10**9), **options):
    want_articles, want_errors = one_pass(path, **dict(options))
    for size in sizes:
        monkeypatch.setattr(load_mod, "CHUNK_RECORDS", size)
        articles, errors = load_articles(path, **dict(options))
        pd.testing.assert_frame_equal(articles, want_articles, check_exact=True)
        pd.testing.assert_frame_equal(errors, want_errors, check_exact=True)
    # without text_match (duplicates from each chunk's signatures): the same table less that column
    monkeypatch.setattr(load_mod, "CHUNK_RECORDS", sizes[0])
    articles, errors = load_articles(path, text_match=False, **dict(options))
    pd.testing.assert_frame_equal(articles, want_articles.drop(columns="text_match"), check_exact=True)
    pd.testing.assert_frame_equal(errors, want_errors, check_exact=True)
    return want_articles, want_errors


def raw(name: str, *parts: str):
    path = paths.raw_dir(name).joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus {name} is not in data/raw: run 'diplolib data fetch {name}'")
    return path


@pytest.mark.parametrize("name, sub, options, at_least", [
    ("wikinews-fr", "documents", {"format": "html", "source": "wikinews", "lang": "fr"}, 100),
    ("re3d", "", {"format": "jsonl", "include": "*/documents.json", "lang": "en"}, 50),
    ("sib200", "", {"preset": "sib200", "format": "csv", "include": ["fra_Latn/*.tsv", "arb_Arab/*.tsv"]}, 1000),
    ("sana-fr", "", {"format": "page", "include": "*.txt", "published": "2016-02-10"}, 2),
])
def test_sample_corpora_in_chunks_equal_one_pass(name, sub, options, at_least, monkeypatch):
    articles, _ = assert_same_as_one_pass(raw(name, sub) if sub else raw(name), monkeypatch, sizes=(1, 7),
                                          **options)
    assert len(articles) >= at_least


def test_markdown_folder_with_tz_in_chunks(monkeypatch):
    folder = raw("wh-readouts")
    first = sorted(p for p in folder.iterdir() if p.is_dir())[0]
    articles, _ = assert_same_as_one_pass(first, monkeypatch, sizes=(1, 4), format="markdown", include="*.md",
                                          tz="America/New_York")
    assert len(articles) >= 10 and str(articles["published"].dt.tz) == "America/New_York"


@pytest.fixture
def hostile_jsonl(tmp_path):
    """Files whose metadata types differ between files: one chunk alone would type them otherwise."""
    rows = {
        "a.jsonl": [{"text": "Le ministre a parlé à Damas.", "n": 1, "x": 1, "tags": ["a", "b"], "mixed": 3,
                     "credits": "c1", "meta_credits": "m1", "flag": True},
                    {"text": "The envoy met the minister in Geneva.", "n": 2, "x": 2, "tags": ["c"], "mixed": 4,
                     "flag": False, "obj": {"k": [1, 2]}}],
        "b.jsonl": [{"text": "Second file, first record about Syria.", "n": 3, "x": 2.5, "tags": None,
                     "mixed": "three", "flag": True},
                    {"text": "Le ministre a parlé à Damas.", "n": 4, "x": 3, "tags": [], "late": [1, None]}],
        "c.jsonl": [{"text": "Third file: only core fields, and a date.", "date": "2016-02-14"},
                    {"text": "bad json follows"}],
        "d.jsonl": [{"text": "Ints again.", "n": 5, "x": 1, "mixed": 5.0, "late": None, "flag": 1}],
    }
    for name, records in rows.items():
        lines = [json.dumps(r, ensure_ascii=False) for r in records]
        if name == "c.jsonl":
            lines.insert(1, '{"text": "cut')
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_metadata_types_decided_over_all_chunks(hostile_jsonl, monkeypatch):
    articles, errors = assert_same_as_one_pass(hostile_jsonl, monkeypatch, sizes=(1, 2, 3, 10**9))
    assert errors["error"].tolist() == ["bad-json"]
    # numbers in the first two files, none in the third: text (numeric only when every record has a number)
    assert articles["n"].dtype == "string" and articles["x"].dtype == "string"
    assert articles["n"].tolist() == ["1", "2", "3", "4", pd.NA, pd.NA, "5"]
    assert articles["x"].tolist()[:4] == ["1", "2", "2.5", "3"]  # the ints stay "1", not "1.0"
    assert articles["mixed"].tolist()[:3] == ["3", "4", "three"]
    assert articles["tags"].tolist()[:4] == [["a", "b"], ["c"], None, []]  # every present value a list
    assert articles["meta_credits"].tolist()[0] == "c1" and articles["meta_meta_credits"].tolist()[0] == "m1"


def test_numbers_in_every_chunk_stay_numeric(tmp_path, monkeypatch):
    for i in range(4):
        (tmp_path / f"f{i}.jsonl").write_text(json.dumps({"text": f"Record {i} about Syria.", "n": i,
                                                          "w": i + 0.5}) + "\n")
    articles, _ = assert_same_as_one_pass(tmp_path, monkeypatch, sizes=(1, 3))
    assert articles["n"].dtype == "int64" and articles["w"].dtype == "float64"


def test_csv_tables_and_files_mixed_in_chunks(tmp_path, monkeypatch):
    (tmp_path / "a.csv").write_text("title,text,date,kind\nT1,Body one about Syria.,2016-02-14,x\n"
                                    "T2,Body two about Iraq.,2016-03-01,\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Headline B\n\nDamascus, SANA - The minister met the envoy.\n")
    (tmp_path / "c.csv").write_text('title,text\n"T3","A ""quoted"" body."\nbroken,row,extra,fields\n')
    (tmp_path / "d.txt").write_bytes(b"")
    articles, errors = assert_same_as_one_pass(tmp_path, monkeypatch, sizes=(1, 2, 10**9))
    assert len(articles) == 4 and set(errors["error"]) == {"extra-fields", "empty"}


def test_date_strings_of_one_file_in_two_chunks_fall_back_to_one_pass(tmp_path, monkeypatch):
    """A reader that gives date strings, and two files whose origins share a file part (``x.dat`` and
    ``x.dat:row...``): the day-first order of that file is read from all its strings, as in one pass."""
    def read_dated(data: bytes, *, origin: str) -> tuple[list[dict], list[dict]]:
        recs = []
        for i, line in enumerate(data.decode().splitlines(), 1):
            date, text = line.split("|")
            recs.append({"origin": f"{origin.removesuffix('.more')}:row {i}", "source": "", "title": None,
                         "text": text, "url": None, "published": date, "lang": None, "format": "dated"})
        return recs, []

    register_reader("dated-test", read_dated, extensions=(".dat", ".more"))
    try:
        (tmp_path / "x.dat").write_text("03/04/2016|The minister spoke.\n")
        (tmp_path / "x.dat.more").write_text("25/04/2016|The envoy answered.\n")
        articles, _ = assert_same_as_one_pass(tmp_path, monkeypatch, sizes=(10**9,))  # one chunk: no fallback
        fallbacks = []
        monkeypatch.setattr(load_mod, "read_records", lambda *a, **k: fallbacks.append(1) or read_records(*a, **k))
        monkeypatch.setattr(load_mod, "CHUNK_RECORDS", 1)
        pd.testing.assert_frame_equal(load_articles(tmp_path)[0], articles, check_exact=True)
        assert fallbacks == [1]  # two chunks: the records read again, all at once
    finally:
        READERS.pop("dated-test")
    # one file (x.dat) writes days first: 03/04 is 3 April, read with the 25/04 of the other chunk
    assert articles["published"].dt.strftime("%Y-%m-%d").tolist() == ["2016-04-03", "2016-04-25"]


def test_chunks_hold_whole_files(hostile_jsonl):
    chunks = list(iter_record_chunks(hostile_jsonl, chunk_rows=2))
    sizes = [[len(p) for p in parts] for parts, _ in chunks]
    assert sizes == [[2], [2], [2], [1]]  # each file alone reaches 2 records, except the last
    assert [len(e) for _, e in chunks] == [0, 0, 1, 0]
    with pytest.raises(ValueError, match="chunk_rows"):
        next(iter_record_chunks(hostile_jsonl, chunk_rows=0))


def test_no_records_at_all(tmp_path, monkeypatch):
    (tmp_path / "empty.txt").write_bytes(b"")
    articles, errors = assert_same_as_one_pass(tmp_path, monkeypatch, sizes=(1,))
    assert len(articles) == 0 and errors["error"].tolist() == ["empty"]


def test_text_match_is_the_matching_form_of_text():
    """What load_articles(text_match=False) relies on to make the near-duplicate candidates' forms again."""
    from diplolib.normalize.columnar import matching_forms

    for name, sub, options in [("wikinews-fr", "documents", {"format": "html", "lang": "fr"}),
                               ("re3d", "", {"format": "jsonl", "include": "*/documents.json"})]:
        articles, _ = load_articles(raw(name, sub) if sub else raw(name), **options)
        assert len(articles) >= 50
        want = articles["text_match"].tolist()
        assert matching_forms(articles["text"].tolist()) == want


def test_duplicates_across_chunks_without_text_match(tmp_path, monkeypatch):
    """Exact copies (also in another case: same matching form), a near copy and a short body, each in its own
    file: chunks of one record flag them as one pass over text_match does."""
    words = ("the foreign minister met the special envoy in geneva on tuesday to discuss the ceasefire in "
             "aleppo and the delivery of humanitarian aid to the besieged districts of the city while the security "
             "council prepared a resolution on the withdrawal of armed groups from the eastern neighbourhoods and "
             "the release of detainees held by both sides since the spring").split()
    near = list(words)
    near[5] = "representative"
    bodies = [" ".join(words), "A short note.", " ".join(words).upper(), " ".join(near), "A short note.",
              " ".join(reversed(words))]
    for i, body in enumerate(bodies):
        (tmp_path / f"{i}.jsonl").write_text(json.dumps({"id": f"d{i}", "text": body}) + "\n")
    want, _ = assert_same_as_one_pass(tmp_path, monkeypatch, sizes=(1, 10**9), format="jsonl",
                                      columns={"article_id": "id"})
    assert want["duplicate_of"].fillna("-").tolist() == ["-", "-", "d0", "d0", "d1", "-"]
