"""The events table of six sample corpora, dumped and compared exactly: before/after checks of event extraction.

    git archive main diplolib | tar -x -C /tmp/before
    .venv/bin/python benchmarks/with_code.py /tmp/before benchmarks/compare_events.py dump /tmp/events-before
    .venv/bin/python benchmarks/compare_events.py dump /tmp/events-after
    .venv/bin/python benchmarks/compare_events.py compare /tmp/events-before /tmp/events-after

``dump`` loads each corpus of :data:`CORPORA` that is fetched, tags its actors with ``tag_actors`` and extracts its
events with ``extract_events`` (the shipped cue lexicon and registry, ``reasons=True`` so that every article ends
as an event row or a reason row; the Kremlin's and the White House's readouts also through ``readout_events``,
their titles with the issuer's leader as ``speaker``), then pickles the table (exact dtypes and values).
The PLOVER gold standard's sentences (``plover-gsr``, read by ``read_plover``), when fetched, are dumped the same
way. ``compare`` checks two dumps with ``assert_frame_equal(check_exact=True)`` (``_pickled_tables.py``, shared with
``compare_themes.py``).
"""

from __future__ import annotations

import pickle
from pathlib import Path

from _pickled_tables import main

#: The corpora compared: English news (FA-KES), the two readout sites, French and Arabic, and the UN documents in
#: three languages (read with the author their symbol names, as the notebook reads them: resolutions' paragraphs).
CORPORA = ("fa-kes", "kremlin-en", "wh-readouts", "meae-fr", "wikinews-ar", "unpc-ar-fr-en")
#: The readout sites, whose titles are also read by ``readout_events``.
READOUTS = ("kremlin-en", "wh-readouts")


def dump(folder: Path) -> None:
    from diplolib import datasets
    from diplolib.actors import ActorMatcher, load_registry, tag_actors
    from diplolib.events import extract_events, load_cues, read_plover, readout_events, un_authors

    folder.mkdir(parents=True, exist_ok=True)
    matcher = ActorMatcher(load_registry())
    cues = load_cues()
    for name in CORPORA:
        if not datasets.is_fetched(name):
            print(f"{name}: not fetched, skipped")
            continue
        articles, _ = datasets.load(name, fetch_missing=False)
        mentions = tag_actors(articles, registry=matcher)
        author = None
        if name == "unpc-ar-fr-en":
            articles, author = articles.assign(author=un_authors(articles)), "author"
        events = extract_events(articles, mentions, registry=matcher, cues=cues, reasons=True, author=author)
        (folder / f"{name}.pkl").write_bytes(pickle.dumps(events))
        print(f"{name}: {len(articles)} articles, {len(events)} rows")
        if name in READOUTS:
            titles = readout_events(articles, registry=matcher, cues=cues)
            (folder / f"{name}-titles.pkl").write_bytes(pickle.dumps(titles))
            print(f"{name} titles: {len(titles)} rows")
    if datasets.is_fetched("plover-gsr"):
        articles = read_plover()[0]
        events = extract_events(articles, tag_actors(articles, registry=matcher), registry=matcher, cues=cues,
                                reasons=True)
        (folder / "plover-gsr.pkl").write_bytes(pickle.dumps(events))
        print(f"plover-gsr: {len(articles)} sentences, {len(events)} rows")


if __name__ == "__main__":
    main(dump, __doc__.splitlines()[0])
