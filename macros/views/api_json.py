"""The data shaped for the browser and for anyone who wants it, as JSON under api/:

- api/frameworks.json: every framework with its rationale, its place in the matrix and the names
  it refers to; everything the compare page needs in one request.
- api/comparisons.json: the curated comparisons with their verdicts and pages.

Each has its JSON Schema beside it (views/api_schemas/). URLs inside the JSON are relative to the
JSON file, like links in an HTML page.
"""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from ..model import routes
from ..model.catalog import Catalog
from ..model.core import Cell, Framework, Rationale
from ..model.routes import Linker
from ..model.sections.comparisons import Comparisons
from ..model.sections.facts import Facts, FrameworkFacts, Sourced, Unknown
from .compare_table import COMPUTED, Item, fields, figures_of, value_of

API_DIR = "api"
SCHEMA_DIR = Path(__file__).resolve().parent / "api_schemas"


def api_path(stem: str) -> str:
    """Where a data file's JSON is published: 'use_cases' -> 'api/use-cases.json'."""
    return f"{API_DIR}/{stem.replace('_', '-')}.json"


def schema_path(json_path: str) -> str:
    return json_path.removesuffix(".json") + ".schema.json"


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def shaped_schema(json_path: str) -> str:
    """The JSON Schema of a file published with its own shape."""
    return (SCHEMA_DIR / Path(schema_path(json_path)).name).read_text(encoding="utf-8")


def shaped_files(catalog: Catalog) -> list[tuple[str, str]]:
    """api/frameworks.json and api/comparisons.json, each with its schema."""
    files = []
    for path, value in ((routes.API_FRAMEWORKS, frameworks_json(catalog)), (api_path("comparisons"), comparisons_json(catalog))):
        files += [(path, dumps(value)), (schema_path(path), shaped_schema(path))]
    return files


# ── The shaped files ─────────────────────────────────────────────────────────────────────

_LINK = Linker(f"{API_DIR}/index.md")  # links from a file in api/ (every file here sits there)


def _url(src_uri: str, anchor: str | None = None) -> str:
    return _LINK.href(src_uri, anchor)


def _rationale(r: Rationale) -> dict:
    return {
        "use_when": r.use_when, "best_for": r.best_for, "pros": list(r.pros), "cons": list(r.cons),
        "choose_when": list(r.choose_when), "choose_if": list(r.choose_if), "reality_check": r.reality_check,
    }


def _cell(cell: Cell) -> dict:
    return {"language": cell.language, "use_case": cell.use_case, "url": _url(routes.language(cell.language), cell.use_case),
            "options": [list(o) for o in cell.options], "rationale": _rationale(cell.rationale)}


def _item(item: Item) -> dict:
    """An item of a computed value; `href` is relative to this file, or absolute outside the site."""
    path, _, anchor = (item.href or "").partition("#")
    out: dict[str, Any] = {"text": item.text, "href": item.url or (_url(path, anchor or None) if item.href else None)}
    if item.note:
        text, target = item.note
        note_path, _, note_anchor = target.partition("#")
        out["note"] = {"text": text, "href": _url(note_path, note_anchor or None)}
    return out


def _fact(fact) -> dict:
    if isinstance(fact, Unknown):
        return {"unknown": fact.why}
    value = fact.value
    if is_dataclass(value):
        value = {k: (asdict(v) if is_dataclass(v) else v) for k, v in vars(value).items()}
    return {"value": value, "source": fact.source, "checked": fact.checked}


def _facts(catalog: Catalog, fw: Framework) -> dict | None:
    facts = catalog.find(Facts)
    record = facts.of(fw.id) if facts else None
    if record is None:
        return None
    out: dict[str, Any] = {"checked": record.checked}
    out |= {key: _fact(getattr(record, key)) for key in FrameworkFacts.FIELDS}
    if isinstance(record.package, Sourced) and record.package.value.install:
        out["package"]["install"] = record.package.value.install
    out["notes"] = [{"text": n.text, "source": n.source, "checked": n.checked} for n in facts.notes_about(fw.id)]
    return out


def _framework(catalog: Catalog, fw: Framework) -> dict:
    # The values the site computes (the guide's figures as one range each, the facts), shaped as
    # the compare table shows them: the browser shows them as they are.
    computed = {f.key: [{"source": g.source, "items": [_item(i) for i in g.items]} for g in value]
                for f in fields(catalog) if f.type in COMPUTED and (value := value_of(catalog, fw, f))}
    return {
        "id": fw.id, "name": fw.name, "url": _url(routes.framework(fw.id)), "language": fw.language,
        "other_language": fw.other_language,
        "kind": fw.kind, "part_of": fw.part_of, "summary": fw.summary, "use_cases": list(fw.use_cases),
        "cells": [{"language": c.language, "use_case": c.use_case} for c in catalog.cells_of(fw.id)],
        **_rationale(fw.rationale),
        "figures": [{"metric": f.metric, "text": f.text,
                     "differs": _url(routes.CLAIMS, f.differs) if f.differs else None} for f in figures_of(catalog, fw)],
        "facts": _facts(catalog, fw),
        "values": computed,
    }


def frameworks_json(catalog: Catalog) -> dict:
    return {
        "fields": [{"key": f.key, "label": f.label, "type": f.type, "list": f.is_list} for f in fields(catalog)],
        "languages": [{"id": x.id, "name": x.name, "tagline": x.tagline, "url": _url(routes.language(x.id))}
                      for x in catalog.languages],
        "use_cases": [{"id": u.id, "name": u.name, "short_name": u.short_name, "url": _url(routes.use_case(u.id))}
                      for u in catalog.use_cases],
        "kinds": [{"id": k.id, "name": k.name} for k in catalog.kinds],
        "cells": [_cell(c) for c in catalog.cells if c.options],
        "frameworks": [_framework(catalog, fw) for fw in catalog.frameworks],
        "comparisons": [{"id": c.id, "title": c.title, "url": _url(routes.comparison(c.id)), "frameworks": list(c.frameworks)}
                        for c in catalog.section(Comparisons).items if c.frameworks],
    }


def comparisons_json(catalog: Catalog) -> dict:
    return {"comparisons": [
        {"id": c.id, "title": c.title, "url": _url(routes.comparison(c.id)), "verdict": c.verdict, "notes": list(c.notes),
         "frameworks": list(c.frameworks), "patterns": [{"use_case": p.use_case, "pattern": p.pattern} for p in c.patterns],
         "members": list(c.members)}
        for c in catalog.section(Comparisons).items
    ]}


