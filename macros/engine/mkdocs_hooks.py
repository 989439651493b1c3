"""MkDocs hook file (mkdocs.yml `hooks:`). MkDocs imports it once per process, so at the start of
every build it re-imports the `macros` package when a file of it has changed: `mkdocs serve` then
picks up edits to macros/ as well as to data/. Every event goes to macros/engine/mkdocs_build.py."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

_PACKAGE = Path(__file__).resolve().parent.parent
_ROOT = str(_PACKAGE.parent)
_build = None
_stamp = None


def _package_stamp() -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in _PACKAGE.rglob("*.py")))


def _fresh_build_module():
    global _stamp
    if _ROOT not in sys.path:
        sys.path.insert(0, _ROOT)
    stamp = _package_stamp()
    if _stamp is not None and stamp != _stamp:
        for name in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
            del sys.modules[name]
    _stamp = stamp
    return importlib.import_module("macros.engine.mkdocs_build")


@event_priority(100)  # before mkdocs-macros' on_config, which needs the catalog
def on_config(config):
    global _build
    _build = _fresh_build_module()
    return _build.on_config(config)


def on_files(files, config):
    return _build.on_files(files, config)


@event_priority(-100)  # after mkdocs-macros has rendered the page, whatever the plugin order
def on_page_markdown(markdown, page, config, files):
    return _build.on_page_markdown(markdown, page, config, files)


def on_env(env, config, files):
    return _build.on_env(env, config, files)


def on_page_context(context, page, config, nav):
    return _build.on_page_context(context, page, config, nav)


@event_priority(-100)  # after every plugin has written its files: the hashes are of the final HTML
def on_post_build(config):
    return _build.on_post_build(config)
