"""The decision tree of data/decision_tree.yaml: its records, its loading, and its checks.

Questions and outcomes share one id space (an answer's `next` names either). The graph checks:
no answer leads to an unknown id, no cycles, every question and outcome reachable from the start,
no question without answers (a dead end), labels unique within a question, answers of one
question leading to different places (the wizard's URL names the path by these ids), and every
framework, language and use case known. Together they make every path end in an outcome.

Then what the paths say, checked once the graph and the rest of the data are sound (one mistake,
one message): each path names a matrix cell through the last `language` and `use_case` its
answers set, and the outcome's frameworks sit in that cell unless the outcome quotes the guide's
reason for leaving it; a language of `expertise_required` is recommended only after an answer
that confirms the expertise or says the language is already in use; every matrix cell and every
row of the guide's decision matrix is reached by some path. A question that asks the language
offers each language or says why not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import Any

from ...source.records import items_of, opt_text, ref, refs, unique_records
from ...source.report import Report
from ...source.yaml_reader import YamlDoc
from .. import quotes
from ..catalog import Catalog
from ..core import Cell
from ..registry import DataSection
from .guidance import DecisionRow, Guidance


@dataclass(frozen=True)
class Option:
    label: str
    implies: str
    next: str
    language: str | None = None  # the path's language from this answer on
    use_case: str | None = None  # the path's use case from this answer on
    expertise: str | None = None  # the answer confirms expertise in this language
    in_use: bool = False  # the reader already runs `language` there


@dataclass(frozen=True)
class Absent:
    language: str
    why: str


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    options: tuple[Option, ...]
    help: str | None = None
    asks: str | None = None  # "language": the question asks which language
    absent: tuple[Absent, ...] = ()


@dataclass(frozen=True)
class CellRef:
    language: str
    use_case: str


@dataclass(frozen=True)
class SeeAlso:
    page: str  # source path of a page of the site, e.g. "architecture/index.md"
    text: str


@dataclass(frozen=True)
class SiteNote:
    """What the site adds beyond the guide, with the source it was checked against."""

    text: str
    source: str
    checked: str


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    summary: str
    frameworks: tuple[str, ...]  # none only for an outcome with a site note instead
    reasons: tuple[str, ...]  # quotes already resolved into their lines (macros/model/quotes.py)
    alternatives: tuple[str, ...] = ()
    reality_check: tuple[str, ...] = ()  # its lines: one text, or the lines of a quote
    matrix_cell: CellRef | None = None
    see_also: tuple[SeeAlso, ...] = ()
    leaves_cell: tuple[str, ...] = ()  # the guide's reason for leaving a path's cell, resolved
    decision_row: int | None = None  # 1-based row of the guide's decision matrix
    stack: tuple[tuple[str, str], ...] = ()  # (use case id, framework id), in the use cases' order
    site_note: SiteNote | None = None


@dataclass(frozen=True)
class Step:
    """One answer on a path: option `option` (0-based) of question `question`."""

    question: str
    option: int


Path = tuple[Step, ...]


@dataclass(frozen=True)
class PathFacts:
    """What the answers of a path set: the cell it names, and the step that set each part."""

    language: str | None = None
    use_case: str | None = None
    language_step: Step | None = None
    use_case_step: Step | None = None
    expertise: frozenset[str] = frozenset()
    in_use: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DecisionTree:
    start: str
    questions: Mapping[str, Question]
    outcomes: Mapping[str, Outcome]
    expertise_required: tuple[str, ...] = ()

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

    def path_count(self) -> int:
        """How many paths there are, counted without listing them (a tree of a few dozen
        questions can hold millions)."""
        counts: dict[str, int] = {}

        def count(node: str, trail: frozenset[str]) -> int:
            if node not in self.questions:
                return 1
            if node in trail:
                return 0  # a cycle, in data that failed validation
            if node not in counts:
                counts[node] = sum(count(o.next, trail | {node}) for o in self.questions[node].options)
            return counts[node]

        return count(self.start, frozenset()) if self.start in self.questions else 0

    def paths_to(self, outcome_id: str) -> tuple[Path, ...]:
        return tuple(p for p in self.paths() if self.end_of(p) == outcome_id)

    def url_path(self, path: Path) -> str:
        """The ids an answer path visits after the start, as the wizard's URL names them."""
        return "/".join(self.option(step).next for step in path)

    def trail(self, path: Path) -> str:
        """The path in messages: 'building → light-job → fastapi-ml' (question and answer ids)."""
        return " → ".join([self.start, *self.url_path(path).split("/")])

    def facts(self, path: Path) -> PathFacts:
        language = use_case = language_step = use_case_step = None
        expertise, in_use = set(), set()
        for step in path:
            option = self.option(step)
            if option.language:
                language, language_step = option.language, step
                if option.in_use:
                    in_use.add(option.language)
            if option.use_case:
                use_case, use_case_step = option.use_case, step
            if option.expertise:
                expertise.add(option.expertise)
        return PathFacts(language, use_case, language_step, use_case_step, frozenset(expertise), frozenset(in_use))


# ── The composer's picks (shared with the stack composer) ──────────────────────────────────

def picks(catalog: Catalog, use_case_id: str) -> tuple[tuple[str, ...], ...]:
    """The options of a use case's column of the matrix, in matrix order, each once: what the
    stack composer offers for that use case. An option is named by its first framework id."""
    found: dict[str, tuple[str, ...]] = {}
    for cell in catalog.cells:
        if cell.use_case == use_case_id:
            for option in cell.options:
                found.setdefault(option[0], option)
    return tuple(found.values())


def cell_members(cell: Cell) -> set[str]:
    """The frameworks a cell holds; for a cell empty by design, those it says to use instead."""
    if cell.none_by_design:
        return {fid for item in cell.none_by_design.instead for fid in item.frameworks}
    return set(cell.framework_ids)


# ── Loading ─────────────────────────────────────────────────────────────────────────────────

MAX_PATHS = 1000  # the browser tests walk every path


def load(doc: YamlDoc, catalog: Catalog, report: Report) -> DecisionTree:
    data = doc.data if isinstance(doc.data, dict) else {}
    question_records = unique_records(doc, ("questions",), report, "question")
    outcome_records = unique_records(doc, ("outcomes",), report, "outcome")
    for oid, (index, _) in outcome_records.items():
        if oid in question_records:
            line = doc.line_of(("questions", question_records[oid][0]))
            report.add(doc, ("outcomes", index, "id"),
                       f"id '{oid}' is also the id of a question (line {line}); questions and outcomes share one set of ids")

    languages = catalog.language_ids()
    gated = tuple(x for x in data.get("expertise_required") or () if isinstance(x, str))
    for language in gated:
        if languages and language not in languages:  # one list, one line: named by its value
            report.unknown(doc, ("expertise_required",), language, "language", languages)
    questions = {qid: _question(doc, ("questions", index), record, question_records, outcome_records, catalog, gated, report)
                 for qid, (index, record) in question_records.items()}
    outcomes = {oid: _outcome(doc, ("outcomes", index), record, catalog, report)
                for oid, (index, record) in outcome_records.items()}
    tree = DecisionTree(start=opt_text(data.get("start")) or "", questions=MappingProxyType(questions),
                        outcomes=MappingProxyType(outcomes), expertise_required=gated)

    start_ok = _check_start(doc, tree, report)
    _check_cycles(doc, tree, question_records, report)
    if start_ok:
        _check_reachable(doc, tree, question_records, outcome_records, report)
    # What the answers and paths say is only worth checking on a sound graph and sound data:
    # otherwise one mistake (an unknown id, a broken matrix) would come back as a cascade.
    if start_ok and not report.errors and tree.path_count() > MAX_PATHS:
        report.add(doc, ("start",), f"{{field}}: the tree has {tree.path_count()} paths from '{tree.start}', more than "
                                    f"{MAX_PATHS}: every path is a result to check, on the site and in the tests")
    if start_ok and not report.errors and catalog.cells:
        TreeChecks(doc, catalog, tree, question_records, outcome_records, report).run()
    return tree


def _question(doc: YamlDoc, base: tuple, record: dict, questions: dict, outcomes: dict, catalog: Catalog,
              gated: tuple[str, ...], report: Report) -> Question:
    known = set(questions) | set(outcomes)
    languages, use_cases = catalog.language_ids(), {u.id for u in catalog.use_cases}
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
        language = ref(doc, (*path, "language"), languages, "language", report)
        use_case = ref(doc, (*path, "use_case"), use_cases, "use case", report)
        expertise = ref(doc, (*path, "expertise"), languages, "language", report)
        if expertise and expertise in languages and expertise not in gated:
            report.add(doc, (*path, "expertise"), f"{{field}} '{expertise}' is not a language of expertise_required "
                                                  f"({', '.join(gated) or 'none'}): no check needs it")
        if label is not None and target is not None:
            options.append(Option(label=label, implies=opt_text(item.get("implies")) or "", next=target,
                                  language=language, use_case=use_case, expertise=expertise,
                                  in_use=item.get("in_use") is True))
    absent = tuple(Absent(language=a["language"], why=a["why"]) for a in items_of(record.get("absent"))
                   if isinstance(a, dict) and isinstance(a.get("language"), str) and isinstance(a.get("why"), str))
    for index, item in enumerate(items_of(record.get("absent"))):
        ref(doc, (*base, "absent", index, "language"), languages, "language", report)
    return Question(id=record["id"], question=opt_text(record.get("question")) or record["id"],
                    options=tuple(options), help=opt_text(record.get("help")), asks=opt_text(record.get("asks")),
                    absent=absent)


def _normalised(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip().casefold()


def _outcome(doc: YamlDoc, base: tuple, record: dict, catalog: Catalog, report: Report) -> Outcome:
    frameworks = _framework_refs(doc, (*base, "frameworks"), catalog, report)
    alternatives = _framework_refs(doc, (*base, "alternatives"), catalog, report)
    for index, fid in enumerate(alternatives):
        if fid in frameworks:
            report.add(doc, (*base, "alternatives", index), f"{{field}} '{fid}' is already a recommended framework")
    cell = _cell_ref(doc, (*base, "matrix_cell"), record.get("matrix_cell"), catalog, report)
    stack = record.get("stack")
    note = record.get("site_note")
    return Outcome(
        id=record["id"], title=opt_text(record.get("title")) or record["id"], summary=opt_text(record.get("summary")) or "",
        frameworks=frameworks, reasons=quotes.lines_of_list(doc, (*base, "reasons"), record.get("reasons"), catalog, report),
        alternatives=alternatives,
        reality_check=quotes.lines(doc, (*base, "reality_check"), record["reality_check"], catalog, report)
        if "reality_check" in record else (),
        matrix_cell=cell,
        see_also=tuple(SeeAlso(page=i["page"], text=i["text"]) for i in record.get("see_also") or []
                       if isinstance(i, dict) and isinstance(i.get("page"), str) and isinstance(i.get("text"), str)),
        leaves_cell=quotes.lines(doc, (*base, "leaves_cell"), record["leaves_cell"], catalog, report)
        if "leaves_cell" in record else (),
        decision_row=record["decision_row"] if isinstance(record.get("decision_row"), int) else None,
        stack=tuple((k, v) for k, v in stack.items() if isinstance(k, str) and isinstance(v, str))
        if isinstance(stack, dict) else (),
        site_note=SiteNote(text=note["text"], source=note["source"], checked=note["checked"])
        if isinstance(note, dict) and all(isinstance(note.get(k), str) for k in ("text", "source", "checked")) else None,
    )


def _framework_refs(doc: YamlDoc, path: tuple, catalog: Catalog, report: Report) -> tuple[str, ...]:
    # A frameworks file with errors of its own (a duplicate or misspelt id) has told the reader
    # already; its ids are not a sound list to check references against.
    sound = not any(PurePosixPath(error.file).stem == "frameworks" for error in report.errors)
    return refs(doc, path, catalog.framework_ids() if sound else (), "framework", report)


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


# ── What the answers and the paths say ─────────────────────────────────────────────────────

def decision_rows(catalog: Catalog) -> tuple[DecisionRow, ...]:
    guidance = catalog.find(Guidance)
    return guidance.decision_matrix if guidance else ()


def row_answered_by(catalog: Catalog, row: DecisionRow, frameworks: tuple[str, ...]) -> bool:
    """The row's choice is among the frameworks, or among their languages."""
    languages = {catalog.framework(f).language for f in frameworks if catalog.has_framework(f)}
    return bool(set(row.frameworks) & set(frameworks) or set(row.languages) & languages)


class TreeChecks:
    """The checks that read the rest of the data through the tree: the questions that ask the
    language, each outcome's matrix cell, decision-matrix row and stack, and, over every path,
    the matrix cells, the expertise, and what the paths cover."""

    def __init__(self, doc: YamlDoc, catalog: Catalog, tree: DecisionTree, questions: dict, outcomes: dict,
                 report: Report) -> None:
        self.doc, self.catalog, self.tree, self.report = doc, catalog, tree, report
        self.questions, self.outcomes = questions, outcomes  # id -> (index in the file, record)
        self.paths = tree.paths()

    def add(self, path: tuple, message: str) -> None:
        self.report.add(self.doc, path, message)

    def run(self) -> None:
        before = len(self.report.errors)
        for qid, (index, record) in self.questions.items():
            self._check_languages_offered(("questions", index), record, self.tree.questions[qid])
        for oid, (index, record) in self.outcomes.items():
            outcome, base = self.tree.outcomes[oid], ("outcomes", index)
            self._check_matrix_cell(base, outcome)
            self._check_decision_row(base, record.get("decision_row"), outcome)
            self._check_stack((*base, "stack"), record.get("stack"))
        if len(self.report.errors) == before:  # paths through broken answers would repeat them
            self._check_paths()

    # ── Answers and outcomes ──

    def _check_languages_offered(self, base: tuple, record: dict, question: Question) -> None:
        """A question that asks the language offers every language, or says why one is absent."""
        offered = {o.language for o in question.options if o.language}
        for index, absent in enumerate(items_of(record.get("absent"))):
            if isinstance(absent, dict) and absent.get("language") in offered:
                self.add((*base, "absent", index, "language"),
                         f"{{field}} '{absent['language']}' is offered by an answer, so it is not absent")
        if question.absent and question.asks != "language":
            self.add((*base, "absent"), "{field}: only a question that asks the language (asks: language) lists absent languages")
        if question.asks != "language":
            return
        explained = {a.language for a in question.absent}
        missing = [x for x in self.catalog.languages if x.id not in offered | explained]
        if missing:
            names = ", ".join(f"{x.name} ({x.id})" for x in missing)
            self.add((*base, "options"), f"{{field}}: no answer offers {names}; add one, or say why in absent "
                                         "(a question that asks the language offers every language)")

    def _check_matrix_cell(self, base: tuple, outcome: Outcome) -> None:
        cell = outcome.matrix_cell
        if cell is None:
            return
        members = cell_members(self.catalog.cell(cell.language, cell.use_case))
        outside = [fid for fid in outcome.frameworks if fid not in members]
        if outside:
            self.add((*base, "matrix_cell"),
                     f"{{field}} {cell.language} × {cell.use_case} does not hold {', '.join(outside)} "
                     f"(it holds: {', '.join(sorted(members)) or 'nothing'}); name the cell the frameworks sit in")

    def _check_decision_row(self, base: tuple, value: Any, outcome: Outcome) -> None:
        rows = decision_rows(self.catalog)
        if not isinstance(value, int) or isinstance(value, bool) or not rows:
            return
        path = (*base, "decision_row")
        if value > len(rows):
            self.add(path, f"{{field}} {value}: the guide's decision matrix has {len(rows)} rows (data/guidance.yaml)")
            return
        row = rows[value - 1]
        if outcome.frameworks and not row_answered_by(self.catalog, row, outcome.frameworks):
            names = ", ".join([*row.frameworks, *row.languages])
            self.add(path, f"{{field}} {value} ('{row.scenario}' → {row.choose}) chooses {names}; the outcome "
                           "recommends none of them, nor a framework of their languages")

    def _check_stack(self, path: tuple, value: Any) -> None:
        """One pick per use case, each a pick the stack composer offers for it."""
        if not isinstance(value, dict):
            return
        use_cases = [u.id for u in self.catalog.use_cases]
        for key in value:
            if key not in use_cases:
                self.report.unknown(self.doc, (*path, key), key, "use case", use_cases)
        missing = [u for u in use_cases if u not in value]
        if missing:
            self.add(path, f"{{field}} names no framework for {', '.join(missing)}; a stack has one for every use case")
        for use_case in use_cases:
            pick = value.get(use_case)
            offered = [option[0] for option in picks(self.catalog, use_case)]
            if isinstance(pick, str) and pick not in offered:
                self.add((*path, use_case), f"{{field}} '{pick}' is not a {use_case} choice of the matrix "
                                            f"(choices: {', '.join(offered)})")

    # ── Paths ──

    def _check_paths(self) -> None:
        reached_cells: set[tuple[str, str]] = set()
        leaving: dict[str, list[tuple[Path, PathFacts]]] = {}
        cell_errors: dict[str, list[tuple[Path, PathFacts]]] = {}
        gate_errors: dict[str, list[Path]] = {}
        for path in self.paths:
            outcome = self.tree.outcomes[self.tree.end_of(path)]
            facts = self.tree.facts(path)
            if outcome.frameworks and facts.language and facts.use_case:
                members = cell_members(self.catalog.cell(facts.language, facts.use_case))
                if set(outcome.frameworks) <= members:
                    reached_cells.add((facts.language, facts.use_case))
                else:
                    (leaving if outcome.leaves_cell else cell_errors).setdefault(outcome.id, []).append((path, facts))
            for language in self.tree.expertise_required:
                recommended = [f for f in outcome.frameworks if self.catalog.framework(f).language == language]
                if recommended and language not in facts.expertise | facts.in_use:
                    gate_errors.setdefault(outcome.id, []).append(path)
        for oid, found in cell_errors.items():
            self._cell_error(oid, found)
        for oid, found in gate_errors.items():
            self._gate_error(oid, found)
        for oid, outcome in self.tree.outcomes.items():
            if outcome.leaves_cell and oid not in leaving:
                self.add(("outcomes", self.outcomes[oid][0], "leaves_cell"),
                         "{field}: no path to this outcome names a matrix cell that lacks its frameworks, "
                         "so there is no cell to leave; remove it")
        self._check_cells_reached(reached_cells)
        self._check_rows_answered()

    def _answer(self, step: Step) -> str:
        return f"question '{step.question}' answer '{self.tree.option(step).next}'"

    def _more(self, count: int) -> str:
        return f" (and {count} more path{'s' if count > 1 else ''})" if count else ""

    def _cell_error(self, oid: str, found: list[tuple[Path, PathFacts]]) -> None:
        path, facts = found[0]
        members = cell_members(self.catalog.cell(facts.language, facts.use_case))
        outside = ", ".join(f for f in self.tree.outcomes[oid].frameworks if f not in members)
        self.add(("outcomes", self.outcomes[oid][0], "frameworks"),
                 f"{{field}}: {outside} not in the matrix cell {facts.language} × {facts.use_case} that the path "
                 f"{self.tree.trail(path)}{self._more(len(found) - 1)} names (language from "
                 f"{self._answer(facts.language_step)}, use case from {self._answer(facts.use_case_step)}); "
                 "quote the guide's reason for leaving the cell as leaves_cell, or change the path")

    def _gate_error(self, oid: str, found: list[Path]) -> None:
        path, outcome = found[0], self.tree.outcomes[oid]
        languages = {self.catalog.framework(f).language for f in outcome.frameworks} & set(self.tree.expertise_required)
        for language in sorted(languages):
            name = self.catalog.language(language).name
            self.add(("outcomes", self.outcomes[oid][0], "frameworks"),
                     f"{{field}}: recommends {name} on the path {self.tree.trail(path)}{self._more(len(found) - 1)}, "
                     f"where no answer confirms {name} expertise (expertise: {language}) or says {name} is already "
                     f"in use (language: {language}, in_use: true); ask the expertise question before "
                     f"{self._answer(path[-1])}")

    def _check_cells_reached(self, reached: set[tuple[str, str]]) -> None:
        for cell in self.catalog.cells:
            if (cell.language, cell.use_case) in reached:
                continue
            holds = ", ".join(sorted(cell_members(cell))) or "nothing"
            self.add(("outcomes",), f"{{field}}: no path reaches the matrix cell {cell.language} × {cell.use_case} "
                                    f"({holds}): no outcome that recommends its frameworks ends a path whose answers "
                                    f"set language '{cell.language}' and use case '{cell.use_case}'")

    def _check_rows_answered(self) -> None:
        answered = {o.decision_row for o in self.tree.outcomes.values() if o.decision_row}
        for number, row in enumerate(decision_rows(self.catalog), start=1):
            if number not in answered:
                self.add(("outcomes",), f"{{field}}: no outcome answers row {number} of the guide's decision matrix "
                                        f"('{row.scenario}' → {row.choose}); give the outcome that does decision_row: {number}")


SECTION = DataSection(file="decision_tree", model=DecisionTree, load=load,
                      labels={"questions": "question", "outcomes": "outcome"},
                      after=quotes.AFTER)  # outcomes quote the guide's lines from other files
