"""Theme files that are hostile or simply wrong (issue 14): a catch-all cue is refused, a latin-1 file is an
error naming the file and line."""

from __future__ import annotations

import string

import pytest

from diplolib.themes import load_themes
from diplolib.themes.cues import cue_pattern
from diplolib.themes.dictionary import ThemeFileError

LETTERS = "[" + "|".join(string.ascii_lowercase) + "]"


@pytest.mark.parametrize("cue", [LETTERS * 3 + "*", LETTERS * 4 + "*",
                                 "(" + "|".join(string.ascii_lowercase) + ")" + LETTERS * 3 + "*"])
def test_catch_all_cues_are_refused(tmp_path, cue):
    with pytest.raises(ValueError, match="common en words"):
        cue_pattern(cue, "en")
    path = tmp_path / "t.yaml"
    path.write_text(f"themes:\n  - id: everything\n    label: Everything\n    cues:\n      en: ['{cue}']\n",
                    encoding="utf-8")
    with pytest.raises(ThemeFileError, match=r"t.yaml:5: .*common en words"):
        load_themes(path, include_default=False)


def test_ordinary_cues_pass_the_breadth_check():
    for cue, lang in [("negotiat*", "en"), ("cessez-le-feu", "fr"), ("bomb(s|ed|ing)", "en"), ("هدنة", "ar")]:
        assert cue_pattern(cue, lang)


def test_latin1_theme_file_names_file_and_line(tmp_path):
    path = tmp_path / "themes-fr.yaml"
    path.write_bytes("themes:\n  - id: treve\n    label: Trêve\n".encode("latin-1"))
    with pytest.raises(ThemeFileError, match=r"themes-fr.yaml:3: .*not UTF-8"):
        load_themes(path, include_default=False)
