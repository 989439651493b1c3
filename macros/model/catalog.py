"""The catalog: every data file read, checked against its schema, cross-checked and built into
typed records, with the lookups the views need.

Every problem in every file is collected first; DataValidationError then lists them all.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from ..source.drawings import DrawingError, Drawings, read_drawings
from ..source.report import DataValidationError, Report
from ..source.schema_check import check, validators
from ..source.yaml_reader import YamlDoc, YamlSyntaxError, read_yaml
from . import core
from .core import Cell, Framework, Kind, Language, UseCase
from .registry import DataSection, sections

T = TypeVar("T")

__all__ = ["Catalog", "DataValidationError", "load_catalog"]


@dataclass(frozen=True)
class Catalog:
    kinds: tuple[Kind, ...]
    languages: tuple[Language, ...]
    use_cases: tuple[UseCase, ...]
    frameworks: tuple[Framework, ...]
    cells: tuple[Cell, ...]
    # Each data section's model, by its type (model/registry.py): catalog.section(Architecture).
    sections: Mapping[type, Any] = field(default_factory=lambda: MappingProxyType({}))
    # The validated content of every data file, by stem, for publishing it as it is.
    sources: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # The diagrams drawn ahead of time (diagrams/), for the views that show diagrams.
    drawings: Drawings | None = None

    def __post_init__(self) -> None:
        index = {
            "kind": {k.id: k for k in self.kinds},
            "language": {x.id: x for x in self.languages},
            "use_case": {u.id: u for u in self.use_cases},
            "framework": {f.id: f for f in self.frameworks},
            "cell": {(c.language, c.use_case): c for c in self.cells},
        }
        object.__setattr__(self, "_index", index)

    def kind(self, kind_id: str) -> Kind:
        return self._index["kind"][kind_id]

    def language(self, language_id: str) -> Language:
        return self._index["language"][language_id]

    def use_case(self, use_case_id: str) -> UseCase:
        return self._index["use_case"][use_case_id]

    def framework(self, framework_id: str) -> Framework:
        return self._index["framework"][framework_id]

    def has_framework(self, framework_id: str) -> bool:
        return framework_id in self._index["framework"]

    def cell(self, language_id: str, use_case_id: str) -> Cell:
        return self._index["cell"][(language_id, use_case_id)]

    def cells_of(self, framework_id: str) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if framework_id in c.framework_ids)

    def siblings(self, framework_id: str) -> tuple[Framework, ...]:
        """Frameworks sharing a matrix cell with this one, in matrix order."""
        ids = dict.fromkeys(
            fid for cell in self.cells_of(framework_id) for fid in cell.framework_ids if fid != framework_id
        )
        return tuple(self.framework(fid) for fid in ids)

    def frameworks_of(self, language_id: str | None) -> tuple[Framework, ...]:
        return tuple(f for f in self.frameworks if f.language == language_id)

    def framework_ids(self) -> set[str]:
        return set(self._index["framework"])

    def language_ids(self) -> set[str]:
        return set(self._index["language"])

    def section(self, model: type[T]) -> T:
        """The model of a data section, e.g. catalog.section(Ledger)."""
        return self.sections[model]

    def find(self, model: type[T]) -> T | None:
        """The model of a data section, or None where it was not loaded (a test's partial data)."""
        return self.sections.get(model)


def load_catalog(data_dir: Path, display_root: Path | None = None, only: Collection[str] | None = None,
                 drawings: Drawings | None = None) -> Catalog:
    """Load and validate everything under `data_dir`; raise DataValidationError on any problem.

    `only` names the section files to load (tests of part of the data); the site needs them all.
    """
    data_dir = Path(data_dir)
    display_root = display_root or data_dir.parent
    report = Report()
    wanted = [s for s in sections() if only is None or s.file in only]
    docs, unreadable = _read_all(data_dir, display_root, wanted, report)
    loaded: dict[type, Any] = {}
    matrix = core.load_core(docs, report)
    catalog = Catalog(**vars(matrix), sections=MappingProxyType(loaded))
    for section in wanted:
        if section.file in docs:
            loaded[section.model] = section.load(docs[section.file], catalog, report)
        elif section.file not in unreadable:
            report.add_file(_display(data_dir / f"{section.file}.yaml", display_root), None, "file is missing")
    if drawings is None:
        try:
            drawings = read_drawings()
        except DrawingError as exc:
            report.add_file("diagrams/", None, str(exc))
    report.raise_if_any()
    return Catalog(**vars(matrix), sections=MappingProxyType(dict(loaded)),
                   sources=MappingProxyType({stem: doc.data for stem, doc in docs.items()}), drawings=drawings)


def _read_all(data_dir: Path, display_root: Path, wanted: list[DataSection], report: Report
              ) -> tuple[dict[str, YamlDoc], set[str]]:
    """The readable files by stem, and the stems of files that exist but could not be read (their
    problems are reported; the loaders that need them do not report them again)."""
    schema_dir = data_dir / "schema"
    checkers = validators(schema_dir)
    labels = {stem: core.LABELS for stem in core.FILES} | {s.file: s.labels for s in sections()}
    docs: dict[str, YamlDoc] = {}
    unreadable: set[str] = set()
    for path in sorted(data_dir.glob("*.yaml")):
        shown = _display(path, display_root)
        if path.stem not in labels:
            report.add_file(shown, None, "no loader uses this file (a misspelt name?)")
            continue
        if path.stem not in core.FILES and path.stem not in {s.file for s in wanted}:
            continue  # a section this load leaves out
        if path.stem not in checkers:
            report.add_file(shown, None, f"has no schema ({_display(schema_dir, display_root)}/{path.stem}.schema.json)")
            unreadable.add(path.stem)
            continue
        try:
            doc = read_yaml(path, shown, labels[path.stem])
        except YamlSyntaxError as exc:
            report.add_yaml_problems(shown, exc)
            unreadable.add(path.stem)
            continue
        check(doc, checkers[path.stem], report)
        docs[path.stem] = doc
    for stem in core.FILES:
        if stem not in docs and stem not in unreadable:
            report.add_file(_display(data_dir / f"{stem}.yaml", display_root), None, "file is missing")
    return docs, unreadable


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
