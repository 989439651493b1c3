"""The data files as JSON under api/: the shaped files of the views, the files of each section
that publishes its own (e.g. api/decision-tree.json), and every other data file as the JSON of
its validated YAML, with its YAML schema made standalone."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from ..model.catalog import Catalog
from ..model.registry import sections
from ..views.api_json import api_path, dumps, schema_path, shaped_files
from ..views.registry import views

# The data files published with their own shape rather than as the JSON of their YAML.
SHAPED = ("frameworks", "comparisons")


def api_files(catalog: Catalog, data_dir: Path) -> list[tuple[str, str]]:
    files = shaped_files(catalog)
    published_stems = set()
    for view in views():
        if view.published is not None and catalog.find(view.model) is not None:
            files += view.published(catalog, catalog.section(view.model))
            published_stems.add(_stem_of(view.model))
    for stem in sorted(catalog.sources):
        if stem in SHAPED or stem in published_stems:
            continue
        path = api_path(stem)
        files += [(path, dumps(catalog.sources[stem])), (schema_path(path), dumps(standalone_schema(data_dir / "schema", stem)))]
    return files


def _stem_of(model: type) -> str:
    return next(s.file for s in sections() if s.model is model)


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
