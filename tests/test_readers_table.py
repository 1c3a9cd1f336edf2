"""The columnar ``csv`` reader (readers/csv_table.py) gives exactly what the row-by-row reference gives.

``read_csv`` (readers/delimited.py) documents what each row becomes; ``read_csv_table`` takes pyarrow and columns
on well-formed files and hands any other file to ``read_csv``. Every case compares the records table
(``records_frame`` of the reference's dicts) and the error rows exactly, and says which path it expects, so that
a file that should take the columnar path cannot pass by quietly falling back.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplolib import paths
from diplolib.readers import csv_table as ct
from diplolib.readers import read_records
from diplolib.readers.base import records_frame
from diplolib.readers.delimited import read_csv

HEAD = b"id,title,content,date,format,title\n"

# (name, bytes, options, columnar path expected)
CASES = [
    ("plain", HEAD + b'1,A,"Body one, with a comma",2020-01-02,x,t\n2,,"Two ""quoted"" words",2020-02-03,y,u\n',
     {"columns": {"text": "content"}}, True),
    ("crlf-and-cr-in-field", b'id,text\r\n1,"line one\r\nline two\rthree"\r\n2,plain\r\n', {}, True),
    ("bare-cr-line-ends", b"id,text\r1,one\r2,two\r", {}, True),
    ("blank-lines", b"id,text\n\n1,one\n\r\n2,two\n\n", {}, True),
    ("empty-and-large", b'id,text\n1,""\n2,"   "\n3,short\n4,much longer than ten\n', {"max_text_chars": 10}, True),
    ("integers", b"n,m,text\n1,-5,a\n2,x,b\n03,7,c\n", {}, True),
    ("header-only", b"id,text\n", {}, True),
    ("quoted-header-newline", b'"i\nd",text\n1,a\n', {}, True),
    ("semicolon", b"id;text;date\n1;un;01/02/2020\n2;deux;\n", {"sep": ";", "date_format": "%d/%m/%Y"}, True),
    ("dates-bad-error", b"text,date\na,2020-01-01\nb,not a date\nc,1500-01-01\nd,2021-05\ne,2019\n", {}, True),
    ("dates-offsets", b"text,date\na,2020-01-01T10:00:00+02:00\nb,2020-07-01T10:00:00-05:00\nc,\n",
     {"tz": "Europe/Paris"}, True),
    ("dates-all-good-tz", b"text,date\na,2020-01-01\nb,2020-07-01 10:00\n", {"tz": "Asia/Damascus"}, True),
    ("dates-bad-keep", b"text,date\na,2020-01-01\nb,not a date\n", {"on_bad_date": "keep"}, False),
    ("article-id", b"id,text\n7,a\n8,b\n", {"columns": {"article_id": "id"}}, False),
    ("stray-quote", b'id,text\n1,say "hi" now\n2,b\n', {}, False),
    ("after-closing-quote", b'id,text\n1,"a"b\n2,c\n', {}, False),
    ("unterminated", b'id,text\n1,"never closed\n2,c\n', {}, False),
    ("short-and-long-rows", b"id,text,x\n1,a\n2,b,c,d\n3,c,e\n", {}, False),
    ("whitespace-line", b"id,text\n1,a\n   \n2,b\n", {}, False),
    ("leading-blank-line", b"\nid,text\n1,a\n", {}, False),
    ("space-before-quote", b'id,text\n1, "a"\n', {}, False),
    ("width-one", b'text\none\n\n""\n  \ntwo\n', {}, True),
    ("tsv-quoting-none", b'id\ttext\n1\tsay "hi\n2\t"b"\n', {"sep": "\t", "quoting": "none"}, True),
    ("bom-and-accents", "\ufeffid,text\n1,café «été»\n".encode(), {}, True),
    ("utf8-accents", "id,text\n1,café «été» دمشق\n".encode(), {}, True),
    ("cp1252", "id,text\n1,caf\u00e9 na\u00efve d\u00e9j\u00e0 \u00e9t\u00e9 \u00e0 No\u00ebl\n".encode("cp1252"),
     {}, True),
    ("nul-replace", b"id,text\n1,a\x00b\n", {"encoding_errors": "replace"}, True),
    ("nul-strict", b"id,text\n1,a\x00b\n", {}, False),
    ("no-text-column", b"id,x\n1,a\n", {}, False),
    ("fa-kes-preset-row", b"unit_id,article_title,article_content,source,date,location,labels\r\n"
                          b'1,T,"Body, text",src,04/05/2017,Idlib,1\r\n2,U,Other,src,13/45/2017,Homs,0\r\n',
     {"preset": "fa-kes"}, True),
]


def _reference(data: bytes, **options) -> tuple[pd.DataFrame | None, list | str]:
    try:
        records, errors = read_csv(data, origin="f.csv", **options)
    except Exception as exc:  # the walk turns it into one error row; both paths must raise the same
        return None, f"{type(exc).__name__}: {exc}"
    return records_frame(records), errors


def _columnar(data: bytes, **options) -> tuple[pd.DataFrame | None, list | str, bool]:
    try:
        records, errors = ct.read_csv_table(data, origin="f.csv", **options)
    except Exception as exc:
        return None, f"{type(exc).__name__}: {exc}", False
    fast = isinstance(records, pd.DataFrame)
    return (records if fast else records_frame(records)), errors, fast


@pytest.mark.parametrize("name,data,options,fast", CASES, ids=[c[0] for c in CASES])
def test_columnar_reader_gives_the_reference_table(name, data, options, fast):
    ref_table, ref_errors = _reference(data, **options)
    table, errors, took_fast = _columnar(data, **options)
    assert took_fast is fast, f"{name}: columnar path {'not ' if fast else ''}expected"
    assert errors == ref_errors
    if ref_table is not None:
        pd.testing.assert_frame_equal(table, ref_table, check_exact=True)
        assert list(table.dtypes) == list(ref_table.dtypes)


def test_sample_corpora_take_the_columnar_path_with_the_reference_table():
    """FA-KES (804 rows, both with its preset and with guessed columns) and SIB-200's TSV files: the two sample
    corpora the csv reader serves; each is read whole by both paths."""
    fakes = paths.raw_dir("fa-kes") / "FA-KES-Dataset.csv"
    files = [(fakes, {"preset": "fa-kes"}), (fakes, {"preset": "fa-kes", "tz": "Asia/Damascus"}),
             (fakes, {"columns": {"text": "article_content"}})]
    files += [(f, {"preset": "sib200"}) for f in sorted(paths.raw_dir("sib200").rglob("*.tsv"))[:3]]
    for path, options in files:
        data = path.read_bytes()
        ref_table, ref_errors = _reference(data, **options)
        table, errors, fast = _columnar(data, **options)
        assert fast, path.name
        assert len(table) > 90 and errors == ref_errors
        pd.testing.assert_frame_equal(table, ref_table, check_exact=True)


def test_a_folder_of_csv_and_other_files_reads_as_with_the_reference_reader(tmp_path, monkeypatch):
    """Tables from the columnar path go back to record dicts when other files are read with them: the records
    table of the folder is the one the reference reader gives."""
    (tmp_path / "a.csv").write_bytes(CASES[0][1])
    (tmp_path / "b.csv").write_bytes(b"text,date,extra\none,2020-01-01,5\ntwo,2020-01-02,6\n")
    (tmp_path / "c.csv").write_bytes(b'id,text\n1,"a"b\n2,fine\n')
    (tmp_path / "d.txt").write_text("Headline\n\nA page of text.\n", encoding="utf-8")
    single = tmp_path / "b.csv"
    got = [read_records(tmp_path), read_records(single)]
    monkeypatch.setattr(ct, "_columnar", lambda data, origin, opts: None)
    want = [read_records(tmp_path), read_records(single)]
    for (records, errors), (ref_records, ref_errors) in zip(got, want, strict=True):
        pd.testing.assert_frame_equal(records, ref_records, check_exact=True)
        pd.testing.assert_frame_equal(errors, ref_errors, check_exact=True)


def test_well_formed_tells_quoted_fields_from_stray_quotes():
    assert ct.well_formed(b'a,"b ""c"", d"\r\n"",e\n', ",", "minimal")
    assert not ct.well_formed(b'a,b"c\n', ",", "minimal")
    assert not ct.well_formed(b'a,"b"c\n', ",", "minimal")
    assert not ct.well_formed(b'a,"b\n', ",", "minimal")
    assert ct.well_formed(b'a\tb"c\n', "\t", "none")


@settings(max_examples=400, deadline=None)
@given(data=st.lists(st.sampled_from([b'"', b'""', b",", b";", b"\n", b"\r", b"\r\n", b"a", b"b c", b"\x00", b"\xc3\xa9"]),
                     max_size=30).map(b"".join),
       sep=st.sampled_from([",", ";", "\t"]), quoting=st.sampled_from(["minimal", "none"]))
def test_well_formed_from_the_quotes_equals_the_regex(data, sep, quoting):
    """The check from the quotes' positions (numpy) gives the reference regex's answer on any bytes."""
    assert ct.well_formed(data, sep, quoting) == ct._well_formed_regex(data, sep, quoting)


@pytest.mark.parametrize("name", ["fa-kes"])
def test_well_formed_from_the_quotes_on_a_sample_corpus(name):
    from diplolib import datasets

    data = (datasets.path(name) / "FA-KES-Dataset.csv").read_bytes()
    for cut in (len(data), len(data) // 2, len(data) // 3):  # whole, and cut inside a field
        assert ct.well_formed(data[:cut], ",", "minimal") == ct._well_formed_regex(data[:cut], ",", "minimal")


def _columns_frame_reference(values_of, order):
    """columns_frame as it was written value by value (before the column passes): the reference."""
    from diplolib.readers.base import RECORD_COLUMNS, _published_column, is_missing

    n = len(next(iter(values_of.values()), []))
    columns = list(order) + [k for k in values_of if k not in order]
    data = {}
    for col in columns:
        values = values_of[col] if col in values_of else [None] * n
        if col == "published":
            data[col] = values if isinstance(values, pd.Series) else _published_column(values)
            continue
        if col not in RECORD_COLUMNS and values and all(isinstance(v, (int, float, bool)) and not is_missing(v)
                                                        for v in values):
            data[col] = pd.Series(values)
            continue
        data[col] = pd.Series([v if isinstance(v, str) or not is_missing(v) else pd.NA for v in values], dtype=object)
    return pd.DataFrame(data, columns=columns)


_VALUES = st.sampled_from(["a", "", None, pd.NA, pd.NaT, float("nan"), np.float64("nan"), 1, 0, True, False, 2.5,
                           np.float64(1.5), np.int64(3), np.bool_(True), pd.Timestamp("2020-01-01"), [1, 2],
                           ("x",), {"k": 1}, np.datetime64("NaT")])


@settings(max_examples=300, deadline=None)
@given(columns=st.lists(st.lists(_VALUES, min_size=4, max_size=4), min_size=1, max_size=4))
def test_columns_frame_in_column_passes_equals_the_value_by_value_reference(columns):
    """Text, numbers, missing values of every kind and other objects: the same table, dtypes and objects."""
    from diplolib.readers.base import RECORD_COLUMNS, columns_frame

    names = ["title", *[f"m{k}" for k in range(len(columns) - 1)]]
    values_of = {"text": ["t"] * 4, **dict(zip(names, columns, strict=True))}
    got, want = columns_frame(values_of, RECORD_COLUMNS), _columns_frame_reference(values_of, RECORD_COLUMNS)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    for c in got.columns:
        if got[c].dtype == object:
            assert [type(v) for v in got[c]] == [type(v) for v in want[c]], c


@pytest.mark.parametrize("data,options,as_is", [
    ("id,text\n1,café «été» دمشق\n".encode(), {}, True),  # UTF-8 read as such: the bytes can stand for the text
    (b"id,text\n1,plain\n", {}, True),
    ("\ufeffid,text\n1,café\n".encode(), {}, False),  # twin: the byte-order mark is not in the text
    (b"id,text\n1,a\x00b\n", {"encoding_errors": "replace"}, False),  # twin: NUL bytes removed
    ("id,text\n1,caf\u00e9 d\u00e9j\u00e0 \u00e9t\u00e9\n".encode("cp1252"), {}, False),  # twin: another codec
    ("id,text\n1,café\n".encode(), {"encoding": "utf-8"}, False),  # twin: a given codec (decoded by _strict)
])
def test_decode_text_says_when_the_text_is_the_bytes_as_utf8(data, options, as_is):
    from diplolib.readers.encoding import decode, decode_text

    text, flag = decode_text(data, **options)
    assert flag is as_is
    assert text == decode(data, **options)
    if as_is:
        assert text.encode("utf-8") == data
    elif "encoding" not in options:  # a byte-order mark, NUL bytes removed, another codec: not the text's UTF-8
        assert text.encode("utf-8") != data


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=60) | st.text(min_size=1, max_size=30).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_decode_text_as_is_only_when_the_bytes_are_the_text(data):
    from diplolib.readers.encoding import decode_text

    try:
        text, as_is = decode_text(data, encoding_errors="replace")
    except Exception:  # ReadError (empty, binary): nothing decoded
        return
    if as_is:
        assert text.encode("utf-8") == data


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([bytes([b]) for b in range(256)] + [c.encode("utf-8", "surrogatepass") for c in
                                  ("é", "😀", "\ud7ff", "\ue000", "\U0010ffff", "\ud800", "؛")]), max_size=12))
def test_is_utf8_agrees_with_pythons_decoder(pieces):
    """Arrow's validation and Python's strict decoder refuse the same bytes (surrogates, overlong forms, bytes
    above U+10FFFF, cut sequences)."""
    from diplolib.readers.encoding import is_utf8

    data = b"".join(pieces)
    try:
        data.decode("utf-8")
        valid = True
    except UnicodeDecodeError:
        valid = False
    assert is_utf8(data) is valid


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=60) | st.text(min_size=1, max_size=30).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_decode_text_without_the_text_only_where_it_is_the_bytes(data):
    """``need_text=False`` leaves the text out exactly where it would be the bytes read as UTF-8; elsewhere the same
    answer (text, flag) or the same error."""
    from diplolib.readers.encoding import decode_text

    def run(**kw):
        try:
            return decode_text(data, encoding_errors="replace", **kw)
        except Exception as exc:  # noqa: BLE001 - compared as text
            return f"{type(exc).__name__}: {exc}"

    full, lazy = run(), run(need_text=False)
    if isinstance(full, tuple) and full[1]:
        assert lazy == (None, True)
    else:
        assert lazy == full


@pytest.mark.parametrize("header", ["id;text;date", "id,text", "a|b|c", "é" * 70_000 + ";x", "😀" * 66_000 + "\tx"])
def test_separator_from_the_head_of_the_bytes(header):
    """``default_sep`` reads the same first characters from ``utf8_head`` as from the whole decoded file, even when
    the header is longer than what it reads (a 4-byte character cut at the end of the head is dropped)."""
    from diplolib.readers.separator import default_sep, utf8_head

    data = (header + "\n1;2;3\n").encode()
    assert utf8_head(data)[:65_536] == data.decode()[:65_536]
    assert default_sep("f.csv", utf8_head(data)) == default_sep("f.csv", data.decode())
