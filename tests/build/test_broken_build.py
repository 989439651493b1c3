"""Broken data fails a real `make build`, naming file, line, record and field, with no traceback,
and leaves the previously built site as it was.

Every broken-data case is checked against the loader, error list for error list, in tests/unit
(tests/fixtures/*broken_cases.yaml). Here a few of them, one of each kind of problem, go through
the Makefile's build recipe in a copy of the project with the real data.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.datasets import DATA, apply_edits
from tests.helpers.project import copy_project

PREVIOUS_SITE = "<!doctype html><title>the site built before</title>"
# (name, edits of the real data, what the output must say)
CASES = [
    ("unknown-reference", [{"file": "frameworks.yaml", "find": "    language: go\n", "replace": "    language: golang\n"}],
     ["data/frameworks.yaml:", "framework 'gin': language 'golang' is not a known language (known: go, node, python, ruby, rust)"]),
    ("schema-and-yaml-at-once",
     [{"file": "frameworks.yaml", "find": "    summary: An async-first Python framework", "replace": "    summmary: An async-first Python framework"},
      {"file": "comparisons.yaml", "find": "comparisons:\n", "replace": "comparisons:\ncomparisons:\n"}],
     ["framework 'fastapi': unknown field 'summmary' (did you mean 'summary'?)",
      "data/comparisons.yaml:", "key 'comparisons' is written twice"]),
    ("not-utf-8", [{"file": "kinds.yaml", "find": "    name: ORM\n", "replace": "    name: ORM \xe9\n", "encoding": "latin-1"}],
     ["data/kinds.yaml:", "not UTF-8 text: byte 0xe9"]),
    ("decision-tree-graph", [{"file": "decision_tree.yaml", "find": "start: ", "replace": "start: nowhere\nold_start: "}],
     ["data/decision_tree.yaml:", "start 'nowhere' is not a known question"]),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("broken-build") / "project")


def make_build(project: Path) -> tuple[subprocess.CompletedProcess, Path]:
    """Run the Makefile's build over a site folder holding a previous build. `-o setup`: the
    dependencies are installed already (this suite runs under `make test`)."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir()
    (site / "index.html").write_text(PREVIOUS_SITE, encoding="utf-8")
    result = subprocess.run(["make", "--no-print-directory", "-o", "setup-site", "build"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    return result, site


def assert_previous_site_untouched(project: Path, site: Path) -> None:
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == PREVIOUS_SITE
    assert not (project / ".site-build").exists()


def fresh_data(project: Path) -> Path:
    shutil.rmtree(project / "data")
    shutil.copytree(DATA, project / "data")
    return project / "data"


@pytest.mark.parametrize("edits, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_data_fails_make_build_with_every_error_named(project, edits, expected):
    apply_edits(fresh_data(project), edits)
    result, site = make_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for text in expected:
        assert text in output
    assert "data error" in output and "nothing was built" in output
    assert "Traceback" not in output
    assert_previous_site_untouched(project, site)


def test_a_build_failing_while_rendering_leaves_the_previous_site_untouched(project):
    """Data checks run before MkDocs writes anything; a page that fails later (here a macro
    that does not exist) still leaves no half-built site."""
    fresh_data(project)
    page = project / "docs" / "matrix.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n{{ no_such_macro() }}\n", encoding="utf-8")
    try:
        result, site = make_build(project)
    finally:
        page.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "no_such_macro" in result.stdout + result.stderr
    assert_previous_site_untouched(project, site)
