"""One page of each type in Chromium, light and dark: axe-core finds no violation, every request
stays on the site, and Mermaid is fetched only for diagrams missing from the cache of drawings
(diagrams/, `make diagrams`): on the real site, never.

Page types come from tests/audit/page_types.py: a type the data describes (wizard, comparisons)
fails here when the site lacks it; a type whose data does not exist yet is skipped.
"""

from __future__ import annotations

import pytest

from tests.audit.page_types import PAGE_TYPES, select_pages
from tests.conftest import PageWatch
from tests.helpers.project import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
MERMAID = "/assets/vendor/mermaid/"
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
TYPE_NAMES = [t.name for t in PAGE_TYPES]
# Every figure shows a drawing: inlined by the build, or drawn by the site's script.


@pytest.fixture(scope="module")
def selection(built_site):
    return select_pages(built_site)


def page_url(selection, site_url, page_type):
    if page_type in selection.missing:
        pytest.fail(f"{page_type}: {selection.absent[page_type]}")
    if page_type not in selection.pages:
        pytest.skip(f"{page_type}: {selection.absent[page_type]}")
    return site_url + selection.pages[page_type]


def visit(browser, url, scheme):
    """Open a page in a fresh context, as a first-time visitor, and show every diagram (one that
    is not drawn ahead of time is drawn as it comes near the viewport), so that axe sees them too."""
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    tab.watch = PageWatch(tab)
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    # A diagram folded in a <details> is drawn when the reader opens it: open them all.
    tab.evaluate("document.querySelectorAll('details').forEach(d => { if (d.querySelector('figure.diagram')) d.open = true; })")
    figures = tab.locator("figure.diagram")
    for index in range(figures.count()):
        figures.nth(index).scroll_into_view_if_needed()
    if figures.count():
        tab.wait_for_load_state("networkidle")
    tab.evaluate("window.scrollTo(0, 0)")
    tab.wait_for_load_state("networkidle")
    return context, tab


def violations_text(violations):
    lines = []
    for v in violations:
        targets = "; ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']} — e.g. {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page_type", TYPE_NAMES)
def test_no_axe_violations(browser, selection, site_url, page_type, scheme):
    url = page_url(selection, site_url, page_type)
    context, tab = visit(browser, url, scheme)
    try:
        assert tab.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        assert result["passes"], "axe checked nothing"
        assert result["violations"] == [], f"{url} ({scheme}):\n{violations_text(result['violations'])}"
        assert tab.watch.errors == []
    finally:
        context.close()


@pytest.mark.parametrize("page_type", TYPE_NAMES)
def test_requests_stay_on_the_site_and_mermaid_only_for_diagrams_not_drawn_ahead(browser, selection, site_url, page_type):
    url = page_url(selection, site_url, page_type)
    context, tab = visit(browser, url, "light")
    try:
        requests = tab.watch.requests
        assert requests and requests[0] == url
        foreign = [u for u in requests if not u.startswith((site_url, "data:", "blob:", "about:"))]
        assert foreign == []
        drawn_here = tab.locator("figure.diagram[data-drawing='client']").count() > 0
        mermaid = [u for u in requests if MERMAID in u]
        assert bool(mermaid) == drawn_here, f"{url}: diagrams drawn in the browser {drawn_here}, Mermaid requests {mermaid[:3]}"
    finally:
        context.close()
