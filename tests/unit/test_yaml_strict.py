"""YAML as strict as the schema: a key written twice, text that is not UTF-8, aliases that expand
without bound and syntax errors are data errors, each reported once with file, line and record,
and fast: the alias bomb of the fixtures is refused without being expanded."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from macros.source.yaml_reader import MAX_VALUES, YamlSyntaxError, read_yaml
from tests.helpers.datasets import error_lines

CASES = yaml.safe_load((Path(__file__).resolve().parent.parent / "fixtures" / "yaml_broken_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_broken_yaml_fails_with_every_error_named_once(case, tmp_path):
    assert error_lines(tmp_path, case["edits"]) == case["errors"]


def test_an_alias_bomb_is_refused_in_well_under_a_second(tmp_path):
    levels = ["a: &l0 [" + ", ".join(["x"] * 10) + "]"]
    levels += [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]" for n in range(1, 12)]  # 10^12 values
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(levels) + "\n", encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(YamlSyntaxError, match="would expand"):
        read_yaml(path, "data/bomb.yaml")
    assert time.perf_counter() - started < 1.0


def test_a_few_aliases_within_the_bound_still_read_and_dates_stay_text(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("line: &l Written once\nagain: [*l, *l]\nchecked: 2026-11-29\n", encoding="utf-8")
    doc = read_yaml(path, "data/ok.yaml")
    assert doc.data == {"line": "Written once", "again": ["Written once", "Written once"], "checked": "2026-11-29"}
    assert MAX_VALUES >= 10_000


def test_deeply_nested_data_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    try:
        doc = read_yaml(path, "data/deep.yaml")
    except YamlSyntaxError as exc:
        assert exc.problems
    else:
        assert doc.data is not None
