"""The wizard's HTML and Markdown: the mount point of the script, the whole tree as nested lists
and as a flowchart (the version without JavaScript), and one static page per outcome."""

from __future__ import annotations

from markupsafe import Markup

from ...model import routes
from ...model.catalog import Catalog
from ...model.routes import Linker
from ...model.sections.decision_tree import DecisionTree, Outcome, Path
from .. import wizard_json
from ..blocks import block, callout, framework_link, heading, join, page, para, ul
from ..compare_table import compare_any_href
from ..diagrams import diagram, label, node_id
from ..registry import GeneratedPage, SectionView
from ..text import inline, mermaid_text
from ..wizard_result import cell_of, consequences, reality_checks

TREE_LIST_ID = "wizard-tree"
WIZARD_CSS = "assets/css/wizard.css"  # inlined into the pages that use it (macros/style_hooks.py)


def app_mount(tree: DecisionTree, link: Linker) -> Markup:
    """The element the wizard's script (docs/assets/js/wizard.mjs, loaded for data-module) mounts
    on, finding the tree's JSON through data-tree. It holds the first question as the script draws
    it (tests/test_wizard_browser.py compares the two), so nothing moves when the script takes
    over. Without JavaScript it is hidden (overrides/main.html) and the whole tree below is the
    wizard."""
    question = tree.questions[tree.start]
    answers = join(
        Markup('<button type="button" class="md-button wizard-answer" data-action="answer" data-index="{}">{}</button>')
        .format(index, inline(option.label))
        for index, option in enumerate(question.options))
    help_text = Markup('<p class="wizard-help">{}</p>').format(inline(question.help)) if question.help else Markup("")
    return Markup(
        '<div id="wizard" class="wizard" data-module="wizard" data-tree="{}">'
        '<p class="wizard-notice" hidden></p>'
        '<div class="wizard-stage"><section class="wizard-step" aria-labelledby="wizard-question">'
        '<p class="wizard-progress">Step 1</p>'
        '<h2 class="wizard-heading" tabindex="-1" id="wizard-question">{}</h2>{}'
        '<div class="wizard-options" role="group" aria-labelledby="wizard-question">{}</div>'
        "</section></div>"
        '<div class="visually-hidden" aria-live="polite"></div>'
        "</div>"
    ).format(link.asset(routes.API_DECISION_TREE), inline(question.question), help_text, answers)


def wizard_href(link: Linker, tree: DecisionTree, path: Path) -> str:
    """The wizard's address with the answers of `path` already given."""
    return f"{link.href(routes.WIZARD)}?path={tree.url_path(path)}"


# ── The whole tree (no JavaScript needed) ─────────────────────────────────────────────────

def tree_list(tree: DecisionTree, link: Linker) -> Markup:
    """Every path as nested lists: each answer, then the next question or the outcome, linked."""
    return Markup('<div class="wizard-tree" id="{}">{}</div>').format(TREE_LIST_ID, _question_html(tree, link, tree.start, ()))


def _question_html(tree: DecisionTree, link: Linker, question_id: str, seen: tuple[str, ...]) -> Markup:
    question = tree.questions[question_id]
    items = []
    for option in question.options:
        answer = Markup('<span class="wizard-tree-answer">{}</span>').format(inline(option.label))
        if option.next in tree.outcomes:
            outcome = tree.outcomes[option.next]
            target = Markup('<a class="wizard-tree-outcome" href="{}">{}</a>').format(
                link.href(routes.outcome(outcome.id)), inline(outcome.title))
            items.append(Markup("<li>{} → {}</li>").format(answer, target))
        elif option.next not in seen:
            items.append(Markup("<li>{}{}</li>").format(answer, _question_html(tree, link, option.next, (*seen, question_id))))
    return Markup('<p class="wizard-tree-question">{}</p><ul>{}</ul>').format(inline(question.question), join(items))


def tree_flowchart(tree: DecisionTree) -> str:
    """Questions as boxes, outcomes as rounded boxes, each answer an arrow with its label."""
    lines = ["flowchart LR", "  accTitle: The decision tree",
             "  accDescr: Every question of the wizard, its answers and the recommendation each path ends in"]
    for question in tree.questions.values():
        lines.append(f"  {node_id('q', question.id)}[{label(question.question)}]")
    for outcome in tree.outcomes.values():
        lines.append(f"  {node_id('o', outcome.id)}([{label(outcome.title)}])")
    for question in tree.questions.values():
        for option in question.options:
            target = node_id("o" if option.next in tree.outcomes else "q", option.next)
            lines.append(f'  {node_id("q", question.id)} -->|"{mermaid_text(option.label)}"| {target}')
    return "\n".join(lines)


def tree_diagram(catalog: Catalog, tree: DecisionTree, link: Linker) -> Markup:
    return diagram(catalog, link, tree_flowchart(tree), "The decision tree: every question, answer and recommendation.", TREE_LIST_ID)


# ── One page per outcome ───────────────────────────────────────────────────────────────────

def outcome_markdown(catalog: Catalog, tree: DecisionTree, outcome: Outcome) -> str:
    link = Linker(routes.outcome(outcome.id))
    paths = tree.paths_to(outcome.id)
    body = [block(para(outcome.summary, cls="lead"))]
    body += [heading(2, "Recommended", "recommended"),
             block(ul(framework_link(catalog, link, fid) + Markup(": ") + inline(catalog.framework(fid).summary)
                      for fid in outcome.frameworks))]
    body += [heading(2, "Why", "why"), block(ul(outcome.reasons))]
    body += [heading(2, "The answers that lead here", "answers"), block(_paths_html(tree, link, paths))]
    checks = reality_checks(catalog, outcome)
    if checks:
        body.append(block(join(callout("warning", "Reality check", para(check)) for check in checks)))
    body += _consequences_md(catalog, outcome, link)
    body += _instead_md(catalog, outcome, link)
    if outcome.alternatives:
        body += [heading(2, "Alternatives worth a look", "alternatives"), block(_alternatives_html(catalog, outcome, link))]
    if outcome.see_also:
        body += [heading(2, "Read next", "read-next"),
                 block(ul(Markup('<a href="{}">{}</a>').format(link.href(s.page), inline(s.text)) for s in outcome.see_also))]
    body.append(block(Markup('<p class="wizard-page-links"><a href="{}">Open this result in the wizard</a> · '
                             '<a href="{}">Start the wizard</a></p>').format(wizard_href(link, tree, paths[0]), link.href(routes.WIZARD))))
    return page(outcome.title, outcome.summary, body, extra_meta={"styles": [WIZARD_CSS]})


def _paths_html(tree: DecisionTree, link: Linker, paths: tuple[Path, ...]) -> Markup:
    blocks = []
    for path in paths:
        steps = join(Markup("<li>{} <strong>{}</strong></li>").format(
            inline(tree.questions[step.question].question), inline(tree.option(step).label)) for step in path)
        blocks.append(Markup('<ol class="wizard-path">{}</ol><p><a href="{}">Open these answers in the wizard</a></p>').format(
            steps, wizard_href(link, tree, path)))
    if len(blocks) == 1:
        return Markup('<div class="wizard-paths">{}</div>').format(blocks[0])
    return Markup('<ol class="wizard-paths">{}</ol>').format(join(Markup("<li>{}</li>").format(b) for b in blocks))


def _consequences_md(catalog: Catalog, outcome: Outcome, link: Linker) -> list[str]:
    found = consequences(catalog, outcome)
    if not found:
        return []
    out = [heading(2, "Pros and cons", "pros-and-cons")]
    for item in found:
        parts = [Markup('<p class="wizard-subject"><a href="{}">{}</a></p>').format(link.href(item.src_uri, item.anchor), inline(item.subject))]
        if item.pros:
            parts.append(Markup("<p>Pros:</p>") + ul(item.pros, cls="wizard-pros"))
        if item.cons:
            parts.append(Markup("<p>Cons:</p>") + ul(item.cons, cls="wizard-cons"))
        out.append(block(join(parts)))
    return out


def _instead_md(catalog: Catalog, outcome: Outcome, link: Linker) -> list[str]:
    """For a cell with no framework by design: the guide's list of what to use instead."""
    cell = cell_of(catalog, outcome)
    if not (cell and cell.none_by_design):
        return []
    items = []
    for item in cell.none_by_design.instead:
        links = join((framework_link(catalog, link, fid) for fid in item.frameworks), ", ")
        items.append(inline(item.text) + (Markup(" ({})").format(links) if item.frameworks else Markup("")))
    return [heading(2, "What you do instead", "instead"), block(ul(items))]


def _alternatives_html(catalog: Catalog, outcome: Outcome, link: Linker) -> Markup:
    primary = outcome.frameworks[0]
    items = []
    for fid in outcome.alternatives:
        items.append(Markup('{}: {} <a class="wizard-compare" href="{}">Compare {} with {}</a>').format(
            framework_link(catalog, link, fid), inline(catalog.framework(fid).summary),
            compare_any_href(catalog, link, (primary, fid)), inline(catalog.framework(fid).name),
            inline(catalog.framework(primary).name)))
    return ul(items)


def outcome_pages(catalog: Catalog, tree: DecisionTree) -> list[GeneratedPage]:
    return [GeneratedPage(routes.outcome(o.id), outcome_markdown(catalog, tree, o)) for o in tree.outcomes.values()]


def count(tree: DecisionTree, what: str) -> int:
    return {"questions": len(tree.questions), "outcomes": len(tree.outcomes), "paths": len(tree.paths())}[what]


VIEW = SectionView(
    model=DecisionTree, order=10,
    pages=outcome_pages,
    published=wizard_json.published,
    macros={
        "wizard_app": lambda catalog, tree, link: app_mount(tree, link),
        "wizard_tree": lambda catalog, tree, link: tree_list(tree, link),
        "wizard_diagram": tree_diagram,
        "wizard_count": lambda catalog, tree, link, what: count(tree, what),  # wizard_count("outcomes")
    },
)

