"""An independent link check over the built site (tests/audit/links.py): pages, JSON and sitemap."""

from __future__ import annotations

import json

from tests.audit.links import check_site


def test_every_internal_link_and_anchor_resolves(built_site, site_url):
    report = check_site(built_site, site_url)
    assert report.broken == [], report.summary() + "\n" + "\n".join(report.broken)
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    json_files = [p for p in built_site.rglob("*.json") if "search" not in p.parts]
    assert report.pages == len(pages) and report.json_files == len(json_files)
    assert report.anchors > 0


def test_every_page_is_linked_from_somewhere(built_site, site_url):
    report = check_site(built_site, site_url)
    orphans = [p.relative_to(built_site).as_posix() for p in sorted(built_site.rglob("*.html"))
               if p.name != "404.html" and p.relative_to(built_site).as_posix() not in report.targets]
    assert orphans == []


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_checker_reports_each_kind_of_broken_link(tmp_path):
    site, root = tmp_path / "site", "http://127.0.0.1:9/"
    _write(site / "index.html", """<a href="a/">ok</a> <a href="a/#here">ok</a> <a href="#top" id="top">ok</a>
        <a href="b/">missing page</a> <a href="a/#gone">missing anchor</a> <a href="#nowhere">missing local anchor</a>
        <a href="https://example.com/">external</a> <a href="javascript:alert(1)">script</a>
        <link rel="canonical" href="http://127.0.0.1:9/a/"> <img src="img/missing.png" alt="">""")
    _write(site / "a" / "index.html", '<h2 id="here">Here</h2><a href="../">home</a>')
    _write(site / "api" / "x.json", json.dumps({"items": [
        {"url": "../a/"}, {"url": "a/"}, {"compare_url": "../a/#gone"}, {"id": "http://127.0.0.1:9/api/x.json"},
        {"text": "not/a/link"}]}))
    _write(site / "sitemap.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                 "<url><loc>http://127.0.0.1:9/a/</loc></url><url><loc>http://127.0.0.1:9/c/</loc></url></urlset>")
    report = check_site(site, root)
    assert sorted(report.broken) == sorted([
        "index.html:2: b/ (no file b/index.html)",
        "index.html:2: a/#gone (no id 'gone' in a/index.html)",
        "index.html:2: #nowhere (no id 'nowhere' in index.html)",
        "index.html:3: javascript:alert(1) (a javascript: URL)",
        "index.html:4: img/missing.png (no file img/missing.png)",
        "api/x.json: a/ (no file api/a/index.html)",
        "api/x.json: ../a/#gone (no id 'gone' in a/index.html)",
        "sitemap.xml: http://127.0.0.1:9/c/ (no file c/index.html)",
    ])
    assert report.external == {"https://example.com/"}
    assert (report.pages, report.json_files) == (2, 1)
