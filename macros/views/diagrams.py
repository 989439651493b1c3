"""Mermaid diagrams from data, each placed beside a text alternative built from the same data."""

from __future__ import annotations

import re

from markupsafe import Markup

from ..catalog import Catalog, UseCase
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


def diagram(source: str, caption: str, alternative_id: str) -> Markup:
    """A figure the site's script renders; `alternative_id` names the table or list that carries
    the same information as text."""
    return Markup(
        '<figure class="diagram" aria-describedby="{alt}">'
        '<pre class="diagram-source" hidden>{src}</pre>'
        '<figcaption>{caption} <a class="diagram-alt-link" href="#{alt}">The same as text</a>.</figcaption>'
        "</figure>"
    ).format(alt=alternative_id, src=source, caption=inline(caption))
