"""A local static server that compresses text like the hosts the site is published on do.

Lighthouse's performance metrics depend on transfer sizes; an uncompressed server would make
every site look slower than it is once published."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path

from tests.helpers.site import _QuietHandler

COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map")


class GzipHandler(_QuietHandler):
    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in COMPRESSIBLE
        if not (compress and path.is_file()):
            return super().send_head()  # redirects, 404s, images, fonts
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: something copyfile can read and close."""

    def __init__(self, data: bytes):
        self._data = data

    def read(self, *args):
        data, self._data = self._data, b""
        return data

    def close(self):
        pass


def serve_compressed(directory: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
