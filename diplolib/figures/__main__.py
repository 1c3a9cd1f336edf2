"""``python -m diplolib.figures [NAME ...] [--out DIR]``: rebuild the report's figures."""

import sys

from ..cli import main

if __name__ == "__main__":
    sys.exit(main(["figures", *sys.argv[1:]]))
