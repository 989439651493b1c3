"""Link previews: one image per page (1200 x 630 PNG, drawn from the data), the text that says
what it shows, and where it is published. Chat apps and social sites show the image when someone
shares a page; they run no JavaScript, so every image says what its page is for.

Images are drawn once per content (macros/publish/preview_image.py names each by a hash of what
shapes it) into a cache folder; a rebuild draws only what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import routes
from ..model.catalog import Catalog
from ..model.core import Framework
from ..model.sections.comparisons import Comparisons
from ..model.sections.decision_tree import DecisionTree
from ..views.blocks import language_text
from ..views.text import plain
from .preview_image import PreviewCache, PreviewCard, card_key

ROOT = Path(__file__).resolve().parent.parent.parent
CACHE_DIR = ROOT / ".cache" / "previews"
PUBLISHED_FOLDER = "assets/previews"
WIDTH, HEIGHT = 1200, 630


@dataclass(frozen=True)
class PagePreview:
    card: PreviewCard
    key: str
    alt: str

    @property
    def path(self) -> str:
        """Where the site serves the image (named by its content, so a changed image has a new
        address and no chat app shows a stale one)."""
        return f"{PUBLISHED_FOLDER}/{self.key}.png"


def _chips(catalog: Catalog, frameworks: list[Framework]) -> tuple[tuple[str, str], ...]:
    return tuple((plain(fw.name), plain(language_text(catalog, fw))) for fw in frameworks)


def _kind(catalog: Catalog, src_uri: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """What kind of page this is (the card's kicker), and the frameworks it is about (its chips)."""
    for fw in catalog.frameworks:
        if src_uri == routes.framework(fw.id):
            return "Framework", _chips(catalog, [fw])
    comparisons = catalog.find(Comparisons)
    for comparison in comparisons.items if comparisons else ():
        if src_uri == routes.comparison(comparison.id):
            members = [catalog.framework(fid) for fid in comparison.members]
            return "Comparison", _chips(catalog, members)
    tree = catalog.find(DecisionTree)
    for outcome in tree.outcomes.values() if tree else ():
        if src_uri == routes.outcome(outcome.id):
            return "Decision wizard", _chips(catalog, [catalog.framework(fid) for fid in outcome.frameworks])
    for language in catalog.languages:
        if src_uri == routes.language(language.id):
            return "Language", ()
    for use_case in catalog.use_cases:
        if src_uri == routes.use_case(use_case.id):
            return "Use case", ()
    kinds = {routes.COMPARE: "Compare frameworks", routes.WIZARD: "Decision wizard", routes.MATRIX: "Framework matrix",
             routes.HOME: None}
    return kinds.get(src_uri, "Guide"), ()


def page_preview(catalog: Catalog, site_name: str, src_uri: str, title: str, description: str) -> PagePreview:
    """The preview of a page from its title and description (plain text) and the data."""
    kicker, chips = _kind(catalog, src_uri)
    path = "/" + routes.url_of(src_uri)
    card = PreviewCard(title=plain(title), site_name=site_name, kicker=kicker, subtitle=plain(description),
                       items=chips, footer=path)
    about = f" ({', '.join(name for name, _ in chips)})" if chips else ""
    alt = f"{kicker}: {card.title}{about}. {site_name}." if kicker else f"{card.title}. {site_name}."
    return PagePreview(card, card_key(card), alt)


class Previews:
    """The previews of one build: drawn into the cache as pages ask for them."""

    def __init__(self, cache_dir: Path = CACHE_DIR):
        self.cache = PreviewCache(cache_dir)
        self.by_key: dict[str, PagePreview] = {}

    def add(self, preview: PagePreview) -> PagePreview:
        self.by_key[preview.key] = preview
        return preview

    def files(self) -> list[tuple[str, Path]]:
        """(site path, drawn file) of every preview added, drawing those the cache lacks."""
        return [(preview.path, self.cache.image(preview.card)) for preview in self.by_key.values()]

    def prune(self) -> int:
        """Remove cached images this build did not use (the cache keeps what the site shows)."""
        return self.cache.prune(set(self.by_key))
