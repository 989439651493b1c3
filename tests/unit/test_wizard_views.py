"""The wizard's views on the small fixture set, without MkDocs: the tree as lists and as a
flowchart, the outcome pages, and the published JSON with its schema."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft202012Validator

from macros.model.catalog import load_catalog
from macros.model.routes import Linker
from macros.model.sections.decision_tree import DecisionTree
from macros.views import wizard_json
from macros.views.sections.decision_tree import (
    app_mount,
    outcome_markdown,
    tree_diagram,
    tree_flowchart,
    tree_list,
)
from tests.helpers.datasets import DATA, ROOT, apply_edits, copy_data, load_fixture

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


def test_flowchart_has_every_node_and_every_answer(catalog, tree):
    source = tree_flowchart(tree)
    assert source.startswith("flowchart LR\n")
    for question in tree.questions.values():
        assert f'n_q_{question.id.replace("-", "_")}["{question.question}"]' in source
        for option in question.options:
            assert f'-->|"{option.label}"|' in source
    for outcome in tree.outcomes.values():
        assert f'n_o_{outcome.id}(["{outcome.title}"])' in source
    edges = sum(len(q.options) for q in tree.questions.values())
    assert source.count("-->") == edges
    assert 'aria-describedby="wizard-tree"' in tree_diagram(catalog, tree, Linker("wizard/index.md"))


def test_outcome_page_has_recommendation_reasons_answers_and_links(catalog, tree):
    md = outcome_markdown(catalog, tree, tree.outcomes["full"])
    assert md.startswith("---\ntitle: Django REST Framework for your main app\ndescription: Batteries included.\n")
    assert "\n# Django REST Framework for your main app\n" in md
    assert '<a href="../../frameworks/django/">Django REST Framework</a>: Batteries included.' in md
    assert "<li>Familiar patterns</li>" in md
    # The answers that lead here, and the same answers opened in the wizard.
    assert "<li>What are you building? <strong>A full app</strong></li>" in md
    assert 'href="../?path=full"' in md
    # Reality check, then the framework's pros from the data.
    assert "Optimize your database queries first." in md and "<li>Admin included</li>" in md
    # Alternatives: the framework page and the comparison with the recommended framework.
    assert 'href="../../frameworks/fastapi/"' in md
    assert 'href="../../compare/?frameworks=django,fastapi">Compare FastAPI with Django REST Framework</a>' in md


def test_outcome_page_of_a_cell_without_framework_shows_what_to_use_instead(catalog, tree):
    md = outcome_markdown(catalog, tree, tree.outcomes["go"])
    assert "## What you do instead" in md and "Use Gin" in md
    assert 'href="../?path=light-language/go"' in md


def test_compare_links_use_the_compare_pages_canonical_order(catalog, tree):
    """Outcome 'go' recommends fastapi and names django, which comes first in the data: the
    link is the one address compare-any gives that pair."""
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
    source = tree_flowchart(tree)
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
    catalog = load_catalog(DATA, display_root=ROOT)
    files = dict(wizard_json.published(catalog, catalog.section(DecisionTree)))
    data = json.loads(files[wizard_json.JSON_PATH])
    assert list(Draft202012Validator(json.loads(files[wizard_json.SCHEMA_PATH])).iter_errors(data)) == []
