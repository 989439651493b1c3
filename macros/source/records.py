"""Lenient readers for the loaders: records, texts and references at any path of a document.

The schema has already reported wrong types; these helpers skip such values quietly and report
only what the schema cannot see: duplicate ids and references to ids that do not exist. With
nothing known (the file that defines the ids is missing or broken, and reported once as such),
references are not checked, so one mistake gives one message.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .report import Report
from .yaml_reader import Path_, YamlDoc


def at(data: Any, path: Path_) -> Any:
    """The value at `path` inside `data`, or None when any step is missing."""
    for step in path:
        if isinstance(step, int) and isinstance(data, list) and step < len(data):
            data = data[step]
        elif isinstance(step, str) and isinstance(data, dict):
            data = data.get(step)
        else:
            return None
    return data


def records(doc: YamlDoc, path: Path_) -> list[tuple[int, dict]]:
    value = at(doc.data, path)
    return [(i, r) for i, r in enumerate(value) if isinstance(r, dict)] if isinstance(value, list) else []


def items_of(value: Any) -> list:
    """The items of a list; none for a value of another type (the schema has reported it)."""
    return value if isinstance(value, list) else []


def text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def opt_text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def texts(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def unique_records(doc: YamlDoc, path: Path_, report: Report, what: str) -> dict[str, tuple[int, dict]]:
    """Records of the list at `path` by id; a repeated id is reported against the later record."""
    seen: dict[str, tuple[int, dict]] = {}
    for index, record in records(doc, path):
        rid = record.get("id")
        if not isinstance(rid, str):
            continue
        if rid in seen:
            first = doc.line_of((*path, seen[rid][0]))
            report.add(doc, (*path, index, "id"), f"{{field}}: duplicate {what} id '{rid}' (first defined at line {first})")
            continue
        seen[rid] = (index, record)
    return seen


def ref(doc: YamlDoc, path: Path_, known: Iterable[str], what: str, report: Report) -> str | None:
    """The id at `path`, reported when it is not one of `known`."""
    value = at(doc.data, path)
    if not isinstance(value, str):
        return None
    known = set(known)
    if known and value not in known:  # nothing known: its file is missing, reported once already
        report.unknown(doc, path, value, what, known)
    return value


def refs(doc: YamlDoc, path: Path_, known: Iterable[str], what: str, report: Report) -> tuple[str, ...]:
    """The list of ids at `path`, each unknown one reported."""
    value = at(doc.data, path)
    if not isinstance(value, list):
        return ()
    known = set(known)
    for i, item in enumerate(value):
        if known and isinstance(item, str) and item not in known:
            report.unknown(doc, (*path, i), item, what, known)
    return tuple(item for item in value if isinstance(item, str))
