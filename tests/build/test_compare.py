"""Comparisons: the data (real and broken), the side-by-side rows, and the built pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.model.routes import Linker
from macros.model.sections.claims import Ledger
from macros.model.sections.comparisons import Comparisons
from macros.views.blocks import fit_description
from macros.views.compare_table import (
    compare_any_href,
    fields,
    merged,
    rows,
    table_html,
)
from macros.views.text import plain
from tests.helpers.data import CATALOG
from tests.helpers.datasets import error_lines

COMPARISONS = CATALOG.section(Comparisons).items


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def escaped(text: str) -> str:
    """A data string as the build writes it in HTML text (markup stripped)."""
    return plain(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def members_from_data(comparison) -> set[str]:
    """Computed here from the data, not by the feature: the frameworks a comparison is about."""
    ids = set(comparison.frameworks)
    for ref in comparison.patterns:
        use_case = next(u for u in CATALOG.use_cases if u.id == ref.use_case)
        pattern = next(p for p in use_case.patterns if p.id == ref.pattern)
        ids |= {fid for item in pattern.choices.items for fid in item.frameworks}
    return ids


# ── Data ─────────────────────────────────────────────────────────────────────────────────

# The comparisons the issue asks for, as sets of framework ids (or patterns).
ISSUE_PAIRINGS = [
    {"django-rest-framework", "fastapi"}, {"express", "fastify"}, {"actix-web", "axum"},
    {"loco", "actix-web"}, {"rails-api", "sinatra", "roda"}, {"traefik", "nginx", "kong"},
    {"rabbitmq", "kafka", "redis", "nats"}, {"django-channels", "fastapi-websockets"},
    {"gin", "echo", "fastapi", "express", "fastify"},
]


def test_every_comparison_the_issue_names_is_in_the_data():
    sets = [set(c.frameworks) for c in COMPARISONS]
    assert [p for p in ISSUE_PAIRINGS if p not in sets] == []
    approaches = [{(r.use_case, r.pattern) for r in c.patterns} for c in COMPARISONS if c.patterns]
    assert {("service-to-service", "sync-rpc"), ("service-to-service", "async-events")} in approaches


def test_every_comparison_has_a_verdict_and_distinct_frameworks():
    for c in COMPARISONS:
        assert c.verdict.strip(), c.id
        assert len(c.members) >= 2, c.id
    assert len({frozenset(c.frameworks) for c in COMPARISONS if c.frameworks}) == len([c for c in COMPARISONS if c.frameworks])


@pytest.mark.parametrize("edits, message", [
    ([{"file": "comparisons.yaml", "find": "[django, fastapi]", "replace": "[django, fastapy]"}],
     "data/comparisons.yaml:4: comparison 'django-vs-fastapi': frameworks[1] 'fastapy' is not a known framework "
     "(did you mean 'fastapi'? known: django, fastapi, gin, rabbitmq)"),
    ([{"file": "comparisons.yaml", "append": "  - id: fastapi-vs-django\n    title: Again\n    frameworks: [fastapi, django]\n    verdict: Same.\n"}],
     "data/comparisons.yaml:10: comparison 'fastapi-vs-django': frameworks: the same frameworks as comparison "
     "'django-vs-fastapi'; merge the two"),
    ([{"file": "comparisons.yaml", "append": "  - id: django-vs-fastapi\n    title: Again\n    frameworks: [gin, django]\n    verdict: Same.\n"}],
     "data/comparisons.yaml:8: comparison 'django-vs-fastapi': id: duplicate comparison id 'django-vs-fastapi' (first defined at line 2)"),
    ([{"file": "comparisons.yaml", "find": "id: django-vs-fastapi", "replace": "id: index"}],
     "data/comparisons.yaml:2: comparison 'index': id 'index' is reserved (compare/index.md is a hand-written page)"),
    ([{"file": "comparisons.yaml", "find": "    frameworks: [django, fastapi]\n", "replace": ""}],
     "data/comparisons.yaml:2: comparison 'django-vs-fastapi': needs at least one of 'frameworks' or 'patterns'"),
    ([{"file": "comparisons.yaml", "find": "[django, fastapi]", "replace": "[django]"}],
     "data/comparisons.yaml:4: comparison 'django-vs-fastapi': frameworks: ['django'] is too short"),
    ([{"file": "comparisons.yaml", "find": "    frameworks: [django, fastapi]\n",
       "replace": "    patterns:\n      - {use_case: lightweight, pattern: sync}\n      - {use_case: realtime, pattern: push}\n"}],
     "data/comparisons.yaml:6: comparison 'django-vs-fastapi': patterns[1].use_case 'realtime' is not a known use case "
     "(known: full-featured, lightweight)"),
    ([{"file": "comparisons.yaml", "find": "    verdict: Django", "replace": "    verdit: Django"}],
     "data/comparisons.yaml:2: comparison 'django-vs-fastapi': missing required field 'verdict'"),
])
def test_broken_comparisons_are_reported_with_file_line_record_and_field(tmp_path, edits, message):
    # Other features' fixture files may report their own errors; this one must be among them.
    assert message in error_lines(tmp_path, edits)


# ── The side-by-side rows ───────────────────────────────────────────────────────────────

def test_rows_show_a_cell_rationale_once_for_frameworks_that_share_the_cell():
    go = CATALOG.cell("go", "lightweight")
    ids = list(go.framework_ids)  # Gin, Echo: the guide argues for the cell, not each framework
    assert len(ids) == 2 and go.rationale.pros
    by_key = {row.field.key: row for row in rows(CATALOG, ids)}
    pros = by_key["pros"]
    assert pros.same and [span for _, span in merged(pros.values)] == [len(ids)]
    html = table_html(CATALOG, Linker("compare/x.md"), ids, "t")
    assert html.count(f'colspan="{len(ids)}"') >= len([r for r in by_key.values() if r.same])
    for pro in go.rationale.pros:
        assert str(escaped(pro)).split(" ")[-1] in html


def test_a_cells_words_are_not_lent_to_the_tools_combined_in_it():
    cell = CATALOG.cell("python", "service-to-service")  # grpcio / Celery + RabbitMQ
    combined = [fid for option in cell.options if len(option) > 1 for fid in option]
    alone = [option[0] for option in cell.options if len(option) == 1]
    assert cell.rationale.use_when and combined and alone
    by_key = {row.field.key: row for row in rows(CATALOG, [*alone, *combined])}
    values = dict(zip([*alone, *combined], by_key["use_when"].values))
    assert any(g.source for g in values[alone[0]])
    for fid in combined:
        assert not any(g.source and "Service-to-service" in g.source and "Python" in g.source for g in values[fid]), fid


def test_rows_leave_out_fields_no_framework_has():
    ids = ["celery", "bull"]  # no rationale of their own, nor do their cells say anything of them
    keys = [row.field.key for row in rows(CATALOG, ids)]
    assert "pros" not in keys and "reality_check" not in keys
    assert keys[:3] == ["summary", "language", "kind"]


def test_the_guides_figures_sit_side_by_side_one_row_per_metric():
    ledger = CATALOG.section(Ledger)
    ids = ["django-rest-framework", "fastapi"]
    about = [c for c in ledger.claims if set(c.subjects) & set(ids)]
    assert about, "the ledger has figures about Django REST Framework and FastAPI"
    keys = {row.field.key: row for row in rows(CATALOG, ids)}
    for metric in {c.metric for c in about}:
        row = keys[f"claims.{metric}"]
        for column, fid in enumerate(ids):
            claims = [c for c in about if c.metric == metric and fid in c.subjects]
            items = [i for g in row.values[column] if g.source is None for i in g.items]
            if not claims:
                assert items == [], (metric, fid)
                continue
            # One value per framework: the range of everything the guide says, against every
            # baseline it names, marked where its figures differ.
            assert len(items) == 1, (metric, fid)
            text = items[0].text
            low, high = min(c.span[0] for c in claims), max(c.span[1] for c in claims)
            shown = text.replace(",", "")
            assert f"{low:g}" in shown and (high == float("inf") or f"{high:g}" in shown), (metric, fid, text)
            for baseline in {b for c in claims for b in c.baselines}:
                assert plain(CATALOG.framework(baseline).name) in text, (metric, fid, baseline)
            differs = any(set(d.claims) & set(claims) for d in ledger.disagreements)
            assert (items[0].note is not None) == differs, (metric, fid)


def test_compare_any_links_are_in_one_canonical_order():
    link = Linker("frameworks/gin.md")
    order = [f.id for f in CATALOG.frameworks]
    href = compare_any_href(CATALOG, link, ["echo", "fastapi", "gin"])
    ids = href.split("?frameworks=")[1].split(",")
    assert href.startswith("../../compare/?frameworks=")
    assert ids == sorted(ids, key=order.index)
    assert href == compare_any_href(CATALOG, link, ["gin", "echo", "fastapi"])


# ── The built pages ──────────────────────────────────────────────────────────────────────

class Head(HTMLParser):
    """The meta tags, the h1 text and the side-by-side table's column links of a page."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.col_links: list[str] = []
        self._in_col = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a.get("name")] = a.get("content")
        if tag == "table" and a.get("id") == "side-by-side-table":
            self._table = True
        if tag == "th" and a.get("scope") == "col" and getattr(self, "_table", False):
            self._in_col = True
        if tag == "a" and self._in_col:
            self.col_links.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "th":
            self._in_col = False
        if tag == "table":
            self._table = False


def test_one_page_per_comparison_and_no_more(built_site):
    pages = sorted(p.parent.name for p in (built_site / "compare").glob("*/index.html"))
    assert pages == sorted(c.id for c in COMPARISONS)


@pytest.mark.parametrize("comparison", COMPARISONS, ids=lambda c: c.id)
def test_comparison_page_carries_its_data(built_site, comparison):
    html = html_of(built_site, f"compare/{comparison.id}")
    head = Head()
    head.feed(html)
    h1 = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", html) or re.search(r"<h1[^>]*>(.*?)</h1>", html)
    assert h1.group(1).strip() == escaped(comparison.title)
    assert f"<title>{escaped(comparison.title)} - " in html
    # The verdict, cut at a word where it is longer than a link preview shows.
    assert head.meta["description"] == fit_description(comparison.verdict, comparison.title)
    assert head.meta["og:title"] == plain(comparison.title)
    assert head.meta["og:description"] == fit_description(comparison.verdict, comparison.title)
    assert head.meta["og:url"].endswith(f"/compare/{comparison.id}/")
    assert head.meta["twitter:card"] == "summary_large_image"
    assert 'class="admonition abstract compare-verdict"' in html
    assert escaped(comparison.verdict).split(" ")[-1] in html
    # One column per framework, in the data's order, each linking to the framework's page.
    assert head.col_links == [f"../../frameworks/{fid}/" for fid in comparison.frameworks]
    for fid in comparison.frameworks:
        for pro in CATALOG.framework(fid).rationale.pros:
            assert escaped(pro).split(" ")[-1] in html, (fid, pro)
    for note in comparison.notes:
        assert escaped(note).split(" ")[-1] in html
    for ref in comparison.patterns:
        assert f'href="../../use-cases/{ref.use_case}/#{ref.pattern}"' in html


def test_every_framework_page_lists_the_comparisons_it_appears_in(built_site):
    for fw in CATALOG.frameworks:
        html = html_of(built_site, f"frameworks/{fw.id}")
        section = html[html.index('id="comparisons"'):]
        expected = {c.id for c in COMPARISONS if fw.id in members_from_data(c)}
        linked = set(re.findall(r'href="\.\./\.\./compare/([a-z0-9-]+)/"', section))
        assert linked == expected, fw.id
        assert "../../compare/?frameworks=" + fw.id in section or f",{fw.id}" in section


def test_compare_page_lists_every_comparison_and_the_nav_has_them(built_site):
    html = html_of(built_site, "compare")
    curated = html[html.index('class="compare-curated"'):]
    assert re.findall(r'<li><p><a href="([a-z0-9-]+)/">', curated) == [c.id for c in COMPARISONS]
    nav_links = re.findall(r'<a href="([a-z0-9-]+)/" class="md-nav__link">', html)
    assert nav_links == [c.id for c in COMPARISONS]
    # Without JavaScript the form is hidden (a <noscript> style hides what a page module runs):
    # the list above is the page (tests/test_compare_browser.py checks it in a browser).
    assert re.search(r'<div id="compare-any" class="compare-any" data-module="compare"', html)
    assert re.search(r"<noscript><style>\[data-module\]\{display:none\}", html)


def test_matrix_cells_carry_their_frameworks_for_the_picker(built_site):
    html = html_of(built_site, "matrix")
    cells = re.findall(r'<td data-frameworks="([^"]+)" data-cell="[^"]+">', html)
    assert sorted(cells) == sorted(" ".join(c.framework_ids) for c in CATALOG.cells if c.options)
    order = re.search(r'id="matrix-compare"[^>]*data-order="([^"]+)"', html).group(1).split(" ")
    assert order == [f.id for f in CATALOG.frameworks]


def test_rows_published_for_the_browser_are_the_ones_the_pages_use(built_site):
    import json

    published = json.loads((built_site / "api" / "frameworks.json").read_text(encoding="utf-8"))["fields"]
    assert [(f["key"], f["label"], f["type"], f["list"]) for f in published] == [(f.key, f.label, f.type, f.is_list) for f in fields(CATALOG)]
