"""Cost of the guide's later sections (architecture, guidance, migration, claims) at build time:
loading and checking their data against loading the core data alone, and rendering their macros
and page sections against rendering the core pages. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_guide.py [--runs N]

Each figure is the median of N runs (default 20), baselines measured in the same run, interleaved.
Goals: per value in the YAML (what the schema check visits), their loading costs at most 1.5x the
core's; rendering their 12 pages' content takes at most 0.5x the time of the core's generated pages.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import features, guide_routes  # noqa: E402
from macros.loader import CORE_FILES, load_catalog  # noqa: E402
from macros.pages import generated_pages  # noqa: E402
from macros.routes import Linker  # noqa: E402
from macros.yaml_source import read_yaml  # noqa: E402

GUIDE_FEATURES = ("macros.architecture", "macros.guidance", "macros.migration", "macros.claims")


def median_seconds(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def project_with(modules, scratch: Path) -> Path:
    """A data folder holding the core files and those of `modules` (the loader refuses files no
    loader uses), beside links to the docs and examples the data names."""
    root = scratch / "-".join(m.rsplit(".", 1)[1] for m in modules) if modules else scratch / "core"
    (root / "data").mkdir(parents=True)
    shutil.copytree(ROOT / "data" / "schema", root / "data" / "schema")
    stems = set(CORE_FILES) | {importlib.import_module(m).DATA_FILE for m in modules
                               if hasattr(importlib.import_module(m), "DATA_FILE")}
    for stem in stems:
        shutil.copy(ROOT / "data" / f"{stem}.yaml", root / "data")
    for name in ("docs", "examples"):
        (root / name).symlink_to(ROOT / name)
    return root / "data"


def with_features(modules, scratch: Path):
    data = project_with(modules, scratch)

    def load():
        saved = features.FEATURE_MODULES
        features.FEATURE_MODULES = modules
        try:
            return load_catalog(data, display_root=data.parent)
        finally:
            features.FEATURE_MODULES = saved
    return load


def render_guide_macros(catalog) -> int:
    count = 0
    for name in GUIDE_FEATURES:
        module = sys.modules[name]
        for function in module.macros(catalog, lambda: Linker(guide_routes.ARCHITECTURE)).values():
            count += len(function())
    return count


def interleaved(functions: dict, runs: int) -> dict[str, float]:
    """Median seconds of each function, the runs interleaved so that load on the machine hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(runs):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def values(stems) -> int:
    """How many values (mappings, lists and scalars) the files hold: the schema check visits each."""
    return sum(len(read_yaml(ROOT / "data" / f"{stem}.yaml", stem).lines) for stem in stems)


def stems_of(modules) -> list[str]:
    return [importlib.import_module(m).DATA_FILE for m in modules if hasattr(importlib.import_module(m), "DATA_FILE")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    others = tuple(m for m in features.FEATURE_MODULES if m not in GUIDE_FEATURES)
    scratch = Path(tempfile.mkdtemp(prefix="bench-guide-"))
    try:
        loads = {"core": with_features((), scratch), "others": with_features(others, scratch),
                 "all": with_features(features.FEATURE_MODULES, scratch)}
        catalog = loads["all"]()  # imports every module once, outside the timings
        load = interleaved(loads, args.runs)
    finally:
        shutil.rmtree(scratch)
    core_values, guide_values = values(CORE_FILES), values(stems_of(GUIDE_FEATURES))
    guide_load = load["all"] - load["others"]
    core_rate, guide_rate = load["core"] / core_values, guide_load / guide_values
    for label, seconds in ((f"load + check, core data ({core_values} values)", load["core"]),
                           ("  + other features", load["others"]),
                           (f"  + the guide's sections ({guide_values} values)", load["all"])):
        print(f"{label:48} {seconds * 1000:7.1f} ms")
    print(f"per 1000 values: core {core_rate * 1e6:.1f} ms, the guide's sections {guide_rate * 1e6:.1f} ms "
          f"({guide_rate / core_rate:.2f}x; goal <= 1.5)")

    saved = features.FEATURE_MODULES
    features.FEATURE_MODULES = ()
    core_pages = median_seconds(lambda: generated_pages(catalog), args.runs)  # pages without feature sections
    features.FEATURE_MODULES = saved
    macros = median_seconds(lambda: render_guide_macros(catalog), args.runs)
    print(f"{'core generated pages, no feature sections':48} {core_pages * 1000:7.1f} ms")
    print(f"{'the guide macros (12 pages of content)':48} {macros * 1000:7.1f} ms  "
          f"({macros / core_pages:.2f}x the core pages; goal <= 0.5)")


if __name__ == "__main__":
    main()
