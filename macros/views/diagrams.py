"""Mermaid diagrams from data, each placed beside a text alternative built from the same data."""

from __future__ import annotations

import re

from markupsafe import Markup

from ..catalog import Catalog, UseCase
from ..diagram_cache import PLACEHOLDER_ATTRIBUTE, DiagramCache, project_cache
from ..escaping import inline, mermaid_text


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


def diagram(source: str, caption: str, alternative_id: str, cache: DiagramCache | None = None) -> Markup:
    """A figure of the diagram; `alternative_id` names the table or list that carries the same
    information as text. Drawn ahead of time when the cache has it: a placeholder per palette,
    which the build fills with an <img> of the drawing in the finished page (DiagramCache.fill),
    and CSS shows the one of the reader's palette. Otherwise the site's script draws it in the
    browser."""
    drawn = (cache or project_cache()).drawn(source)
    caption_html = Markup(
        '<figcaption>{caption} <a class="diagram-alt-link" href="#{alt}">The same as text</a>.</figcaption>'
    ).format(alt=alternative_id, caption=inline(caption))
    if drawn is None:
        return Markup(
            '<figure class="diagram" data-drawing="client" aria-describedby="{alt}">'
            '<pre class="diagram-source" hidden>{src}</pre>{caption}</figure>'
        ).format(alt=alternative_id, src=source, caption=caption_html)
    placeholders = Markup("").join(
        Markup('<div class="diagram-drawing" data-scheme="{}" {}="{}"></div>').format(scheme, PLACEHOLDER_ATTRIBUTE, key)
        for scheme, key in drawn.items())
    return Markup('<figure class="diagram" data-drawing="image" aria-describedby="{alt}">{drawings}{caption}</figure>'
                  ).format(alt=alternative_id, drawings=placeholders, caption=caption_html)
