"""The theme hit table of every sample corpus, dumped and compared exactly: before/after checks of the theme tagger.

    .venv/bin/python benchmarks/with_code.py /tmp/before benchmarks/compare_themes.py dump /tmp/themes-before
    .venv/bin/python benchmarks/compare_themes.py dump /tmp/themes-after
    .venv/bin/python benchmarks/compare_themes.py compare /tmp/themes-before /tmp/themes-after

``dump`` tags the articles of every fetched sample corpus (``datasets.RECIPES``) with ``tag_themes`` and the shipped
dictionary and pickles each table; ``compare`` checks them with ``assert_frame_equal(check_exact=True)``.
A lighter sibling of ``compare_tables.py`` (which computes every table of the library).
"""

from __future__ import annotations

import pickle
from pathlib import Path

from _pickled_tables import main


def dump(folder: Path) -> None:
    from diplolib import datasets
    from diplolib.themes import load_themes, tag_themes

    folder.mkdir(parents=True, exist_ok=True)
    dictionary = load_themes()
    for name in datasets.RECIPES:
        if not datasets.is_fetched(name):
            print(f"{name}: not fetched, skipped")
            continue
        articles, _ = datasets.load(name, fetch_missing=False)
        hits = tag_themes(articles, dictionary=dictionary)
        (folder / f"{name}.pkl").write_bytes(pickle.dumps(hits))
        print(f"{name}: {len(articles)} articles, {int(hits['theme'].notna().sum())} hits")


if __name__ == "__main__":
    main(dump, __doc__.splitlines()[0])
