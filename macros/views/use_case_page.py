"""One page per use case: the guide's description, scenarios, and the frameworks per language."""

from __future__ import annotations

from markupsafe import Markup

from ..model import routes
from ..model.catalog import Catalog
from ..model.core import UseCase
from ..model.routes import Linker
from .blocks import (
    block,
    choices_html,
    framework_links,
    heading,
    join,
    language_name,
    options_html,
    page,
    para,
    ul,
)
from .diagrams import diagram, use_case_flowchart
from .registry import page_sections
from .text import inline, plain


def by_language_table(catalog: Catalog, link: Linker, use_case: UseCase, table_id: str) -> Markup:
    rows = []
    for language in catalog.languages:
        cell = catalog.cell(language.id, use_case.id)
        if cell.none_by_design:
            choice = Markup('<a href="{}">None, by design</a>').format(
                link.href(routes.language(language.id), f"none-{use_case.id}"))
            note = inline(cell.none_by_design.summary)
        else:
            choice = options_html(catalog, link, cell)
            note = inline(cell.rationale.use_when) if cell.rationale.use_when else Markup("")
        rows.append(Markup('<tr><th scope="row"><a href="{}">{}</a></th><td>{}</td><td>{}</td></tr>').format(
            link.href(routes.language(language.id), use_case.id), language_name(language), choice, note))
    return Markup(
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table id="{}">'
        '<thead><tr><th scope="col">Language</th><th scope="col">The guide\'s choice</th>'
        '<th scope="col">Use when</th></tr></thead><tbody>{}</tbody></table></div></div>'
    ).format(table_id, join(rows))


def use_case_page(catalog: Catalog, use_case: UseCase) -> str:
    link = Linker(routes.use_case(use_case.id))
    body = [block(Markup('<p class="lead"><strong>When you need:</strong> {}</p>').format(inline(use_case.when_you_need)))]
    if use_case.names:
        body.append(block(Markup("<p>Named here: {}</p>").format(framework_links(catalog, link, use_case.names))))
    if use_case.scenarios:
        body += [heading(2, "Example scenarios", "scenarios"), block(ul(use_case.scenarios))]
    for pattern in use_case.patterns:
        body.append(heading(2, pattern.name, pattern.id))
        parts = [para(pattern.description), Markup("<p><strong>Example scenarios:</strong></p>"), ul(pattern.scenarios)]
        if pattern.use_when:
            parts.append(Markup("<p><strong>Use when:</strong> {}</p>").format(inline(pattern.use_when)))
        if pattern.choices:
            parts.append(choices_html(catalog, link, pattern.choices, "h3"))
        body.append(block(join(parts)))
    body += [heading(2, "Frameworks by language", "by-language"),
             block(by_language_table(catalog, link, use_case, "by-language-table"))]
    if use_case.choices:
        body += [heading(2, use_case.choices.title, "how-to-choose"),
                 block(choices_html(catalog, link, use_case.choices, None))]
    body += page_sections(catalog, "use_case", use_case, link)
    body += [heading(2, "Overview", "overview"),
             block(diagram(catalog, link, use_case_flowchart(catalog, use_case),
                           f"{use_case.short_name}: the guide's choice in each language.", "by-language-table"))]
    return page(use_case.name, f"{plain(use_case.when_you_need)}", body)
