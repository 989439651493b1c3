"""Link-preview images: one 1200 x 630 PNG per page, for Open Graph's og:image.

Chat apps and social sites show this picture, often 300-500 px wide, when someone shares a link to
a page. The card is a solid Material indigo background with white text, so it reads on light and
dark chat themes alike: a small uppercase kicker ("COMPARISON"), the page title in bold (as large
as fits, at most three lines), the page description in at most two lines, up to four chips (for a
comparison, the frameworks compared and their languages), and a darker band at the bottom with the
site name on the left and the page's path on the right. Every text colour meets WCAG AA (4.5:1)
against what it is drawn on. Text is plain text; any of it may be long or hostile: it is cleaned
(`clean`), wrapped, and cut with "…" where it does not fit.

Self-contained on purpose: it imports nothing else from this project, only Pillow and the font
packages (PyPI: pillow, fontpkg, fontpkg-roboto). The font is Roboto (SIL OFL 1.1), the typeface
of Material Design, a variable font from which the regular (400) and bold (700) weights are
taken. Nothing is downloaded, no system font is used, and nothing is written but the cache's own
files in the folder it is given.

Deterministic: text is laid out by Pillow's basic layout engine (FreeType, inside Pillow's wheel),
never Raqm, whose FriBiDi is the system's when there is one; the image is drawn straight into a
fixed palette (no quantiser). So a card gives the same bytes on every run, and on every machine
with the same Pillow. A cached image is named by `card_key`, a hash of the card and of everything
else that shapes the drawing: this file, the font file's bytes, the versions of Pillow, FreeType,
zlib and the Unicode tables. A change to any of them draws the image anew.

    cache = PreviewCache(build_cache / "previews")
    path = cache.image(PreviewCard(title="Actix Web vs Axum", site_name="Data API Frameworks",
                                   kicker="Comparison", items=(("Actix Web", "Rust"), ("Axum", "Rust")),
                                   footer="/compare/actix-web-vs-axum/"))
    ...  # copy path to the site as assets/previews/{path.name}, once per page
    cache.prune(keep=keys_of_this_build)  # then report cache.drawn, cache.reused
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import json
import os
import re
import struct
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont, features

__all__ = ["PreviewCard", "PreviewCache", "render_png", "card_key", "layout", "Layout", "TextLine",
           "WIDTH", "HEIGHT", "MARGIN"]

Box = tuple[int, int, int, int]  # left, top, right, bottom (right and bottom exclusive)
RGB = tuple[int, int, int]

WIDTH, HEIGHT = 1200, 630
MARGIN = 64  # around the content; the band's text keeps the same left and right margins
KEY_LENGTH = 16  # hex digits of SHA-256: collisions are not a concern at a few hundred pages
MAX_ITEMS = 4  # chips; more items show as the first three and a "+N more" chip

# Material's indigo palette. Contrast ratios (WCAG) of each text colour on its background are in
# the comments; the tests check them all from `layout`.
BACKGROUND: RGB = (0x3F, 0x51, 0xB5)  # indigo 500, Material's primary
BAND: RGB = (0x28, 0x35, 0x93)  # indigo 800
ACCENT: RGB = (0x9F, 0xA8, 0xDA)  # indigo 200: the short rule above the kicker (not text)
TITLE_COLOUR: RGB = (0xFF, 0xFF, 0xFF)  # 6.9:1 on indigo 500
SOFT_COLOUR: RGB = (0xE8, 0xEA, 0xF6)  # indigo 50, kicker and subtitle: 5.7:1 on indigo 500
SITE_COLOUR: RGB = (0xFF, 0xFF, 0xFF)  # 10.4:1 on indigo 800
FOOTER_COLOUR: RGB = (0xC5, 0xCA, 0xE9)  # indigo 100: 6.4:1 on indigo 800
CHIP_FILL: RGB = (0xFF, 0xFF, 0xFF)
CHIP_NAME_COLOUR: RGB = (0x1A, 0x23, 0x7E)  # indigo 900: 13.2:1 on white
CHIP_DETAIL_COLOUR: RGB = (0x39, 0x49, 0xAB)  # indigo 600: 7.7:1 on white

REGULAR, BOLD = 400, 700  # weights taken from the variable font
BAND_HEIGHT = 96
CONTENT_BOTTOM = HEIGHT - BAND_HEIGHT - 40  # the stack above the band ends here at the latest
ACCENT_WIDTH, ACCENT_HEIGHT, ACCENT_GAP = 56, 6, 12  # the short rule above the kicker
KICKER_SIZE, KICKER_GAP = 24, 14
TITLE_SIZES = (88, 76, 68, 60, 54, 48)  # the largest that fits is used
TITLE_LINES = 3
TITLE_GAP = 18
SUBTITLE_SIZE, SUBTITLE_LINES, SUBTITLE_GAP = 31, 2, 32
CHIP_HEIGHT, CHIP_RADIUS, CHIP_PADDING, CHIP_INNER_GAP = 58, 14, 24, 12
CHIP_GAP, CHIP_ROW_GAP = 16, 14
CHIP_NAME_SIZE, CHIP_DETAIL_SIZE = 27, 25
SITE_SIZE, FOOTER_SIZE = 29, 25
ELLIPSIS = "…"
# A text longer than this many characters per allowed line cannot fit (a line of the narrowest
# glyphs at the smallest size holds far fewer): cut it before measuring, so a huge text is cheap.
CHARS_PER_LINE_CAP = 200
MAX_TEXT = 5000  # characters of a field looked at: far more than can be drawn, and cheap to clean
PNG_COMPRESSION = 6  # zlib level: 9 makes files ~12% smaller but takes 4-6 times as long

FONT_FAMILY = "Roboto"


def _find_font() -> Path:
    try:
        import fontpkg

        return fontpkg.path(FONT_FAMILY, weight=REGULAR)
    except Exception as error:  # ModuleNotFoundError, fontpkg.FamilyNotInstalled
        raise ModuleNotFoundError(
            "link-preview images need the PyPI packages fontpkg and fontpkg-roboto "
            f"(pip install fontpkg-roboto): {error!r}") from error


# Everything outside the card that shapes the drawing: card_key hashes these, so tests may replace
# them (monkeypatch) to see the key change.
SOURCE_FILE = Path(__file__)
FONT_FILE = _find_font()
PILLOW_VERSION = PIL.__version__
FREETYPE_VERSION = features.version("freetype2") or ""  # Pillow's wheels bring their own FreeType
ZLIB_VERSION = features.version("zlib") or ""  # and zlib, but a build from source uses the system's
UNICODE_VERSION = unicodedata.unidata_version  # how text is cleaned: categories, composition


@dataclass(frozen=True)
class PreviewCard:
    title: str  # the page title, e.g. "Actix Web vs Axum" or "FastAPI"
    site_name: str  # "Data API Frameworks"
    kicker: str | None = None  # a small label above the title: "Comparison", "Framework"
    subtitle: str | None = None  # the page description; trimmed with "…" to fit two lines
    items: tuple[tuple[str, str], ...] = ()  # up to 4 (name, detail) chips
    footer: str | None = None  # e.g. the page's path "/compare/actix-web-vs-axum/"


@dataclass(frozen=True)
class TextLine:
    """One line of text as drawn. `box` is the line's slot: its advance width by the font's full
    height (ascent + descent), the space the layout gives it; `ink` is where its pixels fall."""

    role: str  # kicker, title, subtitle, chip-name, chip-detail, site, footer
    text: str
    x: int
    baseline: int
    size: int
    bold: bool
    fill: RGB
    background: RGB
    box: Box
    ink: Box


@dataclass(frozen=True)
class Layout:
    lines: tuple[TextLine, ...]
    chips: tuple[Box, ...]  # the chips' rounded rectangles
    accent: Box | None  # the short rule above the kicker
    title_size: int
    truncated: frozenset[str]  # roles whose text was cut with "…" to fit

    def role(self, name: str) -> list[TextLine]:
        return [line for line in self.lines if line.role == name]


# ── Keys ──────────────────────────────────────────────────────────────────────────────────────

@functools.lru_cache(maxsize=None)
def _file_bytes(path: Path) -> bytes:
    return Path(path).read_bytes()


@functools.lru_cache(maxsize=8)
def _fingerprint(source: Path, font_file: Path, *versions: str) -> str:
    digest = hashlib.sha256()
    for part in (_file_bytes(source), _file_bytes(font_file), *(version.encode() for version in versions)):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def drawing_fingerprint() -> str:
    """A hash of everything but the card that shapes a drawing (files are read once a process)."""
    return _fingerprint(SOURCE_FILE, FONT_FILE, PILLOW_VERSION, FREETYPE_VERSION, ZLIB_VERSION, UNICODE_VERSION)


def card_key(card: PreviewCard) -> str:
    """The name of the card's image: the same for the same card and drawing inputs, and different
    when any field or any of them changes."""
    # ensure_ascii: any text, even a lone surrogate, has one spelling.
    fields = json.dumps(dataclasses.asdict(card), ensure_ascii=True, sort_keys=True)
    digest = hashlib.sha256(f"{drawing_fingerprint()}\n{fields}".encode("ascii"))
    return digest.hexdigest()[:KEY_LENGTH]


# ── Text ──────────────────────────────────────────────────────────────────────────────────────

@functools.lru_cache(maxsize=32)
def _font(path: Path, size: int, weight: int) -> ImageFont.FreeTypeFont:
    font = ImageFont.truetype(io.BytesIO(_file_bytes(path)), size, layout_engine=ImageFont.Layout.BASIC)
    try:
        axes = font.get_variation_axes()
    except OSError:  # a static font: one weight per file
        return font
    names = [axis["name"].decode("ascii", "replace") if isinstance(axis["name"], bytes) else axis["name"]
             for axis in axes]
    font.set_variation_by_axes([weight if name.strip().lower() in ("weight", "wght") else axis["default"]
                                for name, axis in zip(names, axes)])
    return font


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return _font(FONT_FILE, size, BOLD if bold else REGULAR)


@functools.lru_cache(maxsize=4)
def _drawable(path: Path) -> frozenset[int] | None:
    """The code points the font has a glyph for, read from its cmap table (a Unicode subtable of
    format 12 or 4); None if it has neither, and then no character is left out for want of one."""
    data = _file_bytes(path)
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {}
    for index in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        tables[tag] = offset
    if b"cmap" not in tables:
        return None
    cmap = tables[b"cmap"]
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    subtables = {}
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * index)
        (form,) = struct.unpack_from(">H", data, cmap + offset)
        subtables.setdefault((form, platform, encoding), cmap + offset)
    chars: set[int] = set()
    for key in ((12, 3, 10), (12, 0, 4), (12, 0, 6)):
        if key in subtables:
            at = subtables[key]
            (groups,) = struct.unpack_from(">I", data, at + 12)
            for group in range(groups):
                first, last, glyph = struct.unpack_from(">III", data, at + 16 + 12 * group)
                chars.update(range(first + (glyph == 0), last + 1))
            return frozenset(chars)
    for key in ((4, 3, 1), (4, 0, 3), (4, 0, 4), (4, 0, 1), (4, 0, 0)):
        if key in subtables:
            at = subtables[key]
            (double,) = struct.unpack_from(">H", data, at + 6)
            segments = double // 2
            ends = struct.unpack_from(f">{segments}H", data, at + 14)
            starts = struct.unpack_from(f">{segments}H", data, at + 16 + double)
            deltas = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * double)
            offsets_at = at + 16 + 3 * double
            offsets = struct.unpack_from(f">{segments}H", data, offsets_at)
            for index in range(segments):
                for char in range(starts[index], min(ends[index], 0xFFFE) + 1):
                    if offsets[index] == 0:
                        glyph = (char + deltas[index]) & 0xFFFF
                    else:
                        where = offsets_at + 2 * index + offsets[index] + 2 * (char - starts[index])
                        (glyph,) = struct.unpack_from(">H", data, where)
                        glyph = (glyph + deltas[index]) & 0xFFFF if glyph else 0
                    if glyph:
                        chars.add(char)
            return frozenset(chars)
    return None


_SKIPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}  # controls, format (bidi overrides), unassigned
MAX_MARKS = 2  # combining marks kept on one character ("zalgo" text stacks dozens)


def clean(text: str | None) -> str:
    """Plain text for one run of drawing: composed (NFC), without control and format characters,
    with at most two combining marks per character and all white space as single spaces.
    Characters the font has no glyph for (emoji, CJK: Roboto covers Latin, Greek and Cyrillic)
    are left out rather than drawn as empty boxes."""
    if not text:
        return ""
    text = text.strip()[:MAX_TEXT]
    drawable = _drawable(FONT_FILE)
    kept: list[str] = []
    marks = 0
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if char.isspace() or category[0] == "Z":
            kept.append(" ")
            marks = 0
        elif category in _SKIPPED_CATEGORIES or (drawable is not None and ord(char) not in drawable):
            continue
        elif category in ("Mn", "Me"):
            marks += 1
            if marks <= MAX_MARKS and kept and kept[-1] != " ":
                kept.append(char)
        else:
            kept.append(char)
            marks = 0
    return " ".join("".join(kept).split())


@functools.lru_cache(maxsize=32)
def _advances(face: ImageFont.FreeTypeFont) -> dict[str, float] | None:
    """A table of each character's advance, filled as text is measured, if the face's text width
    is the sum of its characters' advances (basic layout, no kerning table: so for Roboto);
    None if not, and text is then measured whole. Pillow's getlength costs tens of microseconds a
    call, and wrapping and cutting text measures hundreds of strings."""
    probe = "AVAWAY To Ta Yo. LT"
    if face.getlength(probe) != sum(face.getlength(char) for char in probe):
        return None
    return {}


def _width(text: str, face: ImageFont.FreeTypeFont) -> float:
    table = _advances(face)
    if table is None:
        return face.getlength(text)
    total = 0.0
    for char in text:
        advance = table.get(char)
        if advance is None:
            advance = table[char] = face.getlength(char)
        total += advance
    return total


def _fit(text: str, face: ImageFont.FreeTypeFont, width: float) -> int:
    """The length of the longest start of `text` no wider than `width`."""
    table = _advances(face)
    if table is not None:
        total = 0.0
        for index, char in enumerate(text):
            total += _width(char, face)
            if total > width:
                return index
        return len(text)
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if face.getlength(text[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def ellipsize(text: str, face: ImageFont.FreeTypeFont, width: float, force: bool = False) -> str:
    """`text` if it fits in `width` (and `force` is false), else its longest start that fits
    followed by "…", ending on a whole word where one ends in the last 40%."""
    if not force and _width(text, face) <= width:
        return text
    cut = _fit(text, face, width - _width(ELLIPSIS, face))
    space = text.rfind(" ", 0, cut + 1)
    if cut < len(text) and text[cut] != " " and space >= cut * 0.6:
        cut = space  # end on a whole word, unless that throws away much of the room
    return text[:cut].rstrip(" ,;:-–—") + ELLIPSIS


@functools.lru_cache(maxsize=256)  # layout tries several title sizes with the same subtitle
def wrap(text: str, face: ImageFont.FreeTypeFont, width: float, max_lines: int) -> tuple[tuple[str, ...], bool]:
    """Lines of `text` no wider than `width`: broken at spaces, and inside a word that is wider than
    a line; at most `max_lines`, the last one ending in "…" when text was left out. Returns the
    lines and whether text was left out."""
    cap = max_lines * CHARS_PER_LINE_CAP
    overflow = len(text) > cap
    words = text[:cap].split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if _width(candidate, face) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
        while _width(word, face) > width:  # a word wider than a line: break it between characters
            cut = max(1, _fit(word, face, width))  # one character a line, even if wider than a line
            lines.append(word[:cut])
            word = word[cut:]
            if len(lines) > max_lines:
                break
        current = word
        if len(lines) > max_lines:
            break
    if current:
        lines.append(current)
    if len(lines) > max_lines or overflow:
        lines = lines[:max_lines]
        lines[-1] = ellipsize(lines[-1], face, width, force=True)
        return tuple(lines), True
    return tuple(lines), False


# ── Layout ────────────────────────────────────────────────────────────────────────────────────

def _line(role: str, text: str, x: int, baseline: int, size: int, bold: bool, fill: RGB,
          background: RGB) -> TextLine:
    face = font(size, bold)
    ascent, descent = face.getmetrics()
    advance = round(_width(text, face))
    left, top, right, bottom = face.getbbox(text, anchor="ls") if text else (0, 0, 0, 0)
    return TextLine(role, text, x, baseline, size, bold, fill, background,
                    (x, baseline - ascent, x + advance, baseline + descent),
                    (x + left, baseline + top, x + right, baseline + bottom))


def _line_height(size: int, bold: bool = False) -> int:
    ascent, descent = font(size, bold).getmetrics()
    return ascent + descent


def _chip_rows(items: list[tuple[str, str]], content_width: int) -> list[list[tuple[str, str, int, int]]]:
    """The chips in rows: each (name, detail, name width, detail width), a name or detail cut with
    "…" so that a chip is never wider than half the content (two always fit on a row)."""
    name_face, detail_face = font(CHIP_NAME_SIZE, True), font(CHIP_DETAIL_SIZE)
    widest = (content_width - CHIP_GAP) // 2 - 2 * CHIP_PADDING
    rows: list[list[tuple[str, str, int, int]]] = [[]]
    used = 0
    for name, detail in items:
        name = ellipsize(name, name_face, max(widest * 0.6, widest - _width(detail, detail_face) - CHIP_INNER_GAP)
                         if detail else widest)
        name_width = round(_width(name, name_face))
        detail_room = widest - name_width - (CHIP_INNER_GAP if name else 0)
        detail = ellipsize(detail, detail_face, detail_room) if detail else ""
        detail_width = round(_width(detail, detail_face)) if detail else 0
        chip_width = 2 * CHIP_PADDING + name_width + detail_width + (CHIP_INNER_GAP if name and detail else 0)
        needed = chip_width if not rows[-1] else used + CHIP_GAP + chip_width
        if rows[-1] and needed > content_width:
            rows.append([])
            needed = chip_width
        rows[-1].append((name, detail, name_width, detail_width))
        used = needed
    return [row for row in rows if row]


def _items(card: PreviewCard) -> list[tuple[str, str]]:
    items = [(clean(name), clean(detail)) for name, detail in card.items]
    items = [(name, detail) for name, detail in items if name or detail]
    if len(items) > MAX_ITEMS:
        items = items[:MAX_ITEMS - 1] + [(f"+{len(items) - MAX_ITEMS + 1} more", "")]
    return items


def layout(card: PreviewCard) -> Layout:
    """Where everything goes: the text lines (with their slots and ink boxes) and the chips.

    The stack (kicker, title, subtitle, chips) is centred vertically between the top margin and
    the band. The title takes the largest size at which it fits whole in three lines with
    everything else, the subtitle giving up its second line if that lets the title be larger
    (chat apps show the description as text beside the image anyway); failing that, the title is
    cut with "…" at the smallest size, and the subtitle to what room is left."""
    content_width = WIDTH - 2 * MARGIN
    kicker = clean(card.kicker).upper()
    title = clean(card.title)
    subtitle = clean(card.subtitle)
    rows = _chip_rows(_items(card), content_width)
    truncated: set[str] = set()

    kicker_face = font(KICKER_SIZE, True)
    kicker_text = ellipsize(kicker, kicker_face, content_width) if kicker else ""
    if kicker_text != kicker:
        truncated.add("kicker")
    fixed = ACCENT_HEIGHT + ACCENT_GAP + _line_height(KICKER_SIZE, True) + KICKER_GAP if kicker_text else 0
    chips_height = len(rows) * CHIP_HEIGHT + max(0, len(rows) - 1) * CHIP_ROW_GAP
    if rows:
        fixed += chips_height
    available = CONTENT_BOTTOM - MARGIN

    def stack(size: int, subtitle_lines: int) -> tuple[int, tuple[str, ...], bool, tuple[str, ...], bool]:
        title_lines, title_cut = wrap(title, font(size, True), content_width, TITLE_LINES)
        sub_lines, sub_cut = (wrap(subtitle, font(SUBTITLE_SIZE), content_width, subtitle_lines)
                              if subtitle and subtitle_lines else ((), bool(subtitle)))
        height = fixed + len(title_lines) * _line_height(size, True)
        if sub_lines:
            height += TITLE_GAP + len(sub_lines) * _line_height(SUBTITLE_SIZE)
        if rows:
            height += SUBTITLE_GAP
        return height, title_lines, title_cut, sub_lines, sub_cut

    choice = None
    for size in TITLE_SIZES:
        for subtitle_lines in (SUBTITLE_LINES, 1):
            height, title_lines, title_cut, sub_lines, sub_cut = stack(size, subtitle_lines)
            if height <= available and not title_cut:
                choice = height, size, title_lines, title_cut, sub_lines, sub_cut
                break
        if choice:
            break
    if choice is None:  # the title alone is too long: cut it, and the subtitle, to what fits
        size = TITLE_SIZES[-1]
        for subtitle_lines in (SUBTITLE_LINES, 1, 0):
            height, title_lines, title_cut, sub_lines, sub_cut = stack(size, subtitle_lines)
            if height <= available:
                break
        choice = height, size, title_lines, title_cut, sub_lines, sub_cut
    height, size, title_lines, title_cut, sub_lines, sub_cut = choice
    if title_cut:
        truncated.add("title")
    if sub_cut:
        truncated.add("subtitle")

    lines: list[TextLine] = []
    accent = None
    y = MARGIN + max(0, available - height) // 2  # a short stack sits in the middle of its space
    if kicker_text:
        accent = (MARGIN, y, MARGIN + ACCENT_WIDTH, y + ACCENT_HEIGHT)
        y += ACCENT_HEIGHT + ACCENT_GAP
        ascent = font(KICKER_SIZE, True).getmetrics()[0]
        lines.append(_line("kicker", kicker_text, MARGIN, y + ascent, KICKER_SIZE, True, SOFT_COLOUR, BACKGROUND))
        y += _line_height(KICKER_SIZE, True) + KICKER_GAP
    ascent = font(size, True).getmetrics()[0]
    for text in title_lines:
        lines.append(_line("title", text, MARGIN, y + ascent, size, True, TITLE_COLOUR, BACKGROUND))
        y += _line_height(size, True)
    if sub_lines:
        y += TITLE_GAP
        ascent = font(SUBTITLE_SIZE).getmetrics()[0]
        for text in sub_lines:
            lines.append(_line("subtitle", text, MARGIN, y + ascent, SUBTITLE_SIZE, False, SOFT_COLOUR, BACKGROUND))
            y += _line_height(SUBTITLE_SIZE)

    chips: list[Box] = []
    if rows:
        y += SUBTITLE_GAP
        name_face = font(CHIP_NAME_SIZE, True)
        # The chip's text sits on one baseline, centred on the name's cap height.
        cap_top = -name_face.getbbox("H", anchor="ls")[1]
        for row in rows:
            x = MARGIN
            baseline = y + (CHIP_HEIGHT + cap_top) // 2
            for name, detail, name_width, detail_width in row:
                width = 2 * CHIP_PADDING + name_width + detail_width + (CHIP_INNER_GAP if name and detail else 0)
                chips.append((x, y, x + width, y + CHIP_HEIGHT))
                text_x = x + CHIP_PADDING
                if name:
                    lines.append(_line("chip-name", name, text_x, baseline, CHIP_NAME_SIZE, True,
                                       CHIP_NAME_COLOUR, CHIP_FILL))
                    text_x += name_width + CHIP_INNER_GAP
                if detail:
                    lines.append(_line("chip-detail", detail, text_x, baseline, CHIP_DETAIL_SIZE, False,
                                       CHIP_DETAIL_COLOUR, CHIP_FILL))
                x += width + CHIP_GAP
            y += CHIP_HEIGHT + CHIP_ROW_GAP
        if any(line.text.endswith(ELLIPSIS) for line in lines if line.role.startswith("chip")):
            truncated.add("chips")

    # The band: the site name on the left, the footer on the right, on one baseline.
    site_face, footer_face = font(SITE_SIZE, True), font(FOOTER_SIZE)
    site = clean(card.site_name)
    footer = clean(card.footer)
    band_gap = 40
    site_text = ellipsize(site, site_face, content_width * (0.6 if footer else 1.0)) if site else ""
    site_width = round(_width(site_text, site_face)) if site_text else 0
    footer_room = content_width - (site_width + band_gap if site_text else 0)
    footer_text = ellipsize(footer, footer_face, footer_room) if footer else ""
    if site_text != site:
        truncated.add("site")
    if footer_text != footer:
        truncated.add("footer")
    cap_top = -site_face.getbbox("H", anchor="ls")[1]
    baseline = HEIGHT - BAND_HEIGHT + (BAND_HEIGHT + cap_top) // 2
    if site_text:
        lines.append(_line("site", site_text, MARGIN, baseline, SITE_SIZE, True, SITE_COLOUR, BAND))
    if footer_text:
        footer_width = round(_width(footer_text, footer_face))
        lines.append(_line("footer", footer_text, WIDTH - MARGIN - footer_width, baseline, FOOTER_SIZE, False,
                           FOOTER_COLOUR, BAND))
    return Layout(tuple(lines), tuple(chips), accent, size, frozenset(truncated))


# ── Drawing ───────────────────────────────────────────────────────────────────────────────────
# Drawn straight into a palette image: every pixel is one of a few flat colours or an edge (text,
# a rounded corner) between two known colours, so the palette holds, for each pair (background,
# colour), LEVELS evenly spaced blends from one to the other, and an edge pixel takes the blend
# nearest its coverage. It looks the same as drawing in RGB (at most 1/30 of the step between the
# two colours off), and saves the time and the guesswork of a quantiser.

LEVELS = 16
PAIRS: tuple[tuple[RGB, RGB], ...] = tuple(dict.fromkeys((  # (background, colour drawn on it), each once
    (BACKGROUND, TITLE_COLOUR), (BACKGROUND, SOFT_COLOUR), (BACKGROUND, ACCENT), (BACKGROUND, CHIP_FILL),
    (CHIP_FILL, CHIP_NAME_COLOUR), (CHIP_FILL, CHIP_DETAIL_COLOUR), (BAND, SITE_COLOUR), (BAND, FOOTER_COLOUR),
)))
_BASE = {pair: LEVELS * index for index, pair in enumerate(PAIRS)}  # a pair's first palette index
SUPERSAMPLING = 4  # for the rounded corners' coverage


def _palette() -> list[int]:
    entries: list[int] = []
    for background, colour in PAIRS:
        for level in range(LEVELS):
            entries += [round(b + (c - b) * level / (LEVELS - 1)) for b, c in zip(background, colour)]
    return entries


def _levels(pair: tuple[RGB, RGB]) -> list[int]:
    """Coverage 0-255 to the palette index of the nearest blend of the pair."""
    base = _BASE[pair]
    return [base + (value * (LEVELS - 1) + 127) // 255 for value in range(256)]


_COVERED = [0] + [255] * 255


@functools.lru_cache(maxsize=8)
def _corner(radius: int) -> Image.Image:
    """The coverage of a rounded rectangle's top-left corner, radius x radius, anti-aliased."""
    big = radius * SUPERSAMPLING
    shape = Image.new("L", (2 * big, 2 * big), 0)
    ImageDraw.Draw(shape).ellipse((0, 0, 2 * big - 1, 2 * big - 1), fill=255)
    return shape.crop((0, 0, big, big)).resize((radius, radius), Image.Resampling.BOX)


def _rounded(width: int, height: int, radius: int) -> Image.Image:
    radius = max(0, min(radius, width // 2, height // 2))
    shape = Image.new("L", (width, height), 255)
    if radius:
        corner = _corner(radius)
        shape.paste(corner, (0, 0))
        shape.paste(corner.transpose(Image.Transpose.FLIP_LEFT_RIGHT), (width - radius, 0))
        shape.paste(corner.transpose(Image.Transpose.FLIP_TOP_BOTTOM), (0, height - radius))
        shape.paste(corner.transpose(Image.Transpose.ROTATE_180), (width - radius, height - radius))
    return shape


def _put(canvas: Image.Image, coverage: Image.Image, at: tuple[int, int], pair: tuple[RGB, RGB]) -> None:
    canvas.paste(coverage.point(_levels(pair)), at, coverage.point(_COVERED))


def _draw(plan: Layout) -> Image.Image:
    canvas = Image.new("L", (WIDTH, HEIGHT), _BASE[(BACKGROUND, TITLE_COLOUR)])  # palette indices
    canvas.paste(_BASE[(BAND, SITE_COLOUR)], (0, HEIGHT - BAND_HEIGHT, WIDTH, HEIGHT))
    if plan.accent:
        left, top, right, bottom = plan.accent
        _put(canvas, _rounded(right - left, bottom - top, (bottom - top) // 2), (left, top), (BACKGROUND, ACCENT))
    for left, top, right, bottom in plan.chips:
        _put(canvas, _rounded(right - left, bottom - top, CHIP_RADIUS), (left, top), (BACKGROUND, CHIP_FILL))
    for line in plan.lines:
        left, top, right, bottom = line.ink
        if right <= left or bottom <= top:
            continue
        coverage = Image.new("L", (right - left, bottom - top), 0)
        ImageDraw.Draw(coverage).text((line.x - left, line.baseline - top), line.text,
                                      font=font(line.size, line.bold), fill=255, anchor="ls")
        _put(canvas, coverage, (left, top), (line.background, line.fill))
    image = Image.frombytes("P", canvas.size, canvas.tobytes())
    image.putpalette(_palette())
    return image


def draw(card: PreviewCard) -> Image.Image:
    """The card as a palette image."""
    return _draw(layout(card))


def render_png(card: PreviewCard) -> bytes:
    """The card as a 1200 x 630 palette PNG."""
    out = io.BytesIO()
    draw(card).save(out, format="PNG", compress_level=PNG_COMPRESSION)
    return out.getvalue()


# ── Cache ─────────────────────────────────────────────────────────────────────────────────────

_CACHED_NAME = re.compile(rf"[0-9a-f]{{{KEY_LENGTH}}}\.png")


class PreviewCache:
    """Images in one folder, each named `<card_key>.png`: drawn when missing, else reused.

    `drawn` and `reused` count this object's calls, for the build's report. The folder is made on
    the first drawing; nothing is written anywhere else."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.drawn = 0
        self.reused = 0

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.png"

    def image(self, card: PreviewCard) -> Path:
        """The cached PNG of `card`, drawn first if missing. Written to a temporary file in the
        folder then renamed, so no reader ever sees half a file."""
        path = self.path(card_key(card))
        if path.is_file():
            self.reused += 1
            return path
        data = render_png(card)
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{path.stem}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o644)  # mkstemp's 0600 would keep a web server from reading it
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self.drawn += 1
        return path

    def prune(self, keep: set[str]) -> int:
        """Remove the cached images whose key is not in `keep`; other files are left alone.
        Returns how many were removed."""
        if not self.folder.is_dir():
            return 0
        removed = 0
        for entry in sorted(self.folder.iterdir()):
            if _CACHED_NAME.fullmatch(entry.name) and entry.stem not in keep and entry.is_file():
                entry.unlink()
                removed += 1
        return removed
