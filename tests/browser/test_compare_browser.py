"""Comparisons in Chromium: compare-any by URL, the picker, differences, unknown ids, copy link,
the matrix picker, printing, hostile names, and no request leaving the site."""

from __future__ import annotations

import re

import pytest

from macros.model.sections.comparisons import Comparisons
from macros.views.compare_table import rows
from macros.views.sections.comparisons import COMPARE_ANY_MAX, COMPARE_ANY_MIN
from macros.views.text import plain
from tests.helpers.browser import MOBILE, WATCH_SHIFTS, hold, layout_shift, painted
from tests.helpers.data import CATALOG
from tests.helpers.hostile import poisoned

pytestmark = pytest.mark.browser


COMPARISONS = CATALOG.section(Comparisons).items
ORDER = [f.id for f in CATALOG.frameworks]
NAME = {f.id: plain(f.name) for f in CATALOG.frameworks}


def canonical(ids):
    return sorted(ids, key=ORDER.index)


def open_page(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


def open_compare(page, site_url, query):
    open_page(page, f"{site_url}compare/{query}")
    page.wait_for_selector("#compare-any[data-mounted]")
    return page


def headers(page, table="#compare-any-table"):
    return [t.strip() for t in page.locator(f"{table} thead th a").all_text_contents()]


def table_by_column(page, table):
    """{(row field, column header): cell text}, colspans expanded, whitespace collapsed. The phone
    layout's label of whose value a cell holds is left out: it follows the table's column order,
    which differs between a curated page (the comparison's order) and compare-any (the site's)."""
    return page.evaluate(
        """table => {
            const t = document.querySelector(table);
            const names = [...t.tHead.rows[0].cells].slice(1).map(th => th.textContent.trim());
            const out = {};
            for (const tr of t.tBodies[0].rows) {
                let column = 0;
                for (const td of [...tr.cells].slice(1)) {
                    for (let i = 0; i < td.colSpan; i++) {
                        const cell = td.cloneNode(true);
                        cell.querySelectorAll(".compare-who").forEach(e => e.remove());
                        out[tr.dataset.field + " | " + names[column++]] = cell.textContent.replace(/\\s+/g, " ").trim();
                    }
                }
            }
            return out;
        }""",
        table,
    )


def query_of(page):
    return re.search(r"\?frameworks=([^#]*)", page.url).group(1).split(",") if "?frameworks=" in page.url else []


def assert_clean(page):
    assert page.watch.foreign_requests() == []
    assert page.watch.errors == []


# ── Compare any set ─────────────────────────────────────────────────────────────────────

def test_the_address_names_the_set_in_one_order_and_survives_a_reload(page, site_url):
    ids = ["echo", "fastapi", "gin"]
    open_compare(page, site_url, "?frameworks=Echo, fastapi,GIN")
    page.wait_for_selector("#compare-any-table")
    assert query_of(page) == canonical(ids)
    assert headers(page) == [NAME[i] for i in canonical(ids)]
    page.reload()
    page.wait_for_selector("#compare-any-table")
    assert query_of(page) == canonical(ids)
    assert headers(page) == [NAME[i] for i in canonical(ids)]
    # Any order of the same set opens the same address.
    open_compare(page, site_url, "?frameworks=" + ",".join(reversed(canonical(ids))))
    assert query_of(page) == canonical(ids)
    assert_clean(page)


def test_the_picker_adds_and_removes_and_keeps_the_address_in_step(page, site_url):
    open_compare(page, site_url, "?frameworks=gin,fastapi")
    page.get_by_role("button", name=f"Remove {NAME['gin']}").click()
    assert query_of(page) == ["fastapi"]
    assert "more framework" in page.locator(".compare-result").text_content()
    assert page.locator("#compare-diff").is_disabled()
    page.get_by_label(re.compile("Add a framework")).fill(NAME["echo"].upper())
    page.keyboard.press("Enter")
    page.wait_for_selector("#compare-any-table")
    assert query_of(page) == canonical(["fastapi", "echo"])
    assert page.locator(".compare-notice").text_content() == f"{NAME['echo']} added."
    assert page.evaluate("document.activeElement.id") == "compare-add"
    # A name that is no framework is named back, and nothing changes.
    page.get_by_label(re.compile("Add a framework")).fill("Bottle")
    page.keyboard.press("Enter")
    assert "Bottle" in page.locator(".compare-notice").text_content()
    assert query_of(page) == canonical(["fastapi", "echo"])
    # The list of names offers only frameworks not chosen yet.
    options = page.locator("#compare-options option").evaluate_all("os => os.map(o => o.value)")
    assert len(options) == len(ORDER) - 2 and NAME["echo"] not in options
    assert_clean(page)


def test_at_most_four_are_compared_and_the_rest_are_named(page, site_url):
    ids = ORDER[: COMPARE_ANY_MAX + 1]
    open_compare(page, site_url, "?frameworks=" + ",".join(ids))
    assert headers(page) == [NAME[i] for i in ids[:COMPARE_ANY_MAX]]
    assert NAME[ids[-1]] in page.locator(".compare-notice").text_content()
    assert page.locator("#compare-add").is_disabled()
    assert_clean(page)


def test_unknown_ids_are_named_and_the_known_ones_still_compared(page, site_url):
    open_compare(page, site_url, "?frameworks=gin,no-such-framework,echo,bottle")
    notice = page.locator(".compare-notice")
    assert notice.is_visible()
    assert "no-such-framework" in notice.text_content() and "bottle" in notice.text_content()
    assert headers(page) == [NAME["gin"], NAME["echo"]]
    assert query_of(page) == ["gin", "echo"]
    assert_clean(page)


def test_show_only_differences_hides_the_rows_that_are_the_same(page, site_url):
    ids = canonical(["gin", "echo"])
    expected = rows(CATALOG, ids)
    assert any(r.same for r in expected) and not all(r.same for r in expected)
    open_compare(page, site_url, "?frameworks=" + ",".join(ids))
    shown = lambda: page.locator("#compare-any-table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.field)")
    assert shown() == [r.field.key for r in expected]
    page.get_by_label("Show only differences").check()
    assert shown() == [r.field.key for r in expected if not r.same]
    page.get_by_label("Show only differences").uncheck()
    assert shown() == [r.field.key for r in expected]
    assert_clean(page)


def test_copy_link_puts_the_address_on_the_clipboard(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_compare(page, site_url, "?frameworks=gin,fastapi")
    page.get_by_role("button", name="Copy link").click()
    page.wait_for_function("document.querySelector('.compare-copied').textContent !== ''")
    assert page.locator(".compare-copied").text_content() == "Link copied."
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    assert query_of(page) == canonical(["gin", "fastapi"])
    assert_clean(page)


def test_copy_link_without_clipboard_shows_the_link_selected(page, site_url):
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', { value: undefined })")
    open_compare(page, site_url, "?frameworks=gin,fastapi")
    page.get_by_role("button", name="Copy link").click()
    field = page.get_by_label("Link to this comparison")
    assert field.is_visible()
    assert field.input_value() == page.url
    assert page.evaluate("document.activeElement.id") == "compare-link"
    assert_clean(page)


def test_compare_any_shows_what_the_curated_pages_show(page, site_url):
    """The browser's rows (compare-core.mjs) and the build's (compare_table.py) agree."""
    checked = 0
    for comparison in COMPARISONS:
        if not COMPARE_ANY_MIN <= len(comparison.frameworks) <= COMPARE_ANY_MAX:
            continue
        page.goto(f"{site_url}compare/{comparison.id}/")  # no instant navigation needed here
        curated = table_by_column(page, "#side-by-side-table")
        page.goto(f"{site_url}compare/?frameworks=" + ",".join(comparison.frameworks))
        page.wait_for_selector("#compare-any-table")
        assert table_by_column(page, "#compare-any-table") == curated, comparison.id
        checked += 1
    assert checked >= len(COMPARISONS) // 2
    assert_clean(page)


def test_instant_navigation_mounts_the_compare_page_once(page, site_url):
    comparison = next(c for c in COMPARISONS if len(c.frameworks) == 2)
    open_page(page, f"{site_url}compare/{comparison.id}/")
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Open in the interactive comparison").click()
    page.wait_for_selector("#compare-any-table")
    assert query_of(page) == canonical(comparison.frameworks)
    # Away and back, without a reload: the form must not answer twice.
    page.locator("#compare-any-table thead a").first.click()
    page.wait_for_url(f"**/frameworks/{canonical(comparison.frameworks)[0]}/")
    page.go_back()
    page.wait_for_selector("#compare-any-table")
    assert page.evaluate("window.__sameDocument") is True
    extra = next(i for i in ORDER if i not in comparison.frameworks)
    page.get_by_label(re.compile("Add a framework")).fill(NAME[extra])
    page.keyboard.press("Enter")
    assert page.locator(".compare-notice").text_content() == f"{NAME[extra]} added."
    assert page.locator(".compare-chosen li").count() == 3
    assert_clean(page)


@pytest.mark.parametrize("query", ["?frameworks=gin,echo,fastapi", ""])
def test_the_page_does_not_move_when_the_table_comes(page, site_url, query):
    """With the data held back, a shared link's table has its room kept (what follows is below
    the screen) and an empty comparison is drawn as the script draws it: nothing moves."""
    page.set_viewport_size(MOBILE)
    page.add_init_script(WATCH_SHIFTS)
    held = hold(page, "**/api/frameworks.json")
    with page.expect_request("**/api/frameworks.json"):
        page.goto(f"{site_url}compare/{query}")
    painted(page)
    below = "() => document.getElementById('the-guides-comparisons').getBoundingClientRect().top"
    before = page.evaluate(below)
    if query:
        assert before >= MOBILE["height"]
    held[0].continue_()
    page.wait_for_selector("#compare-any[data-mounted='true']")
    if query:
        assert page.locator("#compare-any-table").is_visible()
    else:
        assert page.evaluate(below) == before
    assert layout_shift(page) == 0
    assert_clean(page)


def test_reached_by_instant_navigation_the_compare_page_works_with_its_styles(page, site_url):
    open_page(page, site_url)
    page.evaluate("window.__sameDocument = true")
    page.locator("article a[href$='/compare/']").first.click()  # a link in the home page's text
    page.wait_for_selector("#compare-any[data-mounted='true']")
    assert page.evaluate("window.__sameDocument") is True
    first, second = ORDER[:2]
    for fid in (first, second):
        page.get_by_label(re.compile("Add a framework")).fill(NAME[fid])
        page.keyboard.press("Enter")
    page.wait_for_selector("#compare-any-table")
    # docs/assets/css/compare.css came with the page: chosen frameworks as a row of chips.
    assert page.evaluate("() => getComputedStyle(document.querySelector('.compare-chosen')).display") == "flex"
    assert query_of(page) == [first, second]
    assert_clean(page)


def test_framework_data_is_fetched_only_by_the_compare_page(page, site_url):
    for url in ("", "matrix/", "frameworks/gin/", f"compare/{COMPARISONS[0].id}/"):
        open_page(page, site_url + url)
    assert not any("api/frameworks.json" in u for u in page.watch.requests)
    # The matrix page's picker is compare.mjs, with its core; no other of these pages loads them.
    assert [u.split("/")[-1] for u in page.watch.requests if "/assets/js/compare" in u] == ["compare.mjs", "compare-core.mjs"]
    open_compare(page, site_url, "?frameworks=gin,echo")
    assert any(u.endswith("api/frameworks.json") for u in page.watch.requests)
    assert_clean(page)


def test_when_the_data_cannot_load_the_page_says_so_and_keeps_the_list(page, site_url):
    page.route("**/api/frameworks.json", lambda route: route.fulfill(status=503, body="unavailable"))
    page.goto(f"{site_url}compare/?frameworks=gin,echo")
    page.wait_for_selector("#compare-any[data-mounted='error']")
    assert "could not be loaded" in page.locator(".compare-notice").text_content()
    assert not page.locator(".compare-picker").is_visible()
    assert page.locator(".compare-curated > li").count() == len(COMPARISONS)
    assert page.watch.foreign_requests() == []


def test_without_javascript_the_compare_page_lists_the_guides_comparisons(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_url}compare/?frameworks=gin,echo")
    assert not tab.locator("#compare-any").is_visible()
    assert tab.locator(".compare-curated > li").count() == len(COMPARISONS)
    context.close()


# ── From the matrix ─────────────────────────────────────────────────────────────────────

def test_picking_matrix_cells_opens_their_frameworks_side_by_side(page, site_url):
    picks = [("python", "lightweight"), ("go", "lightweight")]
    ids = canonical({fid for lang, uc in picks for fid in CATALOG.cell(lang, uc).framework_ids})
    open_page(page, f"{site_url}matrix/")
    page.wait_for_selector("#matrix-compare[data-mounted]")
    link = page.locator("#matrix-compare a")
    # Hidden until cells are picked, yet a real link (crawlable) to the compare page itself.
    assert not link.is_visible() and link.get_attribute("href") == "../compare/"
    assert page.locator(".matrix-compare__status").is_visible()
    for language, use_case in picks:
        name = f"Compare {plain(CATALOG.language(language).name)} × {plain(CATALOG.use_case(use_case).name)}"
        page.get_by_role("checkbox", name=name).check()
    assert link.text_content() == f"Compare {len(ids)} frameworks"
    link.click()
    page.wait_for_selector("#compare-any-table")
    assert query_of(page) == ids
    assert headers(page) == [NAME[i] for i in ids]
    assert_clean(page)


# ── Printing ────────────────────────────────────────────────────────────────────────────

def test_every_comparison_prints_on_one_a4_page_without_navigation(page, site_url):
    for comparison in COMPARISONS:
        page.goto(f"{site_url}compare/{comparison.id}/")
        pdf = page.pdf(format="A4")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"{comparison.id} prints on {pages} pages"
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".compare-further"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("article h1").is_visible()


# ── A hostile name ──────────────────────────────────────────────────────────────────────

def test_a_name_is_shown_as_text_on_both_kinds_of_page_of_the_hostile_site(page, hostile_site):
    hostile_site_url, HOSTILE = hostile_site["url"], poisoned("FastAPI")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    comparison = next(c for c in COMPARISONS if "fastapi" in c.frameworks and len(c.frameworks) <= COMPARE_ANY_MAX)
    open_page(page, f"{hostile_site_url}compare/{comparison.id}/")
    assert HOSTILE in headers(page, "#side-by-side-table")
    open_compare(page, hostile_site_url, "?frameworks=" + ",".join(comparison.frameworks))
    page.wait_for_selector("#compare-any-table")
    assert HOSTILE in headers(page)
    assert HOSTILE in page.locator(".compare-chosen").text_content()
    page.get_by_role("button", name=f"Remove {HOSTILE}").click()
    assert query_of(page) == [i for i in canonical(comparison.frameworks) if i != "fastapi"]
    assert HOSTILE in page.locator("#compare-options option").evaluate_all("os => os.map(o => o.value)")
    assert page.locator(".pwned").count() == 0
    assert dialogs == []
    assert_clean(page)
