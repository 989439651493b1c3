"""The code examples on the built site: every framework page with examples shows each one with
its lines and how it was verified; the code on the pages is the example files themselves
(included by pymdownx.snippets, compared here character for character with the files); every
curated comparison shows each compared framework's code in its own tab; the index lists every
example; the claims page shows the measurement; the published OpenAPI document is valid."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from macros.model.sections.code_examples import CodeExamples
from macros.model.sections.comparisons import Comparisons
from macros.views.sections import code_examples as view
from tests.helpers.data import CATALOG
from tests.helpers.project import ROOT

EXAMPLES = CATALOG.section(CodeExamples)
COMPARISONS = CATALOG.section(Comparisons).items
TAG = re.compile(r"<[^>]+>")
CODE_BLOCK = re.compile(r'<div class="highlight"><span class="filename">([^<]+)</span><pre><span></span><code>(.*?)</code></pre></div>',
                        re.S)
META = re.compile(r'<p class="code-meta">(.*?)</p>', re.S)


def text_of(fragment: str) -> str:
    return html.unescape(TAG.sub("", fragment))


def page_html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def between(page: str, start: str, *ends: str) -> str:
    """The page from `start` to the first of `ends` after it (or to the end)."""
    begin = page.index(start)
    stops = [page.find(end, begin + len(start)) for end in ends]
    stops = [s for s in stops if s != -1]
    return page[begin:min(stops) if stops else None]


def shown_files(fragment: str) -> dict[str, str]:
    """Each code block's title (the path under examples/) and the text it shows."""
    return {title: text_of(code) for title, code in CODE_BLOCK.findall(fragment)}


def file_text(path: str) -> str:
    """The file as a code block shows it: Markdown turns tabs into 4-column stops."""
    return (ROOT / path).read_text(encoding="utf-8").expandtabs(4)


def assert_is_the_file(shown: str, path: str) -> None:
    assert shown.rstrip("\n") == file_text(path).rstrip("\n"), f"{path}: the page does not show the file as it is"


def meta_of(example) -> str:
    return f"{view.lines_text(example)} · {view.verification_label(example)}"


# ── Framework pages ─────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("framework_id", sorted({e.framework for e in EXAMPLES.examples}))
def test_each_framework_page_shows_its_examples_files_lines_and_label(built_site, framework_id):
    page = page_html(built_site, f"frameworks/{framework_id}")
    section = between(page, '<h2 id="code">', '<h2 id=')
    for example in EXAMPLES.of_framework(framework_id):
        part = between(section, f'<h3 id="code-{example.task}">', "<h3 id=", "<h2 id=")
        metas = [text_of(m) for m in META.findall(part)]
        assert metas and metas[0].startswith(meta_of(example)), (example.id, metas)
        shown = shown_files(part)
        assert sorted(shown) == sorted(view.file_title(f) for f in example.files), example.id
        for file in example.files:
            assert_is_the_file(shown[view.file_title(file)], file.path)
        # The files a reader rarely needs are folded.
        for file in example.files:
            if not file.counted:
                assert re.search(rf'<details class="note code-extra">\s*<summary>{re.escape(view.file_title(file))}:', part), file.path
        assert 'href="../../code-examples/#' in part
    assert "--8<--" not in page
    assert ".code-meta" in page  # its stylesheet is inlined


# ── Curated comparisons ─────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("comparison", [c for c in COMPARISONS if view.shared_tasks(EXAMPLES, c.frameworks)], ids=lambda c: c.id)
def test_each_comparison_shows_every_compared_frameworks_code_in_a_tab(built_site, comparison):
    page = page_html(built_site, f"compare/{comparison.id}")
    for task, found in view.shared_tasks(EXAMPLES, comparison.frameworks):
        part = between(page, f'<h3 id="code-{task}">', "<h3 id=", "<h2 id=")
        labels = re.search(r'<div class="tabbed-labels">(.*?)</div>', part, re.S).group(1)
        assert [text_of(label) for label in re.findall(r"<label[^>]*>.*?</label>", labels)] == \
            [CATALOG.framework(e.framework).name for e in found]
        blocks = re.split(r'<div class="tabbed-block">', part)[1:]
        assert len(blocks) == len(found)
        above_tabs = shown_files(part[:part.index('<div class="tabbed-set')])
        for example, block in zip(found, blocks):
            assert text_of(META.search(block).group(1)).startswith(meta_of(example))
            shown = shown_files(block)
            for file in (f for f in example.files if f.counted or view.file_title(f) in above_tabs):
                title = view.file_title(file)
                assert title in shown or title in above_tabs, (example.id, title)
                assert_is_the_file(shown.get(title, above_tabs.get(title)), file.path)
        for e in found:
            assert f"{CATALOG.framework(e.framework).name}: <strong>{view.lines_text(e)}</strong>" in part


def test_every_curated_comparison_of_frameworks_with_a_common_example_shows_code(built_site):
    with_code = [c.id for c in COMPARISONS if view.shared_tasks(EXAMPLES, c.frameworks)]
    assert len(with_code) >= 10
    for comparison in COMPARISONS:
        page = page_html(built_site, f"compare/{comparison.id}")
        assert ('<h2 id="code">' in page) == (comparison.id in with_code), comparison.id


# ── The index, the published files, the claims page ─────────────────────────────────────────

def test_the_index_lists_every_example_with_its_lines_and_verification(built_site):
    page = page_html(built_site, "code-examples")
    for task in view.TASKS:
        part = between(page, f'<h2 id="{task}">', "<h2 id=", "</article>")
        for example in EXAMPLES.of_task(task):
            name = html.escape(CATALOG.framework(example.framework).name, quote=False)
            row = re.search(rf'<a href="\.\./frameworks/{example.framework}/#code-{task}">{re.escape(name)}</a>.*?</tr>', part, re.S)
            assert row, example.id
            cells = [text_of(c) for c in re.findall(r"<td>(.*?)</td>", row.group(0), re.S)]
            assert cells[-2:] == [view.lines_text(example), view.verification_short(example)], example.id
            target = page_html(built_site, f"frameworks/{example.framework}")
            assert f'id="code-{task}"' in target
    assert 'href="../api/items-openapi.json"' in page


def test_the_published_openapi_document_is_valid_and_made_from_the_data(built_site):
    from openapi_spec_validator import validate

    document = json.loads((built_site / "api" / "items-openapi.json").read_text(encoding="utf-8"))
    assert document == view.openapi_document(EXAMPLES.api)
    validate(document)
    data = json.loads((built_site / "api" / "code-examples.json").read_text(encoding="utf-8"))
    assert (built_site / "api" / data["openapi"]).is_file()
    assert [e["id"] for e in data["examples"]] == [e.id for e in view.in_site_order(CATALOG, EXAMPLES.examples)]


def test_the_claims_page_shows_the_measurement_apart_from_the_guides_figures(built_site):
    bench = json.loads((ROOT / "bench" / "results" / "frameworks.json").read_text(encoding="utf-8"))
    page = page_html(built_site, "claims")
    section = between(page, '<h2 id="measured">', "<h2 id=")
    assert "The site's measurement, not the guide's claims" in text_of(section)
    assert bench["date"] in section and html.escape(bench["command"]) in section
    for result in bench["results"]:
        assert f"<td>{result['requests_per_sec']:,.0f}</td><td>{result['peak_rss_mb']:.1f}</td>" in section, result["example"]
    assert "The guide's rules of thumb about these frameworks" in text_of(section)


def test_the_code_stylesheet_is_inlined_where_code_shows_only(built_site):
    stylesheet = (ROOT / "docs" / view.CODE_CSS).read_text(encoding="utf-8")

    def inlined(url: str) -> bool:
        page = page_html(built_site, url)
        return stylesheet in re.findall(r"<style>(.*?)</style>", page[: page.index("</head>")], re.S)

    with_code = [f"frameworks/{fid}" for fid in sorted({e.framework for e in EXAMPLES.examples})]
    with_code += [f"compare/{c.id}" for c in COMPARISONS if view.shared_tasks(EXAMPLES, c.frameworks)]
    for url in [*with_code, "compare", "code-examples"]:
        assert inlined(url), url
    without = [f"frameworks/{f.id}" for f in CATALOG.frameworks if not EXAMPLES.of_framework(f.id)]
    without += [f"compare/{c.id}" for c in COMPARISONS if not view.shared_tasks(EXAMPLES, c.frameworks)]
    assert without and not [url for url in [*without, "matrix", "claims"] if inlined(url)]
