"""Scoring the actor tagger against hand-annotated entities (re3d).

re3d (Dstl, 2017) annotates Person, Organisation, Location and Nationality spans with
character offsets into each document's text and a crowd confidence. The tagger's
mentions are mapped onto those types — person → Person; organisation and armed
group → Organisation; state, place and capital → Location; demonym aliases →
Nationality — and compared span by span, on the raw document text (so offsets
agree). A gold span counts as found, and a predicted span as correct, when the
two overlap with the same type (``match="overlap"``) or coincide exactly
(``match="exact"``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .matcher_cache import default_matcher
from .tagger import ActorMatcher, tag_actors

__all__ = ["read_re3d", "score_mentions", "RE3D_TYPES"]

RE3D_TYPES = ("Person", "Organisation", "Location", "Nationality")
_KIND_TYPE = {"person": "Person", "organisation": "Organisation", "armed_group": "Organisation",
              "media": "Organisation",
              "state": "Location", "place": "Location"}


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8-sig").splitlines() if line.strip()]


def read_re3d(root: str | Path, *, min_confidence: float = 0.5) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The re3d documents (raw text) and gold entities of the four actor-like types.

    Parameters
    ----------
    root : path
        The re3d folder (``datasets.path("re3d")``), one subfolder per source.
    min_confidence : float
        Keep gold rows with at least this confidence (the dataset's posterior; 0.5 is the usual cut).

    Returns
    -------
    (documents, entities)
        ``documents``: ``article_id``, ``source``, ``title``, ``text``. ``entities``: ``article_id``, ``start``,
        ``end``, ``type``, ``value``, ``confidence``.
    """
    root = Path(root)
    docs, ents = [], []
    for folder in sorted(p for p in root.iterdir() if (p / "documents.json").is_file()):
        docs += [{"article_id": d["_id"], "source": d.get("sourceName", folder.name), "title": d.get("title", ""),
                  "text": d["text"]} for d in _jsonl(folder / "documents.json")]
        ents += [{"article_id": e["documentId"], "start": int(e["begin"]), "end": int(e["end"]), "type": e["type"],
                  "value": e["value"], "confidence": float(e["confidence"])}
                 for e in _jsonl(folder / "entities.json")]
    documents = pd.DataFrame(docs)
    entities = pd.DataFrame(ents)
    entities = entities[(entities["type"].isin(RE3D_TYPES)) & (entities["confidence"] >= min_confidence)]
    return documents, entities.drop_duplicates(["article_id", "start", "end", "type"]).reset_index(drop=True)


def _typed(mentions: pd.DataFrame, kind_of: dict[str, str]) -> pd.DataFrame:
    m = mentions[mentions["actor_id"].notna()].copy()
    kinds = m["actor_id"].map(kind_of)
    m["type"] = np.where(m["alias_kind"] == "demonym", "Nationality", kinds.map(_KIND_TYPE))
    return m.dropna(subset=["type"])


def _hits(a: pd.DataFrame, b: pd.DataFrame, match: str, typed: bool = True) -> np.ndarray:
    """For each row of ``a``, whether some row of ``b`` (same article, and same type if ``typed``) matches it."""
    found = np.zeros(len(a), dtype=bool)
    keys = ["article_id", "type"] if typed else ["article_id"]
    groups = {(k if typed else (k[0] if isinstance(k, tuple) else k, None)): g[["start", "end"]].to_numpy()
              for k, g in b.groupby(keys)}
    for i, (aid, typ, s, e) in enumerate(a[["article_id", "type", "start", "end"]].itertuples(index=False)):
        spans = groups.get((aid, typ if typed else None))
        if spans is None:
            continue
        if match == "exact":
            found[i] = bool(((spans[:, 0] == s) & (spans[:, 1] == e)).any())
        else:
            found[i] = bool(((spans[:, 0] < e) & (s < spans[:, 1])).any())
    return found


def score_mentions(
    documents: pd.DataFrame,
    entities: pd.DataFrame,
    *,
    matcher: ActorMatcher | None = None,
    match: Literal["overlap", "exact"] = "overlap",
    typed: bool = True,
) -> pd.DataFrame:
    """Precision and recall of the tagger per re3d type.

    With ``typed=False`` a span counts whatever the type on the other side (detection only: re3d often
    annotates a state acting as an Organisation, or "U.S. service members" as one Organisation span).

    Returns
    -------
    DataFrame
        One row per type plus ``all``: ``type``, ``predicted``, ``correct``, ``precision``, ``gold``, ``found``,
        ``recall``, ``f1``, ``match``, ``typed``.
    """
    matcher = matcher if matcher is not None else default_matcher()
    mentions = tag_actors(documents, registry=matcher)
    pred = _typed(mentions, matcher.kind_of)
    pred = pred.assign(correct=_hits(pred, entities, match, typed))
    gold = entities.assign(found=_hits(entities, pred, match, typed))
    rows = []
    for typ in (*RE3D_TYPES, "all"):
        p = pred if typ == "all" else pred[pred["type"] == typ]
        g = gold if typ == "all" else gold[gold["type"] == typ]
        precision = p["correct"].mean() if len(p) else np.nan
        recall = g["found"].mean() if len(g) else np.nan
        f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else np.nan
        rows.append({"type": typ, "predicted": len(p), "correct": int(p["correct"].sum()), "precision": precision,
                     "gold": len(g), "found": int(g["found"].sum()), "recall": recall, "f1": f1, "match": match,
                     "typed": typed})
    return pd.DataFrame(rows)
