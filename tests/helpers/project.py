"""A copy of the project to build in a scratch folder: everything a build reads (so new folders
such as examples/ come along), with the installed dependencies linked, not copied."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
NOT_COPIED = (".git", ".venv", "node_modules", "site", ".site-build", ".pytest_cache", ".cache", "tests",
              "bench", "__pycache__", "test-results", ".venv-*")
LINKED = (".venv", "node_modules")


def copy_project(target: Path) -> Path:
    """Copy the project to `target` (file times kept, so make sees the setup as done)."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True)
    for name in LINKED:
        if (ROOT / name).exists():
            (target / name).symlink_to(ROOT / name)
    return target
