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
