"""MkDocs hook file (mkdocs.yml `hooks:`). MkDocs imports it once per process, so it re-imports
the `macros` package at the start of every build: `mkdocs serve` then picks up edits to macros/
as well as to data/."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

_ROOT = str(Path(__file__).resolve().parent.parent)
_build = None


def _fresh_build_module():
    if _ROOT not in sys.path:
        sys.path.insert(0, _ROOT)
    for name in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
        del sys.modules[name]
    return importlib.import_module("macros.mkdocs_build")


@event_priority(100)  # before mkdocs-macros' on_config, which needs the catalog
def on_config(config):
    global _build
    _build = _fresh_build_module()
    return _build.on_config(config)


def on_files(files, config):
    return _build.on_files(files, config)


def on_env(env, config, files):
    return _build.on_env(env, config, files)


def on_post_page(output, page, config):
    return _build.on_post_page(output, page, config)
