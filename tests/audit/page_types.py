"""One page of each type of the built site, for audits, browser checks and page weights.

Pages are picked from the built site by URL pattern, so page types added later (wizard,
comparisons...) are audited as soon as they are built. Where a type has several pages, the
heaviest HTML is picked: a budget that holds for it holds for the others. Which types MUST exist
comes from the data: a data file that describes comparisons means comparison pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from macros.model.catalog import load_catalog
from tests.helpers.datasets import DATA

Picker = Callable[[Path, Path], str | None]  # (site dir, data dir) -> URL relative to the site root


@dataclass(frozen=True)
class PageType:
    name: str
    pick: Picker
    # The data file (stem) whose presence means pages of this type must exist; None: always.
    required_by: str | None = None


def _page(path: str) -> Picker:
    url = f"{path}/" if path else ""
    return lambda site, data: url if (site / path / "index.html").is_file() else None


def _heaviest(section: str) -> Picker:
    """The largest page under `section`/ other than the section's own index."""
    def pick(site: Path, data: Path) -> str | None:
        pages = sorted((site / section).glob("*/index.html"))
        if not pages:
            return None
        heaviest = max(pages, key=lambda p: p.stat().st_size)
        return heaviest.parent.relative_to(site).as_posix() + "/"
    return pick


def _compare_any(site: Path, data: Path) -> str | None:
    """The compare-any page with the frameworks of the first matrix cell that has several."""
    if not (site / "compare" / "index.html").is_file():
        return None
    catalog = load_catalog(data, display_root=data.parent)
    ids = next((c.framework_ids for c in catalog.cells if len(c.framework_ids) >= 2),
               tuple(f.id for f in catalog.frameworks[:2]))
    return "compare/?frameworks=" + ",".join(ids[:3])


def _composer(site: Path, data: Path) -> str | None:
    """The stack composer with a stack other than the guide's: each slot's last choice, so the
    script redraws the drawing, its text and the sketch."""
    if not (site / "stack" / "index.html").is_file():
        return None
    from macros.model.sections.stack import StackComposer
    from macros.views.sections.stack import stack_json

    catalog = load_catalog(data, display_root=data.parent)
    slots = stack_json(catalog, catalog.section(StackComposer))["slots"]
    return "stack/?" + "&".join(f"{slot['id']}={slot['picks'][-1]['id']}" for slot in slots)


_FIGURE = re.compile(r'<figure class="diagram"')


def _most_diagrams(site: Path, data: Path) -> str | None:
    counts = {}
    for path in sorted(site.rglob("index.html")):
        count = len(_FIGURE.findall(path.read_text(encoding="utf-8")))
        if count:
            counts[path] = count
    if not counts:
        return None
    page = max(counts, key=lambda p: counts[p])  # first of the ties, in path order
    url = page.parent.relative_to(site).as_posix()
    return "" if url == "." else url + "/"


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", _page("")),
    PageType("matrix", _page("matrix")),
    PageType("use case", _heaviest("use-cases")),
    PageType("language", _heaviest("languages")),
    PageType("framework", _heaviest("frameworks")),
    PageType("comparison", _heaviest("compare"), required_by="comparisons"),
    PageType("compare-any", _compare_any, required_by="comparisons"),
    PageType("wizard", _page("wizard"), required_by="decision_tree"),
    PageType("composer", _composer, required_by="stack"),
    PageType("diagrams", _most_diagrams),
)


@dataclass(frozen=True)
class Selection:
    pages: dict[str, str]  # page type -> URL relative to the site root
    absent: dict[str, str]  # page type -> why it was not picked
    missing: list[str]  # types the data says exist but the site lacks


def select_pages(site: Path, data: Path = DATA) -> Selection:
    pages, absent, missing = {}, {}, []
    for page_type in PAGE_TYPES:
        url = page_type.pick(site, data)
        if url is not None:
            pages[page_type.name] = url
            continue
        required = page_type.required_by is None or (data / f"{page_type.required_by}.yaml").exists()
        if required:
            missing.append(page_type.name)
            absent[page_type.name] = "MISSING: the data says this page type exists, but the site has none"
        else:
            absent[page_type.name] = f"not built yet (no data/{page_type.required_by}.yaml)"
    return Selection(pages, absent, missing)
