"""The guide's advice as page sections: pragmatic path, recommendations, decision matrix, best
practices, real-world stacks, talent pool; and the decision framework on use-case pages."""

from __future__ import annotations

from markupsafe import Markup

from ...model import routes
from ...model.catalog import Catalog
from ...model.core import UseCase
from ...model.routes import Linker
from ...model.sections.guidance import Guidance, Item
from ..blocks import (
    block,
    callout,
    heading,
    labelled,
    ordered,
    para,
    ref_links,
    table,
    ul,
    with_refs,
)
from ..registry import SectionView
from ..text import inline


def _item(catalog: Catalog, link: Linker, item: Item) -> Markup:
    if item.label:
        body = labelled(item.label, item.text)
        refs = ref_links(catalog, link, item.frameworks, item.languages)
        return body + (Markup(" ({})").format(refs) if refs else Markup(""))
    return with_refs(catalog, link, item.text, item.frameworks, item.languages)


def _pages_line(catalog: Catalog, link: Linker, frameworks, languages) -> Markup:
    if not frameworks and not languages:
        return Markup("")
    return Markup('<p class="pages">Pages: {}</p>').format(ref_links(catalog, link, frameworks, languages))


def pragmatic_path(catalog: Catalog, guidance: Guidance, link: Linker) -> str:
    out = []
    for step in guidance.pragmatic_path:
        body = ul([_item(catalog, link, p) for p in step.points]) + _pages_line(catalog, link, step.frameworks, step.languages)
        if step.note:
            body += callout("note", "Note", para(step.note))
        out += [heading(2, step.title, step.id), block(body)]
    return "".join(out)


def recommendations(catalog: Catalog, guidance: Guidance, link: Linker) -> str:
    out = []
    for audience in guidance.recommendations:
        out += [heading(3, audience.title, audience.id),
                block(ordered([_item(catalog, link, s) for s in audience.steps]))]
    return "".join(out)


def the_truth(catalog: Catalog, guidance: Guidance, link: Linker) -> str:
    return block(callout("tip", "The truth", para(guidance.truth)))


def decision_matrix(catalog: Catalog, guidance: Guidance, link: Linker) -> str:
    rows = [[inline(row.scenario),
             Markup("<strong>{}</strong><br>{}").format(inline(row.choose), ref_links(catalog, link, row.frameworks, row.languages)),
             inline(row.why)]
            for row in guidance.decision_matrix]
    return block(table(["Scenario", "Choose", "Why"], rows, "decision-matrix"))


def best_practices(catalog: Catalog, guidance: Guidance, link: Linker) -> str:
    return (heading(2, "Do", "do") + block(ul([_item(catalog, link, i) for i in guidance.do], cls="do-list"))
            + heading(2, "Don't", "dont") + block(ul([_item(catalog, link, i) for i in guidance.dont], cls="dont-list")))


def real_world_stacks(catalog: Catalog, guidance: Guidance, link: Linker) -> str:
    out = []
    for stack in guidance.stacks:
        out += [heading(2, stack.name, stack.id), block(ul([_item(catalog, link, p) for p in stack.parts]))]
    return "".join(out)


def your_stack(catalog: Catalog, guidance: Guidance, link: Linker) -> str:
    return (heading(2, guidance.your_stack_title, "your-stack")
            + block(ordered([_item(catalog, link, s) for s in guidance.your_stack], "your-stack-steps")))


def talent_pool(catalog: Catalog, guidance: Guidance, link: Linker) -> str:
    return heading(2, "Talent Pool Reality", "talent-pool") + block(ul([_item(catalog, link, i) for i in guidance.talent_pool]))


MACROS = {
    "pragmatic_path": pragmatic_path,
    "recommendations": recommendations,
    "the_truth": the_truth,
    "polyglot_decision_matrix": decision_matrix,
    "best_practices": best_practices,
    "real_world_stacks": real_world_stacks,
    "your_stack": your_stack,
    "talent_pool": talent_pool,
}


# ── The decision framework's "Choose X if" lists, on each use-case page ─────────────────────

def choose_if_entries(catalog: Catalog, use_case: UseCase) -> list[tuple[str, tuple[str, ...], str, tuple[str, ...]]]:
    """(anchor, framework ids, language name, checklist) for the use case, in matrix order. A
    framework's own list goes with its first use case (Actix Web's belongs to lightweight services,
    not to its WebSockets)."""
    entries = []
    for language in catalog.languages:
        cell = catalog.cell(language.id, use_case.id)
        if cell.rationale.choose_if:
            entries.append((f"choose-{language.id}-{use_case.id}", cell.framework_ids, language.name, cell.rationale.choose_if))
        for fid in cell.framework_ids:
            fw = catalog.framework(fid)
            if fw.rationale.choose_if and fw.use_cases[:1] == (use_case.id,):
                entries.append((f"choose-{fid}", (fid,), language.name, fw.rationale.choose_if))
    return entries


def decision_framework_section(catalog: Catalog, use_case: UseCase, link: Linker) -> list[str]:
    entries = choose_if_entries(catalog, use_case)
    if not entries:
        return []
    out = [heading(2, "The decision framework: choose it if", "choose-if-lists"),
           block(Markup("<p>The guide's checklists for developers coming from Django or Rails.</p>"))]
    for anchor, fids, language_name, checklist in entries:
        names = " / ".join(catalog.framework(fid).name for fid in fids)
        out += [heading(3, f"Choose {names} ({language_name}) if", anchor),
                block(ul(checklist) + _pages_line(catalog, link, fids, ()))]
    return out


# ── Where the advice names a framework or language ──────────────────────────────────────────

SECTION_PAGES = {
    "pragmatic-path": (routes.PRAGMATIC_PATH, "The pragmatic path"),
    "recommendation": (routes.PRAGMATIC_PATH, "Real-world recommendation"),
    "decision-matrix": (routes.DECISION_MATRIX, "Decision matrix for polyglots"),
    "best-practices": (routes.BEST_PRACTICES, "Polyglot best practices"),
    "real-world": (routes.REAL_WORLD, "Real-world polyglot examples"),
    "your-stack": (routes.REAL_WORLD, "Your stack"),
    "talent-pool": (routes.REAL_WORLD, "Talent pool reality"),
}


def _describe(entry) -> str:
    if getattr(entry, "label", None):
        return f"{entry.label}: {entry.text}"
    if hasattr(entry, "scenario"):
        return f"{entry.scenario}: {entry.choose}"
    return getattr(entry, "title", None) or entry.text


def mentions_section(catalog: Catalog, guidance: Guidance, link: Linker,
                     frameworks: set[str] = frozenset(), languages: set[str] = frozenset()) -> list[str]:
    items = []
    for section, anchor, entry in guidance.all_items():
        if not (frameworks & set(entry.frameworks) or languages & set(entry.languages)):
            continue
        page, title = SECTION_PAGES[section]
        items.append(Markup('<a href="{}">{}</a>: {}').format(link.href(page, anchor), title, inline(_describe(entry))))
    if not items:
        return []
    return [heading(2, "In the guide's advice", "guide-advice"), block(ul(items))]


VIEW = SectionView(
    model=Guidance, order=40, macros=MACROS,
    use_case_sections=lambda catalog, guidance, use_case, link: decision_framework_section(catalog, use_case, link),
    framework_sections=lambda catalog, guidance, fw, link: mentions_section(catalog, guidance, link, frameworks={fw.id}),
    language_sections=lambda catalog, guidance, language, link: mentions_section(catalog, guidance, link,
                                                                                 languages={language.id}),
)
