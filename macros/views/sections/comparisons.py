"""Comparison pages: one per curated comparison, the compare-any page's pieces, the matrix
picker's toolbar, and the "Comparisons" section of framework pages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup

from ...model import routes
from ...model.catalog import Catalog
from ...model.core import Choices, Framework, Pattern
from ...model.routes import Linker
from ...model.sections.claims import Ledger
from ...model.sections.comparisons import (
    Comparison,
    Comparisons,
    PatternRef,
    pattern_of,
)
from ..blocks import block, callout, choices_html, heading, join, page, para, ul
from ..compare_table import compare_any_href, figures_note, table_html
from ..registry import GeneratedPage, SectionView, page_sections
from ..text import html_text, inline, plain
from .code_examples import compare_mount as code_compare_mount
from .code_examples import page_styles as code_styles

COMPARE_CSS = "assets/css/compare.css"  # inlined into the pages that use it (its front matter's `styles`)
# Compare-any shows 2 to 4 frameworks: a readable table, on screen and on one printed page.
COMPARE_ANY_MIN, COMPARE_ANY_MAX = 2, 4


# ── A curated comparison ─────────────────────────────────────────────────────────────────

def comparison_page(catalog: Catalog, comparison: Comparison) -> str:
    link = Linker(routes.comparison(comparison.id))
    verdict = callout("abstract compare-verdict", "The guide's verdict", para(comparison.verdict))
    body = [block(verdict)]
    if comparison.notes:
        body.append(block(Markup('<div class="compare-notes"><p><strong>The guide also says:</strong></p>{}</div>').format(ul(comparison.notes))))
    if comparison.patterns:
        body += [heading(2, "The approaches side by side", "approaches"), block(patterns_table(catalog, link, comparison.patterns))]
    if comparison.frameworks:
        body += [heading(2, "Side by side", "side-by-side"),
                 block(table_html(catalog, link, comparison.frameworks, "side-by-side-table"))]
        body += page_sections(catalog, "comparison", comparison.frameworks, link)
    shown = [pattern_of(catalog, ref).choices for ref in comparison.patterns]  # already in the approaches' table
    together = [c for c in choices_naming(catalog, comparison.members) if c not in shown]
    if together:
        body.append(heading(2, "In the decision framework", "decision-framework"))
        body += [block(choices_html(catalog, link, c, "h3")) for c in together]
    body.append(block(_further(catalog, link, comparison)))
    return page(comparison.title, comparison.verdict, body,
                extra_meta={"styles": [COMPARE_CSS, *code_styles(catalog, comparison.frameworks, together=True)]})


def choices_naming(catalog: Catalog, members: Sequence[str]) -> list[Choices]:
    """The guide's choice lists that name at least two of the compared frameworks."""
    wanted = set(members)
    lists = [c for u in catalog.use_cases for c in (u.choices, *(p.choices for p in u.patterns)) if c]
    return [c for c in lists if len(wanted & {fid for item in c.items for fid in item.frameworks}) >= 2]


def patterns_table(catalog: Catalog, link: Linker, refs: Sequence[PatternRef]) -> Markup:
    patterns = [(ref, pattern_of(catalog, ref)) for ref in refs]
    head = join(Markup('<th scope="col"><a href="{}">{}</a></th>').format(
        link.href(routes.use_case(ref.use_case), p.id), inline(p.name)) for ref, p in patterns)

    def row(label: str, cells: Iterable[Markup]) -> Markup:
        return Markup('<tr><th scope="row">{}</th>{}</tr>').format(label, join(Markup("<td>{}</td>").format(c) for c in cells))

    def tools(p: Pattern) -> Markup:
        if not p.choices:
            return Markup("")
        return ul(Markup("{}: {}").format(
            join((Markup('<a href="{}">{}</a>').format(link.href(routes.framework(fid)), inline(catalog.framework(fid).name))
                  for fid in item.frameworks), " / "), inline(item.text)) for item in p.choices.items)

    rows = [
        row("What it is", (para(p.description) for _, p in patterns)),
        row("Use when", (para(p.use_when) if p.use_when else Markup("") for _, p in patterns)),
        row("Example scenarios", (ul(p.scenarios) for _, p in patterns)),
        row("Tools", (tools(p) for _, p in patterns)),
    ]
    return Markup(
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table compare-table">'
        '<table id="approaches-table"><thead><tr><th scope="col"><span class="visually-hidden">Field</span></th>{}</tr></thead>'
        "<tbody>{}</tbody></table></div></div>"
    ).format(head, join(rows))


def _further(catalog: Catalog, link: Linker, comparison: Comparison) -> Markup:
    items = [Markup('<a href="{}">All comparisons</a>').format(link.href(routes.COMPARE))]
    if COMPARE_ANY_MIN <= len(comparison.frameworks) <= COMPARE_ANY_MAX:
        items.insert(0, Markup('<a href="{}">Open in the interactive comparison</a> to add or remove frameworks').format(
            compare_any_href(catalog, link, comparison.frameworks)))
    return Markup('<nav class="compare-further" aria-label="More comparisons">{}</nav>').format(ul(items))


# ── The compare page (docs/compare/index.md) ────────────────────────────────────────────

def curated_list(catalog: Catalog, comparisons: Sequence[Comparison], link: Linker) -> Markup:
    items = [
        Markup('<li><p><a href="{}"><strong>{}</strong></a></p><p>{}</p></li>').format(
            link.href(routes.comparison(c.id)), inline(c.title), inline(c.verdict))
        for c in comparisons
    ]
    return Markup('<ul class="compare-curated">{}</ul>').format(join(items))


# Run as the page is parsed, before it is first drawn: a shared link (?frameworks=...) will
# bring a table, so its room is kept (CSS: [data-pending]) and nothing below moves when it comes.
_PENDING_SCRIPT = Markup(
    '<script>document.getElementById("compare-any").toggleAttribute("data-pending", '
    'new URLSearchParams(location.search).has("frameworks"))</script>')


def compare_any(catalog: Catalog, link: Linker) -> Markup:
    """The compare-any form; docs/assets/js/compare.mjs (loaded for data-module) fills it from
    api/frameworks.json. It is drawn as the script leaves it when nothing is chosen yet, so the
    page does not move when the script takes over; without JavaScript it is hidden
    (overrides/main.html) and the page lists the curated comparisons."""
    return Markup(
        '<div id="compare-any" class="compare-any" data-module="compare" data-src="{src}" data-min="{min}" data-max="{max}">'
        '<form class="compare-picker">'
        '<label for="compare-add">Add a framework ({min} to {max})</label>'
        '<span class="compare-picker__row">'
        '<input id="compare-add" name="framework" list="compare-options" autocomplete="off" '
        'placeholder="Type a name, e.g. FastAPI" aria-describedby="compare-limit">'
        '<datalist id="compare-options"></datalist>'
        '<button type="submit" class="md-button">Add</button>'
        "</span>"
        '<span id="compare-limit" class="compare-hint"></span>'
        "</form>"
        '<div class="compare-state">'
        '<ul class="compare-chosen" aria-label="Frameworks being compared"></ul>'
        '<p class="compare-notice" role="status"></p>'
        '<div class="compare-actions">'
        '<label class="compare-diff"><input type="checkbox" id="compare-diff" disabled> Show only differences</label>'
        '<button type="button" class="md-button" id="compare-copy">Copy link</button>'
        '<span class="compare-copied" role="status"></span>'
        "</div>"
        '<p class="compare-fallback" hidden><label for="compare-link">Link to this comparison</label> '
        '<input id="compare-link" readonly></p>'
        '<div class="compare-result"><p class="compare-empty">Add {min} more frameworks to compare.</p></div>'
        "{note}"
        "</div>"
        "</div>"
        "{pending}"
        "{code}"
    ).format(src=link.asset(routes.API_FRAMEWORKS), min=COMPARE_ANY_MIN, max=COMPARE_ANY_MAX, pending=_PENDING_SCRIPT,
             code=code_compare_mount(catalog, link),
             note=figures_note(link, hidden=True) if catalog.find(Ledger) else "")


def matrix_picker(catalog: Catalog, link: Linker) -> Markup:
    """The toolbar under the matrix: pick cells, then open their frameworks in compare-any.
    docs/assets/js/compare.mjs adds a checkbox to each matrix cell and runs this; it is drawn as
    the script starts it (nothing picked), so nothing moves then. Without JavaScript it is hidden
    (overrides/main.html)."""
    order = " ".join(f.id for f in catalog.frameworks)
    return Markup(
        '<div id="matrix-compare" class="matrix-compare" data-module="compare" data-href="{0}" data-order="{1}" '
        'data-min="{2}" data-max="{3}">'
        '<p class="matrix-compare__status" role="status">'
        "Tick “Compare” in matrix cells to put their frameworks side by side ({2} to {3}).</p>"
        '<p><a class="md-button" href="{0}" hidden>Compare the selected cells</a></p>'
        "</div>"
    ).format(link.href(routes.COMPARE), order, COMPARE_ANY_MIN, COMPARE_ANY_MAX)


# ── The section on each framework page ──────────────────────────────────────────────────

def framework_section(catalog: Catalog, fw: Framework, comparisons: Sequence[Comparison], link: Linker) -> list[str]:
    items = [Markup('<a href="{}">{}</a>').format(link.href(routes.comparison(c.id)), inline(c.title)) for c in comparisons]
    siblings = [s.id for s in catalog.siblings(fw.id)][: COMPARE_ANY_MAX - 1]
    if siblings:
        names = ", ".join(plain(catalog.framework(s).name) for s in siblings)
        text = Markup("Compare {} side by side with {}").format(inline(fw.name), names)
    else:
        text = Markup("Compare {} with any other framework").format(inline(fw.name))
    items.append(Markup('<a href="{}">{}</a>').format(compare_any_href(catalog, link, [fw.id, *siblings]), text))
    intro = para("The guide compares it in:") if comparisons else Markup("")
    return [heading(2, "Comparisons", "comparisons"), block(intro + ul(items, cls="compare-links"))]


VIEW = SectionView(
    model=Comparisons, order=20,
    pages=lambda catalog, comparisons: [GeneratedPage(routes.comparison(c.id), comparison_page(catalog, c))
                                        for c in comparisons.items],
    nav=lambda catalog, comparisons: {routes.COMPARE: [{html_text(c.title): routes.comparison(c.id)} for c in comparisons.items]},
    framework_sections=lambda catalog, comparisons, fw, link: framework_section(catalog, fw, comparisons.of_framework(fw.id), link),
    macros={
        "compare_any": lambda catalog, comparisons, link: compare_any(catalog, link),
        "curated_comparisons": lambda catalog, comparisons, link: curated_list(catalog, comparisons.items, link),
        "matrix_compare_picker": lambda catalog, comparisons, link: matrix_picker(catalog, link),
    },
)
