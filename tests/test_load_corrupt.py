"""A corrupt batch built in tmp_path: every input record ends as a record or an error row with the right
code."""

from __future__ import annotations

import io
import tarfile
import zipfile

import pandas as pd
import pytest

from diplolib.load import load_records
from diplolib.readers import read_records

GOOD_HTML = (
    b"<html><head><meta charset='utf-8'><title>Talks in Geneva</title></head><body><h1>Talks in Geneva</h1>"
    b"<p>Geneva, 12 May 2016 - The envoys met on Thursday to discuss a ceasefire in northern Syria and the "
    b"delivery of humanitarian aid to besieged towns.</p><p>Both sides said the talks were constructive and "
    b"agreed to meet again next week in the same format.</p></body></html>"
)
NO_MAIN_HTML = b"<html><head><title>Menu</title></head><body><div><a href='/'>Home</a></div></body></html>"
GOOD_MD = (
    "---\ntitle: Readout of a call\ndate: '2022-07-14'\n---\n"
    "The President spoke with the Prime Minister.\n\n\\###\n"
)
BROKEN_YAML = "---\ntitle: Readout: of a call: broken\ndate: [2022\n---\nBody text here.\n"
CSV_HEADER = "unit_id,article_title,article_content,source,date\n"

# file name -> (bytes, expected records, {error code: count})
CASES: dict[str, tuple[bytes, int, dict[str, int]]] = {
    "good.txt": (b"Headline\n\nFirst paragraph.\n\nSecond paragraph.\n", 1, {}),
    "cp1252.txt": (
        "Titre\n\nLe ministre a déclaré à la presse que la réunion était très importante.".encode("cp1252"),
        1,
        {},
    ),
    "utf16.txt": ("Titre\n\nLe président a reçu l’ambassadeur.".encode("utf-16"), 1, {}),
    "bom.txt": (b"\xef\xbb\xbfTitle\n\nBody with a BOM.", 1, {}),
    "bad_utf8.txt": (
        "Titre\n\nLe ministre a déclaré à la presse: ".encode() + b"\xff\xfe r\xe9union",
        0,
        {"decode": 1},
    ),
    "nul.txt": (
        b"Title\n\nSome text\x00 with a NUL byte inside it, which should not be here.",
        0,
        {"nul-bytes": 1},
    ),
    "empty.txt": (b"", 0, {"empty": 1}),
    "blank.md": (b"  \n\n  ", 0, {"empty": 1}),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, 0, {"binary": 1}),
    "huge.txt": (b"Title\n" + b"x" * 5_000_000, 0, {"too-large": 1}),
    "news.csv": (
        (
            CSV_HEADER + '1,A,"Body one",sana,4/5/2017\n2,B\n3,C,"Body three",tass,not a date\n'
            '4,D,"Body four",reuters,4/7/2017,extra\n5,E,,sana,4/8/2017\n6,F,"Body six",sana,4/9/2017\n'
            '7,G,"Unterminated body'
        ).encode(),
        2,
        {"truncated-row": 2, "bad-date": 1, "extra-fields": 1, "empty": 1},
    ),
    "renamed.csv": (b"id,headline,body_text\n1,A,Text\n", 0, {"missing-column": 1}),
    "page.html": (GOOD_HTML, 1, {}),
    "menu.html": (NO_MAIN_HTML, 0, {"no-main-text": 1}),
    "good.md": (GOOD_MD.encode(), 1, {}),
    "broken.md": (BROKEN_YAML.encode(), 0, {"bad-front-matter": 1}),
    "baddate.md": (b"---\ntitle: T\ndate: the day after tomorrow\n---\nBody.\n", 0, {"bad-date": 1}),
    "docs.jsonl": (
        b'\xef\xbb\xbf{"title": "A", "text": "Alpha"}\n{"title": "B", "text": "Be\n'
        b'{"title": "C", "text": "Gamma"}\n'
        b'[1, 2]\n{"title": "D"}\n',
        2,
        {"bad-json": 1, "not-an-object": 1, "missing-column": 1},
    ),
    "notes.xyz": (b"some notes", 0, {"unknown-format": 1}),
}
ARCHIVE_MEMBERS = ["good.txt", "nul.txt", "page.html", "broken.md", "news.csv"]


def _expected(names):
    n_records = sum(CASES[n][1] for n in names)
    codes: dict[str, int] = {}
    for n in names:
        for code, k in CASES[n][2].items():
            codes[code] = codes.get(code, 0) + k
    return n_records, codes


@pytest.fixture
def corrupt_dir(tmp_path):
    root = tmp_path / "batch"
    (root / "sub").mkdir(parents=True)
    for name, (data, _, _) in CASES.items():
        (root / name).write_bytes(data)
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + bytes(100))
    (root / "sub" / "._good.txt").write_bytes(b"\x00\x05\x16\x07 resource fork")
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name in ARCHIVE_MEMBERS:
            info = tarfile.TarInfo(f"inner/{name}")
            info.size = len(CASES[name][0])
            tf.addfile(info, io.BytesIO(CASES[name][0]))
    (root / "sub" / "bundle.tar.gz").write_bytes(buf.getvalue())
    with zipfile.ZipFile(root / "sub" / "bundle.zip", "w") as zf:
        for name in ARCHIVE_MEMBERS:
            zf.writestr(f"inner/{name}", CASES[name][0])
        zf.writestr("__MACOSX/._x", b"junk")
    (root / "sub" / "broken.tar.xz").write_bytes(b"\xfd7zXZ\x00\x00 not really xz")
    return root


def _snapshot(root):
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_corrupt_batch_loses_nothing(corrupt_dir):
    before = _snapshot(corrupt_dir)
    records, errors = read_records(corrupt_dir)
    n_top, codes = _expected(CASES)
    n_arch, codes_arch = _expected(ARCHIVE_MEMBERS)
    for code, k in codes_arch.items():
        codes[code] = codes.get(code, 0) + 2 * k
    codes["unreadable-archive"] = 1
    assert len(records) == n_top + 2 * n_arch
    assert errors["error"].value_counts().to_dict() == codes
    assert _snapshot(corrupt_dir) == before, "raw files must only be read"
    assert not records["origin"].duplicated().any()
    assert not errors["origin"].str.contains("DS_Store|\\._good|__MACOSX").any()
    assert errors["message"].str.len().min() > 40  # every error says what to do


def test_every_input_record_accounted_for(corrupt_dir):
    """Input records = records + errors: the CSV's 7 data rows and the JSONL's 5 lines all appear once."""
    records, errors = read_records(corrupt_dir / "news.csv")
    origins = set(records["origin"]) | set(errors["origin"])
    assert origins == {f"news.csv:row {i}" for i in range(1, 8)}
    records, errors = read_records(corrupt_dir / "docs.jsonl")
    assert sorted(records["origin"]) == ["docs.jsonl:line 1", "docs.jsonl:line 3"]
    assert sorted(errors["origin"]) == ["docs.jsonl:line 2", "docs.jsonl:line 4", "docs.jsonl:line 5"]


def test_archive_origins(corrupt_dir):
    records, errors = read_records(corrupt_dir / "sub" / "bundle.tar.gz")
    assert "bundle.tar.gz!inner/good.txt" in set(records["origin"])
    assert "bundle.tar.gz!inner/news.csv:row 1" in set(records["origin"])
    assert errors.set_index("origin").loc["bundle.tar.gz!inner/nul.txt", "error"] == "nul-bytes"
    _, errors = read_records(corrupt_dir / "sub" / "broken.tar.xz")
    assert errors["error"].tolist() == ["unreadable-archive"]


@pytest.mark.parametrize(
    "name, code, fix",
    [
        ("bad_utf8.txt", "decode", "encoding_errors='replace'"),
        ("nul.txt", "nul-bytes", "encoding_errors='replace'"),
        ("huge.txt", "too-large", "max_text_chars=None"),
        ("renamed.csv", "missing-column", "columns={'text'"),
        ("broken.md", "bad-front-matter", "quote values"),
        ("baddate.md", "bad-date", "on_bad_date='keep'"),
        ("menu.html", "no-main-text", "remove it"),
    ],
)
def test_error_messages_name_the_fix(corrupt_dir, name, code, fix):
    _, errors = read_records(corrupt_dir / name)
    assert errors["error"].tolist() == [code]
    assert fix in errors["message"].iloc[0]


@pytest.mark.parametrize(
    "name, options, column, expected",
    [
        ("bad_utf8.txt", {"encoding_errors": "replace"}, "text", "\ufffd"),
        ("nul.txt", {"encoding_errors": "replace"}, "text", "Some text with a NUL"),
        ("huge.txt", {"max_text_chars": None}, "text", "xxxxx"),
        ("renamed.csv", {"columns": {"text": "body_text", "title": "headline"}}, "title", "A"),
        ("baddate.md", {"on_bad_date": "keep"}, "published_raw", "the day after tomorrow"),
        ("cp1252.txt", {}, "text", "déclaré à la presse"),
        ("utf16.txt", {}, "text", "l’ambassadeur"),
        ("bom.txt", {}, "title", "Title"),
    ],
)
def test_the_suggested_fix_works(corrupt_dir, name, options, column, expected):
    records, errors = read_records(corrupt_dir / name, **options)
    assert errors.empty and len(records) == 1
    assert expected in str(records[column].iloc[0])


def test_bad_csv_dates_can_be_kept(corrupt_dir):
    records, errors = read_records(corrupt_dir / "news.csv", on_bad_date="keep")
    assert "bad-date" not in set(errors["error"])
    row = records.set_index("origin").loc["news.csv:row 3"]
    assert pd.isna(row["published"]) and row["published_raw"] == "not a date"


def test_declared_encoding_is_strict(corrupt_dir):
    _, errors = read_records(corrupt_dir / "cp1252.txt", encoding="utf-8")
    assert errors["error"].tolist() == ["decode"]
    records, _ = read_records(corrupt_dir / "cp1252.txt", encoding="cp1252")
    assert "déclaré" in records["text"].iloc[0]


def test_missing_path_and_unknown_format_raise_at_once(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        read_records(tmp_path / "nowhere")
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        read_records(tmp_path, format="pdf")
    with pytest.raises(TypeError, match="unknown reader option"):
        read_records(tmp_path, colums={"text": "x"})


def test_load_records_is_the_raw_layer(corrupt_dir):
    result = load_records(corrupt_dir / "news.csv", columns={"text": "article_content"})
    records, errors = result
    assert result.articles is records and result.errors is errors
    assert len(records) + len(errors) == 7


def test_load_articles_end_to_end(corrupt_dir):
    pytest.importorskip("diplolib.normalize", reason="diplolib.normalize not written yet")
    from diplolib import normalize

    if not hasattr(normalize, "normalize_articles"):
        pytest.skip("diplolib.normalize.normalize_articles not available yet")
    from diplolib.load import load_articles

    records, raw_errors = read_records(corrupt_dir)
    articles, errors = load_articles(corrupt_dir)
    assert errors.equals(raw_errors)
    assert set(articles["origin"]) <= set(records["origin"])
    assert len(articles) >= len(records) - records["text"].str.strip().eq("").sum()
