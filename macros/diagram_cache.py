"""Diagrams drawn ahead of time: one SVG file per (Mermaid source, palette) in diagrams/.

`make diagrams` (macros/draw_diagrams.py) draws them with the site's own Mermaid in Chromium;
the build only reads them, so it never needs a browser: a view puts a placeholder where a drawing
goes, the MkDocs layer publishes the drawings the pages use (assets/diagrams/<key>.svg) and fills
each placeholder of the finished page with an <img> of its drawing. A file is named by a hash of
everything that shapes the drawing: the Mermaid source, the palette, the versions of Mermaid and
svgo (from package-lock.json), the module that configures and runs Mermaid
(docs/assets/js/diagram-render.mjs) and the SVG optimisation below. Any change to one of them
makes the drawing a miss, and the page draws that diagram in the reader's browser instead.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

ROOT = Path(__file__).resolve().parent.parent
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
PLACEHOLDER_ATTRIBUTE = "data-drawing-key"
# Where the site serves the drawings its pages use.
PUBLISHED_FOLDER = "assets/diagrams"
# An empty element that names its drawing; Markdown may re-order attributes (inside a <details
# markdown="1">), so any order is matched.
_PLACEHOLDER = re.compile(rf'(<div [^>]*\b{PLACEHOLDER_ATTRIBUTE}="([0-9a-f]{{{KEY_LENGTH}}})"[^>]*>)(</div>)')
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

    @property
    def published_path(self) -> str:
        return f"{PUBLISHED_FOLDER}/{self.key}.svg"


def image(drawing: Drawing, src: str) -> Markup:
    """The <img> of a drawing. Lazy: the browser fetches it when it comes near the viewport, and
    never while it is hidden (the other palette's drawing, a folded <details>)."""
    return Markup('<img src="{}" width="{}" height="{}" alt="{}" loading="lazy" decoding="async">').format(
        src, drawing.width, drawing.height, drawing.title)


@dataclass(frozen=True)
class DiagramCache:
    folder: Path
    # Everything but the source and palette that shapes a drawing; None when it cannot be known
    # (every lookup misses, and the page draws its diagrams in the browser).
    fingerprint: str | None

    def key(self, source: str, scheme: str) -> str:
        text = json.dumps([self.fingerprint, scheme, source])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:KEY_LENGTH]

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.svg"

    def keys(self, source: str) -> dict[str, str]:
        """Palette -> key of the drawing of `source` in that palette."""
        return {scheme: self.key(source, scheme) for scheme in SCHEMES}

    def drawn(self, source: str) -> dict[str, str] | None:
        """Palette -> key, or None unless the cache has the drawing in every palette."""
        if self.fingerprint is None:
            return None
        keys = self.keys(source)
        return keys if all(self.path(key).is_file() for key in keys.values()) else None

    def drawing(self, key: str) -> Drawing:
        path = self.path(key)
        if not path.is_file():
            raise FileNotFoundError(f"{path} disappeared during the build: run the build again")
        svg = path.read_text(encoding="utf-8")
        view_box, title = _VIEW_BOX.search(svg), _TITLE.search(svg)
        if view_box is None or title is None:
            raise ValueError(f"{path} has no viewBox or no <title>: run `make diagrams` to draw it again")
        width, height = (round(float(n)) for n in view_box.groups())
        return Drawing(key, width, height, html.unescape(title.group(1)).strip())

    @staticmethod
    def used_keys(page_html: str) -> list[str]:
        """Keys of the drawings whose placeholders (see views/diagrams.py) are in a page."""
        return [match.group(2) for match in _PLACEHOLDER.finditer(page_html)]

    def fill(self, page_html: str, src: Callable[[Drawing], str]) -> str:
        """The page with every drawing placeholder filled with the <img> of its drawing; `src`
        gives the drawing's address as seen from the page."""
        def img(match: re.Match) -> str:
            drawing = self.drawing(match.group(2))
            return match.group(1) + str(image(drawing, src(drawing))) + match.group(3)
        return _PLACEHOLDER.sub(img, page_html)

    def files(self) -> list[Path]:
        return sorted(self.folder.glob("*.svg"))


def fingerprint(render_module: Path = RENDER_MODULE, lock_file: Path = LOCK_FILE) -> str | None:
    if not (render_module.is_file() and lock_file.is_file()):
        return None
    packages = json.loads(lock_file.read_text(encoding="utf-8")).get("packages", {})
    versions = {name: packages.get(f"node_modules/{name}", {}).get("version") for name in DRAWING_PACKAGES}
    module = render_module.read_text(encoding="utf-8").replace("\r\n", "\n")  # same key on any checkout
    return json.dumps([versions, SVG_OPTIMIZATION, module])


@functools.cache
def project_cache() -> DiagramCache:
    """The project's cache (read once per build: hooks.py re-imports this package per build)."""
    return DiagramCache(CACHE_DIR, fingerprint())
