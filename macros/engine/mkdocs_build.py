"""The MkDocs adapter: everything that knows MkDocs. Per build it loads the catalog, adds the
generated pages and files (macros/publish), places generated pages in the nav, escapes and checks
every page's title and description, and hands the templates the CSS to inline. The views and the
publishing code know nothing of MkDocs; README.md ("Engine adapter") lists what a new adapter does.
"""

from __future__ import annotations

import copy
import html
import logging
import time
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..model.catalog import Catalog, DataValidationError, load_catalog
from ..publish.headers import HeadersError, write_security_headers
from ..publish.previews import HEIGHT, WIDTH, Previews, page_preview
from ..publish.site_files import site_files
from ..views.blocks import DESCRIPTION_MAX, DESCRIPTION_MIN
from ..views.site import nav_children

_CATALOG_KEY = "data_catalog"
log = logging.getLogger(f"mkdocs.plugins.{__name__}")
# Our CSS, inlined into each page's <head> so it costs no request before the first paint: these
# on every page, and those a page names in its front matter (`styles: [assets/css/wizard.css]`).
SITE_STYLES = ("assets/css/site.css",)
# Title and description are printed by the templates as they are: HTML-escaped text on every page.
ESCAPED_KEYS = ("title", "description")


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def catalog_of(config: MkDocsConfig) -> Catalog:
    """The catalog this build loaded (MkDocs makes a new config object for every build)."""
    catalog = config.get(_CATALOG_KEY)
    if catalog is None:
        raise PluginError("the data catalog was not loaded: is macros/engine/mkdocs_hooks.py listed under hooks: in mkdocs.yml?")
    return catalog


class Build:
    """The state of one build: problems found in pages (reported together at the end) and the
    link previews the pages ask for."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.previews = Previews()


_build = Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = Build()
    root = project_root(config)
    try:
        catalog = load_catalog(root / "data", display_root=root)
    except DataValidationError as exc:
        raise PluginError(exc.summary()) from None
    config[_CATALOG_KEY] = catalog
    if config.nav:
        config.nav = _with_generated_children(copy.deepcopy(config.nav), nav_children(catalog))
    return config


def _with_generated_children(nav: list, children: dict[str, list]) -> list:
    """Append generated pages to each nav section whose first entry is a generated section's
    index page, e.g. ["frameworks/index.md"] gets every framework page."""
    for entry in nav:
        if not isinstance(entry, dict):
            continue
        for value in entry.values():
            if isinstance(value, list) and value:
                first = value[0]
                index = first if isinstance(first, str) else next(iter(first.values())) if isinstance(first, dict) else None
                if isinstance(index, str) and index in children:
                    value.extend(children[index])
                _with_generated_children(value, children)
    return nav


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalog = catalog_of(config)
    for file in site_files(catalog, project_root(config) / "data"):
        if file.source is not None:
            generated = File.generated(config, file.path, abs_src_path=str(file.source))
        else:
            generated = File.generated(config, file.path, content=file.text)
        if files.get_file_from_path(generated.src_uri) is not None:
            raise PluginError(f"generated file {generated.src_uri} would replace a file in docs/; remove one of them")
        files.append(generated)
    return files


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """Runs after mkdocs-macros has rendered the page (see mkdocs_hooks.py's priority)."""
    meta = page.meta
    where = page.file.src_uri
    if page.file.generated_by is None:  # hand-written: plain text in, HTML out (generated pages are written so)
        for key in ESCAPED_KEYS:
            if isinstance(meta.get(key), str):
                meta[key] = str(escape(meta[key]))
    title, description = (html.unescape(meta[k]) if isinstance(meta.get(k), str) else None for k in ESCAPED_KEYS)
    if not (description and description.strip()):
        _build.problems.append(f"{where}: no `description` in its front matter (its meta description "
                               "and link preview; add one line `description: ...`)")
    elif not DESCRIPTION_MIN <= len(description) <= DESCRIPTION_MAX:
        _build.problems.append(f"{where}: its description has {len(description)} characters; a link preview needs "
                               f"{DESCRIPTION_MIN} to {DESCRIPTION_MAX}")
    if not title:
        _build.problems.append(f"{where}: no `title` in its front matter (its link preview's title)")
    else:
        preview = _build.previews.add(page_preview(catalog_of(config), config.site_name, where, title, description or ""))
        meta["preview"] = {"image": (config.site_url or "") + preview.path, "alt": preview.alt,
                           "width": WIDTH, "height": HEIGHT}
    styles = meta.get("styles", [])
    if not (isinstance(styles, list) and all(isinstance(s, str) for s in styles)):
        _build.problems.append(f"{page.file.src_uri}: `styles` must be a list of paths under docs/")
    else:
        for path in styles:
            if not _style_file(config, path).is_file():
                _build.problems.append(f"{page.file.src_uri}: styles: no file docs/{path}")
    return markdown


def on_env(env, config: MkDocsConfig, files: Files):
    if _build.problems:
        raise PluginError("pages that cannot be built as they are:\n  " + "\n  ".join(sorted(_build.problems)))
    env.globals["site_css"] = [_css(config, path) for path in SITE_STYLES]
    # The link previews the pages named (MkDocs copies files after this event).
    started = time.perf_counter()
    for path, drawn in _build.previews.files():
        files.append(File.generated(config, path, abs_src_path=str(drawn)))
    cache = _build.previews.cache
    log.info("link previews: %d drawn, %d reused in %.2f s", cache.drawn, cache.reused, time.perf_counter() - started)
    return env


def on_page_context(context: dict, page, config: MkDocsConfig, nav) -> dict:
    styles = page.meta.get("styles", [])
    context["page_css"] = [_css(config, path) for path in styles]
    # A page whose address carries what it shows in its query (the compare page: ?frameworks=...)
    # names no canonical address: a client that followed it would lose the query. The sitemap,
    # written before the pages, still lists the page.
    if page.meta.get("share") == "with-query":
        page.canonical_url = None
    return context



def _style_file(config: MkDocsConfig, path: str) -> Path:
    return Path(config.docs_dir) / path


def _css(config: MkDocsConfig, path: str) -> Markup:
    file = _style_file(config, path)
    if not file.is_file():
        raise PluginError(f"no stylesheet docs/{path}")
    css = file.read_text(encoding="utf-8")
    if "</" in css:  # would end the <style> element early
        raise PluginError(f"docs/{path}: '</' cannot be inlined into a <style> element")
    return Markup(css)


def on_post_build(config: MkDocsConfig) -> None:
    """The security headers (macros/publish/headers.py), from the HTML as written: the policy
    holds the hashes of its inline scripts and styles."""
    try:
        write_security_headers(Path(config.site_dir))
    except HeadersError as exc:
        raise PluginError(str(exc)) from None
