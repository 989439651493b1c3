"""Diagrams drawn ahead of time (diagrams/, `make diagrams`): the committed cache has every diagram
of the real site and nothing else, a drawing is looked up by everything that shapes it, a hit is
shown as an image in both palettes and a miss is left for the browser, and the cached SVGs are
inert."""

from __future__ import annotations

import json
import re

import pytest

from macros.diagram_cache import CACHE_DIR, SCHEMES, DiagramCache, element_id, fingerprint, project_cache
from macros.draw_diagrams import site_diagrams
from macros.views.diagrams import diagram

SOURCE = 'flowchart LR\n  accTitle: Two boxes\n  n_a["A"] --> n_b["B"]'
FIGURE = re.compile(r'<figure class="diagram" data-drawing="(\w+)"')


def title(source: str) -> str:
    """A diagram's accTitle (or first line), to name it in a message."""
    return next((line.strip() for line in source.splitlines() if "accTitle:" in line), source.splitlines()[0])


# ── The committed cache matches the real site ────────────────────────────────────────────────

def test_every_diagram_of_the_site_is_drawn_ahead_of_time_and_no_drawing_is_stale(built_site):
    found = site_diagrams(built_site)
    figures = [kind for page in built_site.rglob("*.html") for kind in FIGURE.findall(page.read_text(encoding="utf-8"))]
    assert figures, "the site has no diagram"
    missing = {title(source): pages for source, pages in found.missing.items()}
    assert not missing, f"diagrams missing from {CACHE_DIR.name}/ (drawn in the browser instead): {missing}; run `make diagrams`"
    assert figures.count("image") == len(figures)
    stale = [path.name for path in project_cache().files() if path.stem not in found.used_keys]
    assert not stale, f"drawings no page uses: {stale}; run `make diagrams`"
    assert len(found.used_keys) == len(project_cache().files())


def test_cached_drawings_are_inert_one_line_svgs_with_ids_of_their_own():
    files = project_cache().files()
    assert files
    for path in files:
        svg = path.read_text(encoding="utf-8").strip()
        own_id = element_id(path.stem)
        assert "\n" not in svg, f"{path.name}: a raw HTML block in Markdown ends at a blank line"
        assert svg.startswith("<svg ") and f' id="{own_id}"' in svg.split(">", 1)[0], path.name
        # Unique on a page: every id inside is derived from the drawing's own.
        assert all(own_id in i for i in re.findall(r'(?<![\w-])id="([^"]*)"', svg)), path.name
        assert ' role="img"' in svg and re.search(rf'<title id="chart-title-{own_id}">[^<]+</title>', svg), path.name
        assert re.search(r'viewBox="[\d. -]+"', svg), f"{path.name}: no viewBox, the page cannot reserve its space"
        assert not re.search(r"<script|\son\w+\s*=|javascript:|\bhref=", svg, re.I), path.name


# ── Lookup: a key for everything that shapes a drawing ───────────────────────────────────────

@pytest.fixture
def render_files(tmp_path):
    module = tmp_path / "diagram-render.mjs"
    module.write_text("export const FONT_FAMILY = 'Arial';\n", encoding="utf-8")
    lock = tmp_path / "package-lock.json"
    lock.write_text(json.dumps({"packages": {"node_modules/mermaid": {"version": "11.0.0"},
                                             "node_modules/svgo": {"version": "4.0.0"}}}), encoding="utf-8")
    return module, lock


def test_the_key_changes_with_the_source_the_palette_mermaid_and_the_render_module(tmp_path, render_files):
    module, lock = render_files
    cache = DiagramCache(tmp_path, fingerprint(module, lock))
    keys = {cache.key(SOURCE, "default"), cache.key(SOURCE, "slate"), cache.key(SOURCE + " ", "default")}
    lock.write_text(lock.read_text().replace("11.0.0", "11.0.1"), encoding="utf-8")
    keys.add(DiagramCache(tmp_path, fingerprint(module, lock)).key(SOURCE, "default"))
    module.write_text(module.read_text() + "// changed\n", encoding="utf-8")
    keys.add(DiagramCache(tmp_path, fingerprint(module, lock)).key(SOURCE, "default"))
    assert len(keys) == 5
    assert cache.key(SOURCE, "default") == DiagramCache(tmp_path / "x", cache.fingerprint).key(SOURCE, "default")
    assert fingerprint(tmp_path / "absent.mjs", lock) is None


def fake_drawings(cache: DiagramCache, source: str, schemes=SCHEMES) -> None:
    for scheme, key in cache.keys(source).items():
        if scheme in schemes:
            cache.path(key).write_text(f'<svg id="{element_id(key)}" role="img" viewBox="0 0 120.4 40">'
                                       f'<title id="t">Two &amp; boxes</title><text>{scheme}</text></svg>\n',
                                       encoding="utf-8")


def test_a_hit_shows_both_palettes_as_images_and_a_miss_leaves_the_source_for_the_browser(tmp_path, render_files):
    cache = DiagramCache(tmp_path, fingerprint(*render_files))
    miss = diagram(SOURCE, "Two **boxes**.", "boxes-table", cache)
    assert miss.startswith('<figure class="diagram" data-drawing="client" aria-describedby="boxes-table">')
    assert '<pre class="diagram-source" hidden>flowchart LR\n  accTitle: Two boxes\n  n_a[&#34;A&#34;]' in miss
    assert "diagram-drawing" not in miss

    fake_drawings(cache, SOURCE, schemes=("default",))  # one palette only: still a miss
    assert 'data-drawing="client"' in diagram(SOURCE, "Two boxes.", "boxes-table", cache)

    fake_drawings(cache, SOURCE)
    hit = diagram(SOURCE, "Two **boxes**.", "boxes-table", cache)
    assert hit.startswith('<figure class="diagram" data-drawing="image" aria-describedby="boxes-table">')
    assert "diagram-source" not in hit and "<img" not in hit  # the page gets its images once built
    assert '<figcaption>Two <strong>boxes</strong>. <a class="diagram-alt-link" href="#boxes-table">' in hit
    keys = cache.keys(SOURCE)
    assert cache.used_keys(str(hit)) == list(keys.values())
    page = cache.fill(f"<article>{hit}</article>", lambda drawing: f"../{drawing.published_path}")
    for scheme, key in keys.items():
        # The size from the viewBox (space reserved before it loads), the title as text alternative.
        assert (f'<div class="diagram-drawing" data-scheme="{scheme}" data-drawing-key="{key}">'
                f'<img src="../assets/diagrams/{key}.svg" width="120" height="40" alt="Two &amp; boxes" '
                'loading="lazy" decoding="async"></div>') in page
    # Markdown may re-write the placeholder (attribute order) inside a <details markdown="1">.
    key = keys["slate"]
    moved = f'<div data-drawing-key="{key}" class="diagram-drawing" data-scheme="slate"></div>'
    assert f'src="{key}.svg"' in cache.fill(moved, lambda drawing: f"{drawing.key}.svg")
    cache.path(key).write_text('<svg role="img"><text>no viewBox, no title</text></svg>', encoding="utf-8")
    with pytest.raises(ValueError, match="make diagrams"):
        cache.fill(moved, lambda drawing: "x.svg")
    cache.path(key).unlink()
    with pytest.raises(FileNotFoundError):
        cache.fill(moved, lambda drawing: "x.svg")


def test_without_a_fingerprint_every_diagram_is_drawn_in_the_browser(tmp_path, render_files):
    fake_drawings(DiagramCache(tmp_path, fingerprint(*render_files)), SOURCE)
    assert 'data-drawing="client"' in diagram(SOURCE, "Two boxes.", "boxes-table", DiagramCache(tmp_path, None))
