"""The migration path (diagram and phases) and the advanced patterns, from data/migration.yaml."""

from __future__ import annotations

from markupsafe import Markup

from ...model import routes
from ...model.catalog import Catalog
from ...model.routes import Linker
from ...model.sections.migration import Migration
from ..blocks import (
    block,
    callout,
    framework_links,
    heading,
    join,
    ordered,
    para,
    table,
    ul,
)
from ..diagrams import diagram, label, node_id
from ..registry import SectionView
from ..text import inline, mermaid_text

STOP_NOTE = "Most companies stop here"


def migration_flowchart(migration: Migration) -> str:
    """Phases left to right; past the phase where most companies stop, the lines are dotted."""
    lines = ["flowchart TB", "  accTitle: The migration path",
             f"  accDescr: {mermaid_text(f'{len(migration.phases)} phases, from a monolith to a polyglot stack.')}"]
    stopped = False
    for index, phase in enumerate(migration.phases):
        node = node_id("phase", phase.id)
        suffix = ":::stop" if phase.id == migration.stop_at else ""
        lines.append(f"  {node}[{label(phase.title)}]{suffix}")
        if index:
            arrow = "-.->" if stopped else "-->"
            lines.append(f"  {node_id('phase', migration.phases[index - 1].id)} {arrow} {node}")
        stopped = stopped or phase.id == migration.stop_at
    if migration.stop_at:
        lines.append(f"  {node_id('note', 'stop')}>{label(STOP_NOTE)}] -.- {node_id('phase', migration.stop_at)}")
    lines.append("  classDef stop stroke-width:4px")
    return "\n".join(lines)


def _phase_html(catalog: Catalog, link: Linker, migration: Migration, phase) -> Markup:
    parts = [Markup("<strong>{}</strong>").format(inline(phase.title))]
    if phase.id == migration.stop_at:
        parts.append(Markup(' <em class="phase-stop">({})</em>').format(STOP_NOTE))
    parts.append(Markup("<br>{}").format(inline(phase.stack)))
    marks = [Markup("✓ {}").format(inline(g)) for g in phase.gains] + [Markup("✗ {}").format(inline(c)) for c in phase.costs]
    parts.append(ul(marks, cls="phase-marks"))
    if phase.frameworks:
        parts.append(Markup('<p class="pages">Adds: {}</p>').format(framework_links(catalog, link, phase.frameworks)))
    return join(parts)


def migration_path(catalog: Catalog, migration: Migration, link: Linker) -> str:
    items = [_phase_html(catalog, link, migration, p) for p in migration.phases]
    return (block(diagram(catalog, link, migration_flowchart(migration), "The migration path, phase by phase.", "migration-phases"))
            + block(ordered(items, "migration-phases", cls="phases")))


def migration_truth(catalog: Catalog, migration: Migration, link: Linker) -> str:
    return block(callout("tip", "The truth", para(migration.truth)))


def advanced_patterns(catalog: Catalog, migration: Migration, link: Linker) -> str:
    rows = [[inline(p.name), inline(p.when)] for p in migration.patterns]
    return (block(para(migration.advanced_intro))
            + block(table(["Pattern", "When"], rows, "advanced-patterns-table"))
            + block(callout("warning", "Warning", para(migration.warning))))


MACROS = {
    "migration_path": migration_path,
    "migration_truth": migration_truth,
    "advanced_patterns": advanced_patterns,
}


def mentions_section(catalog: Catalog, migration: Migration, link: Linker, framework_id: str) -> list[str]:
    phases = [p for p in migration.phases if framework_id in p.frameworks]
    if not phases:
        return []
    items = [Markup('<a href="{}">{}</a>').format(link.href(routes.MIGRATION, "migration-phases"), inline(p.title)) for p in phases]
    return [heading(2, "In the migration path", "migration-path"), block(ul(items))]


VIEW = SectionView(
    model=Migration, order=50, macros=MACROS,
    framework_sections=lambda catalog, migration, fw, link: mentions_section(catalog, migration, link, fw.id),
)
