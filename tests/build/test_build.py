"""A real strict build of the site, checked page by page against the data."""

from __future__ import annotations

import re
from pathlib import Path

from macros.views.text import plain
from tests.helpers.data import CATALOG


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_generated_page_exists(built_site):
    for language in CATALOG.languages:
        assert (built_site / "languages" / language.id / "index.html").is_file()
    for use_case in CATALOG.use_cases:
        assert (built_site / "use-cases" / use_case.id / "index.html").is_file()
    for framework in CATALOG.frameworks:
        assert (built_site / "frameworks" / framework.id / "index.html").is_file()
    for url in ("", "matrix", "use-cases", "languages", "frameworks"):
        assert (built_site / url / "index.html").is_file()


def test_no_unrendered_template_or_macro_error_in_any_page(built_site):
    for path in all_pages(built_site):
        text = path.read_text(encoding="utf-8")
        article = text[text.find("<article"):text.find("</article>")]
        # Code blocks aside: the examples' code may hold "{{" (Go's literals, Loco's config).
        article = re.sub(r"<pre\b.*?</pre>", "", article, flags=re.S)
        assert "{{" not in article and "{%" not in article, path
        for marker in ("Macro Syntax Error", "Traceback", "macro_error", "Undefined"):
            assert marker not in text, (path, marker)


def test_framework_pages_carry_their_data(built_site):
    for framework in CATALOG.frameworks:
        html = html_of(built_site, f"frameworks/{framework.id}")
        h1 = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", html).group(1)
        assert h1 == plain(framework.name).replace("&", "&amp;")
        for pro in framework.rationale.pros + framework.rationale.cons:
            assert plain(pro).split(" ")[-1].replace("'", "&#39;").replace('"', "&#34;") in html


def test_matrix_page_links_every_framework_of_every_cell(built_site):
    html = html_of(built_site, "matrix")
    hrefs = set(re.findall(r'href="([^"]+)"', html))
    for cell in CATALOG.cells:
        for fid in cell.framework_ids:
            assert f"../frameworks/{fid}/" in hrefs
    empty = [c for c in CATALOG.cells if c.none_by_design]
    assert html.count('class="matrix-none"') == len(empty)


def test_no_page_loads_mermaid_or_anything_from_another_host(built_site):
    """Diagrams are drawn ahead of time: the site ships no Mermaid, and asks no CDN for it."""
    assert not list(built_site.rglob("*mermaid*"))
    for path in all_pages(built_site):
        text = path.read_text(encoding="utf-8")
        assert "cdn.jsdelivr" not in text and "unpkg.com" not in text and "fonts.googleapis" not in text
