"""The wizard in Chromium: every path from the start to every outcome, the URL state (reload,
back/forward, a shared link, a stale link), keyboard-only use, mounting once under instant
navigation, the decision record, and data shown as text."""

from __future__ import annotations

import pytest

from macros.model.sections.decision_tree import DecisionTree
from macros.views.text import plain
from tests.helpers.browser import MOBILE, WATCH_SHIFTS, hold, layout_shift, painted, teammates_page
from tests.helpers.data import CATALOG
from tests.helpers.datasets import ROOT
from tests.helpers.diagram_checks import shown_text, squeezed
from tests.helpers.hostile import poisoned

pytestmark = pytest.mark.browser

TREE = CATALOG.section(DecisionTree)
PATHS = TREE.paths()
MOUNTED = "#wizard[data-mounted]"


def open_wizard(page, site_url, query=""):
    page.goto(site_url + "wizard/" + query)
    page.wait_for_selector(MOUNTED)
    return page


def heading(page) -> str:
    return page.locator("#wizard h2").text_content()


def choose(page, label: str):
    page.locator("#wizard .wizard-options").get_by_role("button", name=plain(label), exact=True).click()


def walk(page, path, taken=()):
    """Answer `path`'s steps, each on its question (`taken`: the steps answered before them)."""
    for step in path:
        assert heading(page) == plain(TREE.questions[step.question].question), (taken, step)
        choose(page, TREE.option(step).label)


def assert_clean(page):
    assert page.watch.errors == []
    assert page.watch.foreign_requests() == []


def outcome_problems(page, site_url, path) -> list[str]:
    """What differs on the page from the outcome `path` leads to (nothing: [])."""
    outcome = TREE.outcomes[TREE.end_of(path)]
    problems = []
    if heading(page) != plain(outcome.title):
        problems.append(f"heading {heading(page)!r}")
    if not page.url.endswith(f"/wizard/?path={TREE.url_path(path)}"):
        problems.append(f"address {page.url}")
    recommended = page.locator("#wizard .wizard-recommended a")
    if recommended.all_text_contents() != [plain(CATALOG.framework(f).name) for f in outcome.frameworks]:
        problems.append(f"recommended {recommended.all_text_contents()}")
    hrefs = [link.get_attribute("href") for link in recommended.all()]
    if hrefs != [f"{site_url}frameworks/{fid}/" for fid in outcome.frameworks]:
        problems.append(f"links {hrefs}")
    # The "why" trace: each answer with what it implied, in order.
    why = page.locator("#wizard .wizard-why > li").all_text_contents()
    if len(why) != len(path) or not all(plain(TREE.option(step).label) in line and plain(TREE.option(step).implies) in line
                                        for line, step in zip(why, path)):
        problems.append(f"why {why}")
    if page.locator("#wizard .wizard-alternatives > li").count() != len(outcome.alternatives):
        problems.append("alternatives")
    return problems


FIRST_ANSWERS = sorted({p[0].option for p in PATHS})


@pytest.mark.parametrize("first", FIRST_ANSWERS, ids=[TREE.questions[TREE.start].options[i].next for i in FIRST_ANSWERS])
def test_every_path_leads_to_its_outcome(page, site_url, first):
    """Every path that starts with this answer, clicked through as a reader exploring would: to an
    outcome, then Back to the last question the next path shares, and on (depth first)."""
    paths = [p for p in PATHS if p[0].option == first]
    wrong = {}
    open_wizard(page, site_url)
    previous = ()
    for path in paths:
        shared = next((i for i, (a, b) in enumerate(zip(previous, path)) if a != b), min(len(previous), len(path)))
        try:
            for _ in range(len(previous) - shared):
                page.locator("#wizard button.wizard-back").click()
            walk(page, path[shared:], path[:shared])
            problems = outcome_problems(page, site_url, path)
        except AssertionError as error:  # a wrong step: the next path starts from a fresh page
            problems = [f"on the way: {error}"]
        if problems:
            wrong[TREE.url_path(path)] = problems
            open_wizard(page, site_url)
        previous = () if problems else path
    assert paths and not wrong, wrong
    assert_clean(page)


def test_paths_counted_from_the_data_match_the_tree_on_the_page(page, site_url):
    open_wizard(page, site_url)
    assert page.locator("#wizard-tree a.wizard-tree-outcome").count() == len(PATHS)
    # The whole tree stays open below the wizard: folding it once the script runs would move
    # the page under the reader (the reader may fold it).
    assert page.locator("details.wizard-static").evaluate("d => d.open")
    counted = page.evaluate("""async () => {
        const core = await import(new URL('assets/js/wizard-core.mjs', location.origin + '/').href);
        const tree = await (await fetch('../api/decision-tree.json')).json();
        return core.allPaths(tree).length;
    }""")
    assert counted == len(PATHS)
    # The diagrams of the same tree (drawn ahead of time) are in it.
    for figure in page.locator("figure.diagram").all():
        figure.scroll_into_view_if_needed()
    labels = shown_text(page)
    assert all(squeezed(plain(o.title)) in labels for o in TREE.outcomes.values())


def test_reload_and_a_copied_link_restore_the_step(page, site_url, browser):
    path = max(PATHS, key=len)
    open_wizard(page, site_url)
    walk(page, path[:2])
    url, expected = page.url, heading(page)
    page.reload()
    page.wait_for_selector(MOUNTED)
    assert heading(page) == expected
    assert page.locator("#wizard .wizard-trail li").count() == 2
    assert page.locator("#wizard .wizard-progress").text_content() == "Step 3"
    # A teammate opens the same address in a browser of their own.
    with teammates_page(browser, url, MOUNTED) as other:
        assert heading(other) == expected
    assert_clean(page)


def test_back_and_forward_move_between_steps(page, site_url):
    path = max(PATHS, key=len)
    open_wizard(page, site_url)
    walk(page, path)
    titles = [plain(TREE.questions[s.question].question) for s in path] + [plain(TREE.outcomes[TREE.end_of(path)].title)]
    for expected in reversed(titles[:-1]):
        page.go_back()
        page.wait_for_function("t => document.querySelector('#wizard h2')?.textContent === t", arg=expected)
    page.go_forward()
    page.wait_for_function("t => document.querySelector('#wizard h2')?.textContent === t", arg=titles[1])
    assert page.locator("#wizard .wizard-trail li").count() == 1
    assert_clean(page)


def test_back_restart_and_changing_an_earlier_answer(page, site_url):
    path = max(PATHS, key=len)
    open_wizard(page, site_url)
    walk(page, path[:3])
    page.locator("#wizard button.wizard-back").click()
    assert heading(page) == plain(TREE.questions[path[2].question].question)
    # Changing the first answer clears the later ones.
    page.locator("#wizard .wizard-trail button").first.click()
    assert heading(page) == plain(TREE.questions[TREE.start].question)
    assert page.locator("#wizard .wizard-trail").count() == 0
    assert "?path=" not in page.url
    walk(page, path[:2])
    page.locator("#wizard button.wizard-restart").click()
    assert heading(page) == plain(TREE.questions[TREE.start].question)
    assert page.locator("#wizard h2").evaluate("h => document.activeElement === h")
    assert_clean(page)


def test_a_stale_link_shows_a_notice_and_restarts(page, site_url):
    first = PATHS[0]
    open_wizard(page, site_url, f"?path={TREE.option(first[0]).next}/no-such-answer")
    notice = page.locator("#wizard .wizard-notice")
    assert notice.is_visible() and "starts again" in notice.text_content()
    assert heading(page) == plain(TREE.questions[TREE.start].question)
    assert page.url == site_url + "wizard/"
    open_wizard(page, site_url, "?path=constructor")
    assert notice.is_visible()
    assert_clean(page)


def test_keyboard_only_from_the_first_question_to_the_record(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_wizard(page, site_url)
    path = PATHS[-1]
    for step in path:
        # Tab until an answer has focus, then to the one to choose, and press Enter.
        for _ in range(60):
            if page.evaluate("() => document.activeElement?.dataset.action === 'answer'"):
                break
            page.keyboard.press("Tab")
        for _ in range(step.option):
            page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.textContent") == plain(TREE.option(step).label)
        page.keyboard.press("Enter")
        # Focus moves to the new heading, and the live region announces it.
        assert page.evaluate("() => document.activeElement.matches('#wizard h2')")
    outcome = TREE.outcomes[TREE.end_of(path)]
    assert page.locator("#wizard [aria-live='polite']").text_content() == f"Recommendation: {plain(outcome.title)}"
    for _ in range(80):
        if page.evaluate("() => document.activeElement?.dataset.action === 'copy'"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.wizard-copy-status').textContent.startsWith('Copied')")
    record = page.evaluate("() => navigator.clipboard.readText()")
    assert record.startswith(f"# {plain(outcome.title)}\n")
    assert_clean(page)


def test_each_option_is_a_button_named_by_its_label(page, site_url):
    open_wizard(page, site_url)
    start = TREE.questions[TREE.start]
    names = page.locator("#wizard .wizard-options button").evaluate_all("bs => bs.map(b => b.textContent)")
    assert names == [plain(o.label) for o in start.options]
    for option in start.options:
        assert page.get_by_role("button", name=plain(option.label), exact=True).count() == 1
    live = page.locator("#wizard [aria-live='polite']")
    assert live.text_content() == f"Step 1: {plain(start.question)}"


def test_decision_record_download_and_copy_denied(page, site_url):
    page.add_init_script("""Object.defineProperty(navigator, 'clipboard', {value: {
        writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))}})""")
    path = PATHS[0]
    open_wizard(page, site_url, f"?path={TREE.url_path(path)}")
    page.locator("#wizard button.wizard-copy").click()
    status = page.locator("#wizard .wizard-copy-status")
    status.filter(has_text="did not allow").wait_for()
    outcome_id = TREE.end_of(path)
    with page.expect_download() as download_info:
        page.locator("#wizard a[download]").click()
    download = download_info.value
    assert download.suggested_filename == f"decision-{outcome_id}.md"
    text = open(download.path(), encoding="utf-8").read()
    sections = [line for line in text.splitlines() if line.startswith("## ")]
    assert sections == ["## Context", "## Decision", "## Consequences", "## Alternatives considered"]
    assert f"- Source: [the decision wizard]({page.url})" in text
    assert_clean(page)


def _popstate_listeners(page) -> int:
    cdp = page.context.new_cdp_session(page)
    window = cdp.send("Runtime.evaluate", {"expression": "window"})["result"]["objectId"]
    listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": window})["listeners"]
    cdp.detach()
    return sum(1 for listener in listeners if listener["type"] == "popstate")


def test_mounts_once_after_navigating_away_and_back(page, site_url):
    open_wizard(page, site_url)
    page.wait_for_load_state("networkidle")
    on_wizard = _popstate_listeners(page)
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav--primary a[href$='/matrix/']").first.click()
    page.wait_for_url("**/matrix/")
    page.wait_for_selector("#matrix")
    assert _popstate_listeners(page) == on_wizard - 1  # the wizard's own listener is gone
    page.locator(".md-nav--primary a[href$='/wizard/']").first.click()
    page.wait_for_selector(MOUNTED)
    assert page.evaluate("window.__sameDocument") is True  # instant navigation, no reload
    assert _popstate_listeners(page) == on_wizard
    # One answer moves one step and adds one history entry.
    before = page.evaluate("history.length")
    choose(page, TREE.option(max(PATHS, key=len)[0]).label)
    assert page.evaluate("history.length") == before + 1
    assert page.locator("#wizard .wizard-progress").text_content() == "Step 2"
    page.go_back()
    page.wait_for_function("() => !document.querySelector('#wizard .wizard-trail')")
    assert_clean(page)


def test_an_outcome_page_opens_its_answers_in_the_wizard(page, site_url):
    path = max(PATHS, key=len)
    outcome = TREE.outcomes[TREE.end_of(path)]
    page.goto(f"{site_url}wizard/{outcome.id}/")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator(f"article a[href$='/wizard/?path={TREE.url_path(path)}']").first.click()
    page.wait_for_selector(MOUNTED)
    assert page.evaluate("window.__sameDocument") is True  # instant navigation
    assert heading(page) == plain(outcome.title)
    assert page.locator("#wizard .wizard-trail li").count() == len(path)
    assert_clean(page)


def test_pages_without_the_wizard_fetch_nothing_of_it(page, site_url):
    for url in ("", "matrix/", "frameworks/gin/", f"wizard/{next(iter(TREE.outcomes))}/"):
        page.goto(site_url + url)
        page.wait_for_load_state("networkidle")
    assert not any("decision-tree" in u or "/assets/js/wizard" in u for u in page.watch.requests)
    open_wizard(page, site_url)
    assert sum("decision-tree.json" in u for u in page.watch.requests) == 1
    assert_clean(page)


# ── Reached without a full page load, and drawn without moving the page ─────────────────────

def test_the_page_does_not_move_when_the_script_takes_over(page, site_url):
    """The build draws the first question as the script does: with the tree's JSON held back,
    the page shows it; once the script has it, the same elements are in the same place."""
    page.set_viewport_size(MOBILE)
    page.add_init_script(WATCH_SHIFTS)
    held = hold(page, "**/api/decision-tree.json")
    with page.expect_request("**/api/decision-tree.json"):
        page.goto(site_url + "wizard/")
    painted(page)
    stage = "() => document.querySelector('#wizard .wizard-stage').innerHTML"
    below = "() => document.querySelector('details.wizard-static').getBoundingClientRect().top"
    before = (page.evaluate(stage), page.evaluate(below))
    assert page.locator("#wizard h2").text_content() == plain(TREE.questions[TREE.start].question)
    held[0].continue_()
    page.wait_for_selector(MOUNTED)
    assert (page.evaluate(stage), page.evaluate(below)) == before
    assert layout_shift(page) == 0
    assert_clean(page)


def test_reached_by_instant_navigation_the_wizard_works_with_its_styles(page, site_url):
    """Its script and styles are the page's own: a page reached by an in-site link (no new
    document) still gets them, and the next page drops the styles."""
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    style = "() => getComputedStyle(document.querySelector('#wizard .wizard-options')).display"
    page.locator("article a[href$='/wizard/']").first.click()  # a link in the home page's text
    page.wait_for_selector(MOUNTED)
    assert page.evaluate("window.__sameDocument") is True
    assert page.evaluate(style) == "grid"  # docs/assets/css/wizard.css
    choose(page, TREE.option(max(PATHS, key=len)[0]).label)
    assert page.locator("#wizard .wizard-progress").text_content() == "Step 2"
    wizard_styles = "() => [...document.querySelectorAll('head style')].filter(s => s.textContent.includes('.wizard-options')).length"
    assert page.evaluate(wizard_styles) == 1
    page.locator(".md-nav--primary a[href$='/matrix/']").first.click()
    page.wait_for_selector("#matrix")
    assert page.evaluate(wizard_styles) == 0
    assert_clean(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_a_question_with_answers_and_on_a_result(browser, site_url, scheme):
    """The audits (tests/test_axe.py) see the wizard's first question; this checks the states
    only the script shows: the breadcrumb, the controls, the notice and the result."""
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    path = max(PATHS, key=len)
    try:
        for query in (f"?path={TREE.url_path(path[:2])}", f"?path={TREE.url_path(path)}", "?path=stale"):
            tab.goto(site_url + "wizard/" + query)
            tab.wait_for_selector(MOUNTED)
            tab.add_script_tag(path=str(ROOT / "node_modules" / "axe-core" / "axe.min.js"))
            result = tab.evaluate("async () => await axe.run('#wizard', {resultTypes: ['violations']})")
            assert result["violations"] == [], (query, [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]])
    finally:
        context.close()


def test_a_label_is_shown_as_text_on_the_hostile_site(page, hostile_site):
    url, payload = hostile_site["url"], poisoned(TREE.questions[TREE.start].options[0].label)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_wizard(page, url)
    button = page.locator("#wizard .wizard-options button").first
    assert button.text_content() == payload
    assert page.locator("#wizard img, #wizard .pwned").count() == 0
    button.click()
    assert page.locator("#wizard .wizard-trail-answer").first.text_content() == payload
    assert page.locator(".pwned").count() == 0 and dialogs == []
    assert_clean(page)


def test_a_result_gives_the_guides_figures_and_cautions_its_row_and_its_stack(page, site_url):
    from macros.views.wizard_result import figures, reality_checks

    path = next(p for p in PATHS if TREE.end_of(p) == "fastapi-ml")
    open_wizard(page, site_url, f"?path={TREE.url_path(path)}")
    outcome = TREE.outcomes["fastapi-ml"]
    weigh = page.locator("#wizard .wizard-weigh")
    assert weigh.locator(".admonition.warning li, .admonition.warning p:not(.admonition-title)").all_text_contents() == [
        plain(c) for c in reality_checks(CATALOG, outcome)]
    shown = weigh.locator(".wizard-figures li").all_text_contents()
    assert len(shown) == len(figures(CATALOG, outcome)) > 0
    assert all(line.metric in text for line, text in zip(figures(CATALOG, outcome), shown))
    assert "Machine learning inference → Python (FastAPI)" in page.locator("#wizard .wizard-decision-row").text_content()
    # A platform's result opens its stack in the composer.
    path = next(p for p in PATHS if TREE.end_of(p) == "polyglot")
    open_wizard(page, site_url, f"?path={TREE.url_path(path)}")
    href = page.locator("#wizard a.wizard-compose").get_attribute("href")
    assert href == site_url + "stack/?" + "&".join(f"{k}={v}" for k, v in TREE.outcomes["polyglot"].stack)
    # An answer without a framework shows the site's note, labelled as the site's.
    path = next(p for p in PATHS if TREE.end_of(p) == "sse")
    open_wizard(page, site_url, f"?path={TREE.url_path(path)}")
    assert page.locator("#wizard .wizard-site-note .admonition-title").text_content() == "This site's note, not the guide's"
    assert page.locator("#wizard .wizard-recommended").count() == 0 and page.locator("#wizard .wizard-compare").count() == 0
    assert_clean(page)


# The boxes of a drawing's words: every label of a node or an arrow, as the drawing lays it out.
LABEL_BOXES = """() => [...document.querySelectorAll('foreignObject')].map((f) => {
    const r = f.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, f.textContent.trim()]; })
    .filter((b) => b[4] && b[2] > b[0] && b[3] > b[1])"""


def test_the_tree_diagrams_read_their_labels_never_overlap_and_each_opens_full_size(page, site_url):
    """Each diagram of the tree is shown at 60 % of its size or more (it scrolls in its own box),
    opens full size, and no two of its labels overlap."""
    page.set_viewport_size({"width": 1366, "height": 900})
    open_wizard(page, site_url)
    drawings = page.locator(".wizard-diagrams figure.diagram .diagram-drawing:visible")
    assert drawings.count() == len(page.locator(".wizard-diagrams figure.diagram").all()) > 1
    sources = []
    for drawing in drawings.all():
        drawing.scroll_into_view_if_needed()
        img = drawing.locator("img")
        img.evaluate("i => i.decode()")
        scale = img.evaluate("i => i.getBoundingClientRect().width / i.naturalWidth")
        assert scale >= 0.6, scale
        assert drawing.get_attribute("href") == img.get_attribute("src")  # the link opens the drawing itself
        sources.append(img.evaluate("i => i.src"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    for source in sources:
        page.goto(source)
        boxes = page.evaluate(LABEL_BOXES)
        assert len(boxes) > 4
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                overlap = min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1
                assert not overlap, (source, a[4], b[4])
