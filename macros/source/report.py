"""Data errors: collected while loading, reported together, each naming file, record and field."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from .yaml_reader import Path_, YamlDoc, YamlSyntaxError, field_name


@dataclass(frozen=True)
class DataError:
    file: str  # path as the reader knows it, e.g. "data/frameworks.yaml"
    line: int | None
    record: str | None  # e.g. "framework 'gin'"
    message: str  # starts with the field, e.g. "language 'golang' is not a known language"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.record}: {self.message}" if self.record else f"{where}: {self.message}"


class DataValidationError(Exception):
    """Raised once, after every data file has been checked, with every error found."""

    def __init__(self, errors: list[DataError]):
        self.errors = list(errors)
        super().__init__(self.summary())

    def summary(self) -> str:
        count = len(self.errors)
        head = f"{count} data error{'s' if count != 1 else ''}; nothing was built:"
        return "\n".join([head, *(f"  {error}" for error in self.errors)])


class Report:
    def __init__(self) -> None:
        self.errors: list[DataError] = []

    def add(self, doc: YamlDoc, path: Path_, message: str, line: int | None = None) -> None:
        """Record an error; `message` may use {field} for the field's name inside its record.
        The line is the value's at `path` unless given."""
        record, inner = doc.record_of(path)
        text = message.replace("{field}", field_name(inner) or "record", 1)
        self.errors.append(DataError(doc.display_path, line or doc.line_of(path), record, text))

    def add_yaml_problems(self, display_path: str, error: YamlSyntaxError) -> None:
        """The problems of a file that could not be read as data, each in its record if known."""
        for problem in error.problems:
            if problem.path is not None and error.doc is not None:
                self.add(error.doc, problem.path, problem.message, line=problem.line)
            else:
                self.add_file(display_path, problem.line, problem.message)

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
            raise DataValidationError(list(dict.fromkeys(ordered)))
