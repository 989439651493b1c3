"""Data folders for tests: the real data, the small fixture set, and edited copies of either."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.model.catalog import DataValidationError, load_catalog
from tests.helpers.project import ROOT

DATA = ROOT / "data"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal_data"


# The data sections the small fixture set has files for: a section added to the site later needs
# no fixture here unless a test is about it.
MINIMAL_SECTIONS = frozenset(path.stem for path in MINIMAL.glob("*.yaml"))


def load_fixture(data: Path, display_root: Path):
    """Load a (possibly edited) copy of the small fixture set."""
    return load_catalog(data, display_root=display_root, only=MINIMAL_SECTIONS)


def copy_data(target: Path, source: Path = MINIMAL) -> Path:
    """A copy of `source` (with the real schemas) at target/data."""
    data = target / "data"
    shutil.copytree(source, data, ignore=shutil.ignore_patterns("schema"))
    shutil.copytree(DATA / "schema", data / "schema")
    return data


def apply_edits(data: Path, edits: list[dict]) -> None:
    """Each edit: {file, find, replace} (first occurrence, must exist), {file, append},
    {file, content} (whole file) or {file, delete: true}; `encoding` (default utf-8) is the
    encoding the edited file is written in."""
    for edit in edits:
        path = data / edit["file"]
        encoding = edit.get("encoding", "utf-8")
        if edit.get("delete"):
            path.unlink()
        elif "content" in edit:
            path.write_text(edit["content"], encoding=encoding)
        elif "append" in edit:
            path.write_text(path.read_text(encoding="utf-8") + edit["append"], encoding=encoding)
        else:
            text = path.read_text(encoding="utf-8")
            assert edit["find"] in text, f"fixture edit does not apply: {edit['find']!r} not in {edit['file']}"
            path.write_text(text.replace(edit["find"], edit["replace"], 1), encoding=encoding)


def load_errors(tmp_path: Path, edits: list[dict]) -> DataValidationError:
    """The validation error that loading a copy of the fixture data, with `edits`, must raise."""
    data = copy_data(tmp_path)
    apply_edits(data, edits)
    with pytest.raises(DataValidationError) as caught:
        load_fixture(data, tmp_path)
    return caught.value


def error_lines(tmp_path: Path, edits: list[dict]) -> list[str]:
    return [str(e) for e in load_errors(tmp_path, edits).errors]
