"""MkDocs hook (mkdocs.yml `hooks:`): the site's own CSS goes into each page's <head> as <style>,
so it costs no request that holds back the first paint.

overrides/main.html prints `inline_css(path)` for the styles of every page (SITE_STYLES) and
for those a page names in its front matter, e.g. `styles: [assets/css/wizard.css]` (generated
pages set it through views/blocks.page's extra_meta). Paths are under docs/; the files stay the
one source of their CSS, and `exclude_docs` keeps them out of the built site. Instant navigation
brings the next page's <head> styles along (Material swaps the <head> elements that differ).

Self-contained on purpose: MkDocs imports hook files by path, once per process.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError

SITE_STYLES = ("assets/css/site.css",)
_problems: list[str] = []


def on_pre_build(config):
    _problems.clear()


def on_page_markdown(markdown, page, config, files):
    styles = page.meta.get("styles", [])
    if not (isinstance(styles, list) and all(isinstance(s, str) for s in styles)):
        _problems.append(f"{page.file.src_uri}: `styles` must be a list of paths under docs/")
        return markdown
    for path in styles:
        if not _source(config, path).is_file():
            _problems.append(f"{page.file.src_uri}: styles: no file docs/{path}")
    return markdown


def on_env(env, config, files):
    if _problems:
        raise PluginError("page styles that cannot be inlined:\n  " + "\n  ".join(_problems))
    for path in SITE_STYLES:
        if not _source(config, path).is_file():
            raise PluginError(f"style_hooks.SITE_STYLES names a missing file: docs/{path}")
    env.globals["site_styles"] = SITE_STYLES
    env.globals["inline_css"] = lambda path: _inline(config, path)
    return env


def _source(config, path: str) -> Path:
    return Path(config.docs_dir) / path


def _inline(config, path: str) -> Markup:
    css = _source(config, path).read_text(encoding="utf-8")
    if "</" in css:  # would end the <style> element early
        raise PluginError(f"docs/{path}: '</' cannot be inlined into a <style> element")
    return Markup(css)
