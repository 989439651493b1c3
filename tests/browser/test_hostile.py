"""Hostile data: an HTML/JavaScript payload in every text field of every data file (found through
the JSON Schemas, tests/audit/text_fields.py), a real build, and every page type in Chromium: no
dialog opens, no element or script is injected, and the payload reads as text."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.audit.page_types import PAGE_TYPES, select_pages
from tests.audit.text_fields import text_fields
from tests.helpers.datasets import DATA
from tests.helpers.hostile import VISIBLE

INSPECT = """() => {
  const executable = (s) => !s.type || s.type === "module" || s.type.includes("javascript");
  const parses = (s) => { try { JSON.parse(s.textContent); return true; } catch { return false; } };
  return {
    pwned: document.querySelectorAll(".pwned").length,
    handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)))
      .map((e) => e.outerHTML.slice(0, 120)),
    scripts: [...document.scripts].filter((s) => executable(s) && s.textContent.includes("alert(")).length,
    brokenJson: [...document.querySelectorAll('script[type="application/json"]')].filter((s) => !parses(s)).length,
    scriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    text: document.body.innerText,
  };
}"""


def test_the_payload_reaches_every_text_field_and_no_identifier():
    found = text_fields(DATA)
    frameworks = yaml.safe_load((DATA / "frameworks.yaml").read_text(encoding="utf-8"))["frameworks"]
    framework_paths = found["frameworks"][1]
    for index, framework in enumerate(frameworks):
        assert ("frameworks", index, "name") in framework_paths and ("frameworks", index, "summary") in framework_paths
        for i in range(len(framework.get("pros", []))):
            assert ("frameworks", index, "pros", i) in framework_paths
    every_path = [p for _, paths in found.values() for p in paths]
    assert not [p for p in every_path if p[-1] in ("id", "language", "kind", "next", "frameworks")]
    assert {stem for stem in found} == {p.stem for p in DATA.glob("*.yaml")}


def test_the_hostile_data_builds_and_publishes_the_payload_as_data(hostile_site):
    assert hostile_site["count"] > 0
    published = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((hostile_site["site"] / "api").glob("*.json"))]
    assert published, "no JSON under api/"
    assert any(VISIBLE in json.dumps(data, ensure_ascii=False) for data in published)


def assert_inert(tab, dialogs, where):
    found = tab.evaluate(INSPECT)
    assert dialogs == [], f"{where}: {len(dialogs)} dialogs opened, e.g. {dialogs[:5]}"
    assert found["pwned"] == 0 and found["handlers"] == [], f"{where}: injected {found['handlers']}"
    assert found["scripts"] == 0 and found["brokenJson"] == 0 and found["scriptLinks"] == 0, where
    assert VISIBLE in found["text"], f"{where}: the payload is not shown as text"
    assert "{{ 6*7 }}" in found["text"], f"{where}: data was rendered as a template"


@pytest.mark.browser
@pytest.mark.parametrize("page_type", [t.name for t in PAGE_TYPES])
def test_every_page_type_shows_the_payload_as_inert_text(browser, hostile_site, page_type):
    selection = select_pages(hostile_site["site"], hostile_site["data"])
    if page_type in selection.missing:
        pytest.fail(f"{page_type}: {selection.absent[page_type]}")
    if page_type not in selection.pages:
        pytest.skip(f"{page_type}: {selection.absent[page_type]}")
    context = browser.new_context()
    tab = context.new_page()
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        url = hostile_site["url"] + selection.pages[page_type]
        tab.goto(url)
        tab.wait_for_load_state("networkidle")
        tab.evaluate("document.querySelectorAll('details').forEach(d => { if (d.querySelector('figure.diagram')) d.open = true; })")
        figures = tab.locator("figure.diagram")
        for index in range(figures.count()):  # diagrams not drawn ahead of time draw as they come into view
            figures.nth(index).scroll_into_view_if_needed()
        if figures.count():
            tab.wait_for_load_state("networkidle")
        assert_inert(tab, dialogs, url)
        # Pages that draw data with JavaScript: walk the wizard to a result; follow a link with
        # instant navigation, which swaps pages in place.
        answers = tab.locator("#wizard button[data-action='answer']")
        for _ in range(50):
            if not answers.count():
                break
            button = answers.first.element_handle()
            button.click()
            button.wait_for_element_state("hidden")  # the next step replaced it
        else:
            pytest.fail("the wizard never reached a result")
        link = tab.locator("article a[href*='frameworks/']").first
        if link.count():
            link.click()
            tab.wait_for_load_state("networkidle")
        assert_inert(tab, dialogs, tab.url)
    finally:
        context.close()
