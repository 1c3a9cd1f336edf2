"""Generated Arabic and French forms of the leaders-cia people's names (diplolib/actors/transliterate.py)."""

import pandas as pd
import pytest

from diplolib.actors import load_registry
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.tagger import tag_actors
from diplolib.actors.transliterate import MAX_PER_NAME, _is_common, _zipf, arabic_forms, french_forms, french_spelling
from diplolib.normalize.matching import matching_form


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.mark.parametrize("name, written", [
    ("Salva Kiir", "سلفا كير"),            # a medial short a dropped, the final a kept
    ("Hilde Johnson", "هيلدا جونسون"),      # the silent h of "John"; a final e read as ا
    ("Emmanuel Macron", "إيمانويل ماكرون"),  # initial e as اي (إ unified by the matching form)
    ("Vladimir Putin", "فلاديمير بوتين"),
    ("Abd-al-Fattah al-Burhan", "عبد الفتاح البرهان"),  # fixed name parts and the article joined
    ("Abdelaziz Bouteflika", "عبد العزيز بوتفليكا"),
    ("Justin Trudeau", "جوستين ترودو"),     # French "eau"
])
def test_arabic_forms_include_the_spelling_of_the_press(name, written):
    forms = {matching_form(f) for f in arabic_forms(name)}
    assert matching_form(written) in forms, forms


def test_arabic_forms_are_bounded_and_only_for_names_of_two_words():
    assert arabic_forms("Kiir") == [] and arabic_forms("Elizabeth II") == []
    for name in ("Kassym-Jomart Tokayev", "Bashar al-Assad", "Salva Kiir Mayardit", "Abdallah bin Khalifa Al Thani"):
        assert 0 < len(arabic_forms(name)) <= MAX_PER_NAME


def test_arabic_given_names_alone_and_common_words_are_never_forms():
    assert arabic_forms("Abdul Hamid") == [] and arabic_forms("Mohammed Ali") == []  # a given name many bear
    assert _zipf("من") >= 5.5 and _is_common("من كير")  # a sound-made function word
    assert _is_common("الذي كان")  # every word a frequent word
    assert not _is_common("سلفا كير") and not _is_common("عبد الله بن خليفة")


def test_french_forms_of_names_from_cyrillic():
    assert french_forms("Vladimir Putin", "RUS") == ["Vladimir Poutine"]
    assert french_forms("Kassym-Jomart Tokayev", "KAZ") == ["Kassym-Jomart Tokaïev"]
    assert french_forms("Konstantin Chernenko", "RUS") == ["Konstantin Tchernenko"]  # -ine only on the family name
    assert french_spelling("Lukashenko") == "Loukachenko" and french_spelling("Mishustin") == "Michoustine"
    assert french_forms("Aleksandar Vucic", "SRB") == [] and french_forms("Justin Trudeau", "CAN") == []


def test_generated_forms_fill_only_people_without_a_written_arabic_name(registry):
    al = registry.aliases
    gen = al[al["source"].eq("rule:transliterate") & al["lang"].eq("ar")]
    written = al[al["source"].ne("rule:transliterate") & al["lang"].eq("ar") & al["kind"].eq("name")]
    assert len(gen) > 5000 and not set(gen["actor_id"]) & set(written["actor_id"])
    assert gen.groupby(["actor_id", "note"]).size().max() <= MAX_PER_NAME


def test_arabic_dispatch_names_a_leader_with_no_written_arabic_name(registry):
    m = default_matcher()
    arts = pd.DataFrame({"article_id": [1, 2], "published": ["2014-07-09", "2014-07-09"], "text": [
        "اندلع النزاع بين الرئيس سلفا كير ونائبه السابق",
        "قال عبد الحميد إن الاجتماع انتهى"]})  # a given name shared by many: Bangladesh's Abdul Hamid is not meant
    out = tag_actors(arts, registry=m)
    assert set(out.loc[out["article_id"].eq(1), "actor_id"]) >= {"per:salva_kiir_mayardit"}
    assert "per:abdul_hamid" not in set(out["actor_id"].dropna())
