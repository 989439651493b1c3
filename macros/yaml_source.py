"""Read a YAML data file, keeping the line of every value so errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

# The singular used in messages for the records of each top-level list.
RECORD_LABELS = {
    "frameworks": "framework",
    "languages": "language",
    "use_cases": "use case",
    "kinds": "kind",
    "cells": "cell",
}


def record_labels() -> dict[str, str]:
    from .features import with_attr

    labels = dict(RECORD_LABELS)
    for feature in with_attr("RECORD_LABELS"):
        labels.update(feature.RECORD_LABELS)
    return labels


class YamlSyntaxError(Exception):
    def __init__(self, line: int | None, message: str):
        self.line = line
        super().__init__(message)


@dataclass
class YamlDoc:
    """One parsed data file: its content and the line of every path in it."""

    name: str  # file stem, e.g. "frameworks"
    display_path: str  # e.g. "data/frameworks.yaml"
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    source_path: Path | None = None  # the file itself, for data that names other files

    def line_of(self, path: Path_) -> int | None:
        # The nearest enclosing value that has a line (a missing field points at its record).
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None

    def record_of(self, path: Path_) -> tuple[str | None, Path_]:
        """Describe the record a path falls in ("framework 'gin'") and the path inside it."""
        if len(path) < 2 or not isinstance(self.data, dict):
            return None, path
        nested = self._nested_record(path)
        if nested:
            return nested
        collection, key = path[0], path[1]
        items = self.data.get(collection)
        label = record_labels().get(str(collection), str(collection))
        if isinstance(key, int) and isinstance(items, list) and key < len(items):
            return f"{label} {record_name(collection, items[key], key)}", path[2:]
        if isinstance(key, str):
            return f"{label} '{key}'", path[2:]
        return None, path

    def _nested_record(self, path: Path_) -> tuple[str, Path_] | None:
        """The innermost named record below the top level, for lists whose key has a label
        (codegen.steps[0] -> "step 'backend'"); None when there is none."""
        labels, node, found = record_labels(), self.data, None
        for depth, step in enumerate(path):
            node = node[step] if isinstance(node, (dict, list)) and _has(node, step) else None
            key = path[depth - 1] if depth >= 2 else None
            if isinstance(step, int) and isinstance(key, str) and key in labels and isinstance(node, dict):
                name = record_name(key, node, step)
                if not name.startswith("#"):
                    found = (f"{labels[key]} {name}", path[depth + 1:])
        return found


def _has(node: dict | list, step: str | int) -> bool:
    return step in node if isinstance(node, dict) else isinstance(step, int) and 0 <= step < len(node)


def record_name(collection: str | int, record: Any, index: int) -> str:
    if isinstance(record, dict):
        if collection == "cells" and isinstance(record.get("language"), str):
            return f"'{record.get('language')} × {record.get('use_case')}'"
        if isinstance(record.get("id"), str):
            return f"'{record['id']}'"
        if isinstance(record.get("from"), str) and isinstance(record.get("to"), str):
            return f"'{record['from']} → {record['to']}'"
        for key in ("name", "title", "scenario"):  # records without ids, by what they say
            if isinstance(record.get(key), str):
                return f"'{record[key]}'"
    return f"#{index + 1} (no id)"


def field_name(path: Path_) -> str:
    """('pros', 2) -> 'pros[2]'; ('patterns', 0, 'choices') -> 'patterns[0].choices'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# libyaml's loader where PyYAML has it: it parses several times faster. The pure-Python loader
# words syntax errors more clearly, so a file that does not parse is read again with it.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str, loader_class) -> tuple[yaml.Node | None, Any]:
    # One parse: the node tree gives the lines, the same loader builds the data from it.
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def read_yaml(path: Path, display_path: str) -> YamlDoc:
    text = path.read_text(encoding="utf-8")
    try:
        try:
            node, data = _parse(text, FAST_LOADER)
        except yaml.YAMLError:
            node, data = _parse(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f" (column {mark.column + 1})" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(line, f"YAML syntax error: {problem}{column}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(None, f"YAML syntax error: {exc}") from None
    doc = YamlDoc(name=path.stem, display_path=display_path, data=data, source_path=path)
    if node is not None:
        _index_lines(node, (), doc.lines)
    return doc


def _index_lines(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _index_lines(value_node, (*path, key_node.value), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, (*path, index), lines)
