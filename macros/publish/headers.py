"""The built site's security headers, for the common static hosts: `_headers` (Netlify and
Cloudflare Pages read it from the site's root) and an nginx snippet (`security-headers.conf`, also
at the root: `include /path/to/site/security-headers.conf;` inside the site's `server` block).

The Content-Security-Policy allows the site's own files and no other host. Of inline code it
allows exactly what the build wrote: every inline <script> and <style> of every page, by its
SHA-256 hash (Material's scripts differ by a page's depth; the set over the site is small, so one
site-wide policy serves every page). Inline code that a hash cannot allow (event-handler and style
attributes, javascript: URLs) is an error. Engine-agnostic: it reads the built HTML, after the
engine has written it; whatever serves the site must not change those scripts (no HTML minifier).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

HEADERS_FILE = "_headers"
NGINX_FILE = "security-headers.conf"
# Script types a browser runs (anything else, such as Material's application/json config, is data).
_RUN_TYPES = {"", "module", "importmap", "text/javascript", "application/javascript", "text/ecmascript",
              "application/ecmascript"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
# No feature the site needs; listed features only (an unknown name is a console warning).
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class HeadersError(Exception):
    """The site holds inline code that no Content-Security-Policy hash can allow."""


@dataclass
class InlineCode:
    scripts: set[str] = field(default_factory=set)  # the text of every inline script that runs
    styles: set[str] = field(default_factory=set)  # the text of every <style> element
    problems: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self, code: InlineCode, page: str):
        super().__init__(convert_charrefs=False)  # script and style text is raw: hashed as written
        self.code, self.page = code, page
        self.open: tuple[str, list[str]] | None = None  # the element whose text is being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and "src" not in values and (values.get("type") or "").strip().lower() in _RUN_TYPES:
            self.open = ("script", [])
        elif tag == "style":
            self.open = ("style", [])
        for name, value in attrs:
            if name.startswith("on"):
                self.problem(f"<{tag} {name}=...>: an event-handler attribute (attach the handler in a script file)")
            elif name == "style":
                self.problem(f"<{tag} style=...>: a style attribute (use a class and a stylesheet)")
            elif name in _URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.problem(f"<{tag} {name}=\"javascript:...\">: a javascript: URL")

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[0] == tag:
            kind, parts = self.open
            (self.code.scripts if kind == "script" else self.code.styles).add("".join(parts))
            self.open = None

    def problem(self, text: str) -> None:
        self.code.problems.append(f"{self.page}: {text}")


def inline_code(site_dir: Path) -> InlineCode:
    """Every inline script and style of every HTML page under `site_dir`."""
    code = InlineCode()
    for page in sorted(site_dir.rglob("*.html")):
        collector = _Collector(code, page.relative_to(site_dir).as_posix())
        collector.feed(page.read_text(encoding="utf-8"))
        collector.close()
    return code


def source_hash(text: str) -> str:
    """The CSP source for inline code: its SHA-256 (over its UTF-8 bytes), base64, quoted."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(code: InlineCode) -> str:
    scripts = " ".join(sorted(source_hash(text) for text in code.scripts))
    styles = " ".join(sorted(source_hash(text) for text in code.styles))
    directives = [
        "default-src 'self'",
        f"script-src 'self' {scripts}".rstrip(),
        f"style-src 'self' {styles}".rstrip(),
        "img-src 'self' data:",  # Material's icons are data: URIs in its stylesheet
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def security_headers(site_dir: Path) -> dict[str, str]:
    """The headers for every page of the built site; raises HeadersError listing inline code
    that the policy would block."""
    code = inline_code(site_dir)
    if code.problems:
        raise HeadersError("inline code that the Content-Security-Policy would block:\n  "
                           + "\n  ".join(code.problems))
    return {
        "Content-Security-Policy": content_security_policy(code),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": PERMISSIONS,
    }


def headers_file(headers: dict[str, str]) -> str:
    """Netlify's and Cloudflare Pages' `_headers`: every path gets the headers."""
    lines = ["# Security headers for every path (written by the build: the hashes are its inline code).", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def nginx_snippet(headers: dict[str, str]) -> str:
    """`add_header` lines for the site's `server` block, `always`: error pages get them too."""
    for value in headers.values():
        if '"' in value or "$" in value:  # nginx would end the string or read a variable
            raise HeadersError(f"a header value nginx cannot take as it is: {value}")
    lines = ["# Security headers (written by the build: the hashes are its inline code).",
             "# Include inside the site's server block: include /path/to/site/security-headers.conf;",
             "# A location block with add_header lines of its own drops these: include the file there too.",
             "# With nosniff, .mjs files need a JavaScript type: mime.types must map mjs to text/javascript."]
    lines += [f'add_header {name} "{value}" always;' for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def write_security_headers(site_dir: Path) -> dict[str, str]:
    """Write `_headers` and `security-headers.conf` at the root of the built site; returns the headers."""
    headers = security_headers(site_dir)
    (site_dir / HEADERS_FILE).write_text(headers_file(headers), encoding="utf-8")
    (site_dir / NGINX_FILE).write_text(nginx_snippet(headers), encoding="utf-8")
    return headers


def parse_headers_file(text: str) -> dict[str, dict[str, str]]:
    """The headers of each path pattern of a `_headers` file, as a host reads it."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif current is not None:
            name, _, value = line.strip().partition(":")
            current[name.strip()] = value.strip()
    return rules
