"""Macros for the hand-written pages in docs/ (mkdocs-macros calls define_env once per build)."""

from __future__ import annotations

from .features import with_attr
from .mkdocs_build import catalog_of
from .routes import Linker
from .views.listings import framework_index, language_cards, use_case_cards
from .views.matrix import matrix_table


def define_env(env) -> None:
    catalog = catalog_of(env.conf)

    def link() -> Linker:
        return Linker(env.page.file.src_uri)

    macros = {
        "framework_matrix": lambda: matrix_table(catalog, link()),
        "use_case_cards": lambda: use_case_cards(catalog, link()),
        "language_cards": lambda: language_cards(catalog, link()),
        "framework_index": lambda: framework_index(catalog, link()),
        "count": lambda what: len(getattr(catalog, what)),
    }
    for name, function in macros.items():
        env.macro(function, name)
    for feature in with_attr("macros"):
        for name, function in feature.macros(catalog, link).items():
            env.macro(function, name)
