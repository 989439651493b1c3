"""The site's own measurement of the code examples: bench/results/frameworks.json, written by
`make bench-frameworks` and read with the data, so a file that lacks what the claims page shows
fails the build with the missing fields named, together with the data's errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..source.report import Report

RESULTS_FILE = "bench/results/frameworks.json"  # from the project root
TOP_FIELDS = ("date", "machine", "command", "warmup", "runtimes", "results")
RESULT_FIELDS = ("example", "framework", "requests_per_sec", "peak_rss_mb", "errors", "server", "versions")
MACHINE_FIELDS = ("cores", "cpu", "memory_gb", "os")


def missing_fields(data: Any) -> list[str]:
    if not isinstance(data, dict):
        return ["its top-level object"]
    missing = [key for key in TOP_FIELDS if key not in data]
    results = data.get("results")
    for index, result in enumerate(results if isinstance(results, list) else []):
        present = result if isinstance(result, dict) else {}
        missing += [f"results[{index}].{key}" for key in RESULT_FIELDS if key not in present]
    machine = data.get("machine")
    missing += [f"machine.{key}" for key in MACHINE_FIELDS if key not in (machine if isinstance(machine, dict) else {})]
    return missing


def read_bench_results(root: Path | None, report: Report) -> dict | None:
    """The measurement, or None where `make bench-frameworks` has not been run (or the data was
    not read from a project folder)."""
    path = root / RESULTS_FILE if root is not None else None
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        report.add_file(RESULTS_FILE, getattr(error, "lineno", None), f"not JSON ({error}): run `make bench-frameworks`")
        return None
    missing = missing_fields(data)
    if missing:
        report.add_file(RESULTS_FILE, None, f"lacks {', '.join(missing)}: run `make bench-frameworks`")
        return None
    return data
