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
from ..model.sections.facts import Facts, FrameworkFacts, Unknown
from .blocks import RATIONALE_SECTIONS, join
from .figures import comparison_anchor, name_of, range_text
from .sections.facts import STATUS_NAMES
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
FACTS_PREFIX = "facts."
COMPUTED = ("claims", "facts")  # field types whose values the site computes (published as they show)
# Facts beyond the guide (data/facts.yaml), after the guide's own fields: (key, label).
FACT_FIELDS = (("license", "Licence"), ("latest", "Latest version"), ("status", "Status"), ("links", "Links"))


def fields(catalog: Catalog) -> tuple[Field, ...]:
    """FIELDS, a row per metric the claims ledger has figures for, then the facts beyond the guide
    (each where its section is loaded)."""
    out = FIELDS
    ledger = catalog.find(Ledger)
    if ledger is not None:
        used = [m for m in ledger.metrics if any(c.metric == m.id for c in ledger.claims)]
        out += tuple(Field(f"{CLAIMS_PREFIX}{m.id}", m.name, "claims") for m in used)
    if catalog.find(Facts) is not None:
        out += tuple(Field(f"{FACTS_PREFIX}{key}", label, "facts") for key, label in FACT_FIELDS)
    return out


@dataclass(frozen=True)
class Figure:
    """The guide's figures about a framework for one metric, as one value: the range across
    everything the guide says (against every baseline it names), and where the guide gives
    different figures, the anchor of that disagreement on the claims page."""

    metric: str
    text: str  # "2–4x against Django REST Framework"
    differs: str | None = None


def figures_of(catalog: Catalog, fw: Framework) -> tuple[Figure, ...]:
    ledger = catalog.find(Ledger)
    if ledger is None:
        return ()
    groups: dict[str, list] = {}
    for claim in ledger.claims:
        if fw.id in claim.subjects:
            groups.setdefault(claim.metric, []).append(claim)
    figures = []
    for metric_id, claims in groups.items():
        metric = ledger.metric(metric_id)
        baselines = tuple(dict.fromkeys(b for c in claims for b in c.baselines))
        low, high = min(c.span[0] for c in claims), max(c.span[1] for c in claims)
        text = range_text(low, high, metric, approx=any(c.approx for c in claims))
        against = " / ".join(plain(name_of(catalog, b)) for b in baselines)
        disagreement = next((d for d in ledger.disagreements if any(c in d.claims for c in claims)), None)
        figures.append(Figure(metric_id, f"{text} against {against}" if against else text,
                              comparison_anchor(disagreement) if disagreement else None))
    return tuple(figures)


EMPTY = Markup('<span aria-hidden="true">—</span><span class="visually-hidden">not stated</span>')


@dataclass(frozen=True)
class Item:
    text: str
    href: str | None = None  # a site path ("frameworks/gin.md") with an optional "#anchor"
    # More of the link's name, for assistive technology and crawlers only: a language's tagline
    # after its name (a link named "Go" alone reads like a command), as blocks.language_name does.
    hidden: str | None = None
    url: str | None = None  # an address outside the site (a fact's link or source)
    note: tuple[str, str] | None = None  # (text, site path#anchor) after the item, in brackets


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


DIFFERS = "the guide's figures differ"


def _fact_items(record: FrameworkFacts | None, key: str) -> tuple[Item, ...]:
    if record is None:
        return ()
    if key == "links":
        return tuple(Item(label, url=fact.value) for label, fact in record.links())
    fact = getattr(record, key)
    if isinstance(fact, Unknown):
        return (Item("Unknown"),)
    if key == "latest":
        when = f", released {fact.value.date}" if fact.value.date else ""
        return (Item(f"{fact.value.version}{when} (as of {fact.checked})", url=fact.source),)
    if key == "status":
        status = fact.value
        text = STATUS_NAMES.get(status.value, status.value)
        items = [Item(text, url=fact.source)]
        if status.successor:
            items.append(Item(f"successor: {status.successor.name}", url=status.successor.url))
        return tuple(items)
    return (Item(str(fact.value), url=fact.source),)


def value_of(catalog: Catalog, fw: Framework, field: Field) -> Value:
    if field.type == "claims":
        metric = field.key.removeprefix(CLAIMS_PREFIX)
        items = tuple(Item(f.text, note=(DIFFERS, f"{routes.CLAIMS}#{f.differs}") if f.differs else None)
                      for f in figures_of(catalog, fw) if f.metric == metric)
        return (Group(None, items),) if items else ()
    if field.type == "facts":
        facts = catalog.find(Facts)
        items = _fact_items(facts.of(fw.id) if facts else None, field.key.removeprefix(FACTS_PREFIX))
        return (Group(None, items),) if items else ()
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
    if item.url is not None:
        html = Markup('<a href="{}">{}</a>').format(item.url, inline(item.text))
    elif item.href is None:
        html = inline(item.text)
    else:
        path, _, anchor = item.href.partition("#")
        hidden = Markup('<span class="visually-hidden">: {}</span>').format(inline(item.hidden)) if item.hidden else Markup("")
        html = Markup('<a href="{}">{}{}</a>').format(link.href(path, anchor or None), inline(item.text), hidden)
    if item.note is not None:
        text, target = item.note
        path, _, anchor = target.partition("#")
        html += Markup(' (<a href="{}">{}</a>)').format(link.href(path, anchor or None), text)
    return html


# Short values read on one line: names, links and figures ("10,000 req/sec" needs "; ").
INLINE_SEPARATORS = {"language": ", ", "kind": ", ", "use_cases": ", ", "cells": ", ", "claims": "; ", "facts": " · "}


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


FIGURES_NOTE = ("Speed, memory and the other figures are the guide's own rules of thumb, not measurements: "
                "each is the range of what the guide says, marked where its figures differ. Licence, version, "
                "status and links are facts beyond the guide, with their sources.")


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
