"""`python -m macros.publish OUT`: generate the site's pages, JSON and assets from data/ into OUT,
without any site engine (the MkDocs adapter runs the same generation in its build)."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from ..model.catalog import DataValidationError, load_catalog
from .site_files import site_files, write

ROOT = Path(__file__).resolve().parent.parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.publish", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write into (emptied first)")
    args = parser.parse_args(argv)
    try:
        catalog = load_catalog(ROOT / "data", display_root=ROOT)
    except DataValidationError as exc:
        print(exc.summary(), file=sys.stderr)
        return 1
    shutil.rmtree(args.out, ignore_errors=True)
    count = write(site_files(catalog, ROOT / "data"), args.out)
    print(f"{count} files written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
