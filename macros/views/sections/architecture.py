"""The polyglot architecture's pages: each function renders one macro's Markdown from the data.

Diagrams come with a table or list built from the same lines, whose id the figure names.
"""

from __future__ import annotations

from markupsafe import Markup

from ...model import routes
from ...model.catalog import Catalog
from ...model.routes import Linker
from ...model.sections.architecture import Architecture, Component, Connection
from ...model.sections.facts import Facts
from ..architecture_diagrams import (
    codegen_flowchart,
    component_text,
    overview_flowchart,
    request_flowchart,
    stack_flowchart,
)
from ..blocks import (
    block,
    framework_link,
    framework_links,
    heading,
    join,
    labelled,
    ordered,
    para,
    ref_links,
    subtitle,
    table,
    ul,
    with_refs,
)
from ..code_blocks import code_block
from ..diagrams import diagram
from ..registry import SectionView
from ..text import inline, plain
from .facts import update_notes


def component_link(link: Linker, component: Component, short: bool = False) -> Markup:
    """A component's name (with its port), linked to its place on the architecture page. A short
    name ("Go") also carries the full one for assistive technology and crawlers: alone, it
    reads like a command."""
    href = link.href(routes.ARCHITECTURE, component.anchor)
    if short and component.short_name and component.short_name != component.name:
        return Markup('<a href="{}">{}<span class="visually-hidden">: {}</span></a>').format(
            href, inline(component.short_name), inline(component.name))
    text = (component.short_name or component.name) if short else component_text(component)
    return Markup('<a href="{}">{}</a>').format(href, inline(text))


def _line_row(arch: Architecture, link: Linker, line: Connection) -> list[Markup]:
    call = Markup("<code>{}</code>").format(plain(line.call)) if line.call else Markup("")
    return [component_link(link, arch.component(line.source)), component_link(link, arch.component(line.target)),
            inline(line.protocol), call]


def intro(catalog: Catalog, arch: Architecture, link: Linker) -> str:
    return block(join(para(t) for t in arch.intro))


def polyglot_stack(catalog: Catalog, arch: Architecture, link: Linker) -> str:
    rows = [_line_row(arch, link, line)[:3] for line in arch.stack]
    return (block(diagram(catalog, link, stack_flowchart(arch), "The recommended polyglot stack, drawn from its data.", "stack-lines"))
            + heading(3, "Every line of the stack", "stack-lines-heading")
            + block(table(["From", "To", "Protocol"], rows, "stack-lines")))


def stack_components(catalog: Catalog, arch: Architecture, link: Linker) -> str:
    """Every component (the boxes of the diagrams), then each service layer in detail."""
    rows = []
    for c in arch.components:
        what = ul(c.highlights) if c.highlights else inline(c.detail or "")
        port = Markup("{}").format(c.port) if c.port else Markup("")
        name = Markup('<span id="{}">{}</span>').format(c.anchor, inline(c.name)) if not c.layer else component_link(link, c)
        rows.append([name, port, what, framework_links(catalog, link, c.all_frameworks)])
    out = [heading(2, "What each box does", "components"),
           block(table(["Component", "Port", "What it does", "Frameworks"], rows, "stack-components"))]
    out.append(heading(2, "What each layer does", "layers"))
    for layer in arch.layers:
        out += layer_section(catalog, arch, link, layer)
    return "".join(out)


def layer_section(catalog: Catalog, arch: Architecture, link: Linker, c: Component) -> list[str]:
    title = f"Layer {c.layer}: {c.name} (Port {c.port})" + (" - Optional" if c.optional else "")
    technology = join(
        ((framework_link(catalog, link, t.framework) if t.framework else inline(t.text or ""))
         + (Markup(" ({})").format(inline(t.note)) if t.note else Markup(""))
         for t in c.technology), " + ")
    facts = [("Purpose", inline(c.purpose or "")), ("When to call", inline(c.when_to_call or "")), ("Technology", technology)]
    parts = [Markup('<dl class="facts">{}</dl>').format(
        join(Markup("<dt>{}</dt><dd>{}</dd>").format(k, v) for k, v in facts if v))]
    if c.services:
        items = [Markup("<code>{}</code>{} - {}").format(
            plain(s.call), Markup(" {}").format(inline(s.protocol)) if s.protocol else Markup(""), inline(s.text))
            for s in c.services]
        parts.append(subtitle("Specific services", 4) + ul(items))
    if c.why:
        parts.append(subtitle(f"Why {c.short_name or c.name} here", 4) + ul(c.why))
    return [heading(3, title, c.anchor), block(join(parts))]


def request_flow(catalog: Catalog, arch: Architecture, link: Linker) -> str:
    items = [Markup("{} → {}: {}{}").format(
        component_link(link, arch.component(line.source)), component_link(link, arch.component(line.target)),
        inline(line.protocol), Markup(" <code>{}</code>").format(plain(line.call)) if line.call else Markup(""))
        for line in arch.request_flow]
    return (block(diagram(catalog, link, request_flowchart(arch), "One request through the stack, step by step.", "request-flow-steps"))
            + block(ordered(items, "request-flow-steps")))


def _rule(arch: Architecture, link: Linker, rule: Connection) -> Markup:
    why = Markup(" ({})").format(inline(rule.why)) if rule.why else Markup("")
    return Markup("{} → {}: {}{}").format(component_link(link, arch.component(rule.source), short=True),
                                          component_link(link, arch.component(rule.target), short=True),
                                          inline(rule.protocol), why)


def sync_async_rules(catalog: Catalog, arch: Architecture, link: Linker) -> str:
    sync, asyn = arch.synchronous, arch.asynchronous
    out = [heading(3, f"{sync.title} ({sync.when})", "synchronous"),
           block(ul([_rule(arch, link, r) for r in sync.rules]))]
    out += [heading(3, f"{asyn.title} ({asyn.when})", "asynchronous"),
            block(ul([with_refs(catalog, link, asyn.path, asyn.frameworks),
                      labelled("Use for", ", ".join(asyn.use_for))]))]
    return "".join(out)


def service_overview(catalog: Catalog, arch: Architecture, link: Linker) -> str:
    nodes = {n.id: n for n in arch.overview_nodes}

    def name(node_id: str) -> Markup:
        node = nodes[node_id]
        text = inline(f"{node.name} ({node.detail})" if node.detail else node.name)
        if node.tiers:
            tiers = join((Markup('<a href="{}">{}</a>').format(link.href(routes.TIERS, f"tier-{t}"), inline(arch.tier(t).name))
                          for t in node.tiers), ", ")
            return Markup("{} (tiers: {})").format(text, tiers)
        return text

    items = []
    for edge in arch.overview_edges:
        label = ", ".join(t for t in (edge.protocol, edge.purpose) if t)
        items.append(Markup("{} → {}{}").format(name(edge.source), name(edge.target),
                                                 Markup(": {}").format(inline(label)) if label else Markup("")))
    return (block(diagram(catalog, link, overview_flowchart(arch), "Service communication in the architecture by tier.",
                          "service-overview-lines"))
            + block(ordered(items, "service-overview-lines")))


def inter_service(catalog: Catalog, arch: Architecture, link: Linker) -> str:
    items = [Markup("{}{}").format(labelled(r.protocol, r.text),
                                   Markup(" ({})").format(ref_links(catalog, link, r.frameworks)) if r.frameworks else Markup(""))
             for r in arch.inter_service]
    return block(ul(items))


def gateway_choice(catalog: Catalog, arch: Architecture, link: Linker) -> str:
    g = arch.gateway
    if g is None:
        return ""
    choice, other, fallback = (catalog.framework(x) for x in (g.choice, g.instead_of, g.fallback))
    into = [arch.component(line.source) for line in arch.stack if line.target == g.component]
    out_of = [arch.component(line.target) for line in arch.stack if line.source == g.component]
    where = Markup("<p>In the stack, {} sits between {} and {}.</p>").format(
        component_link(link, arch.component(g.component)), join((component_link(link, c) for c in into), ", "),
        join((component_link(link, c) for c in out_of), ", "))
    out = [block(where),
           heading(2, f"Why {choice.name} (not {other.name})", "why-choice"),
           block(ul(choice.rationale.pros)
                 + Markup("<p>Pages: {}</p>").format(framework_links(catalog, link, [choice.id, other.id]))),
           heading(2, f"When to use {fallback.name} instead", "fallback"),
           block(ul(fallback.rationale.choose_when)
                 + Markup("<p>Page: {}</p>").format(framework_link(catalog, link, fallback.id)))]
    if g.example:
        services = [Markup("<code>{}</code>: {}").format(service, component_link(link, arch.component(cid)))
                    for service, cid in g.example_services]
        out += [heading(2, "Example configuration", "example"), code_block(g.example),
                block(Markup("<p>The file defines these services:</p>") + ul(services))]
        facts = catalog.find(Facts)
        if facts is not None:  # the site's notes where the example has aged (its image tags)
            out.append(block(update_notes(facts, [g.choice])))
    return "".join(out)


def codegen_workflow(catalog: Catalog, arch: Architecture, link: Linker) -> str:
    codegen = arch.codegen
    steps = [Markup("<strong>{}:</strong> {} ({}) → {}").format(
        inline(s.actor), inline(s.action), framework_links(catalog, link, s.frameworks), inline(s.result))
        for s in codegen.steps]
    out = [block(para(codegen.audience, cls="lead")),
           heading(2, "The workflow", "workflow"),
           block(diagram(catalog, link, codegen_flowchart(catalog, arch), "From backend decorators to typed frontend hooks.", "codegen-steps")),
           block(ordered(steps, "codegen-steps")),
           heading(2, "The code at each step", "code")]
    for step in codegen.steps:
        if step.example:
            out.append(code_block(step.example))
    out += [heading(2, "Benefits for backend-focused developers", "benefits"), block(ul(codegen.benefits))]
    alt = codegen.alternative
    out += [heading(2, alt.name, "alternative"),
            block(para(alt.text) + Markup("<p>Pages: {}</p>").format(framework_links(catalog, link, alt.frameworks)))]
    if alt.example:
        out.append(code_block(alt.example))
    out.append(block(para(alt.flow)))
    return "".join(out)


def architecture_tiers(catalog: Catalog, arch: Architecture, link: Linker) -> str:
    out = []
    for number, tier in enumerate(arch.tiers, start=1):
        services = [Markup("<code>{}</code> ({})").format(plain(s.name), inline(s.text)) for s in tier.services]
        body = join([
            Markup("<p><strong>Purpose:</strong> {}</p>").format(inline(tier.purpose)),
            Markup("<p>Frameworks: {}</p>").format(framework_links(catalog, link, tier.frameworks)),
            subtitle("What lives here") + ul(tier.lives_here),
            subtitle(f"Why {tier.short_name}") + ul(tier.why),
            subtitle("Example services") + ul(services),
        ])
        out += [heading(2, f"{number}. {tier.name} - {tier.role}", f"tier-{tier.id}"), block(body)]
    return "".join(out)


MACROS = {
    "architecture_intro": intro,
    "polyglot_stack": polyglot_stack,
    "stack_components": stack_components,
    "request_flow": request_flow,
    "sync_async_rules": sync_async_rules,
    "service_overview": service_overview,
    "inter_service": inter_service,
    "gateway_choice": gateway_choice,
    "codegen_workflow": codegen_workflow,
    "architecture_tiers": architecture_tiers,
}


def mentions_section(catalog: Catalog, arch: Architecture, link: Linker, ids: set[str]) -> list[str]:
    """Where the architecture names any of `ids` (framework ids): for framework and language pages."""
    items = []
    for c in arch.components:
        if ids & set(c.all_frameworks):
            where = f"Layer {c.layer}: " if c.layer else ""
            items.append(Markup("{}{} in the recommended polyglot stack").format(where, component_link(link, c)))
    for tier in arch.tiers:
        if ids & set(tier.frameworks):
            items.append(Markup('<a href="{}">{}</a> in the architecture by tier').format(
                link.href(routes.TIERS, f"tier-{tier.id}"), inline(f"{tier.name} - {tier.role}")))
    g = arch.gateway
    if g and ids & {g.choice, g.instead_of, g.fallback}:
        items.append(Markup('<a href="{}">The API gateway choice</a>').format(link.href(routes.GATEWAY)))
    codegen_ids = {f for s in arch.codegen.steps for f in s.frameworks} | set(arch.codegen.alternative.frameworks)
    if ids & codegen_ids:
        items.append(Markup('<a href="{}">The frontend code-generation workflow</a>').format(link.href(routes.CODEGEN)))
    comm_ids = set(arch.asynchronous.frameworks) | {f for r in arch.inter_service for f in r.frameworks}
    if ids & comm_ids:
        items.append(Markup('<a href="{}">Communication patterns</a>').format(link.href(routes.COMMUNICATION)))
    if not items:
        return []
    return [heading(2, "In the polyglot architecture", "polyglot-architecture"), block(ul(items))]


VIEW = SectionView(
    model=Architecture, order=30, macros=MACROS,
    framework_sections=lambda catalog, arch, fw, link: mentions_section(catalog, arch, link, {fw.id}),
    language_sections=lambda catalog, arch, language, link: mentions_section(
        catalog, arch, link, {f.id for f in catalog.frameworks_of(language.id)}),
)
