"""Turn data strings into safe HTML, Markdown, attribute and Mermaid text.

Data strings are plain text in which **bold** and `code` are the only markup.
Everything else, `<script>` included, comes out as the characters it is.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

_CODE = re.compile(r"(`[^`\n]+`)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
# Characters Python-Markdown treats as syntax; a backslash makes each literal. Only these: it
# leaves the backslash in front of any other character (a heading "Layer 1: ..." would show "\:").
_MD_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def inline(text: str) -> Markup:
    """Escaped HTML for a data string, honouring **bold** and `code`."""
    parts = []
    for piece in _CODE.split(text):
        if piece.startswith("`") and piece.endswith("`") and len(piece) > 1:
            parts.append(Markup("<code>{}</code>").format(piece[1:-1]))
        else:
            parts.append(Markup(_BOLD.sub(r"<strong>\1</strong>", str(escape(piece)))))
    return Markup("").join(parts)


def plain(text: str) -> str:
    """The text without its markup: for titles, descriptions, JSON and diagrams."""
    return _BOLD.sub(r"\1", text).replace("`", "")


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
