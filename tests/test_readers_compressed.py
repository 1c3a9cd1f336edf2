"""Singly compressed files (.gz, .bz2, .xz) read as the file inside; CSV separators sniffed from the header."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile

import pandas as pd
import pytest

from diplolib.readers import read_records
from diplolib.readers.compressed import decompress, split_compression
from diplolib.readers.separator import default_sep

CSV = ("title,text,published\n"
       'Accord,"Le ministre a signé l\'accord, dit-il.",2020-01-02\n'
       "Talks,The two leaders met in Geneva.,2021-03-04\n").encode()
COMPRESS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}


def _records(folder, **options):
    records, errors = read_records(folder, **options)
    return records, errors


@pytest.mark.parametrize("suffix", sorted(COMPRESS))
def test_a_compressed_csv_gives_the_records_of_the_plain_file(tmp_path, suffix):
    (tmp_path / "plain").mkdir()
    (tmp_path / "packed").mkdir()
    (tmp_path / "plain" / "news.csv").write_bytes(CSV)
    (tmp_path / "packed" / f"news.csv{suffix}").write_bytes(COMPRESS[suffix](CSV))
    plain, plain_errors = _records(tmp_path / "plain")
    packed, packed_errors = _records(tmp_path / "packed")
    assert plain_errors.empty and packed_errors.empty and len(packed) == 2
    assert packed["origin"].tolist() == [f"news.csv{suffix}:row 1", f"news.csv{suffix}:row 2"]
    columns = ["title", "text", "published"]
    pd.testing.assert_frame_equal(packed[columns], plain[columns])


def test_concatenated_gzip_members_are_one_file(tmp_path):
    head, rest = CSV.split(b"\n", 1)
    (tmp_path / "two.csv.gz").write_bytes(gzip.compress(head + b"\n") + gzip.compress(rest))
    records, errors = _records(tmp_path)
    assert errors.empty and records["title"].tolist() == ["Accord", "Talks"]


def test_truncated_and_fake_compressed_files_are_error_rows_and_the_rest_loads(tmp_path):
    packed = gzip.compress(CSV * 50)
    (tmp_path / "cut.csv.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "fake.txt.xz").write_bytes(b"not xz at all")
    (tmp_path / "good.csv").write_bytes(CSV)
    records, errors = _records(tmp_path)
    assert len(records) == 2 and set(records["origin"].str.split(":").str[0]) == {"good.csv"}
    got = errors.set_index("origin")["error"].to_dict()
    assert got == {"cut.csv.gz": "unreadable-compressed", "fake.txt.xz": "unreadable-compressed"}
    assert errors["message"].str.contains("truncated or damaged").all()


def test_a_decompression_bomb_stops_at_max_file_bytes(tmp_path):
    bomb = gzip.compress(b"a," * 5_000_000)  # 10 MB from ~10 KB
    assert len(bomb) < 100_000
    (tmp_path / "bomb.csv.gz").write_bytes(bomb)
    records, errors = _records(tmp_path, max_file_bytes=1_000_000)
    assert records.empty and errors["error"].tolist() == ["too-large"]
    assert "max_file_bytes=1,000,000" in errors["message"].iloc[0]
    with pytest.raises(Exception) as info:
        decompress(bomb, ".gz", 1_000_000)
    assert getattr(info.value, "code", None) == "too-large"


def test_tar_archives_stay_archives_and_a_compressed_member_is_read(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        data = gzip.compress(CSV)
        info = tarfile.TarInfo("inner/news.csv.gz")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    (tmp_path / "bundle.tar.gz").write_bytes(buffer.getvalue())
    records, errors = _records(tmp_path)
    assert errors.empty and records["origin"].tolist() == ["bundle.tar.gz!inner/news.csv.gz:row 1",
                                                           "bundle.tar.gz!inner/news.csv.gz:row 2"]
    assert split_compression("a.tar.gz") == ("a.tar.gz", None)
    assert split_compression("a.TSV.GZ") == ("a.TSV", ".gz")
    assert split_compression(".gz") == (".gz", None)


@pytest.mark.parametrize(("header", "sep"), [
    ("titre;texte;date", ";"),          # a French spreadsheet export
    ("title\ttext\tdate", "\t"),
    ("title|text|date", "|"),
    ("title,text;with,date", ","),      # a comma outside quotes keeps the comma
    ('"a;b",text', ","),
    ('"x,y";text;date', ";"),           # the comma is inside quotes
    ("text", ","),                      # one column: nothing to sniff
])
def test_the_separator_comes_from_the_header_when_not_given(header, sep):
    assert default_sep("export.csv", "\ufeff" + header + "\nrow") == sep


def test_tsv_names_decide_before_the_header():
    assert default_sep("a.tsv", "x;y\n") == "\t"
    assert default_sep("bundle.zip!inner/a.tab.gz", "x,y\n") == "\t"


def test_a_semicolon_export_loads_with_its_columns(tmp_path):
    text = ("titre;texte;date\n"
            "Accord;Le ministre a signé l'accord, dit-il.;02/01/2020\n"
            'Pourparlers;"Les deux dirigeants; réunis à Genève.";04/03/2021\n')
    (tmp_path / "export.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    records, errors = _records(tmp_path, columns={"title": "titre", "text": "texte", "published": "date"},
                               dayfirst=True)
    assert errors.empty
    assert records["title"].tolist() == ["Accord", "Pourparlers"]
    assert records["text"].iloc[1] == "Les deux dirigeants; réunis à Genève."
    assert records["published"].dt.month.tolist() == [1, 3]
    explicit, _ = _records(tmp_path, columns={"title": "titre", "text": "texte"}, sep=",")
    assert explicit.empty  # a separator the caller gives is obeyed: one column, no "texte" column
