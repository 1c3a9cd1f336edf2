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

import numpy as np
import pandas as pd

from .._memory import rows_as_list
from ..readers.base import meta_name
from .article_dates import DateCache, chunk_dates, dayfirst_by_file, meta_dates, string_date_files
from .bodies import Body, chunk_bodies
from .columnar import matching_forms
from .duplicates import SignatureChunks, duplicates_of_signatures, flag_duplicates
from .language import DEFAULT_LANGUAGES, SAMPLE_CHARS, detect_language, known_languages

__all__ = ["normalize_articles", "ArticleRun", "DatesAcrossBlocks", "finish_articles", "resolve_steps", "STEPS",
           "ARTICLE_COLUMNS", "RAW_COLUMNS", "CHUNK_ROWS"]

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


def text_or_none(v: Any) -> str | None:
    """``v`` when it is a string, else None (NA, NaN, numbers)."""
    return v if isinstance(v, str) else None


def texts_or_none(values: list[Any]) -> list[str | None]:
    """``[text_or_none(v) for v in values]``: ``values`` itself when every value is a string or None (read from the
    set of the values' types, one C-level pass), else the list with every other value made None."""
    if set(map(type, values)) <= {str, type(None)}:
        return values
    return [v if isinstance(v, str) else None for v in values]


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
    on = resolve_steps(records, steps, split)
    extras = [c for c in records.columns if c not in RAW_COLUMNS]
    extra = _extra_frame(records, extras)
    raw = records[[c for c in RAW_COLUMNS if c in records.columns]]  # what the steps read (not the extras)
    frames = ArticleRun(on, published=published, tz=tz).block(raw, extra)
    return finish_articles(frames, on, near_duplicates=near_duplicates)


class DatesAcrossBlocks(Exception):
    """Date strings of one file (``origin_file``) met in two blocks of records: the day-first order of that file,
    read from all of its date strings, cannot be decided one block at a time (see :meth:`ArticleRun.block`)."""


class ArticleRun:
    """One normalisation of raw records handed over in blocks (all at once, or a few files at a time): what the
    blocks share. Ids count the origins and given ids met in earlier blocks (they stay unique), dates are parsed
    once per run, ``row <i>`` origins number the records from the first block. The day-first order of a file's
    date strings is read within a block, so a file's records must all be in one block (the readers' chunks never
    split a file); :meth:`block` raises :class:`DatesAcrossBlocks` when a file's date strings turn up in two
    blocks, for the caller to normalise all records at once instead."""

    def __init__(self, on: frozenset[str], *, published: Any, tz: str) -> None:
        self.on, self.published, self.tz = on, published, tz
        self.dates = DateCache(tz)
        self.seen: dict[str, int] = {}
        self.rows = 0
        self._string_date_files: set[str] = set()

    def block(self, raw: pd.DataFrame, extra: pd.DataFrame | None) -> list[pd.DataFrame]:
        """The articles tables of a block of raw records (``raw``: the columns of :data:`RAW_COLUMNS` it has;
        ``extra``: the block's extra columns or None), ``CHUNK_ROWS`` records at a time; no duplicates yet."""
        on, tz = self.on, self.tz
        dayfirst = dayfirst_by_file(raw) if "dates" in on and "published" in raw.columns else {}
        if dayfirst:
            files = string_date_files(raw)
            if self.rows and not files.isdisjoint(self._string_date_files):
                raise DatesAcrossBlocks(sorted(files & self._string_date_files)[:3])
            self._string_date_files |= files
        frames = []
        for lo in range(0, max(len(raw), 1), CHUNK_ROWS):  # one chunk of records at a time: bounded memory
            part = raw.iloc[lo:lo + CHUNK_ROWS]
            cols = {c: part[c].tolist() for c in part.columns}
            n = len(part)
            # the text steps once per distinct (title, text) of the chunk, cleaners and matching form over the chunk
            codes, bodies = chunk_bodies(cols.get("title", [None] * n), cols["text"], on)
            frames.append(_chunk_table(cols, n, lo, codes, bodies, extra, on, self.dates, dayfirst, self.published,
                                       tz, self.seen, part["published"] if "published" in part.columns else None,
                                       row0=self.rows))
            del cols, bodies
        self.rows += len(raw)
        return frames


def finish_articles(frames: list[pd.DataFrame], on: frozenset[str], *, near_duplicates: bool = True,
                    extra: pd.DataFrame | None = None, signatures: SignatureChunks | None = None) -> pd.DataFrame:
    """The articles tables of the chunks as one table (``extra``: extra columns to append, one row per article),
    duplicates flagged over all of it. ``signatures``: the duplicate signatures of the chunks' ``text_match``,
    for frames that no longer hold that column (the candidates' matching forms are then made again from ``text``:
    ``text_match`` is ``matching_forms`` of ``text``, tested)."""
    out = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    if extra is not None:
        out = pd.concat([out, extra], axis=1)
    if "duplicates" in on and len(out) and signatures is not None:
        texts = out["text"]
        out["duplicate_of"] = duplicates_of_signatures(signatures.signatures(), out["article_id"].tolist(),
                                                       lambda at: matching_forms(rows_as_list(texts, at)),
                                                       near=near_duplicates)
    elif "duplicates" in on and len(out):
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


def given_article_id(value: Any, seen: dict[str, int]) -> str | None:
    """The source's own id (``columns={"article_id": "id"}``) as a string, ``<id>~<n>`` for its n-th repeat (ids
    stay unique); None when the record has none."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or not str(value).strip():
        return None
    given = str(value).strip()
    key = f"\x1eid:{given}"
    n = seen.get(key, 0)
    seen[key] = n + 1
    return given if n == 0 else f"{given}~{n}"


def resolve_steps(records: pd.DataFrame, steps: Sequence[str] | None, split: bool) -> frozenset[str]:
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


def _column(cols: dict[str, list[Any]], name: str, n: int) -> list[Any]:
    """A raw column of the chunk as a list (all None when the records have no such column)."""
    return cols[name] if name in cols else [None] * n


def _record_keys(cols: dict[str, list[Any]], n: int, lo: int, seen: dict[str, int]) -> tuple[list[str], list[str],
                                                                                           list[bool]]:
    """Each record's ``origin`` (``row <i>`` when it has none), the base of its articles' ids and whether that base
    is the source's own id; ``seen`` counts the origins and given ids met so far (across chunks)."""
    origins = [str(o) if isinstance(o, str) and o else f"row {pos}"
               for pos, o in enumerate(cols["origin"], start=lo)]
    bases, given_flags = [], []
    given_ids = cols.get("article_id")
    for i, origin in enumerate(origins):
        n_seen = seen.get(origin, 0)
        seen[origin] = n_seen + 1
        given = given_article_id(given_ids[i], seen) if given_ids is not None else None
        bases.append(given or (origin if n_seen == 0 else f"{origin}\x1f{n_seen}"))
        given_flags.append(given is not None)
    return origins, bases, given_flags


def _chunk_table(cols: dict[str, list[Any]], n: int, lo: int, codes: list[int], bodies: list[Body],
                 extra: pd.DataFrame | None, on: frozenset[str], dates: DateCache, dayfirst: dict[str, bool | None],
                 published: Any, tz: str, seen: dict[str, int],
                 published_column: pd.Series | None = None, row0: int = 0) -> pd.DataFrame:
    """The articles table of one chunk of raw records (columns ``cols``, first position ``lo`` in its block, whose
    first record is the run's ``row0``-th: ``row <i>`` origins count from there), built column by
    column: the fields of the dispatches are taken from the distinct bodies with one index array, the record
    fields with another, languages once per distinct (body, ``lang`` hint), dates once per distinct string.
    Same table as :func:`~diplolib.normalize.articles_reference.chunk_table_reference` (the record-by-record
    definition; tested)."""
    origins, bases, given_flags = _record_keys(cols, n, row0 + lo, seen)
    code, per_record, rec, k, flat = _article_index(codes, bodies, n)
    if not len(rec):
        return articles_frame([], [], extra, tz=tz)
    parts = [p for b in bodies for p in b.parts]
    found, lang_at = _languages(codes, texts_or_none(_column(cols, "lang", n)), bodies, on, rec, k)
    # dates: the record's metadata date, else the dispatch's dateline, else the date supplied by the caller
    meta_ts, meta_precision = meta_dates(cols, n, origins, on, dates, dayfirst, published_column)
    recs, ks = rec.tolist(), k.tolist()
    moments, precisions = chunk_dates(meta_ts, meta_precision, recs, flat, parts, origins, on, dates, published, tz)
    ids = _article_ids(bases, given_flags, recs, ks)

    one_per_record = bool((per_record == 1).all())
    distinct_parts = len(flat) == len(parts) and bool((flat == np.arange(len(flat))).all())

    def by_record(values: list[Any]) -> pd.api.extensions.ExtensionArray:
        column = pd.array(values, dtype="string")
        return column if one_per_record else column.take(rec)

    def by_part(field: str) -> pd.api.extensions.ExtensionArray:
        column = pd.array([p[field] for p in parts], dtype="string")
        return column if distinct_parts else column.take(flat)

    n_bad = np.asarray([b.n_bad for b in bodies], dtype=np.int64)[code][rec]
    out = pd.DataFrame({
        "article_id": pd.array(ids, dtype="string"),
        "source": by_record(texts_or_none(_column(cols, "source", n))),
        "lang": pd.array([f[0] for f in found], dtype="string").take(lang_at),
        "published": moments,
        "title": by_part("title"), "text": by_part("text"), "byline": by_part("byline"),
        "dateline": by_part("dateline"), "credits": by_part("credits"),
        "url": by_record(texts_or_none(_column(cols, "url", n))),
        "origin": by_record(origins),
        "duplicate_of": np.full(len(rec), None, dtype=object),
        "text_match": by_part("text_match"),
        "n_replacement_chars": np.where(k == 0, n_bad, 0).astype("int64"),
        "published_precision": pd.array(precisions, dtype="string"),
        "lang_mismatch": np.asarray([f[1] for f in found], dtype=bool)[lang_at],
        "format": by_record(texts_or_none(_column(cols, "format", n))),
    })
    if extra is not None:  # extra metadata kept as is, dtypes included
        out = pd.concat([out, extra.iloc[lo + rec].reset_index(drop=True)], axis=1)
    return out


def _article_index(codes: list[int], bodies: list[Body], n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                           np.ndarray, np.ndarray]:
    """Where the articles of a chunk come from: the distinct body of each record (``code``), the number of articles
    of each record (``per_record``) and, for each article, its record (``rec``), its rank in that record (``k``)
    and its dispatch among those of the distinct bodies (``flat``)."""
    n_parts = np.fromiter((len(b.parts) for b in bodies), np.int64, len(bodies))
    code = np.asarray(codes, dtype=np.int64)
    per_record = n_parts[code]
    rec = np.repeat(np.arange(n), per_record)  # the record of each article
    k = np.arange(len(rec)) - (np.cumsum(per_record) - per_record)[rec]  # the article's rank in its record
    flat = (np.cumsum(n_parts) - n_parts)[code][rec] + k  # its dispatch among those of the distinct bodies
    return code, per_record, rec, k, flat


def _languages(codes: list[int], hints: list[str | None], bodies: list[Body], on: frozenset[str], rec: np.ndarray,
               k: np.ndarray) -> tuple[list[tuple[str | None, bool]], np.ndarray]:
    """The (``lang``, ``lang_mismatch``) pairs found once per distinct (body, ``lang`` hint) of the chunk's
    records, and the position of each article's pair among them."""
    pair_index: dict[tuple[int, str | None], int] = {}
    pair_start: list[int] = []
    pair_of: list[int] = []
    found: list[tuple[str | None, bool]] = []
    for c, hint in zip(codes, hints, strict=True):
        j = pair_index.get((c, hint))
        if j is None:
            j = pair_index[c, hint] = len(pair_start)
            pair_start.append(len(found))
            found.extend(article_language(hint, p, on) for p in bodies[c].parts)
        pair_of.append(j)
    lang_at = np.asarray(pair_start, dtype=np.int64)[np.asarray(pair_of, dtype=np.int64)][rec] + k
    return found, lang_at


def _article_ids(bases: list[str], given_flags: list[bool], recs: list[int], ks: list[int]) -> list[str]:
    """Each article's id: the source's own id of its record (``<id>-<k>`` after the first dispatch), else 16 hex
    digits of a hash of its record's id base and its rank ``k``."""
    return [((bases[r] if kk == 0 else f"{bases[r]}-{kk}") if given_flags[r]
             else hashlib.sha1(f"{bases[r]}\x1f{kk}".encode()).hexdigest()[:16])
            for r, kk in zip(recs, ks, strict=True)]


def article_language(hint: str | None, part: dict[str, Any], on: frozenset[str]) -> tuple[str | None, bool]:
    """The article's ``lang`` (the source's field when it gives one, else detected) and whether the field
    disagrees with what detection plainly finds (``lang_mismatch``: detection among fr/en/ar and the field's
    language, not ``und``, and another language than the field's)."""
    if "language" not in on:
        return (hint.strip().lower() if hint else None), False
    if not hint:
        return detect_language(_language_sample(part)), False
    lang = hint.strip().lower()
    code = lang.replace("_", "-").split("-", 1)[0]
    # a hint in no language the identifier knows ("xx", "zz-1") is kept as the source gives it: detection
    # cannot say whether the text is in it, so no mismatch is reported
    if not (len(code) == 2 and code.isalpha()) or code not in known_languages():
        return lang, False
    found = detect_language(_language_sample(part),
                            languages=tuple(dict.fromkeys((*DEFAULT_LANGUAGES, code))))
    return lang, found not in ("und", code)


def _language_sample(part: dict[str, Any]) -> str:
    """``f"{title}\\n\\n{text}"`` of a dispatch, cut after the :data:`~diplolib.normalize.language.SAMPLE_CHARS`
    characters :func:`detect_language` reads: the same sample, without a copy of the whole body."""
    text = part["text"]
    return f"{part['title'] or ''}\n\n{text[:SAMPLE_CHARS] if isinstance(text, str) else text}"


def articles_frame(rows: list[dict[str, Any]], positions: list[int], extra: pd.DataFrame | None, *,
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
