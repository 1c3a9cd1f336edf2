"""Directed events -- who did what to whom -- with the sentence behind each: :func:`extract_events`."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .._tables import check_columns
from ..actors import ActorMatcher, tag_actors
from ..actors.matcher_cache import default_matcher
from .addressees import condemned_agents, content_sources, content_targets, deed_agents
from .attribution import regroup, reporting_actors, self_reports, speaker_before, speakers
from .batch_mentions import article_order, batch_mentions, with_cities
from .clauses import FIRM, FORWARD, forward_marks
from .columns import with_objects
from .complements import object_agents, subjects, targets, warned_threats
from .cue_flags import flags
from .frames import judged_contents, trailing_frames
from .fronted import fronted_cuts
from .hits import ends_with, ends_with_any, kept, may_have_sides, outside_actors, side_members
from .lexicon import NOT_AN_EVENT, CueLexicon, default_cues, load_cues
from .locations import article_states, near_cues, not_parties, people_states
from .markers import adjacent
from .nesting import background, embedded, main_left, promised_threats
from .offices import role_states
from .operative import author_hits, authored_sides
from .owners import noun_sides
from .pairs import pairs as _pairs
from .partners import partner_sides
from .reach import beyond_reach, reach_of
from .reasons import row_reasons
from .roles import actor_phrases, assign
from .scan import batch, scan
from .sectors import domestic, organ_attacks, phrase_sectors, without_self_pairs
from .senses import naming_calls
from .sides import attributive as _attributive
from .sides import clause_sides as _sides
from .sides import governed_source as _governed
from .sides import heavy_subject as _heavy_subject
from .sides import modal_and_places as _modal_and_places
from .sides import stance_sides, withdrawn_forces
from .table import EVENT_COLUMNS, article_reasons, empty_events, typed_events
from .verb_first import agent_givers, verb_first

__all__ = ["extract_events"]

#: PLOVER's material event types (cooperation and conflict): deeds, not words.
_MATERIAL = ("COOPERATE", "AID", "RETREAT", "CONCEDE", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
             "FIGHT")
#: Participles that, glued by a hyphen to the word before ("Israeli-occupied"), name who holds a place.
_RELATION = frozenset({"occupied", "held", "controlled", "administered", "run", "dominated"})
_PARTICIPLES = ("ed", "en", "struck", "hit", "shot", "led", "held", "fought", "sent", "made")


def _lexicon(cues) -> CueLexicon:
    if cues is None:
        return default_cues()
    if isinstance(cues, CueLexicon):
        return cues
    if isinstance(cues, (str, Path)):
        return load_cues(cues)
    return load_cues(*cues)


def _without_reporters(events: pd.DataFrame, reporters: frozenset) -> pd.DataFrame:
    """Agencies and monitors report deeds, they do not do them or suffer them: a reporting organisation is no
    side of a material event (:mod:`~diplolib.events.attribution`); a row left with no side is dropped."""
    material = events["event"].isin(_MATERIAL).to_numpy()
    out = events
    for side in ("source", "target"):
        gone = material & out[side].isin(reporters).to_numpy()
        if gone.any():
            out = out.copy() if out is events else out
            out.loc[gone, side] = ""
            if f"{side}_sector" in out.columns:
                out.loc[gone, f"{side}_sector"] = ""
    return out[(out["source"] != "") | (out["target"] != "")] if out is not events else out


def _cue_columns(lexicon: CueLexicon) -> dict[str, np.ndarray]:
    """``event``, ``mode`` and ``direction`` of the lexicon's cue rows as arrays (built once per lexicon)."""
    return lexicon.cached(("columns",), lambda: {k: lexicon.cues[k].to_numpy() for k in ("event", "mode",
                                                                                         "direction")})


def _qualifying(b, hits: dict) -> np.ndarray:
    """English participle cues that qualify a noun rather than report an event: after a determiner ("the occupied
    territories", "a wounded soldier"), or glued by a hyphen to the word before and naming a standing relation, who
    holds a place ("the Israeli-occupied Golan", "rebel-held areas")."""
    participle = np.flatnonzero(ends_with(b, hits["m_start"], hits["m_end"], "ed"))
    adjective = np.zeros(len(hits["start"]), dtype=bool)
    adjective[participle] = adjacent(b.spaced, hits["m_start"][participle].tolist(), [], "determiner", "en")
    glued = np.flatnonzero(~adjective)
    starts = hits["start"][glued]
    glued = glued[(starts > 0) & (b.codes[np.maximum(starts - 1, 0)] == ord("-"))]  # a hyphen before the cue
    glued = glued[[b.match[a:z] in _RELATION
                   for a, z in zip(hits["m_start"][glued].tolist(), hits["m_end"][glued].tolist(), strict=True)]]
    adjective[glued] = True
    return adjective


def _authors(author: pd.Series | None, n: int, doc: np.ndarray) -> np.ndarray:
    """The document author (an actor id, ``author=``) of each hit's article at ``doc``; ``None`` where unknown."""
    auth = (author.astype(object).where(author.notna(), "").to_numpy(dtype=object) if author is not None
            else np.full(n, "", dtype=object))[doc]
    return np.where(auth != "", auth, None)


def _speakers_of(speaker: pd.Series | None, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The issuer of each article of the batch (an actor id, ``speaker=``; ``None`` where unknown) and whether it
    has one."""
    spk = (speaker.astype(object).where(speaker.notna(), None).to_numpy(dtype=object) if speaker is not None
           else np.full(n, None, dtype=object))
    return spk, np.array([isinstance(x, str) and x != "" for x in spk.tolist()], dtype=bool)


def _agent_participles(b, hits: dict, fl: dict) -> np.ndarray:
    """The ``passive`` flags with the English participles followed by their agent ("forces backed by Russia")
    set: passive without an auxiliary (a new array)."""
    by = np.flatnonzero(fl["by"])
    passive = fl["passive"].copy()
    passive[by] |= ends_with_any(b, hits["m_start"][by], hits["m_end"][by], _PARTICIPLES)
    return passive


def _language_events(sub: pd.DataFrame, mentions: pd.DataFrame, lexicon: CueLexicon, lang: str, *, text: str,
                     speaker: pd.Series | None, places: frozenset, country: dict[str, str],
                     reporters: frozenset = frozenset(), author: pd.Series | None = None,
                     cities: dict[str, str] | None = None,
                     reach: tuple[int, int] | None = None) -> pd.DataFrame:
    b = batch(sub[text].tolist())
    hits, marks = scan(b, lexicon, lang, {"forward": FORWARD.get(lang, ()), "firm": FIRM.get(lang, ())})
    if len(hits["start"]) == 0:
        return empty_events()
    every = batch_mentions(mentions, sub["article_id"], frozenset())  # places too: article_states reads them
    m, city_at = with_cities(b, every[~every["actor_id"].isin(places).to_numpy()], every, sub["article_id"],
                             cities or {}, lang)
    real = (lexicon.cues["event"].to_numpy() != NOT_AN_EVENT)[hits["cue_row"]]  # false friends, matched to hide
    phrases = actor_phrases(b, m, country, np.sort(hits["start"][real]))
    hits = outside_actors({k: v[real] for k, v in hits.items()}, phrases)
    if lang == "en":  # "the occupied territories", "a wounded soldier", "the Israeli-occupied Golan"
        hits = kept(hits, ~(_qualifying(b, hits) | naming_calls(b, hits, phrases)))  # each mask once, not per column
    near = near_cues(phrases, hits["start"], hits["end"])  # the phrases that can take a side
    spk_doc, speaking = _speakers_of(speaker, len(sub))
    hits = kept(hits, may_have_sides(b, hits, phrases, speaking))
    if len(hits["start"]) == 0:
        return empty_events()
    place, patron = not_parties(b, phrases, lang, near)
    place = place | np.isin(phrases["gstart"].to_numpy(), city_at)  # a city is a place wherever it stands
    own = self_reports(b, marks, lang)  # "said they will release": the speaker's own act
    phrases = phrases.assign(speaker=speakers(b, phrases, own, place),
                             reporter=phrases["actor"].isin(reporters).to_numpy(), place=place, patron=patron)
    phrases = people_states(b, phrases, lang, lambda: article_states(b, every, places, country, phrases))
    phrases["group"] = regroup(phrases, fronted_cuts(b, phrases, lang))  # "After … with Russia, France": no compound
    cue_rows = {k: v[hits["cue_row"]] for k, v in _cue_columns(lexicon).items()}
    cue_rows["event"] = warned_threats(b, hits, promised_threats(b.match, hits, cue_rows["event"], lang), lang)
    material = np.isin(cue_rows["event"], _MATERIAL)
    before, after, after2 = assign(b, hits, phrases, own, material, lang, cue_rows["event"])
    before = subjects(b, hits, phrases, before, lang, ~(place | patron))  # "killed X and wounded", "called on X to"
    fl = flags(b, hits, phrases, after, marks, lang)
    direction, doc, spk, has_speaker = cue_rows["direction"], hits["doc"], spk_doc[hits["doc"]], speaking[hits["doc"]]
    if lang == "en":  # "forces backed by Russia": a participle with its agent is passive without an auxiliary
        fl["passive"] = _agent_participles(b, hits, fl)
    fl["passive"] = withdrawn_forces(b, hits, fl["passive"], lexicon.cues["event"].to_numpy()[hits["cue_row"]], lang)
    src, tgt = _sides(direction, fl, before, after, after2, *verb_first(b, hits, phrases, before, after, lang,
                                                                       has_speaker))  # "أدانت فرنسا", "comme l'a dit X"
    src, tgt = agent_givers(b, hits, before, after, src, _attributive(b, hits, phrases, before, after, tgt), phrases,
                            lang)  # "حزب الله …، بدعم من إيران": Iran the giver
    src = _governed(b, hits, phrases, material, before, src, lang)
    fl["heavy"] = fl["heavy"] | _heavy_subject(b, hits, phrases, marks, before, src)
    tgt, topical = targets(b, hits, phrases, cue_rows["event"], direction, tgt, lang, ~(place | patron))
    tgt, fl["addressed"] = content_targets(b, hits, phrases, cue_rows["event"], direction, src, tgt, lang)
    fl["addressed"] = fl["addressed"] | topical  # a discussion's topic: no place stands for its party
    src = object_agents(b, hits, phrases, src, tgt, lang, ~(place | patron))  # "attacks on X by Y": Y did it
    was_src, was_tgt = src, tgt
    tgt = condemned_agents(b, hits, phrases, cue_rows["event"], tgt, lang)  # "تدين … التي يقوم بها X": X
    src, tgt = deed_agents(b, hits, phrases, material, src, tgt, lang)  # "هدم المنازل التي قامت بها X": X did it
    src, tgt = noun_sides(b, hits, phrases, cue_rows["event"], src, tgt, lang, ~(place | patron))  # "withdrawal of X"
    pinned_src, pinned_tgt = np.where(src != was_src, src, -1), np.where(tgt != was_tgt, tgt, -1)  # by a marker
    src = content_sources(b, hits, phrases, cue_rows["event"], src, tgt, lang)  # "demande au X de condamner"
    src, tgt = stance_sides(b, hits, phrases, cue_rows["event"], src, tgt)  # "anti-Syria journalist": no side
    src, tgt = _modal_and_places(b, hits, phrases, own, direction, fl, before, src, tgt, cue_rows["event"],
                                 forward_marks(b, lang, marks=marks, consequence=False))
    src, tgt, direction = partner_sides(b, hits, phrases, direction, src, tgt)  # "between X and Y", "X and Y met"
    authored = author_hits(b, hits, phrases, lang)  # "Condemns …": the resolution's author, never the sentence's
    src, tgt = authored_sides(authored, src, tgt, after)
    far_src, far_tgt = beyond_reach(hits["start"], hits["end"], src, tgt, phrases, reach)  # events/reach.py
    far_src, far_tgt = far_src & (src != pinned_src), far_tgt & (tgt != pinned_tgt)  # a marked agent is no guess
    src, tgt = np.where(far_src, -1, src), np.where(far_tgt, -1, tgt)
    # a phrase's sector is read only where a row can show it: the members of the groups that take a side
    phrases = with_objects(phrases, sector=phrase_sectors(b.display, phrases, country, lang, np.intersect1d(
        near, side_members(phrases, src, tgt), assume_unique=True), codes=b.codes))  # both sorted, unique
    table = with_objects(pd.DataFrame({
        "doc": doc, "start": hits["start"] - b.doc_base[doc], "end": hits["end"] - b.doc_base[doc],
        "sentence": b.sent_index[np.maximum(hits["sentence"], 0)],
        "negated": fl["negated"], "hypothetical": fl["hypothetical"], "reported": fl["reported"],
        "embedded": _embedded(b, hits, phrases, cue_rows["event"], direction, marks, lang),
        "src": src, "tgt": tgt, "has_speaker": has_speaker & ~far_src, "nominal": fl["nominal"],
        "addressed": fl["addressed"], "far_src": far_src, "far_tgt": far_tgt,
    }), event=cue_rows["event"], mode=cue_rows["mode"], direction=direction, speaker=spk)
    out = _pairs(_speakers_and_weapons(table, authored, _authors(author, len(sub), doc), fl["heavy"]), phrases)
    if out.empty:
        return empty_events()
    return _finish(_settled(out, b, every, phrases, places=places, country=country, reporters=reporters,
                            lang=lang), sub, b)


def _embedded(b, hits: dict, phrases: pd.DataFrame, event: np.ndarray, direction: np.ndarray, marks: dict,
              lang: str) -> np.ndarray:
    """Is each hit not the main event of its sentence, and why: ``2`` the content of a governing cue or of a modal
    cue, or a trailing reporting frame (:mod:`~diplolib.events.frames`), ``1`` a background
    (:mod:`~diplolib.events.nesting`; the only kind :func:`~diplolib.events.nesting.main_left` may make main),
    ``0`` neither (int8 array)."""
    sent = hits["sentence"]
    content, judging = judged_contents(b, hits, direction, speaker_before(b, hits, phrases), phrases, marks, lang)
    content |= embedded(hits["start"], hits["end"], sent, event, b.display) \
        | trailing_frames(b.display, hits["start"], hits["end"], sent, b.sent_end[sent], event, lang)
    back = background(b.spaced, b.match, hits["m_start"], hits["m_end"], np.minimum(b.match_offsets(
        b.sent_start[sent]), hits["m_start"]), sent, lang) & ~judging
    return np.where(content, 2, np.where(back, 1, 0)).astype(np.int8)


def _settled(out: pd.DataFrame, b, every: pd.DataFrame, phrases: pd.DataFrame, *, places: frozenset,
             country: dict[str, str], reporters: frozenset, lang: str) -> pd.DataFrame:
    """The rows of one language after their sides are read: domestic events and self pairs settled, reporters
    dropped, and the ``reason`` of each row said (a new or changed table). ``every``: the batch's mentions, places
    too (:func:`~diplolib.events.batch_mentions.batch_mentions` leaving none out)."""
    where = (article_states(b, every, places, country, phrases)
             if organ_attacks(out).any() else None)  # "Russian warplanes struck": where the article is
    out = without_self_pairs(domestic(out, where), country, states=lang != "en")  # "Sudanese rebels shelled Juba"
    out = _without_reporters(out, reporters)
    nest = out["embedded"].to_numpy()  # 0 main, 1 background, 2 content or frame (_embedded)
    out["embedded"] = main_left(out["doc"].to_numpy(), out["sentence"].to_numpy(), out["start"].to_numpy(),
                                nest > 0, out["event"].to_numpy(), liftable=nest == 1)
    side = {c: out[c].to_numpy() for c in ("source", "target", "src_group", "tgt_group")}
    flag = {c: out[c].to_numpy(dtype=bool) for c in ("far_src", "far_tgt", "authored")}
    return with_objects(out, reason=row_reasons(**side, **flag))


def _speakers_and_weapons(table: pd.DataFrame, authored: np.ndarray, authors: np.ndarray, heavy: np.ndarray
                          ) -> pd.DataFrame:
    """The rows' speaker (the issuer where no source is read; the document's author for the author's verbs) and an
    assault or coercion by heavy weapons retyped FIGHT (mode ``heavy-weapons``): the same table, changed."""
    table["speaker"] = table["speaker"].where(table["has_speaker"] & (table["src"] < 0), None)
    table["authored"] = authored
    if authored.any():
        table.loc[authored, "speaker"] = authors[authored]
    heavy = heavy & np.isin(table["event"].to_numpy(), ["ASSAULT", "COERCE"])
    table.loc[heavy, "event"] = "FIGHT"
    table.loc[heavy, "mode"] = "heavy-weapons"
    return table


def _finish(out: pd.DataFrame, sub: pd.DataFrame, b) -> pd.DataFrame:
    """The event rows of one language with their article, cue text, id and date (put in text order by
    :func:`extract_events`, which sorts the rows of every language at once, each cue's rows kept in their order)."""
    aid = sub["article_id"].to_numpy()[out["doc"].to_numpy()]
    disp = b.display
    base = b.doc_base[out["doc"].to_numpy()]
    out = with_objects(out, cue=[disp[s:e] for s, e in zip((out["start"] + base).tolist(),
                                                           (out["end"] + base).tolist(), strict=True)],
                       article_id=aid, event_id=[f"{a}:{s}" for a, s in zip(aid, out["start"].tolist(), strict=True)])
    out["mode"] = out["mode"].replace("", pd.NA)
    out["discovered"] = False  # set by extract_events from the mentions
    out["published"] = (sub["published"].to_numpy()[out["doc"].to_numpy()] if "published" in sub.columns
                        else pd.NaT)
    return out[EVENT_COLUMNS]


def extract_events(
    articles: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    cues: CueLexicon | str | Path | list | None = None,
    registry=None,
    text: str = "text",
    lang: str | None = None,
    speaker: str | None = None,
    author: str | None = None,
    reach: dict[str, tuple[int, int]] | None = None,
    reasons: bool = False,
) -> pd.DataFrame:
    """Directed events in the articles: one row per (event, source actor, target actor).

    Parameters
    ----------
    articles : DataFrame
        Needs ``article_id`` and ``text``; ``lang`` picks the cue lexicon of each article (or pass ``lang=``),
        ``published`` is copied onto the events.
    mentions : DataFrame, optional
        The mentions of these articles from :func:`~diplolib.actors.tag_actors` (``article_id``, ``actor_id``,
        ``start``, ``end``; ``alias_kind`` and ``reason`` when present). Tagged here (with ``registry``) when
        omitted.
    cues : CueLexicon, path or list of paths, optional
        The cue lexicon: the shipped one (default, read once per process: :func:`~diplolib.events.default_cues`),
        a :func:`~diplolib.events.load_cues` result, or the user's cue files added to the shipped ones.
    registry : Registry or ActorMatcher, optional
        The actor registry (the built-in one by default): its places ("in Geneva") are not actors, and it tags
        the actors when ``mentions`` is omitted.
    text : str
        Column holding the text to read (``"title"`` reads the titles; the mentions must then be the titles').
    lang : str, optional
        Language of every article, when ``articles`` has no ``lang`` column.
    speaker : str, optional
        Column of ``articles`` holding an actor id that is the source of a cue with no actor before it (the
        issuer of a readout: "Telephone conversation with …" on the Kremlin's site is the Russian president's).
    author : str, optional
        Column of ``articles`` holding the actor id of the document's author (a resolution's adopting body:
        :func:`~diplolib.events.un_authors` reads it from UN symbols), the source of the verbs of its operative
        and preambular paragraphs, whose subject is never written ("Condemns …", "Décide …", "يدين …";
        :mod:`~diplolib.events.operative`). Without it, or where it is empty, such a verb has no source and
        ``reason`` ``unnamed-author``.
    reach : dict, optional
        Per language, how many characters (source, target) a side may stand from its cue before it is left
        empty with ``reason`` ``far`` (:mod:`~diplolib.events.reach`). ``None`` uses
        :data:`~diplolib.events.reach.REACH` (Arabic and French (50, 80), English no limit); ``{}`` sets no
        limit; ``{"en": (50, 80)}`` applies it to English news as well.
    reasons : bool
        Also give one row for each article without events, saying why in ``reason``: ``no-text``,
        ``language`` (no cue lexicon for it), ``no-actors``, ``no-cue``.

    Returns
    -------
    DataFrame
        The events table, in text order (see the README, "Events"): ``event_id`` (``article_id:start``,
        shared by the rows of one cue), ``article_id``, ``sentence``, ``start``, ``end`` (the cue's display
        offsets), ``cue``, ``event`` (PLOVER type), ``mode``, ``source``, ``target`` (actor ids, ``""`` when
        the text names none), ``negated``, ``hypothetical``, ``reported``, ``compound``, ``discovered``
        (the source or the target is an actor the registry lacks: a ``discovered`` mention of
        :func:`~diplolib.actors.discover_actors` or a readout's counterpart), ``reason``
        (``""``, ``no-source``, ``no-target``, ``unresolved``, ``self``: source and target are the same
        actor, a domestic event; ``unnamed-author``: the verb of a resolution's paragraph whose author was not
        given; ``far``: the side's phrase stood beyond ``reach`` of the cue and was left empty) and
        ``published``. A cue with no actor in its clause gives no row. A role
        phrase whose holder the registry does not know on the date ("British Defence Secretary" in 1990)
        stands for its state. An attack or killing whose clause names heavy weapons (aircraft, tanks,
        artillery, missiles, shelling, air strikes) is FIGHT with mode ``heavy-weapons``, as PLOVER codes it.
    """
    check_columns(articles, ["article_id", text], func="extract_events", name="articles",
                  fix="pass the articles table from load_articles()")
    if lang is None and "lang" not in articles.columns:
        raise ValueError("extract_events: articles has no 'lang' column; pass lang='en', 'fr' or 'ar'.")
    if speaker is not None:
        check_columns(articles, [speaker], func="extract_events", name="articles",
                      fix="name a column of actor ids with speaker=, or leave it out")
    if author is not None:
        check_columns(articles, [author], func="extract_events", name="articles",
                      fix="name a column of actor ids with author= (events.un_authors() for UN documents), or leave "
                          "it out")
    lexicon = _lexicon(cues)
    for code in [""] + list(reach or {}):  # a malformed reach= fails here, before any work
        reach_of(reach, code)
    if registry is None:
        registry = default_matcher()
    reg = registry.registry if isinstance(registry, ActorMatcher) else registry
    places = frozenset(reg.actors.loc[reg.actors["kind"] == "place", "actor_id"])
    in_state = (reg.actors["kind"] == "place") & reg.actors["country"].fillna("").isin(reg.actors["actor_id"])
    cities = dict(zip(reg.actors.loc[in_state, "actor_id"], reg.actors.loc[in_state, "country"], strict=True))
    country = dict(zip(reg.actors["actor_id"], reg.actors["country"].fillna(""), strict=True))
    if mentions is None:
        mentions = tag_actors(articles, registry=registry, text=text)
    check_columns(mentions, ["article_id", "actor_id", "start", "end"], func="extract_events", name="mentions",
                  fix="pass the mentions table from tag_actors() on the same articles and text column")
    mentions = role_states(mentions, reg)
    langs = pd.Series(lang, index=articles.index) if lang is not None else articles["lang"]
    parts = [empty_events()]
    for code, sub in articles.groupby(langs.fillna(""), sort=True):
        if code in lexicon.languages:
            parts.append(_language_events(sub, mentions, lexicon, code, text=text,
                                          speaker=sub[speaker] if speaker else None, places=places,
                                          country=country, reporters=reporting_actors(reg.actors),
                                          author=sub[author] if author else None, cities=cities,
                                          reach=reach_of(reach, code)))
    out = pd.concat([p for p in parts if len(p) or p is parts[0]], ignore_index=True)
    if reasons:
        out = pd.concat([out, article_reasons(articles, out, mentions, langs, lexicon, text)], ignore_index=True)
    if "discovered" in mentions.columns:  # an actor the registry lacks (discover_actors, a readout's counterpart)
        found = mentions.loc[mentions["discovered"].fillna(False).astype(bool), "actor_id"].dropna().unique()
        out["discovered"] = out["source"].isin(found) | out["target"].isin(found)
    out = out.iloc[np.lexsort((out["start"].fillna(-1).to_numpy(), article_order(articles, out)))]
    return typed_events(out.reset_index(drop=True))


