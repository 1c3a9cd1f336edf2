"""The ``reason`` of each event row, read from its sides at once: arrays in, one object array out."""

from __future__ import annotations

import numpy as np

__all__ = ["row_reasons"]


def row_reasons(source: np.ndarray, target: np.ndarray, src_group: np.ndarray, tgt_group: np.ndarray,
                far_src: np.ndarray, far_tgt: np.ndarray, authored: np.ndarray) -> np.ndarray:
    """Why each row lacks a side, or names one actor twice (``""`` when it has both): ``no-target``, ``no-source``,
    ``unresolved`` (the side's phrase stood there but named no actor: ``src_group``/``tgt_group`` >= 0), ``far``
    (the phrase stood beyond reach), ``unnamed-author`` (the author's verb, with no author given), ``self`` (the
    same actor on both sides); each later reason wins over the ones before. ``source``, ``target``: object arrays
    of actor ids, ``""`` for none. An object array."""
    no_source, no_target = source == "", target == ""
    reason = np.full(len(source), "", dtype=object)
    reason[no_target] = "no-target"
    reason[no_source] = "no-source"
    reason[((src_group >= 0) & no_source) | ((tgt_group >= 0) & no_target)] = "unresolved"
    reason[(far_src & no_source) | (far_tgt & no_target)] = "far"
    reason[authored & no_source] = "unnamed-author"
    reason[(source == target) & ~no_source] = "self"
    return reason
