"""Property-based tests (hypothesis): whatever the bytes, shapes or archive layouts, ``load_records`` and
``load_articles`` return, and every input record is a record or an error row where the count is knowable."""

from __future__ import annotations

import csv
import io
import json
import tarfile
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplolib.load import load_articles, load_records

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SINGLE_DOC = [".txt", ".md", ".html"]
WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
MD_PIECES = st.sampled_from(["_", "__", "*", "**", "[", "](", ")", "![", "<", ">", "#", "`", "\\", "---", "\n", " ",
                             "a", "mot", "é", "سلام", "http://x", ":", "&", "*a*", "_b_"])


def _one_file(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@SETTINGS
@given(data=st.binary(max_size=2000), ext=st.sampled_from([*SINGLE_DOC, ".csv", ".tsv", ".jsonl"]))
def test_random_bytes_never_crash(tmp_path_factory, data, ext):
    path = _one_file(tmp_path_factory.mktemp("b"), f"x{ext}", data)
    records, errors = load_records(path)
    if ext in SINGLE_DOC:
        assert len(records) + len(errors) == 1
    articles, _ = load_articles(path)
    assert len(articles) >= 0


@SETTINGS
@given(rows=st.lists(st.tuples(WORDS, WORDS, st.sampled_from(["2016-01-02", "2015", "", "0001-01-01",
                                                                  "2016-03-27T02:30:00+01:00", "x"])),
                     max_size=12),
       extra=st.sampled_from(["byline", "text_match", "origin", "tag", "tag"]))
def test_csv_rows_are_records_or_errors(tmp_path_factory, rows, extra):
    buf = io.StringIO()
    writer = csv.writer(buf)  # "\r\n" line ends: fields holding \r or \n are quoted
    writer.writerow(["text", "date", extra, "tag"])
    for text, other, date in rows:
        writer.writerow([text, date, other, "t"])
    path = _one_file(tmp_path_factory.mktemp("c"), "x.csv", buf.getvalue().encode("utf-8"))
    records, errors = load_records(path)
    # every row is a record or an error row; or the whole file is one error (NUL bytes, binary-looking text)
    assert len(records) + len(errors) == len(rows) or (records.empty and len(errors) == 1)
    assert records.columns.is_unique
    articles, _ = load_articles(path)
    assert articles.columns.is_unique and len(articles) >= len(records)


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | WORDS,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(WORDS, inner, max_size=3),
                           max_leaves=8)


@SETTINGS
@given(objs=st.lists(st.dictionaries(st.sampled_from(["text", "title", "date", "lang", "byline", "id", "category",
                                                       "origin", "k"]), JSON_VALUES, max_size=6), max_size=8))
def test_jsonl_lines_are_records_or_errors(tmp_path_factory, objs):
    lines = [json.dumps(o) for o in objs]
    path = _one_file(tmp_path_factory.mktemp("j"), "x.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
    records, errors = load_records(path)
    if objs:
        assert len(records) + len(errors) == len(objs) or (len(records) == 0 and len(errors) == 1)
    articles, _ = load_articles(path)
    assert articles.columns.is_unique


@SETTINGS
@given(pieces=st.lists(MD_PIECES, max_size=300), front=st.sampled_from(["", "---\ntitle: T\n---\n",
                                                                       "---\na: &a [1]\nb: *a\n---\n",
                                                                       "---\n: :\n---\n"]))
def test_markdown_shapes_give_one_record_or_one_error(tmp_path_factory, pieces, front):
    path = _one_file(tmp_path_factory.mktemp("m"), "x.md", (front + "".join(pieces)).encode("utf-8"))
    records, errors = load_records(path)
    assert len(records) + len(errors) == 1


@SETTINGS
@given(pieces=st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<time datetime='9999-12-31'>", "<meta charset='x'>",
                                        "<meta charset='undefined'>", "<script>", "&amp;", "<!--", "-->", "texte ",
                                        "<article>", "<br>", "<title>", "</title>", "\x00"]), max_size=80))
def test_html_shapes_give_one_record_or_one_error(tmp_path_factory, pieces):
    path = _one_file(tmp_path_factory.mktemp("h"), "x.html", "".join(pieces).encode("utf-8"))
    records, errors = load_records(path)
    assert len(records) + len(errors) == 1


MEMBER = st.tuples(st.sampled_from(["", "./", "../", "/", "sub/", "./sub/", ".hidden/", "a//b/", "__MACOSX/"]),
                   st.sampled_from(["a", "b", "c", "é", ".x", "._a", "d.txt"]),
                   st.sampled_from([".txt", ".md", ".csv", ".bin", ""]))


@SETTINGS
@given(members=st.lists(MEMBER, max_size=8, unique=True), kind=st.sampled_from(["tgz", "zip"]))
def test_archive_layouts_lose_nothing(tmp_path_factory, members, kind):
    folder = tmp_path_factory.mktemp("a")
    doc = b"Title\n\nThe ministers met in Geneva to talk about humanitarian aid.\n"
    names = ["".join(m) for m in members]
    path = folder / f"x.{kind}"
    if kind == "zip":
        with zipfile.ZipFile(path, "w") as zf:
            for name in names:
                zf.writestr(name, doc)
    else:
        with tarfile.open(path, "w:gz") as tf:
            for name in names:
                info = tarfile.TarInfo(name)
                info.size = len(doc)
                tf.addfile(info, io.BytesIO(doc))
    records, errors = load_records(path)

    def skipped(name: str) -> bool:  # the documented litter: hidden folders, __MACOSX/, ._ resource forks
        parts = [p for p in name.split("/") if p]
        return (any(p.startswith(".") and p not in (".", "..") or p == "__MACOSX" for p in parts[:-1])
                or parts[-1].startswith("._"))

    assert len(records) + len(errors) == sum(1 for n in names if not skipped(n))


def test_hostile_corpus_loads_in_bounded_time_and_memory(tmp_path):
    """tests/hostile_corpus.py under its memory limit (RLIMIT_AS) and time limit: every file is an article or
    an error row (README, "Your own corpus")."""
    import subprocess
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    try:
        import hostile_corpus
    finally:
        sys.path.pop(0)
    if sys.platform == "win32":
        pytest.skip("RLIMIT_AS and named pipes are POSIX only")
    done = subprocess.run([sys.executable, str(Path(__file__).parent / "hostile_corpus.py"), str(tmp_path / "c")],
                          capture_output=True, text=True, timeout=hostile_corpus.TIME_LIMIT_S * 2)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["seconds"] < hostile_corpus.TIME_LIMIT_S
    codes = report["codes"]
    assert codes["not-a-file"] == 6 and codes["bad-front-matter"] == 1 and codes["bad-json"] == 1
    assert codes["too-large"] == 1 and codes["unreadable-archive"] == 2 and codes["bad-date"] == 2
    assert report["articles"] == 17 and report["errors"] == 18
