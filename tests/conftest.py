"""Shared fixtures: a strict build of the real site, a local server for it, and Chromium.

JavaScript unit tests (tests/js/*.test.mjs) are collected here too, each run with Node's
built-in test runner, so `pytest` gives one summary for Python, JavaScript and browser tests.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEBIAN_CHROMIUM = "/usr/bin/chromium"
# Running as root on a machine without network: no sandbox, no GPU, no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# True once every diagram of the page shows: drawn ahead of time (an image), or drawn in the
# browser (data changed since `make diagrams`), which happens as it comes near the viewport.
DIAGRAMS_SHOWN = ("() => [...document.querySelectorAll('figure.diagram')]"
                  ".every(f => f.dataset.drawing === 'image' || f.dataset.rendered)")


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", cwd: Path = ROOT,
                 site_url: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript",
                      ".js": "text/javascript", ".json": "application/json"}

    def log_message(self, *args):  # keep test output readable
        pass


def serve(directory: Path):
    """Serve `directory` on a free port of 127.0.0.1 (files are read per request, so the folder
    may be filled after the server starts)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build_and_serve(site: Path, **build_args):
    """Start the server first, so the site can be built for its address: Material's instant
    navigation only follows links whose host and port match the sitemap's URLs."""
    server = serve(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = mkdocs_build(site, site_url=url, **build_args)
    if result.returncode != 0:
        server.shutdown()
        raise AssertionError(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return server, url


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The real site, built strictly once per session for the local server that serves it."""
    site = tmp_path_factory.mktemp("site") / "site"
    server, url = build_and_serve(site)
    yield site, url
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(served_site) -> Path:
    return served_site[0]


@pytest.fixture(scope="session")
def site_url(served_site) -> str:
    return served_site[1]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = DEBIAN_CHROMIUM if Path(DEBIAN_CHROMIUM).exists() else None
    with sync_playwright() as playwright:
        # No browser is a failure, not a skip: launch() raises with Playwright's explanation.
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
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
