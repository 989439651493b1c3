"""The site works under its own Content-Security-Policy: served with the headers of the `_headers`
file the build wrote, one page of each type (the wizard answered to an outcome, compare-any with
its frameworks in the address, a page reached by instant navigation, the palette toggled, search
in its worker) runs its scripts, and Chromium reports no violation of the policy.

The site is built here for a server of its own, which sends those headers with every response
(the session's server sends none; instant navigation needs the address the site was built for).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.publish.headers import HEADERS_FILE, parse_headers_file, source_hash
from tests.audit.page_types import PAGE_TYPES, select_pages
from tests.conftest import PageWatch
from tests.helpers.site import _QuietHandler, build_in_process, serve, url_of

pytestmark = pytest.mark.browser

# Every violation the page's document reports, kept across instant navigations (same document).
WATCH_VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
    `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`), true);"""
INLINE_SCRIPTS_RAN = "typeof window.__md_get === 'function'"  # Material's inline <head> script defines it


class HeadersHandler(_QuietHandler):
    """The tests' static files (a JavaScript type for .mjs: with nosniff a module served as
    anything else would not run) with the headers that `_headers` gives every path ("/*")."""

    def end_headers(self):
        rules = parse_headers_file((Path(self.directory) / HEADERS_FILE).read_text(encoding="utf-8"))
        for name, value in rules["/*"].items():
            self.send_header(name, value)
        super().end_headers()


@pytest.fixture(scope="module")
def csp_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("csp") / "site"
    server = serve(site, handler=HeadersHandler)
    build_in_process(site, site_url=url_of(server))
    yield site, url_of(server)
    server.shutdown()


@pytest.fixture(scope="module")
def selection(csp_site):
    return select_pages(csp_site[0])


@pytest.fixture
def tab(browser):
    context = browser.new_context(color_scheme="light")
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    page.watch = PageWatch(page)
    yield page
    context.close()


def open_page(tab, url):
    response = tab.goto(url)
    assert "script-src" in response.headers.get("content-security-policy", ""), "served without the policy"
    tab.wait_for_load_state("networkidle")
    return tab


def modules_mounted(tab) -> None:
    """Every page module of the page (elements with data-module) mounted."""
    tab.wait_for_function("[...document.querySelectorAll('[data-module]')].every(e => e.dataset.mounted)")
    states = tab.locator("[data-module]").evaluate_all("es => es.map(e => e.dataset.module + ':' + e.dataset.mounted)")
    assert all(state.endswith(":true") for state in states), states


def assert_no_violation(tab) -> None:
    assert tab.evaluate("window.__violations") == []
    assert tab.watch.errors == []  # Chromium also logs each violation ("Refused to ..."), and a script that failed


@pytest.mark.parametrize("page_type", [t.name for t in PAGE_TYPES])
def test_every_page_type_runs_its_scripts_under_the_policy(tab, csp_site, selection, page_type):
    if page_type not in selection.pages:
        pytest.fail(f"{page_type}: {selection.absent[page_type]}")
    open_page(tab, csp_site[1] + selection.pages[page_type])
    assert tab.evaluate(INLINE_SCRIPTS_RAN)
    modules_mounted(tab)
    if page_type == "compare-any":
        tab.wait_for_selector("#compare-any-table")
    assert_no_violation(tab)


# The inline scripts and styles of the built HTML, found without the module's parser: a second
# reading (Material's and ours have plain attributes, so a regular expression reads them right).
INLINE = re.compile(r"<(?P<tag>script|style)\b(?P<attributes>[^>]*)>(?P<text>.*?)</(?P=tag)>", re.S)
# The tightest limit of the common hosts: Cloudflare Pages takes 2,000 characters per header
# (nginx's default buffer for a response header line is 4 or 8 KB).
HEADER_LIMIT = 2000


def test_the_policy_names_every_inline_script_and_style_and_nothing_else(csp_site):
    site = csp_site[0]
    policy = parse_headers_file((site / HEADERS_FILE).read_text(encoding="utf-8"))["/*"]["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert len(policy) < HEADER_LIMIT, f"{len(policy)} characters: consider one policy per path pattern"
    pages = sorted(site.rglob("*.html"))
    inline = {m["text"] for page in pages for m in INLINE.finditer(page.read_text(encoding="utf-8"))
              if "src=" not in m["attributes"] and "application/json" not in m["attributes"]}
    assert len(pages) > 10 and inline
    assert set(re.findall(r"'sha256-[^']+'", policy)) == {source_hash(text) for text in inline}


def test_the_wizard_answered_to_an_outcome(tab, csp_site):
    open_page(tab, csp_site[1] + "wizard/")
    tab.wait_for_selector("#wizard[data-mounted='true']")
    for _ in range(20):  # the first answer of each question, to an outcome
        if tab.locator("#wizard .wizard-recommended").count():
            break
        tab.locator("#wizard .wizard-options button").first.click()
    assert tab.locator("#wizard .wizard-recommended a").count() >= 1
    assert "path=" in tab.url
    assert_no_violation(tab)


def test_search_runs_in_its_worker(tab, csp_site):
    open_page(tab, csp_site[1])
    search = tab.locator("input[data-md-component='search-query']")
    search.click()
    # Typed key by key: Material reads the query on key events (fill() sends none) and once its
    # worker is ready, so a query filled after the worker started would never be searched.
    search.press_sequentially("fastapi")
    # The worker answered (it first builds its index: slow on a busy machine).
    tab.wait_for_selector(".md-search-result__item", state="attached", timeout=90_000)
    assert_no_violation(tab)


def test_instant_navigation_to_compare_any_and_the_palette_toggle(tab, csp_site):
    open_page(tab, csp_site[1])
    tab.evaluate("window.__same_document = true")
    tab.locator("article a[href$='/compare/']").first.click()
    tab.wait_for_selector("#compare-any[data-mounted='true']")
    assert tab.evaluate("window.__same_document") is True, "a full page load, not an instant navigation"
    assert tab.evaluate(INLINE_SCRIPTS_RAN)
    # The page's own inline script (it marks the form pending when the address names frameworks)
    # and the module: pick two frameworks, the table comes.
    for name in tab.locator("#compare-options option").evaluate_all("os => os.slice(0, 2).map(o => o.value)"):
        tab.get_by_label(re.compile("Add a framework")).fill(name)
        tab.keyboard.press("Enter")
    tab.wait_for_selector("#compare-any-table")
    scheme = tab.evaluate("document.body.dataset.mdColorScheme")
    tab.locator("form[data-md-component='palette'] label:visible").first.click()
    tab.wait_for_function("s => document.body.dataset.mdColorScheme !== s", arg=scheme)
    assert_no_violation(tab)
