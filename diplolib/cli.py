"""The ``diplolib`` command: thin wrappers over the library.

    diplolib data list
    diplolib data fetch NAME [NAME ...] | --all  [--mirror DIR_OR_URL] [--force]
    diplolib figures [NAME ...] [--out DIR] [--list]
    diplolib load PATH [--columns FIELD=COLUMN ...] [--format F] [--preset P] [--encoding E] [--steps S ...]
                  [--out FILE.parquet|FILE.csv] [--errors FILE.csv]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _data_list(args: argparse.Namespace) -> int:
    from . import datasets

    table = datasets.available()[["name", "documents", "lang", "licence", "mirror_only", "fetched"]]
    with __import__("pandas").option_context("display.width", 200, "display.max_colwidth", 60):
        print(table.to_string(index=False))
    return 0


def _data_fetch(args: argparse.Namespace) -> int:
    from . import datasets

    names = sorted(datasets.catalogue()) if args.all else args.names
    if not names:
        print("diplolib data fetch: name a corpus (see 'diplolib data list') or pass --all.", file=sys.stderr)
        return 2
    failed = 0
    for name in names:
        try:
            where = datasets.fetch(name, mirror=args.mirror, force=args.force, progress=not args.quiet)
        except (datasets.FetchError, datasets.UnsafeArchiveError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"{name}: {where}")
    return 1 if failed else 0


def _figures(args: argparse.Namespace) -> int:
    from . import figures

    if args.list:
        for name, spec in sorted(figures.FIGURES.items()):
            print(f"{name}: {spec.description}")
        return 0
    built = figures.build(args.names or None, out=args.out)
    for row in built.itertuples():
        print(f"{row.name}: {row.png} ({row.rows} rows in {row.csv.name})")
    return 0


def _columns(pairs: Sequence[str]) -> dict[str, str] | None:
    mapping = {}
    for pair in pairs or ():
        fld, sep, col = pair.partition("=")
        if not sep or not fld or not col:
            raise ValueError(f"--columns {pair!r}: write FIELD=COLUMN, e.g. --columns text=body published=date.")
        mapping[fld.strip()] = col.strip()
    return mapping or None


def _write_table(table, path: str) -> None:
    from pathlib import Path

    from ._tables import spreadsheet_safe

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix.lower() == ".parquet":
        table.to_parquet(target, index=False)
    elif target.suffix.lower() in (".csv", ".tsv"):
        spreadsheet_safe(table).to_csv(target, index=False, sep="\t" if target.suffix.lower() == ".tsv" else ",")
    else:
        raise ValueError(f"{path}: write to a .parquet, .csv or .tsv file.")


def _errors_path(args: argparse.Namespace) -> str | None:
    """``--errors``, else ``<out without its suffix>.errors.csv`` beside ``--out``, else None."""
    if args.errors or not args.out:
        return args.errors
    return str(__import__("pathlib").Path(args.out).with_suffix("")) + ".errors.csv"


def _load(args: argparse.Namespace) -> int:
    from .load import load_articles

    try:
        options = {k: v for k, v in (("format", args.format), ("preset", args.preset), ("encoding", args.encoding),
                                     ("steps", args.steps)) if v}
        articles, errors = load_articles(args.path, columns=_columns(args.columns), **options)
        if args.out:
            _write_table(articles, args.out)
        if _errors_path(args):
            _write_table(errors, _errors_path(args))
    except (ValueError, TypeError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{len(articles)} articles, {len(errors)} load errors" + (f" -> {args.out}" if args.out else ""))
    if len(errors):
        for code, n in errors["error"].value_counts().items():
            print(f"  {code}: {n}  e.g. {errors.loc[errors['error'] == code, 'origin'].iloc[0]}")
        print(f"  every error row, with what to do: {_errors_path(args) or 'pass --errors FILE.csv'}")
    return 1 if len(errors) and not len(articles) else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diplolib", description="Diplomatic news as tidy tables.")
    sub = parser.add_subparsers(dest="command", required=True)

    data = sub.add_parser("data", help="the sample corpora: list and fetch")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    lst = data_sub.add_parser("list", help="the catalogue, with what is already in the data cache")
    lst.set_defaults(func=_data_list)
    fetch = data_sub.add_parser("fetch", help="download (or copy from a mirror), verify and unpack corpora")
    fetch.add_argument("names", nargs="*", metavar="NAME", help="catalogue names")
    fetch.add_argument("--all", action="store_true", help="every corpus in the catalogue")
    fetch.add_argument("--mirror", help="folder or http(s) address laid out like ../shared/data "
                                        "(default: $DIPLOLIB_MIRROR)")
    fetch.add_argument("--force", action="store_true", help="fetch again even if already verified")
    fetch.add_argument("--quiet", action="store_true", help="no progress bars")
    fetch.set_defaults(func=_data_fetch)

    figs = sub.add_parser("figures", help="rebuild the report's figures (PNG + CSV + manifest)")
    figs.add_argument("names", nargs="*", metavar="NAME", help="figures to build (default: all)")
    figs.add_argument("--out", help="output folder (default: figures/)")
    figs.add_argument("--list", action="store_true", help="list the registered figures")
    figs.set_defaults(func=_figures)

    load = sub.add_parser("load", help="load your own files into an articles table, with the load-error report")
    load.add_argument("path", help="a file, a folder or an archive")
    load.add_argument("--columns", nargs="*", metavar="FIELD=COLUMN", help="e.g. text=body published=date")
    load.add_argument("--format", help="reader for every file (csv, jsonl, html, markdown, page, filename)")
    load.add_argument("--preset", help="a CSV preset (fa-kes, sib200)")
    load.add_argument("--encoding", help="the files' encoding, when known")
    load.add_argument("--steps", nargs="*", help="normalisation steps to run (default: all)")
    load.add_argument("--out", help="write the articles to FILE.parquet, .csv or .tsv")
    load.add_argument("--errors", help="write the load errors to this CSV (default: beside --out)")
    load.set_defaults(func=_load)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``diplolib`` command; returns the exit status."""
    args = _parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
