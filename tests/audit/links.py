"""An offline link check of a built site: every internal href/src and every #anchor resolves,
in the HTML pages, in the JSON files (URLs in their values) and in the sitemap.

Why not LinkChecker (PyPI `linkchecker`, 10.6): over file:// its AnchorCheck plugin skips
anchors on directory URLs ("does not support anchors for directories"), which is every link of a
site with directory URLs; over HTTP it downloads a page again for each anchor it checks (its
issue #781); and it does not read URLs inside JSON. The site is static and local, so parsing
each file once with the standard library's HTML parser does the whole job.

    python -m tests.audit.links SITE_DIR [SITE_URL]    # prints counts, exits 1 on broken links

URLs are resolved as a browser resolves them: relative to the file they appear in (a JSON file's
own address included), absolute ones only when they start with the site's address.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

PLACEHOLDER_ROOT = "http://site.invalid/"  # the site's address when it was built without one
LINK_ATTRIBUTES = {"href": {"a", "area", "link"}, "src": {"script", "img", "iframe", "source", "audio", "video", "track"}}
NOT_FETCHED = ("mailto:", "tel:", "data:", "blob:")
URL_KEYS = ("url", "href")  # JSON keys whose values are links, also as suffixes: compare_url


@dataclass(frozen=True)
class Link:
    file: str  # site path of the file the link is in
    line: int | None
    url: str


@dataclass
class LinkReport:
    pages: int = 0
    json_files: int = 0
    internal: int = 0  # links to files of the site that were checked
    anchors: int = 0  # of those, links with an #anchor checked against the target's ids
    targets: set[str] = field(default_factory=set)  # site paths some link leads to
    external: set[str] = field(default_factory=set)  # other hosts: listed, not fetched (offline)
    broken: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.pages} pages, {self.json_files} JSON files: {self.internal} internal links checked "
                f"({self.anchors} with an anchor), {len(self.external)} external URLs not fetched, "
                f"{len(self.broken)} broken")


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for attribute, tags in LINK_ATTRIBUTES.items():
            if tag in tags and values.get(attribute):
                self.links.append((self.getpos()[0], values[attribute]))

    handle_startendtag = handle_starttag


def url_of(site_path: str) -> str:
    """'a/b/index.html' -> 'a/b/'; 'index.html' -> ''; 'api/x.json' -> 'api/x.json'."""
    return site_path[: -len("index.html")] if site_path == "index.html" or site_path.endswith("/index.html") else site_path


def json_links(value, site_root: str, file: str, key: str = "") -> list[Link]:
    """Strings under URL keys, and any string that starts with the site's address."""
    if isinstance(value, dict):
        return [link for k, v in value.items() for link in json_links(v, site_root, file, str(k))]
    if isinstance(value, list):
        return [link for item in value for link in json_links(item, site_root, file, key)]
    if isinstance(value, str) and (key.lower().endswith(URL_KEYS) or value.startswith(site_root)):
        return [Link(file, None, value)]
    return []


def check_site(site: Path, site_url: str | None = None) -> LinkReport:
    root = site_url if site_url and site_url.endswith("/") else (f"{site_url}/" if site_url else PLACEHOLDER_ROOT)
    report = LinkReport()
    ids: dict[str, set[str]] = {}
    links: list[Link] = []
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        parser = _PageParser()
        parser.feed(path.read_text(encoding="utf-8"))
        ids[name] = parser.ids
        links += [Link(name, line, url) for line, url in parser.links]
        report.pages += 1
    for path in sorted(site.rglob("*.json")):
        name = path.relative_to(site).as_posix()
        if name.startswith("search/"):  # MkDocs' search index: page text, not links
            continue
        report.json_files += 1
        links += json_links(json.loads(path.read_text(encoding="utf-8")), root, name)
    sitemap = site / "sitemap.xml"
    if sitemap.is_file():
        for loc in ElementTree.parse(sitemap).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            links.append(Link("sitemap.xml", None, loc.text.strip()))

    for link in links:
        _check(link, site, root, ids, report)
    return report


def _check(link: Link, site: Path, root: str, ids: dict[str, set[str]], report: LinkReport) -> None:
    if link.url.startswith(NOT_FETCHED):
        return
    where = f"{link.file}:{link.line}" if link.line else link.file
    if link.url.lower().startswith("javascript:"):
        report.broken.append(f"{where}: {link.url} (a javascript: URL)")
        return
    absolute = urljoin(root + url_of(link.file), link.url)
    if not absolute.startswith(root):
        if urlsplit(absolute).netloc == urlsplit(root).netloc:
            report.broken.append(f"{where}: {link.url} (outside the site's base path)")
        else:
            report.external.add(absolute)
        return
    parts = urlsplit(absolute[len(root):])
    path = unquote(parts.path)
    target = site / path
    if path == "" or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    report.internal += 1
    report.targets.add(target.relative_to(site).as_posix())
    if not target.is_file():
        report.broken.append(f"{where}: {link.url} (no file {target.relative_to(site).as_posix()})")
        return
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html":
        report.anchors += 1
        if fragment not in ids.get(target.relative_to(site).as_posix(), set()):
            report.broken.append(f"{where}: {link.url} (no id '{fragment}' in {target.relative_to(site).as_posix()})")


def main(argv: list[str]) -> int:
    site = Path(argv[0])
    report = check_site(site, argv[1] if len(argv) > 1 else None)
    print(report.summary())
    for line in report.broken:
        print("  broken:", line)
    for url in sorted(report.external):
        print("  external:", url)
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
