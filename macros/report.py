"""Collects data errors against the file, record and field they belong to."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .errors import DataError, DataValidationError
from .yaml_source import Path_, YamlDoc, field_name


class Report:
    def __init__(self) -> None:
        self.errors: list[DataError] = []

    def add(self, doc: YamlDoc, path: Path_, message: str) -> None:
        """Record an error; `message` may use {field} for the field's name inside its record."""
        record, inner = doc.record_of(path)
        text = message.replace("{field}", field_name(inner) or "record", 1)
        self.errors.append(DataError(doc.display_path, doc.line_of(path), record, text))

    def add_file(self, display_path: str, line: int | None, message: str) -> None:
        self.errors.append(DataError(display_path, line, None, message))

    def unknown(self, doc: YamlDoc, path: Path_, value: str, what: str, known: Iterable[str]) -> None:
        """"language 'golang' is not a known language (known: go, node, ...)", with a suggestion."""
        known = sorted(known)
        close = difflib.get_close_matches(value, known, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        listing = ", ".join(known) if len(known) <= 12 else f"{len(known)} ids, see the data file"
        self.add(doc, path, f"{{field}} '{value}' is not a known {what} ({hint}known: {listing})")

    def raise_if_any(self) -> None:
        if self.errors:
            ordered = sorted(self.errors, key=lambda e: (e.file, e.line or 0, e.message))
            raise DataValidationError(_unique(ordered))


def _unique(errors: list[DataError]) -> list[DataError]:
    seen: set[DataError] = set()
    return [e for e in errors if not (e in seen or seen.add(e))]
