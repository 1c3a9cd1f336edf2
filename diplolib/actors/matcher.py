"""The compiled automaton of an actor registry (:class:`ActorMatcher`) and the scan of one text.

See :mod:`diplolib.actors.tagger` for the rules; :mod:`diplolib.actors.rules` holds the checks and the resolution
of hits, :mod:`diplolib.actors.partition` the scan of a whole partition.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from operator import itemgetter

import ahocorasick
import numpy as np
import pandas as pd

from ..normalize.matching import aligned_matching_form, matching_form
from . import word_scan
from .keys import NONWORD, PROCLITICS, Entry, key_form, spaced_form, unglue_footnotes
from .registry import Registry
from .rules import MatcherRules

__all__ = ["ActorMatcher"]

_BY_START_LONGEST = itemgetter(0, 1)


#: offices of the US Congress, which each US state's legislature has too (see :meth:`MatcherRules.common_words`)
CONGRESS_ROLES = frozenset({"legislature_speaker", "upper_house_speaker", "senate_majority_leader",
                            "senate_minority_leader", "house_minority_leader", "house_majority_leader"})


class ActorMatcher(MatcherRules):
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
        entries: dict[str, list[Entry]] = defaultdict(list)
        al = registry.aliases
        for actor, alias, kind, cs in zip(al["actor_id"], al["alias"], al["kind"], al["case_sensitive"], strict=True):
            if kind in self.exclude_kinds:
                continue
            key = key_form(alias)
            if key:
                entries[key].append(Entry(actor, kind, alias, bool(cs)))
        if roles:
            rp = registry.role_phrases
            for phrase, role, of, cs in zip(rp["phrase"], rp["role"], rp["of"], rp["case_sensitive"], strict=True):
                key = key_form(phrase)
                if key:
                    entries[key].append(Entry("", "role_phrase", phrase, bool(cs), role, of))
        self._entries = self._guarded(entries, registry)
        self._readings: dict[str, list[tuple[str, pd.Timestamp | None, pd.Timestamp | None]]] = defaultdict(list)
        amb = registry.ambiguities
        for alias, actor, start, end in zip(amb["alias"], amb["actor_id"], amb["start"], amb["end"], strict=True):
            self._readings[key_form(alias)].append((actor, None if pd.isna(start) else pd.Timestamp(start),
                                                None if pd.isna(end) else pd.Timestamp(end)))
        places = registry.actors.loc[registry.actors["kind"] == "place", "actor_id"]
        place_ids = set(places)
        self._place_of_key: dict[str, str] = {}
        for actor, alias in zip(al["actor_id"], al["alias"], strict=True):
            if actor in place_ids:
                self._place_of_key.setdefault(key_form(alias), actor)
        self._terms: dict[tuple[str, str], list[tuple[pd.Timestamp, pd.Timestamp | None, str]]] = defaultdict(list)
        for actor, role, of, start, end in registry.roles[["actor_id", "role", "of", "start", "end"]].itertuples(
                index=False):
            self._terms[(role, of)].append((start, None if pd.isna(end) else end, actor))
        self._roles_of: dict[str, list[tuple[str, str, pd.Timestamp, pd.Timestamp | None]]] = defaultdict(list)
        for (role, of), terms in self._terms.items():
            for start, end, actor in terms:
                self._roles_of[actor].append((role, of, start, end))
        self.kind_of = dict(zip(registry.actors["actor_id"], registry.actors["kind"], strict=True))
        self.country_of = dict(zip(registry.actors["actor_id"], registry.actors["country"], strict=True))
        rp = registry.role_phrases
        self.title_role = {(of, note[6:]): role for of, role, note in zip(rp["of"], rp["role"], rp["note"], strict=True)
                           if note.startswith("title ") and of}
        self._generic = {k for k, es in self._entries.items()
                         if any(e.kind == "role_phrase" and not e.role and not e.of for e in es)}
        self._index_keys(place_ids)
        self._case_sensitive = {k for k, es in self._entries.items() if any(e.case_sensitive for e in es)}
        # keys whose resolution never depends on context: one actor, no role, no capital, not ambiguous
        self._plain: dict[str, tuple[str, str, str, None]] = {}
        for key, es in self._entries.items():
            targets = {e.target for e in es}
            kinds = sorted({e.kind for e in es})
            # a case-sensitive key is plain too when every spelling names the same actor: scan has already kept
            # only the hits whose surface one of them allows
            if (len(targets) == 1 and "" not in targets and "capital" not in kinds and "role_phrase" not in kinds
                    and key not in self._readings):
                self._plain[key] = (next(iter(targets)), "alias", kinds[0], None)
        self._build_automaton()

    def _build_automaton(self) -> None:
        """One automaton over every key spaced as words, with one attached Arabic proclitic and li- + al-."""
        words: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for key in self._entries:
            spaced = NONWORD.sub(" ", key)
            words[f" {spaced} "].append((key, 0, len(spaced) + 2))
            if "\u0600" <= key[0] <= "\u06ff":  # one attached Arabic proclitic: "وروسيا"
                for p in PROCLITICS:
                    words[f" {p}{spaced} "].append((key, 1, len(spaced) + 3))
                if spaced.startswith("ال"):  # li- + al- is written lil-: "للأمم المتحدة", "وللأمم المتحدة"
                    words[f" لل{spaced[2:]} "].append((key, 0, len(spaced) + 2))
                    for p in "وف":
                        words[f" {p}لل{spaced[2:]} "].append((key, 1, len(spaced) + 3))
        # the value of each word is its number; the partition scan reads its keys from flat arrays
        self._automaton = ahocorasick.Automaton()
        self._word_keys = [tuple(keys) for keys in words.values()]
        for wid, word in enumerate(words):
            self._automaton.add_word(word, wid)
        if words:
            self._automaton.make_automaton()
        # the same words for the compiled word scan (partition.py uses it when numba is installed)
        self._word_tables = word_scan.build_tables(list(words))
        self.key_names = list(self._entries)
        self.key_id = key_id = {k: i for i, k in enumerate(self.key_names)}
        self._key_array = np.array(self.key_names + [""], dtype=object)[:-1]  # 1-d even if keys look alike
        flat = [(key_id[k], shift, size) for keys in self._word_keys for k, shift, size in keys]
        self._word_first = np.cumsum([0] + [len(keys) for keys in self._word_keys], dtype=np.int64)
        self._word_flat = np.array(flat, dtype=np.int64).reshape(-1, 3)
        # keys all of whose entries are case-sensitive keep only the hits spelled as one of them
        self._sensitive_mask = np.array([all(e.case_sensitive for e in self._entries[k]) for k in self.key_names],
                                        dtype=bool)
        # their spellings, by key id (the scan reads no other key's: a set for each of the ~110,000 keys was memory
        # and objects for the garbage collector to walk)
        self._allowed_surfaces = {i: frozenset(e.surface for e in self._entries[k])
                                  for i, k in enumerate(self.key_names) if self._sensitive_mask[i]}
        self._key_columns()

    def _key_columns(self) -> None:
        """What the partition path asks of each key id, as arrays: the sets of keys above, and plain resolutions."""
        names = self.key_names

        def mask(keys: object) -> np.ndarray:
            return np.array([k in keys for k in names], dtype=bool)

        self._watched_mask, self._generic_mask = mask(self._watched), mask(self._generic)
        self._role_mask, self._capital_mask = mask(self._role_keys), mask(self._capital_keys)
        self._cs_mask, self._plain_mask = mask(self._case_sensitive), mask(self._plain)
        self._plain_actor = np.array([self._plain.get(k, (None,))[0] for k in names], dtype=object)
        self._plain_kind = np.array([self._plain.get(k, (None, None, None))[2] for k in names], dtype=object)

    def _index_keys(self, place_ids: set[str]) -> None:
        """Keys by what the later steps ask of them: capitals and places, role phrases, each state's demonyms."""
        self._capital_keys = {k for k, es in self._entries.items()
                              if any(e.kind == "capital" or e.target in place_ids for e in es)}
        self._role_keys = {k for k, es in self._entries.items() if any(e.kind == "role_phrase" and e.role for e in es)}
        self._demonym_keys: dict[str, list[str]] = defaultdict(list)
        for key, es in self._entries.items():
            for e in es:
                # a state's acronym stands for its demonym before a title ("the Russian and US presidents")
                if e.kind == "demonym" or (e.kind == "acronym" and e.case_sensitive and e.target.isupper()):
                    self._demonym_keys[e.target].append(key)
        for keys in self._demonym_keys.values():
            keys.sort(key=len, reverse=True)  # "the russian side" before "russian"
        self._name_keys: dict[str, list[str]] = defaultdict(list)  # a state's names, for "وزيرا خارجية لبنان وإندونيسيا"
        for key, es in self._entries.items():
            for e in es:
                if e.kind in ("name", "short_name") and e.target.isupper():
                    self._name_keys[e.target].append(key)
        for keys in self._name_keys.values():
            keys.sort(key=len, reverse=True)

    def _guarded(self, entries: dict[str, list[Entry]], registry: Registry) -> dict[str, list[Entry]]:
        """Apply the registry's guards (common words) and index first names and surnames for :meth:`scan`."""
        rules: dict[str, set[str]] = defaultdict(set)
        for alias, rule in zip(registry.guards["alias"], registry.guards["rule"], strict=True):
            rules[rule].add(key_form(alias))
        self._month_keys = frozenset(rules["month"])
        self._feminine_keys, self._maqsura_keys = frozenset(rules["feminine"]), frozenset(rules["maqsura"])
        out: dict[str, list[Entry]] = {}
        for key, es in entries.items():
            if key in rules["block"]:
                es = [e for e in es if e.kind == "role_phrase"]
            if key in rules["case"]:
                es = [e if e.kind == "role_phrase" else replace(e, case_sensitive=True) for e in es]
            if es:
                out[key] = es
        persons = set(registry.actors.loc[registry.actors["kind"] == "person", "actor_id"])
        # a word of a role phrase ("Minister", "President", "الرئيس") is a title, never someone's first name
        titles = {w for p in registry.role_phrases["phrase"] for w in key_form(p).split()}
        al = registry.aliases
        self._first_names: dict[str, set[str]] = defaultdict(set)
        self._surnames: dict[str, set[str]] = defaultdict(set)
        self._first_raw: set[str] = set()
        self._title_words = frozenset(titles)
        self._full_names: dict[str, set[str]] = defaultdict(set)  # a person's names of two words or more, key forms
        for actor, alias, kind in zip(al["actor_id"], al["alias"], al["kind"], strict=True):
            if actor not in persons:
                continue
            words = key_form(alias).split()
            if kind in ("name", "nickname") and len(words) > 1:
                self._full_names[actor].add(" ".join(words))
            if kind == "name" and len(words) > 1 and words[0] not in titles:
                self._first_names[words[0]].add(actor)
                self._first_raw.add(alias.split()[0].casefold())
            elif kind == "short_name" and words:
                self._surnames[" ".join(words)].add(actor)
        # the US Congress's officers: "Nevada Senate Majority Leader" and "the state House Speaker" are a state's
        rp = registry.role_phrases
        self._congress_keys = frozenset(key_form(p) for p, of, role in zip(rp["phrase"], rp["of"], rp["role"],
                                                                           strict=True)
                                        if of == "USA" and role in CONGRESS_ROLES and key_form(p) in out)
        self._watched = (frozenset(self._month_keys) | frozenset(self._surnames) | self._feminine_keys
                         | self._maqsura_keys | self._congress_keys)
        return out

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
        spaced = " " + spaced_form(unglue_footnotes(m)) + " "
        found = []
        word_keys = self._word_keys
        for last, wid in self._automaton.iter(spaced):
            for key, shift, size in word_keys[wid]:
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
                surface = text[start:end].replace("\xa0", " ")  # a no-break space is a space
                if not any(not e.case_sensitive or e.surface == surface for e in entries_of[key]):
                    continue
            kept.append((start, end, key))
            reach = last + 1
        return kept

