"""Every page on every screen, in Chromium: no page wider than the viewport at 320, 390, 768 and
1366 px; no markup shown as text; on a phone every compared framework shows without sideways
scrolling; controls are targets of at least 24 x 24 CSS px (WCAG 2.2, 2.5.8); diagrams open at
full size."""

from __future__ import annotations

import re

import pytest

from tests.helpers.browser import open_page
from tests.helpers.data import COMPARISONS

WIDTHS = (320, 390, 768, 1366)
PHONE = {"width": 390, "height": 844}
# Tag-like text in what a reader sees outside code: markup that was escaped where it should not be.
TAG = re.compile(r"</?[a-z][a-z0-9-]*(\s[^<>]*)?>", re.I)
VISIBLE_TEXT = """() => {
  const root = document.querySelector('.md-content');
  const clone = root.cloneNode(true);
  clone.querySelectorAll('pre, code, .diagram-source').forEach((e) => e.remove());
  document.body.append(clone);
  clone.style.cssText = 'position:absolute;left:-99999px;width:800px';
  const text = clone.innerText;
  clone.remove();
  return text;
}"""
WIDTH = "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"


def site_pages(built_site) -> list[str]:
    return sorted(p.parent.relative_to(built_site).as_posix() + "/" for p in built_site.rglob("index.html")
                  if "api" not in p.parts)


# Every page in parts, so that both workers of `make test` share them (tests/conftest.py: group_of).
PARTS = 4


@pytest.mark.parametrize("part", range(PARTS), ids=[f"part-{n}" for n in range(PARTS)])
def test_no_page_is_wider_than_the_screen_or_shows_markup_as_text(browser, built_site, site_url, part):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    # Images keep their room from their width and height attributes: the layout does not need them.
    page.route(re.compile(r"\.(png|svg)$"), lambda route: route.abort())
    wide, tags = {}, {}
    urls = [u.removeprefix("./") for u in site_pages(built_site)]
    assert len(urls) > 100
    dynamic = {"compare/?frameworks=fastapi,gin,axum,socket-io": "#compare-any-table", "wizard/?path=x": "#wizard[data-mounted]"}
    try:
        for url in [*urls, *dynamic][part::PARTS]:
            page.set_viewport_size({"width": 1366, "height": 900})
            page.goto(site_url + url, wait_until="domcontentloaded")
            if url in dynamic:
                page.wait_for_selector(dynamic[url], state="attached")
            # Widest first: Material's sidebars slide in when the window grows, and would be measured
            # half way.
            for width in sorted(WIDTHS, reverse=True):
                page.set_viewport_size({"width": width, "height": 900})
                scroll = page.evaluate(WIDTH)
                if scroll > width:
                    wide.setdefault(url, []).append(f"{scroll} px at {width}")
            found = [m.group(0) for m in TAG.finditer(page.evaluate(VISIBLE_TEXT))]
            if found:
                tags[url] = found[:3]
    finally:
        context.close()
    assert not wide, wide
    assert not tags, tags


@pytest.mark.parametrize("query", ["compare/{id}/", "compare/?frameworks={ids}"])
def test_on_a_phone_every_compared_framework_shows_without_sideways_scrolling(browser, site_url, query):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        for comparison in (c for c in COMPARISONS.items if len(c.frameworks) >= 2):
            if "?" in query and len(comparison.frameworks) > 4:
                continue
            open_page(page, site_url + query.format(id=comparison.id, ids=",".join(comparison.frameworks)))
            table = page.locator("table#side-by-side-table, table#compare-any-table").first
            table.wait_for()
            assert page.evaluate(WIDTH) <= PHONE["width"], comparison.id
            box = table.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], comparison.id
            # Each value says whose it is, and every framework has its values on screen.
            labels = page.locator(f"#{table.get_attribute('id')} .compare-who")
            shown = " ".join(t for t in labels.all_inner_texts() if t)
            names = page.locator(f"#{table.get_attribute('id')} thead th a").all_inner_texts()
            assert len(names) == len(comparison.frameworks), comparison.id
            for name in names:
                assert name in shown, (comparison.id, name)
                assert page.locator(f"#{table.get_attribute('id')} thead").get_by_role("link", name=name).is_visible()
            for label in labels.all()[:12]:
                label_box = label.bounding_box()
                assert label_box and label_box["x"] + label_box["width"] <= PHONE["width"], comparison.id
    finally:
        context.close()


TARGETS = """() => [...document.querySelectorAll(
    '.md-content button, .md-content input:not([type=hidden]), .md-content select, .md-content a.md-button, '
    + '.md-content label:has(input), .md-header button, .md-header label.md-icon, .md-header label.md-header__button')]
  .filter((e) => e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}))
  .filter((e) => { const r = e.getBoundingClientRect(); return r.width && r.right > 0 && r.left < innerWidth; })
  .map((e) => { const r = e.getBoundingClientRect(); const label = e.closest('label');
                const own = label ? label.getBoundingClientRect() : r;
                return {what: e.outerHTML.slice(0, 80), width: Math.max(r.width, own.width), height: Math.max(r.height, own.height)}; })
  .filter((t) => t.width < 24 || t.height < 24)"""


@pytest.mark.parametrize("url", ["", "matrix/", "compare/?frameworks=fastapi,gin", "wizard/", "compare/actix-web-vs-axum/"])
def test_controls_are_targets_of_at_least_24_px_on_a_phone(browser, site_url, url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        open_page(page, site_url + url)
        page.wait_for_timeout(200)
        assert page.evaluate(TARGETS) == []
    finally:
        context.close()


def test_ticking_matrix_cells_keeps_the_compare_action_in_reach_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        open_page(page, site_url + "matrix/")
        boxes = page.locator("#matrix .matrix-pick input")
        boxes.nth(1).scroll_into_view_if_needed()
        boxes.nth(1).check()
        boxes.nth(5).scroll_into_view_if_needed()
        boxes.nth(5).check()
        action = page.locator("#matrix-compare a.md-button")
        assert action.is_visible()
        box = action.bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], "the compare button is off the screen"
        action.click()
        page.wait_for_url(re.compile(r"compare/\?frameworks="))
    finally:
        context.close()


def test_every_diagram_opens_at_full_size(page, site_url, built_site):
    found = 0
    for path in sorted(built_site.rglob("index.html")):
        if 'class="diagram-drawing"' not in path.read_text(encoding="utf-8"):
            continue
        url = site_url + path.parent.relative_to(built_site).as_posix() + "/"
        open_page(page, url.replace("/./", "/"))
        for link in page.locator("figure.diagram a.diagram-drawing:visible").all():
            href = link.get_attribute("href")
            img = link.locator("img")
            response = page.request.get(page.url.rsplit("#", 1)[0] + href if not href.startswith("http") else href)
            assert response.ok and response.headers["content-type"].startswith("image/svg+xml"), href
            assert img.get_attribute("alt")
            found += 1
    assert found >= 5
