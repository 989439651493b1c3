"""The site in Chromium: pages load, instant navigation works, diagrams draw, nothing leaves the host."""

from __future__ import annotations

import pytest

from tests.helpers.diagram_checks import shown_diagrams, shown_text

pytestmark = pytest.mark.browser


def open_page(page, url):
    page.goto(url)
    # Instant navigation starts once Material has fetched the sitemap.
    page.wait_for_load_state("networkidle")
    return page


def wait_for_title(page, title):
    page.wait_for_function("t => document.querySelector('article h1')?.firstChild?.textContent === t", arg=title)


def test_matrix_page_loads_and_framework_link_uses_instant_navigation(page, site_url):
    open_page(page, site_url + "matrix/")
    assert page.locator("#matrix tbody tr").count() == 5
    page.evaluate("window.__sameDocument = true")
    page.locator("#matrix a[href$='frameworks/fastapi/']").first.click()
    page.wait_for_url("**/frameworks/fastapi/")
    wait_for_title(page, "FastAPI")
    # The marker survives: the page was swapped in place, not reloaded.
    assert page.evaluate("window.__sameDocument") is True
    assert page.watch.foreign_requests() == []
    assert page.watch.errors == []


def test_diagram_shows_after_instant_navigation(page, site_url):
    open_page(page, site_url + "use-cases/")
    page.evaluate("window.__sameDocument = true")
    page.locator("article a[href$='use-cases/lightweight/']").first.click()
    page.wait_for_url("**/use-cases/lightweight/")
    page.wait_for_selector("figure.diagram")  # the use-case index has none: the new page is in
    assert page.evaluate("window.__sameDocument") is True
    # Drawn ahead of time: both palettes are in the page, the light one shows.
    assert shown_diagrams(page, "default") == 1
    labels = shown_text(page)
    assert "FastAPI" in labels and "Gin" in labels
    assert not any("mermaid" in url for url in page.watch.requests)
    assert page.watch.foreign_requests() == []
    assert page.watch.errors == []


def test_pages_whose_diagrams_are_drawn_ahead_of_time_do_not_fetch_mermaid(page, site_url):
    for url in ("", "matrix/", "frameworks/gin/", "languages/go/", "use-cases/realtime/", "architecture/"):
        open_page(page, site_url + url)
        page.wait_for_load_state("networkidle")
    assert not any("mermaid" in url for url in page.watch.requests)
    assert page.watch.foreign_requests() == []


@pytest.mark.color_scheme("dark")
def test_diagram_follows_the_dark_palette_and_the_toggle(page, site_url):
    open_page(page, site_url + "use-cases/realtime/")
    assert shown_diagrams(page, "slate") == 1
    dark = page.locator("figure.diagram .diagram-drawing:visible img").get_attribute("src")
    page.locator("label[for='__palette_1']:visible, label.md-header__button[for^='__palette']:visible").first.click()
    page.wait_for_selector("figure.diagram .diagram-drawing[data-scheme='default']:visible")
    assert shown_diagrams(page, "default", toggled=True) == 1
    assert page.locator("figure.diagram .diagram-drawing:visible img").get_attribute("src") != dark
    assert not any("mermaid" in url for url in page.watch.requests)
    assert page.watch.errors == []
