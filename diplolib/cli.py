"""The ``diplolib`` command: thin wrappers over the library.

    diplolib data list
    diplolib data fetch NAME [NAME ...] | --all  [--mirror DIR_OR_URL] [--force]
    diplolib figures [NAME ...] [--out DIR] [--list]
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``diplolib`` command; returns the exit status."""
    args = _parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
