"""Event cue lexicons: reviewable CSV files, validated with file, line and field.

A cue file is a CSV with the columns ``cue, lang, event, mode, direction, note``
(``diplolib/events/data/cues_en.csv``, ``cues_fr.csv``, ``cues_ar.csv``)::

    cue,lang,event,mode,direction,note
    telephone conversation with,en,CONSULT,telephone,active,the readout formula
    condemn(s|ed|ing),en,DISAPPROVE,,active,
    [met|meets|meeting] with,en,CONSULT,meeting,mutual,

- ``cue``: words, written naturally (accents, capitals, hamza): they are put in matching form on load
  (:func:`diplolib.normalize.matching.matching_form`) and matched as whole words. ``(a|b)`` is an optional
  part with alternatives, ``[a|b]`` a required choice; a cue expands to the list of its literal forms
  (at most 1024), which go into one Aho-Corasick automaton per language. Arabic cues also match after one
  attached proclitic (و ف ب ل) and the future prefix س (which marks the event hypothetical).
- ``event``: a PLOVER type (:data:`PLOVER_TYPES`), or ``-`` for a false friend: a phrase matched only so that a
  shorter cue inside it does not fire ("so-called" hides "called", "Associated Press" hides "press"); the
  longest match wins, and a false friend gives no event.
- ``mode``: PLOVER's mode where it defines one (telephone, visit, meeting, …) or empty.
- ``direction``: ``active`` (source before the cue, target after; a passive "was attacked by" swaps them),
  ``passive`` (the cue itself is passive: "under attack from"; target before, source after), ``mutual``
  (an exchange: "X and Y met" gives one row for each ordered pair of the compound actors) or ``modal`` (a demand
  put as an obligation, "Russia said Sudan *must return* …": the actor before the cue is the target, the
  speaker of the sentence's reporting verb the source).
- ``note``: free text for the reviewer.

A user adds cues or event types' cues with a file of their own, passed to :func:`load_cues` (or by path to
:func:`~diplolib.events.extract_events`): its rows are added to the built-in lexicon; a row whose ``cue`` and
``lang`` repeat a built-in one replaces it. A malformed file raises :class:`CueFileError` naming the file, the
line and the field.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import product
from pathlib import Path

import pandas as pd

from ..normalize.matching import matching_form

__all__ = ["PLOVER_TYPES", "DIRECTIONS", "CUE_COLUMNS", "CueFileError", "CueLexicon", "load_cues",
           "default_cues", "expand_cue", "default_cue_paths"]

#: The PLOVER event types an event may carry, from cooperation to conflict.
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "INVESTIGATE", "DEMAND",
                "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT")
DIRECTIONS = ("active", "passive", "mutual", "modal")
#: The ``event`` of a false friend: a phrase matched so that a shorter cue inside it does not fire ("so-called",
#: "Associated Press", "accord de retrait").
NOT_AN_EVENT = "-"
CUE_COLUMNS = ["cue", "lang", "event", "mode", "direction", "note"]
LANGS = ("en", "fr", "ar")
_MAX_FORMS = 1024
_GROUP = re.compile(r"\(([^()\[\]]*)\)|\[([^()\[\]]*)\]")
_ALLOWED = re.compile(r"^[\w\s'’\-().|\[\]]+$")
_MODE = re.compile(r"^[a-z][a-z\-]*$")


class CueFileError(ValueError):
    """A cue file is malformed; the message starts with ``file:line: field``."""


def default_cue_paths() -> list[Path]:
    """The cue files shipped with diplolib, one per language."""
    root = resources.files("diplolib.events") / "data"
    return [Path(str(root / f"cues_{lang}.csv")) for lang in LANGS]


#: Irregular English verbs of the event vocabulary: base -> past, past participle (``word~`` writes them out).
IRREGULAR = {
    "bring": ("brought", "brought"), "break": ("broke", "broken"), "buy": ("bought", "bought"),
    "cut": ("cut", "cut"), "fight": ("fought", "fought"), "fly": ("flew", "flown"), "forbid": ("forbade", "forbidden"),
    "freeze": ("froze", "frozen"), "give": ("gave", "given"), "hit": ("hit", "hit"), "hold": ("held", "held"),
    "lay": ("laid", "laid"), "lead": ("led", "led"), "lend": ("lent", "lent"), "meet": ("met", "met"),
    "overthrow": ("overthrew", "overthrown"), "pay": ("paid", "paid"), "put": ("put", "put"),
    "rebuild": ("rebuilt", "rebuilt"), "rise": ("rose", "risen"), "seek": ("sought", "sought"),
    "sell": ("sold", "sold"), "send": ("sent", "sent"), "set": ("set", "set"), "shoot": ("shot", "shot"),
    "shut": ("shut", "shut"), "speak": ("spoke", "spoken"), "spend": ("spent", "spent"),
    "strike": ("struck", "struck"), "swear": ("swore", "sworn"), "take": ("took", "taken"),
    "tell": ("told", "told"), "throw": ("threw", "thrown"), "undertake": ("undertook", "undertaken"),
    "uphold": ("upheld", "upheld"), "withdraw": ("withdrew", "withdrawn"), "withhold": ("withheld", "withheld"),
    "beat": ("beat", "beaten"), "bid": ("bid", "bid"), "blow": ("blew", "blown"), "draw": ("drew", "drawn"),
    "drive": ("drove", "driven"), "forgive": ("forgave", "forgiven"), "go": ("went", "gone"),
    "keep": ("kept", "kept"), "make": ("made", "made"), "run": ("ran", "run"), "stand": ("stood", "stood"),
    "win": ("won", "won"), "shake": ("shook", "shaken"), "come": ("came", "come"), "bear": ("bore", "borne"),
    "leave": ("left", "left"),
}
_VOWELS = "aeiou"


def _inflect(verb: str) -> list[str]:
    """The English forms of a verb: base, -s, past, past participle, -ing ("accuse" -> accuses, accused, accusing;
    "ban" -> bans, banned, banning; "fight" -> fights, fought, fighting, from :data:`IRREGULAR`)."""
    v = verb
    if v.endswith("e"):  # "agree" -> agreed, agreeing; "accuse" -> accused, accusing
        forms = [v, v + "s", v + "d", v + "ing" if v.endswith(("ee", "ye", "oe")) else v[:-1] + "ing"]
    elif v.endswith("y") and len(v) > 2 and v[-2] not in _VOWELS:
        forms = [v, v[:-1] + "ies", v[:-1] + "ied", v + "ing"]
    else:
        plural = v + "es" if v.endswith(("s", "x", "z", "ch", "sh", "o")) else v + "s"
        forms = [v, plural, v + "ed", v + "ing"]
        # a final consonant after one vowel doubles ("ban" -> banned, "stop" -> stopping); forms that do not
        # double ("visit" -> visited) are kept too: a form that is no word matches nothing
        if len(v) >= 3 and v[-1] not in _VOWELS + "wxy" and v[-2] in _VOWELS and v[-3] not in _VOWELS:
            forms += [v + v[-1] + "ed", v + v[-1] + "ing"]
    if v in IRREGULAR:
        past, participle = IRREGULAR[v]
        forms = [f for f in forms if not f.endswith("ed") or f in (past, participle)] + [past, participle]
    return list(dict.fromkeys(forms))


def _inflected(text: str) -> str:
    """``word~`` written out as the regular English forms of the verb: inside a group, each alternative holding
    it becomes one alternative per form ("[step~ down|resign~]" -> "[step down|steps down|…|resign|…]");
    outside, a required choice ("accuse~ of" -> "[accuse|accuses|accused|accusing] of")."""

    def alternatives(alt: str) -> list[str]:
        m = re.search(r"(\w+)~", alt)
        if m is None:
            return [alt]
        return [x for f in _inflect(m.group(1)) for x in alternatives(alt[:m.start()] + f + alt[m.end():])]

    def group(m: re.Match) -> str:
        return m.group(1) + "|".join(a for alt in m.group(2).split("|") for a in alternatives(alt)) + m.group(3)

    text = re.sub(r"([\[(])([^\[\]()]*)([\])])", group, text)
    return re.sub(r"(\w+)~", lambda m: "[" + "|".join(_inflect(m.group(1))) + "]", text)


def expand_cue(cue: str) -> list[str]:
    """The literal forms of a cue: ``"condemn(s|ed)"`` -> ``["condemn", "condemns", "condemned"]``.

    ``word~`` stands for the regular English forms of a verb (``"accuse~ of"`` -> accuse of, accuses of,
    accused of, accusing of); irregular forms are written out.

    Raises
    ------
    ValueError
        Unbalanced brackets, nested groups, characters outside the syntax, or more than 64 forms.
    """
    text = cue.strip()
    if not text:
        raise ValueError("empty cue: write the words of the cue")
    if "~" in text:
        if re.search(r"(?<!\w)~|~\w", text):
            raise ValueError(f"cue {cue!r}: '~' follows a whole word, as in 'accuse~'")
        text = _inflected(text)
    if not _ALLOWED.match(text):
        raise ValueError(f"cue {cue!r} has characters outside the syntax (words, spaces, '-', (a|b), [a|b])")
    pieces: list[list[str]] = []
    pos = 0
    for m in _GROUP.finditer(text):
        pieces.append([text[pos:m.start()]])
        if m.group(1) is not None:
            pieces.append(["", *m.group(1).split("|")])
        else:
            pieces.append(m.group(2).split("|"))
        pos = m.end()
    pieces.append([text[pos:]])
    if any(c in p for piece in pieces for p in piece for c in "()[]|"):
        raise ValueError(f"cue {cue!r}: unbalanced or nested brackets; write (a|b) or [a|b] without nesting")
    n = 1
    for piece in pieces:
        n *= len(piece)
    if n > _MAX_FORMS:
        raise ValueError(f"cue {cue!r} expands to {n} forms (at most {_MAX_FORMS}): split it into several rows")
    forms = []
    for combo in product(*pieces):
        form = re.sub(r"\s+", " ", "".join(combo)).strip()
        if form and form not in forms:
            forms.append(form)
    if not forms:
        raise ValueError(f"cue {cue!r} can match nothing")
    return forms


def _read_rows(path: Path, name: str) -> list[tuple[int, dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        missing = [c for c in CUE_COLUMNS if c not in header]
        if missing:
            raise CueFileError(f"{name}:1: header: missing column(s) {missing}; a cue file has the columns "
                               f"{','.join(CUE_COLUMNS)}")
        rows = []
        for row in reader:
            if None in row:
                raise CueFileError(f"{name}:{reader.line_num}: note: more fields than the header has; quote "
                                   "the note if it holds a comma")
            if not any((v or "").strip() for v in row.values()):
                continue
            rows.append((reader.line_num, {k: (row.get(k) or "").strip() for k in CUE_COLUMNS}))
        return rows


def _check_row(name: str, line: int, row: dict) -> list[str]:
    where = f"{name}:{line}"
    if row["lang"] not in LANGS:
        raise CueFileError(f"{where}: lang: {row['lang']!r} is not one of {list(LANGS)}")
    if row["event"] == NOT_AN_EVENT:
        row = {**row, "direction": row["direction"] or "active"}
    elif row["event"] not in PLOVER_TYPES:
        raise CueFileError(f"{where}: event: {row['event']!r} is not a PLOVER type; use one of "
                           f"{', '.join(PLOVER_TYPES)}, or '-' for a false friend")
    if row["direction"] not in DIRECTIONS:
        raise CueFileError(f"{where}: direction: {row['direction']!r} is not one of {list(DIRECTIONS)}")
    if row["mode"] and not _MODE.match(row["mode"]):
        raise CueFileError(f"{where}: mode: {row['mode']!r} must be a lower-case word such as telephone or visit")
    try:
        forms = expand_cue(row["cue"])
    except ValueError as exc:
        raise CueFileError(f"{where}: cue: {exc}") from None
    # one space per character that is no letter or digit, as the scanned text has them (``scan._spaced``): a
    # possessive before a space ("workers' strike") is two spaces there, so a collapsed key would never match
    keys = [re.sub(r"[\W_]", " ", matching_form(f)).strip() for f in forms]
    if not all(keys):
        raise CueFileError(f"{where}: cue: {row['cue']!r} has a form without letters")
    return keys


@dataclass(frozen=True)
class CueLexicon:
    """A validated cue lexicon.

    Attributes
    ----------
    cues : DataFrame
        One row per cue as written: ``cue``, ``lang``, ``event``, ``mode``, ``direction``, ``note``,
        ``origin`` (``file:line``).
    forms : DataFrame
        One row per literal form in matching form: ``key``, ``lang``, ``cue_row`` (index into ``cues``).
    """

    cues: pd.DataFrame
    forms: pd.DataFrame
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def cached(self, key, build):
        """What ``build()`` returns, built once per lexicon and ``key`` (the compiled automata)."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    @property
    def languages(self) -> list[str]:
        return sorted(self.cues["lang"].unique())


def load_cues(*extra_paths: str | Path, include_default: bool = True) -> CueLexicon:
    """Load the event cue lexicon, with the user's cue files added.

    Parameters
    ----------
    *extra_paths : str or Path
        Further cue files (same columns); their rows are added, and a row repeating the ``cue`` and ``lang``
        of an earlier one replaces it.
    include_default : bool
        Start from the lexicons shipped with diplolib.

    Returns
    -------
    CueLexicon

    Raises
    ------
    CueFileError
        ``file:line: field: what is wrong and what to write``.
    FileNotFoundError
        A path that does not exist.
    """
    paths = (default_cue_paths() if include_default else []) + [Path(p) for p in extra_paths]
    if not paths:
        raise ValueError("load_cues: no cue file; pass a path or keep include_default=True")
    defaults = set(default_cue_paths())
    merged: dict[tuple[str, str], dict] = {}
    for path in paths:
        if not path.is_file():
            raise FileNotFoundError(f"cue file {str(path)!r} does not exist: check the path")
        name = f"diplolib/events/data/{path.name}" if path in defaults else str(path)
        for line, row in _read_rows(path, name):
            keys = _check_row(name, line, row)
            merged[(matching_form(row["cue"]), row["lang"])] = {**row, "origin": f"{name}:{line}", "keys": keys}
    rows = list(merged.values())
    cues = pd.DataFrame([{k: r[k] for k in [*CUE_COLUMNS, "origin"]} for r in rows],
                        columns=[*CUE_COLUMNS, "origin"])
    forms = pd.DataFrame([(k, r["lang"], i) for i, r in enumerate(rows) for k in dict.fromkeys(r["keys"])],
                         columns=["key", "lang", "cue_row"])
    return CueLexicon(cues, forms)


def default_cues() -> CueLexicon:
    """The shipped lexicon, read and validated once per process, and again only when one of its files changed.

    :func:`~diplolib.events.extract_events` uses it when no ``cues=`` is given, so that the automata compiled from
    it (kept on the lexicon) serve every call: reading the three files and compiling an automaton took about a
    second of every call. Shared by every caller: treat it as read-only (:func:`load_cues` gives a copy of your own).
    """
    return _default_cues(tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in default_cue_paths()))


@lru_cache(maxsize=1)
def _default_cues(files: tuple) -> CueLexicon:
    return load_cues()
