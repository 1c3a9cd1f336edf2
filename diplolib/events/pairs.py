"""Compound sides expanded into one row per (hit, source actor, target actor), with array operations."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .columns import with_objects

__all__ = ["pairs"]


def _ragged(counts: np.ndarray) -> np.ndarray:
    """``0 … c-1`` for each count ``c``, concatenated."""
    return np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)


def pairs(hits: pd.DataFrame, phrases: pd.DataFrame) -> pd.DataFrame:
    """One row per (hit, source actor, target actor): compound groups expanded, mutual pairs formed.

    A group is a run of consecutive phrases (:func:`~diplolib.events.attribution.regroup`), so its members are
    ``first[g] … first[g] + size[g] - 1`` and the rows are built by repeating hits, not by joining tables: a mutual
    hit gives every ordered pair of two members of its one compound side; another hit every (source member, target
    member), a side without a group giving one row (the speaker, or empty)."""
    group = phrases["group"].to_numpy(np.int64)
    actor = phrases["actor"].to_numpy(dtype=object)
    sector = (phrases["sector"].fillna("").to_numpy(dtype=object) if "sector" in phrases.columns
              else np.full(len(phrases), "", dtype=object))
    size = np.bincount(group) if len(group) else np.zeros(0, np.int64)
    first = np.searchsorted(group, np.arange(len(size)))
    src, tgt = hits["src"].to_numpy(), hits["tgt"].to_numpy()
    src_group = np.where(src >= 0, group[np.maximum(src, 0)] if len(group) else -1, -1)
    tgt_group = np.where(tgt >= 0, group[np.maximum(tgt, 0)] if len(group) else -1, -1)
    n_src = np.where(src_group >= 0, size[np.maximum(src_group, 0)] if len(size) else 0, 0)
    n_tgt = np.where(tgt_group >= 0, size[np.maximum(tgt_group, 0)] if len(size) else 0, 0)
    one_side = ((n_src >= 2) & (n_tgt == 0)) | ((n_tgt >= 2) & (n_src == 0))
    mutual = (hits["direction"].to_numpy() == "mutual") & one_side
    pair_group = np.where(n_src >= 2, src_group, tgt_group)
    hits = hits.assign(src_group=src_group, tgt_group=tgt_group)
    mi = np.flatnonzero(mutual)
    k = size[pair_group[mi]] if len(mi) else np.zeros(0, np.int64)
    within = _ragged(k * k)
    kk = np.repeat(k, k * k)
    base = np.repeat(first[pair_group[mi]] if len(mi) else mi, k * k)
    p_src, p_tgt = base + within // np.maximum(kk, 1), base + within % np.maximum(kk, 1)
    ok = p_src != p_tgt
    ri = np.flatnonzero(~mutual)
    ns, nt = np.maximum(n_src[ri], 1), np.maximum(n_tgt[ri], 1)
    within = _ragged(ns * nt)
    row, nt_row = np.repeat(ri, ns * nt), np.repeat(nt, ns * nt)
    sg, tg = src_group[row], tgt_group[row]
    s_member = np.where(sg >= 0, first[np.maximum(sg, 0)] if len(first) else 0, 0) + within // nt_row
    t_member = np.where(tg >= 0, first[np.maximum(tg, 0)] if len(first) else 0, 0) + within % nt_row
    none, speaker = np.full(len(row), None, dtype=object), hits["speaker"].to_numpy(dtype=object)[row]
    # the mutual rows, then the others: one take of the hits' rows and the sides' columns joined, instead of two
    # tables concatenated (the rows, their order and the index that concatenation with ignore_index gave)
    rows = np.concatenate([np.repeat(mi, k * k)[ok], row])
    side = {
        "source": (actor[p_src[ok]], np.where(sg >= 0, actor[s_member] if len(actor) else none, speaker)),
        "target": (actor[p_tgt[ok]], np.where(tg >= 0, actor[t_member] if len(actor) else none, none)),
        "source_sector": (sector[p_src[ok]], np.where(sg >= 0, sector[s_member] if len(sector) else none, none)),
        "target_sector": (sector[p_tgt[ok]], np.where(tg >= 0, sector[t_member] if len(sector) else none, none)),
    }
    columns = {name: _filled(np.concatenate([np.asarray(x, dtype=object) for x in pair]))
               for name, pair in side.items()}
    compound = np.concatenate([np.ones(int(ok.sum()), dtype=bool), (n_src[row] > 1) | (n_tgt[row] > 1)])
    keep = np.flatnonzero((src_group[rows] >= 0) | (tgt_group[rows] >= 0) | (columns["source"] != ""))
    out = hits.iloc[rows[keep]]
    out = out.set_axis(pd.RangeIndex(len(rows))[keep] if len(keep) < len(rows) else pd.RangeIndex(len(rows)))
    out = with_objects(out, **{name: col[keep] for name, col in columns.items()})
    out["compound"] = compound[keep]
    return out


def _filled(values: np.ndarray) -> np.ndarray:
    """``pd.Series(values).fillna("")`` as an object array: ``None``, NaN and NA become ``""``."""
    values = values.copy()
    values[pd.isna(values)] = ""
    return values
