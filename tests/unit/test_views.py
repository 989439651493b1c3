"""Views are pure functions of the catalog: tested on the small fixture set, without MkDocs."""

from __future__ import annotations

import re

import pytest

from macros.model.routes import Linker, url_of
from macros.views.diagrams import use_case_flowchart
from macros.views.framework_page import framework_page
from macros.views.language_page import language_page
from macros.views.matrix import matrix_table
from macros.views.text import inline, md_text, mermaid_text, plain
from macros.views.use_case_page import use_case_page
from tests.helpers.datasets import apply_edits, copy_data, load_fixture

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture
def catalog(tmp_path):
    return load_fixture(copy_data(tmp_path), tmp_path)


@pytest.fixture
def hostile_catalog(tmp_path):
    data = copy_data(tmp_path)
    apply_edits(data, [
        {"file": "frameworks.yaml", "find": "name: FastAPI", "replace": f"name: '{HOSTILE}'"},
        {"file": "frameworks.yaml", "find": "summary: Fast Python APIs.", "replace": f"summary: '{HOSTILE} \"quoted\"'"},
        {"file": "languages.yaml", "find": "name: Python", "replace": f"name: '{HOSTILE}'"},
    ])
    return load_fixture(data, tmp_path)


def test_inline_markup_is_the_only_markup():
    assert inline("**bold** and `a<b>`") == "<strong>bold</strong> and <code>a&lt;b&gt;</code>"
    assert inline(HOSTILE) == "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
    assert plain("**Fast** `x`") == "Fast x"


def test_markdown_and_mermaid_text_cannot_carry_syntax():
    assert md_text("Rails (API *Mode*) <b>") == r"Rails \(API \*Mode\*\) &lt;b&gt;"
    assert mermaid_text('a "b" <c> #d') == "a #quot;b#quot; #lt;c#gt; #35;d"


@pytest.mark.parametrize("src, url", [("index.md", ""), ("matrix.md", "matrix/"),
                                      ("frameworks/index.md", "frameworks/"), ("frameworks/gin.md", "frameworks/gin/")])
def test_page_urls(src, url):
    assert url_of(src) == url


def test_links_are_relative_to_the_page():
    link = Linker("frameworks/gin.md")
    assert link.href("frameworks/echo.md") == "../echo/"
    assert link.href("index.md") == "../../"
    assert link.href("languages/go.md", "none-full-featured") == "../../languages/go/#none-full-featured"
    assert Linker("index.md").href("matrix.md") == "matrix/"


def test_matrix_links_every_framework_and_explains_the_empty_cell(catalog):
    html = matrix_table(catalog, Linker("matrix.md"))
    hrefs = re.findall(r'href="([^"]+)"', html)
    for fid in ("django", "fastapi", "rabbitmq", "gin"):
        if fid != "gin":
            assert f"../frameworks/{fid}/" in hrefs
    assert "None, by design" in html and "No framework on purpose." in html
    assert "../languages/go/#none-full-featured" in hrefs
    # Combinations are joined with +, alternatives with /.
    assert re.search(r">FastAPI</a> / <a [^>]+>FastAPI</a> \+ <a [^>]+>RabbitMQ</a>", html)
    assert html.count("<tr>") == 1 + len(catalog.languages)


def test_framework_page_shows_rationale_and_matrix_place(catalog):
    md = framework_page(catalog, catalog.framework("django"))
    assert md.startswith("---\ntitle: Django REST Framework\n")
    assert "\n# Django REST Framework\n" in md
    assert "<li>Admin included</li>" in md
    assert "## In the matrix" in md and "Full-Featured CRUD APIs" in md


def test_framework_without_rationale_says_so(catalog):
    assert "No rationale of its own" in framework_page(catalog, catalog.framework("rabbitmq"))


def test_language_page_goes_column_by_column(catalog):
    md = language_page(catalog, catalog.language("go"))
    positions = [md.index(f"## {md_text(u.name)}") for u in catalog.use_cases]
    assert positions == sorted(positions)
    assert "None, by design" in md and "Use Gin" in md


def test_use_case_page_has_table_and_diagram(catalog):
    md = use_case_page(catalog, catalog.use_case("lightweight"))
    assert 'id="by-language-table"' in md and 'aria-describedby="by-language-table"' in md
    assert '<pre class="diagram-source">flowchart LR' in md


def test_flowchart_has_every_language_and_option(catalog):
    source = use_case_flowchart(catalog, catalog.use_case("full-featured"))
    assert source.startswith("flowchart LR")
    for name in ("Python", "Go", "Django REST Framework", "None, by design"):
        assert f'"{name}"' in source


def test_hostile_names_come_out_escaped_everywhere(hostile_catalog):
    outputs = [
        matrix_table(hostile_catalog, Linker("matrix.md")),
        framework_page(hostile_catalog, hostile_catalog.framework("fastapi")),
        framework_page(hostile_catalog, hostile_catalog.framework("django")),
        language_page(hostile_catalog, hostile_catalog.language("python")),
        use_case_page(hostile_catalog, hostile_catalog.use_case("lightweight")),
    ]
    for text in outputs:
        assert "<script>" not in text and "<img" not in text
        assert "&lt;script&gt;" in text or r"&lt;script&gt;" in text
    diagram = use_case_flowchart(hostile_catalog, hostile_catalog.use_case("lightweight"))
    assert "<" not in diagram and "#lt;script#gt;" in diagram
