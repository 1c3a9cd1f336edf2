"""Shared checks of the hand-read event samples (``tests/test_events_precision_20*.py``, issue 15).

Each reading is a CSV of hand-judged events (offsets, ids and verdicts, no corpus text): one row per event, a
``verdict`` (``correct``, ``wrong``, ``direction`` for source and target swapped) and, for a wrong one, a note that
starts with the kind of error (``"target: …"``). The checks every reading repeats live here, as
``tests/theme_readings.py`` holds those of the theme readings.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from conftest import corpus_dir
from diplolib import datasets, events
from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events

DATA = Path(__file__).parent / "data"
#: the kinds of error a wrong verdict's note starts with
KINDS = frozenset({"target", "source", "roles", "false", "type", "actor", "flag", "sector", "direction"})


def read_judged(path) -> pd.DataFrame:
    """A judged-events CSV, empty fields kept as ""."""
    return pd.read_csv(path, dtype={"article_id": str}, keep_default_na=False)


def assert_reading_whole(judged: pd.DataFrame, *, n: int, right: int, swapped: int, kinds=KINDS,
                         both_sides: bool = True) -> None:
    """The reading has its ``n`` events, each once, every wrong one with a note of a known kind, ``right`` of them
    judged right (the figure reported in the README) and ``swapped`` with source and target swapped; with
    ``both_sides`` every event names both sides, as the samples up to seed 2036 were drawn."""
    verdicts = {"correct", "wrong", "direction"} if swapped else {"correct", "wrong"}
    assert len(judged) == n and set(judged["verdict"]) == verdicts
    assert not judged.duplicated(["article_id", "start"]).any()
    wrong = judged[judged["verdict"] != "correct"]
    assert (wrong["note"] != "").all() and set(wrong["note"].str.split(":").str[0]) <= set(kinds)
    if both_sides:
        assert (judged["source"] != "").all() and (judged["target"] != "").all()  # both sides named, as drawn
    assert (judged["verdict"] == "correct").sum() == right
    assert (judged["verdict"] == "direction").sum() == swapped


def read_before(path) -> set:
    """(article_id, start) of every event read in a reading other than ``path``."""
    earlier = pd.concat([read_judged(p) for p in DATA.glob("events_precision*.csv") if p != Path(path)])
    return set(zip(earlier["article_id"], earlier["start"].astype(int), strict=True))


def corpus_events(corpus: str, ids) -> pd.DataFrame:
    """The events ``extract_events`` gives now on the articles ``ids`` of a judged corpus name: ``unpc-<lang>``
    is one language of unpc-ar-fr-en and ``unpc-ar-fr-en`` all three, both read with the UN symbol's author as the
    samples were drawn; any other name the fetched corpus. Skips when the corpus is not fetched."""
    name = "unpc-ar-fr-en" if corpus.startswith("unpc-") else corpus
    corpus_dir(name)
    articles, _ = datasets.load(name)
    articles = articles[articles["article_id"].isin(set(ids))]
    if corpus.startswith("unpc-") and corpus != "unpc-ar-fr-en":
        articles = articles[articles["lang"] == corpus.split("-")[1]]
    author = None
    if name == "unpc-ar-fr-en":
        articles, author = articles.assign(author=events.un_authors(articles)), "author"
    return extract_events(articles, registry=default_matcher(), author=author)


def readings(ev: pd.DataFrame) -> set:
    """(article_id, start, event, source, target) of every row, empty sides as ""."""
    return set(zip(ev["article_id"], ev["start"], ev["event"], ev["source"].fillna(""), ev["target"].fillna(""),
                   strict=True))


#: the corpus mix of the readings drawn since seed 2037 (one side named at least)
DRAWN_CORPORA = {"fa-kes": 12, "kremlin-en": 9, "unpc-en": 8, "unpc-fr": 8, "unpc-ar": 8, "wh-readouts": 8,
                 "meae-fr": 7}
#: the corpora of those readings, one parametrised test each
DRAWN_NAMES = ["fa-kes", "unpc-en", "unpc-fr", "unpc-ar", "kremlin-en", "meae-fr", "wh-readouts"]


def assert_drawn_counts(judged: pd.DataFrame, *, right_of_each: tuple[int, int, int]) -> None:
    """A reading drawn since seed 2037: one side named at least, ``correct`` exactly where type, source and target
    are all right, ``right_of_each`` (type, source, target) right as reported in the README, the corpus mix drawn."""
    assert ((judged["source"] != "") | (judged["target"] != "")).all()  # at least one side named, as drawn
    ok = judged[["type_ok", "source_ok", "target_ok"]].astype(bool)
    assert (ok.all(axis=1) == (judged["verdict"] == "correct")).all()
    assert tuple(int(v) for v in ok.sum()) == right_of_each
    assert judged["corpus"].value_counts().to_dict() == DRAWN_CORPORA


def assert_recall_set(path, *, found: int, all_right: int) -> None:
    """The 25 sentences judged on-event first: each once, ``found`` with the type found and ``all_right`` with both
    sides right (the figures reported in the README), a note for every one not all right, PLOVER types only."""
    recall = read_judged(path)
    assert len(recall) == 25 and not recall.duplicated(["article_id", "start"]).any()
    got, full = recall["found"].astype(bool), recall["all_right"].astype(bool)
    assert (int(got.sum()), int(full.sum())) == (found, all_right)
    assert not (full & ~got).any() and (recall.loc[~full, "note"] != "").all()
    assert recall["types"].str.split("|").map(lambda t: set(t) <= set(events.PLOVER_TYPES)).all()


def right_and_found(judged: pd.DataFrame, corpus: str) -> tuple[set, set]:
    """(the readings judged right in ``corpus``, the readings ``extract_events`` gives now on their articles)."""
    part = judged[(judged["corpus"] == corpus) & (judged["verdict"] == "correct")]
    got = readings(events.plover_reading(corpus_events(corpus, part["article_id"]).query("event == event")))
    want = set(zip(part["article_id"], part["start"], part["event"], part["source"], part["target"], strict=True))
    return want, got


def events_of(texts: dict) -> dict:
    """The events of each text of ``texts`` (language -> key -> text), by "lang:key", all read on 2015-06-01: the
    case-and-twin tables of the rounds' event rules."""
    arts = pd.DataFrame([(f"{lang}:{k}", lang, t) for lang, by_key in texts.items() for k, t in by_key.items()],
                        columns=["article_id", "lang", "text"]).assign(published=pd.Timestamp("2015-06-01", tz="UTC"))
    ev = extract_events(arts, registry=default_matcher())
    return {k: ev[ev["article_id"] == k] for k in arts["article_id"]}


def triples(df: pd.DataFrame, event: str | None = None) -> set:
    """The (event, source, target) of the rows (of one event type when ``event`` is given), an empty side as ""."""
    if event is not None:
        df = df[df["event"] == event]
    return set(zip(df["event"], df["source"].fillna(""), df["target"].fillna(""), strict=True))
