"""The security headers written for a built site (macros/publish/headers.py): both files parse to
the same headers, the policy names a hash for every inline script and style that runs and for
nothing else, allows no inline code by any other means, and refuses inline code that no hash can
allow. The real site under these headers, in Chromium: tests/browser/test_csp.py."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from macros.publish.headers import (
    HEADERS_FILE,
    NGINX_FILE,
    HeadersError,
    parse_headers_file,
    source_hash,
    write_security_headers,
)

# The example of the CSP specification (Level 3, "Hash usage for script elements"): the script
# alert('Hello, world.'); is allowed by this source.
SPEC_SCRIPT = "alert('Hello, world.');"
SPEC_HASH = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"

HOME = f"""<!doctype html><html><head>
<script>{SPEC_SCRIPT}</script>
<script id="__config" type="application/json">{{"base": "."}}</script>
<script src="assets/bundle.js"></script>
<style>body {{ color: black }}</style>
<noscript><style>[data-module]{{display:none}}</style></noscript>
</head><body>
<script type="module">import "./assets/app.mjs";</script>
<script>
  var arrow = "→", entity = "&amp;";
</script>
</body></html>"""
# A page one level down: one script differs (Material's scripts name the page's depth), the
# style is the same as the home page's.
PAGE = """<!doctype html><html><head><script>__md_scope=new URL("..",location)</script>
<style>body { color: black }</style></head><body><p>Text</p></body></html>"""
EXPECTED_SCRIPTS = [SPEC_SCRIPT, 'import "./assets/app.mjs";', '\n  var arrow = "→", entity = "&amp;";\n',
                    '__md_scope=new URL("..",location)']
EXPECTED_STYLES = ["body { color: black }", "[data-module]{display:none}"]


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in filter(None, (d.strip() for d in policy.split(";"))):
        name, *sources = directive.split()
        assert name not in parsed, f"directive {name} written twice"
        parsed[name] = sources
    return parsed


@pytest.fixture
def site(tmp_path) -> Path:
    (tmp_path / "index.html").write_text(HOME, encoding="utf-8")
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text(PAGE, encoding="utf-8")
    return tmp_path


def nginx_headers(text: str) -> dict[str, str]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    pattern = re.compile(r'add_header ([A-Za-z-]+) "([^"$]*)" always;')
    assert all(pattern.fullmatch(line) for line in lines), lines
    return dict(pattern.fullmatch(line).groups() for line in lines)


def test_the_hash_of_the_specification_example():
    assert source_hash(SPEC_SCRIPT) == SPEC_HASH


def test_both_files_parse_to_the_same_headers(site):
    headers = write_security_headers(site)
    rules = parse_headers_file((site / HEADERS_FILE).read_text(encoding="utf-8"))
    assert list(rules) == ["/*"]
    assert rules["/*"] == headers
    assert nginx_headers((site / NGINX_FILE).read_text(encoding="utf-8")) == headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]


def test_the_policy_hashes_every_inline_script_and_style_that_runs_and_nothing_else(site):
    policy = directives(write_security_headers(site)["Content-Security-Policy"])
    assert SPEC_HASH in policy["script-src"]
    # Each hash once: the JSON config (data, not a script) and external scripts have none.
    assert sorted(policy["script-src"]) == sorted(["'self'", *map(sha256, EXPECTED_SCRIPTS)])
    assert sorted(policy["style-src"]) == sorted(["'self'", *map(sha256, EXPECTED_STYLES)])


def test_the_policy_allows_no_inline_code_but_by_hash_and_no_other_host(site):
    policy = directives(write_security_headers(site)["Content-Security-Policy"])
    for name in ("script-src", "style-src"):
        assert all(s == "'self'" or s.startswith("'sha256-") for s in policy[name]), policy[name]
    assert policy["default-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


@pytest.mark.parametrize("markup, named", [
    ('<button onclick="go()">Go</button>', "<button onclick=...>"),
    ('<p style="color: red">Red</p>', "<p style=...>"),
    ('<a href=" JavaScript:go()">Go</a>', '<a href="javascript:...">'),
])
def test_inline_code_no_hash_can_allow_is_an_error_naming_the_page(site, markup, named):
    (site / "page" / "index.html").write_text(f"<!doctype html><body>{markup}</body>", encoding="utf-8")
    with pytest.raises(HeadersError) as caught:
        write_security_headers(site)
    assert f"page/index.html: {named}" in str(caught.value)
    assert not (site / HEADERS_FILE).exists()
