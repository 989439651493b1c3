"""The stack composer in a real strict build: its page holds the guide's stack for readers
without JavaScript (the drawing, its text, the compose sketch), api/stack.json follows its
schema, and a broken data/stack.yaml fails the build naming file, record and field."""

from __future__ import annotations

import html
import json
import re

import yaml
from jsonschema import Draft202012Validator

from macros.model.sections.architecture import Architecture
from macros.model.sections.stack import StackComposer
from macros.views.sections import stack as view
from tests.helpers.data import CATALOG
from tests.helpers.datasets import apply_edits
from tests.helpers.project import ROOT, copy_project
from tests.helpers.site import mkdocs_build

COMPOSER = CATALOG.section(StackComposer)
ARCH = CATALOG.section(Architecture)


def page(site) -> str:
    return (site / "stack" / "index.html").read_text(encoding="utf-8")


def test_the_page_shows_the_guides_stack_without_javascript(built_site):
    text = page(built_site)
    # The picker is the script's: hidden without it (overrides/main.html), the guide's stack chosen.
    root = re.search(r'<div id="stack" class="stack" data-module="stack" data-src="\.\./api/stack\.json">(.*?)</form>', text, re.S)
    assert root and len(re.findall(r"<select ", root.group(1))) == len(CATALOG.use_cases)
    selected = re.findall(r'<option value="([^"]+)" selected>', root.group(1))
    assert selected == [slot.default for slot in COMPOSER.slots]
    # The drawing: inline, its words in text elements, every service of the stack on its port.
    svg = re.search(r"<svg class=\"stack-svg\".*?</svg>", text, re.S).group(0)
    shown = [m.group(1) for m in re.finditer(r'<g class="stack-box" data-node="[^"]+"><rect[^>]*/>(.*?)</g>', svg)]
    names = [html.unescape(re.search(r'data-part="name">([^<]*)<', box).group(1)) for box in shown]
    for slot in COMPOSER.slots:
        component = ARCH.component(slot.component)
        if component.port:
            assert f"port {component.port}" in svg
    assert {"Django REST Framework", "Gin", "Socket.IO", "RabbitMQ", "Celery worker", "PostgreSQL", "Redis", "API Gateway"} <= set(names)
    # The text beside it says the same lines.
    lines = [html.unescape(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li>(.*?)</li>",
             re.search(r'<ol class="stack-lines">(.*?)</ol>', text).group(1))]
    assert "API Gateway → Gin: gRPC" in lines and "RabbitMQ → Celery worker: picks up background job" in lines
    for line in lines:
        assert f"<title>{html.escape(line, quote=False)}</title>" in svg or f"<title>{html.escape(line)}</title>" in svg


def test_the_composers_styles_are_inlined_on_its_page_only(built_site):
    css = (ROOT / "docs" / view.STACK_CSS).read_text(encoding="utf-8")
    head = page(built_site)[: page(built_site).index("</head>")]
    assert f"<style>{css}</style>" in head
    for other in ("wizard", "matrix", "frameworks/gin"):
        assert css not in (built_site / other / "index.html").read_text(encoding="utf-8")
    assert (built_site / "assets" / "js" / "stack.mjs").is_file() and "stack.mjs" not in head  # loaded on demand


def test_the_compose_sketch_in_the_page_is_yaml_with_the_stacks_services(built_site):
    code = re.search(r'<code id="stack-compose">(.*?)</code>', page(built_site), re.S).group(1)
    services = yaml.safe_load(html.unescape(code))["services"]
    assert list(services) == ["traefik", "django-rest-framework", "gin", "socket-io", "celery-worker", "rabbitmq",
                              "postgresql", "redis"]
    assert services["gin"]["expose"] == ["9000"] and services["socket-io"]["expose"] == ["3000"]
    assert "traefik.http.services.gin.loadbalancer.server.scheme=h2c" in services["gin"]["labels"]  # gRPC behind the gateway
    assert services["celery-worker"]["depends_on"] == ["rabbitmq"]
    assert services["postgresql"] == {"image": "postgres"}


def test_the_published_json_is_the_composers_data_and_follows_its_schema(built_site):
    data = json.loads((built_site / view.JSON_PATH).read_text(encoding="utf-8"))
    schema = json.loads((built_site / view.SCHEMA_PATH).read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    assert data == json.loads(json.dumps(view.stack_json(CATALOG, COMPOSER)))
    frameworks = {f["id"] for f in json.loads((built_site / "api" / "frameworks.json").read_text(encoding="utf-8"))["frameworks"]}
    assert {p["id"] for s in data["slots"] for p in s["picks"]} <= frameworks  # the address names ids of api/frameworks.json
    for fid, fw in data["frameworks"].items():
        assert (built_site / "api" / fw["url"] / "index.html").resolve().is_file(), fid


def test_a_broken_stack_file_fails_the_build_naming_record_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    apply_edits(project / "data", [{"file": "stack.yaml", "find": "    component: nestjs\n", "replace": "    component: nestjss\n"}])
    site = tmp_path / "out"
    result = mkdocs_build(site, config=project / "mkdocs.yml", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/stack.yaml:18: slot 'realtime': component 'nestjss' is not a known component of data/architecture.yaml" in output
    assert "Traceback" not in output and not site.exists()
