"""The ``markdown`` reader: one document per file, YAML front matter for metadata, the body as plain
paragraphs.

Front matter (between ``---`` lines at the top) gives ``title``, the date (``published_time``, else ``date``),
the URL (``source_url``, ``url``), ``lang`` and ``source``; every other key is kept as an extra column.
The body loses its markdown syntax (headings marks, emphasis, links → their text, list bullets, escapes,
hard line breaks); a line ``\\###`` (the White House archive's end-of-release mark) ends the text.
"""

from __future__ import annotations

import re
from typing import Any, Literal

import yaml

from .base import DEFAULT_MAX_TEXT_CHARS, ReadError
from .common import finish_record, read_text

__all__ = ["read_markdown", "strip_markdown", "split_front_matter", "MAX_FRONT_MATTER_CHARS", "MAX_YAML_ALIASES"]

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_END = re.compile(r"^\s*\\?#{3}\s*$")
# Every pattern below runs in linear time on any line: a delimited span cannot contain its own opening
# delimiter ([^\[\]], [^_], [^<>]), so a run of unclosed openers ("_a _a _a ...", "[[[[", "<a<a<a") fails at
# the next opener instead of rescanning the rest of the line from each one (which took minutes on 100 KB).
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_EMPH = re.compile(
    r"\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*|\*(?=\S)([^*]+?)(?<=\S)\*"
    r"|(?<!\w)__(?=\S)((?:[^_]|_(?!_))+?)(?<=\S)__(?!\w)|(?<!\w)_(?=\S)([^_]+?)(?<=\S)_(?!\w)"
)
_CODE = re.compile(r"`([^`]*)`")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'$])")
#: Unpaired emphasis marks left at a word's edge ("*  " hard-break lines, emphasis over a paragraph break).
_STRAY = re.compile(
    r"^[*_]{1,3}\s+|(?:(?<=\s)|^)(?<!\\)[*_]{1,3}(?=\S|$)|(?<=\S)(?<!\\)[*_]{1,3}(?=\s|$|[.,;:!?)])"
)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


#: Front matter longer than this many characters, or using more YAML aliases (``*name``) than this, is a
#: "bad-front-matter" error: article metadata is a few lines, and a 439-byte "billion laughs" alias bomb
#: otherwise expands to gigabytes.
MAX_FRONT_MATTER_CHARS = 65_536
MAX_YAML_ALIASES = 16


class _LimitedLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses more than :data:`MAX_YAML_ALIASES` aliases."""

    n_aliases = 0

    def compose_node(self, parent, index):  # noqa: D102 - PyYAML's own hook
        if self.check_event(yaml.AliasEvent):
            self.n_aliases += 1
            if self.n_aliases > MAX_YAML_ALIASES:
                raise ReadError("bad-front-matter", f"the YAML front matter uses more than {MAX_YAML_ALIASES} "
                                                    "aliases (*name): article metadata never needs them (this is "
                                                    "how an 'alias bomb' explodes); write the values out.")
        return super().compose_node(parent, index)


def _safe_yaml(source: str) -> Any:
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise ReadError("bad-front-matter", f"the YAML front matter has {len(source):,} characters, more than "
                                            f"{MAX_FRONT_MATTER_CHARS:,}: it is not article metadata; check the "
                                            "'---' lines.")
    loader = _LimitedLoader(source)
    try:
        return loader.get_single_data()
    except RecursionError:
        raise ReadError("bad-front-matter", "the YAML front matter is nested too deeply to read: fix it.") from None
    except (ValueError, OverflowError) as exc:  # a value YAML cannot build: "2016-13-45", a 5,000-digit integer
        raise ReadError("bad-front-matter", f"the YAML front matter holds a value that cannot be read ({exc}): quote "
                                            "it or fix it.") from None
    finally:
        loader.dispose()


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``(metadata, body)``; ``({}, text)`` when there is no front matter.

    Raises
    ------
    ReadError
        "bad-front-matter" when the YAML does not parse or is not a mapping.
    """
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        meta = _safe_yaml(match.group(1) or "") or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        raise ReadError(
            "bad-front-matter",
            f"the YAML front matter does not parse{line} "
            f"({getattr(exc, 'problem', None) or exc}): quote values that hold ': ' or start with "
            "a special character, then load again.",
        ) from None
    if not isinstance(meta, dict):
        raise ReadError(
            "bad-front-matter",
            f"the front matter is a {type(meta).__name__}, not 'key: value' "
            "lines: fix it or remove the '---' lines.",
        )
    return meta, text[match.end() :]


def _inline(line: str) -> str:
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    for _ in range(2):
        line = _EMPH.sub(lambda m: next(g for g in m.groups() if g is not None), line)
    line = _STRAY.sub("", _HTML_TAG.sub("", line))
    return _ESCAPE.sub(r"\1", line)


def strip_markdown(body: str) -> str:
    """Markdown → plain text: one paragraph per block (separated by ``"\\n\\n"``), list items and headings
    as paragraphs of their own, soft line breaks joined with a space; stops at a ``\\###`` line."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            joined = _inline(" ".join(current)).strip()
            if joined:
                paragraphs.append(joined)
            current.clear()

    for raw in body.split("\n"):
        if _END.match(raw):
            break
        line = raw.strip(" \t\xa0")  # a line of NO-BREAK SPACEs is a blank line in these files
        if not line or _RULE.match(line) and not _BULLET.match(line + " x"):
            flush()
            continue
        heading = _HEADING.match(line)
        if heading or _BULLET.match(line):
            flush()
            current.append(heading.group(1) if heading else _BULLET.sub("", line, count=1))
            if heading:
                flush()
            continue
        line = _QUOTE.sub("", line)
        current.append(line.rstrip("\\").strip())
    flush()
    return "\n\n".join(paragraphs)


def _front_value(value: Any) -> Any:
    """A front-matter value as a record field: lists joined with "; ", scalars kept, anything else as text."""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def read_markdown(
    data: bytes,
    *,
    origin: str,
    encoding: str | None = None,
    encoding_errors: Literal["strict", "replace"] = "strict",
    source: str = "",
    tz: str = "UTC",
    date_format: str | None = None,
    on_bad_date: Literal["error", "keep"] = "error",
    date_keys: tuple[str, ...] = ("published_time", "published", "date"),
    lang: str | None = None,
    max_text_chars: int | None = DEFAULT_MAX_TEXT_CHARS,
) -> tuple[list[dict], list[dict]]:
    """Read one markdown file with optional YAML front matter.

    Parameters
    ----------
    date_keys
        Front-matter keys tried in order for ``published`` (all of them are also kept as columns).
    source, lang
        Outlet and language when the front matter has no ``source``/``lang`` key.

    Returns
    -------
    One record: ``title``, ``text`` (plain paragraphs), ``url``, ``published`` (tz-aware), front-matter keys
    as extra columns (values that are lists are joined with ``"; "``). Errors: "bad-front-matter", "bad-date",
    "empty", "decode", "too-large".
    """
    text = read_text(data, encoding=encoding, encoding_errors=encoding_errors)
    meta, body = split_front_matter(text)
    plain = strip_markdown(body)
    if not plain.strip():
        raise ReadError(
            "empty", "the markdown file has no body text after its front matter: remove it or fill it."
        )
    # a front-matter "text" key is metadata like any other: kept (as meta_text, see make_record), never dropped
    extra = {str(k): _front_value(v) for k, v in meta.items() if k not in ("title", "url", "lang", "source")}
    raw_date = next((meta[k] for k in date_keys if meta.get(k) not in (None, "")), None)
    record = finish_record(origin, "markdown", text=plain, title=meta.get("title"),
                           source=meta.get("source") or source, url=meta.get("source_url") or meta.get("url"),
                           lang=meta.get("lang") or lang, raw_date=raw_date if raw_date is None else str(raw_date),
                           on_bad_date=on_bad_date, date_format=date_format, tz=tz, max_text_chars=max_text_chars,
                           extra=extra)
    return [record], []
