"""Link-preview images (macros/publish/preview_image.py): a 1200 x 630 PNG per card, the same
bytes for the same card, a key that changes with the card and with everything that shapes the
drawing, a cache that draws once and prunes only its own stale files, and text of any length or
content kept inside the margins, in readable contrast."""

from __future__ import annotations

import ast
import dataclasses
import io
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from macros.publish import preview_image as pi
from macros.publish.preview_image import (
    PreviewCache,
    PreviewCard,
    card_key,
    layout,
    render_png,
)

ROOT = Path(__file__).resolve().parents[2]
SITE = "Data API Frameworks"
COMPARISON = PreviewCard(
    title="Django REST Framework vs FastAPI vs Flask-RESTX: which Python framework for a data API?",
    site_name=SITE, kicker="Comparison",
    subtitle="Three Python frameworks side by side: request validation, OpenAPI output, async support, "
             "performance under load and how much code a typical CRUD endpoint takes.",
    items=(("Django REST Framework", "Python"), ("FastAPI", "Python"), ("Flask-RESTX", "Python")),
    footer="/compare/django-rest-framework-vs-fastapi-vs-flask-restx/")
FRAMEWORK = PreviewCard(title="FastAPI", site_name=SITE, kicker="Framework",
                        subtitle="A modern Python framework for building APIs with type hints.",
                        items=(("Python", "3.8+"), ("Licence", "MIT")), footer="/frameworks/fastapi/")
HOME = PreviewCard(title="Choose a framework for your data API", site_name=SITE,
                   subtitle="Compare backend frameworks, answer a few questions, see the trade-offs.", footer="/")
HOSTILE = {
    "script tags": PreviewCard(title="<script>alert(1)</script><img src=x onerror=alert(2)>", site_name="<b>",
                               kicker="</title>", subtitle="&lt;&amp;", items=(("<i>", "</i>"),), footer="\"'><"),
    "one giant word": PreviewCard(title="W" * 5000, site_name=SITE, subtitle="M" * 3000,
                                  items=(("W" * 400, "M" * 400),), footer="/" + "w" * 500),
    "a very long text": PreviewCard(title="word " * 20000, site_name="S " * 500, kicker="kicker " * 300,
                                    subtitle="sentence " * 20000, footer="/path " * 300),
    "narrow characters": PreviewCard(title="i." * 3000, site_name=SITE, subtitle="l|" * 3000, footer="." * 900),
    "no text": PreviewCard(title="", site_name="", kicker="", subtitle="", items=(("", ""),), footer=""),
    "white space only": PreviewCard(title=" \n\t\u00a0\u2028 ", site_name="\u3000", kicker="\t", subtitle="\r\n"),
    "controls and formats": PreviewCard(title="null\x00bell\x07 rtl\u202eexe.txt\u202c zero\u200bwidth \ufeffbom",
                                        site_name="\x1b[31mred\x1b[0m", footer="\ud800 lone surrogate"),
    "zalgo": PreviewCard(title="Z\u0334\u0321\u031b\u0316\u0347\u0332\u0350\u0344a\u0337\u0301\u0301\u0301l\u0338g"
                               "\u0336o\u0335 " * 40 + "\u0301" * 200, site_name=SITE, kicker="\u0301\u0301 mark first"),
    "other scripts and emoji": PreviewCard(title="日本語のフレームワーク 🚀🔥 Ωμέγα Привет עברית العربية",
                                           site_name=SITE, kicker="框架", subtitle="😀" * 500,
                                           items=(("🚀", "🔥"), ("Привет", "мир")), footer="/日本/"),
    "everything at once": PreviewCard(title="A title that goes on " * 30, site_name="A site name " * 20,
                                      kicker="A kicker " * 40, subtitle="A subtitle " * 200,
                                      items=tuple(("Name " * 20, "Detail " * 20) for _ in range(4)),
                                      footer="/a/footer/" * 40),
    "many items": PreviewCard(title="Ten frameworks", site_name=SITE,
                              items=tuple((f"Framework number {n} with a long name", "Language " * 5) for n in range(10))),
}
CARDS = {"comparison": COMPARISON, "framework": FRAMEWORK, "home": HOME, **HOSTILE}
CONTENT_ROLES = {"kicker", "title", "subtitle", "chip-name", "chip-detail"}
BAND_ROLES = {"site", "footer"}
# How far a line's pixels may reach past its slot: diacritics stacked on a capital (Vietnamese)
# rise above the font's ascent, and a combining mark may hang to the left of a narrow letter.
INK_TOLERANCE = 16


def overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int]) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    def luminance(colour):
        channels = [c / 255 for c in colour]
        r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def check_layout(card: PreviewCard, ink_apart: bool = True) -> pi.Layout:
    """Every line's slot within the margins (content above the band, site name and footer in it),
    no two slots or chips overlapping, each chip's text inside its chip, pixels near the slots."""
    plan = layout(card)
    content = (pi.MARGIN, pi.MARGIN, pi.WIDTH - pi.MARGIN, pi.CONTENT_BOTTOM)
    band = (pi.MARGIN, pi.HEIGHT - pi.BAND_HEIGHT, pi.WIDTH - pi.MARGIN, pi.HEIGHT)
    canvas = (0, 0, pi.WIDTH, pi.HEIGHT)
    assert {line.role for line in plan.lines} <= CONTENT_ROLES | BAND_ROLES
    for line in plan.lines:
        assert line.text.strip(), line
        area = content if line.role in CONTENT_ROLES else band
        assert inside(line.box, area), (line.role, line.text, line.box, area)
        left, top, right, bottom = line.ink
        loose = (area[0] - INK_TOLERANCE, max(0, area[1] - INK_TOLERANCE), area[2] + INK_TOLERANCE,
                 min(pi.HEIGHT, area[3] + INK_TOLERANCE))
        assert inside(line.ink, loose) and inside(line.ink, canvas), (line.role, line.text, line.ink)
        if line.role.startswith("chip"):
            assert any(inside(line.box, chip) for chip in plan.chips), (line.text, line.box)
    boxes = [line.box for line in plan.lines] + ([plan.accent] if plan.accent else [])
    for index, box in enumerate(boxes):
        for other in boxes[index + 1:]:
            assert not overlap(box, other), (box, other)
    for index, chip in enumerate(plan.chips):
        assert inside(chip, content), chip
        assert not any(overlap(chip, other) for other in plan.chips[index + 1:])
        assert not any(overlap(chip, line.box) for line in plan.lines if not line.role.startswith("chip"))
    title = plan.role("title")
    assert len(title) <= pi.TITLE_LINES and len(plan.role("subtitle")) <= pi.SUBTITLE_LINES
    assert len(plan.chips) <= pi.MAX_ITEMS
    if ink_apart:
        for upper, lower in zip(title, title[1:]):
            assert not overlap(upper.ink, lower.ink), (upper.text, lower.text)
    for role in plan.truncated:
        cut = plan.role(role) if role != "chips" else [line for line in plan.lines if line.role.startswith("chip")]
        assert not cut or any(line.text.endswith(pi.ELLIPSIS) for line in cut), role  # cut, or left out
    return plan


# ── The image ─────────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("name", CARDS)
def test_every_card_is_a_1200_by_630_png_inside_its_margins(name):
    card = CARDS[name]
    data = render_png(card)
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) < 60_000
    image = png(data)
    assert image.format == "PNG" and image.size == (1200, 630) and image.mode in ("RGB", "P")
    check_layout(card, ink_apart=name != "zalgo")
    # Pixels, not only boxes: outside the margins (less the tolerance) only the background and
    # the band show.
    rgb = image.convert("RGB")
    edge = pi.MARGIN - INK_TOLERANCE
    above_band = pi.HEIGHT - pi.BAND_HEIGHT
    for box, colour in [((0, 0, pi.WIDTH, edge), pi.BACKGROUND), ((0, 0, edge, above_band), pi.BACKGROUND),
                        ((pi.WIDTH - edge, 0, pi.WIDTH, above_band), pi.BACKGROUND),
                        ((0, above_band, edge, pi.HEIGHT), pi.BAND),
                        ((pi.WIDTH - edge, above_band, pi.WIDTH, pi.HEIGHT), pi.BAND)]:
        assert rgb.crop(box).getcolors() == [((box[2] - box[0]) * (box[3] - box[1]), colour)], (name, box)


def test_the_text_drawn_is_the_cards_text():
    plan = layout(COMPARISON)
    assert " ".join(line.text for line in plan.role("title")) == COMPARISON.title
    assert plan.role("kicker")[0].text == "COMPARISON"
    assert [line.text for line in plan.role("chip-name")] == [name for name, _ in COMPARISON.items]
    assert [line.text for line in plan.role("chip-detail")] == ["Python"] * 3
    assert plan.role("site")[0].text == SITE and plan.role("footer")[0].text == COMPARISON.footer
    subtitle = " ".join(line.text for line in plan.role("subtitle"))
    assert "subtitle" in plan.truncated and subtitle.endswith(pi.ELLIPSIS)
    assert COMPARISON.subtitle.startswith(subtitle[:-1])
    home = layout(HOME)
    assert not home.chips and not home.role("kicker") and not home.truncated
    assert " ".join(line.text for line in home.role("subtitle")) == HOME.subtitle


def test_a_long_title_is_drawn_smaller_and_cut_only_when_nothing_fits():
    short, long_ = layout(FRAMEWORK), layout(COMPARISON)
    assert short.title_size == max(pi.TITLE_SIZES)
    assert long_.title_size < short.title_size and "title" not in long_.truncated
    endless = layout(HOSTILE["a very long text"])
    assert endless.title_size == min(pi.TITLE_SIZES) and "title" in endless.truncated
    assert len(endless.role("title")) == pi.TITLE_LINES and endless.role("title")[-1].text.endswith(pi.ELLIPSIS)


def test_a_word_wider_than_a_line_is_broken_between_characters():
    card = PreviewCard(title="Supercalifragilisticexpialidocious" * 4, site_name=SITE)
    lines = [line.text for line in layout(card).role("title")]
    assert len(lines) > 1 and "".join(lines) == card.title
    plan = layout(HOSTILE["one giant word"])
    title = [line.text for line in plan.role("title")]
    assert len(title) == pi.TITLE_LINES and title[-1].endswith(pi.ELLIPSIS)
    assert set("".join(title)[:-1]) == {"W"}


def test_more_than_four_items_show_three_and_a_count():
    plan = layout(HOSTILE["many items"])
    assert len(plan.chips) == 4 and plan.role("chip-name")[-1].text == "+7 more"


def test_text_is_cleaned_of_what_cannot_or_should_not_be_drawn():
    assert pi.clean(None) == pi.clean("") == pi.clean(" \n\t\u00a0 ") == ""
    assert pi.clean("  a \n\n b\tc\u2028d ") == "a b c d"
    assert pi.clean("rtl\u202eexe\u202c zero\u200bwidth nul\x00l") == "rtlexe zerowidth null"
    assert pi.clean("e\u0301") == "\u00e9"  # composed
    assert pi.clean("e" + "\u0300" * 3 + "\u0301" * 30) == "\u00e8\u0300\u0300"  # two marks kept
    assert pi.clean("🚀 FastAPI 日本") == "FastAPI"  # no glyph in Roboto: left out, not drawn as a box
    assert pi.clean("<script>&amp;") == "<script>&amp;"  # plain text stays as it is
    assert pi.clean("\ud800x") == "x"


def test_every_text_colour_meets_wcag_aa_on_its_background():
    lines = [line for card in CARDS.values() for line in layout(card).lines]
    assert {line.role for line in lines} == CONTENT_ROLES | BAND_ROLES
    for line in lines:
        assert contrast(line.fill, line.background) >= 4.5, (line.role, line.fill, line.background)
    # ... and the background named is the one drawn under the line.
    image = png(render_png(COMPARISON)).convert("RGB")
    for line in layout(COMPARISON).lines:
        left, top, right, bottom = line.box
        assert image.getpixel((right - 1, top)) == line.background, line.role


def test_random_text_stays_inside_its_boxes():
    alphabet = [chr(code) for code in sorted(pi._drawable(pi.FONT_FILE)) if code > 32] + list("  🚀日\u0301\x00")
    chance = random.Random(20261129)
    for _ in range(40):
        def text(words: int) -> str:
            return " ".join("".join(chance.choice(alphabet) for _ in range(chance.randint(1, 14)))
                            for _ in range(chance.randint(0, words)))
        card = PreviewCard(title=text(30), site_name=text(4), kicker=text(4), subtitle=text(60),
                           items=tuple((text(3), text(2)) for _ in range(chance.randint(0, 6))), footer=text(5))
        check_layout(card, ink_apart=False)  # stacked diacritics may touch the line above


# ── Same card, same bytes; keys ───────────────────────────────────────────────────────────────

def test_the_same_card_gives_the_same_bytes_and_a_different_title_different_bytes():
    assert render_png(COMPARISON) == render_png(dataclasses.replace(COMPARISON))
    other = dataclasses.replace(COMPARISON, title="Django REST Framework vs FastAPI")
    assert render_png(other) != render_png(COMPARISON)
    assert card_key(other) != card_key(COMPARISON)
    assert card_key(COMPARISON) == card_key(dataclasses.replace(COMPARISON))
    assert len(card_key(COMPARISON)) == pi.KEY_LENGTH and int(card_key(COMPARISON), 16) >= 0


def test_the_same_bytes_in_another_process():
    """No state of the process (hash seed, caches, order of first use) reaches the image."""
    script = ("import sys; from macros.publish.preview_image import PreviewCard, render_png, card_key; "
              f"card = {FRAMEWORK!r}; "
              "sys.stdout.buffer.write(card_key(card).encode() + b'\\n' + render_png(card))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=60,
                            env={**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr.decode()
    key, data = result.stdout.split(b"\n", 1)
    assert key.decode() == card_key(FRAMEWORK) and data == render_png(FRAMEWORK)


@pytest.mark.parametrize("field, value", [("title", "Axum"), ("site_name", "Other"), ("kicker", "Guide"),
                                          ("kicker", None), ("subtitle", "Other text"), ("items", ()),
                                          ("items", (("Python", "3.9+"), ("Licence", "MIT"))), ("footer", "/x/")])
def test_the_key_changes_with_every_field(field, value):
    assert card_key(dataclasses.replace(FRAMEWORK, **{field: value})) != card_key(FRAMEWORK)


@pytest.mark.parametrize("name", ["PILLOW_VERSION", "FREETYPE_VERSION", "ZLIB_VERSION", "UNICODE_VERSION"])
def test_the_key_changes_with_the_versions_that_shape_the_drawing(monkeypatch, name):
    before = card_key(FRAMEWORK)
    monkeypatch.setattr(pi, name, getattr(pi, name) + ".1")
    assert card_key(FRAMEWORK) != before
    monkeypatch.undo()
    assert card_key(FRAMEWORK) == before


@pytest.mark.parametrize("name", ["SOURCE_FILE", "FONT_FILE"])
def test_the_key_follows_the_bytes_of_this_module_and_of_the_font(monkeypatch, tmp_path, name):
    before = card_key(FRAMEWORK)
    original = getattr(pi, name)
    same = tmp_path / f"same{original.suffix}"
    shutil.copyfile(original, same)
    monkeypatch.setattr(pi, name, same)
    assert card_key(FRAMEWORK) == before  # the content counts, not where the file is
    changed = tmp_path / f"changed{original.suffix}"
    changed.write_bytes(original.read_bytes() + b"\n# one more line\n")
    monkeypatch.setattr(pi, name, changed)
    assert card_key(FRAMEWORK) != before


def test_the_module_imports_nothing_from_this_project():
    tree = ast.parse(Path(pi.__file__).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module and not node.level}
    assert not any(isinstance(node, ast.ImportFrom) and node.level for node in ast.walk(tree))  # no relative import
    assert imported - set(sys.stdlib_module_names) == {"PIL", "fontpkg"}


# ── The cache ─────────────────────────────────────────────────────────────────────────────────

def files(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def test_the_cache_draws_once_then_reuses_and_writes_nothing_else(tmp_path):
    folder = tmp_path / "build" / "previews"
    cache = PreviewCache(folder)
    path = cache.image(FRAMEWORK)
    assert path == folder / f"{card_key(FRAMEWORK)}.png" and (cache.drawn, cache.reused) == (1, 0)
    assert path.read_bytes() == render_png(FRAMEWORK) and (path.stat().st_mode & 0o777) == 0o644
    written = path.stat()
    assert cache.image(FRAMEWORK) == path and (cache.drawn, cache.reused) == (1, 1)
    again = PreviewCache(folder)  # the next build
    assert again.image(dataclasses.replace(FRAMEWORK)) == path and (again.drawn, again.reused) == (0, 1)
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == (written.st_mtime_ns, written.st_ino)
    other = cache.image(HOME)
    assert (cache.drawn, cache.reused) == (2, 1)
    assert files(tmp_path) == {"build", "build/previews", f"build/previews/{path.name}", f"build/previews/{other.name}"}


def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch):
    cache = PreviewCache(tmp_path)

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(pi.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        cache.image(FRAMEWORK)
    assert files(tmp_path) == set() and cache.drawn == 0
    monkeypatch.undo()
    assert cache.image(FRAMEWORK).is_file() and cache.drawn == 1


def test_prune_removes_only_cached_images_not_kept(tmp_path):
    cache = PreviewCache(tmp_path / "previews")
    assert cache.prune(set()) == 0  # no folder yet: nothing to do, and nothing made
    assert not (tmp_path / "previews").exists()
    kept, stale = cache.image(FRAMEWORK), cache.image(HOME)
    foreign = ["README.md", "0123456789abcdef.svg", "notakey.png", f"{'0' * (pi.KEY_LENGTH + 1)}.png"]
    for name in foreign:
        (cache.folder / name).write_text("not the cache's")
    assert cache.prune({kept.stem}) == 1
    assert files(cache.folder) == {kept.name, *foreign} and not stale.exists()
    assert cache.prune({kept.stem}) == 0
    assert cache.prune(set()) == 1 and files(cache.folder) == set(foreign)
