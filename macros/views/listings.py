"""Listings for the section index pages and the home page."""

from __future__ import annotations

from markupsafe import Markup

from ..model import routes
from ..model.catalog import Catalog
from ..model.routes import Linker
from .blocks import (
    block,
    framework_groups,
    framework_link,
    heading,
    join,
    language_name,
)
from .text import inline


def _card(href: str, title: Markup, text: Markup) -> Markup:
    return Markup('<li><p><a href="{}"><strong>{}</strong></a></p><p>{}</p></li>').format(href, title, text)


def _cards(items: list[Markup]) -> Markup:
    return Markup('<div class="grid cards"><ul>{}</ul></div>').format(join(items))


def use_case_cards(catalog: Catalog, link: Linker) -> Markup:
    return _cards([_card(link.href(routes.use_case(u.id)), inline(u.name), inline(u.when_you_need)) for u in catalog.use_cases])


def language_cards(catalog: Catalog, link: Linker) -> Markup:
    return _cards([
        _card(link.href(routes.language(x.id)), language_name(x), Markup("{}. {}").format(inline(x.tagline), inline(x.for_django_rails)))
        for x in catalog.languages
    ])


def _links(label: str, items: list[Markup]) -> str:
    """A labelled line of links as a block of its own: raw HTML that Markdown leaves as it is
    (inside a paragraph, Markdown would read syntax in the data's names)."""
    return block(Markup("<p><strong>{}:</strong> {}</p>").format(label, join(items, Markup(" · "))))


def use_case_links(catalog: Catalog, link: Linker) -> str:
    """Every use case as one line of links (the home page)."""
    return _links("Use cases", [Markup('<a href="{}">{}</a>').format(link.href(routes.use_case(u.id)), inline(u.short_name))
                                for u in catalog.use_cases])


def language_links(catalog: Catalog, link: Linker) -> str:
    """Every language as one line of links (the home page)."""
    return _links("Languages", [Markup('<a href="{}">{}</a>').format(link.href(routes.language(x.id)), language_name(x))
                                for x in catalog.languages])


def framework_index(catalog: Catalog, link: Linker) -> str:
    """Every framework, grouped by language (language-agnostic last), with kind and summary:
    Markdown headings (for the table of contents) over HTML tables."""
    sections = []
    for title, frameworks in framework_groups(catalog):
        rows = join(
            Markup("<tr><td>{}</td><td>{}</td><td>{}</td></tr>").format(
                framework_link(catalog, link, f.id), inline(catalog.kind(f.kind).name), inline(f.summary))
            for f in frameworks
        )
        anchor = frameworks[0].language or ("other-languages" if frameworks[0].other_language else "any")
        sections.append(heading(2, title, f"{anchor}-frameworks"))
        sections.append(block(Markup(
            '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
            '<thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">What it is</th></tr></thead>'
            "<tbody>{}</tbody></table></div></div>"
        ).format(rows)))
    return "".join(sections)
