"""`make diagrams`: draw every diagram of the site ahead of time into diagrams/.

    .venv/bin/python -m macros.tools.draw_diagrams

Builds the site strictly into a scratch folder, finds the diagrams that have no drawing yet
(their Mermaid source is in the page), draws each in both palettes with Mermaid
(node_modules/mermaid) and the render module (docs/assets/js/diagram-render.mjs) in Chromium
through Playwright, shortens the SVG with svgo (source/drawings.SVG_OPTIMIZATION), and removes
drawings that no page uses any more. The build itself only reads diagrams/: only this command
needs a browser and Node.js packages.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..source.drawings import (
    KEY_LENGTH,
    PUBLISHED_FOLDER,
    RENDER_MODULE,
    ROOT,
    SVG_OPTIMIZATION,
    Drawings,
    element_id,
    read_drawings,
)
from .chromium import launch

MERMAID_DIST = ROOT / "node_modules" / "mermaid" / "dist"
SVGO_BROWSER = ROOT / "node_modules" / "svgo" / "dist" / "svgo.browser.js"
# The drawing page and the files it may load are served by Playwright itself: no server, no network.
ORIGIN = "http://diagrams.invalid"

# Markdown re-writes raw HTML inside a block with markdown="1" (the wizard's <details>): attribute
# order varies, so the patterns allow for it.
_SOURCE = re.compile(r'<pre [^>]*\bclass="diagram-source"[^>]*>(.*?)</pre>', re.S)
_DRAWN = re.compile(rf'\b{PUBLISHED_FOLDER}/([0-9a-f]{{{KEY_LENGTH}}})\.svg"')


@dataclass(frozen=True)
class SiteDiagrams:
    """What a built site holds: sources drawn in the browser (cache misses), keys of the drawings shown."""
    missing: dict[str, list[str]]  # Mermaid source -> pages (relative paths) that show it
    used_keys: set[str]


def site_diagrams(site: Path) -> SiteDiagrams:
    missing: dict[str, list[str]] = {}
    used: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for source in _SOURCE.findall(text):
            missing.setdefault(html.unescape(source), []).append(page.relative_to(site).as_posix())
        used.update(_DRAWN.findall(text))
    return SiteDiagrams(missing, used)


def build_site(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"the strict build failed, so the diagrams cannot be collected:\n{done.stdout}{done.stderr}")


def _serve(route) -> None:
    path = route.request.url.removeprefix(ORIGIN)
    if path == "/":
        return route.fulfill(content_type="text/html", body="<!doctype html><html lang=en><title>draw</title><body></body></html>")
    files = {"/render.mjs": RENDER_MODULE, "/svgo.mjs": SVGO_BROWSER}
    if path.startswith("/mermaid/") and ".." not in path:
        files[path] = MERMAID_DIST / path.removeprefix("/mermaid/")
    file = files.get(path)
    if file is not None and file.is_file():
        return route.fulfill(path=str(file), content_type="text/javascript")
    return route.fulfill(status=404, body="")


_DRAW = """async ([id, scheme, source, optimization]) => {
  const mermaid = (await import("/mermaid/mermaid.esm.min.mjs")).default;
  const render = await import("/render.mjs");
  const { optimize } = await import("/svgo.mjs");
  render.configure(mermaid, render.MERMAID_THEMES[scheme]);
  const svg = await render.drawSvg(mermaid, id, source);
  return optimize(new XMLSerializer().serializeToString(svg), optimization).data;
}"""


def draw(jobs: list[tuple[str, str, str]]) -> dict[str, str]:
    """(key, palette, source) -> {key: SVG text}, drawn in one Chromium page."""
    from playwright.sync_api import Error, sync_playwright

    drawn = {}
    if not jobs:
        return drawn
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            page.route(f"{ORIGIN}/**", _serve)
            page.goto(f"{ORIGIN}/")
            for key, scheme, source in jobs:
                try:
                    svg = page.evaluate(_DRAW, [element_id(key), scheme, source, SVG_OPTIMIZATION])
                except Error as error:
                    sys.exit(f"Mermaid could not draw this diagram ({scheme}): {error.message}\n{source}")
                # One line: the SVG goes into Markdown as a raw HTML block, which a blank line ends.
                drawn[key] = " ".join(svg.split("\n"))
        finally:
            browser.close()
    return drawn


def update(cache: Drawings, site: SiteDiagrams) -> tuple[int, list[Path]]:
    """Draw what the site misses, remove what it does not use; returns (files drawn, removed)."""
    jobs = [(key, scheme, source) for source in site.missing for scheme, key in cache.keys(source).items()]
    cache.folder.mkdir(exist_ok=True)
    for key, svg in draw(jobs).items():
        cache.path(key).write_text(svg + "\n", encoding="utf-8")
    kept = site.used_keys | {key for key, _, _ in jobs}
    stale = [path for path in sorted(cache.folder.glob("*.svg")) if path.stem not in kept]
    for path in stale:
        path.unlink()
    return len(jobs), stale


def main() -> int:
    cache = read_drawings()
    needed = [MERMAID_DIST / "mermaid.esm.min.mjs", SVGO_BROWSER, RENDER_MODULE]
    if cache.fingerprint is None or not all(path.is_file() for path in needed):
        sys.exit(f"one of {', '.join(str(p.relative_to(ROOT)) for p in needed)} is missing: run `make setup`")
    with tempfile.TemporaryDirectory(prefix="diagrams-") as scratch:
        build_site(Path(scratch) / "site")
        site = site_diagrams(Path(scratch) / "site")
    count, stale = update(cache, site)
    where = cache.folder.relative_to(ROOT)
    print(f"{where}/: {len(site.missing)} diagrams drawn ({count} files), {len(site.used_keys)} drawings kept, "
          f"{len(stale)} stale files removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
