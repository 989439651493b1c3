"""The template patches hold on the built pages: Material's bundle deferred on every page, our
modules fetched at low priority, our CSS inlined."""

from __future__ import annotations

import re


def test_every_page_defers_materials_bundle_and_inlines_our_css(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        bundles = re.findall(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"([^>]*)></script>', html)
        assert bundles == [" defer"], path
        assert all("fetchpriority=\"low\"" in tag for tag in re.findall(r'<script [^>]*type="module"[^>]*>', html)), path
        assert "<style>" in html and ".md-typeset .lead" in html, path  # site.css, inlined
