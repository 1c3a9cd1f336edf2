"""The indexes of the hand readings: ``tests/data/theme_readings.csv`` (every theme precision sample, in order,
with its role), ``tests/data/actor_readings.csv`` (every role-probe and document reading of the actor tagger,
with what it measured when read) and ``tests/data/event_readings.csv`` (every hand reading of extracted events).

Notebooks 02, 03 and 05 build their tables of readings from these indexes: a reading stored without a row would be
left out of them silently.
"""

from __future__ import annotations

import pandas as pd
from theme_readings import DATA

from conftest import REPO

INDEX = DATA / "theme_readings.csv"
ACTORS = DATA / "actor_readings.csv"


def _index() -> pd.DataFrame:
    return pd.read_csv(INDEX, dtype={"seed": "string", "dictionary": "string"})


def test_every_stored_reading_is_listed_once_in_order():
    index = _index()
    stored = sorted(p.name for p in DATA.glob("theme_precision*.csv"))
    assert sorted(index["file"]) == stored
    assert index["order"].tolist() == list(range(1, len(index) + 1))
    assert set(index["role"]) <= {"tuned on", "tune", "held out"}


def test_a_seed_given_in_the_index_is_the_one_its_test_states():
    tests = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "tests").glob("test_theme_heldout*.py")}
    for row in _index().dropna(subset=["seed"]).itertuples():
        stating = [name for name, text in tests.items() if row.file in text]
        assert stating, f"no test reads {row.file}"
        assert any(f"seed {row.seed}" in tests[name] for name in stating), (row.file, row.seed)


def test_each_reading_has_verdicts_for_every_hit():
    for name in _index()["file"]:
        judged = pd.read_csv(DATA / name)
        assert len(judged) >= 60 and judged["verdict"].isin(["correct", "incorrect"]).all(), name


def test_every_actor_reading_is_listed_once_with_its_size():
    index = pd.read_csv(ACTORS, dtype={"seed": "string"})
    probes = sorted(p.name for p in DATA.glob("role_probes*.csv"))
    documents = sorted(p.name for p in DATA.glob("heldout_documents*.csv")
                       if "origin" in pd.read_csv(p, comment="#", nrows=0).columns)  # earlier ones: by position
    assert sorted(index.loc[index["kind"] == "role probes", "file"]) == probes
    assert sorted(index.loc[index["kind"] == "documents", "file"]) == documents
    assert index["order"].tolist() == list(range(1, len(index) + 1))
    for row in index.itertuples():
        assert len(pd.read_csv(DATA / row.file, comment="#")) == row.n, row.file
        if pd.notna(row.seed):
            assert row.seed in (DATA / row.file).read_text(encoding="utf-8"), row.file  # the header says how it was drawn


def test_every_event_reading_is_listed_once_in_order():
    index = pd.read_csv(DATA / "event_readings.csv")
    assert sorted(index["file"]) == sorted(p.name for p in DATA.glob("events_precision*.csv"))
    assert index["order"].tolist() == list(range(1, len(index) + 1))
    assert index["seed"].is_monotonic_increasing  # the seeds were taken in turn, one per reading
    for row in index.itertuples():
        judged = pd.read_csv(DATA / row.file, keep_default_na=False)
        assert set(judged["verdict"]) <= {"correct", "wrong", "direction"} and len(judged) >= 60, row.file
