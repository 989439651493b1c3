"""The code examples in Chromium: compare-any shows the chosen frameworks' code (fetched only when
the section comes near) and follows the chosen set; the tabs and pages with code fit a 390 px
phone; a framework page, a comparison page and compare-any with code are axe-clean in light and
dark."""

from __future__ import annotations

import re

import pytest

from macros.model.sections.code_examples import CodeExamples
from macros.model.sections.comparisons import Comparisons
from macros.views.sections import code_examples as view
from macros.views.text import plain
from tests.conftest import PageWatch
from tests.helpers.data import CATALOG
from tests.helpers.project import ROOT

pytestmark = pytest.mark.browser


EXAMPLES = CATALOG.section(CodeExamples)
COMPARISONS = CATALOG.section(Comparisons).items
NAME = {f.id: plain(f.name) for f in CATALOG.frameworks}
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
WIDTH = "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
JSON_NAME = "api/code-examples.json"


def example(framework: str, task: str = "items"):
    return next(e for e in EXAMPLES.of_framework(framework) if e.task == task)


def open_compare(page, site_url, query):
    page.goto(f"{site_url}compare/{query}")
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("#compare-any[data-mounted]")


def show_code(page):
    page.locator("#code-compare").scroll_into_view_if_needed()
    page.wait_for_selector("#code-compare[data-loaded='true']")


def tab_labels(page, scope):
    return [t.strip() for t in page.locator(f"{scope} .tabbed-labels > label").all_text_contents()]


def code_texts(block):
    """{title: text} of the files a tab shows."""
    return block.evaluate("""b => Object.fromEntries([...b.querySelectorAll('.highlight')].map(
        h => [h.querySelector('.filename').textContent, h.querySelector('code').textContent]))""")


def test_compare_any_shows_the_chosen_frameworks_code_fetched_only_when_near(page, site_url):
    page.set_viewport_size({"width": 1366, "height": 700})
    open_compare(page, site_url, "?frameworks=gin,fastapi")
    distance = page.evaluate("document.getElementById('code-compare').getBoundingClientRect().top - innerHeight")
    assert distance > 700, "the code section starts too close to the screen for this test"
    assert not [u for u in page.watch.requests if JSON_NAME in u], "fetched before the reader came near"
    assert page.locator("#code-compare .tabbed-set").count() == 0
    show_code(page)
    assert [u for u in page.watch.requests if JSON_NAME in u]
    assert tab_labels(page, "#code-compare") == [NAME["fastapi"], NAME["gin"]]
    blocks = page.locator("#code-compare .tabbed-block")
    for index, framework in enumerate(["fastapi", "gin"]):
        page.locator("#code-compare .tabbed-labels > label").nth(index).click()
        block = blocks.nth(index)
        assert block.is_visible() and blocks.nth(1 - index).is_hidden()
        expected = example(framework)
        assert block.locator(".code-meta").text_content() == f"{view.lines_text(expected)} · {view.verification_label(expected)}"
        shown = code_texts(block)
        assert list(shown) == [view.file_title(f) for f in expected.files if f.counted]
        for file in (f for f in expected.files if f.counted):
            # Shown with textContent: the file as it is, tabs and all.
            assert shown[view.file_title(file)] == (ROOT / file.path).read_text(encoding="utf-8")
    assert page.locator("#code-compare h3").all_text_contents() == ["Items API"]
    assert page.watch.foreign_requests() == [] and page.watch.errors == []


def test_compare_any_code_follows_the_chosen_set(page, site_url):
    open_compare(page, site_url, "?frameworks=gin,fastapi")
    show_code(page)
    page.get_by_role("button", name=f"Remove {NAME['gin']}").click()
    status = page.locator("#code-compare .code-compare__status")
    assert status.text_content() == "Choose two frameworks to see their code side by side."
    assert page.locator("#code-compare .tabbed-set").count() == 0
    page.get_by_label(re.compile("Add a framework")).fill(NAME["axum"])
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('code-compare').dataset.shown === 'fastapi,axum'")
    assert tab_labels(page, "#code-compare") == [NAME["fastapi"], NAME["axum"]]
    # Axum's tab shows its code; its manifest (not counted) is on its page.
    axum = page.locator("#code-compare .tabbed-block[data-framework='axum']")
    assert axum.locator(".filename").all_text_contents() == ["items/axum/src/main.rs"]
    page.get_by_label(re.compile("Add a framework")).fill(NAME["actix-web"])
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('code-compare').dataset.shown === 'fastapi,actix-web,axum'")
    # Actix Web and Axum share two tasks; FastAPI's WebSocket example is another framework's.
    assert page.locator("#code-compare h3").all_text_contents() == ["Items API", "WebSocket echo"]
    assert tab_labels(page, "#code-compare [data-task='websocket-echo']") == [NAME["actix-web"], NAME["axum"]]
    assert status.text_content() == ""
    # The gRPC frameworks share the .proto: shown once, above the tabs.
    open_compare(page, site_url, "?frameworks=grpc-go,tonic")
    show_code(page)
    proto = page.locator("#code-compare .code-compare__task > details.code-extra")
    assert proto.count() == 1 and proto.locator("summary").text_content().startswith("grpc/items.proto")
    assert page.locator("#code-compare .tabbed-block details").count() == 0
    assert page.locator("#code-compare .tabbed-block[data-framework='tonic'] .filename").all_text_contents() == [
        "grpc/tonic/src/main.rs", "grpc/tonic/build.rs"]
    assert page.watch.errors == []


def test_frameworks_without_a_common_example_say_where_the_code_is(page, site_url):
    open_compare(page, site_url, "?frameworks=fastapi,gorilla-websocket")
    show_code(page)
    assert page.locator("#code-compare .tabbed-set").count() == 0
    assert page.locator("#code-compare .code-compare__status").text_content() == (
        f"These frameworks have no example of the same task. The code of {NAME['fastapi']}, "
        f"{NAME['gorilla-websocket']} is on their pages.")


# ── Phones ──────────────────────────────────────────────────────────────────────────────────

# What does not fit a phone `width` px wide, first as the page is, then (with `tabs`) with the
# folded files opened and each tab selected in turn: run in the page, a few hundred tabs at the
# cost of one call.
FITS = """([width, tabs]) => {
  const problems = [];
  const check = (where) => {
    const scroll = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    if (scroll > width) problems.push(`${where}: wider than the phone (${scroll} px)`);
    for (const set of document.querySelectorAll('.tabbed-labels'))
      if (set.offsetParent && set.getBoundingClientRect().right > width) problems.push(`${where}: tabs reach past the screen`);
    for (const label of document.querySelectorAll('.tabbed-labels > label'))
      if (label.offsetParent && label.scrollWidth > label.clientWidth + 1) problems.push(`${where}: a tab label is cut`);
  };
  check('as loaded');
  if (tabs) {
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
    check('files opened');
    [...document.querySelectorAll('.tabbed-labels > label')].forEach((label, index) => {
      label.click();
      check(`tab ${index + 1} (${label.textContent.trim()})`);
    });
  }
  return problems;
}"""


def assert_fits(page, where, tabs=False):
    problems = page.evaluate(FITS, [PHONE["width"], tabs])
    assert problems == [], f"{where}: {problems[:5]}"


def test_pages_with_code_fit_a_phone_with_every_tab_open(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.route(re.compile(r"\.(png|svg)$"), lambda route: route.abort())
    try:
        for comparison in (c for c in COMPARISONS if view.shared_tasks(EXAMPLES, c.frameworks)):
            page.goto(f"{site_url}compare/{comparison.id}/", wait_until="domcontentloaded")
            assert_fits(page, comparison.id, tabs=True)
        for framework in sorted({e.framework for e in EXAMPLES.examples}):
            page.goto(f"{site_url}frameworks/{framework}/", wait_until="domcontentloaded")
            assert_fits(page, framework, tabs=True)
        page.goto(f"{site_url}compare/?frameworks=grpc-go,tonic,grpc-js,grpcio", wait_until="domcontentloaded")
        page.wait_for_selector("#compare-any[data-mounted]")
        page.locator("#code-compare").scroll_into_view_if_needed()
        page.wait_for_selector("#code-compare[data-loaded='true']")
        assert_fits(page, "compare-any", tabs=True)
        page.goto(f"{site_url}code-examples/", wait_until="domcontentloaded")
        assert_fits(page, "code-examples/")
    finally:
        context.close()


def test_five_frameworks_tabs_wrap_inside_their_own_box_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    try:
        page.goto(f"{site_url}compare/lightweight-services/")
        page.wait_for_load_state("networkidle")
        labels = page.locator("#code-items ~ .tabbed-set .tabbed-labels > label")
        assert labels.count() == 5
        rights = labels.evaluate_all("ls => ls.map(l => l.getBoundingClientRect().right)")
        assert max(rights) <= 320
        assert page.evaluate(WIDTH) <= 320
    finally:
        context.close()


# ── Accessibility ───────────────────────────────────────────────────────────────────────────

def axe_violations(browser, url, scheme, prepare=None):
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    tab.watch = PageWatch(tab)
    try:
        tab.goto(url)
        tab.wait_for_load_state("networkidle")
        if prepare:
            prepare(tab)
        tab.evaluate("document.querySelectorAll('details.code-extra').forEach(d => d.open = true)")
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        assert result["passes"], "axe checked nothing"
        assert tab.watch.errors == []
        assert tab.locator(".highlight").count() >= 2, f"{url}: no code shown"
        return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]
    finally:
        context.close()


def compare_any_code(tab):
    tab.wait_for_selector("#compare-any[data-mounted]")
    tab.locator("#code-compare").scroll_into_view_if_needed()
    tab.wait_for_selector("#code-compare[data-loaded='true']")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url, prepare", [
    ("frameworks/loco/", None),
    ("compare/lightweight-services/", None),
    ("compare/gorilla-websocket-vs-rust-websockets/", None),
    ("compare/?frameworks=actix-web,axum", compare_any_code),
], ids=["framework", "comparison", "comparison-two-tasks", "compare-any"])
def test_pages_with_code_are_axe_clean(browser, site_url, url, prepare, scheme):
    assert axe_violations(browser, site_url + url, scheme, prepare) == []
