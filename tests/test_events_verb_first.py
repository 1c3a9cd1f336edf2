"""Round-8 rules (events/verb_first.py): in an Arabic verb-first clause the first actor after the cue is its source
only where it stands in the subject's place -- right after the verb or at the end of a construct chain -- and not
behind a preposition, a prepositional proclitic, a definite noun that already took that place, or a cue that
ends with a preposition; then that actor is the target and the source is not named. Sentences shaped on the hand
reading of seeds 2031 and 2032 (UN Arabic documents), with other actors. A French verb after "comme", "que",
"ainsi" has its subject after it, read the same way."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events

#: (text, cue, source, target) expected
CASES = [
    # the subject's place: right after the verb, after a definite noun, after an adverb
    ("أدانت فرنسا روسيا.", "أدانت", "FRA", "RUS"),
    ("أدانت الحكومة السورية الهجوم التركي.", "أدانت", "SYR", "TUR"),
    ("أدانت بشدة فرنسا الهجوم على سوريا.", "أدانت", "FRA", "SYR"),
    ("اتفقت روسيا وتركيا على وقف إطلاق النار.", "اتفقت", "RUS", "TUR"),
    # "من" after a noun of support names the giver: with Germany's support
    ("وسيتواصل إنشاء الوحدة بدعم من ألمانيا والمملكة المتحدة.", "دعم", "DEU", ""),
    # a preposition after a title belongs to the subject: the organisation stands for its officer
    ("اتهم جون سميث مدير العمليات في منظمة أطباء بلا حدود الحكومة السودانية بالتقصير.", "اتهم", "org:msf", "SDN"),
    # a prepositional proclitic before the actor ("بما", "بمستشار"): an object, not the subject
    ("رحب مجلس الإدارة بما أبدته ألمانيا من مرونة.", "رحب", "", "DEU"),
    ("فالتقى بمستشار أمير قطر في الدوحة.", "التقى", "", "QAT"),
    # a preposition before the actor: the attack is on it
    ("في سياق الاستعداد لشن هجوم استباقي على إيران.", "هجوم", "", "IRN"),
    # a definite noun then an indefinite one: the untagged subject took the place ("أعضاء المجلس")
    ("أدان أعضاء المجلس عملية القتل بحق مواطنين من تونس.", "أدان", "", "TUN"),
    # a cue that ends with a preposition: what follows is its object
    ("وأكد على أهمية التعاون مع اليابان في هذا المجال.", "التعاون مع", "", "JPN"),
]


#: French subject inversion after "comme", "que", "ainsi" (maybe with "l'" between): the subject follows the verb
FRENCH = [
    ("Comme l'a demandé la Belgique, le Conseil a siégé.", "a demandé", "BEL", ""),
    ("La résolution que condamne la Russie a été adoptée.", "condamne", "RUS", ""),
    ("Ainsi a condamné la France les frappes de la Turquie.", "a condamné", "FRA", "TUR"),
    ("La France a condamné la Russie.", "a condamné", "FRA", "RUS"),  # the usual order is left as it was
]


@pytest.fixture(scope="module")
def french():
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(FRENCH))], "lang": "fr",
                         "text": [c[0] for c in FRENCH]})
    return extract_events(arts, registry=default_matcher())


@pytest.mark.parametrize("k", range(len(FRENCH)), ids=[c[1] + str(i) for i, c in enumerate(FRENCH)])
def test_french_inverted_subject(french, k):
    _, cue, source, target = FRENCH[k]
    rows = french[(french["article_id"] == str(k)) & (french["cue"] == cue)]
    assert len(rows), f"no event for {cue!r}"
    assert (rows.iloc[0]["source"], rows.iloc[0]["target"]) == (source, target)


@pytest.fixture(scope="module")
def events():
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(CASES))], "lang": "ar",
                         "text": [c[0] for c in CASES]})
    return extract_events(arts, registry=default_matcher())


@pytest.mark.parametrize("k", range(len(CASES)), ids=[c[1] + str(i) for i, c in enumerate(CASES)])
def test_arabic_verb_first_subject(events, k):
    _, cue, source, target = CASES[k]
    rows = events[(events["article_id"] == str(k)) & (events["cue"] == cue)]
    assert len(rows), f"no event for {cue!r}"
    assert (rows.iloc[0]["source"], rows.iloc[0]["target"]) == (source, target)
