"""The addressee of an Arabic or French demand, and the actor of its content: who is asked is the target.

A demand names whom it asks, then what it asks for: "تدعو *المنظمات الإقليمية* إلى النظر في إبرام اتفاقات تعاون مع
المحكمة", "تحث *جميع الدول الأطراف* على أن تضع مصالح المحكمة …", "Prie *le Secrétaire général* d'expliquer … du
Comité", "Demande *au Groupe d'experts* d'évaluer … la Côte d'Ivoire". When the one asked is no actor of the
registry (regional organisations, the states parties, a panel), the first actor after the cue lies inside the
content clause, and it is not the target of the demand (PLOVER codes the one asked; the English rule is
:func:`~diplolib.events.sides.addressee`). Nothing stands in for the one asked, with or without an actor after
it ("La délégation des États-Unis prie le secrétariat de faire le nécessaire"): no place, not the source's own
state (``addressed``), except a place inside the addressee itself ("جميع الأطراف في مالي إلى …": the parties in
Mali). So a demand whose target phrase comes after an addressee followed by
the opening of a content clause has no target:

- Arabic: a word that is no opener, then a content opener (إلى, على, أن, بأن) before the target: "تدعو المنظمات
  إلى …"; or إلى and the one asked, then a verbal clause (أن, بأن): "يطلب إلى الأمين العام أن …". A demand *for*
  something ("دعت فرنسا إلى وقف الهجمات على …", إلى first, no أن) keeps its target: the content is the demand.
- French: a word, then de/d'/à and an infinitive (an -er, -ir, -oir verb or one of the -re verbs of
  :data:`_RE_VERBS`; a determiner after "de" is a genitive, "du Gouvernement de la RDC"), or que/qu'.

The one asked does what the content says (:func:`content_sources`): a cue right after a demand's content
opener -- "La Syrie demande au Conseil de sécurité *de condamner* …", "exhorte les États Membres *à appuyer*
l'Union africaine", "تدعو الدول إلى *دعم* …" -- has the demand's addressee as its source (its target phrase
when it stands between them, none when the one asked is no actor), not the speaker of the demand.

The one condemned is the author of the deed (:func:`condemned_agents`): in "تدين الأعمال الوحشية لتدمير ونهب التراث
الثقافي للعراق *التي يقوم بها* تنظيم الدولة الإسلامية" and "Condamne les actes barbares de destruction du patrimoine
culturel iraquien *auxquels se livre* l'EIIL" the Assembly condemns ISIL, not Iraq: a condemnation whose target
phrase is followed in its sentence by a marker of the deed's agent and an actor right after it takes that actor.

The gap is read from the cue's end, or from the end of a verb-first subject standing after it ("دعت فرنسا …"),
in the matching form; only the demands with a target after the cue are read (a list over those candidates).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["content_targets", "content_sources", "condemned_agents", "deed_agents"]

_AR_OPEN = r"(?:الي|علي|ان|بان)"
#: Matching forms (ى→ي, إ→ا): an addressee word then a content opener, or إلى + the one asked + a verbal clause.
_AR = re.compile(r"\s*(?:(?!" + _AR_OPEN + r"\s)\S+(?:\s+\S+)*?\s+" + _AR_OPEN
                 + r"|الي\s+\S+(?:\s+\S+)*?\s+(?:ان|بان))(?:\s|$)")
#: French infinitives in -re (the -re nouns "guerre", "frontière", "lettre" must not read as verbs).
_RE_VERBS = (r"\w*(?:prendre|mettre|faire|suivre|rendre|pondre|duire|crire|dire|vivre|naitre|battre|truire|clure|"
             r"lire|soudre|fendre|tendre|pendre|vendre|joindre|traire|boire)")
_FR_INF = (r"(?!(?:janvier|fevrier|premier|dernier|particulier|entier|hier|pouvoir|avenir|plaisir|devoir|"
           r"savoir|espoir)\b)(?:\w+(?:er|ir|oir)|" + _RE_VERBS + r")")
#: Matching form (accents gone, apostrophes spaces): "le secretaire general d expliquer", "… de s abstenir".
_FR = re.compile(r"\s*\S.*?\b(?:(?:de|d|a)\s+(?:(?:s|se|y|en|leur|lui|ne\s+pas|ne\s+plus)\s+)?" + _FR_INF
                 + r"|que|qu)\b")
_CONTENT = {"ar": _AR, "fr": _FR}
#: With no actor after the demand, the addressee and its content are looked for this far (display characters).
_REACH = 120


#: An English demand with its addressee named by a noun that is no actor, then an infinitive: "requested *the pilots
#: to* carry out strikes", "called on *all parties to* implement" (:func:`~diplolib.events.sides.addressee` leaves
#: such a demand without a target).
_EN_ADDRESSEE = re.compile(r"\s*(?:on\s+)?(?:the|a|an|all|both|its|their|his|her|these|those|other|several|some)\s+"
                           r"(?:[^\W\d_][\w'’-]*\s+){0,3}?[^\W\d_][\w'’-]*\s+to\s+(?!(?:the|a|an|all|both|its|"
                           r"their|his|her|this|that|these|those|any|each|every|some|such|no)\b)[a-z]+\b")


def _english_addressed(b, hits: dict[str, np.ndarray], event: np.ndarray, direction: np.ndarray,
                       tgt: np.ndarray) -> np.ndarray:
    """English demands with no target whose addressee is named (:data:`_EN_ADDRESSEE`): the one asked is there, so
    neither a place nor the source's own state stands in for it ("The Syrian government requested the pilots to
    carry out strikes" is no demand of Syria on itself: hand reading, English seed 2035)."""
    addressed = np.zeros(len(tgt), dtype=bool)
    cand = np.flatnonzero((event == "DEMAND") & (direction == "active") & (tgt < 0))
    if not len(cand):
        return addressed
    disp, ends = b.display, hits["end"][cand]
    his = np.minimum(b.sent_end[hits["sentence"][cand]], ends + _REACH)
    addressed[cand] = [_EN_ADDRESSEE.match(disp, int(a), int(z)) is not None
                       for a, z in zip(ends.tolist(), his.tolist(), strict=True)]
    return addressed


def content_targets(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, event: np.ndarray,
                    direction: np.ndarray, src: np.ndarray, tgt: np.ndarray,
                    lang: str) -> tuple[np.ndarray, np.ndarray]:
    """``(target, addressed)``: no target for an Arabic or French demand whose target phrase lies in the content
    asked of an addressee that is no actor (module rules), and which hits those are: their addressee is named, so
    neither a place nor the source's own state stands in for it (:func:`~diplolib.events.sectors.domestic`).
    New arrays."""
    addressed = np.zeros(len(tgt), dtype=bool)
    if lang == "en" and len(tgt):
        return tgt, _english_addressed(b, hits, event, direction, tgt)
    pattern = _CONTENT.get(lang)
    if pattern is None or phrases.empty or len(tgt) == 0:
        return tgt, addressed
    ps, pe = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    at = ps[np.maximum(tgt, 0)]
    cand = np.flatnonzero((event == "DEMAND") & (direction == "active") & ((tgt < 0) | (at >= hits["end"])))
    if not len(cand):
        return tgt, addressed
    # from the end of a verb-first subject standing between the cue and the target, else from the cue's end
    s_end = pe[np.maximum(src[cand], 0)]
    lo = np.where((src[cand] >= 0) & (s_end >= hits["end"][cand]) & (s_end <= at[cand]), s_end, hits["end"][cand])
    hi = np.where(tgt[cand] >= 0, at[cand], np.minimum(b.sent_end[hits["sentence"][cand]], lo + _REACH))
    m_lo, m_hi = b.match_offsets(lo), b.match_offsets(np.maximum(hi, lo))
    match = b.match
    found = [pattern.match(match[a:z]) for a, z in zip(m_lo.tolist(), m_hi.tolist(), strict=True)]
    far = np.array([f is not None for f in found], dtype=bool)
    opener = b.display_at(np.minimum(m_lo + np.array([f.end() if f else 0 for f in found], dtype=np.int64),
                                     len(b.match) - 1)) if len(b.match) else lo
    # with no target, a phrase inside the addressee ("جميع الأطراف *في مالي* إلى …") may still stand in for it
    inside = np.searchsorted(ps, opener) > np.searchsorted(ps, lo)
    out = tgt.copy()
    out[cand[far]] = -1
    addressed[cand[far & ((tgt[cand] >= 0) | ~inside)]] = True
    return out, addressed


#: The end of the gap between a demand and a cue of its content: the opener right before the cue.
_OPENER_END = {"ar": re.compile(r"(?:^|\s)(?:الي|علي|ان|بان|علي\s+ان)\s+$"),
               "fr": re.compile(r"(?:^|\s)(?:de|d|a)\s+(?:(?:s|se|y|en|ne\s+pas)\s+)?$")}
#: At most this many characters (matching form) between a demand and the cue of its content.
_CONTENT_GAP = 120


def content_sources(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, event: np.ndarray, src: np.ndarray,
                    tgt: np.ndarray, lang: str) -> np.ndarray:
    """The addressee of the demand before each cue of its content as that cue's source (module rules): the
    previous demand of the sentence is found by ``searchsorted`` over the demands' ends. A new array."""
    pattern = _OPENER_END.get(lang)
    if pattern is None or len(src) == 0:
        return src
    dem = np.flatnonzero(event == "DEMAND")
    if not len(dem):
        return src
    dem = dem[np.argsort(hits["m_end"][dem], kind="stable")]
    d_end = hits["m_end"][dem]
    j = np.searchsorted(d_end, hits["m_start"], side="right") - 1  # the last demand that ends before each cue
    d = dem[np.maximum(j, 0)]
    cand = np.flatnonzero((j >= 0) & (event != "DEMAND") & (hits["sentence"][d] == hits["sentence"])
                          & (hits["m_start"] - hits["m_end"][d] <= _CONTENT_GAP))
    if not len(cand):
        return src
    match, ms, me = b.match, hits["m_start"], hits["m_end"]
    hot = np.fromiter((pattern.search(match[a:z]) is not None
                       for a, z in zip(me[d[cand]].tolist(), ms[cand].tolist(), strict=True)),
                      dtype=bool, count=len(cand))
    cand = cand[hot]
    asked = tgt[d[cand]]
    ps = phrases["gstart"].to_numpy() if len(phrases) else np.zeros(0, np.int64)
    between = (asked >= 0) & (ps[np.maximum(asked, 0)] < hits["start"][cand]) if len(ps) else asked >= 0
    out = src.copy()
    out[cand] = np.where(between, asked, -1)
    return out


#: The agent of a condemned deed after the deed's noun (matching form): "التي يقوم بها", "التي ترتكبها", "على يد",
#: "commis par", "perpétrés par", "auxquels se livre".
_AGENT = {"ar": re.compile(r"\s(?:(?:التي|الذي|اللذين)\s+(?:يقوم|تقوم|قام|قامت|يرتكبها|ترتكبها|ارتكبها|"
                           r"ارتكبتها|تشنها|يشنها|شنها|شنتها)(?:\s+بها|\s+به)?|علي\s+يد|من\s+جانب)\s+$"),
          "fr": re.compile(r"\s(?:commis|commises|perpetre|perpetres|perpetree|perpetrees|menes|menees|"
                           r"(?:auxquels|auxquelles|auquel|a\s+laquelle)\s+(?:se\s+livre|se\s+livrent|s\s+est\s+livre))"
                           r"(?:\s+par)?\s+(?:l|le|la|les)?\s*$")}
#: At most this many characters (display) from a condemnation's target to the agent's marker.
_AGENT_REACH = 200
#: The agent's marker after a deed's noun, with up to three words before the actor phrase: the head of a sector
#: ("التي قامت بها *السلطات* الإسرائيلية", "menées par *les forces de* l'Iran").
_DEED_AGENT = {lang: re.compile(p.pattern.removesuffix(r"\s+$").removesuffix(r"\s*$") + r"(?:\s+\S+){0,3}\s*$")
               for lang, p in _AGENT.items()}


def _agents_after(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, cand: np.ndarray, at: np.ndarray,
                  reach: int, pattern: re.Pattern, window: int = 40) -> tuple[np.ndarray, np.ndarray]:
    """For the hits ``cand``, the first phrase starting after display offset ``at`` (up to ``reach`` characters
    on, within the sentence) whose ``window`` matching characters before it end with the agent's marker ``pattern``:
    (positions in ``cand`` that have one, the phrase of each)."""
    ps = phrases["gstart"].to_numpy()
    limit = np.minimum(b.sent_end[hits["sentence"][cand]], at + reach)
    lo, hi = np.searchsorted(ps, at, side="right"), np.searchsorted(ps, limit, side="left")
    n = np.maximum(hi - lo, 0)
    row = np.repeat(np.arange(len(cand)), n)  # every (candidate, later phrase) pair, as columns
    k = np.repeat(lo - np.cumsum(np.concatenate([[0], n[:-1]])), n) + np.arange(n.sum())
    if not len(k):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    m_at = b.match_offsets(ps[k])
    match = b.match
    hot = np.fromiter((pattern.search(match[max(z - window, 0):z]) is not None for z in m_at.tolist()),
                      dtype=bool, count=len(k))
    first = pd.Series(k[hot]).groupby(row[hot]).min()  # the first agent after each
    return first.index.to_numpy(np.int64), first.to_numpy(np.int64)


def condemned_agents(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, event: np.ndarray, tgt: np.ndarray,
                     lang: str) -> np.ndarray:
    """The agent named after a condemned deed as the target of the condemnation (module rules): the phrases
    after each target, up to :data:`_AGENT_REACH` characters and within the sentence, each tested for the agent's
    marker right before it. A new array."""
    pattern = _AGENT.get(lang)
    if pattern is None or phrases.empty or len(tgt) == 0:
        return tgt
    cand = np.flatnonzero((event == "DISAPPROVE") & (tgt >= 0))
    if not len(cand):
        return tgt
    where, agent = _agents_after(b, hits, phrases, cand, phrases["gstart"].to_numpy()[tgt[cand]], _AGENT_REACH,
                                 pattern)
    out = tgt.copy()
    out[cand[where]] = agent
    return out


#: At most this many characters (display) from a deed's cue to its agent's marker: the deed's own noun phrase.
_DEED_REACH = 60


def deed_agents(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, material: np.ndarray, src: np.ndarray,
                tgt: np.ndarray, lang: str) -> tuple[np.ndarray, np.ndarray]:
    """The agent named after a deed's noun is the deed's source, as English "carried out by" (``nominal``):
    "بسبب عمليات هدم المنازل *التي قامت بها* السلطات الإسرائيلية", "les attaques au chlore *menées par* les forces
    du régime". A material cue followed within :data:`_DEED_REACH` characters (in its sentence) by the agent's
    marker and an actor takes that actor as its source; the target is kept unless it was that actor (then none:
    the victims before the cue are no source, "1 200 فلسطيني … بسبب عمليات هدم": hand reading of seed 2034, read
    Palestine -> Israel). New arrays."""
    pattern = _DEED_AGENT.get(lang)
    if pattern is None or phrases.empty or len(src) == 0:
        return src, tgt
    cand = np.flatnonzero(material)
    if not len(cand):
        return src, tgt
    where, agent = _agents_after(b, hits, phrases, cand, hits["end"][cand] - 1, _DEED_REACH, pattern, window=70)
    rows = cand[where]
    out_src, out_tgt = src.copy(), tgt.copy()
    out_src[rows] = agent
    out_tgt[rows] = np.where(tgt[rows] == agent, -1, tgt[rows])
    return out_src, out_tgt
