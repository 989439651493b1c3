"""Feature: the decision wizard (data/decision_tree.yaml).

Loads and checks the tree (macros/wizard_tree.py), generates one page per outcome
(wizard/<id>/, kept out of the nav: mkdocs.yml not_in_nav), publishes api/decision-tree.json
with its schema, and gives docs/wizard/index.md its macros."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import quotes, wizard_tree
from .catalog import Catalog
from .pages import GeneratedPage
from .report import Report
from .routes import Linker
from .views import wizard_json, wizard_page
from .yaml_source import YamlDoc

DATA_FILE = "decision_tree"
RECORD_LABELS = {"questions": "question", "outcomes": "outcome"}
LOAD_AFTER = quotes.LOAD_AFTER  # outcomes quote the guide's lines from other files


def tree_of(catalog: Catalog) -> wizard_tree.DecisionTree:
    return catalog.part(DATA_FILE)


def load(doc: YamlDoc, catalog: Catalog, report: Report) -> wizard_tree.DecisionTree:
    return wizard_tree.load(doc, catalog, report)


def pages(catalog: Catalog) -> list[GeneratedPage]:
    return [GeneratedPage(path, content) for path, content in wizard_page.outcome_pages(catalog, tree_of(catalog))]


def published(catalog: Catalog, data_dir: Path) -> list[tuple[str, str]]:
    return wizard_json.published(catalog, tree_of(catalog))


def macros(catalog: Catalog, link: Callable[[], Linker]) -> dict[str, Callable]:
    tree = tree_of(catalog)
    return {
        "wizard_app": lambda: wizard_page.app_mount(tree, link()),
        "wizard_tree": lambda: wizard_page.tree_list(tree, link()),
        "wizard_diagram": lambda: wizard_page.tree_diagram(tree),
        "wizard_count": lambda what: {"questions": len(tree.questions), "outcomes": len(tree.outcomes),
                                      "paths": len(tree.paths())}[what],
    }
