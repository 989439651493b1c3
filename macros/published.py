"""Files published for the browser and for anyone who wants the data: JSON under api/."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from .catalog import Catalog

# Producers of (site path, text) pairs; later features add theirs here.
PUBLISHERS: list[Callable[[Catalog, Path], Iterator[tuple[str, str]]]] = []


def published_files(catalog: Catalog, data_dir: Path) -> Iterator[tuple[str, str]]:
    for publish in PUBLISHERS:
        yield from publish(catalog, data_dir)
