"""Dates in dispatches and metadata: parsed when stated, ``None`` when not (never guessed).

Handles ISO dates and datetimes, numeric dates (``4/5/2017``, ``27-02-2016``,
``10.10.2017``; ambiguous day/month orders need ``dayfirst=``), day-month-year and
month-day-year with English, French and Arabic month names (Egyptian ``يناير`` …
and Levantine ``كانون الثاني`` …), with or without a weekday, and with
Arabic-Indic or Persian digits. A date without a year gives ``None``.

Examples
--------
>>> parse_date("16 juin 2012. - Le ministre")
Timestamp('2012-06-16 00:00:00+0000', tz='UTC')
>>> parse_date("4/5/2017") is None, parse_date("4/5/2017", dayfirst=False).month
(True, 4)
>>> parse_date("١٦ كانون الثاني ٢٠١٧").month
1
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

import numpy as np
import pandas as pd

from ..readers.common import in_range
from .matching import aligned_matching_form, matching_form

__all__ = ["parse_date", "find_date", "match_date_prefix", "infer_dayfirst", "to_timestamp"]

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate([
    "january jan janvier janv janv. يناير كانون الثاني",
    "february feb fevrier fevr fev فبراير شباط",
    "march mar mars مارس اذار",
    "april apr avril avr ابريل ابريل نيسان",
    "may mai مايو ايار",
    "june jun juin يونيو يونيه حزيران",
    "july jul juillet juil يوليو يوليه تموز",
    "august aug aout اغسطس اب",
    "september sep sept septembre سبتمبر ايلول",
    "october oct octobre اكتوبر تشرين الاول",
    "november nov novembre نوفمبر تشرين الثاني",
    "december dec decembre ديسمبر كانون الاول",
], start=1):
    _toks = _names.split()
    _i = 0
    while _i < len(_toks):  # two-word Levantine names
        if _toks[_i] in ("كانون", "تشرين"):
            _MONTHS[_toks[_i] + " " + _toks[_i + 1]] = _num
            _i += 2
        else:
            _MONTHS[_toks[_i].rstrip(".")] = _num
            _i += 1
_MONTHS = {matching_form(k): v for k, v in _MONTHS.items()}

_MONTH = "(?P<month>" + "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAYS = ("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
             "lundi mardi mercredi jeudi vendredi samedi dimanche الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد").split()
_WEEKDAY = r"(?:(?:" + "|".join(_WEEKDAYS) + r")\.?,?\s+)?"
_TIME = r"(?:,?\s+(?:at\s+|a\s+)?(?P<hour>\d{1,2})[:h](?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s*(?:gmt|utc))?)?"
_YEAR = r"(?P<year>\d{4})(?!\d)"
_DAY = r"(?P<day>\d{1,2})(?:er|st|nd|rd|th)?(?!\d)"

_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"
               r"(?:[t ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
               r"\s*(?P<tz>z|[+-]\d{2}:?\d{2})?)?"),
    re.compile(r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?!\d)"),
    re.compile(_WEEKDAY + _DAY + r"\s+(?:de\s+)?" + _MONTH + r",?\s+(?:de\s+)?" + _YEAR + _TIME),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME),
    # Jordan Times: "Last updated at Oct 082017"
    re.compile(_MONTH + r"\s+(?P<day>\d{2})(?P<year>(?:19|20)\d{2})(?!\d)" + _TIME),
    re.compile(_WEEKDAY + r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)" + _YEAR + _TIME),
]
#: What a date pattern can open with: a digit (a year, a day, a numeric date), or a word that is a weekday or the
#: first word of a month name, followed by ".", "," or whitespace (every pattern's names are followed so). Any other
#: opening word rules out all six patterns, which are then not tried (most bodies open with such a word).
_OPENING_WORDS = frozenset([*_WEEKDAYS, *(m.split()[0] for m in _MONTHS)])
_OPENING_WORD = re.compile(r"[^\s.,]*")
_LABEL = re.compile(r"(?:published(?: on)?|posted(?: on)?|date of publication|last updated(?: at| on)?|updated|"
                    r"publie le|mis a jour le|date|le)\s*:?\s*")



def to_timestamp(value: object, *, tz: str = "UTC") -> pd.Timestamp | None:
    """A tz-aware ``Timestamp`` in ``tz`` from a ``Timestamp``/``datetime`` (naive ones are taken as ``tz``),
    or from a string via :func:`parse_date`; ``None`` for NA or unparsable values."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return parse_date(value, tz=tz)
    if isinstance(value, (pd.Timestamp, datetime, np.datetime64)):
        try:
            ts = pd.Timestamp(value)
        except (ValueError, OverflowError):
            return None
        if not in_range(ts):  # 0001-01-01, 9999-12-31: no date pandas can store in nanoseconds
            return None
        return ts.tz_localize(tz) if ts.tzinfo is None else ts.tz_convert(tz)
    raise TypeError(f"Cannot read a date from {value!r} ({type(value).__name__}); pass a string or a Timestamp.")


def _build(g: dict[str, str | None], *, tz: str, dayfirst: bool | None) -> pd.Timestamp | None:
    try:
        year = int(g["year"])
        if g.get("month") is not None and not g["month"].isdigit():
            month, day = _MONTHS[g["month"]], int(g["day"])
        elif g.get("a") is not None:
            a, b = int(g["a"]), int(g["b"])
            if a == b:
                day = month = a
            elif a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                day, month = b, a
            elif dayfirst is None:
                return None  # 4/5/2017: April 5 or 4 May? say so rather than guess
            else:
                day, month = (a, b) if dayfirst else (b, a)
        else:
            month, day = int(g["month"]), int(g["day"])
        hour = int(g["hour"]) if g.get("hour") else 0
        minute = int(g["minute"]) if g.get("minute") else 0
        second = int(g["second"]) if g.get("second") else 0
        if not 1678 <= year <= 2261:  # pandas' nanosecond range
            return None
        ts = pd.Timestamp(year=year, month=month, day=day, hour=hour, minute=minute, second=second)
    except (ValueError, KeyError, OverflowError):
        return None
    off = g.get("tz")
    if off:
        off = "+00:00" if off == "z" else off
        sign = 1 if off[0] == "+" else -1
        digits = off[1:].replace(":", "")
        delta = pd.Timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return (ts - sign * delta).tz_localize("UTC").tz_convert(tz)
    return ts.tz_localize(tz)


def parse_date(s: str, *, lang: str | None = None, tz: str = "UTC",
               dayfirst: bool | None = None) -> pd.Timestamp | None:
    """The first date stated in ``s``, or ``None``.

    Parameters
    ----------
    s : str
        A date string or a text holding one (``"16 juin 2012. - Prévu…"``).
    lang : str, optional
        Language hint; month names of English, French and Arabic are always
        understood, so it is informational only.
    tz : str
        Time zone of the result; dates without an offset are taken to be in it.
    dayfirst : bool, optional
        Order of numeric dates where both orders are valid (``4/5/2017``):
        ``True`` day first, ``False`` month first (FA-KES), ``None`` → ``None``.

    Returns
    -------
    pandas.Timestamp or None
        tz-aware; ``None`` when no complete date (day, month and year) is found
        or when it is ambiguous.
    """
    if not isinstance(s, str) or not s:
        return None
    folded = matching_form(s[:400])
    for pat in _PATTERNS:
        m = pat.search(folded)
        if m is not None:
            ts = _build(m.groupdict(), tz=tz, dayfirst=dayfirst)
            if ts is not None:
                return ts
            if "a" in m.groupdict():
                return None
    return None


def match_date_prefix(text: str, *, tz: str = "UTC",
                      dayfirst: bool | None = None) -> tuple[pd.Timestamp | None, int]:
    """A date (with an optional label such as "Published", a weekday and a time) at the very start of ``text``.

    Returns
    -------
    (Timestamp or None, int)
        The date (``None`` when the prefix is a date but ambiguous) and the number
        of characters of ``text`` it covers; ``(None, 0)`` when ``text`` does not
        start with a date.
    """
    m, end = _prefix_match(text)
    if m is None:
        return None, 0
    return _build(m.groupdict(), tz=tz, dayfirst=dayfirst), end


def _prefix_match(text: str) -> tuple[re.Match | None, int]:
    """The match of a date pattern at the start of ``text`` (on its folded head) and the display offset it ends at."""
    if not isinstance(text, str) or not text:
        return None, 0
    head = text[:160]
    if head.isascii():  # the fold is one character for one: offsets are the identity
        folded, idx = matching_form(head), None
    else:
        folded, idx = aligned_matching_form(head)
    lab = _LABEL.match(folded)
    start = lab.end() if lab else 0
    if not folded[start:start + 1].isdecimal() and _OPENING_WORD.match(folded, start).group() not in _OPENING_WORDS:
        return None, 0  # no pattern can start here (see _OPENING_WORDS)
    for pat in _PATTERNS:
        m = pat.match(folded, start)
        if m is not None:
            return m, (m.end() if idx is None else int(idx[m.end() - 1]) + 1)
    return None, 0


def date_prefix_end(text: str) -> int:
    """``match_date_prefix(text)[1]`` without building the date: how many characters a leading date covers."""
    return _prefix_match(text)[1]


def find_date(text: str, *, lang: str | None = None, tz: str = "UTC",
              dayfirst: bool | None = None) -> pd.Timestamp | None:
    """The date at the start of a body (``"16 juin 2012. - …"``, ``"Wed 05 Apr 2017 …"``), or ``None``."""
    return match_date_prefix(text, tz=tz, dayfirst=dayfirst)[0]


_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}")


def infer_dayfirst(values: Iterable[object]) -> bool | None:
    """Day/month order of a column of numeric dates, from the values that show it.

    ``True`` if some value has a first number above 12 and none a second one
    above 12, ``False`` for the converse (FA-KES's ``M/D/YYYY``), ``None`` when the
    column shows neither or both.
    """
    first = second = False
    for v in values:
        if isinstance(v, str):
            m = _NUMERIC.match(v)
            if m:
                first |= int(m.group(1)) > 12
                second |= int(m.group(2)) > 12
    if first == second:
        return None
    return first
