"""Feature: the data as JSON under api/, each file with its JSON Schema beside it.

- api/frameworks.json: every framework with its rationale, its place in the matrix and the names
  it refers to; everything the compare page needs in one request.
- api/comparisons.json: the curated comparisons with their verdicts and pages.
- Every other data file (kinds, languages, use cases, matrix, and those of features that do not
  publish their own) as the JSON of its validated YAML, with its YAML schema made standalone.

URLs inside the JSON are relative to the JSON file, like links in an HTML page.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any


from . import routes
from .catalog import Catalog, Cell, Framework, Rationale
from .comparisons import comparisons_of
from .features import with_attr
from .routes import Linker
from .views.compare_page import API_FRAMEWORKS, comparison_path
from .views.compare_table import claim_entries, fields

API_DIR = "api"
SCHEMA_DIR = Path(__file__).resolve().parent / "api_schemas"
# The data files published with their own shape rather than as the JSON of their YAML.
SHAPED = ("frameworks", "comparisons")
DATA_DIR = Path(__file__).resolve().parent.parent / "data"  # for the macros; builds pass theirs


def api_path(stem: str) -> str:
    return f"{API_DIR}/{stem.replace('_', '-')}.json"


def schema_path(json_path: str) -> str:
    return json_path.removesuffix(".json") + ".schema.json"


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def published(catalog: Catalog, data_dir: Path) -> list[tuple[str, str]]:
    shaped = {API_FRAMEWORKS: frameworks_json(catalog), api_path("comparisons"): comparisons_json(catalog)}
    files: list[tuple[str, str]] = []
    for path, value in shaped.items():
        files += [(path, dumps(value)), (schema_path(path), _shaped_schema(path))]
    for stem in _plain_stems(data_dir):
        path = api_path(stem)
        files += [(path, dumps(catalog.sources[stem])),
                  (schema_path(path), dumps(standalone_schema(data_dir / "schema", stem)))]
    return files


def _plain_stems(data_dir: Path) -> list[str]:
    # A feature that owns a data file and publishes (e.g. the wizard's api/decision-tree.json)
    # publishes that file its own way.
    self_published = {f.DATA_FILE for f in with_attr("published") if hasattr(f, "DATA_FILE")}
    return [p.stem for p in sorted(data_dir.glob("*.yaml")) if p.stem not in SHAPED and p.stem not in self_published]


def _shaped_schema(path: str) -> str:
    name = Path(path).name.removesuffix(".json")
    return (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")


def standalone_schema(schema_dir: Path, stem: str) -> dict:
    """The YAML's schema with the shared definitions of common.schema.json copied in, so it
    stands alone beside the JSON."""
    schema = json.loads((schema_dir / f"{stem}.schema.json").read_text(encoding="utf-8"))
    common = json.loads((schema_dir / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    clash = set(common) & set(schema.get("$defs", {}))
    if clash:
        raise ValueError(f"data/schema/{stem}.schema.json: $defs {sorted(clash)} clash with common.schema.json")
    schema = _local_refs(copy.deepcopy(schema))
    schema["$defs"] = {**schema.get("$defs", {}), **common}
    return schema


def _local_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: (v.replace("common.schema.json#", "#") if k == "$ref" and isinstance(v, str) else _local_refs(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_local_refs(v) for v in node]
    return node


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


def _framework(catalog: Catalog, fw: Framework) -> dict:
    return {
        "id": fw.id, "name": fw.name, "url": _url(routes.framework(fw.id)), "language": fw.language,
        "kind": fw.kind, "part_of": fw.part_of, "summary": fw.summary, "use_cases": list(fw.use_cases),
        "cells": [{"language": c.language, "use_case": c.use_case} for c in catalog.cells_of(fw.id)],
        **_rationale(fw.rationale),
        "claims": [{"metric": e.metric, "source": e.source, "text": e.text} for e in claim_entries(catalog, fw)],
    }


def _comparisons(catalog: Catalog):
    return comparisons_of(catalog).items


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
        "comparisons": [{"id": c.id, "title": c.title, "url": _url(comparison_path(c.id)), "frameworks": list(c.frameworks)}
                        for c in _comparisons(catalog) if c.frameworks],
    }


def comparisons_json(catalog: Catalog) -> dict:
    return {"comparisons": [
        {"id": c.id, "title": c.title, "url": _url(comparison_path(c.id)), "verdict": c.verdict, "notes": list(c.notes),
         "frameworks": list(c.frameworks), "patterns": [{"use_case": p.use_case, "pattern": p.pattern} for p in c.patterns],
         "members": list(c.members)}
        for c in _comparisons(catalog)
    ]}


# ── The page that lists the published files ──────────────────────────────────────────────

def macros(catalog: Catalog, link) -> dict:
    from .published import published_files
    from .views.api_files import published_list

    return {"published_data_files": lambda: published_list(list(published_files(catalog, DATA_DIR)), link())}
