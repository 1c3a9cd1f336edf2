"""The theme dictionary: loading, validating and compiling theme cues.

A theme file is YAML (see ``diplolib/themes/data/themes.yaml``)::

    themes:
      - id: conflict                    # a top-level theme (no parent)
        label: Armed conflict
        description: Fighting and its direct effects.
      - id: ceasefire
        parent: conflict                # must be a top-level theme
        label: Ceasefire and truce
        description: ...
        cues:                           # language code -> list of cues
          en: [cease-fire(s), truce(s)]
          fr: [cessez-le-feu, treve(s)]
          ar: [هدنة, هدن, وقف اطلاق النار]
        exclude:                        # false friends, same syntax
          en: [truce of god]
      - id: aid
        extend: true                    # add cues to an existing theme instead of replacing it

Cue syntax (matched against the *matching form* of the text: case-folded, accents and
Arabic diacritics removed, Arabic letter variants unified, apostrophes turned into spaces):

* plain words match whole words: ``siege`` matches "siege" and "Siege", not "besieged";
* ``*`` at the end of a word is a prefix wildcard: ``negotiat*`` (at least 3 letters before it);
* ``(…)`` is an optional part, ``|`` separates alternatives inside it:
  ``bomb(s|ed|ing|ings)``, ``bombarde(e|s|es)``, ``treve(s)``;
* ``[…]`` is a required choice: ``[peaceful|political] resolution``;
* a space between words matches any run of spaces or hyphens: ``chemical weapon(s)``;
* a hyphen inside a word matches a hyphen, a space or nothing: ``cease-fire`` matches
  "ceasefire", "cease fire" and "cease-fire";
* Arabic cues (``ar``) also match after the proclitics و ف ب ك ل and the article ال
  (``هدنة`` matches الهدنة, والهدنة, بالهدنة, للهدنة); a leading ال written in a cue is
  treated as that optional article (``الامم المتحدة`` also matches للامم المتحدة); a one-word cue of 4
  letters or more also matches with a pronoun attached and in its dual, accusative and sound plural forms
  (``اتفاقية`` matches اتفاقيتها, اتفاقيتين, اتفاقيتي, اتفاقيات; ``اتفاق`` matches اتفاقا, الاتفاقين:
  :data:`~diplolib.themes.cues.AR_INFLECTIONS`); a choice ``[…|…]`` keeps the forms written;
* cues are written naturally (accents, capitals, hamza): they are put in matching form on load;
* ``...`` standing as a word is a gap of 0 to 3 words (``...5``: up to 5), inside one clause
  (punctuation stops it): ``fight ... terrorism`` matches "fight against international terrorism".

Context.  A cue may be written as a mapping that names neighbours (cues themselves) which
must (``near``) or must not (``not_near``) occur within ``window`` words (default 4) on
either side of it, in the same sentence; a hit whose cue fails its context is dropped::

    en: [killed, {cue: bodies, near: [dead, found, killed], not_near: [state, government]}]

``#`` among the neighbours stands for any number (``{cue: resolution, near: ['#']}``), and
``$name`` for a named list of words given once at the top of the file (a class of senses that
several themes share: sport, tourism, illness...)::

    lists:
      sport: {en: [player(s), match(es), tournament(s)], fr: [joueur(s), match, tournoi(s)]}
    ...
      context:
        en: {not_near: [$sport, accident(s)], window: 8}

``$states`` is generated rather than written: every name, capital and demonym of a state in the actor registry
(:mod:`diplolib.themes.state_names`), e.g. ``{cue: visited, near: [$states, delegation(s)], window: 10}``.

Scope.  ``scope: international`` marks a theme that needs two states or an international
body (the UN Security Council, not Russia's own; a phone call between leaders, not with a
governor).  When :func:`~diplolib.themes.tag_themes` is given the actor ``mentions``, a hit
of such a theme is dropped if its sentence (with the one before) names two or more people and
only actors of one and the same state (places aside); with fewer known people it stays.

Body.  ``{cue: the council, body: [security council]}`` binds a cue to the documents of one body:
it fires only in the articles whose ``body`` column (``tag_themes(..., body="organ")``; from a UN
symbol: :func:`diplolib.themes.bodies.un_body`) names one of the bodies listed, and never without
that column (anaphora: "the Council" of a Security Council document is that Council).

A theme's ``context`` gives neighbours for all its cues of a language (its ``not_near`` add up
with a cue's own; a cue's own ``near`` and ``window`` win)::

    context:
      en: {not_near: [accident(s), crash(es)], window: 6}

A later file overrides a theme of an earlier one with the same ``id`` (whole entry), unless
the entry says ``extend: true`` (its cues and exclusions are added).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from .cues import BOUNDARY, cue_pattern, order_length
from .entries import (
    ThemeFileError,
    cue_context,
    merge_context,
    node_error,
    scalar,
    theme_context,
    valid_lang,
    word_lists,
)
from .state_names import state_lists

__all__ = ["ThemeDictionary", "ThemeFileError", "load_themes", "cue_pattern", "default_themes_path"]

_THEME_KEYS = {"id", "parent", "label", "description", "cues", "exclude", "extend", "scope", "context"}
_SCOPES = ("any", "international")
_TOP_KEYS = {"themes", "version", "description", "lists"}
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


#: Columns of :attr:`ThemeDictionary.themes` and :attr:`ThemeDictionary.cues`.
THEME_COLUMNS = ["theme", "parent", "label", "description", "source", "scope"]
CUE_COLUMNS = ["theme", "parent", "lang", "cue", "pattern", "kind", "source", "near", "not_near", "window", "body"]


def default_themes_path() -> Path:
    """Path of the theme dictionary shipped with diplolib."""
    return Path(str(resources.files("diplolib.themes") / "data" / "themes.yaml"))


@dataclass(frozen=True)
class ThemeDictionary:
    """A validated theme dictionary.

    Attributes
    ----------
    themes : pandas.DataFrame
        One row per theme: ``theme``, ``parent`` (``<NA>`` for top-level themes), ``label``,
        ``description``, ``source`` (``file:line`` where it was defined), ``scope`` (``any`` or
        ``international``).
    cues : pandas.DataFrame
        One row per cue: ``theme``, ``parent``, ``lang``, ``cue`` (as written), ``pattern``
        (compiled regex source), ``kind`` (``include`` or ``exclude``), ``source``, ``near`` and
        ``not_near`` (regex sources of the context neighbours joined by ``|``, empty when none),
        ``window`` (words each side; 0 without context), ``body`` (the bodies a cue is bound to, joined
        by ``|``; empty for a cue read in any document).
    """

    themes: pd.DataFrame
    cues: pd.DataFrame
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def cached(self, key: tuple, build):
        """What ``build()`` returns, built once per dictionary and ``key`` (compiled regexes, prefilters).

        The dictionary is frozen, so what is compiled from it stays valid; taggers keep their compiled
        artefacts here instead of rebuilding them on every call.
        """
        if key not in self._compiled:
            self._compiled[key] = build()
        return self._compiled[key]

    def without_body_cues(self) -> ThemeDictionary:
        """The same dictionary without the cues bound to a body (what is read where no article has one), built
        once; ``self`` when it has none."""
        bound = (self.cues["kind"] == "include") & (self.cues["body"] != "")
        if not bound.any():
            return self
        return self.cached(("without_body_cues",), lambda: ThemeDictionary(
            themes=self.themes, cues=self.cues[~bound].reset_index(drop=True)))

    @property
    def languages(self) -> list[str]:
        """Languages with at least one include cue, sorted."""
        return sorted(self.cues.loc[self.cues["kind"] == "include", "lang"].unique())

    def compiled(self, lang: str) -> list[tuple[str, object, re.Pattern, re.Pattern | None]]:
        """``(theme, parent, include_regex, exclude_regex)`` for each theme with cues in ``lang``."""
        if lang not in self._compiled:
            out = []
            sub = self.cues[self.cues["lang"] == lang]
            for theme, grp in sub.groupby("theme", sort=True):
                inc = grp[grp["kind"] == "include"]
                if inc.empty:
                    continue
                exc = grp[grp["kind"] == "exclude"]

                def alt(rows: pd.DataFrame) -> re.Pattern:
                    # one shared look-behind: ~10x faster than one per alternative
                    bodies = sorted(
                        (p.removeprefix(BOUNDARY) for p in rows["pattern"]), key=order_length, reverse=True
                    )
                    return re.compile(BOUNDARY + "(?:" + "|".join(bodies) + ")")

                out.append((theme, inc["parent"].iloc[0], alt(inc), alt(exc) if len(exc) else None))
            self._compiled[lang] = out
        return self._compiled[lang]


def _cue_map(path: str, node: yaml.Node, key: str, lists: dict) -> list[tuple[str, str, yaml.Node, dict | None]]:
    if not isinstance(node, yaml.MappingNode):
        raise node_error(path, node, f"'{key}' must map language codes to lists of cues, e.g. en: [truce(s)]")
    out = []
    for knode, vnode in node.value:
        lang = scalar(path, knode, "a language code")
        if not valid_lang(lang):
            raise node_error(
                path, knode, f"unknown language {lang!r} in '{key}': use an ISO 639-1 code such as en, fr, ar"
            )
        items = vnode.value if isinstance(vnode, yaml.SequenceNode) else [vnode]
        for item in items:
            if isinstance(item, yaml.ScalarNode) and item.tag.endswith(":null"):
                raise node_error(path, item, "empty cue: remove it or write a word")
            if isinstance(item, yaml.MappingNode):
                cue, ctx = cue_context(path, lang, item, key, lists=lists)
                out.append((lang, cue, item, ctx))
            else:
                out.append((lang, scalar(path, item, "a cue"), item, None))
    return out


def _parse_file(path: str, text: str, lists: dict) -> list[dict]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else "?"
        raise ThemeFileError(f"{path}:{line}: not valid YAML: {exc.problem or exc}") from None
    if root is None:
        raise ThemeFileError(f"{path}:1: empty theme file: add a 'themes:' list")
    if not isinstance(root, yaml.MappingNode):
        raise node_error(path, root, "a theme file is a mapping with a 'themes:' list")
    themes_node = None
    for knode, vnode in root.value:
        key = scalar(path, knode, "a key")
        if key not in _TOP_KEYS:
            raise node_error(path, knode, f"unknown key {key!r}: expected one of {sorted(_TOP_KEYS)}")
        if key == "themes":
            themes_node = vnode
        elif key == "lists":
            word_lists(path, vnode, lists)
    if not isinstance(themes_node, yaml.SequenceNode):
        raise node_error(path, themes_node or root, "'themes' must be a list of themes ('- id: ...')")
    entries, seen = [], {}
    for tnode in themes_node.value:
        if not isinstance(tnode, yaml.MappingNode):
            raise node_error(path, tnode, "each theme is a mapping with at least 'id' and 'label'")
        entry: dict = {"line": tnode.start_mark.line + 1, "cues": [], "exclude": [], "context": {}, "nodes": {}}
        for knode, vnode in tnode.value:
            key = scalar(path, knode, "a key")
            if key not in _THEME_KEYS:
                raise node_error(path, knode, f"unknown theme key {key!r}: expected one of {sorted(_THEME_KEYS)}")
            entry["nodes"][key] = vnode
            if key in ("cues", "exclude"):
                entry[key] = _cue_map(path, vnode, key, lists)
            elif key == "context":
                entry[key] = theme_context(path, vnode, lists)
            elif key == "extend":
                entry[key] = scalar(path, vnode, key).lower() in ("true", "yes", "1")
            else:
                val = scalar(path, vnode, key)
                entry[key] = None if vnode.tag.endswith(":null") else val
        tid = entry.get("id")
        if not tid or not _ID_RE.match(tid):
            raise node_error(
                path, tnode, f"theme id {tid!r} missing or invalid: use lower-case letters, digits, '_'"
            )
        if tid in seen:
            raise node_error(
                path, tnode, f"duplicate theme id {tid!r} (first defined on line {seen[tid]}): rename one"
            )
        seen[tid] = entry["line"]
        if not entry.get("extend") and not entry.get("label"):
            raise node_error(path, tnode, f"theme {tid!r} has no 'label': add a short English label")
        if entry.get("scope") not in (None, *_SCOPES):
            msg = f"theme {tid!r}: scope {entry['scope']!r}: use one of {_SCOPES}"
            raise node_error(path, entry["nodes"]["scope"], msg)
        for kind in ("cues", "exclude"):
            for lang, cue, node, _ in entry[kind]:
                try:
                    cue_pattern(cue, lang)
                except ValueError as exc:
                    raise node_error(path, node, f"theme {tid!r}: {exc}") from None
        entries.append(entry)
    return entries


def _read_theme_text(name: str, path: Path) -> str:
    """The text of a theme file, or a :class:`ThemeFileError` naming the file and line of the first byte that
    is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ThemeFileError(f"{name}:{line}: byte {data[exc.start:exc.start + 1]!r} is not UTF-8 (the file is "
                             "probably latin-1 or cp1252): save it as UTF-8 and load it again") from None


def load_themes(*extra_paths: str | Path, include_default: bool = True) -> ThemeDictionary:
    """Load the theme dictionary, optionally extended or overridden by the user's files.

    Parameters
    ----------
    *extra_paths : str or Path
        Further theme files in the same YAML format, applied in order: a theme with an
        existing ``id`` replaces it (or adds to it with ``extend: true``).
    include_default : bool, default True
        Start from the dictionary shipped with diplolib.

    Returns
    -------
    ThemeDictionary
        With ``themes`` (theme, parent, label, description, source, scope) and ``cues``
        (theme, parent, lang, cue, pattern, kind, source, near, not_near, window) tables.

    Raises
    ------
    ThemeFileError
        A file is malformed; the message gives ``file:line`` and what to fix (invalid YAML,
        unknown key or parent, duplicate id, empty or match-all cue, unknown language).
    """
    paths = ([default_themes_path()] if include_default else []) + [Path(p) for p in extra_paths]
    if not paths:
        raise ValueError("no theme file: pass a path or keep include_default=True")
    merged: dict[str, dict] = {}
    # named neighbour lists, shared by the files in order; ``$states`` is generated from the actor registry
    lists: dict[str, dict[str, list[str]]] = {k: {g: list(v) for g, v in d.items()} for k, d in state_lists().items()}
    for p in paths:
        if not p.is_file():
            raise FileNotFoundError(f"theme file {str(p)!r} does not exist: check the path")
        name = p.name if p == default_themes_path() else str(p)
        for entry in _parse_file(name, _read_theme_text(name, p), lists):
            entry["file"] = name
            tid = entry["id"]
            if entry.get("extend"):
                if tid not in merged:
                    raise node_error(
                        name, entry["nodes"].get("id"), f"'extend: true' but no theme {tid!r} to extend"
                    )
                base = merged[tid]
                base["cues"] = base["cues"] + [(*c, name) for c in entry["cues"]]
                base["exclude"] = base["exclude"] + [(*c, name) for c in entry["exclude"]]
                for lang, ctx in entry["context"].items():
                    base["context"][lang] = merge_context(base["context"].get(lang), ctx)
                for key in ("label", "description", "parent", "scope"):
                    if entry.get(key) is not None:
                        base[key] = entry[key]
                continue
            entry["cues"] = [(*c, name) for c in entry["cues"]]
            entry["exclude"] = [(*c, name) for c in entry["exclude"]]
            merged[tid] = entry
    for tid, e in merged.items():
        parent = e.get("parent")
        if parent is None:
            continue
        node = e["nodes"].get("parent")
        if parent == tid or parent not in merged:
            known = sorted(k for k, v in merged.items() if v.get("parent") is None)
            raise node_error(
                e["file"], node, f"theme {tid!r}: unknown parent {parent!r}; top-level themes are {known}"
            )
        if merged[parent].get("parent") is not None:
            raise node_error(
                e["file"], node, f"theme {tid!r}: parent {parent!r} is not top-level (two levels only)"
            )
    theme_rows, cue_rows = [], []
    for tid, e in merged.items():
        theme_rows.append(
            {
                "theme": tid,
                "parent": e.get("parent"),
                "label": e.get("label") or tid,
                "description": e.get("description") or "",
                "source": f"{e['file']}:{e['line']}",
                "scope": e.get("scope") or "any",
            }
        )
        for kind, key in (("include", "cues"), ("exclude", "exclude")):
            for lang, cue, node, ctx, fname in e[key]:
                ctx = merge_context(ctx, e["context"].get(lang)) if kind == "include" else {}
                cue_rows.append(
                    {
                        "theme": tid,
                        "parent": e.get("parent"),
                        "lang": lang,
                        "cue": cue,
                        "pattern": cue_pattern(cue, lang),
                        "kind": kind,
                        "source": f"{fname}:{node.start_mark.line + 1}",
                        "near": "|".join(ctx.get("near", [])),
                        "not_near": "|".join(ctx.get("not_near", [])),
                        "window": ctx.get("window", 0),
                        "body": "|".join(ctx.get("body", [])),
                    }
                )
    themes = pd.DataFrame(theme_rows, columns=THEME_COLUMNS)
    cues = pd.DataFrame(cue_rows, columns=CUE_COLUMNS).astype({"window": "int64"})
    for df in (themes, cues):
        df["parent"] = df["parent"].astype("string")
    return ThemeDictionary(themes=themes.reset_index(drop=True), cues=cues.reset_index(drop=True))
