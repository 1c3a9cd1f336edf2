"""The matching form's fold tables kept per machine (normalize/matching.py, ``fold_tables``): the file read back is
the tables computed from ``unicodedata``; where it cannot be written, or is damaged, they are computed again."""

from __future__ import annotations

import unicodedata

import numpy as np

from diplolib.normalize import matching


def _computed() -> dict[str, np.ndarray]:
    marks = [c for c in map(chr, (*range(0x20000), *range(0xE0000, 0xE1000)))
             if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me")]  # the former inline definition
    marks = np.array([ord(c) for c in marks], dtype=np.uint32)
    lens, single = matching._bmp_table(matching._char_map(marks))
    return {"marks": marks, "lens": lens, "single": single}


def _assert_same(got: dict, want: dict) -> None:
    assert set(got) == set(want)
    for name in want:
        assert got[name].dtype == want[name].dtype and np.array_equal(got[name], want[name]), name


def test_fold_tables_written_once_and_read_back_equal(tmp_path):
    want = _computed()
    first = matching.fold_tables(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [matching.fold_tables_file(tmp_path).name]
    again = matching.fold_tables(tmp_path)  # read from the file
    _assert_same(first, want)
    _assert_same(again, want)
    assert len(want["marks"]) > 1_500 and 0x0301 in want["marks"] and 0x064E in want["marks"]  # acute, fatha


def test_fold_tables_computed_where_the_folder_cannot_be_written_or_the_file_is_damaged(tmp_path, monkeypatch):
    want = _computed()
    target = matching.fold_tables_file(tmp_path)
    target.write_bytes(b"PK\x03\x04 damaged")  # twin: a damaged file is computed again (and replaced)
    _assert_same(matching.fold_tables(tmp_path), want)
    _assert_same(matching.fold_tables(tmp_path), want)

    def refuse(*args, **kwargs):
        raise OSError("read-only")

    monkeypatch.setattr(matching.tempfile, "NamedTemporaryFile", refuse)
    other = tmp_path / "ro"
    _assert_same(matching.fold_tables(other), want)
    assert not matching.fold_tables_file(other).exists()


def test_the_process_tables_are_the_computed_ones():
    want = _computed()
    lens, single = matching._bmp_fold_table()
    assert np.array_equal(lens, want["lens"]) and np.array_equal(single, want["single"])
    assert np.array_equal(np.flatnonzero(matching._fold_map()._delete),
                          np.flatnonzero(matching._char_map(want["marks"])._delete))
