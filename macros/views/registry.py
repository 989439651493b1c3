"""What each data section shows, one typed record each.

Each module of macros/views/sections/ defines `VIEW = SectionView(...)`: the model it shows, the
macros it gives the hand-written pages, the sections it adds to framework, language and use-case
pages, and the pages and files it generates. The registry finds the modules by looking, so adding
a section's view adds a module and edits no list.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, TypeVar

from ..model.catalog import Catalog
from ..model.core import Framework, Language, UseCase
from ..model.routes import Linker
from . import sections as sections_package

T = TypeVar("T")

Markdown = str
NavEntries = list  # MkDocs-style nav entries: {"Title": "path.md"} or {"Section": [...]}


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. "frameworks/gin.md"
    content: Markdown


@dataclass(frozen=True)
class SectionView(Generic[T]):
    model: type[T]  # the section it shows: each function below gets catalog.section(model)
    order: int  # the order of the sections it adds to framework, language and use-case pages
    # Macros for the hand-written pages in docs/: name -> render(catalog, model, link, *arguments),
    # the arguments being the macro call's: {{ wizard_count("outcomes") }}.
    macros: Mapping[str, Callable[..., Markdown]] = field(default_factory=dict)
    framework_sections: Callable[[Catalog, T, Framework, Linker], list[Markdown]] | None = None
    language_sections: Callable[[Catalog, T, Language, Linker], list[Markdown]] | None = None
    use_case_sections: Callable[[Catalog, T, UseCase, Linker], list[Markdown]] | None = None
    # Sections after a comparison's table: (catalog, model, framework ids compared, link).
    comparison_sections: Callable[[Catalog, T, tuple[str, ...], Linker], list[Markdown]] | None = None
    pages: Callable[[Catalog, T], list[GeneratedPage]] | None = None
    # Nav entries under a section whose first entry is the given index page.
    nav: Callable[[Catalog, T], dict[str, NavEntries]] | None = None
    # Files under the site root, e.g. api/decision-tree.json: (path, text).
    published: Callable[[Catalog, T], list[tuple[str, str]]] | None = None


class ViewRegistryError(Exception):
    pass


@cache
def views() -> tuple[SectionView[Any], ...]:
    """Every section's view, in `order`."""
    found = []
    for info in pkgutil.iter_modules(sections_package.__path__):
        module = importlib.import_module(f"{sections_package.__name__}.{info.name}")
        view = getattr(module, "VIEW", None)
        if not isinstance(view, SectionView):
            raise ViewRegistryError(f"{module.__name__} defines no VIEW = SectionView(...)")
        found.append(view)
    return tuple(sorted(found, key=lambda v: (v.order, v.model.__name__)))


def page_sections(catalog: Catalog, kind: str, subject: Any, link: Linker) -> list[Markdown]:
    """The sections every view adds to one framework, language, use-case or comparison page, in
    order; `kind` is "framework", "language", "use_case" or "comparison" (whose subject is the
    ids of the frameworks compared)."""
    out: list[Markdown] = []
    for view in views():
        add = getattr(view, f"{kind}_sections")
        model = catalog.find(view.model)
        if add is not None and model is not None:
            out += add(catalog, model, subject, link)
    return out
