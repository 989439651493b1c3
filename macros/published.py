"""Files published for the browser and for anyone who wants the data, e.g. JSON under api/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .catalog import Catalog
from .features import with_attr


def published_files(catalog: Catalog, data_dir: Path) -> Iterator[tuple[str, str]]:
    for feature in with_attr("published"):
        yield from feature.published(catalog, data_dir)
