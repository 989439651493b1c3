"""The built site carries every section of the guide: each section's page exists and shows its
data, counted from the data; code examples are included whole; the nav reads in order."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from macros.model import routes as pages
from macros.model.routes import url_of
from tests.helpers.data import ARCH, CATALOG, GUIDANCE, LEDGER, MIGRATION
from tests.helpers.project import ROOT

VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "col", "embed", "track"}


class Children(HTMLParser):
    """The direct children (tag names) and the text of the element with a given id."""

    def __init__(self, element_id: str):
        super().__init__(convert_charrefs=True)
        self.element_id, self.depth, self.children, self.text, self.found = element_id, 0, [], [], False

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if self.depth:
            if self.depth == 1:
                self.children.append(tag)
            self.depth += 1
        elif dict(attrs).get("id") == self.element_id:
            self.depth, self.found = 1, True

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def element(page_html: str, element_id: str) -> Children:
    parser = Children(element_id)
    parser.feed(page_html)
    assert parser.found, f"no element with id {element_id!r}"
    return parser


def rows(page_html: str, table_id: str) -> int:
    body = re.search(rf'<table id="{table_id}">.*?<tbody>(.*?)</tbody>', page_html, re.S).group(1)
    return body.count("<tr>")


def page_of(site, src_uri: str) -> str:
    return (site / url_of(src_uri) / "index.html").read_text(encoding="utf-8")


def text_of(page_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page_html))


def heading_ids(page_html: str) -> set[str]:
    return set(re.findall(r'<h[1-6] id="([^"]+)"', page_html))


# ── The 13 sections of the issue, each with its page ─────────────────────────────────────

def test_1_decision_framework_is_on_use_case_and_framework_pages(built_site):
    for use_case in CATALOG.use_cases:
        page_html = page_of(built_site, f"use-cases/{use_case.id}.md")
        wanted = {f"choose-{f.id}" for f in CATALOG.frameworks if f.rationale.choose_if and f.use_cases[:1] == (use_case.id,)}
        wanted |= {f"choose-{c.language}-{c.use_case}" for c in CATALOG.cells if c.use_case == use_case.id and c.rationale.choose_if}
        assert wanted <= heading_ids(page_html), use_case.id
        for choices in [use_case.choices] + [p.choices for p in use_case.patterns]:
            if choices:
                assert html.escape(choices.title, quote=False) in page_html
    for framework in CATALOG.frameworks:
        if framework.rationale.choose_if:
            assert "choose-if" in heading_ids(page_of(built_site, f"frameworks/{framework.id}.md"))


def test_2_3_pragmatic_path_recommendations_and_the_truth(built_site):
    page_html = page_of(built_site, pages.PRAGMATIC_PATH)
    ids = heading_ids(page_html)
    assert {s.id for s in GUIDANCE.pragmatic_path} | {r.id for r in GUIDANCE.recommendations} <= ids
    text = text_of(page_html)
    for step in GUIDANCE.pragmatic_path:
        for point in step.points:
            assert text_of(point.text.replace("**", "")) in text
    for audience in GUIDANCE.recommendations:
        assert all(text_of(s.text.replace("**", "")) in text for s in audience.steps)
    assert GUIDANCE.truth in text


def test_4_the_polyglot_stack_with_every_layer_port_queue_and_store(built_site):
    page_html = page_of(built_site, pages.ARCHITECTURE)
    assert rows(page_html, "stack-lines") == len(ARCH.stack)
    assert rows(page_html, "stack-components") == len(ARCH.components)
    assert {c.anchor for c in ARCH.layers} <= heading_ids(page_html)
    text = text_of(page_html)
    for layer in ARCH.layers:
        assert f"Layer {layer.layer}: {layer.name} (Port {layer.port})" in text
        assert all(s.call in text for s in layer.services)
        assert all(w in text for w in layer.why)
    assert page_html.count('<figure class="diagram"') == 1


def test_5_communication_patterns(built_site):
    page_html = page_of(built_site, pages.COMMUNICATION)
    assert element(page_html, "request-flow-steps").children == ["li"] * len(ARCH.request_flow)
    assert element(page_html, "service-overview-lines").children == ["li"] * len(ARCH.overview_edges)
    text = text_of(page_html)
    assert all(rule.why in text for rule in ARCH.synchronous.rules)
    assert all(use in text for use in ARCH.asynchronous.use_for)
    assert all(r.text in text for r in ARCH.inter_service)
    assert page_html.count('<figure class="diagram"') == 2


def test_6_gateway_choice_with_the_compose_example(built_site):
    page_html = page_of(built_site, pages.GATEWAY)
    text = text_of(page_html)
    choice, fallback = CATALOG.framework(ARCH.gateway.choice), CATALOG.framework(ARCH.gateway.fallback)
    assert f"Why {choice.name} (not {CATALOG.framework(ARCH.gateway.instead_of).name})" in text
    assert all(text_of(p.replace("**", "")) in text for p in choice.rationale.pros)
    assert all(w in text for w in fallback.rationale.choose_when)
    assert all(f"{service}:" in text for service, _ in ARCH.gateway.example_services)


def example_shown(page_html: str, example) -> bool:
    source = (ROOT / example.file).read_text(encoding="utf-8")
    if example.section:
        source = re.search(rf"\[start:{example.section}\][^\n]*\n(.*?)\n[^\n]*\[end:{example.section}\]", source, re.S).group(1)
    name = example.file.rsplit("/", 1)[1]
    start = page_html.index(f'<span class="filename">{name}</span>')
    block = text_of(page_html[start:page_html.index("</pre>", start)])
    return all(line.strip() in block for line in source.splitlines())


def test_6_7_code_examples_are_included_whole_with_a_file_name(built_site):
    assert example_shown(page_of(built_site, pages.GATEWAY), ARCH.gateway.example)
    codegen = page_of(built_site, pages.CODEGEN)
    for example in [s.example for s in ARCH.codegen.steps] + [ARCH.codegen.alternative.example]:
        assert example_shown(codegen, example), example.file
    go = page_of(built_site, "languages/go.md")
    assert example_shown(go, CATALOG.cell("go", "full-featured").none_by_design.example)


def test_7_code_generation_workflow(built_site):
    page_html = page_of(built_site, pages.CODEGEN)
    assert element(page_html, "codegen-steps").children == ["li"] * len(ARCH.codegen.steps)
    text = text_of(page_html)
    assert all(b in text for b in ARCH.codegen.benefits)
    assert ARCH.codegen.alternative.flow in text


def test_8_architecture_by_tier(built_site):
    page_html = page_of(built_site, pages.TIERS)
    assert {f"tier-{t.id}" for t in ARCH.tiers} <= heading_ids(page_html)
    text = text_of(page_html)
    for tier in ARCH.tiers:
        assert all(s.name in text for s in tier.services) and all(x in text for x in tier.lives_here)


def test_9_10_decision_matrix_and_best_practices(built_site):
    assert rows(page_of(built_site, pages.DECISION_MATRIX), "decision-matrix") == len(GUIDANCE.decision_matrix)
    page_html = page_of(built_site, pages.BEST_PRACTICES)
    assert page_html.count('<ul class="do-list">') == 1 and page_html.count('<ul class="dont-list">') == 1
    do = re.search(r'<ul class="do-list">(.*?)</ul>', page_html, re.S).group(1)
    dont = re.search(r'<ul class="dont-list">(.*?)</ul>', page_html, re.S).group(1)
    assert (do.count("<li>"), dont.count("<li>")) == (len(GUIDANCE.do), len(GUIDANCE.dont))


def test_11_real_world_examples_and_talent_pool(built_site):
    page_html = page_of(built_site, pages.REAL_WORLD)
    assert {s.id for s in GUIDANCE.stacks} | {"your-stack", "talent-pool"} <= heading_ids(page_html)
    assert element(page_html, "your-stack-steps").children == ["li"] * len(GUIDANCE.your_stack)
    text = text_of(page_html)
    assert all(p.text in text for p in GUIDANCE.talent_pool)


def test_12_migration_path_and_where_most_companies_stop(built_site):
    page_html = page_of(built_site, pages.MIGRATION)
    assert element(page_html, "migration-phases").children == ["li"] * len(MIGRATION.phases)
    assert MIGRATION.truth in text_of(page_html)
    phases = "".join(element(page_html, "migration-phases").text)
    assert phases.count("Most companies stop here") == 1
    assert page_html.count('<figure class="diagram"') == 1


def test_13_advanced_patterns_without_a_dead_link(built_site):
    page_html = page_of(built_site, pages.ADVANCED)
    assert rows(page_html, "advanced-patterns-table") == len(MIGRATION.patterns)
    text = text_of(page_html)
    assert MIGRATION.warning in text and all(p.when in text for p in MIGRATION.patterns)
    for path in built_site.rglob("*.html"):
        assert "002-advanced-architectural-patterns" not in path.read_text(encoding="utf-8"), path


# ── The ledger and the framework pages ───────────────────────────────────────────────────

def test_the_ledger_lists_every_claim_by_subject_and_every_disagreement(built_site):
    page_html = page_of(built_site, pages.CLAIMS)
    by_subject = page_html[page_html.index('id="by-subject"'):]
    assert by_subject.count("<tbody>") == len({s for c in LEDGER.claims for s in c.subjects})
    assert sum(t.count("<tr>") for t in re.findall(r"<tbody>(.*?)</tbody>", by_subject, re.S)) == \
        sum(len(c.subjects) for c in LEDGER.claims)
    ids = heading_ids(page_html)
    assert len([i for i in ids if i.startswith("differs-")]) == len(LEDGER.disagreements)
    assert {f"tension-{t.id}" for t in LEDGER.tensions} <= ids
    assert "rules of thumb" in text_of(page_html)


@pytest.mark.parametrize("framework_id", ["django-rest-framework", "fastapi", "nestjs", "gin", "loco"])
def test_framework_pages_show_their_claims_and_their_place_in_the_architecture(built_site, framework_id):
    page_html = page_of(built_site, f"frameworks/{framework_id}.md")
    expected = LEDGER.about({framework_id}, f"frameworks/{framework_id}.md")
    if expected:
        section = page_html[page_html.index('id="guide-figures"'):]
        table = re.search(r"<tbody>(.*?)</tbody>", section, re.S).group(1)
        assert table.count("<tr>") == len(expected)
    in_arch = [c for c in ARCH.components if framework_id in c.all_frameworks] + \
              [t for t in ARCH.tiers if framework_id in t.frameworks]
    assert bool(in_arch) == ("polyglot-architecture" in heading_ids(page_html))


def test_the_nav_reads_from_start_to_migration(built_site):
    # On the architecture section's index (the nav lists the open section's pages only:
    # navigation.prune), the first occurrence of each label is its nav entry.
    page_html = (built_site / "architecture" / "index.html").read_text(encoding="utf-8")
    labels = [html.unescape(t).strip() for t in re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', page_html, re.S)]
    order = ["Where to start", "Framework matrix", "Use cases", "Languages", "Frameworks", "Polyglot architecture",
             "Migration path", "The guide's figures"]
    positions = [labels.index(label) for label in order]
    assert positions == sorted(positions)
