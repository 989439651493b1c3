"""Broken data fails a real `make build`, naming file, line, record and field, with no traceback,
and leaves the previously built site as it was.

The cases are the loader-level fixtures (tests/fixtures/*broken_cases.yaml: the core data, the
decision tree, and any feature that adds a file of its own), each run here through the
Makefile's build recipe in a copy of the project whose data is the small fixture set with the
case's edits. tests/test_data.py and the features' own tests check the same cases against the
loader, error list for error list.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.audit.project import copy_project
from tests.datasets import apply_edits, copy_data

FIXTURES = Path(__file__).parent / "fixtures"
CASES = [
    (f"{path.stem}:{case['name']}", case)
    for path in sorted(FIXTURES.glob("*broken_cases.yaml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))
]
PREVIOUS_SITE = "<!doctype html><title>the site built before</title>"


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
    result = subprocess.run(["make", "--no-print-directory", "-o", "setup", "build"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    return result, site


def assert_previous_site_untouched(project: Path, site: Path) -> None:
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == PREVIOUS_SITE
    assert not (project / ".site-build").exists()


def test_there_are_at_least_20_broken_data_fixtures():
    assert len(CASES) >= 20
    assert len({name for name, _ in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[name for name, _ in CASES])
def test_broken_data_fails_make_build_with_every_error_named(project, case):
    shutil.rmtree(project / "data")
    apply_edits(copy_data(project), case["edits"])
    result, site = make_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for error in case["errors"]:
        assert error in output
    assert "data error" in output and "nothing was built" in output
    assert "Traceback" not in output
    assert_previous_site_untouched(project, site)


def test_a_build_failing_while_rendering_leaves_the_previous_site_untouched(project):
    """Data checks run before MkDocs writes anything; a page that fails later (here a macro
    that does not exist) still leaves no half-built site."""
    shutil.rmtree(project / "data")
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", project / "data")
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
