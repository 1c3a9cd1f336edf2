"""From raw records to the articles table: the normalisation step of :func:`diplolib.load_articles`.

A raw record is one input record as a reader found it (a page, a CSV row);
:func:`normalize_articles` cleans its text, peels off boilerplate, dateline,
byline and credits, splits a page that holds several dispatches, reads dates,
identifies the language, builds the matching form and flags duplicates. Every
step can be switched off with ``steps=``.

Examples
--------
>>> import pandas as pd
>>> raw = pd.DataFrame({"origin": ["a.txt"], "source": ["sana"], "title": ["Titre"],
...                     "text": ["Damas-SANA / Le ministre a dit\u00a0: \u00ab\u00a0oui\u00a0\u00bb.\\n\\nM.A./ H.S."]})
>>> art = normalize_articles(raw, steps=["clean", "boilerplate", "byline", "credits", "dateline"])
>>> art.loc[0, ["dateline", "text", "byline"]].tolist()
['Damas-SANA', 'Le ministre a dit : "oui".', 'M.A./ H.S.']
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..readers.base import meta_name
from ..readers.common import date_precision
from .bodies import Body, chunk_bodies
from .dates import infer_dayfirst, parse_date, to_timestamp
from .duplicates import flag_duplicates
from .language import DEFAULT_LANGUAGES, detect_language

__all__ = ["normalize_articles", "STEPS", "ARTICLE_COLUMNS", "RAW_COLUMNS", "CHUNK_ROWS"]

STEPS: tuple[str, ...] = ("clean", "boilerplate", "byline", "credits", "split", "dateline", "title", "dates",
                          "language", "duplicates")
#: Column order of the articles table; ``format`` and any extra metadata columns of the raw records follow.
ARTICLE_COLUMNS: tuple[str, ...] = ("article_id", "source", "lang", "published", "title", "text", "byline",
                                    "dateline", "credits", "url", "origin", "duplicate_of", "text_match",
                                    "n_replacement_chars", "published_precision", "lang_mismatch")
#: Columns of the raw records table (the readers' contract); others are kept as extra metadata.
RAW_COLUMNS: tuple[str, ...] = ("origin", "source", "title", "text", "url", "published", "lang", "format",
                                 "article_id", "published_precision")
#: Raw records normalised at a time. The Python strings of a chunk's steps (cleaned text, parts, matching form:
#: ~10 bytes per byte of text) live only while the chunk is processed; its articles are then Arrow-backed
#: strings (~1 byte per byte of text, twice: ``text`` and ``text_match``). 5,000 news records of ~2.5 kB
#: hold ~120 MB of such temporaries; the table is the same for any chunk size.
CHUNK_ROWS = 5_000


def _str(v: Any) -> str | None:
    return v if isinstance(v, str) else None


def _origin_file(origin: str) -> str:
    return origin.split(":row", 1)[0]


def _supplied_date(published: Any, origin: str, tz: str) -> pd.Timestamp | None:
    if published is None:
        return None
    if isinstance(published, Mapping):
        value = published.get(origin, published.get(_origin_file(origin)))
        return to_timestamp(value, tz=tz) if value is not None else None
    return to_timestamp(published, tz=tz)


class _DateCache:
    """Memoised :func:`parse_date` and :func:`to_timestamp` for one call of :func:`normalize_articles`.

    Corpora repeat the same date strings and metadata dates across many records; a Timestamp is immutable, so
    the parsed value can be shared. Keys include the value's type (a naive and an aware Timestamp, or a
    ``datetime`` and a ``Timestamp``, never share an entry).
    """

    def __init__(self, tz: str) -> None:
        self.tz = tz
        self._parsed: dict[tuple[str, bool | None], pd.Timestamp | None] = {}
        self._converted: dict[tuple[type, Any], pd.Timestamp | None] = {}

    def parse(self, s: str, dayfirst: bool | None = None) -> pd.Timestamp | None:
        key = (s, dayfirst)
        try:
            return self._parsed[key]
        except KeyError:
            value = self._parsed[key] = parse_date(s, tz=self.tz, dayfirst=dayfirst)
            return value

    def convert(self, value: Any) -> pd.Timestamp | None:
        if value is None:
            return None
        if isinstance(value, str):
            return self.parse(value)
        try:
            key = (type(value), value, getattr(value, "tzinfo", None))
            hash(key)
        except TypeError:
            return to_timestamp(value, tz=self.tz)
        try:
            return self._converted[key]
        except KeyError:
            out = self._converted[key] = to_timestamp(value, tz=self.tz)
            return out


def normalize_articles(records: pd.DataFrame, *,
                       published: str | pd.Timestamp | Mapping[str, str | pd.Timestamp] | None = None,
                       tz: str = "UTC", split: bool = True, near_duplicates: bool = True,
                       steps: Sequence[str] | None = None) -> pd.DataFrame:
    """Turn raw records into the articles table.

    Parameters
    ----------
    records : DataFrame
        Raw records, one row per input record: ``origin`` and ``text`` are required;
        ``source``, ``title``, ``url``, ``published`` (string, Timestamp or NA), ``lang``
        (hint or NA) and ``format`` are read when present; any other column is
        kept unchanged as extra metadata. Not modified.
    published : str, Timestamp or mapping, optional
        A date for records that state none (neither in metadata nor at the start
        of the body): one value for all, or a mapping ``origin`` (or file part of
        ``origin``) → date. A date is never guessed.
    tz : str
        Time zone of ``published``; dates without an offset are taken to be in it.
    split : bool
        Split pages holding several dispatches (same as leaving ``"split"`` out of ``steps``).
    near_duplicates : bool
        Flag near duplicates besides exact ones.
    steps : sequence of str, optional
        The steps to run, among :data:`STEPS` (default: all): ``clean`` (Unicode,
        quotes, spaces), ``boilerplate``, ``byline``, ``credits``, ``split``,
        ``dateline``, ``title`` (drop a title repeated at the start of the body),
        ``dates`` (parse date strings), ``language``, ``duplicates``.

    Returns
    -------
    DataFrame
        One row per article, columns in this order: ``article_id`` (16 hex digits, a
        hash of ``origin`` and the dispatch's rank in its record: stable), ``source``,
        ``lang`` (``fr``/``en``/``ar``/``und`` or the record's hint), ``published``
        (tz-aware, NaT when unknown), ``title``, ``text`` (display body),
        ``byline``, ``dateline``, ``credits``, ``url``, ``origin``, ``duplicate_of``
        (id of the first copy, NA otherwise), ``text_match`` (matching form of
        ``text``), ``n_replacement_chars`` (U+FFFD in the raw title and text, counted
        on the first article of a record), ``format``, then the extra columns.
        A record whose steps fail still gives one article (cleaned text only).
    """
    on = _steps(records, steps, split)
    extras = [c for c in records.columns if c not in RAW_COLUMNS]
    extra = _extra_frame(records, extras)
    raw = records[[c for c in RAW_COLUMNS if c in records.columns]]  # what the steps read (not the extras)
    dayfirst = _dayfirst_by_file(raw) if "dates" in on and "published" in raw.columns else {}
    dates = _DateCache(tz)
    seen: dict[str, int] = {}
    frames = []
    for lo in range(0, max(len(raw), 1), CHUNK_ROWS):  # one chunk of records at a time: bounded memory
        chunk = raw.iloc[lo:lo + CHUNK_ROWS].to_dict("records")
        # the text steps once per distinct (title, text) of the chunk, cleaners and matching form over the chunk
        codes, bodies = chunk_bodies([r.get("title") for r in chunk], [r["text"] for r in chunk], on)
        langs: dict[tuple[int, str | None], list[tuple[str | None, bool]]] = {}
        rows: list[dict[str, Any]] = []
        positions: list[int] = []
        for pos, (r, code) in enumerate(zip(chunk, codes, strict=True), start=lo):
            origin = str(r["origin"]) if _str(r["origin"]) else f"row {pos}"
            n_seen = seen.get(origin, 0)
            seen[origin] = n_seen + 1
            id_base = origin if n_seen == 0 else f"{origin}\x1f{n_seen}"
            given = _given_id(r.get("article_id"), seen)
            hint = _str(r.get("lang"))
            if (code, hint) not in langs:
                langs[code, hint] = [_language(hint, part, on) for part in bodies[code].parts]
            for row in _record_articles(r, origin, given or id_base, bodies[code], langs[code, hint], on, dates,
                                        dayfirst.get(_origin_file(origin)), published, tz,
                                        given_id=given is not None):
                rows.append(row)
                positions.append(pos)
        frames.append(_articles_frame(rows, positions, extra, tz=tz))
        del rows, chunk, bodies
    out = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    if "duplicates" in on and len(out):
        out["duplicate_of"] = flag_duplicates(out, near=near_duplicates).to_numpy()
    out["duplicate_of"] = out["duplicate_of"].astype("string")
    return out


def _extra_frame(records: pd.DataFrame, extras: list[str]) -> pd.DataFrame | None:
    """The extra metadata columns, a column named like one diplolib writes renamed ``meta_<name>``
    (:func:`diplolib.readers.meta_name`), so it never collides with the articles table's own column."""
    if not extras:
        return None
    frame = records.iloc[:, [i for i, c in enumerate(records.columns) if c not in RAW_COLUMNS]]
    taken: set[str] = set()
    names = []
    for c in frame.columns:
        names.append(meta_name(c, taken))
        taken.add(names[-1])
    return frame.set_axis(names, axis=1)


def _given_id(value: Any, seen: dict[str, int]) -> str | None:
    """The source's own id (``columns={"article_id": "id"}``) as a string, ``<id>~<n>`` for its n-th repeat (ids
    stay unique); None when the record has none."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or not str(value).strip():
        return None
    given = str(value).strip()
    key = f"\x1eid:{given}"
    n = seen.get(key, 0)
    seen[key] = n + 1
    return given if n == 0 else f"{given}~{n}"


def _steps(records: pd.DataFrame, steps: Sequence[str] | None, split: bool) -> frozenset[str]:
    """The steps to run, after checking the records table."""
    if not isinstance(records, pd.DataFrame):
        raise TypeError(f"normalize_articles takes a DataFrame of raw records; got {type(records).__name__}.")
    missing = [c for c in ("origin", "text") if c not in records.columns]
    if missing:
        raise ValueError(f"Raw records need the columns {missing}; got {list(records.columns)}. "
                         "Build them with a diplolib reader or rename your columns.")
    on = set(STEPS if steps is None else steps)
    unknown = sorted(on - set(STEPS))
    if unknown:
        raise ValueError(f"Unknown step(s) {unknown}; choose among {list(STEPS)}.")
    if not split:
        on.discard("split")
    return frozenset(on)


def _dayfirst_by_file(raw: pd.DataFrame) -> dict[str, bool | None]:
    """Whether each file writes its dates day first (from all of its date strings)."""
    by_file: dict[str, list[Any]] = {}
    for origin, value in zip(raw["origin"].tolist(), raw["published"].tolist(), strict=True):
        by_file.setdefault(_origin_file(str(origin)), []).append(value)
    return {f: infer_dayfirst(v) for f, v in by_file.items()}


def _record_articles(r: dict[str, Any], origin: str, id_base: str, body: Body, langs: list[tuple[str | None, bool]],
                     on: frozenset[str], dates: _DateCache, dayfirst: bool | None, published: Any, tz: str, *,
                     given_id: bool = False) -> list[dict[str, Any]]:
    """The article rows of one raw record (one per dispatch of its ``body``, with their languages ``langs``);
    with ``given_id`` ``id_base`` is the source's own id, used as is for the first dispatch and as ``<id>-<k>``
    for the next ones."""
    meta_date = r.get("published")
    try:
        if isinstance(meta_date, str):
            meta_ts = dates.parse(meta_date, dayfirst) if "dates" in on else None
        else:
            meta_ts = dates.convert(meta_date)
    except (TypeError, ValueError):  # an unreadable date is unknown, not fatal
        meta_ts = None
    given_precision = _str(r.get("published_precision"))
    rows = []
    for k, part in enumerate(body.parts):
        ts, precision = meta_ts, (given_precision or date_precision(meta_date)) if meta_ts is not None else None
        if ts is None and "dates" in on and part["dateline"]:
            ts = dates.parse(part["dateline"])
            precision = "day" if ts is not None else None
        if ts is None:
            ts = _supplied_date(published, origin, tz)
            precision = _supplied_precision(published, origin) if ts is not None else None
        lang, mismatch = langs[k]
        rows.append({
            "article_id": ((id_base if k == 0 else f"{id_base}-{k}") if given_id
                           else hashlib.sha1(f"{id_base}\x1f{k}".encode()).hexdigest()[:16]),
            "source": _str(r.get("source")), "lang": lang, "published": ts,
            **part,
            "url": _str(r.get("url")), "origin": origin, "duplicate_of": None,
            "n_replacement_chars": body.n_bad if k == 0 else 0,
            "published_precision": precision, "lang_mismatch": mismatch,
            "format": _str(r.get("format")),
        })
    return rows


def _supplied_precision(published: Any, origin: str) -> str | None:
    value = published.get(origin, published.get(_origin_file(origin))) if isinstance(published, Mapping) else published
    return date_precision(value)


def _language(hint: str | None, part: dict[str, Any], on: frozenset[str]) -> tuple[str | None, bool]:
    """The article's ``lang`` (the source's field when it gives one, else detected) and whether the field
    disagrees with what detection plainly finds (``lang_mismatch``: detection among fr/en/ar and the field's
    language, not ``und``, and another language than the field's)."""
    if "language" not in on:
        return (hint.strip().lower() if hint else None), False
    if not hint:
        return detect_language(f"{part['title'] or ''}\n\n{part['text']}"), False
    lang = hint.strip().lower()
    code = lang.replace("_", "-").split("-", 1)[0]
    if not (len(code) == 2 and code.isalpha()):
        return lang, False
    found = detect_language(f"{part['title'] or ''}\n\n{part['text']}",
                            languages=tuple(dict.fromkeys((*DEFAULT_LANGUAGES, code))))
    return lang, found not in ("und", code)


def _articles_frame(rows: list[dict[str, Any]], positions: list[int], extra: pd.DataFrame | None, *,
                    tz: str) -> pd.DataFrame:
    """The articles table of one chunk of article rows: extra metadata, dtypes (duplicates come after)."""
    out = pd.DataFrame(rows, columns=[*ARTICLE_COLUMNS, "format"])
    if extra is not None:  # extra metadata kept as is, dtypes included
        out = pd.concat([out, extra.iloc[positions].reset_index(drop=True)], axis=1)
    out["published"] = pd.to_datetime(pd.Series([t if t is not None else pd.NaT for t in out["published"]],
                                                dtype=object), utc=True).dt.tz_convert(tz).astype(
        f"datetime64[ns, {tz}]")
    out["n_replacement_chars"] = out["n_replacement_chars"].astype("int64")
    out["published_precision"] = out["published_precision"].astype("string")
    out["lang_mismatch"] = out["lang_mismatch"].astype("bool")
    for c in ("article_id", "source", "lang", "title", "text", "byline", "dateline", "credits", "url", "origin",
              "text_match", "format"):
        out[c] = out[c].astype("string")
    return out
