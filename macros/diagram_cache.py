"""Diagrams drawn ahead of time: one SVG file per (Mermaid source, palette) in diagrams/.

`make diagrams` (macros/draw_diagrams.py) draws them with the site's own Mermaid in Chromium;
the build only reads them, so it never needs a browser: a view puts a placeholder where a drawing
goes, and the MkDocs layer fills it in the finished page (after Markdown, anchor checks and the
search index, none of which need to read a large SVG). A file is named by a hash of everything
that shapes the drawing: the Mermaid source, the palette, the versions of Mermaid and svgo (from
package-lock.json), the module that configures and runs Mermaid
(docs/assets/js/diagram-render.mjs) and the SVG optimisation below. Any change to one of them
makes the drawing a miss, and the page draws that diagram in the reader's browser instead.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

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
# An empty element that names its drawing; Markdown may re-order attributes (inside a <details
# markdown="1">), so any order is matched.
_PLACEHOLDER = re.compile(rf'(<div [^>]*\b{PLACEHOLDER_ATTRIBUTE}="([0-9a-f]{{{KEY_LENGTH}}})"[^>]*>)(</div>)')


def element_id(key: str) -> str:
    """The id Mermaid draws with: it prefixes every id inside the SVG, so two drawings on one
    page (the two palettes, or two diagrams) never share an id."""
    return f"diagram-{key}"


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

    def inline(self, html: str) -> str:
        """The page with every drawing placeholder (see views/diagrams.py) filled with its SVG."""
        def svg(match: re.Match) -> str:
            path = self.path(match.group(2))
            if not path.is_file():
                raise FileNotFoundError(f"{path} disappeared during the build: run the build again")
            return match.group(1) + path.read_text(encoding="utf-8").strip() + match.group(3)
        return _PLACEHOLDER.sub(svg, html)

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
