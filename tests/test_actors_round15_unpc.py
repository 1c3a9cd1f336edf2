"""Round 15 (issue 12, UNPC agreement): classes of the tune half's disagreements, each rule with its twin."""

import pandas as pd
import pytest

from diplolib.actors import tag_actors
from diplolib.actors.agreement import parallel_mentions
from diplolib.actors.document_authors import other_author
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.short_forms import resolve_short_forms
from diplolib.actors.un_system import REGIONAL_FILE, construct_parents, read_un_system


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _short_forms(matcher, texts, **kw):
    arts = pd.DataFrame({"article_id": range(len(texts)), "text": texts, "published": "2015-06-01"})
    if "source" in kw:
        arts["source"] = kw.pop("source")
    if "author" in kw:
        arts["author"] = kw.pop("author")
        kw["author"] = "author"
    found = resolve_short_forms(arts, tag_actors(arts, registry=matcher), registry=matcher, **kw)
    rows = found[found["method"] == "short_form"]
    return dict(zip(rows["article_id"], rows["actor_id"], strict=True))


def test_documents_of_other_authors_are_read_from_their_symbols():
    symbols = pd.Series(["2015/e/cn_6/2015/ngo/248", "E/CN.9/2015/NGO/10", "2015/e/c_2/2015/2/add_18/rev_1",
                         "2015/npt/conf_2015/wp_28", "2015/e/c_2/2015/l_3", "2015/s/prst/2015/5", "2015/a/69/728",
                         None])
    assert other_author(symbols).tolist() == [True, True, True, True, False, False, False, False]


def test_the_organization_of_another_authors_document_is_the_author_not_the_un(matcher):
    """An NGO's statement or an NPT paper says "The Organization" of itself (the tune half read it as the UN, ECOSOC
    or UNESCO 13 times, never in all three versions): no UN-text reading, no issuing organ, and the document's
    other sentences do not resolve it. Twins: the same texts in a UN organ's document; the Secretary-General; a
    body its own text names before it."""
    texts = ["The Organization is pleased to participate in the session.",
             "وقامت المنظمة بدور نشط في هذه العملية.",
             "Most members of the Council are organizations.",
             "The Organization is pleased to participate in the session.",   # twin: a UN organ's document
             "The Secretary-General opened the session.",                   # twin: the UN's Secretary-General
             "The United Nations and its partners met; the Organization then reported."]  # twin: named before
    author = [True, True, True, False, True, True]
    source = ["Economic and Social Council"] * 6
    got = _short_forms(matcher, texts, source=source, author=author, un_text=True,
                       named={1: {"org:un", "org:unesco"}})
    assert got[0] == got[1] == got[2] == ""
    assert got[3] == "org:un"
    assert got[4] == "per:ban_ki_moon"
    assert got[5] == "org:un"


def test_parallel_mentions_reads_the_author_from_the_document_symbol(matcher):
    triples = pd.DataFrame({"id": ["a", "b"], "doc_id": ["2015/e/cn_6/2015/ngo/251", "2015/a/69/728"],
                            "organ": ["Economic and Social Council", "General Assembly"],
                            "en": ["The Organization welcomes the session."] * 2,
                            "fr": ["L'Organisation se félicite de la session."] * 2,
                            "ar": ["ترحب المنظمة بالدورة."] * 2})
    found = parallel_mentions(triples, registry=matcher)
    un = found[found["actor_id"] == "org:un"]
    assert set(un["article_id"]) == {"b"}
    assert set(un["lang"]) == {"en", "fr", "ar"}


def _document(matcher, texts, lang="ar"):
    """Resolve the short forms of ``texts`` as the sentences of one document; (mentions, short-form rows)."""
    arts = pd.DataFrame({"article_id": range(len(texts)), "text": texts, "published": "2015-06-01", "doc": "D"})
    found = resolve_short_forms(arts, tag_actors(arts, registry=matcher), registry=matcher, document="doc",
                                un_text=True)
    return found, found[found["method"] == "short_form"]


def test_the_regional_bodies_table_gives_constructs_of_its_parents(matcher):
    """Every construct of the table begins one of its body's Arabic names, and its parent is a registry actor."""
    rows = {r["actor_id"]: r for r in read_un_system(REGIONAL_FILE)}
    assert {"org:amisom", "org:eulex", "org:ecomib", "org:opanal"} <= set(rows)
    parents = construct_parents()
    assert parents["بعثة الاتحاد الأفريقي"] == "org:african_union"
    assert parents["بعثة الاتحاد الأوروبي"] == "org:eu"
    for noun, parent in parents.items():
        assert parent in matcher.kind_of
        owners = [r for r in rows.values() if noun in r["short_ar"].split("|")]
        assert owners and all(any(n.startswith(noun + " ") for n in r["ar"].split("|")) for r in owners)
    assert not set(rows) & {r["actor_id"] for r in read_un_system()}  # no UN body in the regional table


def test_the_au_mission_in_arabic_is_amisom_where_the_document_names_it(matcher):
    """"بعثة الاتحاد الأفريقي" (AMISOM, which English and French write as the acronym) was the African Union (3
    tune sentences): it is the AU's mission the document names, and the AU's mention inside it goes. Twins: no
    mission of the AU named (the AU stays); the full name (one mention); a UN mission before it in the sentence."""
    found, rows = _document(matcher, ["لا تزال بعثة الاتحاد الأفريقي تعمل في بيئة أمنية صعبة.",
                                      "وقدمت الحكومة الدعم إلى بعثة الاتحاد الأفريقي في الصومال."])
    assert rows["actor_id"].tolist() == ["org:amisom"]
    assert "org:african_union" not in set(found.loc[found["article_id"] == 0, "actor_id"])
    found, rows = _document(matcher, ["لا تزال بعثة الاتحاد الأفريقي تعمل في بيئة أمنية صعبة."])  # twin: no mission
    assert rows.empty and "org:african_union" in set(found["actor_id"])
    found, _ = _document(matcher, ["وقدمت الحكومة الدعم إلى بعثة الاتحاد الأفريقي في الصومال."])  # twin: full name
    assert found["actor_id"].tolist() == ["org:amisom"]
    _, rows = _document(matcher, ["بين بعثة الأمم المتحدة لتقديم المساعدة إلى الصومال وبعثة الاتحاد الأفريقي.",
                                  "وقدمت الحكومة الدعم إلى بعثة الاتحاد الأفريقي في الصومال."])
    assert rows.loc[rows["article_id"] == 0, "actor_id"].tolist() == ["org:amisom"]


def test_the_agency_of_an_opanal_document_is_not_the_iaea(matcher):
    """OPANAL's report called itself الوكالة, read as the IAEA (2 tune sentences): with OPANAL in the short-form
    table, a document naming both agencies leaves the noun unresolved; one naming the IAEA alone keeps it."""
    both = ["تواريخ آخر التقارير المقدمة من الدول الأعضاء في الوكالة.",
            "شارك الأمين العام لوكالة حظر الأسلحة النووية في أمريكا اللاتينية ومنطقة البحر الكاريبي.",
            "وقدمت الوكالة الدولية للطاقة الذرية تقريرها."]
    _, rows = _document(matcher, both)
    assert rows.loc[rows["article_id"] == 0, "actor_id"].tolist() == [""]
    _, rows = _document(matcher, [both[0], both[2]])  # twin: the IAEA alone
    assert rows.loc[rows["article_id"] == 0, "actor_id"].tolist() == ["org:iaea"]


def test_a_currency_named_after_a_state_is_not_the_state(matcher):
    """French and Arabic name the dollar's state where English writes "$" (9 tune sentences whose only United
    States was the dollar): CLDR's currency names and the UN's frames are role phrases left unresolved
    (``reason="in-name"``). Twins: the state's name and demonym elsewhere in the same sentence."""
    texts = ["L'Australie verse 45 000 dollars australiens à la formation.",
             "قدمت مساعدة مالية بمبلغ 80 مليون دولار من دولارات الولايات المتحدة إلى الولايات المتحدة.",
             "The price increased to 2,500 Syrian pounds near Syrian army positions.",
             "a total of 2 million United States dollars",
             "un montant de 14,6 milliards de dollars des États-Unis"]
    arts = pd.DataFrame({"article_id": range(len(texts)), "text": texts, "published": "2015-06-01"})
    found = tag_actors(arts, registry=matcher)
    got = found[found["actor_id"].fillna("") != ""].groupby("article_id")["surface"].apply(list).to_dict()
    assert got[0] == ["Australie"]                       # twin: the state's name
    assert got[1] == ["الولايات المتحدة"]                # twin: the state after "إلى"
    assert got[2] == ["Syrian army"]                    # twin: the army, not the pounds
    assert 3 not in got and 4 not in got
    cur = found[found["alias_kind"] == "currency"]
    assert set(cur["reason"]) == {"in-name"} and len(cur) == 5


def test_currency_phrases_give_each_currency_to_the_state_that_issues_it():
    from diplolib.actors.currencies import currency_phrases

    aliases = [{"actor_id": "USA", "alias": "United States", "lang": "en", "kind": "name"},
               {"actor_id": "ECU", "alias": "Ecuador", "lang": "en", "kind": "name"},
               {"actor_id": "FRA", "alias": "France", "lang": "fr", "kind": "name"},
               {"actor_id": "SYR", "alias": "سوريا", "lang": "ar", "kind": "name"}]
    rows = currency_phrases(aliases)
    by = {(r["lang"], r["phrase"]): r["of"] for r in rows}
    assert by[("fr", "dollars des États-Unis")] == by[("en", "US dollars")] == by[("en", "United States dollars")] \
        == "USA"
    assert by[("ar", "الليرة السورية")] == by[("ar", "ليرات سوريا")] == "SYR"
    assert "ECU" not in {r["of"] for r in rows} and "FRA" not in {r["of"] for r in rows}  # US dollar; the euro
    assert {r["role"] for r in rows} == {"currency"}
