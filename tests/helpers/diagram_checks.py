"""What a reader sees of the diagrams drawn ahead of time, checked in Chromium: each figure shows
the image of the page's palette, and its text (read from the SVG the site serves)."""

from __future__ import annotations

import html
import re


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def shown_diagrams(page, scheme: str, toggled: bool = False) -> int:
    """Check that every figure shows the drawing of Material's `scheme`, loaded (drawn ahead of
    time, both palettes are in the page as lazy images), and, unless the reader `toggled` the
    palette, that no drawing of the other palette was fetched; returns how many figures there are."""
    figures = page.locator("figure.diagram")
    count = figures.count()
    for figure in figures.all():  # the images load as they come near the viewport
        figure.scroll_into_view_if_needed()
    page.wait_for_function(
        "([n, scheme]) => {"
        "  const shown = [...document.querySelectorAll(`figure.diagram .diagram-drawing[data-scheme='${scheme}'] img`)];"
        "  return shown.length === n && shown.every(img => img.complete && img.naturalWidth > 0)"
        "    && document.querySelectorAll('figure.diagram .diagram-drawing img').length === 2 * n;"
        "}", arg=[count, scheme], timeout=10_000)
    shown = page.locator("figure.diagram .diagram-drawing:visible")
    assert shown.count() == count
    assert all(d.get_attribute("data-scheme") == scheme for d in shown.all())
    hidden = page.eval_on_selector_all(f"figure.diagram .diagram-drawing:not([data-scheme='{scheme}']) img",
                                       "imgs => imgs.map(img => img.src)")
    assert toggled or not set(hidden) & set(page.watch.requests), "a drawing of the other palette was fetched"
    return count


def shown_text(page) -> str:
    """The text of the drawings shown (each image's SVG, fetched from the site), squeezed; checks
    that each image is named by its diagram's title."""
    texts = []
    for img in page.locator("figure.diagram .diagram-drawing:visible img").all():
        svg = page.request.get(img.evaluate("img => img.src")).text()
        title = re.search(r"<title\b[^>]*>([^<]*)</title>", svg)
        assert title and img.get_attribute("alt") == html.unescape(title.group(1)).strip() != ""
        texts.append(html.unescape(re.sub(r"<[^>]+>", " ", svg)))
    return squeezed(" ".join(texts))
