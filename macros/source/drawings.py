"""Diagrams drawn ahead of time: one SVG file per (Mermaid source, palette) in diagrams/.

`make diagrams` (macros/tools/draw_diagrams.py) draws them with Mermaid in Chromium; the build
only reads them, so it never needs a browser or Node.js. A file is named by a hash of everything
that shapes the drawing: the Mermaid source, the palette, the versions of Mermaid and svgo (from
package-lock.json), the module that configures and runs Mermaid (docs/assets/js/diagram-render.mjs)
and the SVG optimisation below. Any change to one of them makes the drawing a miss: the page
then shows the diagram's text and asks for `make diagrams`.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CACHE_DIR = ROOT / "diagrams"
RENDER_MODULE = ROOT / "docs" / "assets" / "js" / "diagram-render.mjs"
LOCK_FILE = ROOT / "package-lock.json"
DRAWING_PACKAGES = ("mermaid", "svgo")
# Material's palettes (data-md-color-scheme); diagram-render.mjs maps each to a Mermaid theme.
SCHEMES = ("default", "slate")
KEY_LENGTH = 16  # hex digits of SHA-256: collisions are not a concern at a few dozen files
# svgo settings for the drawings. Most of a drawing's bytes are path data (Mermaid draws rounded
# shapes as paths of many points, twice) and its stylesheet (every rule of the theme): these
# plugins shorten the paths (to 0.01 px, far below what shows), drop the rules nothing uses and
# the data Mermaid keeps on edges for its own scripts. Each drawing looks the same, pixel for
# pixel; svgo's default preset does not (it moves Mermaid's styles and blacks out edge labels).
SVG_OPTIMIZATION = {"multipass": True, "floatPrecision": 2,
                    "plugins": ["convertPathData", "cleanupNumericValues", "convertTransform", "minifyStyles",
                                {"name": "removeAttrs", "params": {"attrs": "data-(points|et|edge|id)"}}]}
# Where the site serves the drawings.
PUBLISHED_FOLDER = "assets/diagrams"
# What an <img> of a drawing needs from it (Mermaid writes its accTitle as the SVG's <title>).
_VIEW_BOX = re.compile(r'<svg [^>]*\bviewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"')
_TITLE = re.compile(r"<title\b[^>]*>([^<]*)</title>")


def element_id(key: str) -> str:
    """The id Mermaid draws with: it prefixes every id inside the SVG, so two drawings on one
    page (the two palettes, or two diagrams) never share an id."""
    return f"diagram-{key}"


@dataclass(frozen=True)
class Drawing:
    key: str
    width: int  # CSS pixels, from the viewBox: the page reserves the drawing's space before it loads
    height: int
    title: str  # plain text: the diagram's accTitle
    file: Path

    @property
    def published_path(self) -> str:
        return f"{PUBLISHED_FOLDER}/{self.key}.svg"


class DrawingError(Exception):
    pass


@dataclass(frozen=True)
class Drawings:
    """The drawings on disk, by key, and the fingerprint that names new ones."""

    folder: Path
    # Everything but the source and palette that shapes a drawing; None when it cannot be known
    # (every lookup misses).
    fingerprint: str | None
    by_key: Mapping[str, Drawing] = field(default_factory=dict)

    def key(self, source: str, scheme: str) -> str:
        text = json.dumps([self.fingerprint, scheme, source])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:KEY_LENGTH]

    def keys(self, source: str) -> dict[str, str]:
        """Palette -> key of the drawing of `source` in that palette."""
        return {scheme: self.key(source, scheme) for scheme in SCHEMES}

    def find(self, source: str) -> dict[str, Drawing] | None:
        """Palette -> drawing, or None unless there is a drawing in every palette."""
        if self.fingerprint is None:
            return None
        keys = self.keys(source)
        return {s: self.by_key[k] for s, k in keys.items()} if all(k in self.by_key for k in keys.values()) else None

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.svg"


def read_drawing(path: Path) -> Drawing:
    svg = path.read_text(encoding="utf-8")
    view_box, title = _VIEW_BOX.search(svg), _TITLE.search(svg)
    if view_box is None or title is None:
        raise DrawingError(f"{path.name} has no viewBox or no <title>: delete it and run `make diagrams`")
    width, height = (round(float(n)) for n in view_box.groups())
    return Drawing(path.stem, width, height, html.unescape(title.group(1)).strip(), path)


def fingerprint(render_module: Path = RENDER_MODULE, lock_file: Path = LOCK_FILE) -> str | None:
    if not (render_module.is_file() and lock_file.is_file()):
        return None
    packages = json.loads(lock_file.read_text(encoding="utf-8")).get("packages", {})
    versions = {name: packages.get(f"node_modules/{name}", {}).get("version") for name in DRAWING_PACKAGES}
    module = render_module.read_text(encoding="utf-8").replace("\r\n", "\n")  # same key on any checkout
    return json.dumps([versions, SVG_OPTIMIZATION, module])


def read_drawings(folder: Path = CACHE_DIR, render_module: Path = RENDER_MODULE, lock_file: Path = LOCK_FILE) -> Drawings:
    """Every drawing in `folder`. Raises DrawingError for a file that is not a drawing."""
    by_key = {path.stem: read_drawing(path) for path in sorted(folder.glob("*.svg"))} if folder.is_dir() else {}
    return Drawings(folder, fingerprint(render_module, lock_file), by_key)
