"""The architecture diagrams in Chromium: drawn from the page's data in the light and the dark
scheme, shown again after instant navigation, and drawn in the browser when the data changed
since `make diagrams` (a changed port); code examples get Material's copy button, each in a
toolbar with a name of its own."""

from __future__ import annotations

import re

import pytest

from tests.helpers.browser import open_page
from tests.helpers.data import ARCH, MIGRATION
from tests.helpers.diagram_checks import shown_diagrams, shown_text, squeezed

pytestmark = pytest.mark.browser


def no_mermaid(page) -> bool:
    return not any("/assets/vendor/mermaid/" in url for url in page.watch.requests)


def test_the_stack_diagram_draws_every_layer_with_its_port(page, site_url):
    open_page(page, site_url + "architecture/")
    assert shown_diagrams(page, "default") == 1
    drawing = shown_text(page)
    for layer in ARCH.layers:
        assert squeezed(f"{layer.name} :{layer.port}") in drawing
    for line in ARCH.stack:
        assert squeezed(line.protocol) in drawing
    assert no_mermaid(page)
    assert page.watch.foreign_requests() == [] and page.watch.errors == []


def test_diagrams_show_after_instant_navigation_between_architecture_pages(page, site_url):
    open_page(page, site_url + "architecture/")
    shown_diagrams(page, "default")
    page.evaluate("window.__sameDocument = true")
    previous = page.locator("figure.diagram").first.element_handle()
    page.locator("article a[href$='architecture/communication/']").first.click()
    # navigation.tracking may carry the heading in view as a #fragment.
    page.wait_for_url(re.compile(r"/architecture/communication/(#.*)?$"))
    previous.wait_for_element_state("hidden")  # the URL changes before the new page is swapped in
    assert shown_diagrams(page, "default") == 2
    assert page.evaluate("window.__sameDocument") is True  # swapped in place, not reloaded
    flow = shown_text(page)
    assert all(squeezed(line.protocol) in flow for line in ARCH.request_flow)
    assert no_mermaid(page)
    assert page.watch.foreign_requests() == [] and page.watch.errors == []


@pytest.mark.color_scheme("dark")
def test_diagrams_follow_the_dark_scheme_and_the_toggle(page, site_url):
    open_page(page, site_url + "architecture/migration/")
    assert shown_diagrams(page, "slate") == 1
    assert all(squeezed(p.title) in shown_text(page) for p in MIGRATION.phases)
    page.locator("label[for='__palette_1']:visible, label.md-header__button[for^='__palette']:visible").first.click()
    page.wait_for_selector("figure.diagram .diagram-drawing[data-scheme='default']:visible")
    shown_diagrams(page, "default", toggled=True)
    assert all(squeezed(p.title) in shown_text(page) for p in MIGRATION.phases)
    assert no_mermaid(page)
    assert page.watch.errors == []


def test_code_examples_have_a_copy_button(page, site_url):
    open_page(page, site_url + "architecture/code-generation/")
    blocks = page.locator("article div.highlight")
    count = blocks.count()
    assert count == len(ARCH.codegen.steps) + 1  # each step's code and the FastAPI alternative
    copy = "article div.highlight button[data-md-type='copy']"  # Material 9.8's copy button
    page.wait_for_function("([sel, n]) => document.querySelectorAll(sel).length === n", arg=[copy, count], timeout=10_000)
    assert page.locator(copy).first.get_attribute("title") == "Copy to clipboard"
    # Each code block's toolbar is a landmark with a name of its own (docs/assets/js/code-blocks.mjs).
    names = page.eval_on_selector_all("article pre > nav", "navs => navs.map(n => n.getAttribute('aria-label'))")
    assert len(names) == count and len(set(names)) == count and all(names)
