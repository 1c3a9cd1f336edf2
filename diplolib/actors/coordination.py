"""Counterparts and coordinated titles: the part of :class:`~diplolib.actors.rules.MatcherRules` that joins
neighbouring hits of one text before they are resolved.

"son homologue américain" is one counterpart hit resolved from another person of the sentence; "the Russian and
Turkish presidents", "les présidents russe et turc", "رئيسا وزراء اليابان وتركيا" name one holder per state: the
demonym or state name standing alone is read as the phrase its neighbouring title would be with it.
"""

from __future__ import annotations

import re

import pandas as pd

from ..normalize.matching import matching_form

__all__ = ["CoordinationRules", "nearest_first", "may_have_possessive_pair"]

# "Chile's and South Korea's presidents": a plural title after a possessive (its singular: the word without "s")
_POSSESSIVE_PLURAL = re.compile(r"[’']s\s+((?:prime |foreign |defen[cs]e )?(?:minister|president|king|vice-president|"
                                r"chancellor|leader))s\b", re.IGNORECASE)
_POSSESSIVE_AND = re.compile(r"[’']s(?:,|\s+and|,\s+and)\s+")
# "and the UAE", "et de Trinité-et-Tobago": the article or "de" of the second state is part of the coordination
_COORD = re.compile(r"^\s*(?:,|and|et|&|و|,\s*and|,\s*et)(?:\s+the|\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]))?\s*$")


class CoordinationRules:
    """Mixin of :class:`~diplolib.actors.matcher.ActorMatcher` (through ``MatcherRules``): uses its ``_entries``,
    ``_generic``, ``_role_keys``, ``_demonym_keys``, ``_name_keys``, ``roles_held`` and ``holder``."""

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
        hits = self._possessive_pairs(text, hits)
        if len(hits) < 2 or self._role_keys.isdisjoint([h[2] for h in hits]):
            return hits
        out = list(hits)
        # only neighbours at most 8 characters apart can be coordinated; rewriting a hit keeps its offsets
        near = [i for i in range(len(out) - 1) if 0 <= out[i + 1][0] - out[i][1] <= 10]
        for i in reversed(near):  # demonym, then role phrase (English)
            built = self._coordinated(text, out[i], out[i + 1], demonym_first=True)
            if built:
                out[i] = built
        for i in (j + 1 for j in near):  # role phrase, then demonym (French, Arabic)
            built = self._coordinated(text, out[i], out[i - 1], demonym_first=False)
            if built:
                out[i] = built
        return out

    def _possessive_pairs(self, text: str, hits: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
        """"Chile's and South Korea's presidents": each state's name before "'s" is read as its own singular phrase
        ("chile's president") when the registry has it; two states or more, a plural title after the last."""
        out = list(hits)
        if not may_have_possessive_pair(text):  # no "'s <plural title>" or no "'s and": no chain (cheap, exact)
            return out
        for j in range(1, len(out)):
            title = _POSSESSIVE_PLURAL.match(text, out[j][1])
            if not title or not isinstance(out[j][2], str):
                continue
            chain = [j]
            while chain[0] > 0 and isinstance(out[chain[0] - 1][2], str) and _POSSESSIVE_AND.fullmatch(
                    text, out[chain[0] - 1][1], out[chain[0]][0]):
                chain.insert(0, chain[0] - 1)
            keys = [f"{out[i][2]}'s {title.group(1).casefold()}" for i in chain]
            if len(chain) >= 2 and all(k in self._role_keys for k in keys):
                for i, k in zip(chain, keys, strict=True):
                    out[i] = (out[i][0], out[i][1], ("coord", k))
        return out

    def _coordinated(self, text: str, dem: tuple, role: tuple, *, demonym_first: bool) -> tuple | None:
        first, last = (dem[1], role[0]) if demonym_first else (role[1], dem[0])
        if not 0 <= last - first <= 10 or not isinstance(dem[2], str) or not _COORD.match(text[first:last]):
            return None
        states = {e.target for e in self._entries.get(dem[2], ())
                  if e.kind == "demonym" or (e.kind == "acronym" and e.target.isupper())}  # "US and Russian"
        phrase = role[2][1] if isinstance(role[2], tuple) and role[2][0] == "coord" else role[2]
        if not isinstance(phrase, str) or phrase not in self._role_keys:
            return None
        readings = [(states, self._demonym_keys)]
        if not demonym_first and _plural_title(phrase):
            # a state's name after a plural title naming states ("وزيرا خارجية لبنان وإندونيسيا", "the Foreign
            # Ministers of Russia and Turkey", "the Prime Ministers of Lebanon and the UAE"): read as the same
            # phrase with that name (an acronym is both: "the Russian and US presidents", "… and the UAE")
            readings.append(({e.target for e in self._entries.get(dem[2], ())
                              if e.kind in ("name", "short_name", "acronym") and e.target.isupper()}, self._name_keys))
        entry = next(e for e in self._entries[phrase] if e.kind == "role_phrase")
        for states, own_keys in readings:
            if len(states) != 1:
                continue
            if entry.role == "language":  # "in English, French and Spanish", "اللغات الإنكليزية والفرنسية"
                own = self._language_keys().get(next(iter(states)))
                return (dem[0], dem[1], ("coord", own)) if own else None
            for own in own_keys.get(entry.of, ()):
                key = next((k for k in _swapped(f" {phrase} ", own, dem[2]) if k in self._role_keys), None)
                if key:
                    return dem[0], dem[1], ("coord", key)
        return None

    def _language_keys(self) -> dict[str, str]:
        """state -> a language phrase key of the language named by its demonym (built once)."""
        if "_lang_keys" not in self.__dict__:  # the last key in sorted order wins: only the language keys sorted
            pairs = [(k, e.of) for k, es in self._entries.items() for e in es
                     if e.kind == "role_phrase" and e.role == "language" and e.of]
            pairs.sort(key=lambda pair: pair[0])  # stable: one key's entries stay in their order
            self._lang_keys = {of: k for k, of in pairs}
        return self._lang_keys

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


#: the first words of plural and Arabic dual titles (matching form): a state's name coordinated after them names a
#: second holder ("رئيسا وزراء اليابان وتركيا", "les présidents du Costa Rica et de Trinité-et-Tobago");
#: after a singular title it does not ("وزير خارجية لبنان وسوريا"
#: may be one minister speaking of two states)
_PLURAL_TITLE_WORDS = frozenset({"وزيرا", "رئيسا", "ملكا", "اميرا", "presidents", "ministers", "kings", "emirs",
                                 "leaders", "secretaries", "chancellors", "ministres", "rois", "premiers",
                                 "chanceliers", "sultans"})


_PLURAL_TITLE_KEYS = frozenset(matching_form(w) for w in _PLURAL_TITLE_WORDS)  # "رئيسا" is keyed "رييسا"


#: the French "of" before a state's name (matching form: "de l'Australie" is keyed "de l australie")
_FR_OF = re.compile(r" (?:de la|de l|du|des|de|d) $")
_FR_OF_FORMS = ("de la", "de l", "du", "des", "de", "d")


def _swapped(padded: str, own: str, other: str) -> list[str]:
    """The keys of ``padded`` (a phrase key between spaces) with the first state's name key ``own`` replaced by the
    second state's ``other``: as written, after the Arabic article ("رييسا المجر" keyed by "مجر"), and with every
    French "of" before it ("premiers ministres de l australie" → "… de la malaisie", "… du chili")."""
    out = []
    for form in (f" {own} ", f" ال{own} "):
        at = padded.find(form)
        if at < 0:
            continue
        out.append((padded[:at] + f" {other} " + padded[at + len(form):]).strip())
        prep = _FR_OF.search(padded[:at + 1])
        if prep and form == f" {own} ":
            head, tail = padded[:prep.start()], padded[at + len(form):]
            out += [f"{head} {p} {other} {tail}".strip() for p in _FR_OF_FORMS]
    return out


def _plural_title(key: str) -> bool:
    return not _PLURAL_TITLE_KEYS.isdisjoint(key.split()[:3])


def nearest_first(people: list[tuple[int, str]], at: int) -> list[str]:
    """The people of a sentence (``(start, actor)`` in text order) for a counterpart at ``at``: the nearest before it
    first, then the rest before it, then those after ("President Obama said Kerry would meet his Qatari
    counterpart": Kerry's counterpart, Qatar's foreign minister, not the emir)."""
    before = [a for s, a in people if s < at]
    return before[::-1] + [a for s, a in people if s >= at]


def may_have_possessive_pair(text: str) -> bool:
    """Whether ``text`` may hold "X's and Y's <plural title>" (the tagger's pretest of :meth:`coordinate`).

    Both expressions start with an apostrophe (``[’']``): a text holding neither cannot match, and ``in`` finds
    that out at memory speed where ``re`` tests its character class at every position (~7 ns a character, 6 % of
    ``tag_actors`` on FA-KES, whose cleaned texts hold no apostrophe)."""
    if "'" not in text and "’" not in text:
        return False
    return _POSSESSIVE_PLURAL.search(text) is not None and _POSSESSIVE_AND.search(text) is not None
