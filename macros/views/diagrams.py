"""Mermaid diagrams from data, each placed beside a text alternative built from the same data."""

from __future__ import annotations

import re

from markupsafe import Markup

from ..model.catalog import Catalog
from ..model.core import UseCase
from ..model.routes import Linker
from ..source.drawings import Drawing
from .text import inline, mermaid_text


def node_id(*parts: str) -> str:
    """A Mermaid-safe node id ('node_go_gin') from data ids."""
    return "n_" + "_".join(re.sub(r"[^a-zA-Z0-9]", "_", p) for p in parts)


def label(text: str) -> str:
    return f'"{mermaid_text(text)}"'


def use_case_flowchart(catalog: Catalog, use_case: UseCase) -> str:
    """Use case -> each language -> the frameworks of its cell (or 'none, by design')."""
    lines = ["flowchart LR", f"  accTitle: {mermaid_text(use_case.name)} by language",
             f"  {node_id('uc', use_case.id)}[{label(use_case.short_name)}]"]
    for language in catalog.languages:
        lang_node = node_id("lang", use_case.id, language.id)
        lines.append(f"  {node_id('uc', use_case.id)} --> {lang_node}([{label(language.name)}])")
        cell = catalog.cell(language.id, use_case.id)
        if cell.none_by_design:
            lines.append(f"  {lang_node} -.-> {node_id('none', language.id)}[{label('None, by design')}]")
        for index, option in enumerate(cell.options):
            names = " + ".join(catalog.framework(fid).name for fid in option)
            lines.append(f"  {lang_node} --> {node_id('fw', language.id, str(index), *option)}[{label(names)}]")
    return "\n".join(lines)


def _drawing_html(link: Linker, scheme: str, drawing: Drawing) -> Markup:
    """One palette's drawing: an image that opens full size. Lazy: the browser fetches it when it
    comes near the viewport, and never while it is hidden (the other palette's, a folded
    <details>)."""
    src = link.asset(drawing.published_path)
    return Markup(
        '<a class="diagram-drawing" data-scheme="{scheme}" href="{src}" title="Open the diagram full size">'
        '<img src="{src}" width="{w}" height="{h}" alt="{alt}" loading="lazy" decoding="async"></a>'
    ).format(scheme=scheme, src=src, w=drawing.width, h=drawing.height, alt=drawing.title)


def diagram(catalog: Catalog, link: Linker, source: str, caption: str, alternative_id: str) -> Markup:
    """A figure of the diagram; `alternative_id` names the table or list that carries the same
    information as text. The drawing is made ahead of time (`make diagrams`), in each palette;
    CSS shows the reader's. A diagram the data has changed since it was drawn shows its Mermaid
    text and says how to draw it."""
    drawn = catalog.drawings.find(source) if catalog.drawings else None
    caption_html = Markup(
        '<figcaption>{caption} <a class="diagram-alt-link" href="#{alt}">The same as text</a>.</figcaption>'
    ).format(alt=alternative_id, caption=inline(caption))
    if drawn is None:
        return Markup(
            '<figure class="diagram" data-drawing="missing" aria-describedby="{alt}">'
            '<p class="diagram-missing">This diagram has changed since it was last drawn: run '
            '<code>make diagrams</code> to draw it. Its Mermaid source:</p>'
            '<pre class="diagram-source">{src}</pre>{caption}</figure>'
        ).format(alt=alternative_id, src=source, caption=caption_html)
    drawings = Markup("").join(_drawing_html(link, scheme, drawing) for scheme, drawing in drawn.items())
    return Markup('<figure class="diagram" data-drawing="image" aria-describedby="{alt}">{drawings}{caption}</figure>'
                  ).format(alt=alternative_id, drawings=drawings, caption=caption_html)
