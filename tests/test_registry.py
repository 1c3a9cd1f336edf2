"""Tests of the actor registry: shipped data, look-ups, user extensions and validation errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplolib.actors import Registry, RegistryError, build_states, load_registry
from diplolib.actors.registry import DATA_DIR, GENERATED_DIR, HAND_TABLES, TABLES


@pytest.fixture(scope="module")
def reg() -> Registry:
    return load_registry()


# -- the shipped registry ------------------------------------------------
def test_shipped_registry_is_valid_and_complete(reg):
    assert len(reg.actors) > 400
    assert set(reg.actors["kind"]) == {"person", "state", "organisation", "armed_group", "place", "media"}
    assert not reg.actors["actor_id"].duplicated().any()
    assert {"en", "fr", "ar"} == set(reg.aliases["lang"])
    assert reg.roles["start"].notna().all()


def test_every_un_member_and_observer_has_names_in_three_languages(reg):
    states = reg.actors[reg.actors["kind"] == "state"]
    expected = set(build_states.UN_MEMBERS) | {"PSE", "VAT"}
    assert len(build_states.UN_MEMBERS) == 193
    assert set(states["actor_id"]) == expected
    names = reg.aliases[reg.aliases["kind"] == "name"]
    for lang in ("en", "fr", "ar"):
        missing = expected - set(names.loc[names["lang"] == lang, "actor_id"])
        assert not missing, (lang, missing)


@pytest.mark.parametrize(
    "actor, lang, alias",
    [
        ("RUS", "en", "Russia"),
        ("RUS", "fr", "Russie"),
        ("RUS", "ar", "روسيا"),
        ("SYR", "en", "Syrian Arab Republic"),
        ("SYR", "fr", "Syrie"),
        ("SYR", "ar", "سوريا"),
        ("RUS", "en", "Russian"),
        ("RUS", "en", "the Russian side"),
        ("RUS", "fr", "russe"),
        ("RUS", "fr", "russes"),
        ("RUS", "fr", "le côté russe"),
        ("RUS", "ar", "الروسي"),
        ("RUS", "ar", "الجانب الروسي"),
        ("RUS", "en", "Moscow"),
        ("RUS", "fr", "Moscou"),
        ("RUS", "ar", "موسكو"),
        ("USA", "fr", "américain"),
        ("USA", "fr", "américaine"),
        ("USA", "fr", "américains"),
        ("USA", "fr", "américaines"),
        ("USA", "ar", "الأميركية"),
        ("USA", "en", "Washington"),
        ("SYR", "fr", "syriennes"),
        ("SYR", "ar", "سورية"),
        ("SYR", "ar", "السورية"),
        ("SYR", "fr", "Damas"),
        ("grp:isis", "en", "ISIL"),
        ("grp:isis", "fr", "Daech"),
        ("grp:isis", "fr", "EI"),
        ("grp:isis", "ar", "داعش"),
        ("org:unsc", "fr", "Conseil de sécurité"),
        ("org:unsc", "ar", "مجلس الأمن"),
        ("org:opcw", "fr", "OIAC"),
        ("org:issg", "fr", "Groupe de soutien international à la Syrie"),
        ("grp:hezbollah", "ar", "حزب الله"),
        ("per:sergey_lavrov", "fr", "Sergueï Lavrov"),
        ("per:sergey_lavrov", "ar", "سيرغي لافروف"),
        ("per:bashar_al_assad", "fr", "Bachar el-Assad"),
        ("per:recep_tayyip_erdogan", "en", "Erdogan"),
        ("MMR", "en", "Burma"),
        ("PSE", "en", "Palestine"),
        ("VAT", "en", "Holy See"),
    ],
)
def test_alias_is_shipped(reg, actor, lang, alias):
    al = reg.aliases
    assert ((al["actor_id"] == actor) & (al["lang"] == lang) & (al["alias"] == alias)).any()


@pytest.mark.parametrize(
    "actor, alias",
    [
        ("USA", "US"),
        ("grp:isis", "IS"),
        ("org:un", "UN"),
        ("org:who", "WHO"),
        ("per:theresa_may", "May"),
        ("TCD", "Chad"),
        ("TUR", "Turkey"),
    ],
)
def test_word_like_aliases_are_case_sensitive(reg, actor, alias):
    hit = reg.aliases[(reg.aliases["actor_id"] == actor) & (reg.aliases["alias"] == alias)]
    assert len(hit) and hit["case_sensitive"].all()


def test_arabic_aliases_are_stored_without_short_vowels(reg):
    ar = reg.aliases.loc[reg.aliases["lang"] == "ar", "alias"]
    assert not ar.str.contains("[\u064b-\u0652]", regex=True).any()


def test_wikidata_ids_are_q_ids_or_empty(reg):
    assert reg.actors["wikidata"].map(lambda q: q == "" or re.fullmatch(r"Q[1-9]\d*", q) is not None).all()
    assert reg.actors.set_index("actor_id").loc["SYR", "wikidata"] == "Q858"


def test_shipped_state_rows_are_what_the_generator_writes(tmp_path):
    """The shipped files are up to date with build_states (and the generator is deterministic)."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    build_states.build(copy)
    for name in ("actors.csv", "aliases.csv", "role_phrases.csv", "roles.csv"):
        assert (copy / name).read_bytes() == (DATA_DIR / name).read_bytes(), name


# -- look-ups ------------------------------------------------
@pytest.mark.parametrize(
    "role, of, date, expected",
    [
        ("foreign_minister", "RUS", "2016-02-12", "per:sergey_lavrov"),
        ("foreign_minister", "USA", "2016-02-12", "per:john_kerry"),
        ("foreign_minister", "USA", "2018-06-01", "per:mike_pompeo"),
        ("head_of_state", "SYR", "1995-01-01", "per:hafez_al_assad"),
        ("head_of_state", "SYR", "2016-02-12", "per:bashar_al_assad"),
        ("head_of_state", "SYR", "2025-06-01", "per:ahmed_al_sharaa"),
        ("head_of_state", "SYR", "2000-06-20", "per:abdul_halim_khaddam"),  # acting between Hafez and Bashar
        ("head_of_government", "GBR", "2016-07-13", "per:theresa_may"),  # handover day: the successor
        ("head_of_government", "GBR", "2016-07-12", "per:david_cameron"),
        ("un_envoy_syria", "org:un", "2016-02-12", "per:staffan_de_mistura"),
        ("secretary_general", "org:un", "2016-12-31", "per:ban_ki_moon"),
        ("head_of_government", "IRN", "2016-02-12", "per:hassan_rouhani"),
        ("defence_minister", "USA", "2019-03-01", "per:patrick_shanahan"),  # acting, from data/curated/roles.csv
        ("foreign_minister", "RUS", None, None),
        ("foreign_minister", "RUS", "not a date", None),
        ("foreign_minister", "XXX", "2016-02-12", None),
    ],
)
def test_holder(reg, role, of, date, expected):
    assert reg.holder(role, of, date) == expected


def test_holder_accepts_timestamps(reg):
    import pandas as pd

    assert (
        reg.holder("foreign_minister", "USA", pd.Timestamp("2016-02-12 10:00", tz="UTC")) == "per:john_kerry"
    )


@pytest.mark.parametrize(
    "alias, lang, date, expected",
    [
        ("Assad", "en", "1990-05-01", ["per:hafez_al_assad"]),
        ("Assad", "en", "2013-08-21", ["per:bashar_al_assad"]),
        ("assad", None, None, ["per:bashar_al_assad", "per:hafez_al_assad"]),
        ("الأسد", "ar", "2016-01-01", ["per:bashar_al_assad"]),
        ("King Abdullah", "en", "2012-01-01", ["per:abdullah_ii", "per:abdullah_of_saudi_arabia"]),
        ("King Abdullah", "en", "2018-01-01", ["per:abdullah_ii"]),
        ("al-Sharaa", "en", "2012-01-01", []),  # Farouk al-Sharaa, not in the registry
        ("Lavrov", "fr", None, ["per:sergey_lavrov"]),
        ("Moscou", "fr", None, ["RUS", "place:moscow"]),  # the government (capital metonym) or the city
        ("nobody at all", "en", None, []),
    ],
)
def test_candidates(reg, alias, lang, date, expected):
    assert reg.candidates(alias, lang, date=date) == expected


def test_role_phrases_resolve_through_holder(reg):
    rp = reg.role_phrases.set_index(["phrase", "lang"])
    for phrase, lang in [
        ("chef de la diplomatie russe", "fr"),
        ("ministre russe des Affaires étrangères", "fr"),
        ("Russian Foreign Minister", "en"),
        ("وزير الخارجية الروسي", "ar"),
    ]:
        role, of = rp.loc[(phrase, lang), ["role", "of"]]
        assert reg.holder(role, of, "2016-02-12") == "per:sergey_lavrov", phrase
    assert tuple(rp.loc[("Syrian President", "en"), ["role", "of"]]) == ("head_of_state", "SYR")
    assert tuple(rp.loc[("homologue américain", "fr"), ["role", "of"]]) == ("", "USA")


def test_label_and_roles_of(reg):
    assert reg.label("SYR") == "Syria"
    with pytest.raises(KeyError, match="per:nobody"):
        reg.label("per:nobody")
    kerry = reg.roles_of("per:john_kerry")
    assert list(kerry["role"]) == ["foreign_minister"] and kerry["of"].iloc[0] == "USA"


@given(st.text(max_size=30))
def test_holder_never_crashes_on_any_date_text(text):
    assert _REG.holder("foreign_minister", "RUS", text) in (None, "per:sergey_lavrov")


_REG = load_registry()


# -- user files ------------------------------------------------
def _write(path: Path, text: str) -> Path:
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return path


def test_user_folder_adds_actor_alias_and_role(tmp_path):
    _write(tmp_path / "my_actors.csv", "actor_id,label,kind,country\nper:jane_doe,Jane Doe,person,FRA\n")
    _write(
        tmp_path / "my_aliases.csv",
        "actor_id,alias,lang,kind\nper:jane_doe,Jane Doe,en,name\n"
        "per:sergey_lavrov,Lavrov the elder,en,nickname\n",
    )
    _write(
        tmp_path / "my_roles.csv",
        "actor_id,role,of,start,end\nper:jane_doe,ambassador_to_syria,FRA,2016-01-01,2017-01-01\n",
    )
    reg = load_registry(tmp_path)
    assert reg.holder("ambassador_to_syria", "FRA", "2016-02-12") == "per:jane_doe"
    assert reg.holder("ambassador_to_syria", "FRA", "2017-01-01") is None
    assert reg.candidates("Lavrov the elder", "en") == ["per:sergey_lavrov"]
    assert reg.label("per:jane_doe") == "Jane Doe"
    assert any("my_roles.csv" in s for s in reg.sources)


def test_user_files_alone_and_by_explicit_path(tmp_path):
    actors = _write(tmp_path / "actors.csv", "actor_id,label,kind\nSYR,Syria,state\n")
    reg = load_registry(actors, include_default=False)
    assert list(reg.actors["actor_id"]) == ["SYR"] and reg.aliases.empty and reg.roles.empty


# -- validation errors ------------------------------------------------
@pytest.mark.parametrize(
    "name, text, line, field",
    [
        ("missing_column_aliases.csv", "actor_id,alias,lang\nSYR,Sham,en\n", 1, "kind"),
        ("bad_kind_actors.csv", "actor_id,label,kind\nper:x,X,celebrity\n", 2, "kind"),
        ("bad_lang_aliases.csv", "actor_id,alias,lang,kind\nSYR,Syrië,nl,name\n", 2, "lang"),
        (
            "bad_date_roles.csv",
            "actor_id,role,of,start\nper:sergey_lavrov,envoy,RUS,12/02/2016\n",
            2,
            "start",
        ),
        (
            "reversed_roles.csv",
            "actor_id,role,of,start,end\nper:sergey_lavrov,envoy,RUS,2017-01-01,2016-01-01\n",
            2,
            "end",
        ),
        ("unknown_id_aliases.csv", "actor_id,alias,lang,kind\nper:nobody,Nobody,en,name\n", 2, "actor_id"),
        ("unknown_of_roles.csv", "actor_id,role,of,start\nper:sergey_lavrov,envoy,XYZ,2016-01-01\n", 2, "of"),
        ("duplicate_actors.csv", "actor_id,label,kind\nSYR,Syria again,state\n", 2, "actor_id"),
        ("clash_aliases.csv", "actor_id,alias,lang,kind\nFRA,Moscou,fr,capital\n", 2, "alias"),
        (
            "overlap_roles.csv",
            "actor_id,role,of,start\nper:john_kerry,foreign_minister,RUS,2016-01-01\n",
            2,
            "start",
        ),
        ("bad_id_actors.csv", "actor_id,label,kind\nPerson X,X,person\n", 2, "actor_id"),
        (
            "bad_flag_aliases.csv",
            "actor_id,alias,lang,kind,case_sensitive\nSYR,SY,en,acronym,maybe\n",
            2,
            "case_sensitive",
        ),
        ("empty_label_actors.csv", "actor_id,label,kind\nper:x,,person\n", 2, "label"),
        (
            "conflict_role_phrases.csv",
            "phrase,lang,role,of\nRussian Foreign Minister,en,defence_minister,RUS\n",
            2,
            "phrase",
        ),
    ],
)
def test_malformed_files_name_file_line_and_field(tmp_path, name, text, line, field):
    path = _write(tmp_path / name, text)
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    assert isinstance(info.value, ValueError)
    hits = [p for p in info.value.problems if p.startswith(f"{path}:{line}: {field}:")]
    assert hits, info.value.problems


def test_all_problems_are_collected_in_one_error(tmp_path):
    _write(tmp_path / "actors.csv", "actor_id,label,kind\nper:a,A,wizard\nper:b,B,person\n")
    _write(tmp_path / "roles.csv", "actor_id,role,of,start\nper:b,leader,per:zzz,2020-13-01\n")
    with pytest.raises(RegistryError) as info:
        load_registry(tmp_path, include_default=False)
    fields = {p.split(": ")[1] for p in info.value.problems}
    assert {"kind", "of", "start"} <= fields
    assert str(info.value).startswith("3 problem(s)")


def test_ambiguity_row_allows_a_clash(tmp_path):
    _write(tmp_path / "aliases.csv", "actor_id,alias,lang,kind\nFRA,Moscou,fr,capital\n")
    with pytest.raises(RegistryError):
        load_registry(tmp_path)
    _write(tmp_path / "ambiguities.csv", "alias,lang,actor_id,start,end,rule\nMoscou,fr,FRA,,,a test\n")
    reg = load_registry(tmp_path)
    assert reg.candidates("Moscou", "fr") == ["FRA"]


def test_unknown_file_names_and_missing_paths_are_reported(tmp_path):
    _write(tmp_path / "people.csv", "a,b\n1,2\n")
    with pytest.raises(RegistryError) as info:
        load_registry(tmp_path, tmp_path / "absent.csv", include_default=False)
    text = str(info.value)
    assert "people.csv: file name" in text and "absent.csv: path" in text


def test_table_names_cover_the_shipped_files():
    for table in HAND_TABLES:
        assert (DATA_DIR / f"{table}.csv").is_file()
    for table in TABLES:  # every table, guards included, is also generated
        assert (GENERATED_DIR / f"{table}.csv").is_file() or table == "ambiguities"
