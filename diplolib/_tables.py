"""The table grammar shared by every analysis function: column checks, ``by``, ``period``.

One rule for each, so that the same article lands in the same group whatever function counts it:

- **Column checks** name the calling function, the table, the missing columns, the columns it has, and the fix.
- **``by``** is ``None``, one column name or a list of names; it becomes a list, in order, without repeats.
- **Argument order**: the primary table first (the one whose rows are counted or transformed), the tables it
  needs by keyword (``articles=``, ``mentions=``, ``theme_hits=``, ``edges=``, ``actors=``), options after them;
  one name per table everywhere. :func:`legacy_arguments` keeps the calls of the previous release working for
  one release, with a ``DeprecationWarning``.
- **``period``** is one of :data:`PERIODS` (day, week, month, quarter, year). Periods are cut in the wall-clock time
  of the time zone the ``published`` column is stored in (``load_articles`` stores one time zone per table), never
  in UTC behind the user's back. The ``period`` column is a ``string`` holding pandas' own period label
  (``"2016"``, ``"2016Q1"``, ``"2016-03"``, ``"2016-03-07"``, weeks as ``"2016-02-29/2016-03-06"``, Monday to
  Sunday), which :class:`pandas.Period` parses back with the same ``period`` code and which sorts in time order.
  Articles without a date get ``<NA>``.

Private to diplolib: analysis modules import it; users see its rules through the functions' parameters.
"""

from __future__ import annotations

import functools
import inspect
import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence

import pandas as pd

__all__ = ["PERIODS", "PANDAS_FREQ", "NEEDED_PRECISION", "IMPRECISE",
           "as_list", "check_by", "check_columns", "check_option", "check_period",
           "infer_period", "legacy_arguments", "period_of", "period_start", "spreadsheet_safe"]

#: The allowed values of every ``period=`` parameter: day, week (Monday to Sunday), month, quarter, year.
PERIODS = ("D", "W", "M", "Q", "Y")
#: pandas' frequency of each period: ``pd.Period(label, PANDAS_FREQ[period])`` reads a label back.
PANDAS_FREQ = {"D": "D", "W": "W-SUN", "M": "M", "Q": "Q-DEC", "Y": "Y-DEC"}


def as_list(by: str | Iterable[str] | None) -> list[str]:
    """``by`` as a list of column names: ``None`` -> ``[]``, ``"source"`` -> ``["source"]``, repeats dropped."""
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    return list(dict.fromkeys(by))


def check_columns(table, columns: Sequence[str], *, func: str, name: str, fix: str) -> None:
    """Raise if ``table`` is not a DataFrame or lacks any of ``columns``.

    The message names the function, the table, what is missing, what the table has, and ``fix`` (what to do,
    e.g. "pass the mentions table from tag_actors()").
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{func}: {name} must be a pandas DataFrame, not {type(table).__name__}; {fix}.")
    missing = [c for c in dict.fromkeys(columns) if c not in table.columns]
    if missing:
        raise ValueError(f"{func}: {name} lacks column(s) {missing} (it has {list(table.columns)}); {fix}.")


def check_option(value, allowed: Sequence, *, func: str, name: str) -> None:
    """Raise ``ValueError`` naming the function and the allowed values when ``value`` is not one of them."""
    if value not in allowed:
        raise ValueError(f"{func}: {name}={value!r} is not one of {list(allowed)}.")


def check_period(period: str | None, *, func: str) -> None:
    """``period`` must be ``None`` or one of :data:`PERIODS`."""
    if period is not None:
        check_option(period, PERIODS, func=func, name="period")


def check_by(by: Sequence[str], *, func: str, reserved: Sequence[str] = ()) -> None:
    """Refuse group columns that would clash with a column the function writes (``period``, ``n`` …)."""
    clash = [c for c in by if c in reserved]
    if clash:
        raise ValueError(f"{func}: by={list(by)!r} uses reserved column name(s) {clash}; rename the column "
                         "(use period= for time groups).")


def _wall_clock(published: pd.Series) -> pd.Series:
    """Dates as naive wall-clock times of their stored time zone (strings and objects parsed as UTC)."""
    if not pd.api.types.is_datetime64_any_dtype(published):
        published = pd.to_datetime(published, errors="coerce", utc=True)
    if getattr(published.dt, "tz", None) is not None:
        published = published.dt.tz_localize(None)
    return published


#: The coarsest ``published_precision`` each period can bin: a year-only date has no month, a month-only date no
#: day (pandas reads "2015" as 2015-01-01, which a monthly count would put in January).
NEEDED_PRECISION = {"D": "day", "W": "day", "M": "month", "Q": "month", "Y": "year"}
IMPRECISE = ("report", "drop", "raise", "keep")
_RANK = {"day": 0, "month": 1, "year": 2}


def period_of(published: pd.Series, period: str, *, func: str = "period_of", precision: pd.Series | None = None,
              imprecise: str = "report") -> pd.Series:
    """The period label of each date (``string`` dtype, ``<NA>`` without a date), cut in the stored time zone.

    ``precision`` is the articles' ``published_precision`` (day, month, year; None: all dates taken as exact).
    A date coarser than the period (a year-only date by month) is not binned as January: ``imprecise="report"``
    (default) leaves it out (``<NA>``) with a warning that counts them, ``"drop"`` leaves it out silently,
    ``"raise"`` raises ValueError, ``"keep"`` bins it at the start of its year or month.

    >>> s = pd.Series(pd.to_datetime(["2016-03-31 23:30", "2016-04-01 00:30"]).tz_localize("Asia/Damascus"))
    >>> period_of(s, "Q").tolist()
    ['2016Q1', '2016Q2']
    """
    check_option(period, PERIODS, func=func, name="period")
    check_option(imprecise, IMPRECISE, func=func, name="imprecise")
    wall = _wall_clock(published)
    labels = wall.dt.to_period(PANDAS_FREQ[period]).astype("string")
    labels = labels.where(wall.notna(), pd.NA).astype("string").rename("period")
    if precision is None or imprecise == "keep":
        return labels
    rank = pd.Series(precision, index=labels.index).map(_RANK)
    coarse = (rank > _RANK[NEEDED_PRECISION[period]]) & labels.notna()
    if not coarse.any():
        return labels
    counts = pd.Series(precision, index=labels.index)[coarse].value_counts().to_dict()
    what = ", ".join(f"{n} known only to the {p}" for p, n in sorted(counts.items()))
    if imprecise == "raise":
        raise ValueError(f"{func}: {int(coarse.sum())} date(s) are too coarse for period={period!r} ({what}); use a "
                         "coarser period, or imprecise='drop' or 'keep'.")
    if imprecise == "report":
        warnings.warn(f"{func}: {int(coarse.sum())} date(s) are too coarse for period={period!r} ({what}) and are "
                      "left out rather than put in the first month or day; pass imprecise='keep' to bin them at "
                      "its start, or 'drop' to leave them out silently.", UserWarning, stacklevel=2)
    return labels.mask(coarse, pd.NA)


def period_start(labels: pd.Series, period: str) -> pd.Series:
    """The first day of each period label from :func:`period_of`, as naive timestamps (for plotting on a time axis)."""
    check_option(period, PERIODS, func="period_start", name="period")
    index = pd.PeriodIndex(labels.astype("string").fillna("NaT"), freq=PANDAS_FREQ[period])
    return pd.Series(index.start_time, index=labels.index, name=labels.name)


_LABEL_PATTERNS = (("W", re.compile(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d")), ("D", re.compile(r"\d{4}-\d\d-\d\d")),
                   ("M", re.compile(r"\d{4}-\d\d")), ("Q", re.compile(r"\d{4}Q[1-4]")), ("Y", re.compile(r"\d{4}")))


def infer_period(labels: pd.Series | Sequence[str], *, func: str = "infer_period") -> str:
    """The period code (one of :data:`PERIODS`) of labels written by :func:`period_of` (missing values ignored).

    Plots read a table's ``period`` column without being told its code: ``"2016"`` is a year, ``"2016Q1"`` a
    quarter, ``"2016-03"`` a month, ``"2016-03-07"`` a day, ``"2016-02-29/2016-03-06"`` a week.
    """
    values = [str(v) for v in pd.Series(labels, dtype=object).dropna().unique()]
    for code, pattern in _LABEL_PATTERNS:
        if values and all(pattern.fullmatch(v) for v in values):
            return code
    raise ValueError(f"{func}: the period labels {values[:3]} are not period_of() labels of one period "
                     f"{list(PERIODS)}; compute the period column with the period= option of the analysis.")


def legacy_arguments(*positional: str, renamed: Mapping[str, str] | None = None) -> Callable:
    """Keep the previous release's calls working for one release, with a ``DeprecationWarning``.

    Parameters
    ----------
    *positional : str
        Keyword-only parameters that used to be positional, in their old order: ``actor_counts(mentions,
        articles)`` becomes ``actor_counts(mentions, articles=articles)``.
    renamed : mapping of str to str, optional
        Old parameter name → new name (``{"hits": "theme_hits", "freq": "period"}``).
    """
    renamed = dict(renamed or {})

    def wrap(fn: Callable) -> Callable:
        params = inspect.signature(fn).parameters.values()
        n_positional = sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)

        @functools.wraps(fn)
        def call(*args, **kwargs):
            if len(args) > n_positional:
                extra = args[n_positional:]
                if len(extra) > len(positional):
                    raise TypeError(f"{fn.__name__}() takes {n_positional + len(positional)} positional "
                                    f"arguments at most but {len(args)} were given.")
                names = positional[:len(extra)]
                _deprecated(f"{fn.__name__}: pass {', '.join(f'{n}=' for n in names)} by keyword (the primary "
                            "table first, the other tables by keyword)")
                for name, value in zip(names, extra, strict=True):
                    if name in kwargs:
                        raise TypeError(f"{fn.__name__}() got multiple values for argument {name!r}.")
                    kwargs[name] = value
                args = args[:n_positional]
            for old, new in renamed.items():
                if old in kwargs:
                    _deprecated(f"{fn.__name__}: the {old}= parameter is now {new}=")
                    if new in kwargs:
                        raise TypeError(f"{fn.__name__}() got both {old}= and {new}=; pass {new}= only.")
                    kwargs[new] = kwargs.pop(old)
            return fn(*args, **kwargs)

        return call

    return wrap


def _deprecated(what: str) -> None:
    warnings.warn(f"{what}; the old form stops working in the next release.", DeprecationWarning, stacklevel=3)


#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    are prefixed with ``'``, as OWASP advises against CSV (formula) injection; numbers and other cells unchanged.

    Use it on every CSV diplolib writes for people to open (figure tables, ``diplolib load --out x.csv``): a title
    ``=HYPERLINK("http://…")`` from a scraped page must stay text in Excel or LibreOffice.
    """
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or isinstance(out[col].dtype, pd.StringDtype):
            values = out[col]
            text = values.map(lambda v: isinstance(v, str))
            risky = text & values.where(text, "").astype(str).str.startswith(FORMULA_STARTS)
            if risky.any():
                out[col] = values.mask(risky, "'" + values.where(risky, "").astype(str))
    return out
