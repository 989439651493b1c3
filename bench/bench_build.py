"""Build time: our site against a bare Material build of the same rendered pages, and our build
with the data multiplied by 1, 3 and 10 (bench/synthetic.py). Prints figures; asserts nothing.

    .venv/bin/python bench/bench_build.py [--runs N]

Each figure is the median of N builds (default 3), measured in this run, baseline included.
Goals: ours / bare <= 1.3; 10x data in <= 10x the time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import multiply  # noqa: E402
from tests.helpers.project import copy_project  # noqa: E402

FACTORS = (1, 3, 10)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(project: Path, site: Path, strict: bool = True) -> float:
    """Seconds for one build into a new folder (removing a previous build is not timed)."""
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    start = time.perf_counter()
    done = subprocess.run(command + (["--strict"] if strict else []), cwd=project, env=ENV,
                          capture_output=True, text=True, timeout=1800)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build failed in {project}:\n{done.stdout}\n{done.stderr}")
    return elapsed


def median_build(project: Path, site: Path, runs: int, strict: bool = True) -> float:
    return statistics.median(build(project, site, strict) for _ in range(runs))


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as scratch:
        work = Path(scratch)
        bare = work / "bare"
        subprocess.run([sys.executable, "-m", "tests.audit.bare_material", str(bare)], cwd=ROOT, env=ENV,
                       check=True, capture_output=True)
        # Interleaved, so both builds see the same machine load.
        ours_times, bare_times = [], []
        for _ in range(args.runs):
            ours_times.append(build(ROOT, work / "site-ours"))
            bare_times.append(build(bare, work / "site-bare", strict=False))
        ours, base = statistics.median(ours_times), statistics.median(bare_times)
        print(f"full build, median of {args.runs}: ours {ours:.2f} s ({pages(work / 'site-ours')} pages), "
              f"bare Material {base:.2f} s ({pages(work / 'site-bare')} pages): ratio {ours / base:.2f} (goal <= 1.3)")

        print("data multiplied (languages with their frameworks and matrix rows):")
        print(f"  {'factor':>6}  {'languages':>9}  {'frameworks':>10}  {'pages':>5}  {'time s':>7}  {'x time':>6}  {'ms/page':>7}")
        first = None
        for factor in FACTORS:
            project = copy_project(work / f"x{factor}")
            multiply(project / "data", factor)
            site = work / f"site-x{factor}"
            elapsed = median_build(project, site, args.runs)
            first = first or elapsed
            counts = [len(yaml.safe_load((project / "data" / f"{stem}.yaml").read_text(encoding="utf-8"))[stem])
                      for stem in ("languages", "frameworks")]
            count = pages(site)
            print(f"  {factor:>6}  {counts[0]:>9}  {counts[1]:>10}  {count:>5}  {elapsed:>7.2f}  "
                  f"{elapsed / first:>6.2f}  {1000 * elapsed / count:>7.1f}")
        print("goal: the x10 time ratio <= 10")


if __name__ == "__main__":
    main()
