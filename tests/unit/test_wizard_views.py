"""The wizard's views on the small fixture set, without MkDocs: the tree as lists and as a
flowchart, the outcome pages, and the published JSON with its schema."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft202012Validator

from macros.model.routes import Linker
from macros.model.sections.decision_tree import DecisionTree
from macros.views import wizard_json
from macros.views.sections.decision_tree import (
    app_mount,
    diagram_roots,
    outcome_markdown,
    tree_diagrams,
    tree_flowchart,
    tree_list,
)
from tests.helpers.data import CATALOG
from tests.helpers.datasets import apply_edits, copy_data, load_fixture

HOSTILE = "<img src=x onerror=alert(1)>"
WIZARD = Linker("wizard/index.md")


@pytest.fixture
def catalog(tmp_path):
    return load_fixture(copy_data(tmp_path), tmp_path)


@pytest.fixture
def tree(catalog):
    return catalog.section(DecisionTree)


@pytest.fixture
def hostile(tmp_path):
    data = copy_data(tmp_path)
    apply_edits(data, [
        {"file": "decision_tree.yaml", "find": "label: Python", "replace": f"label: '{HOSTILE}'"},
        {"file": "decision_tree.yaml", "find": "question: Which language?", "replace": f"question: '{HOSTILE}?'"},
        {"file": "decision_tree.yaml", "find": "title: Go, composing libraries", "replace": f"title: '{HOSTILE} \"q\"'"},
        {"file": "decision_tree.yaml", "find": "- Explicit code", "replace": f"- '{HOSTILE}'"},
        {"file": "decision_tree.yaml", "find": "label: A small service", "replace": f"label: '{HOSTILE}'"},
    ])
    catalog = load_fixture(data, tmp_path)
    return catalog, catalog.section(DecisionTree)


def test_mount_point_finds_the_json_relative_to_the_page_and_holds_the_first_question(tree):
    html = app_mount(tree, WIZARD)
    assert html.startswith('<div id="wizard" class="wizard" data-module="wizard" data-tree="../api/decision-tree.json">')
    start = tree.questions[tree.start]
    assert f'<h2 class="wizard-heading" tabindex="-1" id="wizard-question">{start.question}</h2>' in html
    assert f'<p class="wizard-help">{start.help}</p>' in html
    assert re.findall(r'data-index="(\d)">([^<]*)</button>', html) == [(str(i), o.label) for i, o in enumerate(start.options)]


def test_tree_list_links_one_outcome_per_path(tree):
    html = tree_list(tree, WIZARD)
    links = re.findall(r'<a class="wizard-tree-outcome" href="([^"]+)">', html)
    assert links == [f"{tree.end_of(p)}/" for p in tree.paths()]
    for question in tree.questions.values():
        assert f'<p class="wizard-tree-question">{question.question}</p>' in html
    assert html.startswith('<div class="wizard-tree" id="wizard-tree">')


def test_flowcharts_draw_every_path_as_a_tree(catalog, tree):
    """One flowchart per answer to the first question; together they hold every question,
    outcome and answer; each path is drawn apart (a node per place on a path), so no arrows cross."""
    roots = diagram_roots(tree)
    assert roots == ["full-language", "light-language"]  # one per answer to the first question
    sources = [tree_flowchart(tree, root) for root in roots]
    drawn = "\n".join(sources)
    for source in sources:
        assert source.startswith("flowchart LR\n")
        targets = re.findall(r"--> (\S+)", source)
        assert len(targets) == len(set(targets))  # every node has one arrow in: a tree
    for question in tree.questions.values():
        assert f'["{question.question}"]' in drawn
        for option in question.options:
            assert f'-->|"{option.label}"|' in drawn
    for outcome in tree.outcomes.values():
        assert f'(["{outcome.title}"])' in drawn
    leaves = sum(source.count("([") for source in sources)
    assert leaves == len(tree.paths())
    html = tree_diagrams(catalog, tree, WIZARD)
    assert re.findall(r'aria-describedby="([^"]+)"', html) == ["wizard-tree-full-language", "wizard-tree-light-language"]


def test_a_question_several_answers_lead_to_gets_its_own_diagram(tmp_path):
    """A question two answers lead to is drawn once, as its own diagram's root, and elsewhere as a
    box with double sides that points there; the tree's list names it by the same id."""
    data = copy_data(tmp_path)
    apply_edits(data, [{"file": "decision_tree.yaml", "find": "        use_case: full-featured\n        next: full-language",
                        "replace": "        use_case: full-featured\n        next: full-language\n"
                                   "      - {label: Either, implies: Both., next: shared}"},
                       {"file": "decision_tree.yaml", "find": "outcomes:\n", "replace":
                        "  - {id: shared, question: Shared?, options: [{label: To light, implies: L., next: light-language}, "
                        "{label: To full, implies: F., next: full-language}]}\noutcomes:\n"}])
    tree = load_fixture(data, tmp_path).section(DecisionTree)
    assert diagram_roots(tree) == ["full-language", "shared", "light-language"]
    shared = tree_flowchart(tree, "shared")
    assert re.findall(r"\[\[\"([^\"]+)\"\]\]", shared) == ["Which language?", "Which language for the app?"]
    html = tree_list(tree, WIZARD)
    for root in ("full-language", "shared", "light-language"):
        assert html.count(f'id="wizard-tree-{root}"') == 1


def test_outcome_page_has_recommendation_reasons_answers_and_links(catalog, tree):
    md = outcome_markdown(catalog, tree, tree.outcomes["full"])
    assert md.startswith("---\ntitle: Django REST Framework for your main app\ndescription: ")
    assert "\n# Django REST Framework for your main app\n" in md
    assert '<a href="../../frameworks/django/">Django REST Framework</a>: Batteries included.' in md
    assert "<li>Familiar patterns</li>" in md
    # The answers that lead here, and the same answers opened in the wizard.
    assert "<li>What are you building? <strong>A full app</strong></li>" in md
    assert "<li>Which language for the app? <strong>Python</strong></li>" in md
    assert 'href="../?path=full-language/full"' in md
    # Reality check, then the framework's pros from the data.
    assert "Optimize your database queries first." in md and "<li>Admin included</li>" in md
    # Alternatives: the framework page and the comparison with the recommended framework.
    assert 'href="../../frameworks/fastapi/"' in md
    assert 'href="../../compare/?frameworks=django,fastapi">Compare FastAPI with Django REST Framework</a>' in md


def test_outcome_page_of_a_cell_without_framework_shows_what_to_use_instead(catalog, tree):
    md = outcome_markdown(catalog, tree, tree.outcomes["go"])
    assert "## What you do instead" in md and "Use Gin" in md
    assert 'href="../?path=full-language/go"' in md


def test_compare_links_use_the_compare_pages_canonical_order(catalog, tree):
    """Outcome 'go' recommends gin and names django, which comes first in the data: the link is
    the one address compare-any gives that pair."""
    outcome = tree.outcomes["go"]
    order = [f.id for f in catalog.frameworks]
    assert order.index(outcome.alternatives[0]) < order.index(outcome.frameworks[0])
    md = outcome_markdown(catalog, tree, outcome)
    assert f'href="../../compare/?frameworks={outcome.alternatives[0]},{outcome.frameworks[0]}"' in md


def test_see_also_links_a_page_of_the_site(catalog, tree):
    md = outcome_markdown(catalog, tree, tree.outcomes["fastapi"])
    assert '<a href="../../matrix/">The matrix</a>' in md


def test_hostile_text_is_escaped_in_every_view(hostile):
    catalog, tree = hostile
    outputs = [tree_list(tree, WIZARD), outcome_markdown(catalog, tree, tree.outcomes["go"]),
               outcome_markdown(catalog, tree, tree.outcomes["fastapi"]), app_mount(tree, WIZARD)]
    for text in outputs:
        assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "title: '&lt;img src=x onerror=alert(1)&gt; &#34;q&#34;'" in outputs[1]
    source = "\n".join(tree_flowchart(tree, root) for root in diagram_roots(tree))
    assert "<" not in source and "#lt;img src=x onerror=alert(1)#gt;" in source


def test_published_json_follows_its_schema_and_the_tree(catalog, tree):
    files = dict(wizard_json.published(catalog, tree))
    data = json.loads(files[wizard_json.JSON_PATH])
    schema = json.loads(files[wizard_json.SCHEMA_PATH])
    Draft202012Validator.check_schema(schema)
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    assert data["start"] == tree.start
    assert set(data["nodes"]) == set(tree.questions) and set(data["outcomes"]) == set(tree.outcomes)
    for node in data["nodes"].values():
        for option in node["options"]:
            assert option["next"] in data["nodes"] or option["next"] in data["outcomes"]
    named = {fid for outcome in data["outcomes"].values() for fid in outcome["frameworks"] + outcome["alternatives"]}
    assert [f["id"] for f in data["frameworks"]] == [f.id for f in catalog.frameworks if f.id in named]
    assert data["urls"] == {"outcome": "../wizard/{id}/", "framework": "../frameworks/{id}/",
                            "compare": "../compare/?frameworks={ids}"}
    full = data["outcomes"]["full"]
    python, full_featured = catalog.language("python"), catalog.use_case("full-featured")
    assert full["matrix_cell"]["name"] == f"{python.name} × {full_featured.short_name}"
    assert full["reality_checks"] == ["Optimize your database queries first."]
    go_cell = catalog.cell("go", "full-featured").none_by_design  # a cell without a framework, by design
    assert data["outcomes"]["go"]["matrix_cell"]["cons"] == list(go_cell.cons)


def test_real_json_follows_its_schema():
    catalog = CATALOG
    files = dict(wizard_json.published(catalog, catalog.section(DecisionTree)))
    data = json.loads(files[wizard_json.JSON_PATH])
    assert list(Draft202012Validator(json.loads(files[wizard_json.SCHEMA_PATH])).iter_errors(data)) == []


# ── What a result adds: the guide's figures and cautions, its decision-matrix row, the stack ──

def _real():
    catalog = CATALOG
    return catalog, catalog.section(DecisionTree)


def test_an_outcome_shows_the_guides_figures_about_its_frameworks_and_the_cautions_in_one_place():
    from macros.model.sections.claims import Ledger
    from macros.views.figures import value_text

    catalog, tree = _real()
    ledger = catalog.section(Ledger)
    md = outcome_markdown(catalog, tree, tree.outcomes["fastapi-public"])
    weigh = md[md.index("## The guide's cautions and figures"):md.index("## Pros and cons")]
    # Every claim whose subjects include FastAPI shows its figure there, linked to the claims page.
    about_fastapi = [c for c in ledger.claims if "fastapi" in c.subjects]
    assert about_fastapi
    for claim in about_fastapi:
        assert value_text(claim, ledger.metric(claim.metric)) in weigh, claim.id
    assert 'href="../../claims/#differs-speed-fastapi-django-rest-framework"' in weigh
    # The cautions sit in the same section: no reality check elsewhere on the page.
    assert md.count("Reality check") == weigh.count("Reality check")
    # A broker's outcome has no language figures (Python's speed says nothing of Celery).
    assert "The guide's figures" not in outcome_markdown(catalog, tree, tree.outcomes["celery-rabbitmq"])


def test_an_outcome_names_the_row_of_the_decision_matrix_it_answers():
    from macros.model.sections.guidance import Guidance

    catalog, tree = _real()
    rows = catalog.section(Guidance).decision_matrix
    for outcome in tree.outcomes.values():
        md = outcome_markdown(catalog, tree, outcome)
        if outcome.decision_row:
            row = rows[outcome.decision_row - 1]
            assert f"{row.scenario} → <strong>{row.choose}</strong>" in md.replace("&#39;", "'"), outcome.id
            assert 'href="../../architecture/decision-matrix/">decision matrix for polyglots</a>' in md
        else:
            assert "decision matrix for polyglots" not in md


def test_a_platform_opens_its_stack_in_the_composer_and_a_site_note_is_labelled():
    catalog, tree = _real()
    md = outcome_markdown(catalog, tree, tree.outcomes["polyglot"])
    assert ('href="../../stack/?full-featured=django-rest-framework&amp;lightweight=gin&amp;'
            'service-to-service=celery&amp;realtime=socket-io">Open this stack in the composer</a>') in md
    sse = outcome_markdown(catalog, tree, tree.outcomes["sse"])
    assert "## Recommended" not in sse and "This site's note, not the guide's" in sse
    assert '<a href="https://html.spec.whatwg.org/multipage/server-sent-events.html">' in sse and "checked 2026-11-29" in sse
    assert "wizard-compare" not in sse  # no recommended framework to compare the alternatives with


def test_leaving_the_cell_is_explained_where_a_path_leaves_it():
    catalog, tree = _real()
    md = outcome_markdown(catalog, tree, tree.outcomes["gin-for-rails"])
    assert ("Where your answers point at Ruby × Lightweight microservices, the guide's words on going beyond "
            "that cell of the matrix:") in md
    assert "Consider <strong>Go (Gin)</strong> for new microservices if performance matters" in md
    assert "wizard-leaves" not in outcome_markdown(catalog, tree, tree.outcomes["gin-echo"])


def test_published_outcomes_carry_figures_rows_stacks_and_notes():
    catalog, tree = _real()
    data = wizard_json.tree_json(catalog, tree)
    polyglot = data["outcomes"]["polyglot"]
    assert polyglot["stack"]["picks"] == dict(tree.outcomes["polyglot"].stack)
    assert polyglot["stack"]["url"].startswith("../stack/?full-featured=django-rest-framework&")
    assert {f["id"] for f in data["frameworks"]} >= set(polyglot["stack"]["picks"].values())
    assert data["outcomes"]["sse"]["frameworks"] == [] and data["outcomes"]["sse"]["site_note"]["source"].startswith("https://")
    assert data["outcomes"]["fastapi-ml"]["decision_row"]["choose"] == "Python (FastAPI)"
    assert data["outcomes"]["nestjs-bff"]["leaves_cell"]["cells"] == ["Node.js/TypeScript × Lightweight microservices"]
    assert data["use_cases"] == {u.id: u.short_name for u in catalog.use_cases}
    figures = data["outcomes"]["gin-echo"]["figures"]
    assert figures and all(f["url"].startswith("../claims/#") for f in figures)
