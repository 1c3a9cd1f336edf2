"""Tests of the registry build: leaders-cia terms, validation, co-holders, and world role phrases."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from diplolib.actors import ActorMatcher, load_registry, tag_actors
from diplolib.actors.build import _cut
from diplolib.actors.evaluate import role_probe_outcomes
from diplolib.actors.leaders import TERM_COLUMNS, clean_name, deputy_role, leader_tables, person_aliases, read_terms
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.phrases import title_class
from diplolib.actors.registry import GENERATED_DIR


def _terms(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=TERM_COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in TERM_COLUMNS})
    return path


def _term(**kw: str) -> dict[str, str]:
    base = {"term_id": "t", "country_iso2": "XY", "role": "head_of_state", "listing": "primary",
            "entity_type": "sovereign", "title": "President", "name": "Ann Smith", "surname_key": "SMITH",
            "start_date": "2010-01-01", "first_seen": "2010-02-01", "last_seen": "2012-01-01"}
    return {**dict.fromkeys(TERM_COLUMNS, ""), **base, **kw}


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return default_matcher()


def test_malformed_terms_are_reported_with_file_line_and_field(tmp_path):
    path = _terms(tmp_path / "terms.csv", [
        _term(),
        _term(start_date="2015-13-45x"),
        _term(start_date="2016-01-01", end_date="2014-01-01"),
        _term(role="vice_president"),
        _term(name=" "),
    ])
    rows, problems = read_terms(tmp_path)
    assert len(rows) == 1
    assert f"{path}:3: start_date: '2015-13-45x' is not a date" in problems[0]
    assert problems[1] == f"{path}:4: end_date: 2014-01-01 is before start_date 2016-01-01"
    assert problems[2].startswith(f"{path}:5: role: 'vice_president'")
    assert problems[3].startswith(f"{path}:6: name: empty")


def test_missing_column_and_missing_file_say_what_to_do(tmp_path):
    (tmp_path / "terms.csv").write_text("term_id,name\nx,y\n", encoding="utf-8")
    rows, problems = read_terms(tmp_path / "terms.csv")
    assert rows == [] and any(p.endswith("country_iso2: required column missing") for p in problems)
    with pytest.raises(FileNotFoundError, match="leaders-cia"):
        read_terms(tmp_path / "nowhere")


def test_terms_merge_respellings_cut_successions_and_keep_co_holders():
    rows = [
        _term(term_id="a", name="Muhammad bin Rashid Al-Maktum", surname_key="AL MAKTUM", last_seen="2013-01-01"),
        _term(term_id="b", name="Muhammad bin Rashid Al-Maktoum", surname_key="AL MAKTOUM",
              first_seen="2013-01-08", last_seen="2016-01-01", end_date=""),
        _term(term_id="c", role="head_of_government", name="Kim Jong Il", surname_key="KIM",
              start_date="2000-01-01", first_seen="2000-01-01", last_seen="2001-01-01", end_date="2003-01-01"),
        _term(term_id="d", role="head_of_government", name="Kim Jong Un", surname_key="KIM",
              start_date="2000-01-01", first_seen="2000-01-01", last_seen="2004-01-01"),
        _term(term_id="e", role="head_of_government", name="Lee Nam", surname_key="LEE",
              start_date="2002-01-01", first_seen="2004-06-01", last_seen="2005-01-01"),
    ]
    roles, people, offices = leader_tables([dict(r, line=str(i + 2)) for i, r in enumerate(rows)], {"XY": "XYZ"})
    hos = [r for r in roles if r["role"] == "head_of_state"]
    assert len(hos) == 1 and hos[0]["end"] == ""  # one person, re-spelled
    names = {p["label"] for p in people.values()}
    assert {"Kim Jong Il", "Kim Jong Un"} <= names  # same surname and start, different people
    hog = {r["person_key"]: r for r in roles if r["role"] == "head_of_government"}
    assert "co-holder" in hog["kim_jong_il"]["note"] and "co-holder" in hog["kim_jong_un"]["note"]
    assert hog["kim_jong_un"]["end"] == "2002-01-01"  # listed one after the other: cut at the successor's start
    assert offices[("head_of_state", "XYZ")] == "President"


def test_names_lose_honorifics_and_surnames_come_from_the_caps_tokens():
    assert clean_name("Gen. Abdel Fattah al-Sisi, Jr") == "Abdel Fattah al-Sisi"
    assert clean_name("Sheikh Tamim bin Hamad Al Thani") == "Tamim bin Hamad Al Thani"
    assert clean_name("Kim Chong-il [defacto]") == "Kim Chong-il"
    assert clean_name("Sindikubwabwo 8 April 1994") == ""
    names, surname = person_aliases(["Vladimir Vladimirovich Putin"], "PUTIN")
    assert names == ["Vladimir Vladimirovich Putin", "Vladimir Putin"] and surname == "Putin"
    assert person_aliases(["Francis"], "FRANCIS")[0] == []  # a one-word name is not a safe alias


def test_cut_removes_covered_dates():
    assert _cut("2010-01-01", "", [("2012-01-01", "2014-01-01")]) == [("2010-01-01", "2012-01-01"),
                                                                       ("2014-01-01", "")]
    assert _cut("2010-01-01", "2011-01-01", [("2009-01-01", "")]) == []


@pytest.mark.parametrize("title, cls", [("Transitional President Col.", "president"), ("Amir", "emir"),
                                        ("Premier", "prime_minister"), ("Supreme Leader", "supreme_leader"),
                                        ("King and Prime Minister", "monarch"), ("Governor", "")])
def test_title_class(title, cls):
    assert title_class(title) == cls


def test_generated_files_are_marked_and_validate():
    for table in ("actors", "aliases", "roles", "role_phrases"):
        assert (GENERATED_DIR / f"{table}.csv").is_file()
    reg = load_registry()
    gen = reg.roles[reg.roles["origin"].str.contains("generated")]
    assert len(gen) > 2000 and gen["source"].str.len().gt(0).all()
    assert gen["source"].str.startswith("leaders-cia").any()
    # every UN member has a head of state or government on 2024-01-01 except real vacancies
    on = pd.Timestamp("2024-01-01")
    live = reg.roles[(reg.roles["start"] <= on) & (reg.roles["end"].isna() | (reg.roles["end"] > on))]
    states = set(reg.actors.loc[reg.actors["kind"] == "state", "actor_id"])
    covered = set(live.loc[live["role"].isin(["head_of_state", "head_of_government"]), "of"])
    assert len(states - covered) <= 3, sorted(states - covered)


def test_co_holders_resolve_as_ambiguous_not_as_one_of_them(tmp_path):
    folder = tmp_path / "user"
    folder.mkdir()
    (folder / "my_actors.csv").write_text(
        "actor_id,label,kind,country\nper:co_a,Co A,person,AND\nper:co_b,Co B,person,AND\n", encoding="utf-8")
    (folder / "my_roles.csv").write_text(
        "actor_id,role,of,start,end,note\nper:co_a,co_prince,AND,2000-01-01,,co-holder\n"
        "per:co_b,co_prince,AND,2001-01-01,,co-holder\n", encoding="utf-8")
    (folder / "my_role_phrases.csv").write_text("phrase,lang,role,of\nthe Andorran co-prince,en,co_prince,AND\n",
                                                encoding="utf-8")
    m = ActorMatcher(load_registry(folder))
    arts = pd.DataFrame({"article_id": [1, 2], "text": ["the Andorran co-prince said"] * 2,
                         "published": ["2000-06-01", "2002-06-01"]})
    out = tag_actors(arts, registry=m)
    role = out[out["method"] == "role"]
    assert list(role["actor_id"].fillna("")) == ["per:co_a", ""]
    assert list(role["reason"].fillna("")) == ["", "ambiguous"]


@pytest.mark.parametrize("date, text, expected", [
    ("2022-05-01", "the Japanese prime minister", "per:fumio_kishida"),
    ("2023-05-01", "le président ukrainien", "per:volodymyr_zelensky"),
    ("2019-05-01", "الرئيس الكازاخستاني", "per:kassym_jomart_tokayev"),
    ("2016-02-01", "le roi de Jordanie", "per:abdullah_ii"),
    ("2020-06-01", "أمير قطر", "per:tamim_bin_hamad_al_thani"),
    ("2023-01-01", "Germany's chancellor", "per:olaf_scholz"),
])
def test_world_role_phrases_from_demonyms_names_and_titles(matcher, date, text, expected):
    out = tag_actors(pd.DataFrame({"article_id": [1], "text": [text], "published": [date]}), registry=matcher)
    assert list(out["actor_id"]) == [expected]


@pytest.mark.parametrize("text", ["the Russian and Turkish presidents met", "les présidents russe et turc",
                                  "الرئيسان الروسي والتركي", "the Russian, Iranian and Turkish presidents"])
def test_coordinated_role_phrases_name_each_holder(matcher, text):
    out = tag_actors(pd.DataFrame({"article_id": [1], "text": [text], "published": ["2019-03-01"]}),
                     registry=matcher)
    assert {"per:vladimir_putin", "per:recep_tayyip_erdogan"} <= set(out["actor_id"])
    assert set(out["method"]) == {"role"}


def test_coordinated_demonyms_without_an_office_stay_states(matcher):
    out = tag_actors(pd.DataFrame({"article_id": [1], "text": ["Russian and Turkish troops"],
                                   "published": ["2019-03-01"]}), registry=matcher)
    assert list(out["actor_id"]) == ["RUS", "TUR"]


@pytest.mark.parametrize("date, text, expected", [
    ("2017-03-01", "On 5 May 2015, the Council met.", []),
    ("2017-03-01", "in May the talks resumed", []),
    ("2017-03-01", "postponed to the second week of May owing to", []),
    ("2017-03-01", "elections to be held between May and August 2015", []),
    ("2017-03-01", "Theresa May arrived. May said on Friday", ["per:theresa_may", "per:theresa_may"]),
    ("2017-03-01", "May said on Friday", []),  # a month's name alone names the person only after her full name
    ("2017-03-01", "a call with Mrs May", ["per:theresa_may"]),
    ("2017-03-01", "May God give him health.", []),
    ("2017-03-01", "set out in the May Executive Orders", []),
    ("2017-03-01", "hosted in April and May.", []),
    ("2017-03-01", "Prime Minister May said", ["per:theresa_may"]),
    ("2024-03-01", "Il a séjourné deux jours.", []),
    ("2024-03-01", "Stéphane Séjourné a dit", ["per:stephane_sejourne"]),
    ("2022-10-01", "ترأس الاجتماع", []),
    ("2022-10-01", "قالت ليز تراس", ["per:liz_truss"]),
    ("2015-01-01", "البرامج القطرية", []),
    ("2015-01-01", "قال جاك هولاند", []),
    ("2015-01-01", "قال فرانسوا هولاند", ["per:francois_hollande"]),
    ("2015-01-01", "ذكرت وكالة الصحافة الفرنسية", ["org:afp"]),
    ("2015-01-01", "le Groupe de Minsk de l'OSCE", ["org:osce_minsk_group"]),
    ("2015-01-01", "on Friday the minister left", []),
])
def test_common_words_are_not_actors(matcher, date, text, expected):
    out = tag_actors(pd.DataFrame({"article_id": [1], "text": [text], "published": [date]}), registry=matcher)
    assert list(out["actor_id"].dropna()) == expected


def test_guards_are_generated_with_reasons_and_evidence():
    reg = load_registry()
    g = reg.guards.set_index(["alias", "lang"])
    assert g.loc[("May", "en"), "rule"] == "month"
    assert g.loc[("القطرية", "ar"), "rule"] == "block"
    assert g.loc[("تراس", "ar"), "rule"] == "case" and "ترأس" in g.loc[("تراس", "ar"), "reason"]
    assert reg.guards["reason"].str.len().gt(0).all() and reg.guards["evidence"].str.len().gt(0).all()


def test_sweep_rules_on_a_small_registry():
    from diplolib.actors.sweep import _inner_variant

    assert _inner_variant("تراس", "ترأس")          # hamza inside the word: another word
    assert not _inner_variant("إردوغان", "أردوغان")  # first letter only: a spelling of the same name


def test_held_out_role_probes_in_three_languages(matcher):
    """57 (date, phrase) probes written before looking at the tagger's output (tests/data/role_probes_heldout.csv).

    Measured when written: 55 of 57 (0.965); the misses were "le président du Burkina Faso" (a duplicate CIA
    person) and "العاهل المغربي" (the title العاهل was not generated). The issue's target is 0.95.
    """
    probes = pd.read_csv(Path(__file__).parent / "data" / "role_probes_heldout.csv")
    assert len(probes) >= 50 and set(probes["lang"]) == {"en", "fr", "ar"}
    arts = pd.DataFrame({"article_id": range(len(probes)), "text": probes["phrase"], "published": probes["date"]})
    out = tag_actors(arts, registry=matcher)
    got = out[out["method"] == "role"].groupby("article_id")["actor_id"].first()
    right = (probes.index.map(got) == probes["expected"]).mean()
    assert right >= 0.95, right


def test_round7_role_probes_in_three_languages(matcher):
    """59 fresh (state, date) probes, seed 20261205 (tests/data/role_probes_s7.csv, provenance in its header).

    Measured when drawn, before any change: 54 of 59 (0.915). The misses were fixed as classes, after which the
    probes are no longer held out (this is a regression test): the French masculine demonym "kirghiz"; titles of
    earlier holders when the latest holder's title lacks the class (Sudan's "Prime Minister" before "Sovereign
    Council Chair"); prince and grand duke titles ("أمير موناكو"); a head of state listed in the head-of-government
    line no longer co-holds it (Mozambique 2015); the DRC's prime minister curated (the CIA listed Congo-Brazzaville's).
    """
    probes = pd.read_csv(Path(__file__).parent / "data" / "role_probes_s7.csv", comment="#", keep_default_na=False)
    assert len(probes) == 59 and set(probes["lang"]) == {"en", "fr", "ar"} and (probes["expected"] != "").all()
    arts = pd.DataFrame({"article_id": range(len(probes)), "text": probes["phrase"], "published": probes["date"]})
    out = tag_actors(arts, registry=matcher)
    got = out[out["method"] == "role"].groupby("article_id")["actor_id"].first()
    wrong = probes[probes.index.map(got) != probes["expected"]]
    assert wrong.empty, wrong[["lang", "date", "phrase", "expected"]].to_string()


def test_round8_role_probes_in_three_languages(matcher):
    """65 fresh (state, date) probes, seed 20261218 (tests/data/role_probes_s8.csv, provenance in its header):
    foreign and defence ministers, monarchs, possessive / "of" forms and coordinated pairs.

    Measured when drawn, before any change: 56 of 65 (0.862). The classes fixed since (so no longer held out):
    French titles split around coordinated demonyms ("les ministres marocain et émirati des Affaires étrangères",
    "les chefs de la diplomatie irakienne et britannique"), the queen's title where a queen reigned ("Britain's
    Queen"), "Secretary" titles of the states that style ministers so ("the defence secretary of the United
    Kingdom"), the Arabic demonym الملغاشي: 62 of 65. The three left, defence ministers the registry lacked
    (Indonesia 2025, Bahrain 2023, Oman 2017), were filled in round 9 from the gap report: 65 of 65.
    """
    probes = pd.read_csv(Path(__file__).parent / "data" / "role_probes_s8.csv", comment="#", keep_default_na=False)
    assert len(probes) == 65 and set(probes["lang"]) == {"en", "fr", "ar"} and (probes["expected"] != "").all()
    outcomes = role_probe_outcomes(probes, registry=matcher)  # a vacant office ("-"): nobody named
    wrong = outcomes.index[~outcomes["right"]]
    assert wrong.empty, outcomes.loc[wrong, ["lang", "date", "phrase", "expected", "got"]].to_string()


def test_round9_role_probes_in_three_languages(matcher):
    """71 fresh (state, date) probes, seed 20261229 (tests/data/role_probes_s9.csv, provenance in its header):
    heads of state and government outside Europe and MENA, foreign and defence ministers, monarchs, possessive /
    "of" forms, coordinated pairs, and one vacant office (Iraq's defence minister in February 2019).

    Measured when drawn, before any change: 54 of 71 (0.761; en 17/24, fr 22/24, ar 15/23). The misses, by class:
    defence ministers the registry lacked (8: filled with the gap sweep, tests below), Arabic dual coordinated
    ministers (3), "the Argentine and US presidents", "Seychelles' president", "Macedonia's prime minister" (the
    name before 2019), "العاهل اللوكسمبورغي", Algeria's prime minister in mid-2017.

    After the classes were fixed (so no longer held out): 70 of 71. Arabic dual titles of ministers ("وزيرا
    الخارجية", "وزيرا خارجية") and a state's name coordinated after a plural title ("وزيرا خارجية لبنان
    وإندونيسيا", "the Foreign Ministers of Russia and Turkey"); a state's acronym as an adjective ("US presidents",
    case-sensitive); the bare possessive apostrophe ("Seychelles' president"); العاهل for every reigning monarch;
    Palestine's offices (no Factbook titles); Tebboune's three months as prime minister (2017). Left:
    "Macedonia's prime minister" (the state's name before 2019 is not an alias: "Macedonia" is also the Greek
    region).
    """
    probes = pd.read_csv(Path(__file__).parent / "data" / "role_probes_s9.csv", comment="#", keep_default_na=False)
    assert len(probes) == 71 and set(probes["lang"]) == {"en", "fr", "ar"} and (probes["expected"] != "").all()
    outcomes = role_probe_outcomes(probes, registry=matcher)  # a vacant office ("-"): nobody named
    wrong = outcomes.index[~outcomes["right"]]
    assert len(wrong) <= MISSES_S9, outcomes.loc[wrong, ["lang", "date", "phrase", "expected", "got"]].to_string()


MISSES_S9 = 1


def test_context_roles_resolve_only_when_the_document_makes_the_country_certain(matcher):
    arts = pd.DataFrame({
        "article_id": [1, 2, 3, 4, 5, 6],
        "text": ["The President spoke with Prime Minister Modi.", "Le président de la République a reçu le Premier ministre.",
                 "The President said Russia and China agreed.", "قال رئيس الجمهورية إن سوريا", "The President Joe Biden spoke.",
                 "The Prime Minister called."],
        "published": ["2022-03-01"] * 6, "source": ["whitehouse", "meae", "x", "x", "whitehouse", "whitehouse"]})
    out = tag_actors(arts, registry=matcher).set_index("surface")
    assert out.loc["The President", "actor_id"].tolist()[0] == "per:joe_biden"
    assert out.loc["Le président de la République", "alias_kind"] == "context:source"
    assert out.loc["le Premier ministre", "actor_id"] == "per:jean_castex"
    third = out[(out["alias_kind"] == "context_role") & (out["reason"] == "no-context")]
    assert len(third) == 1  # two states named, no source: unresolved
    assert out.loc["رئيس الجمهورية", "actor_id"] == "per:bashar_al_assad"
    assert out.loc["رئيس الجمهورية", "alias_kind"] == "context:only-country"
    assert "The President Joe Biden" not in out.index and (out.index == "Joe Biden").sum() == 1
    assert out.loc["The Prime Minister", "reason"] == "no-office"  # no prime minister in the United States


def test_held_out_documents_read_by_hand(matcher):
    """Thirty-one documents of corpora never used for tuning (meae-fr, wikinews-ar, …), read by hand before tagging
    (tests/data/heldout_documents.csv: the people, states, organisations and armed groups of each opening).

    Measured when written: first six, precision 0.968, recall 0.750 (30 right, 1 extra: Doha as Qatar in
    "محادثات الدوحة"; 10 missed, 6 of them people or groups absent from the registry). The six added in the
    third pass (meae-fr 5, 30, 40; wikinews-ar 3, 12, 50): precision 0.882, recall 0.556 when written (15 right,
    2 extra: "accords de Vienne" as Austria, "capitale européenne" as the EU; 12 missed: the European Parliament,
    Council of Europe and Court of Human Rights, "chef du gouvernement tunisien", Arabic "موشيه يعلون", people
    absent from the registry); 0.952 / 0.741 after the fixes they showed (so no longer held out; "chef du
    gouvernement" for every state was tried and left out: 13% slower tagging). All twelve: 0.966 / 0.836 after
    the Arabic names of Tunisia's leaders (Ben Ali, Jebali) were added (document 25; Nabil Karoui, who held no
    office, is left to discovery).

    Round 3 (tests/data/heldout_documents_round3.csv): twelve more openings drawn at random from wikinews-fr,
    kremlin-en, wh-readouts, meae-fr and wikinews-ar, the gold written before tagging them (people, states,
    international organisations and armed groups; domestic parties, courts, media and companies left out). As
    written: people, states and armed groups P 0.920 R 0.605 F1 0.730 (all kinds 0.931 / 0.587); after the
    classes of misses they showed were fixed (a no-break space inside "The\u00a0President" of every Kremlin
    text; regional organisations and the armed groups of the Security Council's African agenda): 0.929 / 0.684 /
    0.788 (all kinds 0.943 / 0.717); the twelve people still missed are people outside diplomacy (journalists,
    footballers, a CEO, Malian protesters) absent from the registry.

    Round 4 (tests/data/heldout_documents_round4.csv): seven openings drawn at random (seed 20261204) from
    kremlin-en, wh-readouts, fa-kes (2), meae-fr, wikinews-ar and wikinews-fr, gold committed before tagging.
    People, states and armed groups as written: P 0.895 R 0.739 F1 0.810 (two gold ids then spelled the registry's
    way, same people: 0.947 / 0.783 / 0.857); after the classes they showed were fixed in general ("the South
    China Sea" read as China: seas named after a state are places; "Syrias government" without its apostrophe):
    1.000 / 0.826 / 0.905. Still missed: Salva Kiir, Riek Machar and Hilde Johnson in Arabic (no Arabic name in
    the registry), Ahmed Shafik (absent), the UN inside "Secrétaire général des Nations unies" (the role phrase).

    Round 5 (tests/data/heldout_documents_round5.csv): ten openings drawn at random (seed 20261207) from kremlin-en,
    wh-readouts, fa-kes (2), meae-fr, wikinews-ar (2), wikinews-fr, ungdc and re3d, gold written before tagging
    (``new:`` marks a person or body absent from the registry when written; Nancy Pelosi and Chuck Schumer, then
    added to it, carry its ids). People, states and armed groups as written: P 0.947 R 0.643 F1 0.766; 15 of the 20
    misses are people absent from the registry (footballers, a rally driver, a union leader, a 1967 UN delegate,
    two US congressional leaders: the legislatures' presiding officers were then curated). Media are left out of
    the gold as of the other rounds, so media actors are not scored, like places.
    """
    from suite_cache import corpus_records

    gold = pd.concat([pd.read_csv(Path(__file__).parent / "data" / name) for name in
                      ("heldout_documents.csv", "heldout_documents_round3.csv",
                       "heldout_documents_round4.csv", "heldout_documents_round5.csv")], ignore_index=True)
    gold["expected"] = gold["expected"].fillna("")  # a document that names no actor: anything tagged is extra
    tp = fp = fn = 0
    for corpus, rows in gold.groupby("corpus"):
        try:
            arts = corpus_records(corpus)  # read_corpus's records, shared with test_readers and others
        except Exception as exc:  # noqa: BLE001 - any missing corpus skips, with the reason
            pytest.skip(f"{corpus} not available: {exc}")
        for r in rows.itertuples():
            art = arts.iloc[[r.position]].assign(article_id=r.position)
            art["text"] = art["text"].str[:r.chars]
            got = {a for a in tag_actors(art, registry=matcher)["actor_id"].dropna()
                   if matcher.kind_of.get(a) not in ("place", "media")}
            expected = set(r.expected.split())
            tp, fp, fn = tp + len(got & expected), fp + len(got - expected), fn + len(expected - got)
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.75, (tp, fp, fn)


def test_registry_coverage_counts_states_with_one_holder():
    from diplolib.actors import registry_coverage

    cov = registry_coverage(load_registry(), years=[2016, 2024])
    assert list(cov.columns) == ["year", "role", "states", "shared", "n_states", "share", "label"]
    assert (cov["n_states"] == 195).all() and (cov["states"] + cov["shared"] <= 195).all()
    assert (cov["share"] > 0.95).all()  # leaders-cia and the curated files cover nearly every state


def test_usual_short_first_names_are_aliases(matcher):
    from diplolib.actors.nicknames import nickname_aliases

    out = tag_actors(pd.DataFrame({"article_id": [1], "text": ["Bill Clinton met Joe Kabila."],
                                   "published": ["2000-03-01"]}), registry=matcher)
    assert out["surface"].tolist() == ["Bill Clinton", "Joe Kabila"]
    assert out["actor_id"].tolist() == ["per:william_jefferson_clinton", "per:joseph_kabila"]
    rows = [{"actor_id": "p:a", "alias": "Alexander De Croo", "lang": "en", "kind": "name"},
            {"actor_id": "p:a", "alias": "De Croo", "lang": "en", "kind": "short_name"},
            {"actor_id": "p:b", "alias": "Elizabeth II", "lang": "en", "kind": "name"},
            {"actor_id": "p:c", "alias": "William Jefferson Clinton", "lang": "en", "kind": "name"}]
    made = {r["alias"] for r in nickname_aliases(rows, {"p:a", "p:b", "p:c"})}
    assert made == {"Alex De Croo"}  # "Liz II" is not a name; three words without a surname alias are skipped


def test_suspect_row_confirmed_by_its_wikidata_label_is_kept(tmp_path):
    """A row marked suspect ("John Magufuli, Dr": an honorific left in the name) is kept when its Wikidata label
    holds every word of its surname key, under the label's name; not when the label names someone else."""
    rows, problems = read_terms(_terms(tmp_path / "terms.csv", [
        _term(term_id="a", name="John Magufuli, Dr", surname_key="MAGUFULI", parse_flag="suspect",
              wikidata_label_en="John Magufuli", country_iso2="TZ"),
        _term(term_id="b", role="head_of_government", name="Muhammad Bin Salman bin Abd al-Aziz Al Saud",
              surname_key="MUHAMMAD BIN SALMAN", parse_flag="suspect", wikidata_label_en="Salman of Saudi Arabia",
              country_iso2="SA")]))
    assert not problems
    roles, people, _ = leader_tables(rows, {"TZ": "TZA", "SA": "SAU"})
    assert [(r["role"], r["of"]) for r in roles] == [("head_of_state", "TZA")]
    assert [p["label"] for p in people.values()] == ["John Magufuli"]


def test_role_phrases_women_in_arabic_and_official_names_in_french(matcher):
    arts = pd.DataFrame({"article_id": range(4), "published": ["2022-06-01", "2021-06-01", "2023-06-01",
                                                               "2023-06-01"], "text": [
        "رئيسة الوزراء السويدية", "المستشارة الألمانية", "le président de la République démocratique du Congo",
        "le Président de la République de Corée"]})
    out = tag_actors(arts, registry=matcher)
    got = out[out["method"] == "role"].groupby("article_id")["actor_id"].first()
    assert got.to_dict() == {0: "per:magdalena_andersson", 1: "per:angela_merkel", 2: "per:felix_tshisekedi",
                             3: "per:yoon_suk_yeol"}
    # a queen beside a king is his consort: no feminine monarch phrase
    assert tag_actors(pd.DataFrame({"article_id": [0], "published": ["2020-06-01"], "text": ["الملكة الأردنية"]}),
                      registry=matcher)["actor_id"].dropna().eq("per:abdullah_ii").sum() == 0


def test_misspellings_of_state_names(matcher):
    """Common misspellings are tagged as the state; the guard keeps ordinary words and lower case out."""
    from wordfreq import zipf_frequency

    from diplolib.actors.misspellings import WORD_ZIPF, variants

    assert ("Afganistan", "no-h") in variants("Afghanistan")
    assert ("Phillipines", "moved-double") in variants("Philippines")
    arts = pd.DataFrame({"article_id": [1, 2, 3], "published": ["2020-01-01"] * 3,
                         "text": ["Troops left Afganistan and the Phillipines.", "Tailand and Kazakstan signed.",
                                  "David Cameron met a Columbia professor in tailand."]})
    out = tag_actors(arts, registry=matcher)
    got = out.groupby("article_id")["actor_id"].apply(lambda s: s.dropna().tolist()).to_dict()
    assert got[1] == ["AFG", "PHL"] and got[2] == ["THA", "KAZ"]
    assert "CMR" not in got[3] and "COL" not in got[3] and "THA" not in got[3]
    # a sample of the generated one-word misspellings: each below the ordinary-word bar in both languages
    al = matcher.registry.aliases
    one_word = al[(al["source"] == "misspelling") & ~al["alias"].str.contains(r"[\s-]")]
    for alias in one_word.sample(60, random_state=5)["alias"]:
        assert max(zipf_frequency(alias.casefold(), lang) for lang in ("en", "fr")) < WORD_ZIPF, alias


def test_role_gaps_are_the_dates_no_term_covers():
    from types import SimpleNamespace

    from diplolib.actors import role_gaps

    ts = pd.Timestamp
    roles = pd.DataFrame({"actor_id": ["a", "b", "c", "d"], "role": ["defence_minister"] * 4, "of": ["X", "X", "X", "Y"],
                          "start": [ts("1999-01-01"), ts("2005-01-01"), ts("2006-01-01"), ts("2010-01-01")],
                          "end": [ts("2003-01-01"), ts("2007-01-01"), pd.NaT, ts("2011-01-01")]})
    reg = SimpleNamespace(roles=roles, actors=pd.DataFrame({"actor_id": ["X", "Y", "Z"], "kind": ["state"] * 3}))
    g = role_gaps(reg, roles=["defence_minister"], first="2000-01-01", last="2020-01-01")
    got = {(r.of, str(r.gap_start.date()), str(r.gap_end.date())) for r in g.itertuples()}
    # X: a gap between the first two terms, none inside the overlap of b and c, none after the open term;
    # Y: before and after its one term; Z: no holder at all
    assert got == {("X", "2003-01-01", "2005-01-01"), ("Y", "2000-01-01", "2010-01-01"), ("Y", "2011-01-01", "2020-01-01"),
                   ("Z", "2000-01-01", "2020-01-01")}
    with pytest.raises(ValueError, match="after first"):
        role_gaps(reg, first="2020-01-01", last="2000-01-01")


def test_gaps_of_the_curated_offices_do_not_grow():
    """Days 2000-2026 without a holder in the states the curated tables cover (G20, permanent members, MENA), as
    the generated report diplolib/actors/data/reports/role_gaps.csv lists them. Round 9 filled the defence ministers
    of 18 states that had none (Brazil, Indonesia, Mexico, South Africa, Argentina, Iraq, Tunisia, Lebanon, Jordan …)
    and the 2000s of the others: defence_minister 244,436 → 105,535 days (the rest: Kuwait, Morocco, Yemen, Bahrain
    before 2020, Palestine with no such office). Round 10: Palestine's presidents and prime ministers before 2013,
    Algeria's prime ministers 2006-2012, Lebanon 2011, Yemen 2015-16, South Korea's prime ministers, Syria's acting
    president of 2000, Iran's acting foreign minister of 2024, Morocco's minister delegate for defence: head_of_state
    3,879 → 1,696, head_of_government 7,344 → 1,303, foreign_minister 8,909 → 8,571, defence_minister 105,535 →
    99,810. Round 18 (s18-fm, the writer's knowledge): foreign_minister 8,816 → 3,506, defence_minister 99,900 → 23,728
    (left: Palestine, Libya before 2011 and 2013-2021, Yemen 2015-2020, Kuwait after 2024). A fill that removes rows, or a
    term cut short, makes this fail."""
    from diplolib.actors import role_gaps
    from diplolib.actors.coverage import G20, MENA, PERMANENT_MEMBERS

    gaps = role_gaps(load_registry(), states=set(G20) | set(PERMANENT_MEMBERS) | set(MENA))
    days = gaps.groupby("role")["days"].sum()
    bound = {"head_of_state": 1746, "head_of_government": 1400, "foreign_minister": 3506, "defence_minister": 23728}
    assert all(days.get(role, 0) <= most for role, most in bound.items()), days.to_dict()


def test_arabic_nisba_rule_and_the_states_it_fills(matcher):
    """CLDR gives no Arabic demonym for 27 states. The regular nisba rule (:func:`ar_nisba`) gives 138 of the 148
    one-word nisbas the curated file has (the misses are irregular: نمساوي, مجري, أفغاني); it fills 10 one-word
    states and South Africa's two press forms; a form that is an ordinary word (المالي "financial") is used only
    after a title; Dominica gets none (its stem begins الدومينيكان: UNPC's "الدومينيكية" is the Dominican
    Republic)."""
    from diplolib.actors.state_demonyms import ar_nisba, generated_ar_nisbas

    assert [ar_nisba(n) for n in ("سوريا", "كندا", "الفاتيكان", "ناورو", "مالي", "باراغواي", "جزر القمر")] == [
        "سوري", "كندي", "فاتيكاني", "ناوروي", "مالي", "باراغوايي", ""]
    gen = generated_ar_nisbas()
    assert gen["MLI"] == (["المالي"], False) and gen["FSM"] == (["الميكرونيزي"], True)
    assert gen["ZAF"] == (["الجنوب أفريقي", "الجنوب الأفريقي"], False) and "COD" not in gen  # الكونغولي: two states
    assert "DMA" not in gen and len(gen) == 11
    arts = pd.DataFrame({"article_id": range(5), "published": ["2022-03-01"] * 5, "text": [
        "قال الرئيس المالي إن", "أعلنت وزارة المالية عن الدعم المالي", "التقى الرئيس الجنوب أفريقي",
        "دول الجنوب الأفريقي", "وصل الوفد الميكرونيزي"]})
    out = tag_actors(arts, registry=matcher)
    got = out.groupby("article_id")["actor_id"].agg(lambda s: sorted(s.dropna()))
    assert got.get(0) == ["per:assimi_goita"] and 1 not in got.index and got.get(2) == ["per:cyril_ramaphosa"]
    assert 3 not in got.index and got.get(4) == ["FSM"]


def test_nisba_spelled_with_alif_maqsura_after_a_feminine_noun_is_another_word(matcher):
    """"اليمنى" is "the right" after a feminine noun (اليد اليمنى), Yemen otherwise (Egyptian spelling of اليمني);
    "مجرى" (course) is never Hungary. Rule 6 of the sweep (guards "feminine" and "maqsura", from wordfreq)."""
    g = load_registry().guards.set_index(["alias", "lang"])
    assert g.loc[("اليمني", "ar"), "rule"] == "feminine" and g.loc[("مجري", "ar"), "rule"] == "maqsura"
    arts = pd.DataFrame({"article_id": range(5), "published": ["2022-03-01"] * 5, "text": [
        "سدد الكرة في الزاوية اليمنى للمرمى", "رفع يده باليد اليمنى", "قال المسؤول اليمنى إن الوفد وصل",
        "في مجرى النهر", "التقى الوفد اليمني"]})
    out = tag_actors(arts, registry=matcher)
    got = out.groupby("article_id")["actor_id"].agg(lambda s: sorted(s.dropna()))
    assert 0 not in got.index and 1 not in got.index and 3 not in got.index
    assert got.get(2) == ["YEM"] and got.get(4) == ["YEM"]


def test_state_legislature_titles_are_not_the_us_congress(matcher):
    arts = pd.DataFrame({"article_id": range(4), "published": ["2021-06-01"] * 4, "text": [
        "Nevada Senate Majority Leader Nicole Cannizzaro said", "the state Senate minority leader objected",
        "New York State Senate Majority Leader Andrea Stewart-Cousins", "Senate Majority Leader said on Tuesday"]})
    out = tag_actors(arts, registry=matcher)
    roles = out[out["method"] == "role"]
    assert set(roles["article_id"]) == {3} and roles["actor_id"].tolist() == ["per:chuck_schumer"]


def test_round10_role_probes_in_three_languages(matcher):
    """74 fresh (state, date) probes, seed 20270107 (tests/data/role_probes_s10.csv, provenance in its header):
    vice-presidents, defence and finance ministers where the registry claims the office, monarchs and crown
    princes, heads of international bodies by date, heads of state and government of Africa, Latin America,
    Central and South-East Asia, coordinated and plural pairs, and three offices with no holder on the date.

    Measured when drawn, before any change of round 10: 44 of 74 (0.595; en 15/25, fr 16/25, ar 13/24). The misses,
    by class: vice-presidents (13: no office, and "le vice-président du Ghana", "نائب الرئيس الصيني" read as the
    president), crown princes (3), finance ministers (2), organisation offices (4: "the European Council's
    president", "le secrétaire général onusien", "رئيس مفوضية الاتحاد الأفريقي", "the President of the European
    Council" taken by the context role "the President"), pairs (3: "and the UAE", "et de Trinité-et-Tobago", Arabic
    "رئيسا" never keyed as a plural title), holders missing (Pakistan's defence minister 2018, Niger's prime
    minister after the CIA term's uncertain end, Peru's prime minister: no such office in the registry), an Arabic
    nisba spelling (المالاوي).

    After the classes were fixed (so no longer held out): 70 of 74. Left: "the European Council's president" (no
    possessive of a hand-written office), Abu Dhabi's crown prince (an emirate, not a state), Peru's prime
    minister (the CIA lists Peru's president as head of government), and Malawi's president of 2015 found under
    the CIA's other id of the same man (Arthur Peter / Peter Mutharika: a name-subset merge would also merge
    fathers and sons, Idriss / Mahamat Idriss Déby, Andreas / George Andreas Papandreou).
    """
    probes = pd.read_csv(Path(__file__).parent / "data" / "role_probes_s10.csv", comment="#", keep_default_na=False)
    assert len(probes) == 74 and set(probes["lang"]) == {"en", "fr", "ar"} and (probes["expected"] != "").all()
    outcomes = role_probe_outcomes(probes, registry=matcher)  # a vacant office ("-"): nobody named
    wrong = outcomes.index[~outcomes["right"]]
    assert len(wrong) <= MISSES_S10, outcomes.loc[wrong, ["lang", "date", "phrase", "expected", "got"]].to_string()


MISSES_S10 = 4


def test_deputy_offices_come_from_the_secondary_listings():
    """A vice-president listed in both lines is one term; "Second Vice President" and the deputy prime ministers
    are not read; two vice-presidents listed together are co-holders (resolved as ambiguous)."""
    vp = dict(listing="secondary", title="Vice President", name="Ann Vee", surname_key="VEE",
              start_date="2010-01-01", first_seen="2010-02-01", last_seen="2014-01-01", end_date="2015-01-01")
    rows = [_term(term_id="p", name="Pat Res", surname_key="RES"),
            _term(term_id="v1", role="head_of_government", **vp), _term(term_id="v2", **vp),
            _term(term_id="s", listing="secondary", title="Second Vice President", name="Sam Two", surname_key="TWO",
                  start_date="2010-01-01"),
            _term(term_id="d", role="head_of_government", listing="secondary", title="Deputy Prime Minister",
                  name="Dee Pee", surname_key="PEE", start_date="2010-01-01"),
            _term(term_id="f", listing="secondary", title="First Vice President", name="Fay First",
                  surname_key="FIRST", start_date="2012-01-01")]
    roles, people, offices = leader_tables([dict(r, line=str(i + 2)) for i, r in enumerate(rows)], {"XY": "XYZ"})
    by_role = {}
    for r in roles:
        by_role.setdefault(r["role"], []).append(r)
    assert [r["person_key"] for r in by_role["vice_president"]] == ["ann_vee"]  # one term from the two lines
    assert by_role["vice_president"][0]["end"] == "2015-01-01"
    assert [r["person_key"] for r in by_role["first_vice_president"]] == ["fay_first"]
    assert {"sam_two", "dee_pee"}.isdisjoint(people)
    assert deputy_role("Executive Vice President") == "vice_president" == deputy_role("Deputy President")
    assert deputy_role("Vice") == deputy_role("Vice Premier") == deputy_role("Governor General") == ""


@pytest.mark.parametrize("date, text, expected, reason", [
    ("2015-06-01", "نائب رئيس الوزراء التركي", "", "deputy"),  # no deputy's phrase: the PM's is not the PM
    ("2015-06-01", "the Deputy Prime Minister of Turkey", "", "deputy"),
    ("2015-06-01", "le vice-Premier ministre turc", "", "deputy"),
    ("2019-06-01", "le vice-président du Ghana", "per:mahamudu_bawumia", ""),  # the CIA's vice-presidents
    ("2023-06-01", "the Kenyan Deputy President", "per:rigathi_gachagua", ""),
    ("2017-06-01", "نائبة رئيس الأرجنتين", "per:gabriela_michetti", ""),
    ("2016-06-01", "ولي العهد السعودي", "per:muhammad_bin_nayef", ""),  # crown princes by date
    ("2018-06-01", "le prince héritier thaïlandais", "", "no-holder"),  # the heir became king in 2016
    ("2015-06-01", "la ministre française des Finances", "per:michel_sapin", ""),
    ("2018-06-01", "le secrétaire général onusien", "per:antonio_guterres", ""),
    ("2019-06-01", "رئيس مفوضية الاتحاد الأفريقي", "per:moussa_faki", ""),
    ("2023-06-17", "the President of the European Council", "per:charles_michel", ""),
])
def test_deputies_heirs_and_offices_by_date(matcher, date, text, expected, reason):
    out = tag_actors(pd.DataFrame({"article_id": [1], "text": [text], "published": [date]}), registry=matcher)
    assert list(out["actor_id"].fillna("")) == [expected] and list(out["reason"].fillna("")) == [reason]


@pytest.mark.parametrize("date, text, expected", [
    ("2021-10-04", "the Prime Ministers of Lebanon and the UAE", {"per:najib_mikati", "per:mohammed_bin_rashid"}),
    ("2015-08-31", "les présidents du Costa Rica et de Trinité-et-Tobago",
     {"per:luis_guillermo_solis_rivera", "per:anthony_carmona"}),
    ("2018-08-13", "رئيسا السلفادور وروسيا", {"per:sanchez_ceren", "per:vladimir_putin"}),
])
def test_plural_titles_coordinate_names_with_their_articles(matcher, date, text, expected):
    out = tag_actors(pd.DataFrame({"article_id": [1], "text": [text], "published": [date]}), registry=matcher)
    assert set(out["actor_id"]) == expected and set(out["method"]) == {"role"}


def test_a_deputy_who_later_heads_a_state_is_one_person():
    """Sudan's first vice-president Salva Kiir (2005) is South Sudan's president Salva Kiir Mayardit (2011): one
    actor with both terms, so that the name is not split between two actors and dropped; a head of another state
    who started before a deputy of the same name is not merged (a namesake or a relative)."""
    rows = [_term(term_id="h", country_iso2="XY", name="Salva Kiir Mayardit", surname_key="KIIR",
                  start_date="2011-07-09"),
            _term(term_id="d", country_iso2="XY", listing="secondary", title="First Vice President", name="Salva Kiir",
                  surname_key="KIIR", start_date="2005-08-04", end_date="2011-01-03"),
            _term(term_id="h2", country_iso2="XY", role="head_of_government", name="Ann Old", surname_key="OLD",
                  start_date="1990-01-01", end_date="1995-01-01"),
            _term(term_id="d2", country_iso2="XZ", listing="secondary", title="Vice President", name="Ann Old",
                  surname_key="OLD", start_date="2001-01-01")]  # a namesake elsewhere, after the head
    roles, people, _ = leader_tables([dict(r, line=str(i + 2)) for i, r in enumerate(rows)],
                                     {"XY": "XYZ", "XZ": "XZZ"})
    of = {r["role"]: r["person_key"] for r in roles}
    assert of["first_vice_president"] == of["head_of_state"] and people[of["head_of_state"]]["country"] == "XYZ"
    assert of["vice_president"] != of["head_of_government"]
