"""The guide's polyglot architecture (data/architecture.yaml): the components, the lines between
them, the communication rules, the gateway choice, the code-generation workflow and the
architecture by tier, as small immutable records, loaded and cross-checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...source.records import (
    at,
    opt_text,
    records,
    ref,
    refs,
    text,
    texts,
    unique_records,
)
from ...source.report import Report
from ...source.yaml_reader import Path_, YamlDoc
from ..catalog import Catalog
from ..example_files import CodeExample, code_example
from ..registry import DataSection

Texts = tuple[str, ...]


@dataclass(frozen=True)
class TechPart:
    """One part of a layer's technology: a framework id, or plain text."""

    framework: str | None = None
    text: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Endpoint:
    call: str
    text: str
    protocol: str | None = None


@dataclass(frozen=True)
class Component:
    id: str
    name: str
    role: str  # client, frontend, gateway, service, queue, worker, store
    short_name: str | None = None
    detail: str | None = None
    layer: int | None = None
    port: int | None = None
    optional: bool = False
    frameworks: tuple[str, ...] = ()
    highlights: Texts = ()
    purpose: str | None = None
    when_to_call: str | None = None
    technology: tuple[TechPart, ...] = ()
    services: tuple[Endpoint, ...] = ()
    why: Texts = ()

    @property
    def label(self) -> str:
        """The name as diagrams and tables show it: 'NestJS :3000'."""
        return f"{self.name} :{self.port}" if self.port else self.name

    @property
    def short_label(self) -> str:
        """The short name with its port, as flows name it: 'Go :9000'."""
        name = self.short_name or self.name
        return f"{name} :{self.port}" if self.port else name

    @property
    def anchor(self) -> str:
        return f"layer-{self.id}" if self.layer else f"component-{self.id}"

    @property
    def all_frameworks(self) -> tuple[str, ...]:
        techs = tuple(t.framework for t in self.technology if t.framework)
        return tuple(dict.fromkeys(self.frameworks + techs))


@dataclass(frozen=True)
class Connection:
    source: str  # component id
    target: str
    protocol: str
    call: str | None = None
    why: str | None = None


@dataclass(frozen=True)
class SyncRules:
    title: str
    when: str
    rules: tuple[Connection, ...]


@dataclass(frozen=True)
class AsyncRule:
    title: str
    when: str
    path: str
    frameworks: tuple[str, ...]
    use_for: Texts


@dataclass(frozen=True)
class OverviewNode:
    id: str
    name: str
    detail: str | None = None
    tiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class OverviewEdge:
    source: str
    target: str
    protocol: str | None = None
    purpose: str | None = None


@dataclass(frozen=True)
class InterService:
    protocol: str
    text: str
    frameworks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gateway:
    component: str
    choice: str  # framework ids: the choice's pros are its reasons,
    instead_of: str
    fallback: str  # and the fallback's choose_when says when to use it instead
    example: CodeExample | None = None
    example_services: tuple[tuple[str, str], ...] = ()  # (compose service, component id)


@dataclass(frozen=True)
class CodegenStep:
    id: str
    actor: str
    frameworks: tuple[str, ...]
    action: str
    result: str
    produces: str | None = None
    example: CodeExample | None = None


@dataclass(frozen=True)
class CodegenAlternative:
    name: str
    replaces: str
    frameworks: tuple[str, ...]
    text: str
    produces: str
    flow: str
    example: CodeExample | None = None


@dataclass(frozen=True)
class Codegen:
    audience: str
    steps: tuple[CodegenStep, ...]
    benefits: Texts
    alternative: CodegenAlternative


@dataclass(frozen=True)
class TierService:
    name: str
    text: str


@dataclass(frozen=True)
class Tier:
    id: str
    name: str
    short_name: str
    role: str
    frameworks: tuple[str, ...]
    purpose: str
    lives_here: Texts
    why: Texts
    services: tuple[TierService, ...]


@dataclass(frozen=True)
class Architecture:
    intro: Texts
    components: tuple[Component, ...]
    stack: tuple[Connection, ...]
    request_flow: tuple[Connection, ...]
    synchronous: SyncRules
    asynchronous: AsyncRule
    overview_nodes: tuple[OverviewNode, ...]
    overview_edges: tuple[OverviewEdge, ...]
    inter_service: tuple[InterService, ...]
    gateway: Gateway | None
    codegen: Codegen
    tiers: tuple[Tier, ...]

    def component(self, component_id: str) -> Component:
        return next(c for c in self.components if c.id == component_id)

    def tier(self, tier_id: str) -> Tier:
        return next(t for t in self.tiers if t.id == tier_id)

    @property
    def layers(self) -> tuple[Component, ...]:
        return tuple(sorted((c for c in self.components if c.layer), key=lambda c: c.layer))


# ── Loading ─────────────────────────────────────────────────────────────────────────────────

LABELS = {"components": "component", "stack": "stack line", "request_flow": "request flow line",
                 "tiers": "tier", "inter_service": "inter-service rule",
                 # lists inside sections: their records are named too
                 "rules": "rule", "nodes": "overview box", "edges": "overview line", "steps": "step"}


def load(doc: YamlDoc, catalog: Catalog, report: Report) -> Architecture:
    fws = catalog.framework_ids()
    by_id = unique_records(doc, ("components",), report, "component")
    components = tuple(_component(doc, index, record, fws, report) for index, record in by_id.values())
    _check_ports(doc, by_id, report)
    known = set(by_id)

    def lines(path: Path_) -> tuple[Connection, ...]:
        return tuple(_connection(doc, (*path, i), r, known, report) for i, r in records(doc, path))

    tiers_by_id = unique_records(doc, ("tiers",), report, "tier")
    tiers = tuple(_tier(doc, index, record, fws, report) for index, record in tiers_by_id.values())
    sync = at(doc.data, ("sync_async", "synchronous")) or {}
    asyn = at(doc.data, ("sync_async", "asynchronous")) or {}
    return Architecture(
        intro=texts(at(doc.data, ("intro",))),
        components=components,
        stack=lines(("stack",)),
        request_flow=lines(("request_flow",)),
        synchronous=SyncRules(title=text(sync.get("title")), when=text(sync.get("when")),
                              rules=lines(("sync_async", "synchronous", "rules"))),
        asynchronous=AsyncRule(
            title=text(asyn.get("title")), when=text(asyn.get("when")), path=text(asyn.get("path")),
            frameworks=refs(doc, ("sync_async", "asynchronous", "frameworks"), fws, "framework", report),
            use_for=texts(asyn.get("use_for"))),
        **_overview(doc, set(tiers_by_id), report),
        inter_service=tuple(
            InterService(protocol=text(r.get("protocol")), text=text(r.get("text")),
                         frameworks=refs(doc, ("inter_service", i, "frameworks"), fws, "framework", report))
            for i, r in records(doc, ("inter_service",))),
        gateway=_gateway(doc, catalog, known, report),
        codegen=_codegen(doc, fws, report),
        tiers=tiers,
    )


def _component(doc: YamlDoc, index: int, r: dict, fws: set[str], report: Report) -> Component:
    base = ("components", index)
    technology = []
    for i, part in records(doc, (*base, "technology")):
        framework = ref(doc, (*base, "technology", i, "framework"), fws, "framework", report)
        technology.append(TechPart(framework=framework, text=opt_text(part.get("text")), note=opt_text(part.get("note"))))
    return Component(
        id=r["id"], name=text(r.get("name")), role=text(r.get("role")), short_name=opt_text(r.get("short_name")),
        detail=opt_text(r.get("detail")), layer=_int(r.get("layer")), port=_int(r.get("port")),
        optional=r.get("optional") is True, frameworks=refs(doc, (*base, "frameworks"), fws, "framework", report),
        highlights=texts(r.get("highlights")), purpose=opt_text(r.get("purpose")),
        when_to_call=opt_text(r.get("when_to_call")), technology=tuple(technology),
        services=tuple(Endpoint(call=text(s.get("call")), text=text(s.get("text")), protocol=opt_text(s.get("protocol")))
                       for _, s in records(doc, (*base, "services"))),
        why=texts(r.get("why")),
    )


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _check_ports(doc: YamlDoc, by_id: dict[str, tuple[int, dict]], report: Report) -> None:
    """Two layers on one port, or one layer number twice, would make the diagrams lie."""
    for key, what in (("port", "port"), ("layer", "layer number")):
        seen: dict[int, str] = {}
        for cid, (index, record) in by_id.items():
            value = _int(record.get(key))
            if value is None:
                continue
            if value in seen:
                report.add(doc, ("components", index, key), f"{{field}} {value} is already the {what} of component '{seen[value]}'")
            else:
                seen[value] = cid


def _connection(doc: YamlDoc, path: Path_, r: dict, known: set[str], report: Report) -> Connection:
    return Connection(
        source=ref(doc, (*path, "from"), known, "component", report) or "",
        target=ref(doc, (*path, "to"), known, "component", report) or "",
        protocol=text(r.get("protocol")), call=opt_text(r.get("call")), why=opt_text(r.get("why")),
    )


def _overview(doc: YamlDoc, tier_ids: set[str], report: Report) -> dict:
    base = ("service_overview",)
    nodes_by_id = unique_records(doc, (*base, "nodes"), report, "overview box")
    nodes = tuple(
        OverviewNode(id=nid, name=text(r.get("name")), detail=opt_text(r.get("detail")),
                     tiers=refs(doc, (*base, "nodes", i, "tiers"), tier_ids, "tier", report))
        for nid, (i, r) in nodes_by_id.items())
    edges = tuple(
        OverviewEdge(source=ref(doc, (*base, "edges", i, "from"), set(nodes_by_id), "overview box", report) or "",
                     target=ref(doc, (*base, "edges", i, "to"), set(nodes_by_id), "overview box", report) or "",
                     protocol=opt_text(r.get("protocol")), purpose=opt_text(r.get("purpose")))
        for i, r in records(doc, (*base, "edges")))
    return {"overview_nodes": nodes, "overview_edges": edges}


def _gateway(doc: YamlDoc, catalog: Catalog, components: set[str], report: Report) -> Gateway | None:
    base = ("gateway",)
    g = at(doc.data, base)
    if not isinstance(g, dict):
        return None
    fws = catalog.framework_ids()
    services = []
    for i, r in records(doc, (*base, "example_services")):
        component = ref(doc, (*base, "example_services", i, "component"), components, "component", report)
        services.append((text(r.get("service")), component or ""))
    gateway = Gateway(
        component=ref(doc, (*base, "component"), components, "component", report) or "",
        choice=ref(doc, (*base, "choice"), fws, "framework", report) or "",
        instead_of=ref(doc, (*base, "instead_of"), fws, "framework", report) or "",
        fallback=ref(doc, (*base, "fallback"), fws, "framework", report) or "",
        example=code_example(doc, (*base, "example"), g.get("example"), report),
        example_services=tuple(services),
    )
    # The page shows the reasons from the framework records: they must be there.
    for key, fid, field, what in (("choice", gateway.choice, "pros", "its reasons"),
                                  ("fallback", gateway.fallback, "choose_when", "when to use it instead")):
        if fid in fws and not getattr(catalog.framework(fid).rationale, field):
            report.add(doc, (*base, key), f"'{fid}' has no {field} in data/frameworks.yaml ({what})")
    return gateway


def _codegen(doc: YamlDoc, fws: set[str], report: Report) -> Codegen:
    base = ("codegen",)
    c = at(doc.data, base) or {}
    steps_by_id = unique_records(doc, (*base, "steps"), report, "step")
    steps = tuple(
        CodegenStep(id=sid, actor=text(r.get("actor")),
                    frameworks=refs(doc, (*base, "steps", i, "frameworks"), fws, "framework", report),
                    action=text(r.get("action")), result=text(r.get("result")), produces=opt_text(r.get("produces")),
                    example=code_example(doc, (*base, "steps", i, "example"), r.get("example"), report))
        for sid, (i, r) in steps_by_id.items())
    alt_path = (*base, "alternative")
    a = at(doc.data, alt_path) or {}
    alternative = CodegenAlternative(
        name=text(a.get("name")), replaces=ref(doc, (*alt_path, "replaces"), set(steps_by_id), "step", report) or "",
        frameworks=refs(doc, (*alt_path, "frameworks"), fws, "framework", report), text=text(a.get("text")),
        produces=text(a.get("produces")), flow=text(a.get("flow")),
        example=code_example(doc, (*alt_path, "example"), a.get("example"), report),
    )
    return Codegen(audience=text(c.get("audience")), steps=steps, benefits=texts(c.get("benefits")), alternative=alternative)


def _tier(doc: YamlDoc, index: int, r: dict, fws: set[str], report: Report) -> Tier:
    base = ("tiers", index)
    return Tier(
        id=r["id"], name=text(r.get("name")), short_name=text(r.get("short_name")), role=text(r.get("role")),
        frameworks=refs(doc, (*base, "frameworks"), fws, "framework", report), purpose=text(r.get("purpose")),
        lives_here=texts(r.get("lives_here")), why=texts(r.get("why")),
        services=tuple(TierService(name=text(s.get("name")), text=text(s.get("text"))) for _, s in records(doc, (*base, "services"))),
    )


SECTION = DataSection(file="architecture", model=Architecture, load=load, labels=LABELS)
