"""Building the site for tests: in this process for the project itself (fast: no interpreter or
import start-up), in a subprocess for a copy of the project with other data; and a local server."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from .project import ROOT


@contextmanager
def _environ(**values: str | None):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update({k: v for k, v in values.items() if v is not None})
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build_in_process(site_dir: Path, site_url: str | None = None) -> None:
    """A strict build of the project into `site_dir`; raises on any error or warning."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with _environ(SITE_URL=site_url, NO_MKDOCS_2_WARNING="1"):
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript",
                      ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml"}

    def log_message(self, *args):  # keep test output readable
        pass


def serve(directory: Path, handler=_QuietHandler):
    """Serve `directory` on a free port of 127.0.0.1 (files are read per request, so the folder
    may be filled after the server starts)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def url_of(server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/"


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", cwd: Path = ROOT,
                 site_url: str | None = None) -> subprocess.CompletedProcess:
    """A strict build in a subprocess, of the project or a copy of it (`config`, `cwd`)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def build_and_serve(site: Path, **build_args):
    """A subprocess build served on a free port, built for the server's address."""
    server = serve(site)
    result = mkdocs_build(site, site_url=url_of(server), **build_args)
    if result.returncode != 0:
        server.shutdown()
        raise AssertionError(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return server, url_of(server)
