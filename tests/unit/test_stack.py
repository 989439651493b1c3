"""The stack composer without MkDocs: its data (data/stack.yaml) and its checks, the composed
stacks (boxes, lines, protocols, the compose sketch), the drawing and the published JSON, and the
same steps in the browser's module (docs/assets/js/stack-core.mjs) run by Node on the same data."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess

import pytest
import yaml
from jsonschema import Draft202012Validator

from macros.model.catalog import DataValidationError, load_catalog
from macros.model.routes import Linker
from macros.model.sections.architecture import Architecture
from macros.model.sections.decision_tree import DecisionTree
from macros.model.sections.stack import StackComposer
from macros.source.drawings import read_drawings
from macros.views.sections import stack as view
from tests.helpers.data import CATALOG
from tests.helpers.datasets import DATA, apply_edits
from tests.helpers.project import ROOT

COMPOSER = CATALOG.section(StackComposer)
ARCH = CATALOG.section(Architecture)
DATA_JSON = view.stack_json(CATALOG, COMPOSER)
CASES = yaml.safe_load((ROOT / "tests" / "fixtures" / "stack_broken_cases.yaml").read_text(encoding="utf-8"))
PAGE = Linker("stack.md")


def every_stack() -> list[dict[str, str]]:
    slots = DATA_JSON["slots"]
    return [dict(zip([s["id"] for s in slots], ids)) for ids in itertools.product(*[[p["id"] for p in s["picks"]] for s in slots])]


def picks_with(**changes: str) -> dict[str, str]:
    return {**view.default_picks(DATA_JSON), **{k.replace("_", "-"): v for k, v in changes.items()}}


# ── The data ────────────────────────────────────────────────────────────────────────────────

def test_one_slot_per_use_case_in_their_order_each_offering_its_matrix_column():
    assert [s.use_case for s in COMPOSER.slots] == [u.id for u in CATALOG.use_cases]
    for slot in DATA_JSON["slots"]:
        column = [option for cell in CATALOG.cells if cell.use_case == slot["id"] for option in cell.options]
        assert [p["members"] for p in slot["picks"]] == [list(o) for o in dict.fromkeys(column)]
        assert len({p["id"] for p in slot["picks"]}) == len(slot["picks"])


def test_the_composer_opens_on_the_guides_stack_which_is_the_wizards_polyglot_answer():
    """Each slot's first choice is the framework its component of the recommended stack runs in
    that use case; the wizard's answer for the guide's platform names the same stack."""
    for slot in DATA_JSON["slots"]:
        component = ARCH.component(next(s.component for s in COMPOSER.slots if s.use_case == slot["id"]))
        default = next(p for p in slot["picks"] if p["id"] == slot["default"])
        assert set(default["members"]) & set(component.all_frameworks)
    defaults = {s.use_case: s.default for s in COMPOSER.slots}
    assert defaults == dict(CATALOG.section(DecisionTree).outcomes["polyglot"].stack)
    assert defaults == {"full-featured": "django-rest-framework", "lightweight": "gin",
                        "service-to-service": "celery", "realtime": "socket-io"}


def test_the_gateway_service_is_the_guides_own_example():
    example = yaml.safe_load((ROOT / ARCH.gateway.example.file).read_text(encoding="utf-8"))["services"]
    name, settings = COMPOSER.gateway_service
    assert example[name] == settings and name == "traefik"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_broken_stack_data_fails_with_every_error_named(case, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for folder in ("examples", "docs"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    apply_edits(data, case["edits"])
    with pytest.raises(DataValidationError) as caught:
        load_catalog(data, display_root=tmp_path, drawings=read_drawings())
    assert [str(e) for e in caught.value.errors] == case["errors"]


# ── Composing ───────────────────────────────────────────────────────────────────────────────

def test_the_guides_stack_has_the_architectures_ports_lines_and_protocols():
    composition = view.compose(DATA_JSON, view.default_picks(DATA_JSON))
    node = {s.component: (view.BROKER_NODE if ARCH.component(s.component).role == "queue" else s.use_case) for s in COMPOSER.slots}
    node |= {c.id: c.id for c in ARCH.components if c.role in ("frontend", "gateway", "store")}
    expected = [(node[line.source], node[line.target], line.protocol) for line in ARCH.stack
                if line.source in node and line.target in node and line.protocol != "Bull queue"]  # no Bull: Celery runs the jobs
    worker = next(line for line in ARCH.request_flow if ARCH.component(line.target).role == "worker")
    expected.append((view.BROKER_NODE, view.WORKER_NODE, worker.protocol))
    assert [(x.source, x.target, x.protocol) for x in composition.lines] == expected
    for slot in COMPOSER.slots:
        port = ARCH.component(slot.component).port
        if port:
            assert composition.boxes[slot.use_case].port == port
    assert composition.boxes[view.WORKER_NODE].name == "Celery worker"


def test_a_task_queue_on_redis_makes_redis_the_broker_and_draws_the_line_its_name_is_on():
    composition = view.compose(DATA_JSON, picks_with(service_to_service="bull"))
    assert view.BROKER_NODE not in composition.boxes
    lines = {(x.source, x.target): x.protocol for x in composition.lines}
    assert lines[("realtime", "redis")] == "async jobs, Bull queue"
    assert lines[("redis", view.WORKER_NODE)] and composition.boxes[view.WORKER_NODE].name == "Bull worker"
    assert "Bull queue" not in " ".join(x.protocol for x in view.compose(DATA_JSON, picks_with(service_to_service="sidekiq")).lines)


def test_an_rpc_library_names_itself_on_the_grpc_lines_and_nats_is_the_broker():
    composition = view.compose(DATA_JSON, picks_with(service_to_service="grpc-go"))
    via = {(x.source, x.target): x.via for x in composition.lines}
    assert via[("gateway", "lightweight")] == via[("realtime", "lightweight")] == "gRPC-Go"
    assert not via[("gateway", "full-featured")]
    assert view.WORKER_NODE not in composition.boxes and composition.boxes[view.BROKER_NODE].name == "RabbitMQ"
    nats = view.compose(DATA_JSON, picks_with(service_to_service="nats"))
    assert nats.boxes[view.BROKER_NODE].name == "NATS"
    assert yaml.safe_load(view.compose_yaml(DATA_JSON, nats))["services"]["nats"] == {"image": "nats"}


def test_every_composed_stack_is_drawn_by_the_drawing_and_its_sketch_is_yaml_with_its_services():
    possible = set(view.possible_lines(DATA_JSON))
    assert set(view.PLACES) >= set(view.compose(DATA_JSON, view.default_picks(DATA_JSON)).boxes)
    stacks = every_stack()
    assert len(stacks) > 2000
    for picks in stacks:
        composition = view.compose(DATA_JSON, picks)
        assert {(x.source, x.target) for x in composition.lines} <= possible
        assert set(composition.boxes) <= set(view.PLACES)
        # libyaml's parser: the pure-Python one takes most of this test's time over 2,000 stacks
        sketch = yaml.load(view.compose_yaml(DATA_JSON, composition), Loader=yaml.CSafeLoader)["services"]
        services = set(sketch)
        own = [picks[s["id"]] for s in DATA_JSON["slots"] if s["node"] != view.BROKER_NODE]
        assert len(own) == len({name for name in services if sketch[name].get("build") and not name.endswith("-worker")})
        assert {"traefik", "postgresql", "redis"} <= services
        for name, settings in sketch.items():
            for needed in settings.get("depends_on", []):
                assert needed in services, (picks, name, needed)
            if "build" in settings:
                assert settings["build"] == f"./{name}"
        ports = sorted(int(s["expose"][0]) for s in sketch.values() if "expose" in s)
        assert ports == sorted(s["port"] for s in DATA_JSON["slots"] if s["port"])


def test_two_slots_with_one_framework_get_two_services():
    composition = view.compose(DATA_JSON, picks_with(lightweight="actix-web", realtime="actix-web"))
    sketch = yaml.safe_load(view.compose_yaml(DATA_JSON, composition))["services"]
    assert sketch["actix-web"]["expose"] == ["9000"] and sketch["actix-web-realtime"]["expose"] == ["3000"]
    assert "traefik.http.routers.actix-web-realtime.rule=Host(`actix-web-realtime.example.com`)" in sketch["actix-web-realtime"]["labels"]


# ── The page's pieces ───────────────────────────────────────────────────────────────────────

def test_the_drawing_shows_the_guides_stack_and_hides_what_it_lacks():
    composition = view.compose(DATA_JSON, view.default_picks(DATA_JSON))
    svg = view.stack_svg(DATA_JSON, composition)
    shown = re.findall(r'<g class="stack-box" data-node="([^"]+)">', svg)
    assert shown == [n for n in view.PLACES if n in composition.boxes]
    hidden_lines = re.findall(r'<g class="stack-line" data-line="([^"]+)" display="none">', svg)
    assert set(hidden_lines) == {f"{a}:{b}" for a, b in view.possible_lines(DATA_JSON)} - {
        f"{x.source}:{x.target}" for x in composition.lines}
    texts = re.findall(r'data-part="name">([^<]*)<', svg)
    assert "Django REST Framework" in texts and "Celery worker" in texts
    for line in composition.lines:
        assert f"<title>{view.line_text(composition, line)}</title>" in svg


def test_the_picker_offers_every_pick_with_the_guides_selected():
    html = view.picker(CATALOG, COMPOSER, PAGE)
    assert 'data-module="stack" data-src="../api/stack.json"' in html
    for slot in DATA_JSON["slots"]:
        select = re.search(rf'<select id="stack-pick-{slot["id"]}" name="{slot["id"]}">(.*?)</select>', html).group(1)
        assert re.findall(r'<option value="([^"]+)"', select) == [p["id"] for p in sorted(
            slot["picks"], key=lambda p: list(dict.fromkeys(q["language"] for q in slot["picks"])).index(p["language"]))]
        assert re.findall(r'<option value="([^"]+)" selected>', select) == [slot["default"]]


def test_the_published_json_follows_its_schema():
    files = dict(view.published(CATALOG, COMPOSER))
    data, schema = json.loads(files[view.JSON_PATH]), json.loads(files[view.SCHEMA_PATH])
    Draft202012Validator.check_schema(schema)
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    assert data == json.loads(json.dumps(DATA_JSON))


# ── The browser's module, on the same data ─────────────────────────────────────────────────

NODE_SCRIPT = """
import { compose, composeYaml, lineText, boxText } from "./docs/assets/js/stack-core.mjs";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const { data, stacks } = JSON.parse(input);
const out = stacks.map((picks) => {
  const c = compose(data, picks);
  return { boxes: [...c.boxes.values()].map(boxText), lines: c.lines.map((l) => lineText(c, l)), yaml: composeYaml(data, c) };
});
process.stdout.write(JSON.stringify(out));
"""


def test_the_browsers_module_composes_every_stack_as_the_build_does():
    node = shutil.which("node")
    assert node, "Node.js is needed"
    stacks = every_stack()
    done = subprocess.run([node, "--input-type=module", "-e", NODE_SCRIPT], cwd=ROOT, text=True, capture_output=True,
                          input=json.dumps({"data": DATA_JSON, "stacks": stacks}), timeout=120)
    assert done.returncode == 0, done.stderr
    for picks, got in zip(stacks, json.loads(done.stdout), strict=True):
        composition = view.compose(DATA_JSON, picks)
        expected = {"boxes": [view.box_text(b) for b in composition.boxes.values()],
                    "lines": [view.line_text(composition, x) for x in composition.lines],
                    "yaml": view.compose_yaml(DATA_JSON, composition)}
        assert got == expected, picks


def test_hostile_names_are_escaped_in_every_piece(tmp_path):
    payload = "<img src=x onerror=alert(1)>"
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for folder in ("examples", "docs"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    apply_edits(data, [{"file": "frameworks.yaml", "find": "    name: Gin\n", "replace": f"    name: 'Gin {payload}'\n"},
                       {"file": "architecture.yaml", "find": "{from: gateway, to: gin, protocol: gRPC}",
                        "replace": f"{{from: gateway, to: gin, protocol: 'gRPC {payload}'}}"}])
    catalog = load_catalog(data, display_root=tmp_path, drawings=read_drawings())
    composer = catalog.section(StackComposer)
    for render in (view.picker, view.diagram, view.text_alternative, view.compose_sketch):
        html = render(catalog, composer, PAGE)
        assert "<img" not in html, render.__name__
    assert "&lt;img src=x onerror=alert(1)&gt;" in view.diagram(catalog, composer, PAGE)
