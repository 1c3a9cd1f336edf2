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

__all__ = ["read_re3d", "score_mentions", "document_outcomes", "document_scores", "role_probe_outcomes",
           "read_document_reading", "registry_person_names", "RE3D_TYPES"]

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


# Document-level scoring against a hand-read set (tests/data/heldout_documents*.csv): each document's gold is the
# set of actors it names, written before tagging. Registry ids are scored by their kind; a person the registry lacked
# is ``new:<name as written, words joined by _>`` and is found by a discovered ``prov:`` id of the same slug
# (discover_actors); ``neworg:`` and ``newstate:`` mark an organisation or state-like entity the registry lacked.
SCORED_KINDS = ("state", "person", "armed_group", "organisation")
_NEW_KIND = {"new": "person", "neworg": "organisation", "newstate": "state", "newgrp": "armed_group"}


def _gold_kind(token: str, kind_of: dict[str, str]) -> str:
    head = token.split(":", 1)[0]
    return _NEW_KIND[head] if head in _NEW_KIND and token not in kind_of else kind_of.get(token, "unknown")


def _gold_key(token: str, names: dict[str, str] | None = None) -> str:
    """``new:Hadi_al-Bahra`` and ``prov:hadi_al_bahra`` share a key (the discovered id's slug); with ``names``, a
    ``new:`` name that is one registry person's is that person's id."""
    from .keys import key_form
    from .provisional import provisional_id

    head, _, name = token.partition(":")
    if head == "new" and names and key_form(name.replace("_", " ")) in names:
        return names[key_form(name.replace("_", " "))]
    return provisional_id(name.replace("_", " ")) if head == "new" else token


def registry_person_names(registry) -> dict[str, str]:
    """Key form of a person's label or name alias -> the person's id, for the names only one person has: a reading's
    ``new:<name as written>`` (a person the registry lacked when read) is that person once the registry has them
    ("new:Dag_Hammarskjold" is per:dag_hammarskjold from round 17)."""
    from .keys import key_form  # noqa: PLC0415

    people = registry.actors.loc[registry.actors["kind"] == "person", ["actor_id", "label"]]
    names = registry.aliases.loc[registry.aliases["kind"].isin(["name", "short_name"])
                                 & registry.aliases["actor_id"].isin(people["actor_id"]), ["actor_id", "alias"]]
    pairs = pd.concat([people.rename(columns={"label": "alias"}), names]).assign(
        key=lambda t: t["alias"].map(key_form)).drop_duplicates(["key", "actor_id"])
    once = pairs.drop_duplicates("key", keep=False)
    return dict(zip(once["key"], once["actor_id"], strict=True))


def document_outcomes(gold: pd.DataFrame, mentions: pd.DataFrame, kind_of: dict[str, str], *,
                      names: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per (document, actor) of the gold or the tagged: ``article_id``, ``actor`` (the gold token, or
    the tagged id), ``kind``, ``outcome`` (``tp``, ``fp`` extra, ``fn`` missed).

    ``gold`` has ``article_id`` and ``expected`` (space-separated tokens, see above); ``mentions`` is a
    :func:`tag_actors` or ``discover_actors`` table of the same articles. Places, media and unresolved mentions
    are not scored. ``names`` (:func:`registry_person_names`): a ``new:`` person the registry has since gained
    is found by that person's id.
    """
    for col in ("article_id", "expected"):
        if col not in gold.columns:
            raise ValueError(f"document_outcomes: gold lacks {col!r}; pass a table with article_id and expected.")
    tagged = mentions.dropna(subset=["actor_id"])
    found = {aid: set(g["actor_id"]) for aid, g in tagged.groupby("article_id")}
    prov_kind = dict(zip(tagged["actor_id"], tagged["alias_kind"], strict=True))
    rows = []
    for aid, expected in zip(gold["article_id"], gold["expected"].fillna(""), strict=True):
        want = {_gold_key(t, names): t for t in str(expected).split()}
        got = {a for a in found.get(aid, ()) if (kind_of.get(a) or prov_kind.get(a)) in SCORED_KINDS}
        for key, token in want.items():
            rows.append((aid, token, _gold_kind(token, kind_of), "tp" if key in got else "fn"))
        for a in sorted(got - set(want)):
            rows.append((aid, a, kind_of.get(a) or prov_kind.get(a), "fp"))
    return pd.DataFrame(rows, columns=["article_id", "actor", "kind", "outcome"])


def document_scores(outcomes: pd.DataFrame, by: list[str] | None = None,
                    kinds: tuple[str, ...] = ("state", "person", "armed_group")) -> pd.DataFrame:
    """Precision, recall and F1 of :func:`document_outcomes` rows of ``kinds`` (people, states and armed groups by
    default, the target classes of issue 12), overall or per ``by`` columns (e.g. ``["kind"]``, ``["lang"]``)."""
    rows = outcomes[outcomes["kind"].isin(kinds)]
    counts = (rows.groupby(by or (lambda _: "all"))["outcome"].value_counts().unstack(fill_value=0)
              .reindex(columns=["tp", "fp", "fn"], fill_value=0))
    p = counts["tp"] / (counts["tp"] + counts["fp"])
    r = counts["tp"] / (counts["tp"] + counts["fn"])
    return counts.assign(precision=p, recall=r, f1=2 * p * r / (p + r)).reset_index()


def role_probe_outcomes(probes: pd.DataFrame, registry=None) -> pd.DataFrame:
    """Tag each probe phrase on its date and say whether the role holders found are the expected ones.

    Parameters
    ----------
    probes : pandas.DataFrame
        One probe per row: ``phrase`` (a role phrase alone, "the Kenyan president", "وزيرا خارجية لبنان
        وإندونيسيا"), ``date`` (the day it is read on) and ``expected``: the holder's actor id, several joined by
        ``|`` (a plural or coordinated title), or ``-`` when the office had no holder that day. Other columns
        (``lang``, ``expected_name`` …) are kept.
    registry : ActorRegistry or ActorMatcher, optional
        Default: the shipped registry's cached matcher.

    Returns
    -------
    pandas.DataFrame
        ``probes`` with ``got`` (the ids resolved from role phrases, sorted and joined by ``|``; ``""`` for none)
        and ``right`` (``got`` is the expected set; for ``-``, nobody was named).

    Examples
    --------
    >>> import pandas as pd
    >>> probes = pd.DataFrame({"phrase": ["the Kenyan president"], "date": ["2023-06-01"],
    ...                        "expected": ["per:william_ruto"]})
    >>> role_probe_outcomes(probes)[["got", "right"]].to_dict("records")
    [{'got': 'per:william_ruto', 'right': True}]
    """
    for col in ("phrase", "date", "expected"):
        if col not in probes.columns:
            raise ValueError(f"role_probe_outcomes: probes lack {col!r}; give phrase, date and expected "
                             "(an actor id, ids joined by '|', or '-' for a vacant office).")
    out = probes.reset_index(drop=True)
    matcher = registry if registry is not None else default_matcher()
    mentions = tag_actors(pd.DataFrame({"article_id": out.index, "text": out["phrase"], "published": out["date"]}),
                          registry=matcher)
    roles = mentions[mentions["method"] == "role"].dropna(subset=["actor_id"])
    got = roles.groupby("article_id")["actor_id"].agg(lambda s: "|".join(sorted(set(s))))
    want = out["expected"].fillna("").astype(str).map(lambda e: "" if e == "-" else "|".join(sorted(e.split("|"))))
    out["got"] = out.index.map(got).fillna("").astype(str)
    out["right"] = out["got"] == want
    return out


def read_document_reading(path: str | Path, *, lang: dict | None = None,
                          chars: int = 1200) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The articles and expected actors of a hand-read document sample, numbered alike.

    ``path`` is a CSV (``#`` comments allowed) with one row per document read: ``corpus``, ``origin`` (the
    article's origin in the fetched corpus) and ``expected`` (space-separated tokens, see
    :func:`document_outcomes`). The articles are read from the fetched corpora (kremlin-en and wh-readouts only
    the files named), cut to the first ``chars`` characters, as they were read; ``lang`` maps a corpus to a
    language column when the corpus has none. Give both tables to :func:`document_outcomes` after tagging.
    """
    from ..datasets.recipes import read_corpus  # noqa: PLC0415 (the readers load on demand)

    gold = pd.read_csv(path, comment="#", keep_default_na=False)
    if "origin" not in gold.columns:
        raise ValueError(f"read_document_reading: {path} has no 'origin' column; the readings before round 10 "
                         "name documents by position and are read by their own tests.")
    parts = []
    for corpus, rows in gold.groupby("corpus", sort=False):
        opts = ({"include": ["*/" + o.rsplit("/", 1)[-1] for o in rows["origin"]]}
                if corpus in ("kremlin-en", "wh-readouts") else {})
        arts, _ = read_corpus(corpus, fetch_missing=False, **opts)
        arts = arts.set_index("origin", drop=False).loc[rows["origin"]].reset_index(drop=True)
        arts = arts.assign(text=arts["text"].str[:chars])
        parts.append(arts.assign(lang=lang[corpus]) if lang is not None else arts)
    arts = pd.concat(parts, ignore_index=True)
    order = pd.concat([rows for _, rows in gold.groupby("corpus", sort=False)], ignore_index=True)
    return arts.assign(article_id=range(len(arts))), order.assign(article_id=range(len(order)))
