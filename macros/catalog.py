"""The validated data as small immutable records, with the lookups the views need."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

Texts = tuple[str, ...]


@dataclass(frozen=True)
class Kind:
    id: str
    name: str
    plural: str


@dataclass(frozen=True)
class Language:
    id: str
    name: str
    tagline: str
    for_django_rails: str
    notes: Texts = ()


@dataclass(frozen=True)
class ChoiceItem:
    frameworks: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Choices:
    title: str
    items: tuple[ChoiceItem, ...]
    note: str | None = None


@dataclass(frozen=True)
class Pattern:
    id: str
    name: str
    description: str
    scenarios: Texts
    use_when: str | None = None
    choices: Choices | None = None


@dataclass(frozen=True)
class UseCase:
    id: str
    name: str
    short_name: str
    when_you_need: str
    scenarios: Texts = ()
    patterns: tuple[Pattern, ...] = ()
    choices: Choices | None = None


@dataclass(frozen=True)
class Rationale:
    """What the guide says about a framework or a matrix cell; every field optional."""

    use_when: str | None = None
    pros: Texts = ()
    cons: Texts = ()
    best_for: str | None = None
    choose_when: Texts = ()
    choose_if: Texts = ()
    reality_check: str | None = None

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    kind: str
    summary: str
    language: str | None = None  # None: language-agnostic infrastructure
    part_of: str | None = None
    rationale: Rationale = field(default_factory=Rationale)
    use_cases: tuple[str, ...] = ()  # matrix cells first, then those declared in the data


@dataclass(frozen=True)
class InsteadItem:
    text: str
    frameworks: tuple[str, ...] = ()


@dataclass(frozen=True)
class CodeExample:
    """A code file under examples/, shown whole or by a named section, with a caption."""

    file: str
    caption: str
    language: str  # the code block's language, from the file's extension
    section: str | None = None


@dataclass(frozen=True)
class NoneByDesign:
    summary: str
    why: Texts
    instead: tuple[InsteadItem, ...]
    philosophy: str | None = None
    pros: Texts = ()
    cons: Texts = ()
    reality_check: str | None = None
    example: CodeExample | None = None


@dataclass(frozen=True)
class Cell:
    language: str
    use_case: str
    options: tuple[tuple[str, ...], ...] = ()  # each option: framework ids used together
    rationale: Rationale = field(default_factory=Rationale)
    none_by_design: NoneByDesign | None = None

    @property
    def framework_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(fid for option in self.options for fid in option))


@dataclass(frozen=True)
class Catalog:
    kinds: tuple[Kind, ...]
    languages: tuple[Language, ...]
    use_cases: tuple[UseCase, ...]
    frameworks: tuple[Framework, ...]
    cells: tuple[Cell, ...]
    # Parts contributed by later loaders (architecture, claims, decision tree, comparisons...),
    # keyed by the data file stem they come from.
    parts: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # The validated content of every data file, by stem, for publishing it as it is.
    sources: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

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

    def part(self, name: str) -> Any:
        return self.parts[name]
