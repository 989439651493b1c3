"""Views of the guide's later sections, without MkDocs: diagrams list what the data holds, a port
changed in the data changes every output that shows it, figures read right, data is escaped."""

from __future__ import annotations

import re

import pytest

from macros.model import routes as pages
from macros.model.routes import Linker
from macros.model.sections.architecture import Architecture
from macros.model.sections.claims import Ledger
from macros.model.sections.migration import Migration
from macros.views.architecture_diagrams import (
    codegen_flowchart,
    component_text,
    connection_text,
    curly_quotes,
    overview_flowchart,
    request_flowchart,
    stack_flowchart,
)
from macros.views.diagrams import node_id
from macros.views.framework_page import framework_page
from macros.views.language_page import language_page
from macros.views.sections import architecture, claims, guidance, migration
from macros.views.sections.migration import migration_flowchart
from macros.views.text import inline, mermaid_text
from macros.views.use_case_page import use_case_page
from tests.helpers.data import CATALOG
from tests.helpers.datasets import DATA, ROOT, apply_edits, copy_data, load_fixture

ARCH = CATALOG.section(Architecture)
NODE = re.compile(r'^\s+(n_\w+)(?:\(\[|\[\[|\[\(|\[/|\(|\[|>)"([^"]*)"', re.M)
EDGE = re.compile(r'^\s+(n_\w+) (?:-->|-\.->|-\.-)(?:\|"([^"]*)"\|)? (n_\w+)$', re.M)


def nodes(source: str) -> dict[str, str]:
    return dict(NODE.findall(source))


def edges(source: str) -> set[tuple[str, str, str]]:
    return {(a, label, b) for a, label, b in EDGE.findall(source)}


def real_data_copy(tmp_path):
    """The real data (and the example files it names) in a scratch folder, to edit."""
    data = copy_data(tmp_path, source=DATA)
    for name in ("examples", "docs"):  # files the data names: code examples, hand-written pages
        (tmp_path / name).symlink_to(ROOT / name)
    return data


# ── Diagrams list every box and line of the data ─────────────────────────────────────────────

@pytest.mark.parametrize("lines, draw", [("stack", stack_flowchart), ("request_flow", request_flowchart)])
def test_component_diagrams_draw_every_line_of_the_data(lines, draw):
    source = draw(ARCH)
    data_lines = getattr(ARCH, lines)
    expected = {(node_id("c", line.source), mermaid_text(curly_quotes(connection_text(line))), node_id("c", line.target))
                for line in data_lines}
    assert edges(source) == expected
    ends = {end for line in data_lines for end in (line.source, line.target)}
    assert nodes(source) == {node_id("c", c.id): mermaid_text(component_text(c)) for c in ARCH.components if c.id in ends}


def test_the_stack_diagram_shows_every_layer_with_its_port_and_the_queue_and_stores():
    labels = nodes(stack_flowchart(ARCH)).values()
    for layer in ARCH.layers:
        assert f"{layer.name} :{layer.port}" in labels
    for role in ("queue", "store", "gateway", "frontend"):
        assert any(c.role == role and mermaid_text(component_text(c)) in labels for c in ARCH.components), role
    optional = [c for c in ARCH.layers if c.optional]
    assert all(f"{node_id('c', c.id)}[" in stack_flowchart(ARCH) and ":::optional" in stack_flowchart(ARCH) for c in optional)


def test_the_overview_and_codegen_diagrams_draw_their_data():
    source = overview_flowchart(ARCH)
    assert set(nodes(source)) == {node_id("o", n.id) for n in ARCH.overview_nodes}
    assert {(a, b) for a, _, b in edges(source)} == {(node_id("o", e.source), node_id("o", e.target)) for e in ARCH.overview_edges}
    source = codegen_flowchart(CATALOG, ARCH)
    steps = ARCH.codegen.steps
    assert {node_id("step", s.id) for s in steps} <= set(nodes(source))
    assert {node_id("out", s.id) for s in steps if s.produces} <= set(nodes(source))
    chain = [(a, b) for a, _, b in edges(source)]
    for before, after in zip(steps, steps[1:]):  # each step hands its product to the next
        assert (node_id("out", before.id), node_id("step", after.id)) in chain
    assert (node_id("alt", ARCH.codegen.alternative.replaces), node_id("out", ARCH.codegen.alternative.replaces)) in chain


def test_the_migration_diagram_has_every_phase_in_order_and_marks_where_most_stop():
    path = CATALOG.section(Migration)
    source = migration_flowchart(path)
    ids = [node_id("phase", p.id) for p in path.phases]
    assert [n for n in nodes(source) if n in ids] == ids
    assert {(a, b) for a, _, b in edges(source)} >= set(zip(ids, ids[1:]))
    assert f"{node_id('phase', path.stop_at)}[" in source and ":::stop" in source
    # Past the usual stopping point the lines are dotted.
    stop = [p.id for p in path.phases].index(path.stop_at)
    for a, b in zip(ids[stop + 1:], ids[stop + 2:]):
        assert f"{a} -.-> {b}" in source


# ── One port, changed once, changes every output that shows it ─────────────────────────────

def rendered_outputs(catalog) -> dict[str, str]:
    arch = catalog.section(Architecture)
    outputs = {name: render(catalog, arch, Linker(pages.ARCHITECTURE)) for name, render in architecture.MACROS.items()}
    for layer in arch.layers:
        for fid in layer.all_frameworks:
            outputs[f"framework page {fid}"] = framework_page(catalog, catalog.framework(fid))
    return outputs


def test_changing_a_port_in_the_data_changes_every_diagram_and_table_that_shows_it(tmp_path):
    layer = ARCH.layers[0]
    before = rendered_outputs(CATALOG)
    showing = {name for name, text in before.items() if f":{layer.port}" in text or f"Port {layer.port}" in text}
    # The stack (diagram and table), the components table and layer heading, the request flow.
    assert {"polyglot_stack", "stack_components", "request_flow"} <= showing

    data = real_data_copy(tmp_path)
    apply_edits(data, [{"file": "architecture.yaml", "find": f"    port: {layer.port}\n", "replace": "    port: 8123\n"}])
    after = rendered_outputs(load_fixture(data, tmp_path))
    for name in showing:
        assert f":{layer.port}" not in after[name] and f"Port {layer.port}" not in after[name], name
        assert ":8123" in after[name] or "Port 8123" in after[name], name
    assert {name for name, text in after.items() if ":8123" in text or "Port 8123" in text} == showing
    # Its diagrams are no longer the ones drawn ahead of time (diagrams/): the browser draws them.
    drawn = [name for name in showing if '<figure class="diagram"' in after[name]]
    assert {"polyglot_stack", "request_flow"} <= set(drawn)
    assert all('data-drawing="missing"' in after[name] and "<img" not in after[name] for name in drawn)


# ── The claims ledger reads figures right and compares like with like ───────────────────────

@pytest.fixture
def minimal(tmp_path):
    return load_fixture(copy_data(tmp_path), tmp_path)


def test_claims_across_languages_are_compared_as_their_languages(minimal):
    ledger = minimal.section(Ledger)
    # "Go 10x faster than Django" and "than Python" are one comparison, and they agree.
    go = next(c for c in ledger.comparisons if (c.metric, c.subject, c.baseline) == ("speed", "go", "python"))
    assert {c.id for c in go.claims} == {"go-faster", "go-faster-again"} and not go.differs
    # FastAPI against Django stays a framework comparison, and its figures differ: 3-4x and 2-3x.
    [differs] = ledger.disagreements
    assert (differs.subject, differs.baseline) == ("fastapi", "django") and differs.common == (3, 3)


@pytest.mark.parametrize("fields, unit, text", [
    ({"low": 3, "high": 4}, "x", "3–4x"),
    ({"low": 50, "high": 100, "approx": True}, "MB", "~50–100 MB"),
    ({"low": 10000}, "req/sec", "10,000+ req/sec"),
    ({"high": 1}, "ms", "under 1 ms"),
    ({"low": 95, "high": 95}, "%", "95%"),
    ({"low": 2023, "high": 2023}, "year", "2023"),
])
def test_figures_read_as_the_guide_writes_them(fields, unit, text):
    from macros.model.sections.claims import Claim, Metric

    claim = Claim(id="c", subjects=("go",), baselines=(), metric="m", low=fields.get("low"), high=fields.get("high"),
                  approx=fields.get("approx", False), section="s", phrase="p")
    assert claims.value_text(claim, Metric(id="m", name="M", unit=unit)) == text


def test_framework_pages_show_their_claims_and_mark_the_disagreements(minimal):
    md = framework_page(minimal, minimal.framework("fastapi"))
    assert "## The guide's figures" in md
    ledger = minimal.section(Ledger)
    for claim in ledger.about({"fastapi"}):
        assert claim.phrase in md
    assert md.count("the guide also says otherwise") == len(ledger.disagreements[0].claims)
    assert "rules of thumb" in md


# ── The decision framework on use-case pages ──────────────────────────────────────────────

def test_each_choose_if_list_is_on_exactly_one_use_case_page():
    pages_md = {u.id: use_case_page(CATALOG, u) for u in CATALOG.use_cases}

    def shown_on(anchor: str) -> list[str]:
        return [u for u, md in pages_md.items() if f"{{ #{anchor} }}" in md]

    expected = {f"choose-{f.id}": [f.use_cases[0]] for f in CATALOG.frameworks if f.rationale.choose_if}
    expected |= {f"choose-{c.language}-{c.use_case}": [c.use_case] for c in CATALOG.cells if c.rationale.choose_if}
    assert len(expected) >= 6
    assert {anchor: shown_on(anchor) for anchor in expected} == expected
    assert expected["choose-loco"] == ["full-featured"]  # where the matrix puts Loco
    assert expected["choose-actix-web"] == ["lightweight"]  # not on its WebSockets use case
    for checklist in [f.rationale.choose_if for f in CATALOG.frameworks] + [c.rationale.choose_if for c in CATALOG.cells]:
        for line in checklist:
            assert any(str(inline(line)) in md for md in pages_md.values()), line


def test_framework_and_language_pages_link_to_where_the_guide_places_them():
    md = framework_page(CATALOG, CATALOG.framework("nestjs"))
    for anchor in ("#layer-nestjs", "tiers/#tier-node", "code-generation/", "pragmatic-path/#graduate-to",
                   "decision-matrix/#decision-matrix", "migration/#migration-phases"):
        assert anchor in md, anchor
    md = language_page(CATALOG, CATALOG.language("go"))
    assert "examples/go/create_user.go:create-user" in md and '``` go title="create_user.go"' in md
    assert "## The guide's figures" in md and "## In the guide's advice" in md


# ── Data is escaped in every output ───────────────────────────────────────────────────────

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def test_hostile_data_comes_out_escaped_in_every_view(tmp_path):
    data = copy_data(tmp_path)
    apply_edits(data, [
        {"file": "architecture.yaml", "find": "    name: Django\n", "replace": f"    name: '{HOSTILE}'\n"},
        {"file": "architecture.yaml", "find": "protocol: gRPC, why: fast", "replace": f"protocol: '{HOSTILE}', why: fast"},
        {"file": "claims.yaml", "find": "phrase: 10-20MB per service", "replace": f"phrase: '{HOSTILE}'"},
        {"file": "guidance.yaml", "find": "truth: Most companies never need Go.", "replace": f"truth: '{HOSTILE}'"},
        {"file": "migration.yaml", "find": "name: Add Go", "replace": f"name: '{HOSTILE}'"},
    ])
    catalog = load_fixture(data, tmp_path)
    link = Linker(pages.ARCHITECTURE)
    outputs = [render(catalog, catalog.section(module.VIEW.model), link)
               for module in (architecture, claims, guidance, migration) for render in module.MACROS.values()]
    outputs += [language_page(catalog, catalog.language("go")), framework_page(catalog, catalog.framework("django"))]
    text = "\n".join(outputs)
    assert "<script>" not in text and "<img" not in text
    assert text.count("&lt;script&gt;") >= 5
    for source in (stack_flowchart(catalog.section(Architecture)), migration_flowchart(catalog.section(Migration))):
        assert "<" not in source and "#lt;script#gt;" in source
