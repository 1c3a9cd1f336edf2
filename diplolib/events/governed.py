"""A noun cue governed by a preposition names a deed, not its doer: the clause's subject is not its source.

In "the Security Council expressed its outrage *at attacks* in Syria", "a resolution condemning the escalation
*of attacks* in Aleppo", "Syrian warplanes were heard *following the air base attack*", "la condamnation *des
attentats* de Nice", "ردا *على هجمات*", the noun cue (an attack, a raid, a bombing) is the object of a
preposition: the actor before it in the clause talks about the deed, or was elsewhere, but did not do it. The
rule (applied by :func:`~diplolib.events.extract_events` to material events only): the words between the cue and
the actor phrase taken as its source are read back from the cue, over at most :data:`REACH` words; a word of
:data:`GOVERNORS` or :data:`EVALUATE` (a verb or noun of judging: "Turkey condemned the chemical attack") among
them, met before a verb-like word (:data:`STOPS`, or an English word ending in "-ed") or a punctuation mark, leaves
the row with no source, unless a word of :data:`PARTAKE` comes just before it ("the SDF has been locked in
battle", "a wave of air strikes": the subject takes part). What qualifies the noun itself keeps its doer ("Israeli
air raids", "the Assad regime chemical attack", "attacks by the US-led coalition": no word between, or the agent
after the noun), and so does a noun the subject's verb governs ("Russia intensified its attacks on", "X carried
out an attack").

A cue is a noun when the first word of its matching form is in :data:`NOUNS` (a participle such as "killing" or a
gerund such as "fighting" is left as a verb).
"""

from __future__ import annotations

import numpy as np

__all__ = ["NOUNS", "GOVERNORS", "EVALUATE", "STOPS", "PARTAKE", "REACH", "governed_nouns"]

#: First words of noun cues of material events (matching form).
NOUNS = {
    "en": frozenset("""attack attacks raid raids strike strikes airstrike airstrikes air bombing bombings bombardment
        bombardments assault assaults offensive battle battles massacre massacres shelling suicide car roadside
        invasion occupation""".split()),
    "fr": frozenset("""attaque attaques attentat attentats frappe frappes raid raids bombardement bombardements
        offensive agression agressions massacre massacres invasion""".split()),
    "ar": frozenset("""هجوم هجوما هجمات الهجوم الهجمات غاره غارات الغاره الغارات قصف القصف اعتداء اعتداءات
        الاعتداء الاعتداءات""".split()),
}
#: Prepositions that make the noun phrase after them an adjunct or a complement of another noun. Not "for",
#: "pour": "blamed Syrian rebels for the attack", "claimed responsibility for the attack" name the doer.
GOVERNORS = {
    "en": frozenset("""at of on over after following against amid about in into from with during before despite
        toward towards since behind""".split()),
    "fr": frozenset("de des du d a au aux apres contre sur lors suite depuis face".split()),
    "ar": frozenset("على علي ضد بعد عن اثر جراء اثناء ازاء اعقاب".split()),
}
#: Words that end the read back: a verb or auxiliary whose object the noun is ("launched an attack").
STOPS = {
    "en": frozenset("""has have had is are was were be been will would can could may might shall should launch launches
        launching launched carry carries carrying out conduct conducts conducting stage stages staging mount mounts
        mounting step stepping up intensify intensifies intensifying continue continues continuing resume resumes
        resuming begin begins beginning began make makes making made""".split()),
    "fr": frozenset("a ont avait avaient est sont mene menent lance lancent commis commet".split()),
    "ar": frozenset("شن شنت يشن تشن نفذ نفذت ينفذ تنفذ".split()),
}
#: Verbs and nouns of judging whose object the noun cue is: the judge did not do the deed ("Turkey condemned the
#: chemical attack on Idlib", "la condamnation des attentats", "ادانت الهجوم"); read as governors.
EVALUATE = {
    "en": frozenset("""condemned condemns condemn condemning condemnation denounced denounces denounce denouncing
        deplored deplores deplore deploring decried decries decry investigate investigates investigated
        investigating probe probes probing""".split()),
    "fr": frozenset("condamne condamnent condamner condamnation denonce denoncent denoncer deplore deplorent".split()),
    "ar": frozenset("""ادان ادانت يدين تدين ادانه الادانه وادان وادانت ويدين وتدين""".split()),
}
#: Words before a governor that keep the subject the doer: taking part ("locked in battle", "engaged in attacks",
#: "took part in"), a quantity of its deeds ("launched a wave of air strikes", "rounds of mortar attacks") and a
#: charge ("accusations of chemical weapon attacks", "responsibility for").
PARTAKE = {"en": frozenset("""locked engaged involved participated participating participate part role embroiled wave
                              waves series spate campaign string barrage round rounds volley salvo flurry number
                              accusations accusation allegations allegation responsibility responsible guilty
                              suspected""".split()),
           "fr": frozenset("""participe participent implique impliques engage engages vague serie campagne
                              responsabilite responsable accuse accuses""".split()), "ar": frozenset()}
#: Words read back from the cue at most.
REACH = 6


def governed_nouns(spaced: str, m_start: np.ndarray, first_words: list[str], lo: np.ndarray, lang: str
                   ) -> np.ndarray:
    """For each hit, is it a noun cue governed by a preposition between ``lo`` and it?

    ``spaced``: the batch's spaced matching form (``spaced[i + 1] == match[i]``); ``m_start``: the cues' starts and
    ``lo`` the ends of their source phrases, in the matching form; ``first_words``: the first word of each cue's
    matching form. Only the hits whose first word is a noun are read (the words between, from the cue back).
    """
    nouns, gov, stops = NOUNS.get(lang, frozenset()), GOVERNORS.get(lang, frozenset()), STOPS.get(lang, frozenset())
    partake = PARTAKE.get(lang, frozenset())
    gov = gov | EVALUATE.get(lang, frozenset())
    out = np.zeros(len(m_start), dtype=bool)
    noun = np.fromiter((w in nouns for w in first_words), dtype=bool, count=len(first_words))  # np.isin sorts objects
    cand = np.flatnonzero(noun & (lo >= 0) & (lo < m_start))
    for k in cand.tolist():  # the noun cues with a source before them: a few per article
        words = spaced[int(lo[k]) + 1:int(m_start[k]) + 1].split(" ")[::-1][1:REACH + 2]
        for i, w in enumerate(words[:REACH]):
            if w == "" or w in stops or (lang == "en" and w.endswith("ed") and w not in gov):  # gov: "condemned"
                break
            if w in gov:
                out[k] = i + 1 >= len(words) or words[i + 1] not in partake
                break
    return out
