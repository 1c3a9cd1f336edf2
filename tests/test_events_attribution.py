"""Who is a party to an event: the speaker of a report (a news agency, a monitor, a state that says) is not;
places, patron qualifiers and datelines are not; title-case readouts."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events
from diplolib.events.attribution import reporting_actors

# (lang, sentence, cue, expected (source, target) rows of that cue)
CASES = [
    ("en", "Russian jets bombed Turkey's positions, AFP said.", "bombed", {("RUS", "TUR")}),
    ("en", "According to the Syrian Observatory for Human Rights, Turkey attacked Kurdish fighters.", "attacked",
     {("TUR", "")}),
    ("en", "The Syrian Observatory for Human Rights told AFP that Turkey shelled Syria.", "shelled",
     {("TUR", "SYR")}),
    ("en", "Turkey condemned Russia, Lavrov said.", "condemned", {("TUR", "RUS")}),
    ("en", "Putin met Erdogan and said Russia would support Turkey.", "met",
     {("per:vladimir_putin", "per:recep_tayyip_erdogan")}),
    ("en", "Turkey accused Russia of attacking Syria.", "attacking", {("RUS", "SYR")}),
    ("en", "Syria was attacked by Israel.", "attacked", {("ISR", "SYR")}),
    ("fr", "La Turquie a attaqué la Syrie, selon l'Agence France-Presse.", "a attaqué", {("TUR", "SYR")}),
    ("ar", "قال المرصد السوري لحقوق الإنسان إن تركيا قصفت سوريا.", "قصفت", {("TUR", "SYR")}),
    ("en", "Readout of President Biden's Call With President Andrzej Duda of Poland", "Call With",
     {("per:joe_biden", "per:andrzej_duda")}),
    # a self-report: the speaker's own act
    ("en", "The Fijian rebels said they will release Prime Minister Mahendra Chaudhry.", "release",
     {("FJI", "per:mahendra_chaudhry")}),
    ("en", "Iraq said it would attack Kuwait.", "attack", {("IRQ", "KWT")}),
    # places, patrons and datelines are no parties (diplolib/events/locations.py) ... except that, as PLOVER
    # codes it, the place's state is the target where no actor takes that role (roles.place_sides)
    ("en", "Russian air strikes killed 14 civilians in eastern Syria.", "killed", {("RUS", "SYR")}),
    ("en", "Government forces dropped barrel bombs in an attack on Turkey-backed opposition forces.", "attack",
     set()),
    ("en", "BEIRUT At least 15 people were killed in Israeli air strikes on Syria.", "air strikes on",
     {("ISR", "SYR")}),
    ("en", "US-led strikes on the northern Syrian province of Raqa killed 20 Islamic State jihadists.", "killed",
     {("USA", "grp:isis")}),
    ("en", "Turkey invaded Syria in 2016.", "invaded", {("TUR", "SYR")}),
    ("fr", "La Turquie a attaqué la province syrienne d'Idleb.", "a attaqué", {("TUR", "SYR")}),
    ("en", "Turkey and Iran agreed on a ceasefire in Kazakhstan.", "agreed", {("TUR", "IRN"), ("IRN", "TUR")}),
    # a modal demand: the one who must is the target, the speaker the source; "is opposed to" is no passive
    ("en", "Russia said on Tuesday that Sudan must return the helicopter.", "must", {("RUS", "SDN")}),
    ("en", "Britain said the rebels should drop their demands.", "should", {("GBR", "")}),  # any verb after it
    ("fr", "La France a déclaré que la Russie doit cesser ses frappes.", "doit cesser", {("FRA", "RUS")}),
    ("en", "Israel is opposed to French mediation.", "opposed", {("ISR", "FRA")}),
    # read by hand (seed 2026): a noun cue's agent is its source; Sputnik's "banned in Russia" is no event
    ("en", "Turkey condemned the massacre carried out by Russian warplanes.", "massacre", {("RUS", "")}),
    ("en", "The shelling was carried out by Daesh (banned in Russia).", "banned", set()),
    ("en", "Russian airstrikes destroyed oil refining stations for ISIS.", "stations", set()),
    ("en", "US and Russia agree to ceasefire in Syria.", "agree to ceasefire", {("USA", "RUS"), ("RUS", "USA")}),
    ("en", "Ten Syrian soldiers were killed in Israeli overnight air raids on positions.", "air raids on",
     {("ISR", "")}),  # the demonym of a noun cue is its actor, even after "in"
    ("en", "Rebels in Yemen shelled the town.", "shelled", {("YEM", "YEM")}),  # within the state (sectors.domestic)
    ("en", "US border patrol agents abused Mexican immigrants.", "abused", {("USA", "MEX")}),
    ("en", "Rebels shelled the town of Juba, killing 20 people in Sudan.", "shelled", {("", "SDN")}),
    # a state's organ that attacks with no target named (round 4): the state where the article places its
    # events, else no target -- never its own state by default (sectors.domestic, locations.article_states)
    ("en", "Russian warplanes struck on Monday.", "struck", {("RUS", "")}),
    ("en", "Russian warplanes struck on Monday. Rebels said the raids hit Aleppo and Daraa.", "struck",
     {("RUS", "SYR")}),
    ("en", "Syrian forces struck on Monday. The raids hit Aleppo.", "struck", {("SYR", "SYR")}),
    ("en", "Syrian police arrested dozens on Monday.", "arrested", {("SYR", "SYR")}),  # coercion stays domestic
    ("en", "U.S. border patrol agents abused Mexican immigrants.", "abused", {("USA", "MEX")}),  # no dateline
    # a passive with no agent: the place's state did what a state does there (arrests), not the killing
    ("en", "Two French journalists were arrested in Turkey on Monday.", "arrested", {("TUR", "FRA")}),
    ("en", "Two French journalists were killed in Turkey on Monday.", "killed", {("", "FRA")}),
]
# the reported event has no party on the reporter's side: no row at all, or no source, never the agency
NO_REPORTER = [
    ("en", "Air strikes killed 20 civilians in Aleppo, the Syrian Observatory for Human Rights said."),
    ("en", "According to the Syrian Observatory for Human Rights, air strikes killed 20 people."),
    ("fr", "Des frappes ont tué 20 civils à Alep, a indiqué l'OSDH."),
    ("en", "Air strikes on Idlib killed 12 people, Agence France-Presse reported."),
]
# an agency or monitor named as the object of a deed is no side of it (the other side stays)
REPORTER_OBJECT = [
    ("en", "Syrian troops attacked AFP journalists and rebels in Aleppo on Sunday."),
    ("en", "Turkish jets bombed the Syrian Observatory for Human Rights near Afrin."),
    ("fr", "L'armée syrienne a attaqué l'OSDH à Homs."),
]


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _events(rows, matcher):
    arts = pd.DataFrame({"article_id": [f"s{i}" for i in range(len(rows))], "lang": [r[0] for r in rows],
                         "text": [r[1] for r in rows],
                         "published": pd.to_datetime(["2022-03-04"] * len(rows), utc=True)})
    return extract_events(arts, registry=matcher)


def test_speakers_are_not_parties(matcher):
    ev = _events(CASES, matcher)
    for i, (_, text, cue, want) in enumerate(CASES):
        got = ev[(ev["article_id"] == f"s{i}") & (ev["cue"] == cue)]
        assert set(zip(got["source"], got["target"], strict=True)) == want, text


def test_reporters_never_source_or_target(matcher):
    ev = _events(NO_REPORTER, matcher)
    reporters = reporting_actors(matcher.registry.actors)
    assert {"org:afp", "org:sohr"} <= reporters
    assert not (ev["source"].isin(reporters) | ev["target"].isin(reporters)).any(), ev[["cue", "source", "target"]]


def test_reporters_are_no_side_of_material_events(matcher):
    ev = _events(REPORTER_OBJECT, matcher)
    reporters = reporting_actors(matcher.registry.actors)
    assert not (ev["source"].isin(reporters) | ev["target"].isin(reporters)).any(), ev[["cue", "source", "target"]]
    assert set(ev.loc[ev["event"].isin(["ASSAULT", "FIGHT"]), "source"]) >= {"SYR", "TUR"}
    # not turned into an event within the attacker's own state either
    assert not ((ev["source"] == ev["target"]) & (ev["source"] != "")).any(), ev[["cue", "source", "target"]]


def test_reporting_actors_are_reporting_organisations(matcher):
    reporters = reporting_actors(matcher.registry.actors)
    kind = matcher.registry.actors.set_index("actor_id")["kind"]
    assert all(kind[a] in ("organisation", "media") for a in reporters)
    assert set(kind[kind == "media"].index) <= reporters
    assert "IAEA" not in reporters and not any("atomic" in a.lower() for a in reporters)


def test_embedded_events_are_flagged_and_left_out_of_plover(matcher):
    from diplolib.events import plover_reading

    rows = [("en", "Greece demanded that Germany refuse to recognize Macedonia."),
            ("en", "Russia condemned the attack on Syria."),
            ("en", "Russia attacked Syria. Turkey condemned Russia.")]
    ev = _events(rows, matcher)
    flag = dict(zip(zip(ev["article_id"], ev["cue"]), ev["embedded"]))
    assert not flag[("s0", "demanded")]
    assert flag[("s0", "refuse")] and flag[("s1", "attack")]
    assert not flag[("s2", "attacked")] and not flag[("s2", "condemned")]  # another sentence: not embedded
    kept = plover_reading(ev)
    assert not kept["embedded"].any() and set(kept["article_id"]) == {"s0", "s1", "s2"}


BACKGROUND = [  # (text, the main cue, the background cues): PLOVER codes the main one
    ("Turkish authorities imposed a curfew in Cizre after a demonstration by Kurds.", "imposed a curfew",
     ["demonstration"]),
    ("Sudanese rebels shelled Juba on Sunday, killing about 20 people and arresting 12.", "shelled",
     ["killing", "arresting"]),
    ("The United States is providing weapons to Macedonia, which is preparing an offensive against Albania.",
     "is providing", ["offensive against"]),
    ("Georgia's president resigned as the opposition threatened Russia.", "resigned", ["threatened"]),
    ("In a letter handed over to the United Nations, Iraq said it would allow inspectors.", "allow",
     ["handed over"]),
    ("Students in Indonesia staged demonstrations to demand reforms.", "staged", ["demand"]),
    ("The Israeli army lifted on Friday a day-old blockade on Palestinian lorries.", "lifted", ["blockade"]),
    # "Israeli-occupied", glued by a hyphen, names a relation and gives no event (round 7): the purpose infinitive
    # is the background
    ("Palestinians of the Israeli-occupied West Bank shunned work to protest.", "shunned work", ["protest"]),
]


def test_background_events_are_embedded(matcher):
    """A cue in an adjunct, a relative or subordinate clause, a participle of consequence or a purpose infinitive
    is the background of its sentence's main cue (events/nesting.py): embedded, left out of PLOVER's reading."""
    ev = _events([("en", t) for t, _, _ in BACKGROUND], matcher)
    for i, (text, main, rest) in enumerate(BACKGROUND):
        got = ev[ev["article_id"] == f"s{i}"].drop_duplicates("event_id")
        flags = dict(zip(got["cue"], got["embedded"], strict=True))
        assert flags.get(main) is False, (text, flags)
        assert any(cue in flags for cue in rest), (text, flags)
        for cue in rest:
            if cue in flags:  # a cue with no actor in its clause gives no row
                assert flags[cue], (text, cue, flags)


SECTORS = [  # (lang, text, cue, {(source, source_sector, target, target_sector)})
    ("en", "Syrian Kurdish forces attacked Syrian civilians.", "attacked", {("SYR", "REB", "SYR", "CIV")}),
    ("en", "Russia condemned the Syrian opposition.", "condemned", {("RUS", "", "SYR", "OPP")}),
    ("en", "Turkish troops attacked Iraq.", "attacked", {("TUR", "MIL", "IRQ", "")}),
    ("en", "Rebels in Syria attacked Turkey.", "attacked", {("SYR", "REB", "TUR", "")}),
    ("fr", "Les rebelles syriens ont attaqué des civils irakiens.", "attaqué", {("SYR", "REB", "IRQ", "CIV")}),
    ("ar", "هاجمت المعارضة السورية المدنيين العراقيين", "هاجمت", {("SYR", "OPP", "IRQ", "CIV")}),
    ("en", "Nigerian authorities arrested 52 members of the movement.", "arrested", {("NGA", "GOV", "NGA", "")}),
]


def test_a_state_named_through_its_people_has_a_sector(matcher):
    """"Syrian civilians", "the Syrian opposition", "les rebelles syriens": the state's id with the sector of the
    noun (events/sectors.py); the state itself has none; a part of a state with no target acts within it."""
    ev = _events([(lang, text) for lang, text, _, _ in SECTORS], matcher)
    for i, (_, text, cue, want) in enumerate(SECTORS):
        got = ev[(ev["article_id"] == f"s{i}") & (ev["cue"] == cue)]
        assert set(zip(got["source"], got["source_sector"], got["target"], got["target_sector"],
                       strict=True)) == want, text
