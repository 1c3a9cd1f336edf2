"""Round 17 (issue 15): rules by class from the seed-2040 reading (and seed 2039's Arabic office name), most of them
rows of the cue lexicons: false friends of a cue's other senses and nominal cues whose giver follows. Each rule has
a twin it must leave alone."""

from __future__ import annotations

import pytest
from events_readings import events_of, triples

TEXTS = {
    "en": {
        # the month after a day or before a day or a year is no march (cues_en.csv)
        "month": "As at 2 March 2015, Russia had paid its dues to the United Nations.",
        "month_day": "Putin will visit Turkey on March 5. Erdogan met Putin on March 2, 2015 in Sochi.",
        "march_twin": "Thousands march against the government in Syria.",
        # "support" in the name of an office or a budget line is no event
        "office": "The Peacebuilding Support Office assisted Liberia.",
        "office_twin": "Russia supports Syria.",
        # evidence, a chance or an impetus given is no aid
        "evidence": "A speech by Mohamed ElBaradei provided weighty additional evidence of progress in Iraq.",
        "chance": "Russia declared a pause to give a chance to civilians in Syria to leave.",
        "impetus": "The summit gave an impetus to Russian companies in Nigeria.",
        "provide_twin": "Russia provided weapons to Syria.",
        "give_twin": "Russia gave aid to Syria.",
        # a question asked is no demand
        "questions": "The questions asked to President Putin covered relations with the United States.",
        "asked_about": "Putin asked about Ukraine.",
        "asked_twin": "Putin asked Obama to lift the sanctions.",
        # the giver follows a noun of support or aid ("support from X")
        "support_from": "The Secretariat carried out activities with financial support from the Government of "
                        "Norway.",
        "received_from": "Syria received support from Russia.",
        "support_to_twin": "Norway gave financial support to Syria.",
        "support_for_twin": "Russia expressed its support for Syria.",
        # an object relative: the antecedent is praised
        "which_i": "I note the progress made by Mali, which I welcome.",
        "which_subject_twin": "Mali, which welcomes the agreement, met France.",
        # the actor of what was agreed is no party (events/contents.py)
        "agreed_that": "They agreed that Hamas should release the hostages it is holding without delay.",
        "agreed_that_pair": "Putin and Erdogan also agreed that Russia will build a pipeline to Turkey.",
        "agreed_with_twin": "Russia agreed with Turkey that Syria must remain united.",
        "agreed_hyphen_twin": "The two leaders agreed that decisions regarding the Russian-Finnish border would be "
                              "made jointly.",
        "agreed_to_twin": "Russia agreed to a ceasefire with Ukraine.",
        # cue gaps of the recall set (cues_en.csv): talks continued, a group disowned, a performative thanks
        "continued_talks": "The United States resumed talks with Iran.",
        "disowned": "Al Qaeda disowned ISIS in February.",
        "would_like": "I would like to thank President Macron for his hospitality.",
        "will_thank_twin": "Russia will thank France later.",
    },
    "fr": {
        "bureau": "Le Bureau d'appui à la consolidation de la paix apporte son concours à la Commission.",
        "bureau_twin": "La France apporte son appui au Mali.",
        "arrivee": "Une aide médicale est arrivée en fin de semaine en Arménie.",
        "arrivee_twin": "Le ministre est arrivé en Arménie.",
        "que_je": "Je constate les avancées de la transition au Mali, que je salue.",
        "que_je_twin": "Le Mali salue les avancées de la transition.",
        "avec_soutien": "Le projet a été réalisé avec le soutien de la France.",
        "soutient_twin": "La France soutient le Mali.",
        "n_accepte_pas": "La France n'accepte pas la décision de la Turquie.",
        "accepte_twin": "La France accepte la décision de la Turquie.",
        "je_voudrais": "Je voudrais remercier le Mali pour son accueil.",
    },
    "ar": {
        "office": "وقدم مكتب دعم بناء السلام المشورة إلى الحكومة.",
        "office_twin": "وتدعم فرنسا مالي.",
        "support_from": "ونفذ المشروع بدعم من فرنسا.",
        "thanks": "وأود أن أتقدم بالشكر إلى السلطات الانتقالية لجمهورية أفريقيا الوسطى على حفاوة الاستقبال.",
        "thanks_verb": "وتشكر فرنسا مالي على حسن الاستقبال.",
    },
}


@pytest.fixture(scope="module")
def rows():
    return events_of(TEXTS)


def test_the_month_is_no_march(rows):
    assert "PROTEST" not in set(rows["en:month"]["event"])
    assert "PROTEST" not in set(rows["en:month_day"]["event"])
    assert ("PROTEST", "", "SYR") in triples(rows["en:march_twin"])


def test_support_in_an_offices_name_is_no_event(rows):
    assert rows["en:office"].empty and rows["fr:bureau"].empty and rows["ar:office"].empty
    assert triples(rows["en:office_twin"]) == {("SUPPORT", "RUS", "SYR")}
    assert triples(rows["fr:bureau_twin"]) == {("SUPPORT", "FRA", "MLI")}
    assert triples(rows["ar:office_twin"]) == {("SUPPORT", "FRA", "MLI")}


def test_evidence_a_chance_or_an_impetus_given_is_no_aid(rows):
    for k in ("evidence", "chance", "impetus"):
        assert not {"AID", "AGREE"} & set(rows[f"en:{k}"]["event"]), k
    assert ("AID", "RUS", "SYR") in triples(rows["en:provide_twin"])
    assert ("AID", "RUS", "SYR") in triples(rows["en:give_twin"])


def test_a_question_asked_is_no_demand(rows):
    assert "DEMAND" not in set(rows["en:questions"]["event"])
    assert "DEMAND" not in set(rows["en:asked_about"]["event"])
    assert ("DEMAND", "per:vladimir_putin", "per:barack_obama") in triples(rows["en:asked_twin"])


def test_the_giver_follows_a_noun_of_support(rows):
    assert triples(rows["en:support_from"]) == {("AID", "NOR", "")}
    assert triples(rows["en:received_from"]) == {("SUPPORT", "RUS", "SYR")}  # no meeting ("received")
    assert triples(rows["fr:avec_soutien"]) == {("SUPPORT", "FRA", "")}
    assert triples(rows["ar:support_from"]) == {("SUPPORT", "FRA", "")}
    assert ("AID", "NOR", "SYR") in triples(rows["en:support_to_twin"])
    assert ("SUPPORT", "RUS", "SYR") in triples(rows["en:support_for_twin"])
    assert triples(rows["fr:soutient_twin"]) == {("SUPPORT", "FRA", "MLI")}


def test_an_object_relative_praises_its_antecedent(rows):
    assert triples(rows["en:which_i"]) == {("SUPPORT", "", "MLI")}
    assert triples(rows["fr:que_je"]) == {("SUPPORT", "", "MLI")}
    assert ("SUPPORT", "MLI", "FRA") in triples(rows["en:which_subject_twin"])
    assert triples(rows["fr:que_je_twin"]) == {("SUPPORT", "MLI", "")}


def test_a_time_phrase_after_arrived_is_no_visit(rows):
    assert "CONSULT" not in set(rows["fr:arrivee"]["event"])
    assert ("CONSULT", "", "ARM") in triples(rows["fr:arrivee_twin"])


def test_the_actor_of_what_was_agreed_is_no_party(rows):
    assert "AGREE" not in set(rows["en:agreed_that"]["event"])  # no one named agreed: no row
    assert ("DEMAND", "", "grp:hamas") in triples(rows["en:agreed_that"])  # the demand of the content stays
    assert {t for t in triples(rows["en:agreed_that_pair"]) if t[0] == "AGREE"} == {
        ("AGREE", "per:vladimir_putin", "per:recep_tayyip_erdogan"),
        ("AGREE", "per:recep_tayyip_erdogan", "per:vladimir_putin")}
    assert ("AGREE", "RUS", "TUR") in triples(rows["en:agreed_with_twin"])
    assert ("AGREE", "FIN", "RUS") in triples(rows["en:agreed_hyphen_twin"])
    assert ("AGREE", "RUS", "UKR") in triples(rows["en:agreed_to_twin"])


def test_the_cue_gaps_of_the_recall_set(rows):
    assert triples(rows["en:continued_talks"]) == {("CONSULT", "USA", "IRN")}
    assert triples(rows["en:disowned"]) == {("SANCTION", "grp:al_qaeda", "grp:isis")}
    assert triples(rows["fr:n_accepte_pas"]) == {("REJECT", "FRA", "TUR")}
    assert rows["fr:accepte_twin"].empty
    assert triples(rows["ar:thanks_verb"]) == {("SUPPORT", "FRA", "MLI")}


def test_a_performative_thanks_is_no_intention(rows):
    for k, target in (("en:would_like", "per:emmanuel_macron"), ("fr:je_voudrais", "MLI"), ("ar:thanks", "CAF")):
        r = rows[k]
        assert triples(r) == {("SUPPORT", "", target)} and not r["hypothetical"].any(), k
    assert rows["en:will_thank_twin"]["hypothetical"].tolist() == [True]  # a future thanks stays an intention
