"""The committed drawings (diagrams/, `make diagrams`) are those of the real site's diagrams, all
of them and nothing else."""

from __future__ import annotations

import re

from macros.source.drawings import CACHE_DIR
from macros.tools.draw_diagrams import site_diagrams

FIGURE = re.compile(r'<figure class="diagram" data-drawing="(\w+)"')


def title(source: str) -> str:
    """A diagram's accTitle (or first line), to name it in a message."""
    return next((line.strip() for line in source.splitlines() if "accTitle:" in line), source.splitlines()[0])


def test_every_diagram_of_the_site_is_drawn_ahead_of_time_and_no_drawing_is_stale(built_site):
    found = site_diagrams(built_site)
    figures = [kind for page in built_site.rglob("*.html") for kind in FIGURE.findall(page.read_text(encoding="utf-8"))]
    assert figures, "the site has no diagram"
    missing = {title(source): pages for source, pages in found.missing.items()}
    assert not missing, f"diagrams without a drawing in {CACHE_DIR.name}/: {missing}; run `make diagrams`"
    assert figures.count("image") == len(figures)
    stale = [path.name for path in sorted(CACHE_DIR.glob("*.svg")) if path.stem not in found.used_keys]
    assert not stale, f"drawings no page uses: {stale}; run `make diagrams`"
