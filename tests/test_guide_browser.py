"""The architecture diagrams in Chromium: drawn from the page's data in the light and the dark
scheme, drawn again after instant navigation; code examples get Material's copy button, each
in a toolbar with a name of its own."""

from __future__ import annotations

import re

import pytest

from tests.test_browser import open_page
from tests.test_guide_data import ARCH, MIGRATION

pytestmark = pytest.mark.browser


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def wait_for_diagrams(page, scheme: str) -> int:
    """Bring each figure near the viewport (they are drawn as they come near it), then wait for all."""
    figures = page.locator("figure.diagram")
    count = figures.count()
    for index in range(count):
        figures.nth(index).scroll_into_view_if_needed()
    page.wait_for_function(
        "([n, scheme]) => document.querySelectorAll(`figure.diagram[data-rendered='${scheme}'] svg`).length === n",
        arg=[count, scheme], timeout=20_000)
    return count


def test_the_stack_diagram_draws_every_layer_with_its_port(page, site_url):
    open_page(page, site_url + "architecture/")
    assert wait_for_diagrams(page, "default") == 1
    drawing = squeezed(page.locator("figure.diagram svg").text_content())
    for layer in ARCH.layers:
        assert squeezed(f"{layer.name} :{layer.port}") in drawing
    for line in ARCH.stack:
        assert squeezed(line.protocol) in drawing
    assert page.watch.foreign_requests() == [] and page.watch.errors == []


def test_diagrams_draw_after_instant_navigation_between_architecture_pages(page, site_url):
    open_page(page, site_url + "architecture/")
    wait_for_diagrams(page, "default")
    page.evaluate("window.__sameDocument = true")
    previous = page.locator("figure.diagram").first.element_handle()
    page.locator("article a[href$='architecture/communication/']").first.click()
    # navigation.tracking may carry the heading in view as a #fragment.
    page.wait_for_url(re.compile(r"/architecture/communication/(#.*)?$"))
    previous.wait_for_element_state("hidden")  # the URL changes before the new page is swapped in
    assert wait_for_diagrams(page, "default") == 2
    assert page.evaluate("window.__sameDocument") is True  # swapped in place, not reloaded
    flow = squeezed(page.locator("figure.diagram svg").first.text_content())
    assert all(squeezed(line.protocol) in flow for line in ARCH.request_flow)
    assert page.watch.foreign_requests() == [] and page.watch.errors == []


@pytest.mark.color_scheme("dark")
def test_diagrams_follow_the_dark_scheme_and_the_toggle(page, site_url):
    open_page(page, site_url + "architecture/migration/")
    assert wait_for_diagrams(page, "dark") == 1
    drawing = squeezed(page.locator("figure.diagram svg").text_content())
    assert all(squeezed(p.title) in drawing for p in MIGRATION.phases)
    page.locator("label[for='__palette_1']:visible, label.md-header__button[for^='__palette']:visible").first.click()
    wait_for_diagrams(page, "default")
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
