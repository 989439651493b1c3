"""The data of the guide's later sections: it loads, it says what the guide says (phrases checked
against the guide itself), its code examples are real files, and broken data fails clearly."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from macros.views.text import plain
from tests.helpers.data import ARCH, CATALOG, LEDGER  # noqa: E402
from tests.helpers.datasets import ROOT, error_lines

CASES = yaml.safe_load((Path(__file__).resolve().parent.parent / "fixtures" / "guide_broken_cases.yaml").read_text(encoding="utf-8"))
# The guide the site presents, kept as the reference its data is checked against.
GUIDE = Path(__file__).resolve().parent.parent / "fixtures" / "guide.md"


def flat(text: str) -> str:
    """Text without markup or repeated whitespace, to compare the data's phrases with the guide."""
    return re.sub(r"\s+", " ", plain(text)).strip()


@pytest.fixture(scope="module")
def guide() -> str:
    return flat(GUIDE.read_text(encoding="utf-8"))


# ── What the data holds ───────────────────────────────────────────────────────────────────

def test_the_stack_has_four_service_layers_with_distinct_ports():
    layers = ARCH.layers
    assert [c.layer for c in layers] == list(range(1, len(layers) + 1))
    assert len({c.port for c in layers}) == len(layers)
    assert [c.optional for c in layers].count(True) == 1  # the guide's "Layer 4 ... - Optional"
    assert {"queue", "store", "gateway", "frontend"} <= {c.role for c in ARCH.components}


def test_every_component_is_on_the_stack_or_in_the_request_flow():
    drawn = {end for line in ARCH.stack + ARCH.request_flow for end in (line.source, line.target)}
    assert drawn == {c.id for c in ARCH.components}


def test_every_claim_and_contradiction_quotes_the_guide(guide):
    phrases = [c.phrase for c in LEDGER.claims] + [s.phrase for t in LEDGER.tensions for s in t.statements]
    missing = [p for p in phrases if flat(p) not in guide]
    assert missing == []


# Lines of the guide with a figure in them; each must be the source of a claim. Version numbers
# (Rails 5+) are not claims.
FIGURE = re.compile(r"\d+(?:\.\d+)?(?:-\d+)?\s?(?:x\b|MB\b|%|k\b|k\+|\+)|req/sec|requests/minute|\bthousands\b"
                    r"|\bmillions\b|millisecond", re.I)
NOT_CLAIMS = ("Rails 5+",)


def test_every_figure_of_the_guide_is_a_claim(guide):
    lines = [flat(line) for line in GUIDE.read_text(encoding="utf-8").splitlines()]
    figures = [line for line in lines if FIGURE.search(line) and not any(n in line for n in NOT_CLAIMS)]
    phrases = {flat(c.phrase) for c in LEDGER.claims}
    uncovered = [line for line in figures if not any(p in line for p in phrases)]
    assert len(figures) > 30
    assert uncovered == []


def test_every_section_of_a_claim_exists_and_every_section_is_used():
    used = {c.section for c in LEDGER.claims} | {s.section for t in LEDGER.tensions for s in t.statements}
    assert used == {s.id for s in LEDGER.sections}


def test_the_ledger_finds_the_disagreements_the_guide_has():
    found = {(d.metric, d.subject, d.baseline) for d in LEDGER.disagreements}
    # FastAPI against Django: 2-3x, 3x and 3-4x; Go's memory: 10-20MB, 5-10MB and 10MB.
    assert ("speed", "fastapi", "django-rest-framework") in found
    assert ("memory", "go", None) in found
    fastapi = next(d for d in LEDGER.disagreements if d.subject == "fastapi" and d.metric == "speed")
    assert {(c.low, c.high) for c in fastapi.claims} == {(2, 3), (3, 3), (3, 4)}
    # Figures that agree (Rust 2-4x faster than Go, twice) are not a disagreement.
    rust = next(c for c in LEDGER.comparisons if (c.metric, c.subject, c.baseline) == ("speed", "rust", "go"))
    assert len(rust.claims) == 2 and not rust.differs


def test_the_advanced_patterns_point_nowhere_else():
    for path in (ROOT / "docs").rglob("*.md"):
        assert "002-advanced-architectural-patterns" not in path.read_text(encoding="utf-8"), path


# ── Code examples: real files ─────────────────────────────────────────────────────────────

def examples():
    found = [CATALOG.cell("go", "full-featured").none_by_design.example, ARCH.gateway.example,
             ARCH.codegen.alternative.example] + [s.example for s in ARCH.codegen.steps]
    return [e for e in found if e]


def test_every_example_file_exists_with_its_section():
    for example in examples():
        text = (ROOT / example.file).read_text(encoding="utf-8")
        if example.section:
            assert f"[start:{example.section}]" in text and f"[end:{example.section}]" in text, example.file


def test_the_compose_example_runs_the_services_the_page_names():
    example = ARCH.gateway.example
    compose = yaml.safe_load((ROOT / example.file).read_text(encoding="utf-8"))
    assert set(compose["services"]) == {service for service, _ in ARCH.gateway.example_services}
    gateway = next(s for s, c in ARCH.gateway.example_services if c == ARCH.gateway.component)
    command = compose["services"][gateway]["command"]
    assert "--providers.docker=true" in command  # services are found from Docker labels
    resolvers = {re.match(r"--certificatesresolvers\.([^.]+)\.", c).group(1) for c in command if "certificatesresolvers" in c}
    for service, _ in ARCH.gateway.example_services:
        if service == gateway:
            continue
        labels = compose["services"][service]["labels"]
        assert "traefik.enable=true" in labels
        used = {label.split("=", 1)[1] for label in labels if label.split("=", 1)[0].endswith(".tls.certresolver")}
        assert used and used <= resolvers  # each router's TLS resolver is one the gateway defines


def test_the_python_example_compiles_and_serves_the_route_of_the_nestjs_one():
    example = ARCH.codegen.alternative.example
    source = (ROOT / example.file).read_text(encoding="utf-8")
    tree = ast.parse(source, example.file)
    compile(tree, example.file, "exec")
    routes = [d.args[0].value for node in ast.walk(tree) if isinstance(node, ast.AsyncFunctionDef)
              for d in node.decorator_list if isinstance(d, ast.Call) and d.args and isinstance(d.args[0], ast.Constant)]
    nestjs = (ROOT / next(s.example.file for s in ARCH.codegen.steps if s.id == ARCH.codegen.alternative.replaces)).read_text()
    nest_route = re.search(r"@Get\('([^']+)'\)", nestjs).group(1)
    assert [r.replace("{id}", ":id") for r in routes] == [nest_route]


# ── Broken data ───────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_broken_guide_data_fails_with_every_error_named(case, tmp_path):
    assert error_lines(tmp_path, case["edits"]) == case["errors"]


def test_an_example_section_that_is_not_marked_is_named(tmp_path):
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "api.py").write_text("# --8<-- [start:other]\nx = 1\n# --8<-- [end:other]\n")
    assert error_lines(tmp_path, [{"file": "architecture.yaml", "find": "      produces: openapi.json\n    - id: client",
                                   "replace": "      produces: openapi.json\n      example: {file: examples/api.py, "
                                              "section: route, caption: The code}\n    - id: client"}]) == [
        "data/architecture.yaml:70: step 'backend': example.section 'route' is not marked in examples/api.py "
        "(expected a '--8<-- [start:route]' comment)"]


def test_a_gateway_choice_without_reasons_is_named(tmp_path):
    errors = error_lines(tmp_path, [{"file": "architecture.yaml", "append":
                                     "gateway: {component: web, choice: fastapi, instead_of: gin, fallback: django}\n"}])
    # One line, so the two errors come in the order of their messages.
    assert errors == [
        "data/architecture.yaml:94: gateway 'fallback': 'django' has no choose_when in data/frameworks.yaml "
        "(when to use it instead)",
        "data/architecture.yaml:94: gateway 'choice': 'fastapi' has no pros in data/frameworks.yaml (its reasons)",
    ]
