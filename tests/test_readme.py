"""Every Python block of README.md runs, in order, on the sample corpora (the README's examples are real calls).

A block preceded by a line ``<!-- illustrative: why -->`` is shown but not run (the README says which and why).
The blocks run in one namespace, in a throw-away project folder whose ``data/raw`` is the repository's fetched
corpora, so that what they write (caches, a corpus store) stays out of the repository.
"""

from __future__ import annotations

import re

import matplotlib
import pytest

from conftest import REPO

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

_BLOCK = re.compile(r"(?P<before>[^\n]*)\n```python\n(?P<code>.*?)\n```", re.S)
CORPORA = ("fa-kes", "sana-fr", "ungdc", "wikinews-fr")


def readme_blocks() -> list[tuple[int, str, bool]]:
    """``(line, code, illustrative)`` of each Python block, in order."""
    text = (REPO / "README.md").read_text("utf-8")
    return [(text[: m.start("code")].count("\n") + 1, m.group("code"), "<!-- illustrative" in m.group("before"))
            for m in _BLOCK.finditer(text)]


def test_the_readme_has_python_examples():
    blocks = readme_blocks()
    assert len(blocks) >= 8 and sum(not illustrative for _, _, illustrative in blocks) >= 8


@pytest.mark.slow
def test_every_readme_block_runs(tmp_path, monkeypatch):
    from conftest import corpus_dir

    for name in CORPORA:
        corpus_dir(name)  # skips when a corpus is not fetched
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "raw").symlink_to(REPO / "data" / "raw")
    monkeypatch.setenv("DIPLOLIB_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "__readme__"}
    for line, code, illustrative in readme_blocks():
        if illustrative:
            continue
        try:
            exec(compile(code, f"README.md:{line}", "exec"), namespace)  # noqa: S102 - the README's own examples
        except Exception as exc:
            raise AssertionError(f"the README block at line {line} fails: {type(exc).__name__}: {exc}") from exc
        finally:
            plt.close("all")


def test_the_figures_index_lists_every_registered_figure_once():
    """The Figures section's index: one row per figure of the registry, its PNG committed, its notebook existing,
    its README section really showing the image (a new figure without a row, or a row left after a figure was
    renamed, fails here)."""
    from diplolib.figures import FIGURES

    text = (REPO / "README.md").read_text("utf-8")
    index = text[text.index("\n## Figures\n"):]
    index = index[: index.index("\n## ", 1)]
    rows = re.findall(r"^\| \[`(\w+)`\]\(figures/(\w+)\.png\) \|.*\| \[[^]]*\]\(notebooks/([\w-]+\.ipynb)\) "
                      r"\| \[([^]]+)\]\(#[\w-]+\) \|$", index, re.M)
    names = [name for name, *_ in rows]
    assert sorted(names) == sorted(FIGURES) and len(set(names)) == len(names)
    sections = {m.group(1): m.start() for m in re.finditer(r"^## (.+?)(?: \(.*\))?$", text, re.M)}
    starts = sorted(sections.values())
    for name, png, notebook, section in rows:
        assert png == name and (REPO / "figures" / f"{name}.png").is_file()
        assert (REPO / "notebooks" / notebook).is_file(), f"{name}: no notebook {notebook}"
        start = sections[section]
        end = next((s for s in starts if s > start), len(text))
        assert f"figures/{name}.png)" in text[start:end], f"{name}: section {section!r} does not show it"
