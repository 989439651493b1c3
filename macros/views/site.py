"""Everything the views make of the catalog, gathered for publishing: the generated pages, their
place in the nav, and the macros of the hand-written pages."""

from __future__ import annotations

from collections.abc import Callable

from ..model import routes
from ..model.catalog import Catalog
from ..model.routes import Linker
from .blocks import framework_groups
from .framework_page import framework_page
from .language_page import language_page
from .listings import framework_index, language_cards, language_links, use_case_cards, use_case_links
from .matrix import matrix_table
from .registry import GeneratedPage, NavEntries, views
from .text import html_text
from .use_case_page import use_case_page


def generated_pages(catalog: Catalog) -> list[GeneratedPage]:
    pages = [GeneratedPage(routes.use_case(u.id), use_case_page(catalog, u)) for u in catalog.use_cases]
    pages += [GeneratedPage(routes.language(x.id), language_page(catalog, x)) for x in catalog.languages]
    pages += [GeneratedPage(routes.framework(f.id), framework_page(catalog, f)) for f in catalog.frameworks]
    for view in views():
        model = catalog.find(view.model)
        if view.pages is not None and model is not None:
            pages += view.pages(catalog, model)
    return pages


def nav_children(catalog: Catalog) -> dict[str, NavEntries]:
    """Nav entries to place under each generated section, keyed by the section's index page.
    Titles are HTML-escaped because themes print them as they are."""
    frameworks: NavEntries = [{html_text(title): [{html_text(f.name): routes.framework(f.id)} for f in members]}
                              for title, members in framework_groups(catalog)]
    children = {
        routes.USE_CASES: [{html_text(u.short_name): routes.use_case(u.id)} for u in catalog.use_cases],
        routes.LANGUAGES: [{html_text(x.name): routes.language(x.id)} for x in catalog.languages],
        routes.FRAMEWORKS: frameworks,
    }
    for view in views():
        model = catalog.find(view.model)
        if view.nav is not None and model is not None:
            children.update(view.nav(catalog, model))
    return children


Macro = Callable[..., str]


def page_macros(catalog: Catalog) -> dict[str, Callable[[Linker], Macro]]:
    """The macros of the hand-written pages: name -> (the page's Linker -> the macro's function,
    which takes the call's arguments)."""
    macros: dict[str, Callable[[Linker], Macro]] = {
        "framework_matrix": lambda link: lambda: matrix_table(catalog, link),
        "use_case_cards": lambda link: lambda: use_case_cards(catalog, link),
        "language_cards": lambda link: lambda: language_cards(catalog, link),
        "framework_index": lambda link: lambda: framework_index(catalog, link),
        "use_case_links": lambda link: lambda: use_case_links(catalog, link),
        "language_links": lambda link: lambda: language_links(catalog, link),
        "count": lambda link: lambda what: len(getattr(catalog, what)),
    }
    for view in views():
        model = catalog.find(view.model)
        if model is None:
            continue
        for name, render in view.macros.items():
            if name in macros:
                raise ValueError(f"two views define the macro '{name}'")
            macros[name] = lambda link, render=render, model=model: lambda *args: render(catalog, model, link, *args)
    return macros
