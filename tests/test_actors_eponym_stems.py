"""actors.eponyms.with_head_stem (round 18): the head nouns' stems looked for in all the person hits' 60 characters
at once give each window the answer of the per-hit regex (``_HEAD_STEM.search(before.lower())``)."""

from __future__ import annotations

import numpy as np

from diplolib.actors.eponyms import _HEAD_STEM, _HEAD_STEMS, with_head_stem


def _per_window(befores: list[str]) -> list[bool]:
    return [bool(_HEAD_STEM.search(b.lower())) for b in befores]


def test_stems_found_in_their_own_window_only():
    befores = ["le nouveau Stade de", "", "la rue", "", "مطار", "قال", "xx AÉROPORT de", "roport"[:5], "port"]
    got = with_head_stem(befores).tolist()
    assert got == _per_window(befores) == [True, False, True, False, True, False, True, False, False]
    # twins: a stem cut in two by the boundary between two windows is in neither
    assert with_head_stem(["the aer", "oport of"]).tolist() == [False, False]


def test_random_windows_equal_the_regex():
    rng = np.random.default_rng(18)
    alphabet = list("abcdefghijklmnoprstuvxyz ABCÉRUXé-\u0645\u0637\u0627\u0631\u064a\u0648\u0645\x00")
    pieces = [*_HEAD_STEMS, *(s.upper() for s in _HEAD_STEMS[:17])]
    for n in (1, 5, 200):
        befores = []
        for _ in range(n):
            w = "".join(rng.choice(alphabet, rng.integers(0, 60)).tolist())
            if rng.random() < 0.4:
                at = int(rng.integers(0, len(w) + 1))
                w = w[:at] + pieces[int(rng.integers(len(pieces)))] + w[at:]
            befores.append(w[-60:])
        assert with_head_stem(befores).tolist() == _per_window(befores)
        # a character whose lower case is two ("İ": "i" and a dot above) shifts the joined offsets: one by one
        befores[0] = "\u0130" + befores[0][1:]
        assert with_head_stem(befores).tolist() == _per_window(befores)
