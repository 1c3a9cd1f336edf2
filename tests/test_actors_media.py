"""News agencies are actors of kind ``media``: read whole, known as reporters, left out of story counts."""

import pandas as pd
import pytest

from diplolib.actors import load_registry, tag_actors, without_kinds
from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events
from diplolib.events.attribution import reporting_actors

# (lang, text, actors expected, actors not expected)
PROBES = [
    ("en", "The official Syrian Arab News Agency reported the shelling.", {"org:sana"}, {"SYR"}),
    ("en", "State news agency SANA said two people were killed.", {"org:sana"}, set()),
    ("en", "Rami Abdel Rahman told AFP the raids continued.", {"org:afp"}, {"FRA"}),
    ("en", "The Saudi Press Agency carried the statement.", {"org:spa"}, {"SAU"}),
    ("en", "Putin gave an interview to TASS and Xinhua.", {"org:tass", "org:xinhua"}, set()),
    ("en", "The Qatar News Agency quoted the emir.", {"org:qna"}, {"QAT"}),
    ("fr", "a déclaré à l'agence RIA Novosti le ministre.", {"org:ria_novosti"}, set()),
    ("fr", "selon l'Agence arabe syrienne d'information, l'armée a avancé.", {"org:sana"}, {"SYR"}),
    ("ar", "ونقلت وكالة الأنباء السعودية عن مصدر مسؤول قوله.", {"org:spa"}, {"SAU"}),
    ("ar", "وقال مصدر لوكالة رويترز إن المفاوضات مستمرة.", {"org:reuters"}, set()),
    # the guarded forms: a common noun, a province, a city, a region
    ("en", "The first sputnik was launched in 1957.", set(), {"org:sputnik"}),
    ("en", "Clashes were reported in Fars province.", set(), {"org:fars_news"}),
    ("en", "Tourists returned to Petra and Wadi Rum.", set(), {"org:petra"}),
    ("en", "Growth in the MENA region slowed.", set(), {"org:mena"}),
]


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


@pytest.fixture(scope="module")
def tagged(matcher):
    arts = pd.DataFrame({"article_id": [f"p{i}" for i in range(len(PROBES))], "lang": [p[0] for p in PROBES],
                         "text": [p[1] for p in PROBES],
                         "published": pd.to_datetime(["2018-05-01"] * len(PROBES), utc=True)})
    return tag_actors(arts, registry=matcher)


@pytest.mark.parametrize("i", range(len(PROBES)))
def test_agency_names_are_read_whole(tagged, i):
    _, text, want, not_want = PROBES[i]
    got = set(tagged.loc[tagged["article_id"] == f"p{i}", "actor_id"].dropna())
    assert want <= got, (text, got)
    assert not (not_want & got), (text, got)


def test_every_media_actor_has_names_in_the_registry(matcher):
    reg = matcher.registry
    media = set(reg.actors.loc[reg.actors["kind"] == "media", "actor_id"])
    assert len(media) >= 25
    assert media <= set(reg.aliases["actor_id"])
    assert media <= reporting_actors(reg.actors)


def test_without_kinds_drops_media_keeps_unresolved(tagged, matcher):
    unresolved = pd.DataFrame({"article_id": ["x", "y"], "actor_id": pd.array([pd.NA, "SYR"], dtype="string")})
    mentions = pd.concat([tagged[["article_id", "actor_id"]], unresolved], ignore_index=True)
    out = without_kinds(mentions, actors=matcher.registry.actors)
    kind = matcher.registry.actors.set_index("actor_id")["kind"]
    assert not out["actor_id"].dropna().map(kind).eq("media").any()
    assert out["actor_id"].isna().sum() == 1
    assert len(out) == len(mentions) - mentions["actor_id"].map(kind).eq("media").sum()
    # a kind column on the mentions is used as it is; several kinds at once
    with_kind = mentions.assign(kind=mentions["actor_id"].map(kind))
    both = without_kinds(with_kind, ["media", "state"])
    assert not both["kind"].isin(["media", "state"]).any()
    assert len(both) == len(out) - 1  # the one state mention


def test_without_kinds_says_what_to_pass():
    with pytest.raises(ValueError, match="tag_actors"):
        without_kinds(pd.DataFrame({"id": [1]}))
    with pytest.raises(ValueError, match="load_registry"):
        without_kinds(pd.DataFrame({"actor_id": ["SYR"]}), actors=pd.DataFrame({"actor_id": ["SYR"]}))


def test_agencies_are_no_side_of_the_events_they_report(matcher):
    texts = ["SANA reported that Turkish jets bombed Afrin on Sunday.",
             "Israeli aircraft struck Damascus airport, Xinhua said.",
             "وذكرت وكالة الأنباء السعودية أن التحالف قصف مواقع الحوثيين."]
    arts = pd.DataFrame({"article_id": ["e0", "e1", "e2"], "lang": ["en", "en", "ar"], "text": texts,
                         "published": pd.to_datetime(["2018-05-01"] * 3, utc=True)})
    ev = extract_events(arts, registry=matcher)
    media = set(load_registry().actors.query("kind == 'media'")["actor_id"])
    assert len(ev) and not (ev["source"].isin(media) | ev["target"].isin(media)).any(), ev[["cue", "source", "target"]]
