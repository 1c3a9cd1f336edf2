"""The ``jsonl`` reader: JSON lines (one object per line; also a JSON array of objects), one record per
object.

Fields are mapped like the CSV reader's columns (``columns={"text": "body", ...}``, with common names guessed:
``text``, ``title``, ``sourceName``/``source``, ``sourceUrl``/``url``, ``date``/``published``, ``lang``); all
other fields are kept as extra columns (``_id`` included). A line that is not valid JSON becomes an error row
and the rest loads.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

from .base import DEFAULT_MAX_TEXT_CHARS, ReadError, error_row
from .common import finish_record, read_text
from .delimited import check_columns_option

__all__ = ["read_jsonl"]

_GUESSES = {
    "text": ("text", "content", "body", "article", "article_content"),
    "title": ("title", "headline", "article_title"),
    "published": ("published", "date", "published_at", "datePublished", "pubDate", "published_time"),
    "source": ("source", "sourceName", "outlet", "publisher"),
    "url": ("url", "sourceUrl", "source_url", "link"),
    "lang": ("lang", "language"),
    "article_id": (),  # only on request: columns={"article_id": "id"}
}


def _pick(obj: dict, field: str, columns: Mapping[str, str]) -> str | None:
    if field in columns:
        return columns[field] if columns[field] in obj else None
    return next((k for k in _GUESSES[field] if k in obj), None)


def _flat(value: Any) -> Any:
    """A list of scalars stays a list (``category``, ``topics``); objects and nested lists become JSON text."""
    if isinstance(value, list) and all(v is None or isinstance(v, (str, int, float, bool)) for v in value):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


_TOO_DEEP = ("is nested too deeply to read (more levels than Python's recursion limit): it is not an "
             "article record; repair or remove it.")


def read_jsonl(
    data: bytes,
    *,
    origin: str,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    encoding_errors: Literal["strict", "replace"] = "strict",
    source: str = "",
    tz: str = "UTC",
    date_format: str | None = None,
    on_bad_date: Literal["error", "keep"] = "error",
    lang: str | None = None,
    max_text_chars: int | None = DEFAULT_MAX_TEXT_CHARS,
) -> tuple[list[dict], list[dict]]:
    """Read a JSON-lines file (UTF-8 with or without BOM), one record per object.

    Parameters
    ----------
    columns
        Record field → JSON key, e.g. ``{"text": "body"}``; a mapped key missing from an object makes that
        line a "missing-column" error.

    Returns
    -------
    (records, errors). Origins are ``"<file>:line N"``. Lists of scalars stay lists (one list column in
    the articles table); objects and nested lists are kept as JSON strings.
    Error codes: "bad-json", "not-an-object", "missing-column", "empty", "too-large", "bad-date".
    """
    columns = check_columns_option(columns)
    items, unit = _items(read_text(data, encoding=encoding, encoding_errors=encoding_errors))
    _check_mapped_keys(items, columns)
    options = {"source": source, "lang": lang, "tz": tz, "date_format": date_format, "on_bad_date": on_bad_date,
               "max_text_chars": max_text_chars}
    records, errors = [], []
    for i, obj, exc in items:
        where = f"{origin}:{unit} {i}"
        try:
            records.append(_record(where, unit, i, obj, exc, columns, **options))
        except ReadError as err:
            errors.append(error_row(where, err.code, err.message))
        except RecursionError:
            errors.append(error_row(where, "bad-json", f"{unit} {i} {_TOO_DEEP}"))
    return records, errors


def _check_mapped_keys(items: list, columns: Mapping[str, str]) -> None:
    """Raise a "missing-column" :class:`ReadError` when a key ``columns=`` maps is in none of the file's objects
    (``{"published": "datee"}`` would otherwise load every date empty without a word)."""
    keys: set[str] = set()
    for _, obj, _ in items:
        if isinstance(obj, dict):
            keys.update(obj)
    if not keys:
        return
    absent = {f: k for f, k in columns.items() if k not in keys}
    if absent:
        raise ReadError("missing-column", f"columns= maps {absent}, but no object of the file has that key; the "
                                          f"keys are {sorted(keys)[:30]}: fix columns=.")


def _is_json_lines(text: str) -> bool:
    """True if ``text`` (starting with ``[``) is JSON lines whose first line is an array: the first line parses
    (or is too deep to parse) on its own and more lines follow."""
    first, sep, rest = text.partition("\n")
    if not sep or not rest.strip():
        return False
    try:
        json.loads(first)
    except RecursionError:
        return True
    except ValueError:
        return False
    return True


def _items(text: str) -> tuple[list[tuple[int, Any, Exception | None]], str]:
    """``(number, object, parse error)`` of each line (or item of a JSON array), and the unit's name."""
    stripped = text.lstrip()
    if stripped.startswith("[") and not _is_json_lines(stripped):
        try:
            items = json.loads(stripped)
        except RecursionError:
            raise ReadError("bad-json", f"the JSON array {_TOO_DEEP}") from None
        except ValueError as exc:  # JSONDecodeError, or an integer of more than 4,300 digits
            raise ReadError("bad-json", f"the file starts like a JSON array but does not parse ({exc}): repair it, "
                                        "or write one JSON object per line.") from None
        return [(i, item, None) for i, item in enumerate(items if isinstance(items, list) else [items], 1)], "item"
    lines = []
    for i, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            lines.append((i, json.loads(line), None))
        except RecursionError:
            lines.append((i, None, RecursionError(_TOO_DEEP)))
        except ValueError as exc:  # JSONDecodeError, or an integer of more than 4,300 digits
            lines.append((i, None, exc))
    return lines, "line"


def _record(where: str, unit: str, i: int, obj: Any, exc: Exception | None, columns: Mapping[str, str],
            *, source: str, lang: str | None, **tail: Any) -> dict:
    """The record of one JSON object, or a :class:`ReadError` naming the line and what to do."""
    if isinstance(exc, RecursionError):
        raise ReadError("bad-json", f"{unit} {i} {exc}")
    if exc is not None and not isinstance(exc, json.JSONDecodeError):
        raise ReadError("bad-json", f"{unit} {i} cannot be read ({exc}); repair or remove that line.")
    if exc is not None:
        raise ReadError("bad-json", f"{unit} {i} is not valid JSON ({exc.msg} at column {exc.colno}): it is "
                                    "probably cut short; repair or remove that line.")
    if not isinstance(obj, dict):
        raise ReadError("not-an-object", f"{unit} {i} is a JSON {type(obj).__name__}, not an object with fields: "
                                         "each line must be one {...} object.")
    keys = {f: _pick(obj, f, columns) for f in _GUESSES}
    if keys["text"] is None:
        want = columns.get("text", "text")
        raise ReadError("missing-column", f"{unit} {i} has no {want!r} field (it has {sorted(obj)[:12]}): "
                                          "pass columns={'text': '<field with the body>'}.")
    body = obj[keys["text"]]
    if not isinstance(body, str) or not body.strip():
        raise ReadError("empty", f"{unit} {i}: the {keys['text']!r} field is empty or not a string; nothing to load.")
    found = {f: (obj.get(k) if k else None) for f, k in keys.items()}
    extra = {k: _flat(v) for k, v in obj.items() if k not in set(keys.values())}
    try:
        record = finish_record(where, "jsonl", text=body, title=found["title"], source=found["source"] or source,
                               url=found["url"], lang=found["lang"] or lang, extra=extra,
                               raw_date=found["published"], **tail)
    except ReadError as err:
        raise ReadError(err.code, f"{unit} {i}: {err.message}") from None
    if "article_id" in columns:
        record["article_id"] = None if found["article_id"] is None else str(found["article_id"])
    return record
