"""The decision tree of data/decision_tree.yaml: its records, its loading, and the graph checks.

Questions and outcomes share one id space (an answer's `next` names either). The checks: no
answer leads to an unknown id, no cycles, every question and outcome reachable from the start,
no question without answers (a dead end), labels unique within a question, answers of one
question leading to different places (the wizard's URL names the path by these ids), and every
framework, language and use case known. Together they make every path end in an outcome.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ...source.records import opt_text, refs, unique_records
from ...source.report import Report
from ...source.yaml_reader import YamlDoc
from .. import quotes
from ..catalog import Catalog
from ..registry import DataSection


@dataclass(frozen=True)
class Option:
    label: str
    implies: str
    next: str


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    options: tuple[Option, ...]
    help: str | None = None


@dataclass(frozen=True)
class CellRef:
    language: str
    use_case: str


@dataclass(frozen=True)
class SeeAlso:
    page: str  # source path of a page of the site, e.g. "architecture/index.md"
    text: str


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    summary: str
    frameworks: tuple[str, ...]
    reasons: tuple[str, ...]  # quotes already resolved into their lines (macros/quotes.py)
    alternatives: tuple[str, ...] = ()
    reality_check: tuple[str, ...] = ()  # its lines: one text, or the lines of a quote
    matrix_cell: CellRef | None = None
    see_also: tuple[SeeAlso, ...] = ()


@dataclass(frozen=True)
class Step:
    """One answer on a path: option `option` (0-based) of question `question`."""

    question: str
    option: int


Path = tuple[Step, ...]


@dataclass(frozen=True)
class DecisionTree:
    start: str
    questions: Mapping[str, Question]
    outcomes: Mapping[str, Outcome]

    def option(self, step: Step) -> Option:
        return self.questions[step.question].options[step.option]

    def end_of(self, path: Path) -> str:
        """The outcome id a complete path leads to."""
        return self.option(path[-1]).next

    def paths(self) -> tuple[Path, ...]:
        """Every path from the start to an outcome, depth first in the order of the answers."""
        return tuple(self._paths_from(self.start, ()))

    def _paths_from(self, node: str, prefix: Path) -> Iterator[Path]:
        if node not in self.questions or any(s.question == node for s in prefix):
            return  # an outcome, or (in data that failed validation) a cycle
        for index, option in enumerate(self.questions[node].options):
            path = (*prefix, Step(node, index))
            if option.next in self.outcomes:
                yield path
            else:
                yield from self._paths_from(option.next, path)

    def paths_to(self, outcome_id: str) -> tuple[Path, ...]:
        return tuple(p for p in self.paths() if self.end_of(p) == outcome_id)

    def url_path(self, path: Path) -> str:
        """The ids an answer path visits after the start, as the wizard's URL names them."""
        return "/".join(self.option(step).next for step in path)


# ── Loading ─────────────────────────────────────────────────────────────────────────────────

def load(doc: YamlDoc, catalog: Catalog, report: Report) -> DecisionTree:
    data = doc.data if isinstance(doc.data, dict) else {}
    question_records = unique_records(doc, ("questions",), report, "question")
    outcome_records = unique_records(doc, ("outcomes",), report, "outcome")
    for oid, (index, _) in outcome_records.items():
        if oid in question_records:
            line = doc.line_of(("questions", question_records[oid][0]))
            report.add(doc, ("outcomes", index, "id"),
                       f"id '{oid}' is also the id of a question (line {line}); questions and outcomes share one set of ids")

    questions = {qid: _question(doc, ("questions", index), record, question_records, outcome_records, report)
                 for qid, (index, record) in question_records.items()}
    outcomes = {oid: _outcome(doc, ("outcomes", index), record, catalog, report)
                for oid, (index, record) in outcome_records.items()}
    tree = DecisionTree(start=opt_text(data.get("start")) or "", questions=MappingProxyType(questions),
                        outcomes=MappingProxyType(outcomes))

    start_ok = _check_start(doc, tree, report)
    _check_cycles(doc, tree, question_records, report)
    if start_ok:
        _check_reachable(doc, tree, question_records, outcome_records, report)
    return tree


def _question(doc: YamlDoc, base: tuple, record: dict, questions: dict, outcomes: dict, report: Report) -> Question:
    known = set(questions) | set(outcomes)
    raw = record.get("options") if isinstance(record.get("options"), list) else []
    if "options" in record and not raw:
        report.add(doc, (*base, "options"),
                   "{field}: no answers, so a path that reaches this question ends without an outcome (a dead end)")
    options, labels, targets = [], {}, {}
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            continue
        path = (*base, "options", index)
        label, target = opt_text(item.get("label")), opt_text(item.get("next"))
        if label is not None:
            key = _normalised(label)
            if key in labels:
                report.add(doc, (*path, "label"), f"{{field}} '{label}' is the same as options[{labels[key]}].label; "
                                                  "answers of a question need different labels")
            labels.setdefault(key, index)
        if target is not None:
            if target not in known:
                report.unknown(doc, (*path, "next"), target, "question or outcome", known)
            elif target in targets:
                report.add(doc, (*path, "next"), f"{{field}} '{target}' is also where options[{targets[target]}] leads; "
                                                 "answers of a question must lead to different places")
            targets.setdefault(target, index)
        if label is not None and target is not None:
            options.append(Option(label=label, implies=opt_text(item.get("implies")) or "", next=target))
    return Question(id=record["id"], question=opt_text(record.get("question")) or record["id"],
                    options=tuple(options), help=opt_text(record.get("help")))


def _normalised(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip().casefold()


def _outcome(doc: YamlDoc, base: tuple, record: dict, catalog: Catalog, report: Report) -> Outcome:
    frameworks = _framework_refs(doc, (*base, "frameworks"), catalog, report)
    alternatives = _framework_refs(doc, (*base, "alternatives"), catalog, report)
    for index, fid in enumerate(alternatives):
        if fid in frameworks:
            report.add(doc, (*base, "alternatives", index), f"{{field}} '{fid}' is already a recommended framework")
    return Outcome(
        id=record["id"], title=opt_text(record.get("title")) or record["id"], summary=opt_text(record.get("summary")) or "",
        frameworks=frameworks, reasons=quotes.lines_of_list(doc, (*base, "reasons"), record.get("reasons"), catalog, report),
        alternatives=alternatives,
        reality_check=quotes.lines(doc, (*base, "reality_check"), record["reality_check"], catalog, report)
        if "reality_check" in record else (),
        matrix_cell=_cell_ref(doc, (*base, "matrix_cell"), record.get("matrix_cell"), catalog, report),
        see_also=tuple(SeeAlso(page=i["page"], text=i["text"]) for i in record.get("see_also") or []
                       if isinstance(i, dict) and isinstance(i.get("page"), str) and isinstance(i.get("text"), str)),
    )


def _framework_refs(doc: YamlDoc, path: tuple, catalog: Catalog, report: Report) -> tuple[str, ...]:
    return refs(doc, path, catalog.framework_ids(), "framework", report)


def _cell_ref(doc: YamlDoc, path: tuple, value: Any, catalog: Catalog, report: Report) -> CellRef | None:
    if not isinstance(value, dict):
        return None
    language, use_case = value.get("language"), value.get("use_case")
    languages, use_cases = [x.id for x in catalog.languages], [u.id for u in catalog.use_cases]
    ok = isinstance(language, str) and isinstance(use_case, str)
    # A missing or broken file of languages or use cases is reported once, not per reference.
    if isinstance(language, str) and languages and language not in languages:
        report.unknown(doc, (*path, "language"), language, "language", languages)
        ok = False
    if isinstance(use_case, str) and use_cases and use_case not in use_cases:
        report.unknown(doc, (*path, "use_case"), use_case, "use case", use_cases)
        ok = False
    if ok and (language, use_case) not in {(c.language, c.use_case) for c in catalog.cells}:
        return None  # the matrix reports the missing cell itself
    return CellRef(language, use_case) if ok else None


# ── Graph checks ───────────────────────────────────────────────────────────────────────────

def _check_start(doc: YamlDoc, tree: DecisionTree, report: Report) -> bool:
    if not tree.start:
        return False
    if tree.start in tree.outcomes:
        report.add(doc, ("start",), f"{{field}} '{tree.start}' is an outcome; the tree must start with a question")
        return False
    if tree.start not in tree.questions:
        report.unknown(doc, ("start",), tree.start, "question", tree.questions)
        return False
    return True


def _check_cycles(doc: YamlDoc, tree: DecisionTree, records: dict, report: Report) -> None:
    """Depth-first search from the start, then from every question not yet seen; each answer
    that leads back to a question on the current path closes a cycle."""
    done: set[str] = set()
    order = [tree.start] * (tree.start in tree.questions) + list(tree.questions)

    def visit(node: str, trail: list[str]) -> None:
        trail.append(node)
        for index, option in enumerate(tree.questions[node].options):
            if option.next in trail:
                loop = " → ".join([*trail[trail.index(option.next):], option.next])
                report.add(doc, ("questions", records[node][0], "options", index, "next"),
                           f"{{field}} '{option.next}' closes a cycle ({loop}); every path must end in an outcome")
            elif option.next in tree.questions and option.next not in done:
                visit(option.next, trail)
        trail.pop()
        done.add(node)

    for node in order:
        if node not in done:
            visit(node, [])


def _check_reachable(doc: YamlDoc, tree: DecisionTree, questions: dict, outcomes: dict, report: Report) -> None:
    seen, queue = {tree.start}, [tree.start]
    while queue:
        node = queue.pop()
        for option in tree.questions[node].options if node in tree.questions else ():
            if option.next not in seen:
                seen.add(option.next)
                queue.append(option.next)
    for qid, (index, _) in questions.items():
        if qid not in seen:
            report.add(doc, ("questions", index), f"unreachable: no answer on any path from the start "
                                                  f"'{tree.start}' leads to this question")
    for oid, (index, _) in outcomes.items():
        if oid not in seen:
            report.add(doc, ("outcomes", index), f"unreachable: no answer on any path from the start "
                                                 f"'{tree.start}' leads to this outcome")


SECTION = DataSection(file="decision_tree", model=DecisionTree, load=load,
                      labels={"questions": "question", "outcomes": "outcome"},
                      after=quotes.AFTER)  # outcomes quote the guide's lines from other files
