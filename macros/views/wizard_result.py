"""What a wizard result shows beyond the outcome's own record, gathered from the catalog: the
reality checks and the pros and cons of the recommended frameworks and of the matrix cell.
Shared by the outcome pages and the published JSON, so both say the same."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import routes
from ..model.catalog import Catalog
from ..model.core import Cell
from ..model.sections.decision_tree import Outcome


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
