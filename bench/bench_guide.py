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
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.model import routes  # noqa: E402
from macros.model.catalog import load_catalog  # noqa: E402
from macros.model.core import FILES as CORE_FILES  # noqa: E402
from macros.model.routes import Linker  # noqa: E402
from macros.model.sections.architecture import Architecture  # noqa: E402
from macros.model.sections.claims import Ledger  # noqa: E402
from macros.model.sections.guidance import Guidance  # noqa: E402
from macros.model.sections.migration import Migration  # noqa: E402
from macros.source.yaml_reader import read_yaml  # noqa: E402
from macros.views.registry import views  # noqa: E402
from macros.views.site import generated_pages  # noqa: E402
from macros.model.registry import sections  # noqa: E402

GUIDE_MODELS = (Architecture, Guidance, Migration, Ledger)
GUIDE_FILES = tuple(s.file for s in sections() if s.model in GUIDE_MODELS)
ALL_FILES = tuple(s.file for s in sections())


def median_seconds(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def loader(files):
    """Load the core data and the sections of `files` only."""
    return lambda: load_catalog(ROOT / "data", display_root=ROOT, only=files)


def render_guide_macros(catalog) -> int:
    count = 0
    link = Linker(routes.ARCHITECTURE)
    for view in views():
        if view.model in GUIDE_MODELS:
            model = catalog.section(view.model)
            count += sum(len(render(catalog, model, link)) for render in view.macros.values())
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    others = tuple(f for f in ALL_FILES if f not in GUIDE_FILES)
    loads = {"core": loader(()), "others": loader(others), "all": loader(ALL_FILES)}
    catalog = loads["all"]()  # imports every module once, outside the timings
    core_only = loads["core"]()
    load = interleaved(loads, args.runs)
    core_values, guide_values = values(CORE_FILES), values(GUIDE_FILES)
    guide_load = load["all"] - load["others"]
    core_rate, guide_rate = load["core"] / core_values, guide_load / guide_values
    for label, seconds in ((f"load + check, core data ({core_values} values)", load["core"]),
                           ("  + other sections", load["others"]),
                           (f"  + the guide's sections ({guide_values} values)", load["all"])):
        print(f"{label:48} {seconds * 1000:7.1f} ms")
    print(f"per 1000 values: core {core_rate * 1e6:.1f} ms, the guide's sections {guide_rate * 1e6:.1f} ms "
          f"({guide_rate / core_rate:.2f}x; goal <= 1.5)")

    core_pages = median_seconds(lambda: generated_pages(core_only), args.runs)  # no section loaded: no sections on pages
    macros = median_seconds(lambda: render_guide_macros(catalog), args.runs)
    print(f"{'core generated pages, no section views':48} {core_pages * 1000:7.1f} ms")
    print(f"{'the guide macros (12 pages of content)':48} {macros * 1000:7.1f} ms  "
          f"({macros / core_pages:.2f}x the core pages; goal <= 0.5)")


if __name__ == "__main__":
    main()
