"""MkDocs hook (mkdocs.yml `hooks:`): every page's title and description, escaped once, and a
description on every page.

Material prints page.meta values into the HTML as they are. Generated pages therefore carry an
HTML-escaped `title` and `description` in their front matter (macros/views/blocks.py `page`).
Hand-written pages in docs/ carry plain text; this hook escapes theirs the same way, so that every
template (Material's and overrides/main.html) can treat page.meta title and description as HTML.
A page without a description fails the build, with every such page named: the description is
the page's meta description and its link preview.

Self-contained on purpose: MkDocs imports hook files by path, once per process.
"""

from __future__ import annotations

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ESCAPED_KEYS = ("title", "description")
_without_description: list[str] = []


def on_pre_build(config):
    _without_description.clear()


@event_priority(-100)  # after mkdocs-macros has rendered the page, whatever the plugin order
def on_page_markdown(markdown, page, config, files):
    meta = page.meta
    if page.file.generated_by is None:  # hand-written: plain text in, HTML out
        for key in ESCAPED_KEYS:
            if isinstance(meta.get(key), str):
                meta[key] = str(escape(meta[key]))
    description = meta.get("description")
    if not (isinstance(description, str) and description.strip()):
        _without_description.append(page.file.src_uri)
    return markdown


def on_env(env, config, files):
    if _without_description:
        pages = ", ".join(sorted(_without_description))
        raise PluginError(f"pages without a `description` in their front matter (their meta description "
                          f"and link preview; add one line `description: ...`): {pages}")
    return env
