"""Tag lists between a standfirst and the body ("… continue. Tags Syria Idlib Nusra Front The brigade said …")
are moved out of the text: a tag list is not a sentence."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import corpus_dir
from diplolib.normalize.tags import split_related_list, split_tag_list, split_tag_lists

CASES = [
    # an opener (a capitalised function or number word) starts the body
    ("Clashes continue. Tags Syria Free Syrian Army Idlib The brigade said it killed six fighters.",
     "Clashes continue.\n\nThe brigade said it killed six fighters.", "Syria Free Syrian Army Idlib"),
    ("Dozens died. Tags Syria Aleppo Fourteen members of the group were killed.",
     "Dozens died.\n\nFourteen members of the group were killed.", "Syria Aleppo"),
    # the body repeats the standfirst, from a capital
    ("Syrian rebels launched an offensive on Idlib. Tags Syria Idlib SOHR Syrian rebels launched an offensive on "
     "Idlib on Monday.", "Syrian rebels launched an offensive on Idlib.\n\nSyrian rebels launched an offensive on "
     "Idlib on Monday.", "Syria Idlib SOHR"),
    # a short list closed by a full stop
    ("A bomber struck. Tags Nusra Front al-Qaeda Aleppo extremism war. Suicide bombers struck.",
     "A bomber struck.\n\nSuicide bombers struck.", "Nusra Front al-Qaeda Aleppo extremism war"),
    # end unknown (no opener, a repeat from mid-sentence, no short full stop): left as it is
    ("Jets hit Homs. Tags Syria Homs Napalm Jets thought to belong to the government hit Homs on Sunday residents "
     "and a monitor and several witnesses and other people in the city said that jets hit it.", None, ""),
    # no tag list; "Tags" inside a sentence is not one
    ("Russia struck Idlib. The Tags of the bags were lost.", None, ""),
    ("", None, ""),
]


@pytest.mark.parametrize(("text", "want", "tags"), CASES)
def test_split_tag_list(text, want, tags):
    got_text, got_tags = split_tag_list(text)
    assert got_text == (text if want is None else want)
    assert got_tags == tags


@given(st.text(alphabet=st.sampled_from(list("ab AThe.Tags1,")), max_size=120)
       | st.text(max_size=200))
def test_split_tag_list_never_crashes_and_loses_no_word(text):
    original = "Standfirst here. Tags " + text
    body, tags = split_tag_list(original)
    if tags:  # every word is in the body or the tag list; only the word "Tags" goes
        words = re.findall(r"\w+", original)
        words.remove("Tags")
        assert sorted(re.findall(r"\w+", body) + re.findall(r"\w+", tags)) == sorted(words)
    else:
        assert body == original


def test_split_tag_lists_is_a_new_table():
    records = pd.DataFrame({"text": [CASES[0][0], "No tags."]})
    out = split_tag_lists(records)
    assert records["text"].tolist() == [CASES[0][0], "No tags."]
    assert out["tags"].tolist() == ["Syria Free Syrian Army Idlib", ""]
    assert out["related"].tolist() == ["", ""]


def test_fakes_tag_lists_leave_the_text():
    from diplolib import datasets

    corpus_dir("fa-kes")
    articles, _ = datasets.load("fa-kes")
    moved = articles[articles["tags"] != ""]
    # measured: 59 of the 73 New Arab bodies with a leading tag list (the other 14: end unknown, left in place)
    assert len(moved) >= 55
    assert not moved["text"].str.contains(r"\bTags\b").any()
    first = moved["text"].str.split("\n\n").str[1].str[:1]
    assert first.str.isupper().all()  # the body starts at a sentence


@pytest.mark.parametrize(("text", "want", "related"), [
    ("Raqqa fell. ... 91 Related US Mistakes Led to Catastrophe in Raqqa - Moscow Daesh Ambush Near Raqqa",
     "Raqqa fell.", "US Mistakes Led to Catastrophe in Raqqa - Moscow Daesh Ambush Near Raqqa"),
    # a body that goes on with sentences after "Related" keeps it (a leading list: its end cannot be told)
    ("Views 729 Related IS claims attack on town Double bomb kills 31. Rescue workers said.", None, ""),
    ("The 12 Related parties met. They agreed.", None, ""),
    ("No list here.", None, ""),
])
def test_split_related_list(text, want, related):
    got_text, got_related = split_related_list(text)
    assert got_text == (text if want is None else want)
    assert got_related == related


def test_fakes_related_lists_leave_the_text():
    from diplolib import datasets

    corpus_dir("fa-kes")
    articles, _ = datasets.load("fa-kes")
    moved = articles[articles["related"] != ""]
    assert len(moved) >= 18  # measured: 21 Sputnik bodies end with a list of related headlines
    assert not moved["text"].str.contains(r"\d+ Related ").any()
    assert moved["text"].str.rstrip().str[-1].isin(list(".!?\"”')")).mean() >= 0.9  # they end on a sentence
