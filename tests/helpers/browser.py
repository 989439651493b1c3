"""Steps the browser tests share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

MOBILE = {"width": 412, "height": 823}  # Lighthouse's mobile screen
# Every layout shift of the page, from the start (buffered), as the Layout Instability API reports it.
WATCH_SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value); })
    .observe({type: "layout-shift", buffered: true});"""


def open_page(page, url):
    page.goto(url)
    # Instant navigation starts once Material has fetched the sitemap.
    page.wait_for_load_state("networkidle")
    return page


def wait_for_title(page, title):
    page.wait_for_function("t => document.querySelector('article h1')?.firstChild?.textContent === t", arg=title)


def painted(page) -> None:
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")


def layout_shift(page) -> float:
    painted(page)
    return sum(page.evaluate("window.__shifts"))


def hold(page, pattern: str) -> list:
    """Hold the requests for `pattern` until the test lets them go (route.continue_())."""
    held = []
    page.route(pattern, lambda route: held.append(route))
    return held


@contextmanager
def teammates_page(browser, url: str, ready: str) -> Iterator:
    """`url` opened in a browser context of its own, as a teammate sent the link would open it,
    once `ready` (a selector) is on the page; the context is closed afterwards."""
    other = browser.new_context().new_page()
    try:
        other.goto(url)
        other.wait_for_selector(ready)
        yield other
    finally:
        other.context.close()
