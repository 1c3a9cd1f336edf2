"""Tagging actor mentions in articles: the mentions table.

One Aho-Corasick automaton (pyahocorasick) holds the matching form of every alias
and role phrase of the registry; each article's matching form is scanned once,
and every hit is checked and resolved in Python:

1. **Boundaries.** A hit must start and end at a word boundary of the matching
   form (the neighbouring characters are not letters or digits), in Latin and
   Arabic script alike. An Arabic alias may carry one attached proclitic
   (و ب ل ف ك: "وروسيا"). French elisions are split by the matching form
   ("l’EI" → "l ei") and English possessives end at the apostrophe, so both match.
   Hyphens count as spaces ("al-Assad" = "al Assad").
2. **Case.** Aliases flagged ``case_sensitive`` ("US", "UN", "WHO", "CS", "May")
   match only where the display text has exactly that spelling.
3. **Longest match wins.** Overlapping hits are resolved leftmost-longest
   ("Groupe international de soutien à la Syrie" is the ISSG, not Syria).
4. **Resolution.**
   - an alias of one actor is that actor;
   - an alias listed in the registry's ambiguities ("Assad", "Jordan",
     "Washington") takes the candidates valid on the article's date; one
     candidate → that actor, several or none → ``actor_id`` empty and
     ``reason="ambiguous"``;
   - a capital used after a locative preposition ("à Bagdad", "in Geneva") is
     read as the place: the place actor when the registry has one, otherwise an
     unresolved mention with ``reason="place"``; so is any name followed by
     "-based" ("the Britain-based Syrian Observatory"), which says where
     something is, not what a state did;
   - a role phrase ("le chef de la diplomatie russe") becomes the holder of the
     role on the article's ``published`` date; without a date it stays
     unresolved with ``reason="no-date"``, ``"no-holder"`` when nobody held
     the role that day, and ``"ambiguous"`` when two did (co-holders, or a
     disputed office: roles whose note says "co-holder" or "disputed");
   - a demonym coordinated with a role phrase ("the Russian and Turkish
     presidents", "les présidents russe et turc") is that office of its own
     state (:meth:`ActorMatcher.coordinate`);
   - a counterpart phrase ("son homologue américain") takes the role that another
     person of the same sentence held that day, then its holder in the phrase's
     country; otherwise ``reason="counterpart"``.

Unresolved mentions are kept, with an empty ``actor_id`` and the reason, so that
nothing is lost and the analyst can review them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

import ahocorasick
import numpy as np
import pandas as pd

from ..normalize.matching import aligned_matching_form, matching_form
from ..segment import paragraph_spans, sentence_spans
from .registry import Registry, load_registry

__all__ = ["tag_actors", "ActorMatcher", "MENTION_COLUMNS"]

MENTION_COLUMNS = ["article_id", "actor_id", "start", "end", "surface", "sentence", "paragraph", "method",
                   "alias_kind", "reason"]

_BY_START_LONGEST = itemgetter(0, 1)
_HYPHENS = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " "})
_PROCLITICS = "وبلفك"
_NONWORD = re.compile(r"[\W_]")
_ASCII_WORD = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes([32] * 128)
_BMP_WORD = np.array([chr(c).isalnum() for c in range(0x10000)], dtype=bool)


def _spaced(m: str) -> str:
    """``m`` with every character that is not a letter or digit replaced by a space (same length), fast."""
    if m.isascii():
        return m.encode("ascii").translate(_ASCII_WORD).decode("ascii")
    codes = np.frombuffer(m.encode("utf-32-le"), dtype=np.uint32).copy()
    bmp = codes < 0x10000
    word = np.zeros(len(codes), dtype=bool)
    word[bmp] = _BMP_WORD[codes[bmp]]
    word[~bmp] = [chr(c).isalnum() for c in codes[~bmp]]
    codes[~word] = 32
    return codes.tobytes().decode("utf-32-le")
# Prepositions after which a capital is the city, not its government ("à Bagdad", "talks in Geneva"); matched on
# the matching form of the preceding characters (accents removed: "à" is "a").
_COORD = re.compile(r"^\s*(?:,|and|et|&|و|,\s*and|,\s*et)\s*$")
_LOCATIVE = re.compile(r"(?:(?:^|\W)(?:a|au|aux|en|dans|vers|in|at|to|near|outside|around|via|في|الي)\s+|(?:^|\W)ب)$")


def _key(alias: str) -> str:
    return re.sub(r"\s+", " ", matching_form(alias).translate(_HYPHENS)).strip()


@dataclass(frozen=True)
class _Entry:
    target: str            # actor_id, or "" for a role phrase
    kind: str              # alias kind, or "role_phrase"
    surface: str           # the alias as written in the registry (for case-sensitive checks)
    case_sensitive: bool
    role: str = ""
    of: str = ""


class ActorMatcher:
    """The compiled automaton of a registry; reusable across many calls of :func:`tag_actors`.

    Parameters
    ----------
    registry : Registry
        From :func:`~diplolib.actors.load_registry`.
    exclude_kinds : iterable of str
        Alias kinds to leave out, e.g. ``("demonym", "capital")`` to count only names.
    roles : bool
        Match role phrases too.
    """

    def __init__(self, registry: Registry, *, exclude_kinds: Iterable[str] = (), roles: bool = True) -> None:
        self.registry = registry
        self.exclude_kinds = frozenset(exclude_kinds)
        entries: dict[str, list[_Entry]] = defaultdict(list)
        al = registry.aliases
        for actor, alias, kind, cs in zip(al["actor_id"], al["alias"], al["kind"], al["case_sensitive"], strict=True):
            if kind in self.exclude_kinds:
                continue
            key = _key(alias)
            if key:
                entries[key].append(_Entry(actor, kind, alias, bool(cs)))
        if roles:
            rp = registry.role_phrases
            for phrase, role, of, cs in zip(rp["phrase"], rp["role"], rp["of"], rp["case_sensitive"], strict=True):
                key = _key(phrase)
                if key:
                    entries[key].append(_Entry("", "role_phrase", phrase, bool(cs), role, of))
        self._entries = dict(entries)
        self._readings: dict[str, list[tuple[str, pd.Timestamp | None, pd.Timestamp | None]]] = defaultdict(list)
        amb = registry.ambiguities
        for alias, actor, start, end in zip(amb["alias"], amb["actor_id"], amb["start"], amb["end"], strict=True):
            self._readings[_key(alias)].append((actor, None if pd.isna(start) else pd.Timestamp(start),
                                                None if pd.isna(end) else pd.Timestamp(end)))
        places = registry.actors.loc[registry.actors["kind"] == "place", "actor_id"]
        place_ids = set(places)
        self._place_of_key: dict[str, str] = {}
        for actor, alias in zip(al["actor_id"], al["alias"], strict=True):
            if actor in place_ids:
                self._place_of_key.setdefault(_key(alias), actor)
        self._terms: dict[tuple[str, str], list[tuple[pd.Timestamp, pd.Timestamp | None, str]]] = defaultdict(list)
        for actor, role, of, start, end in registry.roles[["actor_id", "role", "of", "start", "end"]].itertuples(
                index=False):
            self._terms[(role, of)].append((start, None if pd.isna(end) else end, actor))
        self._roles_of: dict[str, list[tuple[str, str, pd.Timestamp, pd.Timestamp | None]]] = defaultdict(list)
        for (role, of), terms in self._terms.items():
            for start, end, actor in terms:
                self._roles_of[actor].append((role, of, start, end))
        self.kind_of = dict(zip(registry.actors["actor_id"], registry.actors["kind"], strict=True))
        self._generic = {k for k, es in self._entries.items()
                         if any(e.kind == "role_phrase" and not e.role and not e.of for e in es)}
        self._role_keys = {k for k, es in self._entries.items() if any(e.kind == "role_phrase" and e.role for e in es)}
        self._demonym_keys: dict[str, list[str]] = defaultdict(list)
        for key, es in self._entries.items():
            for e in es:
                if e.kind == "demonym":
                    self._demonym_keys[e.target].append(key)
        for keys in self._demonym_keys.values():
            keys.sort(key=len, reverse=True)  # "the russian side" before "russian"
        self._case_sensitive = {k for k, es in self._entries.items() if any(e.case_sensitive for e in es)}
        # keys whose resolution never depends on context: one actor, no role, no capital, not ambiguous
        self._plain: dict[str, tuple[str, str, str, None]] = {}
        for key, es in self._entries.items():
            targets = {e.target for e in es}
            kinds = sorted({e.kind for e in es})
            if (len(targets) == 1 and "" not in targets and "capital" not in kinds and "role_phrase" not in kinds
                    and key not in self._readings and key not in self._case_sensitive):
                self._plain[key] = (next(iter(targets)), "alias", kinds[0], None)
        words: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for key in self._entries:
            spaced = _NONWORD.sub(" ", key)
            words[f" {spaced} "].append((key, 0, len(spaced) + 2))
            if "\u0600" <= key[0] <= "\u06ff":  # one attached Arabic proclitic: "وروسيا"
                for p in _PROCLITICS:
                    words[f" {p}{spaced} "].append((key, 1, len(spaced) + 3))
        self._automaton = ahocorasick.Automaton()
        for word, keys in words.items():
            self._automaton.add_word(word, tuple(keys))
        if words:
            self._automaton.make_automaton()

    # -- role look-ups on a date (dictionary based: called once per role mention) ----------------------------
    def holder(self, role: str, of: str, when: pd.Timestamp | None) -> str | None:
        """Who held ``role`` of ``of`` on ``when`` (None if unknown date, vacancy or overlap)."""
        if when is None:
            return None
        hits = [a for s, e, a in self._terms.get((role, of), ()) if s <= when and (e is None or when < e)]
        return hits[0] if len(hits) == 1 else None

    def holders(self, role: str, of: str, when: pd.Timestamp) -> list[str]:
        """Everyone holding ``role`` of ``of`` on ``when`` (two or more: co-holders or a disputed office)."""
        return sorted({a for s, e, a in self._terms.get((role, of), ()) if s <= when and (e is None or when < e)})

    def roles_held(self, actor: str, when: pd.Timestamp) -> list[tuple[str, str]]:
        """``(role, of)`` pairs ``actor`` held on ``when``."""
        return [(r, o) for r, o, s, e in self._roles_of.get(actor, ()) if s <= when and (e is None or when < e)]

    def candidates(self, key: str, when: pd.Timestamp | None) -> list[str]:
        """Actors an ambiguous alias may name on ``when`` (all readings when the date is unknown)."""
        out = set()
        for actor, start, end in self._readings.get(key, ()):
            if when is None or ((start is None or start <= when) and (end is None or when < end)):
                out.add(actor)
        return sorted(out)

    # -- scanning -------------------------------------------------------------------------------------------
    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping hits ``(start, end, key)`` as display-text offsets, leftmost-longest.

        The automaton holds every key as ``" " + key + " "`` over a copy of the matching form in which every
        character that is not a letter or digit is a space (same length), with a space added at both ends:
        a hit is then at word boundaries by construction, and no Python check runs on the many raw
        substring hits ("us" in "because") that a plain scan would have to discard.
        """
        if not self._entries or not text:
            return []
        if text.isascii():  # the matching form is then one character for one: offsets are the identity
            m, idx, identity = matching_form(text), None, True
        else:
            m, idx = aligned_matching_form(text)
            identity = False
        spaced = " " + _spaced(m) + " "
        found = []
        for last, keys in self._automaton.iter(spaced):
            for key, shift, size in keys:
                first = last - size + 1 + shift  # index in m: spaced[i + 1] == m[i]
                found.append((first, 2 - last, key))  # last - 2 (the hit's last index in m), negated
        if not found:
            return []
        found.sort(key=_BY_START_LONGEST)  # leftmost first, then longest (stable: ties keep scan order)
        kept, reach = [], -1
        entries_of, sensitive = self._entries, self._case_sensitive
        for first, neg_last, key in found:
            if first < reach:
                continue
            last = -neg_last
            start, end = (first, last) if identity else (int(idx[first]), int(idx[last]))
            end += 1
            if key in sensitive:
                surface = text[start:end]
                if not any(not e.case_sensitive or e.surface == surface for e in entries_of[key]):
                    continue
            kept.append((start, end, key))
            reach = last + 1
        return kept

    def resolve(self, text: str, key: str, start: int, end: int, when: pd.Timestamp | None
                ) -> tuple[str | None, str, str, str | None]:
        """``(actor_id or None, method, alias_kind, reason or None)`` for one hit."""
        if isinstance(key, tuple) and key[0] == "coord":  # a coordinated demonym (see coordinate)
            key, start, end = key[1], -1, -1
        elif isinstance(key, tuple):  # a merged counterpart phrase (see merge_counterparts)
            return None, "role", "counterpart", "counterpart"
        if text[end:end + 6].lower() in ("-based", " based"):
            # "the Britain-based Syrian Observatory", "UK-based": where something is, not the state acting
            place = self._place_of_key.get(key)
            return (place, "alias", "place", None) if place else (None, "alias", "location", "place")
        plain = self._plain.get(key)
        if plain is not None:
            return plain
        surface = text[start:end] if start >= 0 else None
        entries = [e for e in self._entries[key] if not e.case_sensitive or surface is None or e.surface == surface]
        role_entries = [e for e in entries if e.kind == "role_phrase"]
        alias_entries = [e for e in entries if e.kind != "role_phrase"]
        if alias_entries:
            kinds = {e.kind for e in alias_entries}
            if "capital" in kinds:
                places = sorted({e.target for e in alias_entries if self.kind_of.get(e.target) == "place"})
                states = sorted({e.target for e in alias_entries if e.kind == "capital"})
                if _LOCATIVE.search(matching_form(text[max(0, start - 24):start])):
                    return (places[0], "alias", "place", None) if places else (None, "alias", "capital", "place")
                if len(states) == 1 and key not in self._readings:
                    return states[0], "alias", "capital", None
                alias_entries = [e for e in alias_entries if e.target not in places]
                kinds = {e.kind for e in alias_entries}
            kind = sorted(kinds)[0] if len(kinds) > 1 else next(iter(kinds))
            actors = sorted({e.target for e in alias_entries})
            if key in self._readings or len(actors) > 1:
                candidates = self.candidates(key, when) if key in self._readings else actors
                if len(candidates) == 1:
                    return candidates[0], "alias", kind, None
                return None, "alias", kind, "ambiguous"
            return actors[0], "alias", kind, None
        e = role_entries[0]
        if not e.role:
            return None, "role", "counterpart", "counterpart"
        if not e.of:
            return None, "role", "role_phrase", "no-context"
        if when is None:
            return None, "role", "role_phrase", "no-date"
        held = self.holders(e.role, e.of, when)
        if len(held) == 1:
            return held[0], "role", "role_phrase", None
        return None, "role", "role_phrase", "ambiguous" if held else "no-holder"

    def merge_counterparts(self, text: str, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, object]]:
        """Join "son homologue" + "américain" into one counterpart hit whose country is the demonym's state."""
        if not any(h[2] in self._generic for h in hits):
            return hits
        out: list[tuple[int, int, object]] = []
        i = 0
        while i < len(hits):
            s, e, key = hits[i]
            entries = self._entries[key]
            generic = any(x.kind == "role_phrase" and not x.role and not x.of for x in entries)
            if generic and i + 1 < len(hits):
                s2, e2, key2 = hits[i + 1]
                states = {x.target for x in self._entries[key2] if x.kind == "demonym"}
                if len(states) == 1 and s2 - e <= 1 and not text[e:s2].strip():
                    out.append((s, e2, ("counterpart", next(iter(states)))))
                    i += 2
                    continue
            out.append((s, e, key))
            i += 1
        return out

    def coordinate(self, text: str, hits: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
        """Give a coordinated demonym the office of the role phrase next to it.

        "the Russian and Turkish presidents", "les présidents russe et turc", "الرئيسان الروسي والتركي": the
        demonym standing alone ("Russian", "turc", "التركي") is read as the phrase its neighbour would be with
        that demonym ("Russian presidents", "présidents turc", "الرئيسان التركي"), when the registry has that
        phrase, so that each state's holder is found. Chains ("Russian, Iranian and Turkish") work leftwards.
        """
        if len(hits) < 2 or not any(isinstance(k, str) and k in self._role_keys for *_, k in hits):
            return hits
        out = list(hits)
        for i in range(len(out) - 2, -1, -1):  # demonym, then role phrase (English)
            built = self._coordinated(text, out[i], out[i + 1], demonym_first=True)
            if built:
                out[i] = built
        for i in range(1, len(out)):  # role phrase, then demonym (French, Arabic)
            built = self._coordinated(text, out[i], out[i - 1], demonym_first=False)
            if built:
                out[i] = built
        return out

    def _coordinated(self, text: str, dem: tuple, role: tuple, *, demonym_first: bool) -> tuple | None:
        gap = text[dem[1]:role[0]] if demonym_first else text[role[1]:dem[0]]
        if not isinstance(dem[2], str) or not _COORD.match(gap):
            return None
        states = {e.target for e in self._entries.get(dem[2], ()) if e.kind == "demonym"}
        phrase = role[2][1] if isinstance(role[2], tuple) and role[2][0] == "coord" else role[2]
        if len(states) != 1 or not isinstance(phrase, str) or phrase not in self._role_keys:
            return None
        of = next(e.of for e in self._entries[phrase] if e.kind == "role_phrase")
        for own in self._demonym_keys.get(of, ()):
            padded = f" {phrase} "
            if f" {own} " in padded:
                key = padded.replace(f" {own} ", f" {dem[2]} ", 1).strip()
                if key in self._role_keys:
                    return dem[0], dem[1], ("coord", key)
        return None

    def counterpart(self, key: object, surface: str, others: list[str], when: pd.Timestamp | None) -> str | None:
        """Resolve "his American counterpart": the role another person of the sentence held, in this country."""
        if when is None:
            return None
        countries = [key[1]] if isinstance(key, tuple) else [
            e.of for e in self._entries[key] if e.kind == "role_phrase" and not e.role and e.of]
        for of in countries:
            if not of:
                continue
            for other in others:
                for role, _of in self.roles_held(other, when):
                    actor = self.holder(role, of, when)
                    if actor and actor != other:
                        return actor
        return None


def _through(body: str, last: int) -> str:
    """The part of ``body`` that decides the sentence index of offsets up to ``last``.

    When ``body[last]`` is a letter or digit, the sentence boundaries before it do not depend on what follows
    it (a boundary's look-ahead stops at the first such character), so the sentences of ``body[:last + 1]``
    start where those of ``body`` do, and segmenting the tail after the last mention can be skipped.
    """
    return body[:last + 1] if last + 1 < len(body) and body[last].isalnum() else body


def _locate(starts: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """:func:`diplolib.segment.locate` as a list of Python ints."""
    firsts = [a for a, _ in spans]
    return [bisect_right(firsts, s) - 1 for s in starts]


def tag_actors(
    articles: pd.DataFrame,
    *,
    registry: Registry | ActorMatcher | None = None,
    exclude_kinds: Iterable[str] = (),
    roles: bool = True,
    text: str = "text",
) -> pd.DataFrame:
    """Find the actors mentioned in each article.

    Parameters
    ----------
    articles : DataFrame
        Needs ``article_id`` and ``text``; ``published`` (dates for role phrases and ambiguous aliases)
        is used when present. Articles with no text, or in a language the registry lacks, are simply
        tagged with what matches; nothing raises.
    registry : Registry or ActorMatcher, optional
        Defaults to the built-in registry. Pass an :class:`ActorMatcher` to reuse a compiled automaton.
    exclude_kinds : iterable of str
        Alias kinds to leave out (e.g. ``("demonym", "capital")``); ignored when an ActorMatcher is given.
    roles : bool
        Match role phrases ("the Syrian President") and resolve them by date.
    text : str
        Column holding the display text.

    Returns
    -------
    DataFrame
        The mentions table, one row per mention in text order: ``article_id``, ``actor_id`` (empty when
        unresolved), ``start``, ``end`` (offsets into the display text: ``text[start:end] == surface``),
        ``surface``, ``sentence``, ``paragraph`` (indexes from :mod:`diplolib.segment`), ``method``
        (``alias`` or ``role``), ``alias_kind`` (name, short_name, acronym, demonym, capital, place,
        role_phrase, counterpart, …), ``reason`` (why ``actor_id`` is empty: ambiguous, place, no-date,
        no-holder, no-context, counterpart; empty otherwise).
    """
    for col in ("article_id", text):
        if col not in articles.columns:
            raise ValueError(f"tag_actors: column {col!r} is missing; pass the articles table from load_articles().")
    if isinstance(registry, ActorMatcher):
        matcher = registry
    else:
        matcher = ActorMatcher(registry if registry is not None else load_registry(),
                               exclude_kinds=exclude_kinds, roles=roles)
    if "published" in articles.columns:
        published = pd.to_datetime(articles["published"], errors="coerce", utc=True)
        dates = [None if pd.isna(d) else d for d in published.dt.tz_localize(None).dt.normalize()]
    else:
        dates = [None] * len(articles)
    rows: list[tuple] = []
    kind_of = matcher.kind_of
    for aid, body, published in zip(articles["article_id"], articles[text], dates, strict=True):
        if not isinstance(body, str) or not body:
            continue
        hits = matcher.coordinate(body, matcher.merge_counterparts(body, matcher.scan(body)))
        if not hits:
            continue
        when = published
        starts = [h[0] for h in hits]
        sent_of = _locate(starts, sentence_spans(_through(body, max(starts))))
        para_of = _locate(starts, paragraph_spans(body))
        resolved = [matcher.resolve(body, key, s, e, when) for s, e, key in hits]
        by_sentence: dict[int, list[str]] = defaultdict(list)
        for (actor, *_), si in zip(resolved, sent_of, strict=True):
            if actor and kind_of.get(actor) == "person":
                by_sentence[si].append(actor)
        for (s, e, key), (actor, method, kind, reason), si, pi in zip(hits, resolved, sent_of, para_of, strict=True):
            if reason == "counterpart":
                found = matcher.counterpart(key, body[s:e], by_sentence.get(si, []), when)
                if found:
                    actor, reason = found, None
            rows.append((aid, actor, s, e, body[s:e], si, pi, method, kind, reason))
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return out.astype({"start": "int64", "end": "int64", "sentence": "int64", "paragraph": "int64",
                       "actor_id": "string", "reason": "string"})
