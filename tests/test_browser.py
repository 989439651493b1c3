"""The site in Chromium: pages load, instant navigation works, diagrams draw, nothing leaves the host."""

from __future__ import annotations

import pytest

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


def test_diagram_draws_after_instant_navigation(page, site_url):
    open_page(page, site_url + "use-cases/")
    page.evaluate("window.__sameDocument = true")
    page.locator("article a[href$='use-cases/lightweight/']").first.click()
    page.wait_for_url("**/use-cases/lightweight/")
    page.locator("figure.diagram").first.scroll_into_view_if_needed()  # diagrams draw near the viewport
    page.wait_for_selector("figure.diagram[data-rendered='default'] svg", timeout=15_000)
    assert page.evaluate("window.__sameDocument") is True
    labels = page.locator("figure.diagram svg").text_content()
    assert "FastAPI" in labels and "Gin" in labels
    assert any("/assets/vendor/mermaid/" in url for url in page.watch.requests)
    assert page.watch.foreign_requests() == []
    assert page.watch.errors == []


def test_pages_without_diagrams_do_not_fetch_mermaid(page, site_url):
    for url in ("", "matrix/", "frameworks/gin/", "languages/go/"):
        open_page(page, site_url + url)
        page.wait_for_load_state("networkidle")
    assert not any("mermaid" in url for url in page.watch.requests)
    assert page.watch.foreign_requests() == []


@pytest.mark.color_scheme("dark")
def test_diagram_follows_the_dark_palette_and_the_toggle(page, site_url):
    open_page(page, site_url + "use-cases/realtime/")
    page.locator("figure.diagram").first.scroll_into_view_if_needed()
    page.wait_for_selector("figure.diagram[data-rendered='dark'] svg", timeout=15_000)
    page.locator("label[for='__palette_1']:visible, label.md-header__button[for^='__palette']:visible").first.click()
    page.wait_for_selector("figure.diagram[data-rendered='default'] svg", timeout=15_000)
    assert page.watch.errors == []
