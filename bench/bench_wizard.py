"""Benchmark of the decision wizard (prints figures, asserts nothing; run by `make bench`).

1. Weight: the wizard's own JavaScript and its tree JSON, gzipped (goal: 15 KB or less), beside
   Material's own JavaScript bundle, which every page loads already (the baseline).
2. Speed: the time from an answer's click to the next question rendered, in Chromium (goal:
   16 ms or less, one frame). Measured inside the page: performance.now() before the click, then
   after the click handler and a forced layout ("render"), and at the next animation frame
   ("frame", which includes the wait for that frame). The baseline is a button in the same page
   whose handler changes one text node, measured the same way.
"""

from __future__ import annotations

import gzip
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.tools.chromium import CHROMIUM_ARGS, DEBIAN_CHROMIUM
from tests.helpers.site import build_and_serve

WIZARD_FILES = ("assets/js/wizard.mjs", "assets/js/wizard-core.mjs", "api/decision-tree.json")
GOAL_BYTES, GOAL_MS = 15 * 1024, 16.0
BATCHES, ANSWERS_PER_BATCH = 4, 40  # a reload between batches keeps pushState under Chromium's flood limit

MEASURE = """async ({answers, baseline}) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const render = [], toFrame = [];
    for (let i = 0; i < answers; i++) {
        await settle();
        const button = baseline ? document.getElementById('bench-baseline')
            : document.querySelectorAll('#wizard .wizard-options button')[i % 2];
        if (!button) { document.querySelector('#wizard .wizard-restart').click(); i--; continue; }
        const start = performance.now();
        button.click();
        document.querySelector('#wizard h2, #bench-baseline').getBoundingClientRect();  // forced layout
        render.push(performance.now() - start);
        toFrame.push(await frame() - start);
    }
    return {render, toFrame};
}"""

BASELINE_BUTTON = """() => {
    const button = document.createElement('button');
    button.id = 'bench-baseline';
    button.textContent = 'Baseline';
    let count = 0;
    button.addEventListener('click', () => { button.textContent = `Baseline ${++count}`; });
    document.querySelector('article').prepend(button);
}"""


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def weight(site: Path) -> None:
    print("Weight (gzip -9):")
    total = 0
    for name in WIZARD_FILES:
        raw, packed = (site / name).stat().st_size, gz(site / name)
        total += packed
        print(f"  {name:36} {raw:7} B raw  {packed:6} B gzipped")
    bundle = next((site / "assets/javascripts").glob("bundle.*.min.js"))
    base = gz(bundle)
    print(f"  {'wizard total':36} {'':15} {total:6} B gzipped = {total / 1024:.1f} KB (goal <= {GOAL_BYTES / 1024:.0f} KB)")
    print(f"  baseline: Material's {bundle.name}: {base} B gzipped; the wizard adds {total / base:.2f}x of it "
          "on the wizard page, the only page that loads them (assets/js/page-modules.mjs imports them there)")


def speed(url: str) -> None:
    from playwright.sync_api import sync_playwright

    executable = DEBIAN_CHROMIUM if Path(DEBIAN_CHROMIUM).exists() else None
    results = {"wizard": {"render": [], "toFrame": []}, "baseline": {"render": [], "toFrame": []}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        for _ in range(BATCHES):
            for kind in results:
                page.goto(url + "wizard/")
                page.wait_for_selector("#wizard[data-mounted]")
                page.wait_for_load_state("networkidle")  # Mermaid draws the page's diagram first
                if kind == "baseline":
                    page.evaluate(BASELINE_BUTTON)
                run = page.evaluate(MEASURE, {"answers": ANSWERS_PER_BATCH, "baseline": kind == "baseline"})
                for key in run:
                    results[kind][key] += run[key]
        browser.close()
    print(f"Answer click to next question rendered, Chromium headless, {BATCHES * ANSWERS_PER_BATCH} answers:")
    for key, label in (("render", "handler + layout"), ("toFrame", "to next frame")):
        wizard, base = results["wizard"][key], results["baseline"][key]
        w50, b50 = statistics.median(wizard), statistics.median(base)
        w95 = statistics.quantiles(wizard, n=20)[-1]
        ratio = f"{w50 / b50:.1f}x" if b50 > 0 else "n/a"
        print(f"  {label:17} wizard median {w50:6.2f} ms, p95 {w95:6.2f} ms | baseline median {b50:6.2f} ms | "
              f"ratio {ratio} (goal <= {GOAL_MS:.0f} ms)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        server, url = build_and_serve(site)
        try:
            weight(site)
            speed(url)
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
