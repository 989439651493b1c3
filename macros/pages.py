"""The pages generated from data: their paths, their Markdown and their place in the nav."""

from __future__ import annotations

from dataclasses import dataclass

from . import routes
from .catalog import Catalog
from .escaping import html_text
from .features import with_attr
from .views.framework_page import framework_page
from .views.language_page import language_page
from .views.use_case_page import use_case_page


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    content: str


NavItems = list  # MkDocs nav entries: {"Title": "path.md"} or {"Section": [...]}


def generated_pages(catalog: Catalog) -> list[GeneratedPage]:
    pages = [GeneratedPage(routes.use_case(u.id), use_case_page(catalog, u)) for u in catalog.use_cases]
    pages += [GeneratedPage(routes.language(x.id), language_page(catalog, x)) for x in catalog.languages]
    pages += [GeneratedPage(routes.framework(f.id), framework_page(catalog, f)) for f in catalog.frameworks]
    for feature in with_attr("pages"):
        pages += feature.pages(catalog)
    return pages


def nav_children(catalog: Catalog) -> dict[str, NavItems]:
    """Nav entries to place under each generated section, keyed by the section's index page.
    Titles are HTML-escaped because the theme prints them as they are."""
    frameworks: NavItems = []
    groups = [(x.name, catalog.frameworks_of(x.id)) for x in catalog.languages]
    groups.append(("Language-agnostic", catalog.frameworks_of(None)))
    for title, members in groups:
        if members:
            frameworks.append({html_text(title): [{html_text(f.name): routes.framework(f.id)} for f in members]})
    children = {
        routes.USE_CASES: [{html_text(u.short_name): routes.use_case(u.id)} for u in catalog.use_cases],
        routes.LANGUAGES: [{html_text(x.name): routes.language(x.id)} for x in catalog.languages],
        routes.FRAMEWORKS: frameworks,
    }
    for feature in with_attr("nav"):
        children.update(feature.nav(catalog))
    return children
