"""The parts of a theme file entry: scalar values, cue context (``near``/``not_near``), file:line errors.

See :mod:`diplolib.themes.dictionary` for the file format.
"""

from __future__ import annotations

import re

import pycountry
import yaml

from .cues import cue_pattern

__all__ = [
    "ThemeFileError", "DEFAULT_WINDOW", "NUMBER", "cue_context", "merge_context", "node_error", "scalar",
    "theme_context", "valid_lang", "word_lists",
]

_CONTEXT_KEYS = {"cue", "near", "not_near", "window", "body"}
#: What ``#`` stands for among the neighbours of a cue: a number.
NUMBER = r"(?<!\w)\d+(?!\w)"
_LIST_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
#: Words on each side of a cue that its ``near``/``not_near`` neighbours may be found in, by default.
DEFAULT_WINDOW = 4


class ThemeFileError(ValueError):
    """A theme file is malformed; the message starts with ``file:line:``."""


def valid_lang(code: object) -> bool:
    return isinstance(code, str) and len(code) == 2 and pycountry.languages.get(alpha_2=code) is not None


def node_error(path: str, node: yaml.Node, msg: str) -> ThemeFileError:
    return ThemeFileError(f"{path}:{node.start_mark.line + 1}: {msg}")


def scalar(path: str, node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise node_error(path, node, f"{what} must be a single value, not a list or mapping")
    return str(node.value)


def word_lists(path: str, node: yaml.Node, lists: dict[str, dict[str, list[str]]]) -> None:
    """Add the ``lists:`` of a theme file to ``lists`` (name -> language -> compiled neighbour cues).

    A list names a class of senses once (``sport: {en: [player(s), match(es)], fr: [...]}``); a cue or a theme's
    context refers to it among its neighbours as ``$sport``. A file can use the lists of the files loaded before
    it (the shipped ones: ``sport``, ``tourism``, ``culture``, ``illness``, ``accident``), not redefine them.
    """
    if not isinstance(node, yaml.MappingNode):
        raise node_error(path, node, "'lists' maps names to {language: [words]}, e.g. sport: {en: [player(s)]}")
    for knode, vnode in node.value:
        name = scalar(path, knode, "a list name")
        if not _LIST_NAME.match(name):
            raise node_error(path, knode, f"list name {name!r}: use lower-case letters, digits and '_'")
        if name in lists:
            raise node_error(path, knode, f"list {name!r} is already defined (by this or an earlier theme file): "
                             "give your list another name")
        if not isinstance(vnode, yaml.MappingNode):
            raise node_error(path, vnode, f"list {name!r} maps language codes to words: {name}: {{en: [word]}}")
        for lnode, wnode in vnode.value:
            lang = scalar(path, lnode, "a language code")
            if not valid_lang(lang):
                raise node_error(path, lnode, f"unknown language {lang!r} in list {name!r}: use a code such as en")
            items = wnode.value if isinstance(wnode, yaml.SequenceNode) else [wnode]
            words = lists.setdefault(name, {}).setdefault(lang, [])
            for item in items:
                try:
                    words.append(cue_pattern(scalar(path, item, f"a word of list {name!r}"), lang))
                except ValueError as exc:
                    raise node_error(path, item, f"list {name!r}: {exc}") from None


def cue_context(
    path: str, lang: str, node: yaml.MappingNode, key: str, *, theme_level: bool = False,
    lists: dict[str, dict[str, list[str]]] | None = None,
) -> tuple[str, dict]:
    """A cue written as a mapping: ``{cue: bodies, near: [dead, found], not_near: [state], window: 4}``
    (``theme_level``: a theme's ``context`` for one language, without ``cue``). ``$name`` among the
    neighbours stands for the words of the named list (see :func:`word_lists`) in ``lang``. ``body: [security
    council]`` makes a cue read only in documents of that body (anaphora: "the Council" in a Security Council
    document; see :mod:`diplolib.themes.bodies`); the names are kept case-folded in ``ctx["body"]``."""
    if key != "cues":
        raise node_error(path, node, f"'{key}' takes plain cues; context (near/not_near) is for 'cues' only")
    ctx: dict = {"near": [], "not_near": [], "window": DEFAULT_WINDOW, "body": []}
    cue, named = None, False
    for knode, vnode in node.value:
        k = scalar(path, knode, "a key")
        if k not in _CONTEXT_KEYS or (theme_level and k == "cue"):
            keys = sorted(_CONTEXT_KEYS - ({"cue"} if theme_level else set()))
            raise node_error(path, knode, f"unknown context key {k!r}: expected one of {keys}")
        if k == "cue":
            cue = scalar(path, vnode, "a cue")
        elif k == "body":
            if theme_level:
                raise node_error(path, knode, "'body' is a key of a cue ({cue: the council, body: [security "
                                 "council]}), not of a theme's context")
            items = vnode.value if isinstance(vnode, yaml.SequenceNode) else [vnode]
            ctx["body"] = [" ".join(scalar(path, item, "a body name").casefold().split()) for item in items]
            if not all(ctx["body"]) or any("|" in b for b in ctx["body"]):
                raise node_error(path, vnode, "'body' lists the names of bodies, e.g. body: [security council]")
        elif k == "window":
            w = scalar(path, vnode, "window")
            if not w.isdigit() or not 1 <= int(w) <= 30:
                raise node_error(path, vnode, f"window {w!r}: give a number of words from 1 to 30")
            ctx["window"] = int(w)
        else:
            items = vnode.value if isinstance(vnode, yaml.SequenceNode) else [vnode]
            for item in items:
                word = scalar(path, item, f"a word of '{k}'")
                if word == "#":  # any number: "resolution 2254", "القرار 1701"
                    ctx[k].append(NUMBER)
                    continue
                if word.startswith("$"):  # a named list of neighbours
                    if word[1:] not in (lists or {}):
                        known = sorted(lists or {})
                        raise node_error(path, item, f"'{k}': no list {word[1:]!r} (lists defined: {known}); define "
                                         "it under 'lists:' at the top of the file")
                    ctx[k].extend(p for p in lists[word[1:]].get(lang, []) if p not in ctx[k])
                    named = True
                    continue
                try:
                    ctx[k].append(cue_pattern(word, lang))
                except ValueError as exc:
                    raise node_error(path, item, f"'{k}': {exc}") from None
    if cue is None and not theme_level:
        raise node_error(path, node, "a cue with context needs 'cue:', e.g. {cue: bodies, near: [dead, found]}")
    if not ctx["near"] and not ctx["not_near"] and not named:
        if not ctx["body"]:
            raise node_error(path, node, f"cue {cue!r}: give 'near' or 'not_near' (or 'body', or write the cue as "
                             "plain text)")
        ctx["window"] = 0  # no neighbours to look for
    return cue or "", ctx


def theme_context(path: str, node: yaml.Node, lists: dict | None = None) -> dict[str, dict]:
    """``context:`` of a theme: language -> ``{near: [...], not_near: [...], window: n}`` for all its cues."""
    if not isinstance(node, yaml.MappingNode):
        raise node_error(path, node, "'context' maps language codes to {near: [...], not_near: [...], window: n}")
    out = {}
    for knode, vnode in node.value:
        lang = scalar(path, knode, "a language code")
        if not valid_lang(lang):
            raise node_error(path, knode, f"unknown language {lang!r} in 'context': use an ISO 639-1 code such as en")
        if not isinstance(vnode, yaml.MappingNode):
            raise node_error(path, vnode, "a theme's context is a mapping: {not_near: [...], window: 6}")
        out[lang] = cue_context(path, lang, vnode, "cues", theme_level=True, lists=lists)[1]
    return out


def merge_context(own: dict | None, theme: dict | None) -> dict:
    """A cue's context with its theme's: ``not_near`` lists add up; the cue's own ``near`` and
    ``window`` win over the theme's."""
    if not theme:
        return own or {}
    if not own:
        return dict(theme)
    return {
        "near": own["near"] or theme["near"],
        "not_near": own["not_near"] + [p for p in theme["not_near"] if p not in own["not_near"]],
        "window": own["window"] or theme["window"],
        "body": own.get("body", []),
    }
