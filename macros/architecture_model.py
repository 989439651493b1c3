"""The polyglot architecture (data/architecture.yaml) as small immutable records."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import CodeExample

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
