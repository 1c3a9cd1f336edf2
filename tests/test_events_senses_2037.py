"""Round-14 rules from the held-out reading of seed 2037 (``tests/data/events_precision_2037.csv``) and the PLOVER
tune half: each sense rule with its twin, a sentence where the cue keeps its event."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events

TEXTS = {
    # "demonstrate" before what is shown, or in the passive, is "show"; intransitive it is a protest
    "shown": "Russia demonstrated its commitment to the talks with Germany.",
    "shown_passive": "This was demonstrated convincingly by Russian operations in Syria.",
    "shown_noun": "The visit was a demonstration of solidarity with Ukraine.",
    "protested": "Thousands of Egyptians demonstrated against Israel in Cairo.",
    # signing a book or one's own decree is no agreement; signing a treaty with another party is
    # (a possessive before a space is two spaces in the scanned text: the cue keys keep one per character)
    "book": "Vladimir Putin signed the distinguished visitors' book in Thailand.",
    "decree": "Vladimir Putin signed an Executive Order on the Acting Governor of the Orel Region.",
    "treaty": "Russia signed a treaty with China.",
    # a danger to peace, or of an impersonal danger, is no threat made; a threat made at an actor is
    "peace_en": "The situation in Libya continues to threaten international peace and security.",
    "peace_noun": "Iran called the Israeli strikes a threat to regional peace and security.",
    "climate": "The United States and France will counter the threat of climate change and terrorism.",
    "threatened": "Russia threatened Ukraine with new strikes.",
    "violence": "China made threats of violence against Taiwan.",
    "peace_fr": "La France estime que la situation en Libye continue de menacer la paix et la sécurité internationales.",
    "menace_fr": "La Russie a menacé l'Ukraine de nouvelles frappes.",
    # a war's toll is no attack by an actor; an actor's attack is
    "toll": "Syria's conflict has killed more than 230000 people, the United Nations said.",
    "toll_which": "Syria's war which has killed 280000 people entered its sixth year.",  # FA-KES has no commas
    "killed": "Russian warplanes killed 20 civilians in Syria.",
    # the noun "question" after a determiner is a matter; the verb is an interrogation
    "question": "France said there was no question of sending troops to Syria.",
    "question_of": "The Special Committee considered the question of Palestine with Israel.",
    "questioned": "Turkish police questioned two Syrian suspects.",
    # the right of veto is no veto cast; a veto is
    "veto_right": "France and Mexico launched an initiative to regulate the right of veto.",
    "veto_right_fr": "La France a lancé avec le Mexique une initiative pour encadrer le droit de veto.",
    "vetoed": "Russia vetoed the resolution on Syria.",
    "veto_fr": "La Russie a opposé son veto à la résolution sur la Syrie.",
    # "appeler" naming is no demand; "appeler à" is
    "named_fr": "Le cessez-le-feu a été initié par ce que l'on appelle le groupe de Minsk.",
    "called_fr": "La France appelle la Russie à cesser les frappes.",
    # the name of a support body is no support given; support given is
    "support_body": "The Peacebuilding Support Office of the United Nations works in Burundi.",
    "support_given": "The United States expressed its support for Ukraine.",
    # the object of a bare "discussed" is its topic: the party stands after "with", or is the subject's partner
    "topic": "They discussed their shared concern over Russia's attempts to annex Ukrainian territory.",
    "topic_us": "Finally, the two discussed the recently launched U.S. National Strategy to Counter Antisemitism.",
    "with": "Vladimir Putin discussed the situation in Syria with Turkish President Recep Tayyip Erdogan.",
    "partners": "Russia and France discussed the situation in Syria.",
    "consulted": "The United States consulted Germany on the sanctions.",
    "bilateral": "The Prime Minister and President Hollande discussed UK-France co-operation on counter-terrorism.",
    # a noun's agent after its object did it; a verb's subject keeps it, and a participle keeps its own agent
    "attacks_by": "The report documents attacks on Syrian hospitals by Russian warplanes.",
    "support_by": "Turkey condemned the support for the YPG by the United States.",
    "aid_by": "The delivery of aid to Yemen by Saudi Arabia resumed.",
    "detained_by": "We call again for the release of all Palestinians detained by Israel.",
    # a news agency that saw a document, a body that notes what others did, is no party; the one who says is
    "seen_by": "An earlier Western-drafted statement submitted to the council seen by Reuters was not approved.",
    "rejected_seen": "Russia rejected the statement seen by Reuters.",
    "notes": "The Government of Burundi notes that what the organizers called peaceful demonstrations turned violent.",
    "notes_verbal": "The Government of Burundi notes that it condemned the attack on Rwanda.",
    # a host's greeting is no support; welcoming a plan is
    "greeting": "We are very glad to welcome you here in one of Russia's industrial centres.",
    "welcomed_plan": "France welcomed the peace plan of Egypt.",
    # cue gaps of the recall set: a partnership made, an obligation to be held accountable (en, fr)
    "partnership": "Japan announced a new partnership with the Government of the Philippines.",
    "relation": "Russia values its privileged strategic partnership with India.",
    "accountable": "The United States said Russia must be held accountable for the attack.",
    "tenu_fr": "La France a déclaré que la Russie doit être tenue responsable de ces crimes.",
    # Arabic: a definite noun (no title) right before a name is the subject, the name the one urged; a title
    # before a name is its apposition, an actor with the article continues the phrase
    "council_ar": "وفي هذا الصدد، يحث المجلس بوروندي على المضي قدما نحو تحقيق التنمية.",
    "title_ar": "أدان رئيس الوزراء نتنياهو الهجوم على إسرائيل.",
    "article_ar": "أدانت الحكومة السورية الهجوم.",
    # shelling is FIGHT in French and Arabic as in English ("bombard", "shell"); an attack stays ASSAULT
    "bombarde_fr": "Les forces arméniennes ont bombardé des villages azerbaïdjanais.",
    "attaque_fr": "Les forces arméniennes ont attaqué des villages azerbaïdjanais.",
    "shelled_ar": "قصفت روسيا مواقع في سوريا.",
    "attacked_ar": "هاجمت روسيا مواقع في سوريا.",
}


@pytest.fixture(scope="module")
def ev():
    lang = {k: (k.rsplit("_", 1)[-1] if k.endswith(("_fr", "_ar")) else "en") for k in TEXTS}
    arts = pd.DataFrame({"article_id": list(TEXTS), "lang": [lang[k] for k in TEXTS], "text": list(TEXTS.values())})
    return extract_events(arts, registry=default_matcher())


def _types(ev, key):
    return set(ev.loc[ev["article_id"] == key, "event"])


def _pairs(ev, key, event):
    rows = ev[(ev["article_id"] == key) & (ev["event"] == event)]
    return set(zip(rows["source"].fillna(""), rows["target"].fillna(""), strict=True))


def test_demonstrating_what_is_shown_is_no_protest(ev):
    for key in ("shown", "shown_passive", "shown_noun"):
        assert "PROTEST" not in _types(ev, key), key
    assert "PROTEST" in _types(ev, "protested")


def test_signing_a_book_or_a_decree_is_no_agreement(ev):
    assert "AGREE" not in _types(ev, "book") and "AGREE" not in _types(ev, "decree")
    assert ("RUS", "CHN") in _pairs(ev, "treaty", "AGREE")


def test_a_danger_is_no_threat(ev):
    for key in ("peace_en", "peace_noun", "climate", "peace_fr"):
        assert "THREATEN" not in _types(ev, key), key
    assert ("RUS", "UKR") in _pairs(ev, "threatened", "THREATEN")
    assert ("RUS", "UKR") in _pairs(ev, "menace_fr", "THREATEN")
    assert "THREATEN" in _types(ev, "violence")


def test_a_wars_toll_is_no_attack(ev):
    assert "ASSAULT" not in _types(ev, "toll") and "ASSAULT" not in _types(ev, "toll_which")
    assert ("RUS", "SYR") in _pairs(ev, "killed", "ASSAULT") | _pairs(ev, "killed", "FIGHT")


def test_the_noun_question_is_no_inquiry(ev):
    assert "INVESTIGATE" not in _types(ev, "question") and "INVESTIGATE" not in _types(ev, "question_of")
    assert "INVESTIGATE" in _types(ev, "questioned")


def test_the_right_of_veto_is_no_veto(ev):
    assert "REJECT" not in _types(ev, "veto_right") and "REJECT" not in _types(ev, "veto_right_fr")
    assert "REJECT" in _types(ev, "vetoed") and "REJECT" in _types(ev, "veto_fr")


def test_naming_is_no_demand(ev):
    assert "DEMAND" not in _types(ev, "named_fr")
    assert ("FRA", "RUS") in _pairs(ev, "called_fr", "DEMAND")


def test_a_support_body_is_no_support(ev):
    assert "SUPPORT" not in _types(ev, "support_body")
    assert ("USA", "UKR") in _pairs(ev, "support_given", "SUPPORT")


def test_a_discussions_object_is_its_topic(ev):
    assert "CONSULT" not in _types(ev, "topic") and "CONSULT" not in _types(ev, "topic_us")  # no party named
    assert _pairs(ev, "with", "CONSULT") == {("per:vladimir_putin", "per:recep_tayyip_erdogan")}
    # not Syria, the place discussed; the coordinated subject holds both parties (round 16, events/partners.py;
    # before it the rows were RUS -> "" and FRA -> "")
    assert _pairs(ev, "partners", "CONSULT") == {("RUS", "FRA"), ("FRA", "RUS")}
    assert _pairs(ev, "consulted", "CONSULT") == {("USA", "DEU")}  # the one consulted is the object
    # one of a bilateral topic's hyphen pair is one of the two who discussed it (re3d, judged right in seed 2032)
    assert ("per:francois_hollande", "GBR") in _pairs(ev, "bilateral", "CONSULT")


def test_a_nouns_agent_after_its_object(ev):
    assert ("RUS", "SYR") in _pairs(ev, "attacks_by", "FIGHT")
    assert _pairs(ev, "support_by", "SUPPORT") == {("USA", "grp:ypg")}
    assert _pairs(ev, "support_by", "DISAPPROVE") == {("TUR", "grp:ypg")}  # the verb keeps its subject
    assert _pairs(ev, "aid_by", "AID") == {("SAU", "YEM")}
    assert ("ISR", "PSE") not in _pairs(ev, "detained_by", "DEMAND")  # Israel is the participle's agent


def test_who_saw_or_notes_is_no_party(ev):
    rows = ev[ev["article_id"].isin(["seen_by", "rejected_seen"])]
    assert "org:reuters" not in set(rows["source"]) | set(rows["target"])
    assert ("RUS", "") in _pairs(ev, "rejected_seen", "REJECT")
    assert "PROTEST" not in _types(ev, "notes")  # the government did not demonstrate
    assert ("BDI", "RWA") in _pairs(ev, "notes_verbal", "DISAPPROVE")  # a verbal event noted stays the speaker's


def test_a_greeting_is_no_support(ev):
    assert not {"SUPPORT", "AGREE"} & _types(ev, "greeting")
    assert ("FRA", "EGY") in _pairs(ev, "welcomed_plan", "SUPPORT")


def test_recall_cue_gaps(ev):
    assert ("JPN", "PHL") in _pairs(ev, "partnership", "COOPERATE")
    assert "COOPERATE" not in _types(ev, "relation")  # a partnership held is a relation, no event
    assert ("USA", "RUS") in _pairs(ev, "accountable", "DISAPPROVE")
    rows = ev[(ev["article_id"] == "tenu_fr") & (ev["event"] == "DISAPPROVE")]
    assert ("FRA", "RUS") in set(zip(rows["source"], rows["target"], strict=True))
    assert not rows["hypothetical"].any()  # the obligation is the cue's, no intention


def test_arabic_definite_subject_before_a_name(ev):
    assert _pairs(ev, "council_ar", "DEMAND") == {("", "BDI")}  # Burundi is urged; the Council (no actor) urges
    assert ("per:benjamin_netanyahu", "ISR") in _pairs(ev, "title_ar", "DISAPPROVE")
    assert ("SYR", "") in _pairs(ev, "article_ar", "DISAPPROVE")


def test_shelling_is_fight(ev):
    assert _types(ev, "bombarde_fr") == {"FIGHT"} and "ASSAULT" in _types(ev, "attaque_fr")
    assert _types(ev, "shelled_ar") == {"FIGHT"} and "ASSAULT" in _types(ev, "attacked_ar")
