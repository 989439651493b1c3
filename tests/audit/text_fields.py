"""Where the human-readable text of the data is: every value whose schema is
common.schema.json#/$defs/text (directly, or as an item of `texts`), found through the JSON
Schemas themselves, so a field added to any data file is covered without a list to update.

jsonschema does the walking: the `text` definition gets a marker keyword that reports every
value it is applied to, in whichever file, field, list item or oneOf branch it sits.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

Path_ = tuple[str | int, ...]
_MARKER = "x-text-field"


def _mark(validator, value, instance, schema):
    yield ValidationError(_MARKER)


_Marking = validators.extend(Draft202012Validator, {_MARKER: _mark})


def _marking_validators(schema_dir: Path) -> dict[str, Draft202012Validator]:
    schemas = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schemas[path.name.removesuffix(".schema.json")] = {**schema, "$id": path.resolve().as_uri()}
    common = copy.deepcopy(schemas["common"])
    common["$defs"]["text"][_MARKER] = True
    schemas["common"] = common
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    return {name: _Marking(schema, registry=registry) for name, schema in schemas.items()}


def _text_paths(errors) -> Iterator[Path_]:
    for error in errors:
        if error.validator == _MARKER:
            yield tuple(error.absolute_path)
        elif error.validator in ("oneOf", "anyOf") and error.context:
            # Keep the branches that fail only because of the marker: the ones the value matches.
            for branch in _group(error.context):
                if all(_only_marks(sub) for sub in branch):
                    yield from _text_paths(branch)


def _only_marks(error) -> bool:
    if error.validator == _MARKER:
        return True
    return error.validator in ("oneOf", "anyOf") and any(
        all(_only_marks(s) for s in group) for group in _group(error.context))


def _group(errors) -> list[list]:
    """A oneOf/anyOf error's sub-errors, one list per branch."""
    groups: dict[int, list] = {}
    for error in errors:
        groups.setdefault(error.relative_schema_path[0], []).append(error)
    return list(groups.values())


def text_fields(data_dir: Path) -> dict[str, tuple[object, list[Path_]]]:
    """For each data file with a schema: its content and the paths of its text values."""
    checkers = _marking_validators(data_dir / "schema")
    found = {}
    for path in sorted(data_dir.glob("*.yaml")):
        if path.stem in checkers:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            paths = set(_text_paths(checkers[path.stem].iter_errors(data)))
            found[path.stem] = (data, sorted(paths, key=lambda p: [str(x) for x in p]))
    return found


def get(data, path: Path_):
    for key in path:
        data = data[key]
    return data


def put(data, path: Path_, value) -> None:
    get(data, path[:-1])[path[-1]] = value
