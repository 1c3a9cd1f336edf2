"""The diplolib command."""

from __future__ import annotations

import subprocess
import sys

from diplolib.cli import main


def test_help_runs_as_a_program():
    out = subprocess.run([sys.executable, "-m", "diplolib.cli", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    assert "data" in out.stdout and "figures" in out.stdout


def test_data_list_prints_the_catalogue(home, capsys):
    assert main(["data", "list"]) == 0
    out = capsys.readouterr().out
    for name in ("fa-kes", "kremlin-en", "ungdc", "wh-readouts"):
        assert name in out


def test_fetch_without_a_name_is_a_usage_error(home, capsys):
    assert main(["data", "fetch"]) == 2
    assert "--all" in capsys.readouterr().err


def test_fetch_failure_is_reported_not_raised(home, capsys):
    assert main(["data", "fetch", "kremlin-en", "--quiet"]) == 1
    assert "DIPLOLIB_MIRROR" in capsys.readouterr().err


def test_fetch_from_a_mirror(home, copy_corpus, capsys):
    mirror = copy_corpus("sana-fr")
    assert main(["data", "fetch", "sana-fr", "--mirror", str(mirror), "--quiet"]) == 0
    assert "sana-fr:" in capsys.readouterr().out


def test_figures_list(capsys):
    assert main(["figures", "--list"]) == 0
    assert "corpus_years" in capsys.readouterr().out
