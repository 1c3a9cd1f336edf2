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


def test_load_writes_articles_and_the_error_report(tmp_path, capsys):
    import pandas as pd

    src = tmp_path / "corpus"
    src.mkdir()
    (src / "a.csv").write_text('body,when,title\n"The ministers met in Geneva to talk about aid.",2016-01-02,'
                               '=HYPERLINK("x")\n,2016-01-03,empty\n', encoding="utf-8")
    out = tmp_path / "out" / "articles.parquet"
    status = main(["load", str(src), "--columns", "text=body", "published=when", "--out", str(out)])
    assert status == 0
    printed = capsys.readouterr().out
    assert "1 articles, 1 load errors" in printed and "empty: 1" in printed
    articles = pd.read_parquet(out)
    assert len(articles) == 1 and str(articles.loc[0, "published"].date()) == "2016-01-02"
    errors = pd.read_csv(tmp_path / "out" / "articles.errors.csv")
    assert list(errors["error"]) == ["empty"]
    csv_out = tmp_path / "articles.csv"
    assert main(["load", str(src), "--columns", "text=body", "--out", str(csv_out)]) == 0
    assert pd.read_csv(csv_out).loc[0, "title"] == "'=HYPERLINK(\"x\")"


def test_load_reports_a_bad_mapping(tmp_path, capsys):
    (tmp_path / "a.csv").write_text("text\nsome text here\n", encoding="utf-8")
    assert main(["load", str(tmp_path), "--columns", "txt=text"]) == 2
    assert "not record fields" in capsys.readouterr().err
    assert main(["load", str(tmp_path), "--columns", "text"]) == 2
