"""The site's data sections beyond the matrix, one typed record each.

Each module of macros/model/sections/ defines `SECTION = DataSection(...)`: the data file it
reads, the model its loader returns and the sections it reads. The registry finds the modules
by looking, so adding a section adds a module and edits no list.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, TypeVar

from . import sections as sections_package

T = TypeVar("T")


@dataclass(frozen=True)
class DataSection(Generic[T]):
    file: str  # data/<file>.yaml, checked against data/schema/<file>.schema.json
    model: type[T]  # what `load` returns; `catalog.section(model)` gives it back
    # load(doc, catalog, report) -> T; the catalog holds the matrix and the sections loaded before.
    load: Callable[..., T]
    labels: Mapping[str, str] = field(default_factory=dict)  # list key -> singular for messages
    after: tuple[type, ...] = ()  # models its load reads: those sections load first


class RegistryError(Exception):
    pass


@cache
def sections() -> tuple[DataSection[Any], ...]:
    """Every section, each after the sections it reads (otherwise in module-name order)."""
    found: list[DataSection[Any]] = []
    for info in sorted(pkgutil.iter_modules(sections_package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{sections_package.__name__}.{info.name}")
        section = getattr(module, "SECTION", None)
        if not isinstance(section, DataSection):
            raise RegistryError(f"{module.__name__} defines no SECTION = DataSection(...)")
        found.append(section)
    return tuple(_ordered(found))


def _ordered(found: list[DataSection[Any]]) -> list[DataSection[Any]]:
    by_model = {s.model: s for s in found}
    order: list[DataSection[Any]] = []

    def visit(section: DataSection[Any], trail: tuple[str, ...]) -> None:
        if section in order:
            return
        if section.file in trail:
            raise RegistryError(f"sections read each other in a cycle: {' → '.join((*trail, section.file))}")
        for model in section.after:
            if model not in by_model:
                raise RegistryError(f"section '{section.file}' reads {model.__name__}, which no section loads")
            visit(by_model[model], (*trail, section.file))
        order.append(section)

    for section in found:
        visit(section, ())
    return order
