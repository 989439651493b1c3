"""The MkDocs-facing layer: load the catalog once per build, add generated pages, nav entries and
files. Everything it calls is plain Python that knows nothing of MkDocs."""

from __future__ import annotations

import copy
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .catalog import Catalog
from .diagram_cache import project_cache
from .errors import DataValidationError
from .loader import load_catalog
from .pages import generated_pages, nav_children
from .published import published_files
from .routes import Linker

_CATALOG_KEY = "data_catalog"
MERMAID_DIST = Path("node_modules", "mermaid", "dist")
MERMAID_SITE_DIR = "assets/vendor/mermaid"


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def catalog_of(config: MkDocsConfig) -> Catalog:
    """The catalog this build loaded (MkDocs makes a new config object for every build)."""
    catalog = config.get(_CATALOG_KEY)
    if catalog is None:
        raise PluginError("the data catalog was not loaded: is macros/hooks.py listed under hooks: in mkdocs.yml?")
    return catalog


def on_config(config: MkDocsConfig) -> MkDocsConfig:
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
    for page in generated_pages(catalog):
        _add(files, File.generated(config, page.src_uri, content=page.content))
    for path, content in published_files(catalog, project_root(config) / "data"):
        _add(files, File.generated(config, path, content=content))
    dist = project_root(config) / MERMAID_DIST
    if not (dist / "mermaid.esm.min.mjs").is_file():
        raise PluginError(f"{MERMAID_DIST}/mermaid.esm.min.mjs is missing: run `make setup` (npm ci) first")
    for source in [dist / "mermaid.esm.min.mjs", *sorted((dist / "chunks" / "mermaid.esm.min").glob("*.mjs"))]:
        relative = source.relative_to(dist).as_posix()
        _add(files, File.generated(config, f"{MERMAID_SITE_DIR}/{relative}", abs_src_path=str(source)))
    return files


def on_env(env, config: MkDocsConfig, files: Files):
    """Publish the drawings the rendered pages use (MkDocs copies files after this event): a
    drawing no page shows, e.g. one that data has made stale, stays out of the site."""
    cache = project_cache()
    used = {key for file in files.documentation_pages() if file.page and file.page.content
            for key in cache.used_keys(file.page.content)}
    for key in sorted(used):
        try:
            drawing = cache.drawing(key)
        except (FileNotFoundError, ValueError) as exc:
            raise PluginError(str(exc)) from None
        _add(files, File.generated(config, drawing.published_path, abs_src_path=str(cache.path(key))))
    return env


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Fill the placeholders of diagrams drawn ahead of time with an <img> of their drawing."""
    linker = Linker(page.file.src_uri)
    try:
        return project_cache().fill(output, lambda drawing: linker.asset(drawing.published_path))
    except (FileNotFoundError, ValueError) as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None


def _add(files: Files, file: File) -> None:
    if files.get_file_from_path(file.src_uri) is not None:
        raise PluginError(f"generated file {file.src_uri} would replace a file in docs/; remove one of them")
    files.append(file)
