"""The decision tree's data: the real tree loads and follows the guide's use cases; each broken
tree fails with every error named (tests/fixtures/wizard_broken_cases.yaml)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from macros.model.catalog import load_catalog
from macros.model.sections.architecture import Architecture
from macros.model.sections.decision_tree import DecisionTree, Step
from macros.model.sections.guidance import Guidance
from macros.model.sections.migration import Migration
from tests.helpers.datasets import DATA, ROOT, apply_edits, copy_data, error_lines, load_fixture

CASES = yaml.safe_load((Path(__file__).resolve().parent.parent / "fixtures" / "wizard_broken_cases.yaml").read_text(encoding="utf-8"))
RAW = yaml.safe_load((DATA / "decision_tree.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(DATA, display_root=ROOT)


@pytest.fixture(scope="module")
def tree(catalog):
    return catalog.section(DecisionTree)


def test_real_tree_loads_every_record(tree):
    assert list(tree.questions) == [q["id"] for q in RAW["questions"]]
    assert list(tree.outcomes) == [o["id"] for o in RAW["outcomes"]]
    assert tree.start == RAW["start"]
    for raw in RAW["questions"]:
        assert [o.label for o in tree.questions[raw["id"]].options] == [o["label"] for o in raw["options"]]


def test_every_path_ends_in_an_outcome_and_every_outcome_is_reached(tree):
    paths = tree.paths()
    assert len(paths) == _count_paths(RAW, RAW["start"])
    assert {tree.end_of(p) for p in paths} == set(tree.outcomes)
    for path in paths:
        assert path[0].question == tree.start
        # Each answer leads to the question of the next step.
        for step, following in zip(path, path[1:]):
            assert tree.option(step).next == following.question


def _count_paths(raw: dict, node: str) -> int:
    """Independent count from the raw YAML: an outcome is one path, a question the sum of its answers'."""
    questions = {q["id"]: q for q in raw["questions"]}
    if node not in questions:
        return 1
    return sum(_count_paths(raw, option["next"]) for option in questions[node]["options"])


def test_first_question_covers_the_guide_use_cases_and_the_platform(catalog, tree):
    """What are you building: the four use cases, each answer setting its use case, and a whole
    platform, whose outcomes each open a stack in the composer and link the architecture."""
    first = tree.questions[tree.start]
    assert [o.use_case for o in first.options if o.use_case] == [u.id for u in catalog.use_cases]
    platform = [o for o in first.options if not o.use_case]
    assert len(platform) == 1
    ends = {tree.end_of(p) for p in tree.paths() if tree.option(p[0]) == platform[0]}
    assert ends and all(tree.outcomes[o].stack for o in ends)
    assert any("architecture/index.md" in [s.page for s in tree.outcomes[o].see_also] for o in ends)


def test_outcomes_name_known_frameworks_and_no_alternative_twice(catalog, tree):
    for outcome in tree.outcomes.values():
        assert (outcome.frameworks or outcome.site_note) and outcome.reasons
        for fid in outcome.frameworks + outcome.alternatives:
            assert catalog.has_framework(fid)
        assert not set(outcome.frameworks) & set(outcome.alternatives)


def test_paths_to_and_url_path(tree):
    for outcome_id in tree.outcomes:
        for path in tree.paths_to(outcome_id):
            ids = tree.url_path(path).split("/")
            assert ids[-1] == outcome_id and len(ids) == len(path)


def test_minimal_tree_is_valid(tmp_path):
    tree = load_fixture(copy_data(tmp_path), tmp_path).section(DecisionTree)
    assert [tree.url_path(p) for p in tree.paths()] == [
        "full-language/full", "full-language/go", "light-language/fastapi", "light-language/gin"]
    assert tree.paths_to("go") == ((Step("building", 0), Step("full-language", 1)),)
    assert tree.path_count() == len(tree.paths()) == 4


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_broken_tree_fails_with_every_error_named(case, tmp_path):
    assert error_lines(tmp_path, case["edits"]) == case["errors"]


def _raw_outcomes() -> dict[str, dict]:
    return {o["id"]: o for o in RAW["outcomes"]}


def test_quotes_become_the_quoted_lines_in_place(catalog, tree):
    """{guidance: id}, {architecture: tier} and {migration: truth} give the lines of the record
    they name, where the quote stands; texts stay as written."""
    guidance, architecture = catalog.section(Guidance), catalog.section(Architecture)
    steps = {s.id: [p.text for p in s.points] for s in guidance.pragmatic_path}
    tiers = {t.id: list(t.why) for t in architecture.tiers}
    quoted_kinds = set()
    for oid, raw in _raw_outcomes().items():
        expected = []
        for reason in raw["reasons"]:
            if isinstance(reason, str):
                expected.append(reason)
            elif "architecture" in reason:
                expected += tiers[reason["architecture"]]
                quoted_kinds.add("architecture")
            elif reason["guidance"] in steps:  # a pragmatic path step: its points, without lead-ins
                expected += steps[reason["guidance"]]
                quoted_kinds.add("step")
            else:
                expected.append(None)  # another guidance line: checked below by count only
        got = list(tree.outcomes[oid].reasons)
        assert len(got) >= len(expected), oid
        if None not in expected:
            assert got == expected, oid
        check = raw.get("reality_check")
        if check == {"guidance": "truth"}:
            assert tree.outcomes[oid].reality_check == (guidance.truth,)
            quoted_kinds.add("truth")
        elif check == {"migration": "truth"}:
            assert tree.outcomes[oid].reality_check == (catalog.section(Migration).truth,)
            quoted_kinds.add("migration")
        elif isinstance(check, str):
            assert tree.outcomes[oid].reality_check == (check,)
    assert quoted_kinds == {"architecture", "step", "truth", "migration"}  # the data uses every kind


def _flat(text: str) -> str:
    return " ".join(text.replace("**", "").casefold().rstrip(".").split())


def test_no_outcome_or_comparison_copies_a_line_it_could_quote(catalog):
    """One source: a text of the tree (a reason, a question, an answer and what it implies, a
    title) or of a comparison's notes is not a copy of a line that other data holds (it quotes
    it instead)."""
    from macros.model.quotes import SOURCES

    quotable = {_flat(line): f"{source}: {key}" for source, (model, _, lines_of) in SOURCES.items()
                for key, lines in lines_of(catalog.section(model)).items() for line in lines}
    comparisons = yaml.safe_load((DATA / "comparisons.yaml").read_text(encoding="utf-8"))["comparisons"]
    written = [(o["id"], r) for o in RAW["outcomes"]
               for r in [*o["reasons"], o.get("reality_check"), o["title"], o["summary"]] if isinstance(r, str)]
    written += [(q["id"], t) for q in RAW["questions"] for t in [
        q["question"], q.get("help"), *(o[k] for o in q["options"] for k in ("label", "implies")),
        *(a["why"] for a in q.get("absent", []))] if isinstance(t, str)]
    written += [(c["id"], n) for c in comparisons for n in c.get("notes", []) if isinstance(n, str)]
    copies = [(where, text, quotable[_flat(text)]) for where, text in written if _flat(text) in quotable]
    assert copies == []


# ── What the paths say: checked here from the raw YAML, independently of the loader ────────

def _raw_paths(raw: dict) -> list[list[dict]]:
    """Every path as its list of answers (raw option records), from the raw YAML."""
    questions = {q["id"]: q for q in raw["questions"]}

    def walk(node: str, prefix: list[dict]) -> list[list[dict]]:
        if node not in questions:
            return [prefix]
        return [path for option in questions[node]["options"] for path in walk(option["next"], [*prefix, option])]

    return walk(raw["start"], [])


RAW_PATHS = _raw_paths(RAW)


def _last(path: list[dict], key: str) -> str | None:
    return next((o[key] for o in reversed(path) if key in o), None)


def _cells_of_paths(catalog) -> Iterator[tuple[dict, str, str, set[str]]]:
    """(outcome, language, use case, the cell's frameworks) for each raw path whose answers name a
    matrix cell and whose outcome names frameworks; for Go's empty cell, the guide's "instead"."""
    outcomes = _raw_outcomes()
    for path in RAW_PATHS:
        outcome = outcomes[path[-1]["next"]]
        language, use_case = _last(path, "language"), _last(path, "use_case")
        if not (language and use_case and outcome.get("frameworks")):
            continue
        cell = catalog.cell(language, use_case)
        members = ({f for i in cell.none_by_design.instead for f in i.frameworks} if cell.none_by_design
                   else set(cell.framework_ids))
        yield outcome, language, use_case, members


def test_the_tree_counts_match_its_paths(tree):
    assert len(RAW_PATHS) == len(tree.paths()) == tree.path_count()
    assert [[o["next"] for o in p] for p in RAW_PATHS] == [tree.url_path(p).split("/") for p in tree.paths()]


def test_every_outcome_sits_in_the_cell_its_path_names_or_quotes_the_reason_to_leave(catalog):
    outcomes = _raw_outcomes()
    left = set()
    for outcome, language, use_case, members in _cells_of_paths(catalog):
        if not set(outcome["frameworks"]) <= members:
            assert "leaves_cell" in outcome, (outcome["id"], language, use_case)
            left.add(outcome["id"])
    assert left == {o["id"] for o in outcomes.values() if "leaves_cell" in o}  # and no reason given in vain
    assert left  # the data uses it: a Rails team's API in Go, NestJS as a BFF


def test_every_matrix_cell_and_every_decision_matrix_row_is_reached(catalog):
    outcomes = _raw_outcomes()
    reached = {(language, use_case) for outcome, language, use_case, members in _cells_of_paths(catalog)
               if set(outcome["frameworks"]) <= members}
    assert reached == {(c.language, c.use_case) for c in catalog.cells}
    rows = catalog.section(Guidance).decision_matrix
    answered = {o["decision_row"] for o in outcomes.values() if "decision_row" in o}
    assert answered == set(range(1, len(rows) + 1))
    for outcome in outcomes.values():
        if "decision_row" in outcome:
            row = rows[outcome["decision_row"] - 1]
            languages = {catalog.framework(f).language for f in outcome["frameworks"]}
            assert set(row.frameworks) & set(outcome["frameworks"]) or set(row.languages) & languages, outcome["id"]


def test_rust_only_after_the_expertise_check_or_where_rust_already_runs(catalog):
    checked = 0
    for path in RAW_PATHS:
        outcome = _raw_outcomes()[path[-1]["next"]]
        if any(catalog.framework(f).language == "rust" for f in outcome.get("frameworks", [])):
            confirmed = any(o.get("expertise") == "rust" or (o.get("language") == "rust" and o.get("in_use")) for o in path)
            assert confirmed, [o["next"] for o in path]
            checked += 1
    assert checked >= 8  # Loco, Actix Web, Axum, payments, WebSockets, Tonic, Lapin


def test_language_questions_offer_every_language_or_say_why_not(catalog):
    languages = {x.id for x in catalog.languages}
    asking = [q for q in RAW["questions"] if q.get("asks") == "language"]
    assert len(asking) >= 6
    for question in asking:
        offered = {o["language"] for o in question["options"] if "language" in o}
        absent = {a["language"] for a in question.get("absent", [])}
        assert offered | absent == languages and not offered & absent, question["id"]
        assert all(a["why"].strip() for a in question.get("absent", []))


def test_load_is_asked_in_requests_and_connections_in_realistic_ranges():
    """Requests a second in four ranges; connections in three, hundreds and thousands together
    (the guide's real-time choices differ from tens of thousands on)."""
    questions = {q["id"]: q for q in RAW["questions"]}
    labels = {qid: [o["label"] for o in questions[qid]["options"]] for qid in ("light-load", "rt-scale")}
    assert "requests a second" in questions["light-load"]["question"]
    assert labels["light-load"] == ["Hundreds", "Thousands", "Tens of thousands", "100k or more"]
    assert "connected at the same time" in questions["rt-scale"]["question"]
    assert labels["rt-scale"] == ["Hundreds or thousands", "Tens of thousands", "100k or more"]


def test_a_team_on_django_at_tens_of_thousands_of_connections_is_not_sent_to_channels():
    """The scale comes first in the real-time branch, for every team: from tens of thousands of
    connections on, no path ends in a framework's built-in real-time support."""
    built_in = {"django-channels", "fastapi-websockets", "action-cable", "socket-io", "sse"}
    large = [p for p in RAW_PATHS if p[0]["next"] == "rt-scale" and p[1]["label"] in ("Tens of thousands", "100k or more")]
    assert large and not {p[-1]["next"] for p in large} & built_in
    assert {p[-1]["next"] for p in large} == {"gorilla-websocket", "rust-websockets"}


def test_the_hard_cases_have_their_answers():
    ends = {tuple(o["next"] for o in p) for p in RAW_PATHS}
    assert ("light-job", "fastapi-ml") in ends  # machine-learning inference
    assert ("light-job", "light-safety-gate", "rust-payments") in ends  # payments and trading
    assert ("light-job", "nestjs-bff") in ends  # backend for a frontend
    assert any(p[-1] == "go-nats" for p in ends)  # background jobs in Go
    assert any(p[-1] == "sse" for p in ends)  # Server-Sent Events
    # A full app in Python reaches FastAPI only after an answer that makes it a focused service.
    for path in RAW_PATHS:
        if path[-1]["next"].startswith("fastapi") and path[0].get("use_case") == "full-featured":
            assert _last(path, "use_case") == "lightweight"


@pytest.mark.parametrize("edits", [
    # A Go answer that says Go is already in use, and one that confirms Go expertise: both pass the gate.
    [{"file": "decision_tree.yaml", "find": "start: building\n", "replace": "start: building\nexpertise_required: [go]\n"},
     {"file": "decision_tree.yaml", "find": "        language: go\n        next: go", "replace": "        language: go\n        in_use: true\n        next: go"},
     {"file": "decision_tree.yaml", "find": "        language: go\n        next: gin", "replace": "        language: go\n        expertise: go\n        next: gin"}],
    # The guide's reason for leaving a cell makes an outcome outside it valid (the cell is reached elsewhere).
    [{"file": "decision_tree.yaml", "find": "    frameworks: [gin]\n    reasons:\n      - Explicit code",
      "replace": "    frameworks: [fastapi]\n    leaves_cell: {guidance: start-here}\n    reasons:\n      - Explicit code"},
     {"file": "decision_tree.yaml", "find": "    matrix_cell: {language: go, use_case: full-featured}\n", "replace": ""},
     {"file": "decision_tree.yaml", "find": "        implies: Go's throughput.\n        language: go\n        next: gin",
      "replace": "        implies: Go's throughput.\n        language: go\n        next: gin\n      - {label: Go again, implies: Go., language: go, use_case: full-featured, next: go-full}"},
     {"file": "decision_tree.yaml", "append": "  - {id: go-full, title: Gin without a framework, summary: Go composes libraries instead of a framework., frameworks: [gin], reasons: [Explicit code]}\n"}],
], ids=["expertise-confirmed-or-in-use", "leaving-a-cell-with-the-guides-reason"])
def test_what_the_checks_accept(edits, tmp_path):
    data = copy_data(tmp_path)
    apply_edits(data, edits)
    assert load_fixture(data, tmp_path).section(DecisionTree).paths()
