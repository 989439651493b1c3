"""Check a data file against its JSON Schema and turn every violation into a readable error."""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

from .report import Report
from .yaml_reader import YamlDoc


@lru_cache(maxsize=8)
def _validators(schema_dir: Path, stamp: tuple) -> dict[str, Draft202012Validator]:
    # Each schema gets its file URI as $id so relative $refs ("common.schema.json#/...")
    # resolve the same way an editor resolves them.
    schemas = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schemas[path.name.removesuffix(".schema.json")] = {**schema, "$id": path.resolve().as_uri()}
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    )
    return {
        name: Draft202012Validator(inline_refs(schema, schemas, name), registry=registry)
        for name, schema in schemas.items()
    }


_ANNOTATIONS = {"description", "title", "$comment", "examples", "default"}


def inline_refs(node, schemas: dict[str, dict], current: str, seen: tuple[str, ...] = ()):
    """The schema with each $ref replaced by the schema it points at, so validation does not
    resolve references value by value (a third of the load time otherwise). A recursive
    reference stays a $ref, resolved through the registry."""
    if isinstance(node, list):
        return [inline_refs(item, schemas, current, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        file, _, pointer = ref.partition("#")
        name = file.removesuffix(".schema.json") if file else current
        key = f"{name}#{pointer}"
        if name in schemas and key not in seen:
            target = schemas[name]
            for part in filter(None, pointer.split("/")):
                target = target[part]
            siblings = inline_refs({k: v for k, v in node.items() if k != "$ref"}, schemas, current, seen)
            resolved = inline_refs(target, schemas, name, (*seen, key))
            if (set(siblings) & set(resolved)) - _ANNOTATIONS:
                return {"allOf": [siblings, resolved]}  # both apply, as $ref beside keywords does
            # The target's annotations win: its description is the one messages quote.
            return {**siblings, **resolved}
        if name in schemas and not file:
            return {**node, "$ref": f"{schemas[name]['$id']}#{pointer}"}  # absolute, for the registry
        return node
    return {k: inline_refs(v, schemas, current, seen) for k, v in node.items()}


def validators(schema_dir: Path) -> dict[str, Draft202012Validator]:
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(schema_dir.glob("*.schema.json")))
    return _validators(schema_dir.resolve(), stamp)


def check(doc: YamlDoc, validator: Draft202012Validator, report: Report) -> bool:
    """Report every schema violation of `doc`; True when there were none."""
    errors = list(validator.iter_errors(doc.data))
    for error in errors:
        report.add(doc, tuple(error.absolute_path), describe(error))
    return not errors


def describe(error: ValidationError) -> str:
    """One sentence for one violation, starting with the field it is about."""
    kind, value, schema = error.validator, error.instance, error.schema
    if kind == "required":
        missing = [name for name in error.validator_value if name not in (value or {})]
        names = ", ".join(f"'{name}'" for name in missing)
        return f"missing required field{'s' if len(missing) > 1 else ''} {names}"
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extras = sorted(set(value) - set(allowed))
        parts = []
        for extra in extras:
            close = difflib.get_close_matches(str(extra), allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            parts.append(f"'{extra}'{hint}")
        return f"unknown field {', '.join(parts)}; allowed: {', '.join(allowed)}"
    if kind in ("oneOf", "anyOf"):
        alternatives = [sub.get("required") for sub in error.validator_value]
        if all(alternatives):
            names = " or ".join("'" + "', '".join(group) + "'" for group in alternatives)
            quantity = "exactly one of" if kind == "oneOf" else "at least one of"
            return f"needs {quantity} {names}"
        inner = best_match(error.context) if error.context else None
        if inner is not None:
            return describe(inner)
    prefix = "{field}: "
    if kind == "type":
        return f"{prefix}expected {_type_name(error.validator_value)}, got {_type_name(_json_type(value))} ({_short(value)})"
    if kind in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return f"{prefix}must not be empty"
    if kind == "pattern":
        hint = schema.get("description") or f"must match {error.validator_value}"
        return f"{prefix}{_short(value)} is not valid: {hint}"
    if kind == "minItems" and not value:
        return f"{prefix}must not be empty"
    if kind == "uniqueItems":
        return f"{prefix}lists the same value twice ({_short(value)})"
    return f"{prefix}{error.message}"


def _json_type(value) -> str:
    for name, kind in (("boolean", bool), ("integer", int), ("number", float), ("string", str),
                       ("array", list), ("object", dict)):
        if isinstance(value, kind):
            return name
    return "null"


def _type_name(name) -> str:
    names = {"array": "a list", "object": "a mapping", "string": "a string", "integer": "an integer",
             "number": "a number", "boolean": "true or false", "null": "nothing"}
    if isinstance(name, list):
        return " or ".join(names.get(n, n) for n in name)
    return names.get(name, name)


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."
