"""What a shared link shows before anyone opens it: every page has one preview image (a 1200 x 630
PNG the site serves, named by its content), its text alternative and a large-image card, a
description of 50 to 200 characters, and ids that are unique; the compare page, whose address
names what it compares, sends no client to an address without its query."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from PIL import Image

from macros.publish.previews import CACHE_DIR, PUBLISHED_FOLDER
from macros.views.blocks import DESCRIPTION_MAX, DESCRIPTION_MIN


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.ids: list[str] = []
        self.canonical: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name")
            if key:
                self.meta.setdefault(key, []).append(attributes.get("content") or "")
        if tag == "link" and attributes.get("rel") == "canonical":
            self.canonical.append(attributes.get("href") or "")


def parsed(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if p.parent.name not in ("api",))


def test_every_page_has_one_preview_image_with_its_alt_text_and_a_large_card(built_site, site_url):
    found = pages(built_site)
    assert len(found) > 100
    images = set()
    for path in found:
        where = path.relative_to(built_site).as_posix()
        meta = parsed(path).meta
        for key in ("og:image", "og:image:alt", "og:image:width", "og:image:height", "twitter:card", "twitter:image"):
            assert len(meta.get(key, [])) == 1, (where, key)
        image = meta["og:image"][0]
        assert image.startswith(f"{site_url}{PUBLISHED_FOLDER}/") and image == meta["twitter:image"][0], where
        assert meta["twitter:card"] == ["summary_large_image"], where
        assert (meta["og:image:width"], meta["og:image:height"]) == (["1200"], ["630"]), where
        assert meta["og:title"][0] in meta["og:image:alt"][0], where
        images.add(image.removeprefix(site_url))
    for relative in images:
        with Image.open(built_site / relative) as png:
            assert png.format == "PNG" and png.size == (1200, 630), relative
    # Named by content: pages that say different things have different images.
    assert len(images) == len(found)


def test_the_published_images_are_the_cached_drawings(built_site):
    published = sorted((built_site / PUBLISHED_FOLDER).glob("*.png"))
    assert published
    for path in published:
        assert path.read_bytes() == (CACHE_DIR / path.name).read_bytes(), path.name


def test_every_description_says_enough_and_fits_a_preview(built_site):
    lengths = {path.relative_to(built_site).as_posix(): len(parsed(path).meta["description"][0]) for path in pages(built_site)}
    outside = {where: n for where, n in lengths.items() if not DESCRIPTION_MIN <= n <= DESCRIPTION_MAX}
    assert not outside


def test_ids_are_unique_on_every_page(built_site):
    repeated = {}
    for path in sorted(built_site.rglob("*.html")):
        counts = Counter(parsed(path).ids)
        twice = sorted(i for i, n in counts.items() if n > 1)
        if twice:
            repeated[path.relative_to(built_site).as_posix()] = twice
    assert not repeated


def test_the_compare_page_names_no_address_without_its_query(built_site, site_url):
    head = parsed(built_site / "compare" / "index.html")
    assert "og:url" not in head.meta and head.canonical == []
    # Its preview still says what a shared link is for; other pages keep their canonical address.
    assert "link" in head.meta["og:description"][0] and "frameworks" in head.meta["og:description"][0]
    other = parsed(built_site / "compare" / "actix-web-vs-axum" / "index.html")
    assert other.canonical == [f"{site_url}compare/actix-web-vs-axum/"] == other.meta["og:url"]
    assert f"{site_url}compare/" in (built_site / "sitemap.xml").read_text(encoding="utf-8")
