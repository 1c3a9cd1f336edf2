"""normalize._charmap.CharMap: the characters it touches are worked out from the mapping alone (no second pass over
the 1,114,112 code points); they are the definition's: deleted, or mapped to another character."""

from __future__ import annotations

import numpy as np
import pytest

from diplolib.normalize._charmap import CharMap


def _touched_by_definition(cm: CharMap) -> np.ndarray:
    return cm._delete | (cm._table != np.arange(len(cm._table), dtype=np.uint32))


def _maps(seed: int, n: int):
    rng = np.random.default_rng(seed)
    for _ in range(n):
        src = rng.integers(0, 0x110000, size=rng.integers(0, 40))
        dst = rng.integers(0, 0x110000, size=len(src))
        mapping = {chr(s): (None if rng.random() < 0.2 else chr(s) if rng.random() < 0.3 else chr(d))
                   for s, d in zip(src.tolist(), dst.tolist(), strict=True)}
        yield mapping, [chr(c) for c in rng.integers(0, 0x110000, size=rng.integers(0, 5)).tolist()]


@pytest.mark.parametrize("mapping, delete", [
    ({}, ()),
    ({"a": "a"}, ()),  # twin: a character mapped to itself is not touched
    ({"a": "b", "b": "a", "c": None, "\U0010ffff": "x", "\x00": "\x00"}, "dz"),
    ({"a": "b"}, "a"),  # deleted and mapped: touched (deleted)
    *_maps(0, 300),
])
def test_touched_is_the_definition(mapping, delete):
    cm = CharMap(mapping, delete)
    want = _touched_by_definition(cm)
    assert np.array_equal(cm._touched, want)
    text = "".join(mapping) + "".join(delete) + "plain ascii é ب"
    kept = [c for c in text if not cm._delete[ord(c)]]
    assert cm(text) == "".join(chr(cm._table[ord(c)]) for c in kept)


def test_identity_map_returns_the_string_itself():
    cm = CharMap({"a": "a", "é": "é"})
    s = "aé" * 3
    assert cm(s) is s and not cm._touched.any()


def test_code_points_equal_the_utf32_codec():
    """code_points (numpy's UCS-4 copy) gives the codec's code points, on the strings where a copy could differ:
    empty, NULs at either end (a numpy string item drops trailing NULs when read back, not when viewed), lone
    surrogates, the astral planes, ASCII-only and Latin-1-only strings (stored one byte a character by Python)."""
    from diplolib.normalize._charmap import code_points, joined_code_points

    rng = np.random.default_rng(18)
    cases = ["", "\x00", "ab\x00\x00", "\x00ab", "plain ascii", "é à ç\xa0", "a\ud800b\udfff", "x\U0001F600y\x00",
             "قال الرئيس « نعم »"]
    for width in (0x80, 0x100, 0x10000, 0x110000):
        cases.append("".join(map(chr, rng.integers(0, width, 5000).tolist())))
    for s in cases:
        got = code_points(s)
        assert got.dtype == np.uint32 and got.flags.writeable
        assert got.tolist() == np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).tolist(), repr(s)
    joined, cp = joined_code_points(cases[1:4], "\n\x00")
    assert joined == "\n\x00".join(cases[1:4]) and cp.tolist() == [ord(c) for c in joined]
