"""One page per language: the guide's rationale for it, column by column."""

from __future__ import annotations

from markupsafe import Markup

from ..model import routes
from ..model.catalog import Catalog
from ..model.core import Cell, Language, NoneByDesign
from ..model.routes import Linker
from .blocks import (
    block,
    callout,
    framework_link,
    framework_links,
    heading,
    join,
    options_html,
    page,
    para,
    rationale_html,
    ul,
)
from .code_blocks import code_block
from .registry import page_sections
from .text import html_text, inline, plain


def none_by_design_html(catalog: Catalog, link: Linker, none: NoneByDesign) -> Markup:
    return none_by_design_head(catalog, link, none) + none_by_design_tail(none)


def none_by_design_head(catalog: Catalog, link: Linker, none: NoneByDesign) -> Markup:
    """Summary, philosophy, why, and what you do instead (the example follows these)."""
    parts = [para(none.summary, cls="lead")]
    if none.philosophy:
        parts.append(Markup("<p>Philosophy: {}</p>").format(inline(none.philosophy)))
    parts.append(Markup("<h4>Why there is no batteries-included framework</h4>") + ul(none.why))
    instead = []
    for item in none.instead:
        links = Markup(" ({})").format(framework_links(catalog, link, item.frameworks)) if item.frameworks else Markup("")
        instead.append(inline(item.text) + links)
    parts.append(Markup("<h4>What you do instead</h4>") + ul(instead))
    return join(parts)


def none_by_design_tail(none: NoneByDesign) -> Markup:
    parts = []
    if none.pros:
        parts.append(Markup("<h4>Pros of this approach</h4>") + ul(none.pros))
    if none.cons:
        parts.append(Markup("<h4>Cons for Django/Rails developers</h4>") + ul(none.cons))
    if none.reality_check:
        parts.append(callout("warning", "Reality check", para(none.reality_check)))
    return join(parts)


def cell_section(catalog: Catalog, link: Linker, cell: Cell) -> list[str]:
    use_case = catalog.use_case(cell.use_case)
    out = [heading(2, use_case.name, cell.use_case)]
    if cell.none_by_design:
        out.append(heading(3, "None, by design", f"none-{cell.use_case}"))
        none = cell.none_by_design
        out.append(block(none_by_design_head(catalog, link, none)))
        if none.example:
            out.append(code_block(none.example))
        out.append(block(none_by_design_tail(none)))
        return out
    intro = Markup('<p class="cell-choice">The guide\'s choice: {} · <a href="{}">all languages for this use case</a></p>').format(
        options_html(catalog, link, cell), link.href(routes.use_case(use_case.id)))
    out.append(block(intro + rationale_html(cell.rationale, "h3")))  # under the h2: headings in order
    for fid in cell.framework_ids:
        fw = catalog.framework(fid)
        out.append(heading(3, fw.name, f"{cell.use_case}-{fid}"))
        detail = para(fw.summary) + rationale_html(fw.rationale) + Markup(
            '<p class="more"><a href="{}">{} in detail</a></p>').format(link.href(routes.framework(fid)), inline(fw.name))
        out.append(block(detail))
    return out


def language_page(catalog: Catalog, language: Language) -> str:
    link = Linker(routes.language(language.id))
    title = f"{language.name}: {language.tagline}"
    body = [block(Markup('<p class="lead"><strong>For Django/Rails developers:</strong> {}</p>').format(
        inline(language.for_django_rails)))]
    if language.notes:
        body.append(block(ul(language.notes)))
    for use_case in catalog.use_cases:
        body += cell_section(catalog, link, catalog.cell(language.id, use_case.id))
    in_matrix = {fid for cell in catalog.cells for fid in cell.framework_ids}
    others = [f for f in catalog.frameworks_of(language.id) if f.id not in in_matrix]
    if others:
        body.append(heading(2, f"Other {language.name} tools the guide names", "other-tools"))
        items = [framework_link(catalog, link, f.id) + Markup(": ") + inline(f.summary) for f in others]
        body.append(block(ul(items)))
    body += page_sections(catalog, "language", language, link)
    description = f"{plain(language.tagline)}. {plain(language.for_django_rails)}"
    # The tagline under the name in the navigation (Material's `subtitle`; printed as it is).
    return page(title, description, body, extra_meta={"subtitle": html_text(language.tagline)})
