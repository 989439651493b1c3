"""Diagrams drawn ahead of time (diagrams/, `make diagrams`): the committed drawings are inert
one-line SVGs, a drawing is looked up by everything that shapes it, and a diagram with a drawing
in both palettes shows as images that open full size, otherwise as its text."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from macros.model.routes import Linker
from macros.source.drawings import (
    CACHE_DIR,
    SCHEMES,
    DrawingError,
    Drawings,
    element_id,
    fingerprint,
    read_drawings,
)
from macros.views.diagrams import diagram
from tests.helpers.data import CATALOG

SOURCE = 'flowchart LR\n  accTitle: Two boxes\n  n_a["A"] --> n_b["B"]'


def test_committed_drawings_are_inert_one_line_svgs_with_ids_of_their_own():
    files = sorted(CACHE_DIR.glob("*.svg"))
    assert files
    for path in files:
        svg = path.read_text(encoding="utf-8").strip()
        own_id = element_id(path.stem)
        assert "\n" not in svg, path.name
        assert svg.startswith("<svg ") and f' id="{own_id}"' in svg.split(">", 1)[0], path.name
        # Unique on a page: every id inside is derived from the drawing's own.
        assert all(own_id in i for i in re.findall(r'(?<![\w-])id="([^"]*)"', svg)), path.name
        assert ' role="img"' in svg and re.search(rf'<title id="chart-title-{own_id}">[^<]+</title>', svg), path.name
        assert re.search(r'viewBox="[\d. -]+"', svg), f"{path.name}: no viewBox, the page cannot reserve its space"
        assert not re.search(r"<script|\son\w+\s*=|javascript:|\bhref=", svg, re.I), path.name


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
    cache = Drawings(tmp_path, fingerprint(module, lock))
    keys = {cache.key(SOURCE, "default"), cache.key(SOURCE, "slate"), cache.key(SOURCE + " ", "default")}
    lock.write_text(lock.read_text().replace("11.0.0", "11.0.1"), encoding="utf-8")
    keys.add(Drawings(tmp_path, fingerprint(module, lock)).key(SOURCE, "default"))
    module.write_text(module.read_text() + "// changed\n", encoding="utf-8")
    keys.add(Drawings(tmp_path, fingerprint(module, lock)).key(SOURCE, "default"))
    assert len(keys) == 5
    assert cache.key(SOURCE, "default") == Drawings(tmp_path / "x", cache.fingerprint).key(SOURCE, "default")
    assert fingerprint(tmp_path / "absent.mjs", lock) is None


def fake_drawings(cache: Drawings, source: str, schemes=SCHEMES) -> None:
    for scheme, key in cache.keys(source).items():
        if scheme in schemes:
            cache.path(key).write_text(f'<svg id="{element_id(key)}" role="img" viewBox="0 0 120.4 40">'
                                       f'<title id="t">Two &amp; boxes</title><text>{scheme}</text></svg>\n',
                                       encoding="utf-8")


def shown(drawings: Drawings, caption: str = "Two **boxes**.") -> str:
    catalog = replace(CATALOG, drawings=drawings)
    return str(diagram(catalog, Linker("architecture/index.md"), SOURCE, caption, "boxes-table"))


def test_a_drawing_in_both_palettes_shows_as_images_that_open_full_size_else_the_text(tmp_path, render_files):
    folder = tmp_path / "diagrams"
    folder.mkdir()
    print_ = fingerprint(*render_files)
    miss = shown(Drawings(folder, print_))
    assert miss.startswith('<figure class="diagram" data-drawing="missing" aria-describedby="boxes-table">')
    assert "make diagrams" in miss and '<pre class="diagram-source">flowchart LR\n  accTitle: Two boxes\n  n_a[&#34;A&#34;]' in miss
    assert "<img" not in miss

    fake_drawings(Drawings(folder, print_), SOURCE, schemes=("default",))  # one palette only: still a miss
    assert 'data-drawing="missing"' in shown(read_drawings(folder, *render_files))

    fake_drawings(Drawings(folder, print_), SOURCE)
    hit = shown(read_drawings(folder, *render_files))
    assert hit.startswith('<figure class="diagram" data-drawing="image" aria-describedby="boxes-table">')
    assert "diagram-source" not in hit
    assert '<figcaption>Two <strong>boxes</strong>. <a class="diagram-alt-link" href="#boxes-table">' in hit
    for scheme, key in Drawings(folder, print_).keys(SOURCE).items():
        # Its final address from the page, its size from the viewBox (space reserved before it
        # loads), its title as text alternative, and a link to the drawing at full size.
        src = f"../assets/diagrams/{key}.svg"
        assert (f'<a class="diagram-drawing" data-scheme="{scheme}" href="{src}" title="Open the diagram full size">'
                f'<img src="{src}" width="120" height="40" alt="Two &amp; boxes" loading="lazy" decoding="async"></a>') in hit


def test_without_a_fingerprint_no_drawing_is_found_and_a_broken_drawing_is_named(tmp_path, render_files):
    folder = tmp_path / "diagrams"
    folder.mkdir()
    fake_drawings(Drawings(folder, fingerprint(*render_files)), SOURCE)
    assert 'data-drawing="missing"' in shown(Drawings(folder, None, read_drawings(folder, *render_files).by_key))
    (folder / "0123456789abcdef.svg").write_text('<svg role="img"><text>no viewBox, no title</text></svg>', encoding="utf-8")
    with pytest.raises(DrawingError, match="make diagrams"):
        read_drawings(folder, *render_files)
