"""Mermaid sources for the architecture's diagrams, generated from data/architecture.yaml.

Each function returns the text of one flowchart; views/architecture.py places it beside a table
or list carrying the same information. Every label passes through mermaid_text (via `label`).
"""

from __future__ import annotations

import re

from ..model.catalog import Catalog
from ..model.sections.architecture import Architecture, Component, Connection
from .diagrams import label, node_id
from .text import mermaid_text

# Mermaid node shapes by component role: (opening, closing) around the quoted label.
SHAPES = {
    "client": ("([", "])"),
    "frontend": ("(", ")"),
    "gateway": ("[/", "\\]"),  # a trapezoid ({{hexagon}} would read as a template left unrendered)
    "service": ("[", "]"),
    "queue": ("[[", "]]"),
    "worker": ("[/", "/]"),
    "store": ("[(", ")]"),
}
OPTIONAL_STYLE = "  classDef optional stroke-dasharray: 6 4"


def component_text(component: Component) -> str:
    """A component's name in diagrams: 'NestJS :3000', 'RabbitMQ (async jobs)'."""
    if component.detail and not component.port:
        return f"{component.label} ({component.detail})"
    return component.label


def _node(component: Component) -> str:
    opening, closing = SHAPES.get(component.role, ("[", "]"))
    suffix = ":::optional" if component.optional else ""
    return f"  {node_id('c', component.id)}{opening}{label(component_text(component))}{closing}{suffix}"


def curly_quotes(text: str) -> str:
    """'"order.created" event' -> '“order.created” event'. Mermaid 11 shows an escaped straight
    quote in an edge label as '&quot;' (node labels are fine), so edge labels use typographic ones."""
    return re.sub(r'"([^"]*)"', "“\\1”", text)


def _edge(source: str, target: str, text: str | None, dotted: bool = False) -> str:
    arrow = "-.->" if dotted else "-->"
    middle = f"|{label(curly_quotes(text))}|" if text else ""
    return f"  {source} {arrow}{middle} {target}"


def connection_text(line: Connection) -> str:
    """The label of a line: its protocol, and the example call when there is one."""
    return f"{line.protocol}: {line.call}" if line.call else line.protocol


def _header(kind: str, title: str, description: str) -> list[str]:
    return [kind, f"  accTitle: {mermaid_text(title)}", f"  accDescr: {mermaid_text(description)}"]


def _components_flowchart(arch: Architecture, lines: tuple[Connection, ...], direction: str,
                          title: str, description: str) -> str:
    used = {line.source for line in lines} | {line.target for line in lines}
    components = [c for c in arch.components if c.id in used]
    out = _header(f"flowchart {direction}", title, description)
    out += [_node(c) for c in components]
    out += [_edge(node_id("c", line.source), node_id("c", line.target), connection_text(line)) for line in lines]
    if any(c.optional for c in components):
        out.append(OPTIONAL_STYLE)
    return "\n".join(out)


def stack_flowchart(arch: Architecture) -> str:
    return _components_flowchart(
        arch, arch.stack, "TB", "The recommended polyglot stack",
        "Frontend, gateway, each service layer with its port, the queue and the stores; "
        "every line labelled with its protocol.")


def request_flowchart(arch: Architecture) -> str:
    return _components_flowchart(
        arch, arch.request_flow, "TB", "One request through the stack",
        "A client request reaches NestJS, which calls the other layers and queues background work.")


def overview_flowchart(arch: Architecture) -> str:
    out = _header("flowchart TB", "Service communication by tier",
                  "External clients reach the API gateway, which routes to each tier.")
    for node in arch.overview_nodes:
        text = f"{node.name} ({node.detail})" if node.detail else node.name
        out.append(f"  {node_id('o', node.id)}[{label(text)}]")
    for edge in arch.overview_edges:
        text = ", ".join(t for t in (edge.protocol, edge.purpose) if t) or None
        out.append(_edge(node_id("o", edge.source), node_id("o", edge.target), text))
    return "\n".join(out)


def step_text(catalog: Catalog, actor: str, frameworks: tuple[str, ...]) -> str:
    """'Backend: NestJS'; just 'Orval' when the actor is the tool itself."""
    names = " + ".join(catalog.framework(fid).name for fid in frameworks)
    return actor if names == actor else f"{actor}: {names}"


def codegen_flowchart(catalog: Catalog, arch: Architecture) -> str:
    codegen = arch.codegen
    out = _header("flowchart TB", "Frontend code generation",
                  "The backend describes its API, Orval turns the description into typed client code, "
                  "the frontend imports it.")
    previous = None
    for step in codegen.steps:
        step_node = node_id("step", step.id)
        out.append(f"  {step_node}[{label(step_text(catalog, step.actor, step.frameworks))}]")
        if previous:
            out.append(_edge(previous, step_node, None))
        previous = step_node
        if step.produces:
            product = node_id("out", step.id)
            out.append(f"  {product}[/{label(step.produces)}/]")
            out.append(_edge(step_node, product, None))
            previous = product
    # The alternative feeds the same product as the step it replaces, on a dotted line.
    alt = codegen.alternative
    replaced = next((s for s in codegen.steps if s.id == alt.replaces), None)
    if replaced:
        alt_node = node_id("alt", alt.replaces)
        out.append(f"  {alt_node}[{label(alt.name)}]")
        target = node_id("out", replaced.id) if replaced.produces else node_id("step", replaced.id)
        out.append(_edge(alt_node, target, None, dotted=True))
    return "\n".join(out)
