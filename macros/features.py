"""The site's features beyond the core matrix, each a module of this package.

A feature module may define any of:
  DATA_FILE       stem of the data/*.yaml file it owns (with data/schema/<stem>.schema.json)
  RECORD_LABELS   {top-level key of its file: singular used in error messages}
  LOAD_AFTER      stems of the data files whose parts its load reads (it then loads after them)
  load(doc, catalog, report) -> part       checks its file; the part is catalog.part(DATA_FILE)
  pages(catalog) -> [GeneratedPage]        pages generated from data
  nav(catalog) -> {index src_uri: [nav entries]}   generated nav entries under a section index
  published(catalog, data_dir) -> [(site path, text)]   files under the site root, e.g. api/*.json
  macros(catalog, link) -> {name: function}   macros for hand-written pages; link() gives a Linker
  framework_sections(catalog, framework, link) -> [markdown]   appended to each framework page
  use_case_sections(catalog, use_case, link) -> [markdown]     appended to each use-case page
  language_sections(catalog, language, link) -> [markdown]     appended to each language page
"""

from __future__ import annotations

import importlib
from types import ModuleType

# Add a feature by adding its module here.
FEATURE_MODULES: tuple[str, ...] = (
    "macros.wizard",
    "macros.comparisons",
    "macros.api_export",
    "macros.architecture",
    "macros.guidance",
    "macros.migration",
    "macros.claims",
)


def features() -> list[ModuleType]:
    return [importlib.import_module(name) for name in FEATURE_MODULES]


def with_attr(name: str) -> list[ModuleType]:
    return [f for f in features() if hasattr(f, name)]


def load_order() -> list[ModuleType]:
    """The features with a `load`, in FEATURE_MODULES order except that each comes after the
    features named in its LOAD_AFTER (the order of pages and sections stays FEATURE_MODULES')."""
    loaders = with_attr("load")
    by_file = {f.DATA_FILE: f for f in loaders}
    order: list[ModuleType] = []

    def visit(feature: ModuleType, trail: tuple[str, ...]) -> None:
        if feature in order:
            return
        if feature.DATA_FILE in trail:
            raise ValueError(f"LOAD_AFTER forms a cycle: {' → '.join((*trail, feature.DATA_FILE))}")
        for stem in getattr(feature, "LOAD_AFTER", ()):
            if stem in by_file:
                visit(by_file[stem], (*trail, feature.DATA_FILE))
        order.append(feature)

    for feature in loaders:
        visit(feature, ())
    return order
