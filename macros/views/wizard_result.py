"""What a wizard result shows beyond the outcome's own record, gathered from the catalog: the
reality checks, the pros and cons of the recommended frameworks and of the matrix cell, the
guide's figures about them, the row of the guide's decision matrix it answers and the cells it
leaves. Shared by the outcome pages and the published JSON, so both say the same."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from ..model import routes
from ..model.catalog import Catalog
from ..model.core import Cell
from ..model.sections.claims import Ledger, scope
from ..model.sections.decision_tree import DecisionTree, Outcome, cell_members, decision_rows
from ..model.sections.guidance import DecisionRow
from .figures import name_of, value_text
from .sections.claims import comparison_anchor


@dataclass(frozen=True)
class Consequence:
    """The pros and cons of one recommended framework, or of the outcome's matrix cell."""

    subject: str
    src_uri: str
    anchor: str | None
    pros: tuple[str, ...]
    cons: tuple[str, ...]


def cell_of(catalog: Catalog, outcome: Outcome) -> Cell | None:
    ref = outcome.matrix_cell
    return catalog.cell(ref.language, ref.use_case) if ref else None


def cell_name(catalog: Catalog, cell: Cell) -> str:
    return f"{catalog.language(cell.language).name} × {catalog.use_case(cell.use_case).short_name}"


def _cell_facts(cell: Cell) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    source = cell.none_by_design or cell.rationale
    return source.pros, source.cons, source.reality_check


def cell_consequence(catalog: Catalog, outcome: Outcome) -> Consequence | None:
    cell = cell_of(catalog, outcome)
    if cell is None:
        return None
    pros, cons, _ = _cell_facts(cell)
    anchor = f"none-{cell.use_case}" if cell.none_by_design else cell.use_case
    return Consequence(cell_name(catalog, cell), routes.language(cell.language), anchor, pros, cons)


def consequences(catalog: Catalog, outcome: Outcome) -> list[Consequence]:
    """Each recommended framework with pros or cons of its own, then the matrix cell's."""
    out = []
    for fid in outcome.frameworks:
        fw = catalog.framework(fid)
        if fw.rationale.pros or fw.rationale.cons:
            out.append(Consequence(fw.name, routes.framework(fid), None, fw.rationale.pros, fw.rationale.cons))
    cell = cell_consequence(catalog, outcome)
    if cell and (cell.pros or cell.cons):
        out.append(cell)
    return out


def reality_checks(catalog: Catalog, outcome: Outcome) -> tuple[str, ...]:
    """The outcome's own, the matrix cell's and each recommended framework's, without repeats."""
    checks = list(outcome.reality_check)
    cell = cell_of(catalog, outcome)
    if cell:
        checks.append(_cell_facts(cell)[2])
    checks += [catalog.framework(fid).rationale.reality_check for fid in outcome.frameworks]
    return tuple(dict.fromkeys(c for c in checks if c))


# ── The guide's figures that bear on an outcome (the claims ledger) ─────────────────────────

@dataclass(frozen=True)
class FigureLine:
    """The guide's figures of one metric about one subject (against one baseline)."""

    metric: str  # "Speed"
    about: str  # "FastAPI against Django REST Framework"
    values: tuple[str, ...]  # the distinct figures, in the ledger's order: ("3–4x", "2–3x", "3x")
    differs: bool  # the guide gives different figures for the same thing
    anchor: str  # where the claims page shows them


# The kinds of framework whose language's own figures bear on them ("Go: 10-40x faster"): a
# broker or a task queue is not faster because of the language it is written in.
LANGUAGE_FIGURES_FOR = ("web-framework", "realtime")


def figures(catalog: Catalog, outcome: Outcome) -> list[FigureLine]:
    """The ledger's figures about the recommended frameworks, about the language of a recommended
    web or real-time framework, and those that compare another framework with a recommended one
    ("3-4x slower than FastAPI"), one line per comparison of the ledger."""
    ledger = catalog.find(Ledger)
    if ledger is None or not outcome.frameworks:
        return []
    frameworks = set(outcome.frameworks)
    languages = {catalog.framework(f).language for f in frameworks
                 if catalog.framework(f).kind in LANGUAGE_FIGURES_FOR} - {None}
    relevant: dict[tuple[str, str, str | None], list] = {}
    for claim in ledger.claims:
        for subject, baseline in product(claim.subjects, claim.baselines or (None,)):
            if subject in frameworks or baseline in frameworks or subject in languages:
                relevant.setdefault((claim.metric, *scope(catalog, subject, baseline)), []).append(claim)
    found = []
    for comparison in ledger.comparisons:
        claims = relevant.get((comparison.metric, comparison.subject, comparison.baseline))
        if not claims:
            continue
        metric = ledger.metric(comparison.metric)
        about = name_of(catalog, comparison.subject)
        if comparison.baseline:
            about += f" against {name_of(catalog, comparison.baseline)}"
        values = tuple(dict.fromkeys(value_text(c, metric) for c in comparison.claims if c in claims))
        # Where the claims page shows them: the comparison, where the figures differ; else the
        # section of the subject the first claim names (a language read from a framework has none).
        anchor = comparison_anchor(comparison) if comparison.differs else f"subject-{claims[0].subjects[0]}"
        found.append(FigureLine(metric.name, about, values, comparison.differs, anchor))
    return found


def figure_text(line: FigureLine) -> str:
    """'Speed, FastAPI against Django REST Framework: 3–4x, 2–3x, 3x'."""
    return f"{line.metric}, {line.about}: {', '.join(line.values)}"


# ── The guide's decision matrix, and the stack composer ──────────────────────────────────────

def decision_row_of(catalog: Catalog, outcome: Outcome) -> DecisionRow | None:
    rows = decision_rows(catalog)
    return rows[outcome.decision_row - 1] if outcome.decision_row and outcome.decision_row <= len(rows) else None


STACK_PAGE = "stack.md"  # the stack composer (docs/stack.md, macros/views/sections/stack.py)


def stack_query(stack: tuple[tuple[str, str], ...]) -> str:
    """'?full-featured=django-rest-framework&lightweight=gin&...': the composer's address."""
    return "?" + "&".join(f"{use_case}={pick}" for use_case, pick in stack)


def left_cells(catalog: Catalog, tree: DecisionTree, outcome: Outcome) -> list[str]:
    """The matrix cells that paths to the outcome name without holding its frameworks: where its
    `leaves_cell` reason applies ("Rust × Full-featured CRUD")."""
    names = []
    for path in tree.paths_to(outcome.id):
        facts = tree.facts(path)
        if outcome.frameworks and facts.language and facts.use_case:
            cell = catalog.cell(facts.language, facts.use_case)
            if not set(outcome.frameworks) <= cell_members(cell):
                names.append(cell_name(catalog, cell))
    return list(dict.fromkeys(names))
