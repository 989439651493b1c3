"""The wizard in a real strict build: its page, one page per outcome, the published JSON, and a
broken tree failing the build with the node and field named."""

from __future__ import annotations

import json
import re

from jsonschema import Draft202012Validator

from macros.model.sections.decision_tree import DecisionTree
from macros.views import wizard_json
from macros.views.sections.decision_tree import diagram_roots
from macros.views.text import inline, plain
from tests.helpers.data import CATALOG
from tests.helpers.datasets import apply_edits
from tests.helpers.project import copy_project
from tests.helpers.site import mkdocs_build

TREE = CATALOG.section(DecisionTree)


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def escaped(text: str) -> str:
    """A data text as the build writes it into HTML (**bold** and `code` become tags)."""
    return str(inline(text))


def test_every_outcome_has_its_page(built_site):
    for outcome in TREE.outcomes.values():
        html = read(built_site, f"wizard/{outcome.id}/index.html")
        h1 = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", html).group(1)
        assert h1 == plain(outcome.title).replace("&", "&amp;")
        for fid in outcome.frameworks:
            assert f'href="../../frameworks/{fid}/"' in html
        # Every path that leads here can be opened in the wizard.
        for path in TREE.paths_to(outcome.id):
            assert f'href="../?path={TREE.url_path(path)}"' in html


def test_outcome_pages_stay_out_of_the_nav_but_in_the_sitemap(built_site):
    nav_links = re.findall(r'<a href="([^"]+)" class="md-nav__link', read(built_site, "matrix/index.html"))
    assert "../wizard/" in nav_links
    assert not any(f"wizard/{oid}/" in href for href in nav_links for oid in TREE.outcomes)
    sitemap = read(built_site, "sitemap.xml")
    for oid in TREE.outcomes:
        assert f"/wizard/{oid}/</loc>" in sitemap


def test_wizard_page_has_the_mount_point_the_tree_and_the_diagram(built_site):
    html = read(built_site, "wizard/index.html")
    mount = re.search(r'<div id="wizard" class="wizard" data-module="wizard" data-tree="../api/decision-tree.json">'
                      r'(.*?)<div class="visually-hidden" aria-live="polite"></div></div>', html)
    # The first question is in the page as the script draws it (the page does not move when the
    # script takes over; tests/test_wizard_browser.py compares the two).
    start = TREE.questions[TREE.start]
    assert re.findall(r'<h2 class="wizard-heading"[^>]*>(.*?)</h2>', mount.group(1)) == [escaped(start.question)]
    answers = re.findall(r'<button type="button" class="md-button wizard-answer" data-action="answer" '
                         r'data-index="(\d+)">(.*?)</button>', mount.group(1))
    assert answers == [(str(i), escaped(o.label)) for i, o in enumerate(start.options)]
    links = re.findall(r'<a class="wizard-tree-outcome" href="([^"]+)">', html)
    assert links == [f"{TREE.end_of(p)}/" for p in TREE.paths()]
    assert re.search(r'<details class="wizard-static" open[ =>]', html)
    # One diagram per part of the tree, each described by the part of the list that says the same.
    figures = re.findall(r"<figure [^>]*>", html)
    roots = diagram_roots(TREE)
    assert len(figures) == len(roots) > 1 and all('class="diagram"' in f for f in figures)
    assert [re.search(r'aria-describedby="([^"]+)"', f).group(1) for f in figures] == [f"wizard-tree-{r}" for r in roots]
    for root in roots:
        assert html.count(f'id="wizard-tree-{root}"') == 1
    assert 'id="wizard-tree"' in html


def test_published_json_is_the_tree_and_follows_its_schema(built_site):
    data = json.loads(read(built_site, wizard_json.JSON_PATH))
    schema = json.loads(read(built_site, wizard_json.SCHEMA_PATH))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    assert data == wizard_json.tree_json(CATALOG, TREE)
    # The URL patterns lead to the pages, from the JSON's own folder.
    page = lambda kind, id_: built_site / "api" / data["urls"][kind].replace("{id}", id_) / "index.html"  # noqa: E731
    for outcome_id in data["outcomes"]:
        assert page("outcome", outcome_id).resolve().is_file()
    for framework in data["frameworks"]:
        assert page("framework", framework["id"]).resolve().is_file()
    # Frameworks in the canonical order of the compare page, whose address the pattern gives.
    order = [f.id for f in CATALOG.frameworks]
    ids = [f["id"] for f in data["frameworks"]]
    assert ids == sorted(ids, key=order.index)
    referenced = {fid for o in TREE.outcomes.values() for fid in (*o.frameworks, *o.alternatives, *dict(o.stack).values())}
    assert set(ids) == referenced
    assert data["urls"]["compare"] == "../compare/?frameworks={ids}"


def test_a_broken_tree_fails_the_build_naming_node_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    apply_edits(project / "data", [
        {"file": "decision_tree.yaml", "find": "        next: light-node\n      - label: Ruby",
         "replace": "        next: light-language\n      - label: Ruby"},
        {"file": "decision_tree.yaml", "find": "frameworks: [socket-io]", "replace": "frameworks: [socketio]"},
    ])
    site = tmp_path / "out"
    result = mkdocs_build(site, config=project / "mkdocs.yml", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert ("question 'light-language': options[1].next 'light-language' closes a cycle "
            "(light-language → light-language)") in output
    assert "outcome 'socket-io': frameworks[0] 'socketio' is not a known framework (did you mean 'socket-io'?" in output
    assert "Traceback" not in output
    assert not site.exists()


def test_outcome_pages_link_the_composer_the_claims_and_the_decision_matrix_that_exist(built_site):
    """The links a result adds lead to pages of the site: the composer with the platform's stack
    (whose picks the composer offers), the guide's figures at their anchors, the decision matrix."""
    stack = json.loads(read(built_site, "api/stack.json"))
    offered = {slot["id"]: {p["id"] for p in slot["picks"]} for slot in stack["slots"]}
    for outcome in TREE.outcomes.values():
        html = read(built_site, f"wizard/{outcome.id}/index.html")
        for href in re.findall(r'href="(\.\./\.\./claims/#[^"]+)"', html):
            anchor = href.split("#")[1]
            assert f'id="{anchor}"' in read(built_site, "claims/index.html"), (outcome.id, anchor)
        if outcome.decision_row:
            assert 'href="../../architecture/decision-matrix/"' in html
        if outcome.stack:
            href = re.search(r'href="\.\./\.\./stack/\?([^"]+)">Open this stack in the composer', html).group(1)
            picks = dict(part.split("=") for part in href.replace("&amp;", "&").split("&"))
            assert picks == dict(outcome.stack) and all(picks[k] in offered[k] for k in picks)
            assert (built_site / "stack" / "index.html").is_file()
