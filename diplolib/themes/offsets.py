"""From a match in the matching form back to the display text: :func:`offset_map`.

A thin adapter over :func:`diplolib.normalize.matching.aligned_matching_form`: the taggers want an offset map
with one extra entry, so that a match ``[a, b)`` of the matching form maps back to
``text[index_map[a]:index_map[b]]`` -- the end is the start of the next kept character,
so marks that vanish from the matching form (a final Arabic vowel sign, a tatweel) stay
inside the surface form instead of being cut off.
"""

from __future__ import annotations

import numpy as np

from ..normalize.matching import aligned_matching_form
from .footnotes import unglue_footnotes

__all__ = ["offset_map"]


def offset_map(s: str) -> tuple[str, np.ndarray]:
    """Matching form of ``s`` and ``index_map`` (``len(match) + 1`` offsets into ``s``, an int64 array).

    Footnote marks glued to a word are spaces in it (:mod:`diplolib.themes.footnotes`).
    ``index_map[i]`` is the offset in ``s`` of the character that produced ``match[i]``;
    the last entry is ``len(s)``. An array rather than a list: converting every offset of every
    article to Python ints cost more than the few look-ups the taggers make.
    """
    match, idx = aligned_matching_form(s)
    match = unglue_footnotes(match) if isinstance(s, str) else match
    return match, np.append(idx.astype(np.int64, copy=False), len(s) if isinstance(s, str) else 0)
