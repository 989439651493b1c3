"""Reading the site needs Python only: `make build` in a copy of the project with no Node.js on
the PATH and no node_modules builds the whole site, diagrams and link previews included."""

from __future__ import annotations

import os
import shutil
import subprocess

from tests.helpers.project import ROOT, copy_project


def test_make_build_needs_no_node_and_no_npm_packages(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "node_modules").unlink()  # linked by copy_project: this build has none
    tools = tmp_path / "bin"
    tools.mkdir()
    for name in ("make", "rm", "mv", "env"):  # what the Makefile's build recipe runs, nothing more
        (tools / name).symlink_to(shutil.which(name))
    path = str(tools)
    assert shutil.which("node", path=path) is None and shutil.which("npm", path=path) is None
    done = subprocess.run(["make", "--no-print-directory", "-o", "setup-site", "build"], cwd=project,
                          env={**os.environ, "PATH": path}, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    site = project / "site"
    assert (site / "index.html").is_file() and (site / "frameworks" / "gin" / "index.html").is_file()
    assert list((site / "assets" / "diagrams").glob("*.svg")), "the drawings come from diagrams/, not from Node.js"
    assert list((site / "assets" / "previews").glob("*.png"))
    assert not (ROOT / "site").samefile(site) if (ROOT / "site").exists() else True
