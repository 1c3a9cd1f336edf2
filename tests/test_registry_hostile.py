"""Registry files that are hostile or simply wrong (issue 14): every problem is a RegistryError line, never a
raw exception, and absurd values are refused."""

from __future__ import annotations

import pytest

from diplolib.actors.registry import RegistryError, load_registry

ALIASES = "actor_id,alias,lang,kind\n"


def test_folder_named_like_a_table_is_a_problem(tmp_path):
    (tmp_path / "x_actors.csv").mkdir()
    with pytest.raises(RegistryError, match="x_actors.csv: file: a folder"):
        load_registry(tmp_path)


@pytest.mark.parametrize("alias, what", [("Bashar\x00al-Assad", "my_aliases.csv:2: alias: holds a control"),
                                         ("a" * 100_000, "my_aliases.csv:2: alias: 100,000 characters"),
                                         # over the csv module's field limit (which the CSV reader restores)
                                         ("a" * 200_000, "my_aliases.csv:\\?: file: cannot be read as CSV")])
def test_absurd_alias_values_are_refused(tmp_path, alias, what):
    (tmp_path / "my_aliases.csv").write_text(ALIASES + f"SYR,{alias},en,name\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=what):
        load_registry(tmp_path)


def test_reading_a_csv_leaves_the_csv_field_limit_as_it_was(tmp_path):
    """The CSV reader raises csv's field limit for its own read only (a registry file keeps csv's default)."""
    import csv

    from diplolib.readers import read_records

    before = csv.field_size_limit()
    path = tmp_path / "big.csv"
    path.write_text("title,text\nT," + "x" * 200_000 + "\n", "utf-8")
    records, errors = read_records(path)
    assert len(records) == 1 and errors.empty
    assert csv.field_size_limit() == before
