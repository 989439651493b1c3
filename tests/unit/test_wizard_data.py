"""The decision tree's data: the real tree loads and follows the guide's use cases; each broken
tree fails with every error named (tests/fixtures/wizard_broken_cases.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.model.catalog import load_catalog
from macros.model.sections.architecture import Architecture
from macros.model.sections.decision_tree import DecisionTree, Step
from macros.model.sections.guidance import Guidance
from macros.model.sections.migration import Migration
from tests.helpers.datasets import DATA, ROOT, copy_data, error_lines, load_fixture

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
    """What are you building: the four use cases, and a whole platform leading to the polyglot
    guidance (which links the architecture page)."""
    first = tree.questions[tree.start]
    assert len(first.options) == len(catalog.use_cases) + 1
    polyglot = [o for o in first.options if o.next in tree.outcomes]
    assert len(polyglot) == 1
    assert "architecture/index.md" in [s.page for s in tree.outcomes[polyglot[0].next].see_also]


def test_outcomes_name_known_frameworks_and_no_alternative_twice(catalog, tree):
    for outcome in tree.outcomes.values():
        assert outcome.frameworks and outcome.reasons
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
    assert [tree.url_path(p) for p in tree.paths()] == ["full", "light-language/fastapi", "light-language/go"]
    assert tree.paths_to("go") == ((Step("building", 1), Step("light-language", 1)),)


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
    """One source: a text in the tree or in a comparison's notes is not a copy of a line that
    other data holds (it quotes it instead)."""
    from macros.model.quotes import SOURCES

    quotable = {_flat(line): f"{source}: {key}" for source, (model, _, lines_of) in SOURCES.items()
                for key, lines in lines_of(catalog.section(model)).items() for line in lines}
    comparisons = yaml.safe_load((DATA / "comparisons.yaml").read_text(encoding="utf-8"))["comparisons"]
    written = [(o["id"], r) for o in RAW["outcomes"] for r in [*o["reasons"], o.get("reality_check")] if isinstance(r, str)]
    written += [(c["id"], n) for c in comparisons for n in c.get("notes", []) if isinstance(n, str)]
    copies = [(where, text, quotable[_flat(text)]) for where, text in written if _flat(text) in quotable]
    assert copies == []
