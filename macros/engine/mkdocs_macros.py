"""The macros of the hand-written pages in docs/, for mkdocs-macros (which calls define_env once
per build, through macros/__init__.py)."""

from __future__ import annotations

from ..model.routes import Linker
from ..publish.api import api_files
from ..views.api_files import published_list
from ..views.site import page_macros
from .mkdocs_build import catalog_of, project_root


def define_env(env) -> None:
    catalog = catalog_of(env.conf)

    def link() -> Linker:
        return Linker(env.page.file.src_uri)

    for name, bind in page_macros(catalog).items():
        env.macro(lambda *args, bind=bind: bind(link())(*args), name)
    data_dir = project_root(env.conf) / "data"
    env.macro(lambda: published_list(api_files(catalog, data_dir), link()), "published_data_files")
