"""The stack composer (/stack/): one framework per use case, composed into the guide's
recommended polyglot stack, drawn as an inline SVG with its text alternative beside it, and
sketched as a docker-compose file.

The browser gets everything as api/stack.json (`stack_json`); `compose` and `compose_yaml` read
that same data the way docs/assets/js/stack-core.mjs does, so the page the build writes (the
guide's own stack, for readers without JavaScript) and the page the script redraws for other
picks say the same (tests compare them). The drawing is built here only: every box and line the
composer can show is in it, and the script shows, hides and relabels them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ...model import routes
from ...model.catalog import Catalog
from ...model.routes import Linker
from ...model.sections.architecture import Architecture
from ...model.sections.decision_tree import picks
from ...model.sections.stack import BROKER_KINDS, WORKER_KINDS, StackComposer
from ..blocks import block, callout, join, ul
from ..registry import SectionView
from ..text import inline, plain
from ..wizard_result import STACK_PAGE

JSON_PATH = "api/stack.json"
SCHEMA_PATH = "api/stack.schema.json"
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "api_schemas" / "stack.schema.json"
STACK_CSS = "assets/css/stack.css"
RPC_KINDS = ("rpc",)
BROKER_NODE, WORKER_NODE = "broker", "worker"
# The compose sketch's first lines: what it is, in this site's words.
COMPOSE_HEADER = (
    "# A sketch of the composed stack for Docker Compose, made by this site from the guide's",
    "# recommended polyglot stack: each service of yours builds from a folder of its own, Traefik",
    "# routes a host name to each, and the images carry no version: pin them before you rely on it.",
)


# ── The data, for the page and for api/stack.json ───────────────────────────────────────────

def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w.+#-]+", plain(text)))


def stack_json(catalog: Catalog, composer: StackComposer) -> dict:
    """Everything the composer needs: the slots and what each offers, the boxes and lines of the
    guide's stack (its components named by slot), the images and the gateway of the sketch."""
    arch = catalog.section(Architecture)
    here = Linker("api/index.md")
    node_of = {slot.component: (BROKER_NODE if arch.component(slot.component).role == "queue" else slot.use_case)
               for slot in composer.slots}
    fixed = [c for c in arch.components if c.role in ("frontend", "gateway", "store")]
    node_of |= {c.id: c.id for c in fixed}
    slots, named = [], set()
    for slot in composer.slots:
        component = arch.component(slot.component)
        options = picks(catalog, slot.use_case)
        named |= {fid for option in options for fid in option} | set(component.frameworks)
        slots.append({
            "id": slot.use_case, "name": catalog.use_case(slot.use_case).short_name,
            "node": node_of[slot.component], "port": component.port, "default": slot.default,
            "component": {"name": component.name, "frameworks": list(component.frameworks), "detail": component.detail},
            "picks": [{"id": option[0], "members": list(option),
                       "name": " + ".join(catalog.framework(f).name for f in option),
                       "language": catalog.framework(option[0]).language} for option in options],
        })
    for component in fixed:
        named |= set(component.frameworks)
    gateway = composer.gateway_service
    framework_names = {fw.name: fw.id for fw in catalog.frameworks}
    lines = []
    for line in arch.stack:
        if line.source in node_of and line.target in node_of:
            names = sorted(framework_names[w] for w in _words(line.protocol) if w in framework_names)
            lines.append({"from": node_of[line.source], "to": node_of[line.target], "protocol": line.protocol, "names": names})
    queue = next(slot.component for slot in composer.slots if arch.component(slot.component).role == "queue")
    worker_line = next((line.protocol for line in arch.request_flow
                        if line.source == queue and arch.component(line.target).role == "worker"), "")
    return {
        "$schema": "stack.schema.json",
        "slots": slots,
        "boxes": {c.id: {"name": c.name, "detail": c.detail or "", "frameworks": list(c.frameworks), "role": c.role}
                  for c in fixed},
        "lines": lines,
        "worker_line": worker_line,
        "rpc_protocol": composer.rpc_protocol,
        "kinds": {"broker": list(BROKER_KINDS), "worker": list(WORKER_KINDS), "rpc": list(RPC_KINDS)},
        "frameworks": {fw.id: {"name": fw.name, "language": fw.language, "kind": fw.kind,
                               "kind_name": catalog.kind(fw.kind).name, "url": here.href(routes.framework(fw.id))}
                       for fw in catalog.frameworks if fw.id in named},
        "languages": {x.id: x.name for x in catalog.languages},
        "images": {i.framework: i.image for i in composer.images},
        "images_checked": composer.checked,
        "gateway_service": {"name": gateway[0], "settings": gateway[1]} if gateway else None,
        "compose_header": list(COMPOSE_HEADER),
        "cautions": [{"label": label, "lines": list(lines_)} for label, lines_ in composer.cautions],
        "urls": {"stack": here.href(STACK_PAGE)},
    }


# ── Composing a stack: the same steps as stack-core.mjs ─────────────────────────────────────

@dataclass(frozen=True)
class Box:
    name: str
    detail: str
    note: str = ""
    port: int | None = None


@dataclass(frozen=True)
class Line:
    source: str
    target: str
    protocol: str
    via: str = ""  # the RPC library that carries it


@dataclass(frozen=True)
class Composition:
    boxes: dict[str, Box]  # node id -> box, in drawing order
    lines: tuple[Line, ...]
    services: dict[str, dict[str, Any]]  # the compose file's services, in order


def default_picks(data: dict) -> dict[str, str]:
    return {slot["id"]: slot["default"] for slot in data["slots"]}


def compose(data: dict, chosen: dict[str, str]) -> Composition:
    """The stack with one pick per slot (ids of the slots' picks)."""
    fws = data["frameworks"]
    kind_of = lambda fid: fws[fid]["kind"]  # noqa: E731
    boxes: dict[str, Box] = {}
    stores = {node: box for node, box in data["boxes"].items() if box["role"] == "store"}
    for node, box in data["boxes"].items():
        if box["role"] != "store":
            boxes[node] = Box(box["name"], box["detail"])
    members: dict[str, list[str]] = {}
    broker = worker = rpc = None
    for slot in data["slots"]:
        pick = next(p for p in slot["picks"] if p["id"] == chosen[slot["id"]])
        members[slot["id"]] = pick["members"]
        if slot["node"] == BROKER_NODE:
            broker = next((f for f in pick["members"] if kind_of(f) in data["kinds"]["broker"]), slot["component"]["frameworks"][0])
            worker = next((f for f in pick["members"] if kind_of(f) in data["kinds"]["worker"]), None)
            rpc = next((f for f in pick["members"] if kind_of(f) in data["kinds"]["rpc"]), None)
            own = broker in slot["component"]["frameworks"]
            broker_slot = slot
        else:
            boxes[slot["id"]] = Box(pick["name"], data["languages"].get(pick["language"], ""), slot["name"], slot["port"])
    broker_node = next((node for node, box in stores.items() if broker in box["frameworks"]), BROKER_NODE)
    if broker_node == BROKER_NODE:
        detail = broker_slot["component"]["detail"] if own else fws[broker]["kind_name"]
        boxes[BROKER_NODE] = Box(fws[broker]["name"], detail, broker_slot["name"])
    if worker:
        boxes[WORKER_NODE] = Box(f"{fws[worker]['name']} worker", fws[worker]["kind_name"])
    for node, box in stores.items():
        boxes[node] = Box(box["name"], box["detail"], broker_slot["name"] if node == broker_node else "")
    in_stack = {f for ids in members.values() for f in ids} | {broker} | {f for box in data["boxes"].values() for f in box["frameworks"]}
    lines: list[Line] = []
    for line in data["lines"]:
        if not all(name in in_stack for name in line["names"]):
            continue  # a line of a framework this stack does not run ("Bull queue")
        source, target = (broker_node if n == BROKER_NODE else n for n in (line["from"], line["to"]))
        via = fws[rpc]["name"] if rpc and line["protocol"] == data["rpc_protocol"] else ""
        same = next((i for i, x in enumerate(lines) if (x.source, x.target) == (source, target)), None)
        if same is None:
            lines.append(Line(source, target, line["protocol"], via))
        elif line["protocol"] not in lines[same].protocol.split(", "):
            lines[same] = Line(source, target, f"{lines[same].protocol}, {line['protocol']}", lines[same].via or via)
    if worker:
        lines.append(Line(broker_node, WORKER_NODE, data["worker_line"]))
    return Composition(boxes, tuple(lines), _services(data, chosen, broker, broker_node, worker, lines))


def _services(data: dict, chosen: dict[str, str], broker: str, broker_node: str, worker: str | None,
              lines: list[Line]) -> dict[str, dict[str, Any]]:
    services: dict[str, dict[str, Any]] = {}
    gateway = data["gateway_service"]
    if gateway:
        services[gateway["name"]] = dict(gateway["settings"])
    name_of: dict[str, str] = {}
    for node, box in data["boxes"].items():
        if box["role"] == "store":
            name_of[node] = box["frameworks"][0]
    if broker_node == BROKER_NODE:
        name_of[BROKER_NODE] = broker
    if worker:
        name_of[WORKER_NODE] = f"{worker}-worker"
    own = [slot for slot in data["slots"] if slot["node"] != BROKER_NODE]
    for slot in own:
        name = chosen[slot["id"]]
        name_of[slot["node"]] = name if name not in name_of.values() else f"{name}-{slot['id']}"
    for slot in own:
        name, port = name_of[slot["node"]], slot["port"]
        labels = ["traefik.enable=true", f"traefik.http.routers.{name}.rule=Host(`{name}.example.com`)",
                  f"traefik.http.routers.{name}.tls.certresolver=letsencrypt",
                  f"traefik.http.services.{name}.loadbalancer.server.port={port}"]
        if any(x.target == slot["node"] and x.source == "gateway" and x.protocol == data["rpc_protocol"] for x in lines):
            labels.append(f"traefik.http.services.{name}.loadbalancer.server.scheme=h2c")
        needs = list(dict.fromkeys(name_of[x.target] for x in lines if x.source == slot["node"] and x.target in name_of))
        services[name] = {"build": f"./{name}", "expose": [str(port)], "labels": labels, **({"depends_on": needs} if needs else {})}
    if worker:
        services[name_of[WORKER_NODE]] = {"build": f"./{name_of[WORKER_NODE]}", "depends_on": [name_of[broker_node]]}
    if broker_node == BROKER_NODE:
        services[broker] = {"image": data["images"][broker]}
    for node, box in data["boxes"].items():
        if box["role"] == "store":
            services[name_of[node]] = {"image": data["images"][box["frameworks"][0]]}
    return services


def compose_yaml(data: dict, composition: Composition) -> str:
    """The sketch as YAML: every text quoted as JSON (which YAML reads as it is)."""
    out = [*data["compose_header"], "services:"]
    for name, settings in composition.services.items():
        out.append(f"  {name}:")
        for key, value in settings.items():
            if isinstance(value, list):
                out.append(f"    {key}:")
                out += [f"      - {json.dumps(item, ensure_ascii=False)}" for item in value]
            else:
                out.append(f"    {key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(out) + "\n"


def line_text(composition: Composition, line: Line) -> str:
    """'Socket.IO → Gin: gRPC (gRPC-Go)'."""
    protocol = f"{line.protocol} ({line.via})" if line.via else line.protocol
    return f"{composition.boxes[line.source].name} → {composition.boxes[line.target].name}: {protocol}"


def box_text(box: Box) -> str:
    """'Gin: Go, port 9000 (Lightweight microservices)'."""
    where = ", ".join(x for x in (box.detail, f"port {box.port}" if box.port else "") if x)
    return f"{box.name}: {where}" + (f" ({box.note})" if box.note else "")


# ── The drawing ─────────────────────────────────────────────────────────────────────────────

WIDTH, HEIGHT = 860, 680


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    w: int
    h: int

    @property
    def cx(self) -> int:
        return self.x + self.w // 2


# Where each box stands: three columns of services under the gateway, the broker and its worker
# below the middle one, PostgreSQL at the foot, reached along the sides.
PLACES = {
    "frontend": Rect(265, 10, 310, 48),
    "gateway": Rect(265, 110, 310, 48),
    "full-featured": Rect(55, 225, 210, 92),
    "realtime": Rect(315, 225, 210, 92),
    "lightweight": Rect(575, 225, 210, 92),
    "redis": Rect(55, 400, 210, 48),
    BROKER_NODE: Rect(315, 400, 210, 48),
    WORKER_NODE: Rect(315, 510, 210, 48),
    "postgresql": Rect(240, 620, 360, 48),
}


def _route(source: str, target: str) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """The points of a line between two boxes and where its label stands."""
    a, b = PLACES[source], PLACES[target]
    if target == "postgresql" and a.cx != b.cx:  # down the side, into PostgreSQL's end
        side = a.x - 30 if a.cx < b.cx else a.x + a.w + 35
        edge = a.x if a.cx < b.cx else a.x + a.w
        end = b.x if a.cx < b.cx else b.x + b.w
        y, foot = a.y + a.h // 2, b.y + b.h // 2
        return [(edge, y), (side, y), (side, foot), (end, foot)], (side, (y + foot) // 2 + 40)
    if a.y == b.y:  # side by side
        start, end = (a.x, b.x + b.w) if b.cx < a.cx else (a.x + a.w, b.x)
        y = a.y + a.h // 2
        return [(start, y), (end, y)], ((start + end) // 2, y)
    shift = max(-a.w // 4, min(a.w // 4, (b.cx - a.cx) // 4))
    start, end = (a.cx + shift, a.y + a.h), (b.cx - max(-b.w // 4, min(b.w // 4, (b.cx - a.cx) // 4)), b.y)
    return [start, end], ((start[0] + end[0]) // 2, (start[1] + end[1]) // 2)


def possible_lines(data: dict) -> list[tuple[str, str]]:
    """Every line the composer can draw: the stack's, those that reach a store standing in for
    the broker, and the worker's from either."""
    offered = {f for slot in data["slots"] if slot["node"] == BROKER_NODE for pick in slot["picks"] for f in pick["members"]}
    brokers = [BROKER_NODE] + [node for node, box in data["boxes"].items()
                               if box["role"] == "store" and set(box["frameworks"]) & offered]
    found: list[tuple[str, str]] = []
    for line in data["lines"]:
        for source in (brokers if line["from"] == BROKER_NODE else [line["from"]]):
            for target in (brokers if line["to"] == BROKER_NODE else [line["to"]]):
                found.append((source, target))
    found += [(node, WORKER_NODE) for node in brokers]
    return list(dict.fromkeys(found))


def _label(x: int, y: int, protocol: str, via: str) -> Markup:
    return Markup('<text class="stack-protocol" x="{}" y="{}" text-anchor="middle" data-part="protocol">{}</text>'
                  '<text class="stack-via" x="{}" y="{}" text-anchor="middle" data-part="via">{}</text>').format(
        x, y + 4, protocol, x, y + 18, via)


def stack_svg(data: dict, composition: Composition) -> Markup:
    """Every box and line the composer can show; those this stack lacks are not displayed."""
    shown = {(line.source, line.target): line for line in composition.lines}
    lines = []
    for source, target in possible_lines(data):
        points, (lx, ly) = _route(source, target)
        line = shown.get((source, target))
        title = line_text(composition, line) if line else ""
        lines.append(Markup(
            '<g class="stack-line" data-line="{}"{}><title>{}</title><path d="{}" marker-end="url(#stack-arrow)"/>{}</g>').format(
            f"{source}:{target}", Markup("") if line else Markup(' display="none"'), title,
            "M" + " L".join(f"{x} {y}" for x, y in points), _label(lx, ly, line.protocol if line else "", line.via if line else "")))
    boxes = []
    for node, place in PLACES.items():
        box = composition.boxes.get(node)
        tall = place.h > 60
        parts = [("name", "stack-name", 24 if tall else 21, box.name if box else ""),
                 ("detail", "stack-detail", 43 if tall else 39, box.detail if box else "")]
        if tall:
            parts += [("port", "stack-detail", 61, f"port {box.port}" if box and box.port else ""),
                      ("note", "stack-note", 80, box.note if box else "")]
        texts = join(Markup('<text class="{}" x="{}" y="{}" text-anchor="middle" data-part="{}">{}</text>').format(
            cls, place.cx, place.y + dy, key, value) for key, cls, dy, value in parts)
        boxes.append(Markup('<g class="stack-box" data-node="{}"{}><rect x="{}" y="{}" width="{}" height="{}" rx="6"/>{}</g>').format(
            node, Markup("") if box else Markup(' display="none"'), place.x, place.y, place.w, place.h, texts))
    return Markup(
        '<svg class="stack-svg" viewBox="0 0 {} {}" width="{}" height="{}" role="group" aria-labelledby="stack-svg-title">'
        '<title id="stack-svg-title">The composed stack: its boxes and the protocol on each line</title>'
        '<defs><marker id="stack-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="stack-arrowhead"/></marker></defs>'
        "{}{}</svg>").format(WIDTH, HEIGHT, WIDTH, HEIGHT, join(lines), join(boxes))


# ── The page ────────────────────────────────────────────────────────────────────────────────

def _data(catalog: Catalog, composer: StackComposer) -> tuple[dict, Composition]:
    data = stack_json(catalog, composer)
    return data, compose(data, default_picks(data))


def picker(catalog: Catalog, composer: StackComposer, link: Linker) -> str:
    """The script's root: one choice per use case (the guide's stack chosen), the notice for an
    address that names what the composer does not offer, and the buttons to copy and download.
    Without JavaScript it is hidden (overrides/main.html) and the page shows the guide's stack."""
    data = stack_json(catalog, composer)
    fields = []
    for slot in data["slots"]:
        groups: dict[str, list[Markup]] = {}
        for pick in slot["picks"]:
            language = data["languages"].get(pick["language"], "Any language")
            groups.setdefault(language, []).append(Markup('<option value="{}"{}>{}</option>').format(
                pick["id"], Markup(" selected") if pick["id"] == slot["default"] else Markup(""), plain(pick["name"])))
        options = join(Markup('<optgroup label="{}">{}</optgroup>').format(group, join(items)) for group, items in groups.items())
        fields.append(Markup('<div class="stack-field"><label for="stack-pick-{}">{}</label>'
                             '<select id="stack-pick-{}" name="{}">{}</select></div>').format(
            slot["id"], plain(slot["name"]), slot["id"], slot["id"], options))
    return block(Markup(
        '<div id="stack" class="stack" data-module="stack" data-src="{}">'
        '<form class="stack-picker" action="./" method="get" aria-label="One framework per use case">{}</form>'
        '<p class="stack-notice" role="status" hidden></p>'
        '<div class="stack-share">'
        '<button type="button" class="md-button" data-action="copy-record">Copy as decision record</button>'
        '<a class="md-button" data-action="download-record" download="decision-stack.md" href="./">Download the decision record (.md)</a>'
        '<button type="button" class="md-button" data-action="copy-compose">Copy the compose sketch</button>'
        '<a class="md-button" data-action="download-compose" download="docker-compose.yml" href="./">Download docker-compose.yml</a>'
        "</div>"
        '<p class="stack-status" role="status"></p>'
        "</div>").format(link.asset(JSON_PATH), join(fields)))


def diagram(catalog: Catalog, composer: StackComposer, link: Linker) -> str:
    data, composition = _data(catalog, composer)
    return block(Markup(
        '<figure class="stack-figure" aria-describedby="stack-text">'
        '<div class="stack-scroll" tabindex="0" role="region" aria-label="The composed stack, as a drawing">{}</div>'
        '<figcaption>The composed stack: each box with its port, each line with its protocol. '
        '<a href="#stack-text">The same as text</a>.</figcaption></figure>').format(stack_svg(data, composition)))


def text_alternative(catalog: Catalog, composer: StackComposer, link: Linker) -> str:
    data, composition = _data(catalog, composer)
    boxes = [Markup("<strong>{}</strong>: {}").format(inline(b.name), inline(box_text(b).removeprefix(f"{b.name}: ")))
             for b in composition.boxes.values()]
    lines = [inline(line_text(composition, line)) for line in composition.lines]
    return block(Markup('<div id="stack-text" class="stack-text"><p>The boxes:</p>{}<p>The lines, each with its protocol:</p>'
                        '<ol class="stack-lines">{}</ol></div>').format(
        ul(boxes, cls="stack-boxes"), join(Markup("<li>{}</li>").format(x) for x in lines)))


def compose_sketch(catalog: Catalog, composer: StackComposer, link: Linker) -> str:
    data, composition = _data(catalog, composer)
    sources = join((Markup('<a href="{}">{}</a>').format(i.source, i.image) for i in composer.images), ", ")
    return block(Markup('<pre class="stack-compose"><code id="stack-compose">{}</code></pre>'
                        '<p class="stack-images">The images are Docker Hub\'s official ones ({}), checked {}; the '
                        "gateway's is the guide's own example.</p>").format(
        compose_yaml(data, composition), sources, composer.checked))


def cautions(catalog: Catalog, composer: StackComposer, link: Linker) -> str:
    parts = [Markup("<p><strong>{}:</strong></p>{}").format(inline(label), ul(lines)) for label, lines in composer.cautions]
    return block(callout("warning", "The guide's cautions", join(parts)))


def picks_table(catalog: Catalog, composer: StackComposer, link: Linker) -> str:
    """What each slot offers: the matrix's column of its use case, a combination as one choice."""
    data = stack_json(catalog, composer)
    out = []
    for slot in data["slots"]:
        items = [join((Markup('<a href="{}">{}</a>').format(link.href(routes.framework(fid)), inline(data["frameworks"][fid]["name"]))
                       for fid in pick["members"]), " + ") for pick in slot["picks"]]
        out.append(Markup("<li><strong>{}</strong> ({}): {}</li>").format(
            inline(slot["name"]), Markup('<a href="{}">the matrix column</a>').format(link.href(routes.use_case(slot["id"]))),
            join(items, ", ")))
    return block(Markup('<ul class="stack-offers">{}</ul>').format(join(out)))


def published(catalog: Catalog, composer: StackComposer) -> list[tuple[str, str]]:
    text = json.dumps(stack_json(catalog, composer), ensure_ascii=False, separators=(",", ":")) + "\n"
    return [(JSON_PATH, text), (SCHEMA_PATH, SCHEMA_FILE.read_text(encoding="utf-8"))]


VIEW = SectionView(
    model=StackComposer, order=90,
    published=published,
    macros={
        "stack_picker": picker,
        "stack_diagram": diagram,
        "stack_text": text_alternative,
        "stack_compose": compose_sketch,
        "stack_cautions": cautions,
        "stack_offers": picks_table,
    },
)
