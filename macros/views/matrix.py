"""The 5 x 4 framework matrix as a table."""

from __future__ import annotations

from markupsafe import Markup

from ..model import routes
from ..model.catalog import Catalog
from ..model.core import Cell
from ..model.routes import Linker
from .blocks import join, language_name, options_html
from .text import inline, plain


def cell_html(catalog: Catalog, link: Linker, cell: Cell) -> Markup:
    # The use case, shown only on a phone (site.css), where each language is a card of its cells.
    where = Markup('<span class="matrix-where">{}</span>').format(inline(catalog.use_case(cell.use_case).short_name))
    if cell.none_by_design:
        href = link.href(routes.language(cell.language), f"none-{cell.use_case}")
        return Markup('<td class="matrix-none">{}<a href="{}"><strong>None, by design</strong></a><br>{}</td>').format(
            where, href, inline(cell.none_by_design.summary))
    # data-frameworks and data-cell let the matrix picker (docs/assets/js/compare.mjs) compare picked cells.
    return Markup('<td data-frameworks="{}" data-cell="{}">{}{}</td>').format(
        " ".join(cell.framework_ids), f"{plain(catalog.language(cell.language).name)} × {plain(catalog.use_case(cell.use_case).name)}",
        where, options_html(catalog, link, cell))


def matrix_table(catalog: Catalog, link: Linker, table_id: str = "matrix") -> Markup:
    head = join(
        Markup('<th scope="col"><a href="{}">{}</a></th>').format(link.href(routes.use_case(u.id)), inline(u.name))
        for u in catalog.use_cases
    )
    rows = []
    for language in catalog.languages:
        cells = join(cell_html(catalog, link, catalog.cell(language.id, u.id)) for u in catalog.use_cases)
        rows.append(Markup('<tr><th scope="row"><a href="{}">{}</a></th>{}</tr>').format(
            link.href(routes.language(language.id)), language_name(language), cells))
    return Markup(
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table matrix">'
        '<table id="{}"><thead><tr><th scope="col">Language</th>{}</tr></thead>'
        "<tbody>{}</tbody></table></div></div>"
    ).format(table_id, head, join(rows))
