"""The wizard's HTML and Markdown: the mount point of the script, the whole tree as nested lists
and as a flowchart (the version without JavaScript), and one static page per outcome."""

from __future__ import annotations

from markupsafe import Markup

from ...model import routes
from ...model.catalog import Catalog
from ...model.routes import Linker
from ...model.sections.decision_tree import DecisionTree, Outcome, Path, SiteNote
from .. import wizard_json
from ..blocks import block, callout, framework_link, heading, join, page, para, ul
from ..compare_table import DIFFERS, compare_any_href
from ..diagrams import diagram, label, node_id
from ..registry import GeneratedPage, SectionView
from ..text import inline, mermaid_text
from ..wizard_result import (
    STACK_PAGE,
    cell_of,
    consequences,
    decision_row_of,
    figures,
    left_cells,
    reality_checks,
    stack_query,
)

TREE_LIST_ID = "wizard-tree"
FIGURES_NOTE = "rules of thumb, as the guide states them, not measurements"
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
    """Every path as nested lists: each answer, then the next question or the outcome, linked.
    The first answer that leads to a diagram's root question (id wizard-tree-<question id>)
    holds that diagram's text alternative."""
    return Markup('<div class="wizard-tree" id="{}">{}</div>').format(
        TREE_LIST_ID, _question_html(tree, link, tree.start, (), set(diagram_roots(tree))))


def branch_id(question_id: str) -> str:
    return f"{TREE_LIST_ID}-{question_id}"


def _question_html(tree: DecisionTree, link: Linker, question_id: str, seen: tuple[str, ...], roots: set[str]) -> Markup:
    question = tree.questions[question_id]
    items = []
    for option in question.options:
        answer = Markup('<span class="wizard-tree-answer">{}</span>').format(inline(option.label))
        attributes = Markup("")
        if option.next in roots:
            roots.discard(option.next)  # its first place only: an id is unique
            attributes = Markup(' id="{}"').format(branch_id(option.next))
        if option.next in tree.outcomes:
            outcome = tree.outcomes[option.next]
            target = Markup('<a class="wizard-tree-outcome" href="{}">{}</a>').format(
                link.href(routes.outcome(outcome.id)), inline(outcome.title))
            items.append(Markup("<li{}>{} → {}</li>").format(attributes, answer, target))
        elif option.next not in seen:
            items.append(Markup("<li{}>{}{}</li>").format(
                attributes, answer, _question_html(tree, link, option.next, (*seen, question_id), roots)))
    return Markup('<p class="wizard-tree-question">{}</p><ul>{}</ul>').format(inline(question.question), join(items))


# ── The tree as diagrams ───────────────────────────────────────────────────────────────────

def diagram_roots(tree: DecisionTree) -> list[str]:
    """The questions that get a diagram of their own: each answer's question after the first
    one, and every question more than one answer leads to (drawn once, where it is a root, and
    as a box that points there elsewhere), in the order the paths meet them."""
    parents: dict[str, set[str]] = {}
    for question in tree.questions.values():
        for option in question.options:
            parents.setdefault(option.next, set()).add(question.id)
    first = [o.next for o in tree.questions[tree.start].options if o.next in tree.questions]
    shared = {qid for qid, found in parents.items() if qid in tree.questions and len(found) > 1}
    order = [step.question for path in tree.paths() for step in path] + [tree.end_of(p) for p in tree.paths()]
    return list(dict.fromkeys(q for q in order if q in first or q in shared))


def tree_flowchart(tree: DecisionTree, root: str) -> str:
    """One part of the tree as a tree: from `root` (with the answer to the first question that
    leads there, for a branch), every answer to every question after it, each path drawn apart so
    no two arrows cross. A question with a diagram of its own ends its path here as a box with
    double sides. Drawn left to right: each path is a row."""
    roots = set(diagram_roots(tree))
    first = tree.questions[tree.start]
    opening = next((o for o in first.options if o.next == root), None)
    title = f"The decision tree after: {mermaid_text(opening.label)}" if opening else \
        f"The decision tree from: {mermaid_text(tree.questions[root].question)}"
    lines = ["flowchart LR", f"  accTitle: {title}",
             "  accDescr: Every question from here, its answers and the recommendation each path ends in; a box "
             "with double sides goes on in a diagram of its own"]
    count = iter(range(10_000))

    def node(kind: str, ident: str) -> str:
        return node_id(kind, ident, str(next(count)))

    def walk(question_id: str, name: str) -> None:
        for option in tree.questions[question_id].options:
            if option.next in tree.outcomes:
                target = node("o", option.next)
                lines.append(f"  {target}([{label(tree.outcomes[option.next].title)}])")
            elif option.next in roots:
                target = node("r", option.next)
                lines.append(f"  {target}[[{label(tree.questions[option.next].question)}]]")
            else:
                target = node("q", option.next)
                lines.append(f"  {target}[{label(tree.questions[option.next].question)}]")
            lines.append(f'  {name} -->|"{mermaid_text(option.label)}"| {target}')
            if option.next in tree.questions and option.next not in roots:
                walk(option.next, target)

    top = node("q", root)
    if opening:
        start = node("q", first.id)
        lines += [f"  {start}[{label(first.question)}]", f"  {top}[{label(tree.questions[root].question)}]",
                  f'  {start} -->|"{mermaid_text(opening.label)}"| {top}']
    else:
        lines.append(f"  {top}[{label(tree.questions[root].question)}]")
    walk(root, top)
    return "\n".join(lines)


def tree_diagrams(catalog: Catalog, tree: DecisionTree, link: Linker) -> Markup:
    """A diagram per answer to the first question, and one per question that several answers
    lead to: each part stays readable, drawn at full size."""
    first = {o.next: o for o in tree.questions[tree.start].options}
    figures_ = []
    for root in diagram_roots(tree):
        caption = (f"After “{first[root].label}”: every question, answer and recommendation." if root in first else
                   f"From “{tree.questions[root].question}”, which several answers lead to: every answer and recommendation.")
        figures_.append(diagram(catalog, link, tree_flowchart(tree, root), caption, branch_id(root)))
    return Markup('<div class="wizard-diagrams">{}</div>').format(join(figures_))


# ── One page per outcome ───────────────────────────────────────────────────────────────────

def outcome_markdown(catalog: Catalog, tree: DecisionTree, outcome: Outcome) -> str:
    link = Linker(routes.outcome(outcome.id))
    paths = tree.paths_to(outcome.id)
    body = [block(para(outcome.summary, cls="lead"))]
    if outcome.frameworks:
        body += [heading(2, "Recommended", "recommended"),
                 block(ul(framework_link(catalog, link, fid) + Markup(": ") + inline(catalog.framework(fid).summary)
                          for fid in outcome.frameworks))]
    if outcome.site_note:
        body += [heading(2, "This site's note", "site-note"), block(site_note_html(outcome.site_note))]
    body += [heading(2, "Why", "why"), block(ul(outcome.reasons) + _decision_row_html(catalog, outcome, link))]
    cells = left_cells(catalog, tree, outcome)
    if cells:
        body.append(block(Markup('<p class="wizard-leaves">Where your answers point at {}, the guide\'s words on '
                                 "going beyond that cell of the matrix:</p>{}").format(
            inline(" or ".join(cells)), ul(outcome.leaves_cell))))
    body += [heading(2, "The answers that lead here", "answers"), block(_paths_html(tree, link, paths))]
    body += _weigh_md(catalog, outcome, link)
    body += _consequences_md(catalog, outcome, link)
    body += _instead_md(catalog, outcome, link)
    if outcome.stack:
        body += [heading(2, "Compose this stack", "compose"), block(_stack_html(catalog, outcome, link))]
    if outcome.alternatives:
        body += [heading(2, "Alternatives worth a look", "alternatives"), block(_alternatives_html(catalog, outcome, link))]
    if outcome.see_also:
        body += [heading(2, "Read next", "read-next"),
                 block(ul(Markup('<a href="{}">{}</a>').format(link.href(s.page), inline(s.text)) for s in outcome.see_also))]
    body.append(block(Markup('<p class="wizard-page-links"><a href="{}">Open this result in the wizard</a> · '
                             '<a href="{}">Start the wizard</a></p>').format(wizard_href(link, tree, paths[0]), link.href(routes.WIZARD))))
    return page(outcome.title, outcome.summary, body, extra_meta={"styles": [WIZARD_CSS]})


def site_note_html(note: SiteNote) -> Markup:
    """What the site adds beyond the guide, labelled as the site's, with its source."""
    return Markup('<div class="admonition info wizard-site-note"><p class="admonition-title">This site\'s note, not the '
                  'guide\'s</p><p>{}</p><p class="wizard-source">Source: <a href="{}">{}</a>, checked {}.</p></div>').format(
        inline(note.text), note.source, note.source, note.checked)


def _decision_row_html(catalog: Catalog, outcome: Outcome, link: Linker) -> Markup:
    row = decision_row_of(catalog, outcome)
    if row is None:
        return Markup("")
    return Markup('<p class="wizard-decision-row">In the guide\'s <a href="{}">decision matrix for polyglots</a>: '
                  "{} → <strong>{}</strong> ({}).</p>").format(
        link.href(routes.DECISION_MATRIX), inline(row.scenario), inline(row.choose), inline(row.why))


def _weigh_md(catalog: Catalog, outcome: Outcome, link: Linker) -> list[str]:
    """The guide's cautions and its figures about the recommendation, in one place."""
    checks, lines = reality_checks(catalog, outcome), figures(catalog, outcome)
    if not (checks or lines):
        return []
    parts = []
    if checks:
        body = para(checks[0]) if len(checks) == 1 else ul(checks)
        parts.append(callout("warning", "Reality check", body))
    if lines:
        items = [Markup('<strong>{}</strong>, {}: <a href="{}">{}</a>{}').format(
            inline(line.metric), inline(line.about), link.href(routes.CLAIMS, line.anchor), inline(", ".join(line.values)),
            Markup(" ({})").format(DIFFERS) if line.differs else Markup("")) for line in lines]
        parts.append(Markup('<p class="wizard-figures-title">The guide\'s figures ({}):</p>{}').format(
            FIGURES_NOTE, ul(items, cls="wizard-figures")))
    return [heading(2, "The guide's cautions and figures", "weigh"), block(Markup('<div class="wizard-weigh">{}</div>').format(join(parts)))]


def stack_href(link: Linker, outcome: Outcome) -> str:
    return link.href(STACK_PAGE) + stack_query(outcome.stack)


def _stack_html(catalog: Catalog, outcome: Outcome, link: Linker) -> Markup:
    items = [Markup("{}: {}").format(inline(catalog.use_case(use_case).short_name), framework_link(catalog, link, pick))
             for use_case, pick in outcome.stack]
    return ul(items) + Markup('<p><a class="md-button" href="{}">Open this stack in the composer</a></p>').format(
        stack_href(link, outcome))


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
    """Each alternative with its summary and, when there is a recommended framework, the
    comparison of the two."""
    primary = outcome.frameworks[0] if outcome.frameworks else None
    items = []
    for fid in outcome.alternatives:
        item = Markup("{}: {}").format(framework_link(catalog, link, fid), inline(catalog.framework(fid).summary))
        if primary:
            item += Markup(' <a class="wizard-compare" href="{}">Compare {} with {}</a>').format(
                compare_any_href(catalog, link, (primary, fid)), inline(catalog.framework(fid).name),
                inline(catalog.framework(primary).name))
        items.append(item)
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
        "wizard_diagram": tree_diagrams,
        "wizard_count": lambda catalog, tree, link, what: count(tree, what),  # wizard_count("outcomes")
    },
)

