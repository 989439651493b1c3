"""The stack composer in Chromium: the picks in the address (a round trip, a shared link, an
unknown id), keyboard-only use, the drawing's text (the same as its text alternative, selectable,
read by assistive technology), the compose sketch as YAML, the decision record, the wizard's
platform answer opening it, axe in both schemes, and a page no wider than a phone."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml

from macros.model.sections.decision_tree import DecisionTree
from macros.model.sections.stack import StackComposer
from macros.views.sections import stack as view
from tests.helpers.browser import WATCH_SHIFTS, hold, layout_shift, painted, teammates_page
from tests.helpers.data import CATALOG
from tests.helpers.project import ROOT

pytestmark = pytest.mark.browser


DATA_JSON = view.stack_json(CATALOG, CATALOG.section(StackComposer))
DEFAULTS = view.default_picks(DATA_JSON)
SLOTS = [slot["id"] for slot in DATA_JSON["slots"]]
MOUNTED = "#stack[data-mounted]"
OTHER = {"full-featured": "rails-api", "lightweight": "fastapi", "service-to-service": "bull", "realtime": "django-channels"}


def open_composer(page, site_url, query=""):
    page.goto(site_url + "stack/" + query)
    page.wait_for_selector(MOUNTED)
    return page


def query(picks: dict[str, str]) -> str:
    return "?" + "&".join(f"{slot}={picks[slot]}" for slot in SLOTS)


def picks_in(page) -> dict[str, str]:
    return {slot: page.locator(f"#stack select[name='{slot}']").input_value() for slot in SLOTS}


def shown_lines(page) -> list[str]:
    return page.locator("#stack-text .stack-lines li").all_text_contents()


def expected_lines(picks: dict[str, str]) -> list[str]:
    composition = view.compose(DATA_JSON, picks)
    return [view.line_text(composition, line) for line in composition.lines]


def assert_clean(page):
    assert page.watch.errors == []
    assert page.watch.foreign_requests() == []


def test_the_picks_live_in_the_address_and_come_back_on_reload_and_in_another_browser(page, site_url, browser):
    open_composer(page, site_url)
    assert picks_in(page) == DEFAULTS and urlsplit(page.url).query == ""
    for slot, pick in OTHER.items():
        page.locator(f"#stack select[name='{slot}']").select_option(pick)
    assert dict(parse_qsl(urlsplit(page.url).query)) == OTHER
    assert list(dict(parse_qsl(urlsplit(page.url).query))) == SLOTS  # in the slots' order
    assert shown_lines(page) == expected_lines(OTHER)
    url = page.url
    page.reload()
    page.wait_for_selector(MOUNTED)
    assert picks_in(page) == OTHER and shown_lines(page) == expected_lines(OTHER)
    with teammates_page(browser, url, MOUNTED) as other:
        assert picks_in(other) == OTHER
    assert_clean(page)


def test_an_unknown_id_is_named_and_the_rest_of_the_stack_still_shown(page, site_url):
    open_composer(page, site_url, "?full-featured=djngo&lightweight=fastapi&service-to-service=<b>x</b>&realtime=socket-io")
    notice = page.locator("#stack .stack-notice")
    assert notice.is_visible()
    text = notice.text_content()
    assert "“djngo” for Full-featured CRUD" in text and "“<b>x</b>” for Service-to-service" in text  # as text
    assert page.locator("#stack .stack-notice b").count() == 0
    assert picks_in(page) == {**DEFAULTS, "lightweight": "fastapi"}
    assert shown_lines(page) == expected_lines({**DEFAULTS, "lightweight": "fastapi"})
    assert_clean(page)


def test_keyboard_only_from_the_first_choice_to_the_record(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_composer(page, site_url)
    for _ in range(80):
        if page.evaluate("() => document.activeElement?.name === 'full-featured'"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "stack-pick-full-featured"
    page.keyboard.press("ArrowDown")  # a closed select changes its choice with the arrow keys
    chosen = page.evaluate("() => document.activeElement.value")
    assert chosen != DEFAULTS["full-featured"]
    page.wait_for_function("v => location.search.includes('full-featured=' + v)", arg=chosen)
    for _ in range(20):
        if page.evaluate("() => document.activeElement?.dataset.action === 'copy-record'"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#stack .stack-status').textContent.startsWith('Copied')")
    record = page.evaluate("() => navigator.clipboard.readText()")
    name = next(p["name"] for p in DATA_JSON["slots"][0]["picks"] if p["id"] == chosen)
    assert record.startswith(f"# Polyglot stack: {name}, ")
    assert f"- Source: [the stack composer]({page.url})" in record
    assert_clean(page)


def test_the_drawing_says_what_its_text_alternative_says_and_its_words_are_text(page, site_url):
    open_composer(page, site_url, query(OTHER))
    composition = view.compose(DATA_JSON, OTHER)
    svg = page.locator("svg.stack-svg")
    names = svg.locator(".stack-box:not([display='none']) [data-part='name']").all_text_contents()
    assert names == [composition.boxes[n].name for n in view.PLACES if n in composition.boxes]
    titles = svg.locator(".stack-line:not([display='none']) title").all_text_contents()
    assert sorted(titles) == sorted(shown_lines(page)) == sorted(expected_lines(OTHER))
    assert svg.locator(".stack-line:not([display='none'])").count() == len(composition.lines)
    # The words can be selected and copied like any text of the page.
    selected = page.evaluate("""() => { const s = getSelection(); s.removeAllRanges(); const r = document.createRange();
        r.selectNodeContents(document.querySelector('.stack-svg')); s.addRange(r); return s.toString(); }""")
    assert composition.boxes["full-featured"].name in selected and "port 8000" in selected
    # Assistive technology reads them: they are in the accessibility tree under the drawing's name.
    tree = svg.aria_snapshot()
    assert "The composed stack" in tree and composition.boxes["realtime"].name in tree and "port 3000" in tree
    assert_clean(page)


def test_the_compose_sketch_is_yaml_with_the_stacks_services_and_downloads(page, site_url):
    open_composer(page, site_url, query(OTHER))
    sketch = yaml.safe_load(page.locator("#stack-compose").text_content())
    expected = view.compose(DATA_JSON, OTHER).services
    assert list(sketch["services"]) == list(expected)
    assert {"traefik", "rails-api", "fastapi", "django-channels", "bull-worker", "postgresql", "redis"} == set(sketch["services"])
    assert "rabbitmq" not in sketch["services"]  # Bull runs on Redis
    with page.expect_download() as info:
        page.locator("#stack a[data-action='download-compose']").click()
    download = info.value
    assert download.suggested_filename == "docker-compose.yml"
    assert yaml.safe_load(open(download.path(), encoding="utf-8")) == sketch
    with page.expect_download() as info:
        page.locator("#stack a[data-action='download-record']").click()
    record = open(info.value.path(), encoding="utf-8").read()
    assert [line for line in record.splitlines() if line.startswith("## ")] == [
        "## Context", "## Decision", "## Consequences", "## Compose sketch"]
    assert_clean(page)


def test_the_page_does_not_move_when_the_script_takes_over(page, site_url):
    """The build drew the guide's stack as the script does: once the script has its data, the
    drawing, its text and the sketch are the same, and nothing moved."""
    page.add_init_script(WATCH_SHIFTS)
    held = hold(page, "**/api/stack.json")
    with page.expect_request("**/api/stack.json"):
        page.goto(site_url + "stack/")
    painted(page)
    parts = "() => ['.stack-svg', '#stack-text', '#stack-compose'].map((s) => document.querySelector(s).innerHTML)"
    before = page.evaluate(parts)
    held[0].continue_()
    page.wait_for_selector(MOUNTED)
    assert page.evaluate(parts) == before
    assert layout_shift(page) == 0
    assert_clean(page)


def test_the_wizards_platform_answer_opens_its_stack_in_the_composer(page, site_url):
    tree = CATALOG.section(DecisionTree)
    path = next(p for p in tree.paths() if tree.end_of(p) == "polyglot-rails")
    page.goto(f"{site_url}wizard/?path={tree.url_path(path)}")
    page.wait_for_selector("#wizard[data-mounted]")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator("#wizard a.wizard-compose").click()
    page.wait_for_selector(MOUNTED)
    assert page.evaluate("window.__sameDocument") is True  # instant navigation
    assert picks_in(page) == dict(tree.outcomes["polyglot-rails"].stack)
    assert "Action Cable" in " ".join(shown_lines(page))
    assert_clean(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_a_composed_stack_with_a_notice(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    try:
        tab.goto(site_url + "stack/" + query(OTHER).replace("rails-api", "nope"))
        tab.wait_for_selector(MOUNTED)
        tab.add_script_tag(path=str(ROOT / "node_modules" / "axe-core" / "axe.min.js"))
        result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        assert result["violations"] == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 390])
def test_no_wider_than_a_phone(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    try:
        tab.goto(site_url + "stack/" + query(OTHER))
        tab.wait_for_selector(MOUNTED)
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
        # The drawing keeps a readable size and scrolls in its own box.
        box = tab.locator(".stack-scroll")
        assert box.evaluate("b => b.scrollWidth > b.clientWidth") and box.get_attribute("tabindex") == "0"
        size = tab.locator(".stack-name").first.evaluate("t => t.getBoundingClientRect().height")
        assert size >= 11
    finally:
        context.close()


def test_each_choice_is_labelled_by_its_use_case(page, site_url):
    open_composer(page, site_url)
    for slot in DATA_JSON["slots"]:
        select = page.get_by_label(slot["name"], exact=True)
        assert select.get_attribute("name") == slot["id"]
        offered = select.locator("option").evaluate_all("os => os.map(o => o.value)")
        assert sorted(offered) == sorted(p["id"] for p in slot["picks"])
    assert_clean(page)
