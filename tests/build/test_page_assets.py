"""Our CSS and scripts in the built site: no stylesheet request of ours before the first paint
(site.css inlined everywhere, a page's own CSS inlined on its pages only), page modules loaded on
demand, module scripts fetched after what the first paint needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.engine.mkdocs_build import SITE_STYLES
from macros.model.sections.comparisons import Comparisons
from macros.model.sections.decision_tree import DecisionTree
from tests.build.test_build import all_pages
from tests.helpers.data import CATALOG
from tests.helpers.project import ROOT, copy_project
from tests.helpers.site import mkdocs_build

DOCS = ROOT / "docs"
MATERIAL_CSS = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css$")


def css(path: str) -> str:
    return (DOCS / path).read_text(encoding="utf-8")


def head_of(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[: html.index("</head>")]


def styles_in(head: str) -> list[str]:
    return re.findall(r"<style>(.*?)</style>", head, re.S)


def test_no_stylesheet_of_ours_is_a_request_and_site_css_is_on_every_page(built_site):
    site_css = [css(path) for path in SITE_STYLES]
    for page in all_pages(built_site):
        head = head_of(page)
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', head)
        assert all(MATERIAL_CSS.search(href) for href in links), (page, links)
        assert [s for s in styles_in(head) if s in site_css] == site_css, page
    # Inlined, not published on their own.
    assert not (built_site / "assets" / "css").exists()


@pytest.mark.parametrize("stylesheet, pages, elsewhere", [
    ("assets/css/wizard.css", ["wizard", *(f"wizard/{o}" for o in CATALOG.section(DecisionTree).outcomes)], "frameworks/gin"),
    ("assets/css/compare.css", ["compare", "matrix", *(f"compare/{c.id}" for c in CATALOG.section(Comparisons).items)], "wizard"),
])
def test_a_pages_own_css_is_inlined_on_its_pages_only(built_site, stylesheet, pages, elsewhere):
    for url in pages:
        assert css(stylesheet) in styles_in(head_of(built_site / url / "index.html")), url
    assert css(stylesheet) not in styles_in(head_of(built_site / elsewhere / "index.html"))


def test_page_modules_load_on_demand_and_module_scripts_wait_for_the_first_paint(built_site):
    for page in all_pages(built_site):
        html = page.read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b[^>]*\bsrc=\"([^\"]+)\"([^>]*)>", html)
        # Page modules are imported by page-modules.mjs where a data-module element asks for them.
        assert not [src for src, _ in scripts if re.search(r"/(wizard|compare)[^/]*\.mjs$", src)], page
        for src, attributes in scripts:
            if 'type="module"' in attributes:
                assert 'fetchpriority="low"' in attributes, (page, src)
    wizard = (built_site / "wizard" / "index.html").read_text(encoding="utf-8")
    assert 'data-module="wizard"' in wizard and (built_site / "assets/js/wizard.mjs").is_file()
    compare = (built_site / "compare" / "index.html").read_text(encoding="utf-8")
    assert 'data-module="compare"' in compare and (built_site / "assets/js/compare.mjs").is_file()


def test_a_missing_page_stylesheet_fails_the_build_naming_the_page(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "wizard" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("styles: [assets/css/wizard.css]",
                                                             "styles: [assets/css/wizzard.css]"), encoding="utf-8")
    result = mkdocs_build(tmp_path / "out", config=project / "mkdocs.yml", cwd=project)
    assert result.returncode != 0
    assert "wizard/index.md: styles: no file docs/assets/css/wizzard.css" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
