"""Link previews: every page has its title, description, canonical URL, Open Graph and Twitter
tags, escaped exactly once whether they come from data or from hand-written front matter."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from macros.views.text import plain
from tests.helpers.data import CATALOG
from tests.helpers.hostile import poisoned
from tests.helpers.project import ROOT, copy_project
from tests.helpers.site import mkdocs_build

SITE_NAME = "Data API Frameworks"
TAGS = ("description", "og:title", "og:description", "og:url", "og:type", "twitter:card")


class Head(HTMLParser):
    """What a page's <head> says, as a browser reads it (entities decoded once)."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.canonical: list[str] = []
        self.title = ""
        self.injected: list[str] = []
        self._in_title = False
        self._past_head = False  # an SVG written into the body may have <title>s of its own

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta.setdefault(a.get("property") or a.get("name"), []).append(a.get("content"))
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a["href"])
        if tag == "title" and not self._past_head:
            self._in_title = True
        if "pwned" in (a.get("class") or ""):
            self.injected.append(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        self._past_head = self._past_head or tag == "head"

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head_of(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def test_every_page_has_one_of_each_tag_and_they_agree(built_site, site_url):
    pages = [p for p in sorted(built_site.rglob("index.html"))]
    assert len(pages) > len(CATALOG.frameworks)
    # A page whose address carries what it shows (`share: with-query`) names no address of its own:
    # a preview would send people to it without the query.
    with_query = {p.relative_to(ROOT / "docs").with_suffix("").as_posix().removesuffix("index").rstrip("/")
                  for p in (ROOT / "docs").rglob("*.md") if "\nshare: with-query\n" in p.read_text(encoding="utf-8")}
    assert with_query
    for path in pages:
        head = head_of(path)
        where = path.relative_to(built_site).as_posix()
        url = path.parent.relative_to(built_site).as_posix()
        own_address = url not in with_query
        for tag in TAGS:
            assert len(head.meta.get(tag, [])) == (1 if own_address or tag != "og:url" else 0), (where, tag)
        assert len(head.canonical) == (1 if own_address else 0), where
        meta = {tag: values[0] for tag, values in head.meta.items()}
        assert meta["description"].strip(), where
        assert meta["og:description"] == meta["description"], where
        if own_address:
            assert meta["og:url"] == head.canonical[0], where
            assert meta["og:url"] == site_url + ("" if url == "." else url + "/"), where
        assert head.title == f"{meta['og:title']} - {SITE_NAME}", where
        assert meta["og:type"] == ("website" if url == "." else "article"), where
        assert meta["twitter:card"] == "summary_large_image"


def test_generated_pages_take_their_preview_from_the_data(built_site):
    for fw in CATALOG.frameworks:
        meta = {k: v[0] for k, v in head_of(built_site / "frameworks" / fw.id / "index.html").meta.items()}
        assert meta["og:title"] == plain(fw.name)
        assert meta["description"].startswith(plain(fw.summary))
    for use_case in CATALOG.use_cases:
        meta = {k: v[0] for k, v in head_of(built_site / "use-cases" / use_case.id / "index.html").meta.items()}
        assert meta["og:title"] == plain(use_case.name)


def test_a_name_cannot_break_out_of_the_attributes_on_the_hostile_site(hostile_site):
    site = hostile_site["site"]
    head = head_of(site / "frameworks" / "fastapi" / "index.html")
    assert head.meta["og:title"] == [poisoned("FastAPI")]
    # The description (cut at a word to fit a preview) reads the payload as text.
    description = head.meta["description"][0]
    assert poisoned(plain(CATALOG.framework("fastapi").summary)).startswith(description.removesuffix("…"))
    assert "<img src=x onerror=alert(1)" in description
    assert head.title == f"{poisoned('FastAPI')} - {SITE_NAME}"
    assert head.injected == []
    # The comparison pages that name it carry it as text too.
    comparison = head_of(site / "compare" / "drf-vs-fastapi" / "index.html")
    assert comparison.injected == []


def test_hand_written_front_matter_is_escaped_exactly_once_on_the_hostile_site(hostile_site):
    head = head_of(hostile_site["site"] / "data" / "index.html")
    assert head.meta["og:title"] == [hostile_site["title"]]
    assert head.meta["description"] == [hostile_site["description"]]
    assert head.meta["og:description"] == [hostile_site["description"]]
    assert head.title == f"{hostile_site['title']} - {SITE_NAME}"
    assert head.injected == []


def test_a_page_without_a_description_fails_the_build_naming_it(tmp_path):
    project = copy_project(tmp_path / "project")
    for name in ("data.md", "compare/index.md"):
        page = project / "docs" / name
        text = page.read_text(encoding="utf-8")
        start = text.index("description: >-\n")
        end = text.index("\n", text.index("\n", start) + 1)  # the key and its first line
        rest = text[end + 1:]
        while rest.startswith("  "):  # the description's other lines
            rest = rest[rest.index("\n") + 1:]
        page.write_text(text[:start] + rest, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, config=project / "mkdocs.yml", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "no `description` in its front matter" in output
    assert "compare/index.md: no `description`" in output and "data.md: no `description`" in output
    assert "Traceback" not in output
