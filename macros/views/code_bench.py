"""The site's own measurement on the claims page: `make bench-frameworks`'s figures for the
runnable items examples (bench/results/frameworks.json, read with the data), labelled as one
machine's measurement, beside the guide's rules of thumb about the same frameworks."""

from __future__ import annotations

from markupsafe import Markup

from ..model import routes
from ..model.catalog import Catalog
from ..model.routes import Linker
from ..model.sections.claims import Claim, Ledger
from ..model.sections.code_examples import CodeExamples
from .blocks import block, callout, join, para, table
from .code_words import INDEX, lines_text, task_anchor
from .figures import number, value_text
from .text import inline

MEASURED_ANCHOR = "measured"
THROUGHPUT_METRICS = ("throughput-per-worker", "throughput-single-core")
MEMORY_METRICS = ("memory",)


def _rate(value: float) -> str:
    return f"{value:,.0f}"


def measured_for(claim: Claim, ledger: Ledger, catalog: Catalog, rates: dict[str, dict]) -> Markup:
    """What the measurement shows for one of the guide's figures, where it measured the same thing."""
    metric = claim.metric
    subjects = [s for s in claim.subjects if s in rates]
    if not subjects:
        return Markup("—")
    parts = []
    for subject in subjects:
        result = rates[subject]
        name = inline(catalog.framework(subject).name)
        if metric == "speed":
            for baseline in (b for b in claim.baselines if b in rates):
                ratio = result["requests_per_sec"] / rates[baseline]["requests_per_sec"]
                parts.append(Markup("{} ÷ {}: <strong>{}x</strong>").format(
                    name, inline(catalog.framework(baseline).name), f"{ratio:.1f}"))
        elif metric in THROUGHPUT_METRICS:
            parts.append(Markup("{}: <strong>{} req/sec</strong>").format(name, _rate(result["requests_per_sec"])))
        elif metric in MEMORY_METRICS:
            parts.append(Markup("{}: <strong>{} MB</strong>").format(name, f"{result['peak_rss_mb']:.0f}"))
    return join(parts, Markup("<br>")) if parts else Markup("—")


def rules_of_thumb(catalog: Catalog, ledger: Ledger, rates: dict[str, dict]) -> Markup:
    """The guide's figures about the measured frameworks for what the measurement also shows."""
    wanted = ("speed", *THROUGHPUT_METRICS, *MEMORY_METRICS)
    claims = [c for c in ledger.claims if c.metric in wanted and set(c.subjects) & set(rates)]
    rows = [[inline(c.phrase), Markup("<strong>{}</strong>").format(value_text(c, ledger.metric(c.metric))),
             measured_for(c, ledger, catalog, rates)] for c in claims]
    if not rows:
        return Markup("")
    return (Markup("<p>The guide's rules of thumb about these frameworks, and what this one run shows for the same "
                   "thing:</p>")
            + table(["The guide's words", "The guide's figure", "Measured here"], rows, row_header=False))


def bench_section(catalog: Catalog, examples: CodeExamples, link: Linker) -> str:
    """The claims page's "measured" block: `make bench-frameworks`'s table, labelled as one machine's
    measurement of a tiny API, beside the guide's rules of thumb about the same frameworks."""
    data = examples.bench
    if data is None:
        return block(callout("note", "Not measured yet", para(
            "No measurement is recorded: `make bench-frameworks` writes bench/results/frameworks.json.")))
    known = {e.id: e for e in examples.examples}
    machine, runtimes = data["machine"], data["runtimes"]
    results = sorted(data["results"], key=lambda r: -r["requests_per_sec"])
    all_ok = all(r["errors"] == 0 for r in results)
    rows = []
    for r in results:
        fid = r["framework"]
        name = (Markup('<a href="{}">{}</a>').format(link.href(routes.framework(fid), task_anchor("items")),
                                                    inline(catalog.framework(fid).name))
                if catalog.has_framework(fid) else Markup("{}").format(fid))
        example = known.get(r["example"])
        row = [name, Markup("{}").format(_rate(r["requests_per_sec"])), Markup("{}").format(f"{r['peak_rss_mb']:.1f}")]
        row += [] if all_ok else [Markup("{}").format(r["errors"])]
        rows.append(row + [Markup("{}").format(lines_text(example) if example else "—")])
    label = para(
        f"One run on one machine ({machine['cores']} cores, {machine['cpu']}, {number(machine['memory_gb'])} GB of "
        f"memory, {machine['os']}) on {data['date']}, of a tiny in-memory API. The load generator shared the machine "
        "with each server. The figures compare the examples with one another here; they do not predict a real "
        "service's speed.")
    how = Markup('<p>Each runnable <a href="{}">items example</a>, started as the tests start it, was warmed for {} and '
                 "then loaded with <code>{}</code>; peak memory is the resident memory of the server's whole process "
                 "tree.{}</p>").format(link.href(INDEX, "items"), data["warmup"], data["command"],
                                       " No request failed." if all_ok else "")
    headers = ["Framework", "Requests/sec", "Peak memory (MB)", *([] if all_ok else ["Errors"]), "Lines of code"]
    measured = table(headers, rows)
    started = table(["Framework", "Started with", "Versions"], [
        [Markup("{}").format(catalog.framework(r["framework"]).name if catalog.has_framework(r["framework"]) else r["framework"]),
         Markup("<code>{}</code>").format(r["server"]),
         Markup("{}").format(", ".join(f"{k} {v}" for k, v in r["versions"].items()))] for r in data["results"]])
    tools = ", ".join(f"{k} {v}" for k, v in runtimes.items())
    details = Markup('<details class="note code-bench-how"><summary>How each server was started, and the versions'
                     "</summary>{}<p>Runtimes: {}.</p></details>").format(started, tools)
    ledger = catalog.find(Ledger)
    beside = rules_of_thumb(catalog, ledger, {r["framework"]: r for r in data["results"]}) if ledger else Markup("")
    return block(callout("info code-bench", "The site's measurement, not the guide's claims", label) + how + measured
                 + details + beside)


