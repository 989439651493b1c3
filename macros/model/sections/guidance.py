"""The guide's advice beyond the matrix (data/guidance.yaml): the pragmatic path, the real-world
recommendation and "the truth", the decision matrix for polyglots, best practices, real-world
stacks and the talent pool."""

from __future__ import annotations

from dataclasses import dataclass

from ...source.records import at, opt_text, records, refs, text, unique_records
from ...source.report import Report
from ...source.yaml_reader import Path_, YamlDoc
from ..catalog import Catalog
from ..registry import DataSection

LABELS = {"pragmatic_path": "pragmatic path step", "recommendations": "recommendation",
          "decision_matrix": "decision matrix row", "stacks": "stack"}


@dataclass(frozen=True)
class Item:
    """A line of the guide, with the framework and language pages it names."""

    text: str
    frameworks: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    label: str | None = None  # a lead-in before the text: the technology or the step
    id: str | None = None  # for other data to quote this line (see quotes())


@dataclass(frozen=True)
class PathStep:
    id: str
    title: str
    points: tuple[Item, ...]
    frameworks: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: str
    steps: tuple[Item, ...]


@dataclass(frozen=True)
class DecisionRow:
    scenario: str
    choose: str
    why: str
    frameworks: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class RealWorldStack:
    id: str
    name: str
    parts: tuple[Item, ...]


@dataclass(frozen=True)
class Guidance:
    pragmatic_path: tuple[PathStep, ...]
    recommendations: tuple[Recommendation, ...]
    truth: str
    decision_matrix: tuple[DecisionRow, ...]
    do: tuple[Item, ...]
    dont: tuple[Item, ...]
    stacks: tuple[RealWorldStack, ...]
    your_stack_title: str
    your_stack: tuple[Item, ...]
    talent_pool: tuple[Item, ...]

    def all_items(self) -> list[tuple[str, str, Item | PathStep | DecisionRow]]:
        """(section, anchor, line) for every line that can name pages."""
        found: list[tuple[str, str, Item | PathStep | DecisionRow]] = []
        for step in self.pragmatic_path:
            found += [("pragmatic-path", step.id, step)] + [("pragmatic-path", step.id, p) for p in step.points]
        found += [("recommendation", r.id, i) for r in self.recommendations for i in r.steps]
        found += [("decision-matrix", "decision-matrix", row) for row in self.decision_matrix]
        found += [("best-practices", "do", i) for i in self.do] + [("best-practices", "dont", i) for i in self.dont]
        found += [("real-world", s.id, i) for s in self.stacks for i in s.parts]
        found += [("your-stack", "your-stack", i) for i in self.your_stack]
        found += [("talent-pool", "talent-pool", i) for i in self.talent_pool]
        return found


def load(doc: YamlDoc, catalog: Catalog, report: Report) -> Guidance:
    fws, langs = catalog.framework_ids(), catalog.language_ids()

    line_ids: list[tuple[str, Path_]] = []

    def item(path: Path_, r: dict, text_key: str = "text", label_key: str | None = None) -> Item:
        if isinstance(r.get("id"), str):
            line_ids.append((r["id"], (*path, "id")))
        return Item(text=text(r.get(text_key)), label=opt_text(r.get(label_key)) if label_key else None,
                    frameworks=refs(doc, (*path, "frameworks"), fws, "framework", report),
                    languages=refs(doc, (*path, "languages"), langs, "language", report),
                    id=opt_text(r.get("id")))

    def items(path: Path_, text_key: str = "text", label_key: str | None = None) -> tuple[Item, ...]:
        return tuple(item((*path, i), r, text_key, label_key) for i, r in records(doc, path))

    def parts(path: Path_) -> tuple[Item, ...]:
        return items(path, text_key="role", label_key="tech")

    steps = unique_records(doc, ("pragmatic_path",), report, "pragmatic path step")
    audiences = unique_records(doc, ("recommendations",), report, "recommendation")
    stacks = unique_records(doc, ("real_world", "stacks"), report, "stack")
    guidance = Guidance(
        pragmatic_path=tuple(
            PathStep(id=sid, title=text(r.get("title")), points=items(("pragmatic_path", i, "points")),
                     frameworks=refs(doc, ("pragmatic_path", i, "frameworks"), fws, "framework", report),
                     languages=refs(doc, ("pragmatic_path", i, "languages"), langs, "language", report),
                     note=opt_text(r.get("note")))
            for sid, (i, r) in steps.items()),
        recommendations=tuple(Recommendation(id=rid, title=text(r.get("title")), steps=items(("recommendations", i, "steps")))
                              for rid, (i, r) in audiences.items()),
        truth=text(at(doc.data, ("truth",))),
        decision_matrix=tuple(
            DecisionRow(scenario=text(r.get("scenario")), choose=text(r.get("choose")), why=text(r.get("why")),
                        frameworks=refs(doc, ("decision_matrix", i, "frameworks"), fws, "framework", report),
                        languages=refs(doc, ("decision_matrix", i, "languages"), langs, "language", report))
            for i, r in records(doc, ("decision_matrix",))),
        do=items(("best_practices", "do")),
        dont=items(("best_practices", "dont")),
        stacks=tuple(RealWorldStack(id=sid, name=text(r.get("name")), parts=parts(("real_world", "stacks", i, "parts")))
                     for sid, (i, r) in stacks.items()),
        your_stack_title=text(at(doc.data, ("real_world", "your_stack", "title"))),
        your_stack=parts(("real_world", "your_stack", "steps")),
        talent_pool=parts(("real_world", "talent_pool")),
    )
    _check_quoted_ids(doc, report, {"pragmatic_path": steps, "recommendations": audiences}, line_ids)
    return guidance


# ── Lines that other data quotes by id ({guidance: <id>} in data/decision_tree.yaml) ─────────

TRUTH, YOUR_STACK = "truth", "your-stack"  # the ids of the two sections that have none in the data


def line(item: Item) -> str:
    """An item as one line of text: "**Start:** Django for everything" when it has a lead-in."""
    return f"**{item.label}:** {item.text}" if item.label else item.text


def quotable_lines(guidance: Guidance) -> dict[str, tuple[str, ...]]:
    """The lines other data may quote, by id: a pragmatic path step (its points), a
    recommendation (its steps), `your-stack` (its steps), `truth`, and every line with an id."""
    found = {TRUTH: (guidance.truth,), YOUR_STACK: tuple(line(i) for i in guidance.your_stack)}
    found |= {step.id: tuple(line(p) for p in step.points) for step in guidance.pragmatic_path}
    found |= {r.id: tuple(line(i) for i in r.steps) for r in guidance.recommendations}
    found |= {i.id: (line(i),) for _, _, i in guidance.all_items() if isinstance(i, Item) and i.id}
    return found


def _check_quoted_ids(doc: YamlDoc, report: Report, quotable: dict[str, dict], line_ids: list[tuple[str, Path_]]) -> None:
    """A quoted id names one thing: a line's id repeats no other line's, step's or
    recommendation's id, nor the name of a section."""
    taken: dict[str, str] = {TRUTH: "the section `truth`", YOUR_STACK: "the section `your_stack`"}
    for key, by_id in quotable.items():
        for rid, (index, _) in by_id.items():
            taken.setdefault(rid, f"the {LABELS[key]} at line {doc.line_of((key, index))}")
    for lid, path in line_ids:
        if lid in taken:
            report.add(doc, path, f"{{field}} '{lid}' is already the id of {taken[lid]}; "
                                  "the ids other data quotes must be unique")
        else:
            taken[lid] = f"the line at line {doc.line_of(path)}"


SECTION = DataSection(file="guidance", model=Guidance, load=load, labels=LABELS)
