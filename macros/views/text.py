"""Turn data strings into safe HTML, Markdown, attribute and Mermaid text.

Data strings are plain text in which **bold** and `code` are the only markup.
Everything else, `<script>` included, comes out as the characters it is. `segments` is the one
reading of that markup; the browser's copy (docs/assets/js/inline-markup.mjs) follows the same
table of cases (tests/cases/inline_markup.json).
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

_CODE = re.compile(r"`([^`\n]+)`")  # split() keeps the captured code between the other pieces
_BOLD = re.compile(r"\*\*(.+?)\*\*")
Segment = tuple[str, str]  # ("text" | "bold" | "code", its characters)
# Characters Python-Markdown treats as syntax; a backslash makes each literal. Only these: it
# leaves the backslash in front of any other character (a heading "Layer 1: ..." would show "\:").
_MD_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def segments(text: str) -> list[Segment]:
    """`code` spans first, then **bold** in the text around them; anything else is text."""
    out: list[Segment] = []

    def add(kind: str, chars: str) -> None:
        if kind == "text" and out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + chars)
        elif chars or kind != "text":
            out.append((kind, chars))

    for index, piece in enumerate(_CODE.split(text)):
        if index % 2:
            add("code", piece)
            continue
        end = 0
        for match in _BOLD.finditer(piece):
            add("text", piece[end:match.start()])
            add("bold", match.group(1))
            end = match.end()
        add("text", piece[end:])
    return out


_TAGS = {"bold": "<strong>{}</strong>", "code": "<code>{}</code>", "text": "{}"}


def inline(text: str) -> Markup:
    """Escaped HTML for a data string, honouring **bold** and `code`."""
    return Markup("").join(Markup(_TAGS[kind]).format(chars) for kind, chars in segments(text))


def plain(text: str) -> str:
    """The text without its markup: for titles, descriptions, JSON and diagrams."""
    return "".join(chars for _, chars in segments(text))


def html_text(text: str) -> str:
    """Plain text escaped for HTML (no markup honoured): for attributes and front matter."""
    return str(escape(plain(text)))


def md_text(text: str) -> str:
    """Plain text for a Markdown heading or link label: HTML-escaped, syntax characters escaped."""
    return _MD_SYNTAX.sub(r"\\\1", html.escape(plain(text), quote=False))


def mermaid_text(text: str) -> str:
    """Text for inside a quoted Mermaid label: quotes and markup characters as entity codes."""
    codes = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;", "\n": " "}
    return "".join(codes.get(ch, ch) for ch in plain(text))
