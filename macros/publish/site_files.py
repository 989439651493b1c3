"""The files the data makes: the generated Markdown pages, the JSON under api/, the drawings of
the diagrams. Engine-agnostic: an engine adapter adds them to its build, the `generate` command
writes them to a folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model.catalog import Catalog
from ..views.site import generated_pages
from .api import api_files


@dataclass(frozen=True)
class SiteFile:
    path: str  # where the file goes, relative to the docs folder (pages) or the site root
    text: str | None = None  # its content, or
    source: Path | None = None  # a file to copy as it is
    page: bool = False  # a Markdown page for the engine to render


def site_files(catalog: Catalog, data_dir: Path) -> Iterator[SiteFile]:
    for page in generated_pages(catalog):
        yield SiteFile(page.src_uri, text=page.content, page=True)
    for path, text in api_files(catalog, data_dir):
        yield SiteFile(path, text=text)
    if catalog.drawings is not None:
        # Every drawing on disk: `make diagrams` keeps only those the pages use, and a test
        # fails when one is stale.
        for drawing in catalog.drawings.by_key.values():
            yield SiteFile(drawing.published_path, source=drawing.file)


def write(files: Iterator[SiteFile], out: Path) -> int:
    """Write the files under `out`; returns how many."""
    count = 0
    for file in files:
        target = out / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if file.source is not None:
            target.write_bytes(file.source.read_bytes())
        else:
            target.write_text(file.text or "", encoding="utf-8")
        count += 1
    return count
