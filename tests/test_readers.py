"""The readers on the real sample corpora in data/raw (skipped with a reason when a corpus is absent),
plus small in-code cases for each reader and the registry."""

from __future__ import annotations

import io
import tarfile

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suite_cache import corpus_records

from diplolib import paths
from diplolib.datasets import read_corpus
from diplolib.readers import READERS, RECORD_COLUMNS, ReadError, read_records, reader_for, register_reader
from diplolib.readers.delimited import read_csv
from diplolib.readers.encoding import decode
from diplolib.readers.html import read_html
from diplolib.readers.markdown import read_markdown, strip_markdown
from diplolib.readers.page import read_page


def need(name: str, *parts: str):
    path = paths.raw_dir(name).joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"corpus {name} is not in data/raw ({'/'.join(parts) or 'folder'} missing): "
            f"run 'diplolib data fetch {name}'"
        )
    return path


def check_records(records: pd.DataFrame, errors: pd.DataFrame, n: int) -> None:
    assert list(records.columns[: len(RECORD_COLUMNS)]) == RECORD_COLUMNS
    assert errors.empty, errors.head().to_dict("records")
    assert len(records) == n
    assert records["origin"].is_unique
    assert records["text"].str.strip().ne("").all()


# ---------------------------------------------------------------- real corpora


def test_sana_page():
    need("sana-fr")
    records, errors = read_corpus("sana-fr", fetch_missing=False)
    check_records(records, errors, 1)
    row = records.iloc[0]
    assert row["title"].startswith("Lavrov et Kerry s’accordent")
    assert row["text"].startswith("Moscou/Le ministre russe")
    # the page is kept whole: the second dispatch, the signature and "Check Also" are normalize's job
    assert "Lavrov : La victoire sur le réseau terroriste ”Daech” est proche" in row["text"]
    assert "D.H./ L.A. / A. Chatta\n\nCheck Also" in row["text"]
    assert row["text"].count("\n\n") >= 10 and (row["source"], row["lang"]) == ("sana", "fr")


def test_fa_kes_csv_preset():
    need("fa-kes", "FA-KES-Dataset.csv")
    records, errors = read_corpus("fa-kes", fetch_missing=False)
    check_records(records, errors, 804)
    assert records["source"].value_counts()["sana"] == 56
    assert records["published"].dt.tz is not None
    assert records["published"].min().year == 2011 and records["published"].max().year == 2018
    assert {"unit_id", "location", "labels"} <= set(records.columns)
    assert set(records["labels"]) == {0, 1}
    # valid UTF-8 with 123 U+FFFD already in it; never read as latin-1
    assert records["text"].str.count("\ufffd").sum() + records["title"].str.count("\ufffd").sum() == 123
    assert not records["text"].str.contains("ï¿½").any()


def test_wikinews_html():
    need("wikinews-fr", "documents")
    records, errors = read_corpus("wikinews-fr", fetch_missing=False)
    check_records(records, errors, 100)
    first = records.set_index("origin").loc["documents/43971.html"]
    assert first["title"] == "États-Unis : Lancement réussi pour Space X Dragon"
    assert first["text"].startswith("La fusée Falcon 9")  # the <h2> lead is kept
    assert "\n\n22 mai 2012. - Prévu initialement" in first["text"]
    assert records["keyphrases"].notna().all()
    assert "spacex" in first["keyphrases"]


def test_wh_readouts_markdown():
    need("wh-readouts")
    records, errors = read_corpus("wh-readouts", fetch_missing=False)
    check_records(records, errors, 1412)
    assert records["published"].dt.year.value_counts().sort_index().to_dict() == {
        2021: 279,
        2022: 377,
        2023: 408,
        2024: 321,
        2025: 27,
    }
    assert {"tags", "modified_time", "source_url"} <= set(records.columns)
    assert not records["text"].str.contains(r"\\###|\]\(http|^\s*[-*] ", regex=True).any()
    assert records["title"].str.startswith("Readout").mean() > 0.95


def test_re3d_jsonl():
    need("re3d")
    records, errors = read_corpus("re3d", fetch_missing=False)
    check_records(records, errors, 90)
    assert records["_id"].is_unique and records["_id"].str.fullmatch(r"[0-9A-F]{32}").all()
    assert records["source"].value_counts().to_dict()["CENTCOM"] == 23
    assert "BBC Online" not in set(records["source"])


def test_sib200_tsv():
    need("sib200", "fra_Latn")
    records, errors = read_corpus("sib200", fetch_missing=False)
    check_records(records, errors, 3 * 1004)
    assert records["lang"].value_counts().to_dict() == {"ar": 1004, "en": 1004, "fr": 1004}
    per_lang = records.pivot_table(index="index_id", columns="lang", values="category", aggfunc="first")
    assert (per_lang["fr"] == per_lang["ar"]).all() and (per_lang["fr"] == per_lang["en"]).all()
    assert records["category"].value_counts()["politics"] == 3 * 146


@pytest.mark.slow
def test_kremlin_html():
    need("kremlin-en", "index.derived.csv")
    records, errors = read_corpus("kremlin-en", fetch_missing=False)
    check_records(records, errors, 7235)
    assert records["page_id"].is_unique
    assert int(records["telephone"].sum()) == 648 and int(records["syria"].sum()) == 480
    index = pd.read_csv(paths.raw_dir("kremlin-en") / "index.derived.csv")
    dates = records.set_index("page_id")["published"].dt.strftime("%Y-%m-%d")
    assert (dates.reindex(index["id"]).to_numpy() == index["date"].to_numpy()).mean() > 0.99
    obama = records.set_index("page_id").loc[51312]
    assert (
        " ".join(obama["title"].split())
        == "Telephone conversation with President of the United States Barack Obama"
    )
    assert obama["text"].startswith("At\xa0the\xa0USA’s initiative")  # the lead, NO-BREAK SPACEs kept
    assert obama["text"].endswith("was frank and\xa0constructive.")
    for menu in ("See also", "Geography", "Topics", "Persons", "Contact", "All content on this site"):
        assert menu not in obama["text"]
    # the article block is read directly; headline-only items (an empty block, no lead) keep their title
    how = records["extractor"].value_counts()
    assert how["entry-content"] > 0.95 * len(records) and how.get("trafilatura", 0) < 0.01 * len(records)
    headline_only = records[records["extractor"] == "title-only"]
    assert (headline_only["text"] == headline_only["title"]).all()
    assert records.set_index("page_id").loc[33541, "extractor"] == "title-only"
    assert not records["text"].str.contains("Official Website of the President").any()
    corpus_records("kremlin-en", fresh=records)  # kept for the other files that need these records


@pytest.mark.slow
def test_ungdc_filename():
    need("ungdc")
    records, errors = read_corpus("ungdc", fetch_missing=False)
    # 10,952 speeches; the 10,953rd .txt file, "Session 47 - 1992/.DS_Store-to-UTF-8.txt", is a binary
    # .DS_Store: hidden, not read, and reported as an error row rather than dropped unseen.
    assert errors[["origin", "error"]].values.tolist() == [
        ["TXT/Session 47 - 1992/.DS_Store-to-UTF-8.txt", "hidden-file"]]
    check_records(records, errors.iloc[0:0], 10952)
    assert records["year"].min() == 1946 and records["year"].max() == 2024
    assert (records["year"] - records["session"]).eq(1945).all()
    assert records["published"].isna().all()
    syria = records[(records["country"] == "SYR") & records["year"].between(2015, 2024)]
    assert len(syria) == 10


@pytest.mark.slow
def test_ungdc_archive_streamed_like_the_tree():
    archive = need("ungdc", "UNGDC_1946-2024_TXT.tar.xz")
    records, errors = read_records(archive, format="filename", include="TXT/Session 7*/*.txt")
    assert errors.empty
    assert records["origin"].str.startswith("UNGDC_1946-2024_TXT.tar.xz!TXT/Session 7").all()
    assert len(records) == records["year"].between(2015, 2024).sum() + records["year"].lt(2015).sum()
    tree, _ = read_records(paths.raw_dir("ungdc") / "TXT", format="filename", include="Session 7*/*.txt")
    assert len(records) == len(tree)
    assert sorted(records["text"].str.len()) == sorted(tree["text"].str.len())


# ---------------------------------------------------------------- registry and small cases


def test_registry_by_extension_and_name():
    assert reader_for("a/B.HTML").name == "html"
    assert reader_for("x.tsv").name == "csv"
    assert reader_for("documents.json").name == "jsonl"
    assert reader_for("notes.xyz") is None
    assert reader_for("x.txt", "filename").name == "filename"
    with pytest.raises(ValueError, match="registered readers"):
        reader_for("x.txt", "docx")


def test_register_a_reader(tmp_path):
    def read_shout(data: bytes, *, origin: str, loud: bool = True):
        text = data.decode().upper() if loud else data.decode()
        return [{"origin": origin, "text": text, "format": "shout"}], []

    try:
        register_reader("shout", read_shout, extensions=(".shout",))
        (tmp_path / "a.shout").write_text("hello")
        records, errors = read_records(tmp_path, loud=True)
        assert records["text"].tolist() == ["HELLO"] and errors.empty
    finally:
        READERS.pop("shout", None)


def test_reader_does_not_mutate_options(tmp_path):
    cols = {"text": "body"}
    (tmp_path / "a.csv").write_text("body,when\nHello there,2020-01-02\n")
    records, errors = read_records(tmp_path, columns=cols)
    assert cols == {"text": "body"} and records["text"].tolist() == ["Hello there"]
    assert records["when"].tolist() == ["2020-01-02"]


def test_csv_multi_megabyte_field_and_dates_in_tz():
    big = "word " * 400_000
    data = f'title,text,date\nA,"{big}",2016-02-14 10:00\n'.encode()
    records, errors = read_csv(data, origin="x.csv", tz="Europe/Moscow")
    assert not errors and len(records[0]["text"]) == len(big)
    assert str(records[0]["published"]) == "2016-02-14 10:00:00+03:00"


def test_html_date_and_meta_sources():
    html = (
        "<html lang='fr'><head><meta property='og:title' content='Titre OG'>"
        "<meta property='article:published_time' content='2016-02-14T12:05:00+03:00'>"
        "<link rel='canonical' href='https://example.org/a'></head><body><article><p>"
        + "Le ministre a parlé. " * 20
        + "</p></article></body></html>"
    ).encode()
    (rec,), _ = read_html(html, origin="a.html")
    assert (rec["title"], rec["url"], rec["lang"]) == ("Titre OG", "https://example.org/a", "fr")
    assert rec["published"] == pd.Timestamp("2016-02-14 09:05", tz="UTC")


@pytest.mark.parametrize(
    "markdown, plain",
    [
        ("Hello *world* and **bold**.", "Hello world and bold."),
        ("A [link](https://x.org/a_(b)) here.", "A link here."),
        ("Line one\nline two  \n   \nNext para.", "Line one line two\n\nNext para."),
        ("Intro:\n\n-   First item\n-   Second item\n", "Intro:\n\nFirst item\n\nSecond item"),
        ("# Heading\nText\n\n\\###\n\nAfter the end.", "Heading\n\nText"),
        ("Escaped \\* star and U.S.\\-Japan", "Escaped * star and U.S.-Japan"),
        ("\xa0\nText\xa0\n", "Text"),
    ],
)
def test_strip_markdown(markdown, plain):
    assert strip_markdown(markdown) == plain


def test_markdown_front_matter_lists():
    data = b"---\ntitle: T\ntags: [a, b]\ndate: 2022-07-14\n---\nBody.\n"
    (rec,), _ = read_markdown(data, origin="x.md")
    assert rec["tags"] == "a; b" and rec["published"] == pd.Timestamp("2022-07-14", tz="UTC")


def test_page_without_title_line():
    (rec,), _ = read_page(b"Just one paragraph of text.", origin="x.txt", title_line=False)
    assert rec["title"] is None and rec["text"] == "Just one paragraph of text."
    with pytest.raises(ReadError) as info:
        read_page(b"Only a headline\n", origin="x.txt")
    assert info.value.code == "empty"


def test_nested_archive(tmp_path):
    inner = io.BytesIO()
    with tarfile.open(fileobj=inner, mode="w:xz") as tf:
        data = b"Title\n\nBody."
        info = tarfile.TarInfo("deep/a.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    outer = tmp_path / "outer.tar.gz"
    with tarfile.open(outer, mode="w:gz") as tf:
        info = tarfile.TarInfo("in.tar.xz")
        info.size = len(inner.getvalue())
        tf.addfile(info, io.BytesIO(inner.getvalue()))
    records, errors = read_records(outer)
    assert records["origin"].tolist() == ["outer.tar.gz!in.tar.xz!deep/a.txt"] and errors.empty


def test_deterministic(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"T{i}\n\nBody {i}.")
    a, _ = read_records(tmp_path)
    b, _ = read_records(tmp_path)
    pd.testing.assert_frame_equal(a, b)
    assert a["origin"].tolist() == [f"{i}.txt" for i in range(5)]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decode_any_bytes_gives_text_or_a_read_error(data):
    try:
        assert isinstance(decode(data), str)
    except ReadError as exc:
        assert exc.code in {"empty", "binary", "nul-bytes", "decode"} and len(exc.message) > 30


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_csv_any_text_gives_records_or_error_rows(text):
    data = ("title,text\n" + text).encode("utf-8", "surrogatepass")
    try:
        records, errors = read_csv(data, origin="x.csv")
    except ReadError as exc:
        assert exc.code in {"empty", "binary", "nul-bytes", "decode", "bad-row"}
        return
    except UnicodeEncodeError:
        return
    assert all(r["text"].strip() for r in records)
    assert all(e["error"] and e["message"] for e in errors)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_strip_markdown_never_crashes(text):
    assert isinstance(strip_markdown(text), str)


@pytest.mark.parametrize(
    "text, codec",
    [
        ("café le marché est ouvert, déjà vu", "cp1252"),
        ("Le ministre a déclaré à la presse que la réunion était très importante.", "cp1252"),
        ("قال وزير الخارجية السوري إن المحادثات في جنيف كانت بناءة", "cp1256"),
        ("Lavrov et Kerry s’accordent", "utf-8"),
        ("Lavrov et Kerry s’accordent", "utf-8-sig"),
        ("Lavrov et Kerry s’accordent", "utf-16"),
        ("Lavrov et Kerry s’accordent sur le dialogue", "utf-16-le"),
    ],
)
def test_decode_detects_encodings(text, codec):
    assert decode(text.encode(codec)) == text
