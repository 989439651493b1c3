"""Tests by kind, one folder each, each folder's tests marked with its name:

  unit/      no site and no browser: data, loader, views, tools (the fast loop: `make test-fast`)
  build/     a built site: pages, published files, links, broken builds
  browser/   the built site in Chromium through Playwright (axe-core included)
  js/        the browser modules' pure functions with Node's test runner (`node --test`)
  examples/  the code examples of every framework, run or parsed by their own toolchains

Shared fixtures: the real site built once per run (in this process) and served, the hostile site
built once per run, and Chromium. JavaScript tests (tests/js/*.test.mjs) are collected here too,
so `pytest` gives one summary for every kind.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.tools.chromium import launch
from tests.helpers.hostile import poison_data, poison_front_matter
from tests.helpers.project import ROOT, copy_project
from tests.helpers.site import build_in_process, mkdocs_build, serve, url_of

TESTS = Path(__file__).resolve().parent
KINDS = ("browser", "examples", "build", "unit", "js")  # heaviest first: the order `make test` runs them


def _kind(item) -> str | None:
    parts = Path(str(item.path)).resolve().relative_to(TESTS).parts
    return parts[0] if parts and parts[0] in KINDS else None


def pytest_collection_modifyitems(config, items):
    """Marks each test with its kind, and sorts the tests by kind, heaviest first (see group_of)."""
    order = {}
    for item in items:
        kind = _kind(item)
        if kind:
            item.add_marker(kind)
        order[item.nodeid] = KINDS.index(kind) if kind else len(KINDS)
        if "hostile_site" in getattr(item, "fixturenames", ()) and group_of(item.nodeid) != HOSTILE_GROUP:
            raise pytest.UsageError(f"{item.nodeid} uses the hostile site: 'hostile_site' belongs in its name (group_of)")
    items.sort(key=lambda item: order[item.nodeid])


# ── Groups of tests for `make test`'s two workers ───────────────────────────────────────────
HOSTILE_GROUP = "hostile-site"
PART = re.compile(r"\[part-(\d+)\]$")


def group_of(nodeid: str) -> str:
    """The tests a worker takes together: a module (its browser and fixtures set up once); the
    tests of the hostile site, wherever they are (test_hostile.py and tests with `hostile_site` in their name:
    the site is built on one worker only); a part of a long test split in parts (`[part-N]`: both
    workers share it). The heaviest kinds are collected first, so that no long group is left for
    the end while the other worker waits."""
    module, _, name = nodeid.partition("::")
    if module.endswith("/test_hostile.py") or "hostile_site" in name:
        return HOSTILE_GROUP
    part = PART.search(name)
    return f"{module}::part-{part[1]}" if part else module


def pytest_xdist_make_scheduler(config, log):
    """`--dist loadscope` with the scopes of group_of."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid)

    return GroupScheduling(config, log)


# ── Sites ───────────────────────────────────────────────────────────────────────────────

@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The real site, built strictly once per session for the local server that serves it. The
    server starts first, so the site is built for its address: Material's instant navigation only
    follows links whose host and port match the sitemap's URLs."""
    site = tmp_path_factory.mktemp("site") / "site"
    server = serve(site)
    build_in_process(site, site_url=url_of(server))
    yield site, url_of(server)
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(served_site) -> Path:
    return served_site[0]


@pytest.fixture(scope="session")
def site_url(served_site) -> str:
    return served_site[1]


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    """The project with a payload in every text of the data and in one page's front matter
    (tests/helpers/hostile.py), built once per session and served."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    count = poison_data(project / "data")
    title, description = poison_front_matter(project / "docs")
    site = project / "site"
    server = serve(site)
    result = mkdocs_build(site, config=project / "mkdocs.yml", cwd=project, site_url=url_of(server))
    if result.returncode != 0:
        server.shutdown()
        raise AssertionError(f"the hostile site did not build:\n{result.stdout}\n{result.stderr}")
    yield {"site": site, "url": url_of(server), "data": project / "data", "count": count,
           "title": title, "description": description}
    server.shutdown()


# ── Chromium ────────────────────────────────────────────────────────────────────────────

@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)  # no browser is a failure, not a skip
        yield chromium
        chromium.close()


class PageWatch:
    """Everything a page asked the network for, and every console error or page error."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("http://127.0.0.1:", "data:", "blob:", "about:"))]


@pytest.fixture
def page(browser, request):
    """A fresh browser context per test, in the light scheme unless the test asks otherwise."""
    marker = request.node.get_closest_marker("color_scheme")
    context = browser.new_context(color_scheme=marker.args[0] if marker else "light")
    tab = context.new_page()
    tab.watch = PageWatch(tab)
    yield tab
    context.close()


# ── JavaScript unit tests ────────────────────────────────────────────────────────────────

def pytest_collect_file(parent, file_path: Path):
    if file_path.name.endswith(".test.mjs"):
        return NodeTestFile.from_parent(parent, path=file_path)


class NodeTestFile(pytest.File):
    def collect(self):
        yield NodeTestItem.from_parent(self, name=self.path.name)


class NodeTestItem(pytest.Item):
    def runtest(self):
        node = shutil.which("node")
        assert node, "Node.js is needed for the JavaScript tests"
        result = subprocess.run([node, "--test", "--test-reporter=spec", str(self.path)],
                                cwd=ROOT, capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise NodeTestFailure(result.stdout + result.stderr)
        self.add_report_section("call", "node --test", result.stdout)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, NodeTestFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"node --test {self.path.name}"


class NodeTestFailure(Exception):
    pass


def pytest_configure(config):
    config.addinivalue_line("markers", "color_scheme(name): the prefers-color-scheme of the browser context")
