"""Page weight per page type (bytes gzipped, everything the page fetches in Chromium), ours beside
a bare Material site with the same pages, and the wizard's own JavaScript + data. Prints figures;
asserts nothing.

    .venv/bin/python bench/bench_weight.py

"as loaded": what a visitor's browser fetches until the network is idle; "all drawn": after
scrolling every diagram into view (a diagram missing from the cache of drawings fetches Mermaid
when it comes near the viewport).
"""

from __future__ import annotations

import gzip
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.tools.chromium import CHROMIUM_ARGS, DEBIAN_CHROMIUM
from tests.audit.lighthouse_audit import build_sites  # noqa: E402
from tests.audit.page_types import select_pages  # noqa: E402

BINARY = re.compile(r"\.(png|jpe?g|gif|webp|ico|woff2?)(\?|$)")


def gzipped(url: str, body: bytes) -> int:
    return len(body) if BINARY.search(url) else len(gzip.compress(body, compresslevel=6))


def weigh(browser, url: str, draws_diagrams: bool = True) -> dict[str, int]:
    context = browser.new_context()
    tab = context.new_page()
    fetched: dict[str, int] = {}

    def record(response):
        try:
            fetched[response.url] = gzipped(response.url, response.body())
        except Exception:  # redirects and aborted requests have no body
            pass

    tab.on("response", record)
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    loaded = dict(fetched)
    # Open what is folded and bring every diagram into view (the bare site has no script to draw them).
    tab.evaluate("document.querySelectorAll('details').forEach(d => { if (d.querySelector('figure.diagram')) d.open = true; })")
    figures = tab.locator("figure.diagram")
    for index in range(figures.count()):
        figures.nth(index).scroll_into_view_if_needed()
    if figures.count() and draws_diagrams:
        tab.wait_for_load_state("networkidle")
        tab.wait_for_load_state("networkidle")
    context.close()
    html = fetched.get(url, 0)
    return {"html": html, "loaded": sum(loaded.values()), "requests": len(loaded), "drawn": sum(fetched.values())}


def wizard_weight(site: Path) -> list[tuple[str, int, int]]:
    """The wizard's own scripts and styles, and the tree data its page points at: (path, raw, gzipped)."""
    site = site.resolve()
    page = site / "wizard" / "index.html"
    if not page.is_file():
        return []
    files = sorted((site / "assets").rglob("wizard*.*"))
    root = re.search(r'<[^>]*\bid="wizard"[^>]*>', page.read_text(encoding="utf-8"))
    tree = re.search(r'data-tree="([^"]+)"', root.group(0)) if root else None
    if tree:
        files.append((page.parent / tree.group(1)).resolve())
    return [(f.relative_to(site).as_posix(), f.stat().st_size, len(gzip.compress(f.read_bytes(), compresslevel=6)))
            for f in files if f.is_file()]


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-weight-") as scratch:
        servers, ours_url, bare_url, ours_dir = build_sites(Path(scratch), baseline=True)
        try:
            selection = select_pages(ours_dir)
            rows = []
            with sync_playwright() as playwright:
                executable = DEBIAN_CHROMIUM if Path(DEBIAN_CHROMIUM).exists() else None
                browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
                for page_type, url in selection.pages.items():
                    rows.append((page_type, url, weigh(browser, ours_url + url), weigh(browser, bare_url + url, False)))
                browser.close()
        finally:
            for server in servers:
                server.shutdown()
        print("page weight, gzipped (ours | bare Material, same pages):")
        print(f"  {'page type':<12} {'HTML':>9} {'as loaded':>10} {'requests':>8} {'all drawn':>10} | {'bare HTML':>9} {'bare loaded':>11}")
        for page_type, url, ours, bare in rows:
            print(f"  {page_type:<12} {kb(ours['html']):>9} {kb(ours['loaded']):>10} {ours['requests']:>8} "
                  f"{kb(ours['drawn']):>10} | {kb(bare['html']):>9} {kb(bare['loaded']):>11}   /{url}")
        for page_type, why in selection.absent.items():
            print(f"  {page_type}: {why}")
        wizard = wizard_weight(ours_dir)
        if wizard:
            print("the wizard's own JavaScript, CSS and data:")
            for path, raw, packed in wizard:
                print(f"  {path:<40} {raw:>7} bytes, {packed:>6} gzipped")
            print(f"  total gzipped: {kb(sum(p for _, _, p in wizard))} (JS + data: "
                  f"{kb(sum(p for path, _, p in wizard if not path.endswith('.css')))})")
        else:
            print("the wizard: not built yet")


if __name__ == "__main__":
    main()
