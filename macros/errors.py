"""Data errors: collected during loading, reported together, each naming file, record and field."""

from __future__ import annotations

from dataclasses import dataclass


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
