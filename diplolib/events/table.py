"""The events table: its columns and their types, the empty table, and the rows of articles without events."""

from __future__ import annotations

import pandas as pd

from .columns import as_strings

__all__ = ["EVENT_COLUMNS", "empty_events", "typed_events", "article_reasons"]

EVENT_COLUMNS = ["event_id", "article_id", "sentence", "start", "end", "cue", "event", "mode", "source", "target",
                 "source_sector", "target_sector", "negated", "hypothetical", "reported", "embedded", "compound",
                 "discovered", "reason", "published"]
_DTYPES = {"event_id": "string", "article_id": "string", "sentence": "int64", "start": "int64", "end": "int64",
           "cue": "string", "event": "string", "mode": "string", "source": "string", "target": "string",
           "source_sector": "string", "target_sector": "string",
           "negated": "bool", "hypothetical": "bool", "reported": "bool", "embedded": "bool", "compound": "bool",
           "discovered": "bool", "reason": "string"}


def empty_events() -> pd.DataFrame:
    """The events table with no rows, typed."""
    out = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _DTYPES.items()})
    out["published"] = pd.Series(dtype="datetime64[ns, UTC]")
    return out[EVENT_COLUMNS]


def typed_events(out: pd.DataFrame) -> pd.DataFrame:
    """The events table with each column of its documented type (a new table)."""
    out = out.astype({k: v for k, v in _DTYPES.items() if k not in ("sentence", "start", "end") and v != "string"})
    for col in (k for k, v in _DTYPES.items() if v == "string"):
        out[col] = as_strings(out[col])
    for col in ("sentence", "start", "end"):
        out[col] = out[col].astype("Int64") if out[col].isna().any() else out[col].astype("int64")
    out["published"] = pd.to_datetime(out["published"], utc=True, errors="coerce") if len(out) else out["published"]
    return out


def article_reasons(articles, events, mentions, langs, lexicon, text) -> pd.DataFrame:
    """One row per article without events, with the reason."""
    rest = articles[~articles["article_id"].isin(events["article_id"])]
    body = rest[text]
    reason = pd.Series("no-cue", index=rest.index, dtype=object)
    reason[~rest["article_id"].isin(mentions.dropna(subset=["actor_id"])["article_id"])] = "no-actors"
    reason[~langs.loc[rest.index].isin(lexicon.languages)] = "language"
    reason[~body.map(lambda s: isinstance(s, str) and bool(s.strip()))] = "no-text"
    out = pd.DataFrame({"article_id": rest["article_id"].to_numpy(), "reason": reason.to_numpy()})
    for col in EVENT_COLUMNS:
        if col not in out.columns:
            out[col] = pd.NA
    for col in ("negated", "hypothetical", "reported", "embedded", "compound", "discovered"):
        out[col] = False
    out["published"] = rest["published"].to_numpy() if "published" in rest.columns else pd.NaT
    return out[EVENT_COLUMNS]
