"""Comparisons: what the compare page costs to load, and how the pages grow with the data.
Prints figures; asserts nothing.

    .venv/bin/python bench/bench_compare.py

- Weight: api/frameworks.json and the compare scripts, raw and gzipped, against Material's own
  JavaScript bundle measured in the same build (the baseline every page already loads).
- Scale: the pages the comparisons add (one per curated comparison) against what generating a
  page for every set of 2 to 4 frameworks would take.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from math import comb
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.model.catalog import load_catalog  # noqa: E402
from macros.model.sections.comparisons import Comparisons  # noqa: E402
from macros.views.sections.comparisons import COMPARE_ANY_MAX, COMPARE_ANY_MIN  # noqa: E402


def sizes(path: Path) -> tuple[int, int]:
    raw = path.read_bytes()
    return len(raw), len(gzip.compress(raw, compresslevel=9))


def row(label: str, raw: int, zipped: int, baseline: int) -> str:
    return f"  {label:<34} {raw:>9,} B raw  {zipped:>8,} B gzip  {zipped / baseline:>5.2f}x Material's bundle"


def main() -> None:
    catalog = load_catalog(ROOT / "data", display_root=ROOT)
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as scratch:
        site = Path(scratch) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                       cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True)
        bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js"))
        baseline = sizes(bundle)[1]
        print("Weight of the compare page's own files (gzip level 9)")
        print(row("Material bundle.js (baseline)", *sizes(bundle), baseline))
        for path in ("api/frameworks.json", "assets/js/compare.mjs", "assets/js/compare-core.mjs", "compare/index.html"):
            print(row(path, *sizes(site / path), baseline))
        pages = sum(1 for _ in (site / "compare").glob("*/index.html"))

    n = len(catalog.frameworks)
    curated = len(catalog.section(Comparisons).items)
    every_set = sum(comb(n, k) for k in range(COMPARE_ANY_MIN, COMPARE_ANY_MAX + 1))
    print(f"\nScale ({n} frameworks)")
    print(f"  comparison pages built:            {pages} ({curated} curated; linear in comparisons.yaml)")
    print(f"  pages for every set of {COMPARE_ANY_MIN}-{COMPARE_ANY_MAX}:       {every_set:,} (not built: compare-any renders them client-side)")
    print(f"  ratio:                             {pages / every_set:.5f}")


if __name__ == "__main__":
    main()
