"""Frameworks side by side: one row per field, one column per framework.

The curated comparison pages render these rows here; the compare-any page computes the same rows
in the browser (docs/assets/js/compare-core.mjs) from api/frameworks.json, which publishes the fields.
Both follow the same rules:
  - a rationale field shows the framework's own value, then the value of each matrix cell where
    it is an option on its own ("For Go × Lightweight microservices:"), because the guide often
    argues for a cell (Gin / Echo) rather than for one framework;
  - with the claims ledger (data/claims.yaml), one row per metric shows the guide's figures about
    the framework (figures about a whole language stay on the language's page);
  - adjacent columns with the same value share one cell (colspan), so shared facts read once;
  - a row empty for every framework is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..model import routes
from ..model.catalog import Catalog
from ..model.core import Cell, Framework
from ..model.routes import Linker
from ..model.sections.claims import Ledger
from .blocks import RATIONALE_SECTIONS, join
from .figures import name_of, value_text
from .text import inline, plain


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    # text: the framework's own text; language / kind / use_cases / cells: links or names looked
    # up from the data; rationale: own value, then the values of the framework's matrix cells;
    # claims: the guide's figures of one metric (key "claims.<metric id>").
    type: str
    is_list: bool = False


FIELDS: tuple[Field, ...] = (
    Field("summary", "What it is", "text"),
    Field("language", "Language", "language"),
    Field("kind", "Kind", "kind"),
    Field("matrix", "In the matrix", "cells", is_list=True),
    *(Field(name, label, "rationale", is_list=name not in ("use_when", "best_for"))
      for name, label in RATIONALE_SECTIONS),
    Field("reality_check", "Reality check", "rationale"),
)

CLAIMS_PREFIX = "claims."


def fields(catalog: Catalog) -> tuple[Field, ...]:
    """FIELDS, then a row per metric the claims ledger has figures for (when the feature is on)."""
    ledger = catalog.find(Ledger)
    if ledger is None:
        return FIELDS
    used = [m for m in ledger.metrics if any(c.metric == m.id for c in ledger.claims)]
    return FIELDS + tuple(Field(f"{CLAIMS_PREFIX}{m.id}", m.name, "claims") for m in used)


@dataclass(frozen=True)
class ClaimEntry:
    metric: str
    source: str | None  # None: about the framework itself (the only kind so far)
    text: str  # "2–3x against Django REST Framework"


def claim_entries(catalog: Catalog, fw: Framework) -> tuple[ClaimEntry, ...]:
    """The guide's figures about a framework."""
    ledger = catalog.find(Ledger)
    if ledger is None:
        return ()

    def text(claim) -> str:
        figure = value_text(claim, ledger.metric(claim.metric))
        against = " / ".join(plain(name_of(catalog, b)) for b in claim.baselines)
        return f"{figure} against {against}" if against else figure

    # The guide repeats some figures in several places; each reads once here.
    return tuple(dict.fromkeys(ClaimEntry(c.metric, None, text(c)) for c in ledger.claims if fw.id in c.subjects))


EMPTY = Markup('<span aria-hidden="true">—</span><span class="visually-hidden">not stated</span>')


@dataclass(frozen=True)
class Item:
    text: str
    href: str | None = None  # a site path ("frameworks/gin.md") with an optional "#anchor"
    # More of the link's name, for assistive technology and crawlers only: a language's tagline
    # after its name (a link named "Go" alone reads like a command), as blocks.language_name does.
    hidden: str | None = None


@dataclass(frozen=True)
class Group:
    source: str | None  # None: the framework's own record; else the matrix cell it comes from
    items: tuple[Item, ...]


Value = tuple[Group, ...]


@dataclass(frozen=True)
class Row:
    field: Field
    values: tuple[Value, ...]  # one per framework, in column order

    @property
    def same(self) -> bool:
        return len(set(self.values)) == 1


def compare_any_href(catalog: Catalog, link: Linker, framework_ids: Iterable[str]) -> str:
    """The compare-any address for a set of frameworks, in the one canonical order (data order),
    so a set always has the same address."""
    wanted = set(framework_ids)
    ordered = [f.id for f in catalog.frameworks if f.id in wanted]
    return link.href(routes.COMPARE) + "?frameworks=" + ",".join(ordered)


def cell_label(catalog: Catalog, cell: Cell) -> str:
    return f"{catalog.language(cell.language).name} × {catalog.use_case(cell.use_case).short_name}"


def value_of(catalog: Catalog, fw: Framework, field: Field) -> Value:
    if field.type == "claims":
        entries = [e for e in claim_entries(catalog, fw) if e.metric == field.key.removeprefix(CLAIMS_PREFIX)]
        sources = dict.fromkeys(e.source for e in entries)
        return tuple(Group(source, tuple(Item(e.text) for e in entries if e.source == source)) for source in sources)
    own = _own(catalog, fw, field)
    groups = [Group(None, own)] if own else []
    if field.type == "rationale":
        for cell in catalog.cells_of(fw.id):
            if (fw.id,) not in cell.options:
                continue  # only part of a combination (Celery + RabbitMQ): the cell's words are not about it
            items = _texts(getattr(cell.rationale, field.key))
            if items:
                groups.append(Group(cell_label(catalog, cell), items))
    return tuple(groups)


def _texts(value) -> tuple[Item, ...]:
    if not value:
        return ()
    return (Item(value),) if isinstance(value, str) else tuple(Item(v) for v in value)


def _own(catalog: Catalog, fw: Framework, field: Field) -> tuple[Item, ...]:
    if field.type == "text":
        return _texts(getattr(fw, field.key))
    if field.type == "language":
        if fw.language is None:
            return (Item(fw.other_language or "Any (language-agnostic)"),)
        language = catalog.language(fw.language)
        return (Item(language.name, routes.language(fw.language), hidden=language.tagline),)
    if field.type == "kind":
        return (Item(catalog.kind(fw.kind).name),)
    if field.type == "use_cases":
        return tuple(Item(catalog.use_case(u).short_name, routes.use_case(u)) for u in fw.use_cases)
    if field.type == "cells":
        return tuple(Item(cell_label(catalog, c), f"{routes.language(c.language)}#{c.use_case}")
                     for c in catalog.cells_of(fw.id))
    return _texts(getattr(fw.rationale, field.key))


def rows(catalog: Catalog, framework_ids: Sequence[str]) -> list[Row]:
    frameworks = [catalog.framework(fid) for fid in framework_ids]
    out = []
    for field in fields(catalog):
        values = tuple(value_of(catalog, fw, field) for fw in frameworks)
        if any(values):
            out.append(Row(field, values))
    return out


def merged(values: Sequence[Value]) -> list[tuple[Value, int]]:
    """Runs of adjacent equal, non-empty values as (value, span)."""
    runs: list[tuple[Value, int]] = []
    for value in values:
        if runs and value and runs[-1][0] == value:
            runs[-1] = (value, runs[-1][1] + 1)
        else:
            runs.append((value, 1))
    return runs


# ── HTML ─────────────────────────────────────────────────────────────────────────────────

def _item_html(link: Linker, item: Item) -> Markup:
    if item.href is None:
        return inline(item.text)
    path, _, anchor = item.href.partition("#")
    hidden = Markup('<span class="visually-hidden">: {}</span>').format(inline(item.hidden)) if item.hidden else Markup("")
    return Markup('<a href="{}">{}{}</a>').format(link.href(path, anchor or None), inline(item.text), hidden)


# Short values read on one line: names, links and figures ("10,000 req/sec" needs "; ").
INLINE_SEPARATORS = {"language": ", ", "kind": ", ", "use_cases": ", ", "cells": ", ", "claims": "; "}


def _group_html(link: Linker, field: Field, group: Group) -> Markup:
    items = [_item_html(link, item) for item in group.items]
    if field.type in INLINE_SEPARATORS:
        label = Markup('<span class="compare-source">For {}:</span> ').format(group.source) if group.source else Markup("")
        return Markup("<p>{}{}</p>").format(label, join(items, INLINE_SEPARATORS[field.type]))
    source = Markup('<p class="compare-source">For {}:</p>').format(group.source) if group.source else Markup("")
    if field.is_list:
        body = Markup("<ul>{}</ul>").format(join(Markup("<li>{}</li>").format(i) for i in items))
    else:
        body = join(Markup("<p>{}</p>").format(i) for i in items)
    return source + body


def value_html(link: Linker, field: Field, value: Value) -> Markup:
    return join(_group_html(link, field, g) for g in value) if value else EMPTY


FIGURES_NOTE = ("Speed, memory and the other figures are the guide's own rules of thumb, as it states them, "
                "not measurements.")


def figures_note(link: Linker, hidden: bool = False) -> Markup:
    """The note under figures; hidden until the compare-any script shows figures."""
    return Markup('<p class="compare-figures-note"{}>{} <a href="{}">All of the guide\'s figures</a>.</p>').format(
        Markup(" hidden") if hidden else "", FIGURES_NOTE, link.href(routes.CLAIMS))


def who(names: Sequence[str]) -> str:
    """Whose value a cell holds, as the phone layout labels it: 'Gin', 'Gin and Echo', 'Gin, Echo and Axum'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def table_html(catalog: Catalog, link: Linker, framework_ids: Sequence[str], table_id: str) -> Markup:
    """One column per framework on wide screens; on a phone (compare.css) one card per field, each
    value labelled with its framework (`compare-who`, hidden on wide screens), so every framework
    shows without sideways scrolling."""
    names = [plain(catalog.framework(fid).name) for fid in framework_ids]
    head = join(
        Markup('<th scope="col"><a href="{}">{}</a></th>').format(link.href(routes.framework(fid)), inline(catalog.framework(fid).name))
        for fid in framework_ids
    )
    body = []
    table_rows = rows(catalog, framework_ids)
    for row in table_rows:
        cells, start = [], 0
        for value, span in merged(row.values):
            cells.append(Markup('<td{}><p class="compare-who">{}</p>{}</td>').format(
                Markup(' colspan="{}"').format(span) if span > 1 else Markup(""), who(names[start:start + span]),
                value_html(link, row.field, value)))
            start += span
        cells = join(cells)
        same = Markup(' data-same=""') if row.same else Markup("")
        body.append(Markup('<tr data-field="{}"{}><th scope="row">{}</th>{}</tr>').format(row.field.key, same, row.field.label, cells))
    return Markup(
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table compare-table">'
        '<table id="{}"><thead><tr><th scope="col"><span class="visually-hidden">Field</span></th>{}</tr></thead>'
        "<tbody>{}</tbody></table></div></div>{}"
    ).format(table_id, head, join(body), figures_note(link) if any(r.field.type == "claims" for r in table_rows) else "")
