"""api/decision-tree.json: the tree as the wizard's script reads it, with what a result shows
(reality checks, pros and cons) already gathered, and its JSON Schema beside it.

Texts keep the data's only markup, **bold** and `code`; URLs are relative to the JSON file itself
(as a browser resolves them), like every file under api/. The addresses of outcome, framework
and comparison pages follow one pattern each, so the file gives the patterns (`urls`) rather than
an address per record; `frameworks` is a list in the canonical order of the compare page. Each
outcome carries the guide's figures about it, the row of the guide's decision matrix it answers,
and for a platform the stack to open in the composer."""

from __future__ import annotations

import json
from pathlib import Path

from ..model import routes
from ..model.catalog import Catalog
from ..model.routes import Linker
from ..model.sections.decision_tree import DecisionTree, Outcome
from .compare_table import compare_any_href
from .wizard_result import (
    STACK_PAGE,
    cell_consequence,
    decision_row_of,
    figures,
    left_cells,
    reality_checks,
    stack_query,
)

SCHEMA_FILE = Path(__file__).with_name("api_schemas") / "decision-tree.schema.json"
JSON_PATH = routes.API_DECISION_TREE
SCHEMA_PATH = "api/decision-tree.schema.json"
ID, IDS = "{id}", "{ids}"  # the placeholders of the URL patterns


def tree_json(catalog: Catalog, tree: DecisionTree) -> dict:
    """The tree for the wizard's script (README, "Decision tree JSON")."""
    here = Linker("api/index.md")  # links from a file in api/
    referenced = {fid for o in tree.outcomes.values() for fid in (*o.frameworks, *o.alternatives, *dict(o.stack).values())}
    return {
        "$schema": "decision-tree.schema.json",
        "start": tree.start,
        "nodes": {
            q.id: {
                "question": q.question,
                **({"help": q.help} if q.help else {}),
                "options": [{"label": o.label, "implies": o.implies, "next": o.next} for o in q.options],
            }
            for q in tree.questions.values()
        },
        "outcomes": {o.id: _outcome(catalog, tree, here, o) for o in tree.outcomes.values()},
        "use_cases": {u.id: u.short_name for u in catalog.use_cases},
        "urls": {
            "outcome": here.href(routes.outcome(ID)),
            "framework": here.href(routes.framework(ID)),
            "compare": compare_any_href(catalog, here, ()) + IDS,
        },
        "frameworks": [
            {"id": fw.id, "name": fw.name, "summary": fw.summary,
             "pros": list(fw.rationale.pros), "cons": list(fw.rationale.cons)}
            for fw in catalog.frameworks if fw.id in referenced
        ],
    }


def _outcome(catalog: Catalog, tree: DecisionTree, here: Linker, outcome: Outcome) -> dict:
    result = {
        "title": outcome.title,
        "summary": outcome.summary,
        "frameworks": list(outcome.frameworks),
        "reasons": list(outcome.reasons),
        "alternatives": list(outcome.alternatives),
        "reality_checks": list(reality_checks(catalog, outcome)),
        "figures": [{"metric": f.metric, "about": f.about, "values": list(f.values), "differs": f.differs,
                     "url": here.href(routes.CLAIMS, f.anchor)} for f in figures(catalog, outcome)],
        "see_also": [{"text": s.text, "url": here.href(s.page)} for s in outcome.see_also],
    }
    cell = cell_consequence(catalog, outcome)
    if cell:  # for the decision record's consequences
        result["matrix_cell"] = {"name": cell.subject, "pros": list(cell.pros), "cons": list(cell.cons)}
    row = decision_row_of(catalog, outcome)
    if row:
        result["decision_row"] = {"scenario": row.scenario, "choose": row.choose, "why": row.why,
                                  "url": here.href(routes.DECISION_MATRIX)}
    cells = left_cells(catalog, tree, outcome)
    if cells:
        result["leaves_cell"] = {"cells": cells, "lines": list(outcome.leaves_cell)}
    if outcome.stack:
        result["stack"] = {"picks": dict(outcome.stack), "url": here.href(STACK_PAGE) + stack_query(outcome.stack)}
    if outcome.site_note:
        note = outcome.site_note
        result["site_note"] = {"text": note.text, "source": note.source, "checked": note.checked}
    return result


def published(catalog: Catalog, tree: DecisionTree) -> list[tuple[str, str]]:
    text = json.dumps(tree_json(catalog, tree), ensure_ascii=False, separators=(",", ":"))
    return [(JSON_PATH, text), (SCHEMA_PATH, SCHEMA_FILE.read_text(encoding="utf-8"))]
