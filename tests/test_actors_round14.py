"""Round 14 (issue 12, UNPC agreement): classes of the tune half's disagreements, each rule with its twin."""

import pandas as pd
import pytest

from diplolib.actors import tag_actors
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.short_forms import resolve_short_forms


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _short_forms(matcher, texts, **kw):
    arts = pd.DataFrame({"article_id": range(len(texts)), "text": texts, "published": "2015-06-01"})
    found = resolve_short_forms(arts, tag_actors(arts, registry=matcher), registry=matcher, **kw)
    rows = found[found["method"] == "short_form"]
    return dict(zip(rows["article_id"], rows["actor_id"], strict=True))


def test_arabic_organised_after_a_definite_noun_is_an_adjective_even_where_the_document_names_the_un(matcher):
    """"الجريمة المنظمة" is organised crime in a document that names the United Nations (the named signal used to
    read it as the UN: three sentences of the tune half); the noun with a proclitic or after an indefinite noun
    stays the Organization."""
    texts = ["لمكافحة الجريمة المنظمة عبر الوطنية بمزيد من الفعالية.",  # the adjective
             "من المحفوظات الوثائقية الثرية للمنظمة.",                  # twin: "of the Organization"
             "دراسة المسائل المتصلة بإصلاح المنظمة وأجهزتها.",           # twin: after an indefinite noun
             "تشجع الدول الأعضاء والمنظمة على التعاون."]                 # twin: coordinated
    got = _short_forms(matcher, texts, named={i: {"org:un"} for i in range(4)})
    assert got.get(0, "") == ""
    assert got[1] == got[2] == got[3] == "org:un"
