"""Requests per second and peak memory of every runnable items example, under the same load.

`make bench-frameworks` runs it (never part of the tests). Each example of data/code_examples.yaml
with task `items` and `verified: runs` is built and started exactly as the tests do
(tests/examples/runners.py), warmed for a few seconds, then loaded with

    wrk -t2 -c50 -d10s http://127.0.0.1:$PORT/items/1

while the resident memory of the server's process tree (every process of its session) is
sampled from /proc. Prints a Markdown table and writes bench/results/frameworks.json.
The load generator shares the machine with the server: figures compare the examples with one
another on this machine, not with other published benchmarks.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.examples import runners  # noqa: E402

THREADS, CONNECTIONS, DURATION, WARMUP = 2, 50, "10s", "3s"
COMMAND = f"wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION} http://127.0.0.1:$PORT/items/1"
RESULTS = ROOT / "bench" / "results" / "frameworks.json"

# Where each example's versions come from: (kind, name), kind being pypi, npm or deb.
VERSIONS = {
    "django-rest-framework-items": [("pypi", "djangorestframework"), ("pypi", "Django"),
                                    ("pypi", "gunicorn")],
    "fastapi-items": [("pypi", "fastapi"), ("pypi", "uvicorn")],
    "nestjs-items": [("npm", "@nestjs/core"), ("npm", "@nestjs/platform-express")],
    "express-items": [("npm", "express")],
    "fastify-items": [("npm", "fastify")],
    "rails-api-items": [("deb", "ruby-railties"), ("deb", "puma")],
    "sinatra-items": [("deb", "ruby-sinatra"), ("deb", "puma")],
    "gin-items": [("deb", "golang-github-gin-gonic-gin-dev")],
    "echo-items": [("deb", "golang-github-labstack-echo-dev")],
}


# ── Versions and machine ────────────────────────────────────────────────────────────────────

def output(args: list[str]) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def package_version(kind: str, name: str) -> str:
    if kind == "pypi":
        code = f"import importlib.metadata as m; print(m.version({name!r}))"
        return output([str(runners.VENV / "bin" / "python"), "-c", code])
    if kind == "npm":
        manifest = runners.NODE_MODULES / name / "package.json"
        return json.loads(manifest.read_text())["version"] if manifest.exists() else ""
    return output(["dpkg-query", "-W", "-f=${Version}", name])


def runtimes() -> dict[str, str]:
    return {
        "python": output([str(runners.VENV / "bin" / "python"), "-c",
                          "import platform; print(platform.python_version())"]),
        "node": output(["node", "--version"]).lstrip("v"),
        "go": output(["go", "env", "GOVERSION"]).removeprefix("go"),
        "ruby": output(["ruby", "-e", "print RUBY_VERSION"]),
        "wrk": output(["wrk", "--version"]).split(" [")[0].removeprefix("wrk debian/"),
    }


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    mem_kb = int(re.search(r"^MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text(), re.M)[1])
    return {"cores": os.cpu_count(), "memory_gb": round(mem_kb / 1024 / 1024, 1),
            "cpu": model[1].strip() if model else platform.processor(),
            "os": platform.platform()}


# ── Memory of a process tree ────────────────────────────────────────────────────────────────

def session_rss_kb(session_id: int) -> int:
    """Resident memory of every process in the session (the server runs in a session of its own)."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[3]) != session_id:
                continue
            status = Path(entry.path, "status").read_text()
        except (OSError, ValueError, IndexError):
            continue
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        total += int(found[1]) if found else 0
    return total


class PeakSampler(threading.Thread):
    def __init__(self, session_id: int, every: float = 0.1):
        super().__init__(daemon=True)
        self.session_id, self.every = session_id, every
        self.peak_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak_kb = max(self.peak_kb, session_rss_kb(self.session_id))
            self.done.wait(self.every)


# ── Load ────────────────────────────────────────────────────────────────────────────────────

def wrk(url: str, duration: str) -> str:
    args = [runners.find_tool("wrk"), f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}", url]
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout


def parse_wrk(report: str) -> dict:
    rate = re.search(r"Requests/sec:\s+([\d.]+)", report)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", report)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", report)
    return {"requests_per_sec": float(rate[1]) if rate else 0.0,
            "non_2xx": int(non_2xx[1]) if non_2xx else 0,
            "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0}


def bench(record: dict, builder: runners.Builder) -> dict:
    with runners.serve(record, builder) as server:
        url = f"http://127.0.0.1:{server.port}/items/1"
        wrk(url, WARMUP)
        sampler = PeakSampler(server.process.pid)
        sampler.start()
        try:
            measured = parse_wrk(wrk(url, DURATION))
        finally:
            sampler.done.set()
            sampler.join()
    versions = {name: package_version(kind, name) for kind, name in VERSIONS.get(record["id"], [])}
    return {"example": record["id"], "framework": record["framework"],
            "requests_per_sec": round(measured["requests_per_sec"], 1),
            "peak_rss_mb": round(sampler.peak_kb / 1024, 1),
            "errors": measured["non_2xx"] + measured["socket_errors"],
            "server": runners.RUNNERS[record["id"]].describe(), "versions": versions}


def markdown(report: dict) -> str:
    box = report["machine"]
    lines = [
        f"Load: `{report['command']}` after a {WARMUP} warm-up, on {box['cores']} cores, "
        f"{box['memory_gb']} GB, {box['cpu']} ({report['date']}); runtimes: "
        + ", ".join(f"{k} {v}" for k, v in report["runtimes"].items() if v) + ".",
        "",
        "| Example | Requests/s | Peak RSS (MB) | Errors | Server | Versions |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for row in sorted(report["results"], key=lambda r: -r["requests_per_sec"]):
        versions = ", ".join(f"{k} {v}" for k, v in row["versions"].items())
        lines.append(f"| {row['example']} | {row['requests_per_sec']:,.0f} | "
                     f"{row['peak_rss_mb']:.1f} | {row['errors']} | `{row['server']}` | "
                     f"{versions} |")
    return "\n".join(lines)


def main() -> int:
    records = [r for r in runners.load_manifest()
               if r["task"] == "items" and r["verified"] == "runs"]
    runners.find_tool("wrk")
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-frameworks-") as scratch:
        builder = runners.Builder(Path(scratch))
        for record in records:
            print(f"… {record['id']}", file=sys.stderr, flush=True)
            results.append(bench(record, builder))
    report = {"date": datetime.date.today().isoformat(), "machine": machine(),
              "command": COMMAND, "warmup": WARMUP, "runtimes": runtimes(), "results": results}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(markdown(report))
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
