"""Scoring events against the PLOVER gold-standard records, and PLOVER's reading of intentions.

The PLOVER gold standard (``plover-gsr``: English sentences, each coded with one event, its source and target
states) is read by :func:`read_plover` into an articles table and a gold table. :func:`score_plover` compares
the events of :func:`~diplolib.events.extract_events` with it:

- **type recall**: share of records whose coded type is among the types the extractor gives for the sentence;
- **type precision**: share of the (record, type) pairs the extractor gives that are the coded type (strict: a
  second event in the sentence that the coders did not code counts as wrong); **first-event precision**: share
  of the records with events whose first event (in text order) has the coded type -- PLOVER codes one event per
  sentence, usually the main verb's;
- **source right / target right**: among records whose type was found, share whose coded states (ISO-3 codes, or
  ``IGO``) meet the states of the extracted rows of that type; both empty counts as right.

Actors are compared as states: a state is its own code, a person or group the ``country`` of the registry; one
without a country is PLOVER's code for actors across states (:data:`TRANSNATIONAL`): an organisation ``IGO``, an
armed group ``IMG``. PLOVER codes stated intentions by their tone (:func:`plover_reading`), which the scorer
applies first.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from .._tables import check_columns

__all__ = ["read_plover", "plover_reading", "score_plover", "split_of", "COOPERATIVE", "TRANSNATIONAL"]

#: Types that, intended or promised, PLOVER codes as AGREE; the others, threatened, as THREATEN.
COOPERATIVE = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "INVESTIGATE")


def split_of(record_id: str, *, parts: int = 3) -> str:
    """``"check"`` for one record in ``parts`` (by the SHA-256 of its id), ``"tune"`` for the others."""
    return "check" if int(hashlib.sha256(record_id.encode("utf-8")).hexdigest(), 16) % parts == 0 else "tune"


def _codes(actors: object) -> frozenset:
    if not isinstance(actors, list):
        return frozenset()
    return frozenset(a.get("code", "") for a in actors if isinstance(a, dict) and a.get("code"))


def _mutual(record: dict) -> bool:
    """Does the record mark its actors ``SRC/TAR`` ("(SRC/TAR: Jordan) and (SRC/TAR: Britain) have agreed")? They
    are each other's counterparts: coded in ``source`` only, they are the target too."""
    info = record.get("textInfo")
    return isinstance(info, dict) and "SRC/TAR" in str(info.get("markup", ""))


def read_plover(path: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The PLOVER records at ``path`` (strict JSON list) as ``(articles, gold)``.

    Parameters
    ----------
    path : str or Path, optional
        The records; by default ``plover_gsr_dev.json`` of the ``plover-gsr`` corpus (fetched if needed).

    Returns
    -------
    (DataFrame, DataFrame)
        ``articles``: ``article_id`` (the record id), ``lang``, ``text``, ``published`` (NaT: the records'
        dates are placeholders), ``split`` (:func:`split_of`); ``gold``: ``article_id``, ``event``, ``mode``,
        ``source``, ``target`` (frozensets of codes; the actors marked ``SRC/TAR``, each other's counterparts,
        are both), ``split``.
    """
    if path is None:
        from .. import datasets

        if not datasets.is_fetched("plover-gsr"):
            datasets.fetch("plover-gsr")
        path = datasets.path("plover-gsr") / "plover_gsr_dev.json"
    records = json.loads(Path(path).read_text("utf-8"))
    if not isinstance(records, list):
        raise ValueError(f"read_plover: {path} holds no list of records; pass plover_gsr_dev.json.")
    ids = [str(r.get("id", i)) for i, r in enumerate(records)]
    split = [split_of(i) for i in ids]
    articles = pd.DataFrame({"article_id": ids, "lang": [r.get("language", "en") for r in records],
                             "text": [r.get("text", "") for r in records],
                             "published": pd.Series(pd.NaT, index=range(len(ids)), dtype="datetime64[ns, UTC]"),
                             "split": split})
    gold = pd.DataFrame({"article_id": ids, "event": [r.get("event", "") for r in records],
                         "mode": [r.get("mode", "") or "" for r in records],
                         "source": [_codes(r.get("source")) for r in records],
                         "target": [_codes(r.get("target")) or (_codes(r.get("source")) if _mutual(r) else frozenset())
                                    for r in records], "split": split})
    return articles, gold


def plover_reading(events: pd.DataFrame) -> pd.DataFrame:
    """The events with PLOVER's coding of intentions and refusals applied to ``event``.

    A hypothetical cooperative event ("will visit", "offered to negotiate") is AGREE, a hypothetical conflictual
    one ("threatened to shell") THREATEN; a negated cooperative event ("did not agree", "refused to meet") is
    REJECT. Rows ``embedded`` in a governing event ("demanded that they *refuse* …") are left out: PLOVER codes
    the governing one. Other rows are unchanged. A new table; ``events`` is not modified.
    """
    check_columns(events, ["event", "negated", "hypothetical"], func="plover_reading", name="events",
                  fix="pass the events table from extract_events()")
    out = events[~events["embedded"].astype(bool)].copy() if "embedded" in events.columns else events.copy()
    coop = out["event"].isin(COOPERATIVE)
    hyp = out["hypothetical"].astype(bool) & ~out["negated"].astype(bool)
    out.loc[hyp & coop & (out["event"] != "AGREE"), "event"] = "AGREE"
    out.loc[hyp & ~coop & out["event"].notna(), "event"] = "THREATEN"
    out.loc[out["negated"].astype(bool) & coop, "event"] = "REJECT"
    return out


#: PLOVER's (CAMEO's) codes of actors above or across states, for the registry's kinds without a country: an
#: intergovernmental organisation is ``IGO``, a transnational armed group (al-Qaeda) ``IMG``.
TRANSNATIONAL = {"organisation": "IGO", "armed_group": "IMG"}


def _state_of(actors_table: pd.DataFrame) -> dict[str, str]:
    kind = actors_table["kind"].to_numpy()
    country = actors_table["country"].fillna("").to_numpy()
    out = {}
    for actor, k, c in zip(actors_table["actor_id"], kind, country, strict=True):
        out[actor] = actor if k == "state" else (c or TRANSNATIONAL.get(k, ""))
    return out


def score_plover(events: pd.DataFrame, gold: pd.DataFrame, *, actors: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Compare extracted events with the PLOVER gold records.

    Parameters
    ----------
    events : DataFrame
        From :func:`extract_events` on the articles of :func:`read_plover` (PLOVER's reading is applied here).
    gold : DataFrame
        From :func:`read_plover`.
    actors : DataFrame
        The registry's actors table (``actor_id``, ``kind``, ``country``).

    Returns
    -------
    (DataFrame, dict)
        One row per record: ``article_id``, ``gold`` (type), ``predicted`` (sorted types, ``;``-joined),
        ``first`` (the type of the first event),
        ``type_found``, ``source_right``, ``target_right`` (``<NA>`` when the type was not found), ``gold_source``,
        ``gold_target``, ``got_source``, ``got_target``; and the summary: ``records``, ``type_precision``,
        ``type_recall``, ``first_precision``, ``source_right``, ``target_right``, ``both_right``.
    """
    check_columns(gold, ["article_id", "event", "source", "target"], func="score_plover", name="gold",
                  fix="pass the gold table from read_plover()")
    ev = plover_reading(events[events["event"].notna()])
    state = _state_of(actors)
    ev = ev.assign(s_code=ev["source"].map(lambda a: state.get(a, "")),
                   t_code=ev["target"].map(lambda a: state.get(a, "")))
    by_record = {a: g for a, g in ev.groupby("article_id")}
    rows = []
    for rec in gold.itertuples(index=False):
        got = by_record.get(rec.article_id)
        types = sorted(set(got["event"])) if got is not None else []
        found = rec.event in types
        src = tgt = pd.NA
        gs = gt = frozenset()
        if found:
            hit = got[got["event"] == rec.event]
            gs = frozenset(hit["s_code"]) - {""}
            gt = frozenset(hit["t_code"]) - {""}
            src = bool(gs & rec.source) or (not gs and not rec.source)
            tgt = bool(gt & rec.target) or (not gt and not rec.target)
        first = got["event"].iloc[0] if got is not None else ""
        rows.append((rec.article_id, rec.event, ";".join(types), first, found, src, tgt,
                     ";".join(sorted(rec.source)), ";".join(sorted(rec.target)), ";".join(sorted(gs)),
                     ";".join(sorted(gt))))
    table = pd.DataFrame(rows, columns=["article_id", "gold", "predicted", "first", "type_found", "source_right",
                                        "target_right", "gold_source", "gold_target", "got_source", "got_target"])
    with_first = table[table["first"] != ""]
    n_pred = sum(len(p.split(";")) for p in table["predicted"] if p)
    found = table[table["type_found"]]
    summary = {
        "records": len(table),
        "type_precision": (int(table["type_found"].sum()) / n_pred) if n_pred else float("nan"),
        "type_recall": float(table["type_found"].mean()) if len(table) else float("nan"),
        "first_precision": float((with_first["first"] == with_first["gold"]).mean()) if len(with_first)
        else float("nan"),
        "source_right": float(found["source_right"].astype(bool).mean()) if len(found) else float("nan"),
        "target_right": float(found["target_right"].astype(bool).mean()) if len(found) else float("nan"),
        "both_right": float((found["source_right"].astype(bool) & found["target_right"].astype(bool)).mean())
        if len(found) else float("nan"),
    }
    return table, summary
