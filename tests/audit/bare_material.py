"""A bare Material for MkDocs site with the same pages as ours: the baseline of the audits and
benchmarks.

Our build runs once with a plugin that records every page's Markdown after the macros have
rendered it (generated pages included). The bare project holds that Markdown, the same Markdown
extensions (so the pages render the same HTML) and Material's default theme configuration:
none of our overrides, CSS, JavaScript, hooks or data.

    python -m tests.audit.bare_material OUT_DIR    # writes OUT_DIR/mkdocs.yml and OUT_DIR/docs
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority

ROOT = Path(__file__).resolve().parents[2]


class _MarkdownRecorder(BasePlugin):
    def __init__(self, target: Path):
        super().__init__()
        self.target = target

    @event_priority(-100)  # after mkdocs-macros has rendered the page
    def on_page_markdown(self, markdown, page, **kwargs):
        path = self.target / page.file.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
        return markdown


def rendered_markdown(target: Path, config_file: Path = ROOT / "mkdocs.yml") -> list[str]:
    """Build our site once (into a scratch folder) and write every page's rendered Markdown
    under `target`; returns the pages' source paths."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory() as scratch:
        config = load_config(str(config_file), site_dir=scratch)
        config.plugins["markdown-recorder"] = _MarkdownRecorder(target)
        build(config)
    return sorted(p.relative_to(target).as_posix() for p in target.rglob("*.md"))


def bare_config(config_file: Path = ROOT / "mkdocs.yml") -> dict:
    """Material's defaults; only the site's name, address and Markdown extensions are ours."""
    ours = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_EnvTagLoader)
    extensions = []
    for entry in ours.get("markdown_extensions", []):
        if isinstance(entry, dict) and "pymdownx.snippets" in entry:
            # Included files are read from our project, as in our build.
            entry = {"pymdownx.snippets": {**entry["pymdownx.snippets"], "base_path": [str(config_file.parent)]}}
        extensions.append(entry)
    config = {"site_name": ours["site_name"], "theme": {"name": "material"}, "markdown_extensions": extensions}
    if os.environ.get("SITE_URL"):
        config["site_url"] = os.environ["SITE_URL"]
    return config


class _EnvTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's !ENV tags as their default value."""


_EnvTagLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                              if isinstance(node, yaml.SequenceNode) else None)


def make_bare_project(out: Path, config_file: Path = ROOT / "mkdocs.yml") -> Path:
    """Write a bare Material project with our rendered pages to `out`; returns its mkdocs.yml."""
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    docs.mkdir(parents=True)
    rendered_markdown(docs, config_file)
    config = out / "mkdocs.yml"
    config.write_text(yaml.safe_dump(bare_config(config_file), sort_keys=False), encoding="utf-8")
    return config


if __name__ == "__main__":
    print(make_bare_project(Path(sys.argv[1]).resolve()))
