"""Short forms of organisations resolved from the document: "the Council", "l'Organisation", "الوكالة".

UN texts name a body in full once and then by its generic noun ("the Council", "le Conseil", "المجلس"), or
write an acronym in one language where another repeats the full name. The generic nouns of every body are in
``data/sources/un_system.csv`` (:func:`~diplolib.actors.un_system.short_forms`). :func:`resolve_short_forms`
finds them in the texts (a capitalised noun after the article in English and French, the noun with the article
and its proclitics in Arabic; not when a qualifier follows: "the Council of Europe", "le Conseil
d'administration", "المجلس التنفيذي") and resolves each with the first signal that gives one body (the new
mention's ``alias_kind`` says which):

1. ``context:source`` — the issuing body: the article's ``source`` (a UN organ: "Security Council") names one
   body with that noun.
2. ``context:named`` — a body with that noun is named in the same article before the short form (the nearest
   wins), or else exactly one is named in the rest of the document: before it in its own text, or anywhere in
   the document's other texts (``document`` column: the sentences of one document share it; ``named``: what the
   document's other sentences name in any language). A short form refers back: a body its own text names only
   after it is another one ("أن تنسّق البعثة مع بعثة الأمم المتحدة للتصدي العاجل لفيروس إيبولا": the mission
   coordinates with UNMEER, so it is not UNMEER).
3. ``context:un-text`` — "the Organization" / "l'Organisation" is the United Nations in a UN text (the source
   names a UN-system body, or the caller says the texts are UN documents). Arabic المنظمة has no capital
   letter to say it is a name, and is also the adjective "organised" (الجريمة المنظمة) and any body's "the
   organization" (an NGO's report, a fund's board): it is the UN when the document also names the United
   Nations, or when the source is the UN itself or one of the organs whose documents speak of the UN as "the
   Organization" (:data:`UN_VOICE`: General Assembly, Security Council, Secretariat) and the word before it is
   not a definite noun or pronoun (then it is an adjective or a predicate: "الجريمة المنظمة", "هي المنظمة").
4. ``context:host`` — in the Security Council's documents, no body with that noun is in view and the document names
   the state that exactly one of them works in ("the Mission" / البعثة of a report naming Liberia is UNMIL:
   :mod:`~diplolib.actors.body_hosts`); the hosts of two ("Afghanistan", "Iraq") leave it "ambiguous".

A text written in a body's own voice (``voice`` column: a Security Council presidential statement is the
Council speaking, "Il souligne …", "It urges …"; :func:`document_voice` reads it from UN document symbols)
makes a subject pronoun at the start of a sentence that body (``context:voice``), except the impersonal
uses ("Il est …", "Il convient …", "It is …"), and so the French "lui" of the reporting formula ("Prie le Secrétaire
général de lui rendre compte"; :mod:`~diplolib.actors.voice_pronouns`). Arabic repeats the noun (المجلس). A text
that another body wrote (``author``: an NGO's statement, an NPT paper; :mod:`~diplolib.actors.document_authors`)
takes neither its issuing organ nor the UN-text signal, and its "the Organization" is its author.

Arabic also names a UN body by its noun in construct with the UN ("قوة الأمم المتحدة", "بعثة الأمم المتحدة
المتكاملة", "مكتب الأمم المتحدة"), where English writes the acronym (UNFICYP, MINUSCA, UNIOGBIS): the same short
form as القوة, البعثة المتكاملة, المكتب, resolved by the same signals; when it resolves, the mention of the United
Nations inside it is replaced by the body; when it does not, the United Nations stays (no row is added). Not when
a qualifier follows (then it is a name the registry lacks: "بعثة الأمم المتحدة في تيمور - ليشتي"). The missions of
regional organisations are named the same way ("بعثة الاتحاد الأفريقي" for AMISOM, "بعثة الاتحاد الأوروبي" for
EULEX: ``data/sources/regional_bodies.csv``): the construct replaces the parent's mention when the document names
one of the parent's missions with that noun.

"The Secretary-General" / "le Secrétaire général" / "الأمين العام" without an organisation is the UN's
Secretary-General on the article's date in a UN text (``context:un-text``). Anything else stays a row with an
empty ``actor_id`` and ``reason`` "no-context" (no body with that noun in view), "ambiguous" (several) or
"no-holder" (nobody held the office that day).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import numpy as np
import pandas as pd

from ..segment import locate_spans, segment_spans
from .body_hosts import MANDATING, body_hosts, hosted_body
from .document_authors import VOICE_SERIES, document_voice
from .matcher_cache import as_matcher
from .reference import MENTION_COLUMNS, article_dates, mentions_frame
from .registry import Registry
from .short_form_qualifiers import (APOS, AR_DEFINITE_BEFORE, AR_PARTICIPLES, AR_QUALIFIER, EN_QUALIFIER, FR_QUALIFIER,
                                    SG_QUALIFIER, TATWEEL, flexible, plain)
from .tagger import ActorMatcher, tag_actors
from .un_system import ORGAN_SERVED, construct_parents, read_un_system, short_forms
from .voice_pronouns import VOICE_PATTERNS

__all__ = ["SECRETARY_GENERAL", "UN_VOICE", "VOICE_SERIES", "document_voice", "short_form_spans", "resolve_short_forms"]

#: the unqualified Secretary-General in each language (a noun of its own: it names a person, not a body)
SECRETARY_GENERAL = {"en": "Secretary-General", "fr": "Secrétaire général", "ar": "الأمين العام"}
#: bodies whose documents call the United Nations "the Organization" (المنظمة with no other body in view)
UN_VOICE = frozenset({"org:un", "org:unga", "org:unsc", "org:un_secretariat"})


def _alt(words: set[str]) -> str:
    return "|".join(flexible(w) for w in sorted(words, key=len, reverse=True))


def _pattern(lang: str, nouns: set[str], qualifier: str) -> str:
    if lang == "en":
        return rf"(?<![\w-])(?:[Tt]he)\s+(?P<noun>{_alt(nouns)})(?![\w-]){qualifier}"
    if lang == "fr":
        return (rf"(?<!\w)(?:[Ll]e|[Ll]a|[Dd]u|[Aa]u|[Dd]e la|[Àà] la|[Ll]{APOS}|[Dd]e l{APOS}|[Àà] l{APOS})\s*"
                rf"(?P<noun>{_alt(nouns)})(?![\w-]){qualifier}")
    stems = {n[2:] for n in nouns if n.startswith("ال")}
    # a deputy's or an under-secretary's title holds the noun: "نائب الأمين العام", "وكيل الأمين العام" (the
    # Under-Secretary-General, which English writes as one hyphenated word and French "secrétaire général adjoint")
    # li- + al- + a noun that starts with lam merges into one lam ("للجنة": li-l-lajna); the same spelling is also the
    # construct "للجنة X" (another body's name), so that form only where a particle, a stop or the end follows
    lam = r"ل(?=ل\w+(?:\s*(?:[.،,:;؛)]|$)|\s+(?:أن|بأن|في|على|إلى|عن|من|قد|بشأن)(?!\w)))"
    return rf"(?<!\w)(?<!نائب\s)(?<!وكيل\s)[وف]?(?:[بك]?ال|لل|{lam}){TATWEEL}*(?P<noun>{_alt(stems)})(?!\w){qualifier}"


@lru_cache(maxsize=2)
def _patterns() -> dict[tuple[str, str], re.Pattern]:
    """(language, "body" or "sg") → the pattern of its short forms."""
    nouns: dict[str, set[str]] = {"en": set(), "fr": set(), "ar": set()}
    for lang, noun in short_forms():
        nouns[lang].add(noun)
    body = {"en": EN_QUALIFIER, "fr": FR_QUALIFIER, "ar": AR_QUALIFIER}
    out = {}
    for lang in nouns:
        out[(lang, "body")] = re.compile(_pattern(lang, nouns[lang], body[lang]))
        sg = {SECRETARY_GENERAL[lang], SECRETARY_GENERAL[lang].replace("-", " ")}  # "the Secretary General" too
        out[(lang, "sg")] = re.compile(_pattern(lang, sg, SG_QUALIFIER[lang]))
    stems, adjectives = _alt({s for s, _ in _constructs()}), _alt({a for _, a in _constructs() if a})
    # the adjective of a short form is taken whole or not at all: "بعثة الأمم المتحدة المتكاملة في بانغي" is no
    # "بعثة الأمم المتحدة" followed by an adjective; "في"/"لدى" after it name a mission the registry lacks
    out[("ar", "construct")] = re.compile(
        rf"(?<!\w)[وفبل]?(?P<noun>{stems})\s+الأمم\s+المتحدة"
        rf"(?:\s+(?P<adj>{adjectives})(?!\w)|(?!\s+(?:{adjectives})(?!\w)))(?!\w)"
        rf"{AR_QUALIFIER}(?!\s+(?:في|لدى)(?!\w))")
    # a regional body's construct, its noun with its parent's name ("بعثة الاتحاد الأفريقي": REGIONAL_FILE)
    regional = _alt({n for lang, n in short_forms() if lang == "ar" and not n.startswith("ال")})
    out[("ar", "regional")] = re.compile(
        rf"(?<!\w)[وفبل]?(?P<noun>{regional})(?!\w){AR_QUALIFIER}(?!\s+(?:في|لدى)(?!\w))")
    return out


@lru_cache(maxsize=2)
def _constructs() -> dict[tuple[str, str], str]:
    """(stem, adjective or "") → the Arabic short form it stands for: ("بعثة", "المتكاملة") → "البعثة المتكاملة".

    Only the nouns of UN bodies (an Arabic name holding الأمم المتحدة), and not المنظمة (منظمة الأمم المتحدة is
    the United Nations itself, a name of the registry)."""
    un_named = {r["actor_id"] for r in read_un_system() if "الأمم المتحدة" in r["ar"]}
    out = {}
    for (lang, noun), bodies in short_forms().items():
        if lang == "ar" and noun.startswith("ال") and "org:un" not in bodies and set(bodies) & un_named:
            stem, _, adj = noun[2:].partition(" ")
            out[(stem, adj)] = noun
    return out


def short_form_spans(texts: pd.Series) -> pd.DataFrame:
    """Every short form of ``texts``: ``position`` (in ``texts``), ``lang``, ``noun`` (as the UN table writes
    it: "Council", "Conseil", "المجلس"), ``start``, ``end`` (the noun with its article: "the Council")."""
    rows = []
    for (lang, what), pattern in _patterns().items():
        for pos, text in enumerate(texts.tolist()):
            if not isinstance(text, str):
                continue
            for m in pattern.finditer(text):
                if what == "construct":  # "بعثة الأمم المتحدة المتكاملة" stands for "البعثة المتكاملة"
                    stem, forms = m.group("noun"), _constructs()
                    noun = forms.get((stem, m.group("adj") or "")) or forms.get((stem, "")) or next(
                        v for (st, _), v in forms.items() if st == stem)
                else:
                    noun = SECRETARY_GENERAL[lang] if what == "sg" else plain(m.group("noun")) if (
                        what == "regional") else ("ال" + plain(m.group("noun")) if lang == "ar" else m.group("noun"))
                rows.append((pos, lang, noun, m.start(), m.end(), what in ("construct", "regional")))
    return pd.DataFrame(rows, columns=["position", "lang", "noun", "start", "end", "construct"]).astype(
        {"position": "int64", "start": "int64", "end": "int64", "construct": "bool"})


def _voice_spans(texts: pd.Series, voices: pd.Series) -> list[tuple[int, str, int, int, str]]:
    """(position, lang, start, end, voice) of the pronouns that stand for the voice of texts with one
    (:data:`~diplolib.actors.voice_pronouns.VOICE_PATTERNS`: "Il souligne", "de lui rendre compte")."""
    rows = []
    for pos, (text, voice) in enumerate(zip(texts.tolist(), voices.tolist(), strict=True)):
        if not (isinstance(text, str) and isinstance(voice, str)):
            continue
        for lang, pattern in VOICE_PATTERNS:
            rows += [(pos, lang, m.start("noun"), m.end("noun"), voice) for m in pattern.finditer(text)]
    return rows


def _source_bodies(sources: pd.Series, matcher: ActorMatcher) -> dict[str, set[str]]:
    """source string → the actors it names ("Security Council" → {org:unsc})."""
    uniq = pd.Series(sources.dropna().astype(str).unique())
    if uniq.empty:
        return {}
    found = tag_actors(pd.DataFrame({"article_id": uniq.index, "text": uniq}), registry=matcher)
    found = found[found["actor_id"].fillna("") != ""]
    out = {s: set() for s in uniq}
    for i, a in zip(found["article_id"], found["actor_id"], strict=True):
        out[uniq[i]].add(a)
    return out


def _decide(noun: str, lang: str, before: list[str], in_doc: set[str], from_source: set[str], un_text: bool,
            definite_before: bool = False, adjective: bool = False) -> tuple[str, str]:
    """(actor or "", alias_kind or reason) for one short form of a body."""
    if adjective:
        return "", "no-context"
    cands = set(short_forms().get((lang, noun), ()))
    hit = cands & from_source
    if len(hit) == 1:
        return next(iter(hit)), "context:source"
    near = [a for a in before if a in cands]
    if near:
        return near[-1], "context:named"
    hit = cands & in_doc
    # Arabic المنظمة (no capital) in the document of an organ that does not call the UN "the Organization" (a
    # fund's, a commission's) is that body's or any organisation, even where the document names the UN
    other_organ = lang == "ar" and bool(from_source) and not from_source & UN_VOICE
    if len(hit) == 1 and not (hit == {"org:un"} and other_organ):
        return next(iter(hit)), "context:named"
    organ, body = ORGAN_SERVED.get((lang, noun), ("", ""))
    if organ in from_source and not hit:  # "the Advisory Committee" of the General Assembly's documents: the ACABQ
        return body, "context:source"
    if "org:un" in cands and un_text and (lang != "ar" or not other_organ and ("org:un" in in_doc or (
            from_source & UN_VOICE and not hit and not definite_before))):
        return "org:un", "context:un-text"  # Arabic has no capital: المنظمة needs the document or the organ
    return "", ("ambiguous" if len(hit) > 1 else "no-context")


def resolve_short_forms(articles: pd.DataFrame, mentions: pd.DataFrame, *,
                        registry: Registry | ActorMatcher | None = None, document: str | None = None,
                        un_text: bool = False, named: dict | None = None, text: str = "text",
                        voice: str | None = None, author: str | None = None) -> pd.DataFrame:
    """``mentions`` plus a row for every short form of a UN-system body, resolved from the document.

    Parameters
    ----------
    articles : DataFrame
        ``article_id`` and ``text``; ``published`` dates the Secretary-General; ``source`` (the issuing body
        or outlet) is used when present.
    mentions : DataFrame
        :func:`~diplolib.actors.tag_actors` of ``articles``; a short form inside one of its spans is left out.
    registry : Registry or ActorMatcher, optional
        Defaults to the built-in registry.
    document : str, optional
        A column of ``articles`` grouping texts of one document (sentences of one UN document).
    un_text : bool
        The texts are UN documents (the UN parallel corpus) even where ``source`` does not say so.
    named : dict, optional
        ``article_id`` → actors named elsewhere in its document, in any language (the other sentences of a
        parallel document: "the same sentence triple's document"); added to what ``document`` gives.
    voice : str, optional
        A column of ``articles`` naming the body in whose voice the text is written ("Security Council" for a
        presidential statement; :func:`document_voice`): its sentence-initial subject pronouns are that body.
    author : str, optional
        A boolean column of ``articles``: the text is written by another body than its ``source`` (an NGO's
        statement, an NPT paper: :func:`~diplolib.actors.document_authors.other_author`). Its short forms take
        neither the source nor the UN-text signal, and "the Organization" (a noun of the UN's) only a body its own
        text names before it: it is the author.

    Returns
    -------
    DataFrame
        The mentions table with the new rows (``method="short_form"``), in article then text order.
    """
    for col in ("article_id", text):
        if col not in articles.columns:
            raise ValueError(f"resolve_short_forms: column {col!r} is missing; pass the articles given to tag_actors")
    matcher = as_matcher(registry)
    arts = articles.reset_index(drop=True)
    spans = short_form_spans(arts[text])
    if voice is not None and voice in arts.columns:
        pronouns = pd.DataFrame(_voice_spans(arts[text], arts[voice]), columns=[
            "position", "lang", "start", "end", "voice"]).assign(noun=_VOICE, construct=False)
        spans = pd.concat([spans, pronouns], ignore_index=True) if len(pronouns) else spans
    if spans.empty:
        return mentions
    spans["article_id"] = arts["article_id"].to_numpy()[spans["position"].to_numpy()]
    taken = mentions[["article_id", "start", "end", "actor_id"]].rename(columns={"start": "s", "end": "e"})
    over = spans.reset_index().merge(taken.reset_index(names="mention"), on="article_id")
    over = over[(over["s"] < over["end"]) & (over["start"] < over["e"])]
    # a construct ("قوة الأمم المتحدة", "بعثة الاتحاد الأفريقي") may hold its parent's own mention: it replaces it
    # if it resolves
    spans["parent"] = spans["noun"].map(construct_parents()).fillna("org:un").where(spans["construct"], "")
    over["parent"] = spans["parent"].to_numpy()[over["index"].to_numpy()]
    is_un = over["actor_id"].astype(object).eq(over["parent"]).to_numpy(dtype=bool)
    un_inside = over["construct"].to_numpy(dtype=bool) & is_un & (over["start"] <= over["s"]).to_numpy() & (
        over["e"] <= over["end"]).to_numpy()
    spans = spans.drop(index=over.loc[~un_inside, "index"].unique()).reset_index(drop=True)
    if spans.empty:
        return mentions
    rows = _rows(spans, arts, mentions, matcher, document=document, un_text=un_text, named=named or {},
                 text=text, author=author if author in arts.columns else None)
    mentions, rows = _replace_un_in_constructs(mentions, spans, rows)
    if not rows:
        return mentions
    new = pd.DataFrame(rows)
    new["sentence"] = locate_spans(segment_spans(arts[text]), position=new["position"].to_numpy(),
                                   offset=new["start"].to_numpy())
    new["paragraph"] = locate_spans(segment_spans(arts[text], unit="paragraph"),
                                    position=new["position"].to_numpy(), offset=new["start"].to_numpy())
    order = {a: i for i, a in enumerate(arts["article_id"])}
    out = pd.concat([mentions, new[MENTION_COLUMNS]], ignore_index=True)
    out = out.iloc[np.lexsort((out["start"].to_numpy(), out["article_id"].map(order).to_numpy()))]
    return mentions_frame(out.reset_index(drop=True))


_VOICE = "<voice>"


def _replace_un_in_constructs(mentions: pd.DataFrame, spans: pd.DataFrame, rows: list[dict]
                              ) -> tuple[pd.DataFrame, list[dict]]:
    """A construct that resolved replaces its parent's mention inside it (the UN's, the AU's); one that did not is
    dropped."""
    construct = spans["construct"].tolist()
    won = [(r["article_id"], r["start"], r["end"], p) for r, c, p in zip(rows, construct, spans["parent"], strict=True)
           if c and r["actor_id"]]
    rows = [r for r, c in zip(rows, construct, strict=True) if not c or r["actor_id"]]
    if not won:
        return mentions, rows
    inside = pd.Series(False, index=mentions.index)
    for a, s, e, parent in won:
        inside |= mentions["actor_id"].astype(object).eq(parent).to_numpy(dtype=bool) & (
            mentions["article_id"] == a).to_numpy() & (mentions["start"] >= s).to_numpy() & (
            mentions["end"] <= e).to_numpy()
    return mentions[~inside.to_numpy()], rows


def _rows(spans: pd.DataFrame, arts: pd.DataFrame, mentions: pd.DataFrame, matcher: ActorMatcher, *,
          document: str | None, un_text: bool, named: dict, text: str, author: str | None) -> list[dict]:
    """One mention row per short form of ``spans``, resolved by the signals of the module docstring."""
    sources = arts["source"] if "source" in arts.columns else pd.Series([None] * len(arts))
    source_bodies = _source_bodies(sources, matcher)
    voice_bodies = _source_bodies(spans["voice"], matcher) if "voice" in spans.columns else {}
    un_bodies, hosts = {r["actor_id"] for r in read_un_system()}, body_hosts(matcher)
    hit = mentions[mentions["actor_id"].fillna("") != ""]
    hit = hit[["article_id", "start", "end", "actor_id"]].sort_values(["article_id", "start"], kind="stable")
    by_article: dict[object, list] = defaultdict(list)
    for a, s, e, x in zip(hit["article_id"].tolist(), hit["start"].tolist(), hit["end"].tolist(),
                          hit["actor_id"].tolist(), strict=True):
        by_article[a].append((s, e, x))
    own: dict[object, list] = defaultdict(list)  # the short forms themselves
    for a, st, en in zip(spans["article_id"].tolist(), spans["start"].tolist(), spans["end"].tolist(), strict=True):
        own[a].append((st, en))
    doc_of = dict(zip(arts["article_id"], arts[document], strict=True)) if document else {}
    # a short form refers back: its own text counts only before it (``before``), the document's other texts whole
    in_doc: dict[object, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for a, x in zip(hit["article_id"].tolist(), hit["actor_id"].tolist(), strict=True):
        in_doc[doc_of.get(a, a)][x].add(a)
    dates = article_dates(arts)
    texts = arts[text].tolist()
    foreign = arts[author].fillna(False).astype(bool).tolist() if author else [False] * len(arts)
    rows = []
    for r in spans.itertuples(index=False):
        src = source_bodies.get(sources.iloc[r.position], set()) if isinstance(sources.iloc[r.position], str) \
            else set()
        is_un = un_text or bool(src & un_bodies)
        if foreign[r.position]:  # another body's text: the organ issued it, the author speaks
            src = set()
        if r.noun == _VOICE:
            bodies = voice_bodies.get(r.voice, set())
            actor, kind = (next(iter(bodies)), "context:voice") if len(bodies) == 1 else (
                "", "ambiguous" if bodies else "no-context")
        elif r.noun == SECRETARY_GENERAL[r.lang]:
            holder = matcher.holder("secretary_general", "org:un", dates[r.position]) if is_un else None
            actor, kind = (holder, "context:un-text") if holder else ("", "no-holder" if is_un else "no-context")
        else:
            mentions_here = by_article.get(r.article_id, [])
            before = [a for st, _, a in mentions_here if st < r.start]
            other = _other_body_before(texts[r.position], r.start, r.lang, r.noun, mentions_here,
                                       own.get(r.article_id, []), matcher.kind_of)
            if other and r.noun in construct_parents() and other[0] not in short_forms()[(r.lang, r.noun)]:
                other = None  # "بعثة الأمم المتحدة …" before "بعثة الاتحاد الأفريقي" is no mission of the AU
            doc = {x for x, arts_x in in_doc.get(doc_of.get(r.article_id, r.article_id), {}).items()
                   if arts_x - {r.article_id}} | set(before) | named.get(r.article_id, set())
            author_noun = foreign[r.position] and "org:un" in short_forms().get((r.lang, r.noun), ())
            if author_noun:  # "the Organization" of an NGO's report is the NGO, whatever else the document names
                doc = set(before)
            definite = r.lang == "ar" and bool(AR_DEFINITE_BEFORE.search(texts[r.position][:r.start]))
            adjective = definite and r.noun in AR_PARTICIPLES and texts[r.position][r.start:r.end] == r.noun
            # a source naming several bodies ("UNDP/UNFPA/UNOPS Executive Board") is a joint organ, no issuing body
            issuer = src if len(src & un_bodies) <= 1 else set()
            actor, kind = other if other else _decide(r.noun, r.lang, before, doc, issuer,
                                                      is_un and not foreign[r.position], definite, adjective)
            if kind == "no-context" and not adjective and issuer & MANDATING:  # the one whose host the Council names
                actor, kind = hosted_body(short_forms().get((r.lang, r.noun), ()), doc, hosts)
        rows.append({"article_id": r.article_id, "actor_id": actor, "start": r.start, "end": r.end,
                     "surface": texts[r.position][r.start:r.end], "method": "short_form",
                     "alias_kind": kind if actor else "short_form", "reason": "" if actor else kind,
                     "position": r.position})
    return rows


def _other_body_before(text: str, start: int, lang: str, noun: str, mentions: list, own: list,
                       kind_of: dict) -> tuple[str, str] | None:
    """The body that the nearest earlier use of the same noun names, when that use is inside a tagged name.

    "le Conseil de coopération du Golfe … du Conseil" is the GCC and "l'Union économique eurasienne … l'Union" the
    Eurasian Economic Union, whatever the issuing organ (``context:named``). None when the nearest earlier use
    (other than an earlier short form) is in no organisation's name: the other signals decide.
    """
    head = noun[2:] if lang == "ar" and noun.startswith("ال") else noun.split()[0]
    pattern = (rf"(?<!\w)[وفبلك]*(?:ال|لل)?(?P<h>{re.escape(head)})(?!\w)" if lang == "ar"
               else rf"(?<![\w-])(?P<h>{re.escape(head)})(?![\w-])")  # capitalised as a name, in en and fr
    uses = [m.start("h") for m in re.finditer(pattern, text[:start])]
    uses = [u for u in uses if not any(st <= u < en for st, en in own)]  # an earlier "the Council" is no other body
    if not uses:
        return None
    inside = [x for st, en, x in mentions if st <= uses[-1] < en and kind_of.get(x) in ("organisation", "armed_group")]
    return (inside[0], "context:named") if inside else None
