"""One page per framework: what it is, the guide's rationale, its place in the matrix."""

from __future__ import annotations

from markupsafe import Markup

from ..model import routes
from ..model.catalog import Catalog
from ..model.core import Framework
from ..model.routes import Linker
from ..model.sections.facts import Facts
from .blocks import (
    block,
    callout,
    choices_html,
    framework_links,
    heading,
    join,
    language_name,
    options_html,
    page,
    para,
    rationale_html,
    rationale_markdown,
)
from .registry import page_sections
from .sections.code_examples import page_styles as code_styles
from .sections.facts import facts_box
from .text import inline, plain

SEARCH_BOOST = 4
# A page whose name extends another framework's ("FastAPI WebSockets" after "FastAPI") is boosted
# less, so that the shorter name's own page comes first for it; the longer name still finds its page.
EXTENDED_NAME_BOOST = 2


def search_boost(catalog: Catalog, fw: Framework) -> int:
    words = plain(fw.name).lower().split()
    extends = any(other.id != fw.id and plain(other.name).lower().split() == words[:len(plain(other.name).split())]
                  for other in catalog.frameworks if len(plain(other.name).split()) < len(words))
    return EXTENDED_NAME_BOOST if extends else SEARCH_BOOST


def facts(catalog: Catalog, link: Linker, fw: Framework) -> Markup:
    rows = []
    if fw.language:
        language = catalog.language(fw.language)
        rows.append(("Language", Markup('<a href="{}">{}</a>').format(link.href(routes.language(language.id)), language_name(language))))
    elif fw.other_language:
        rows.append(("Language", Markup("{} (outside the guide's five languages)").format(inline(fw.other_language))))
    else:
        rows.append(("Language", Markup("Any (language-agnostic)")))
    rows.append(("Kind", inline(catalog.kind(fw.kind).name)))
    if fw.use_cases:
        rows.append(("Use cases", join(
            (Markup('<a href="{}">{}</a>').format(link.href(routes.use_case(u)), inline(catalog.use_case(u).short_name))
             for u in fw.use_cases), ", ")))
    if fw.part_of:
        rows.append(("Part of", framework_links(catalog, link, [fw.part_of])))
    parts_of = [f.id for f in catalog.frameworks if f.part_of == fw.id]
    if parts_of:
        rows.append(("Includes", framework_links(catalog, link, parts_of)))
    if fw.names:
        rows.append(("Tools its text names", framework_links(catalog, link, fw.names)))
    named_by = [Markup('<a href="{}">{}</a>').format(link.href(routes.framework(f.id)), inline(f.name))
                for f in catalog.frameworks if fw.id in f.names]
    named_by += [Markup('<a href="{}">{}</a>').format(link.href(routes.use_case(u.id)), inline(u.name))
                 for u in catalog.use_cases if fw.id in u.names]
    if named_by:
        rows.append(("Named by the guide in", join(named_by, ", ")))
    items = join(Markup("<dt>{}</dt><dd>{}</dd>").format(k, v) for k, v in rows)
    return Markup('<dl class="facts">{}</dl>').format(items)


def describe(catalog: Catalog, fw: Framework) -> str:
    """The meta description: the summary plus where the framework sits."""
    where = catalog.language(fw.language).name if fw.language else fw.other_language or "Language-agnostic"
    uses = ", ".join(catalog.use_case(u).short_name.lower() for u in fw.use_cases)
    return f"{plain(fw.summary)} {where} {catalog.kind(fw.kind).name.lower()}" + (f" for {uses}." if uses else ".")


def matrix_section(catalog: Catalog, link: Linker, fw: Framework) -> list[str]:
    cells = catalog.cells_of(fw.id)
    if not cells:
        return []
    out = [heading(2, "In the matrix", "in-the-matrix")]
    for cell in cells:
        language, use_case = catalog.language(cell.language), catalog.use_case(cell.use_case)
        title = Markup('<a href="{}">{}</a> × <a href="{}">{}</a>').format(
            link.href(routes.language(language.id)), language_name(language),
            link.href(routes.use_case(use_case.id)), inline(use_case.name))
        body = Markup('<div class="matrix-cell"><h3>{}</h3><p>The guide\'s choice: {}</p>{}</div>').format(
            title, options_html(catalog, link, cell), rationale_html(cell.rationale))
        out.append(block(body))
    siblings = catalog.siblings(fw.id)
    if siblings:
        out.append(heading(2, "Alternatives in the same cells", "alternatives"))
        out.append(block(Markup("<p>{}</p>").format(framework_links(catalog, link, [s.id for s in siblings]))))
    return out


def guidance_section(catalog: Catalog, link: Linker, fw: Framework) -> list[str]:
    """Where the decision framework and Go's 'what you do instead' name this framework."""
    mentions = []
    for use_case in catalog.use_cases:
        lists = [use_case.choices] + [p.choices for p in use_case.patterns]
        for choices in lists:
            if choices and any(fw.id in item.frameworks for item in choices.items):
                mentions.append(choices_html(catalog, link, choices, "h3"))
    for cell in catalog.cells:
        if cell.none_by_design and any(fw.id in item.frameworks for item in cell.none_by_design.instead):
            language = catalog.language(cell.language)
            items = [item.text for item in cell.none_by_design.instead]
            mentions.append(Markup('<div class="choices"><h3>{} × {}: what you do instead</h3>{}</div>').format(
                inline(language.name), inline(catalog.use_case(cell.use_case).short_name),
                Markup("<ul>{}</ul>").format(join(Markup("<li>{}</li>").format(inline(t)) for t in items))))
    if not mentions:
        return []
    return [heading(2, "In the decision framework", "decision-framework"), *(block(m) for m in mentions)]


def framework_page(catalog: Catalog, fw: Framework) -> str:
    link = Linker(routes.framework(fw.id))
    body = [block(para(fw.summary, cls="lead")), block(facts(catalog, link, fw))]
    known = catalog.find(Facts)
    if known is not None:
        body.append(block(facts_box(known, fw.id)))
    if fw.rationale:
        body.append(rationale_markdown(fw.rationale))
    else:
        body.append(block(callout("note", "No rationale of its own",
                                  para("The guide names it without a rationale of its own; see where it fits below."))))
    body += matrix_section(catalog, link, fw)
    body += guidance_section(catalog, link, fw)
    body += page_sections(catalog, "framework", fw, link)
    # A framework's own page is the first search result for its name (Material's per-page boost).
    return page(fw.name, describe(catalog, fw), body, extra_meta={"search": {"boost": search_boost(catalog, fw)},
                                                                 "styles": code_styles(catalog, [fw.id])})
