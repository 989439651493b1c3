"""The stack composer (data/stack.yaml): one slot per use case of the matrix, each taking the
place of a component of the guide's recommended polyglot stack (data/architecture.yaml), the
images the compose sketch runs for brokers and stores, and the guide's cautions.

What the composer may offer for a slot is the matrix's column of that use case (each option once,
named by its first framework id); the slot's first choice is the option that holds a framework of
its component, so the composer opens on the guide's own stack. Checked here: every use case has
one slot, every slot a component of the stack that runs one of the slot's options, every broker
and store the composer can draw an image, and the guide's example of the gateway container.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ...source.records import opt_text, records, ref
from ...source.report import Report
from ...source.yaml_reader import YamlDoc
from .. import quotes
from ..catalog import Catalog
from ..example_files import project_root
from ..registry import DataSection
from .architecture import Architecture
from .decision_tree import picks

LABELS = {"slots": "slot", "images": "image"}
# The component roles a slot can take the place of: a service of the stack, or its broker.
SLOT_ROLES = ("service", "queue")
# The kinds of framework a service-to-service option runs as a broker, and as a worker.
BROKER_KINDS = ("broker", "datastore")
WORKER_KINDS = ("task-queue",)


@dataclass(frozen=True)
class Slot:
    use_case: str
    component: str  # the architecture component whose place the pick takes
    default: str  # the pick the composer opens on: the first id of an option of the column


@dataclass(frozen=True)
class Image:
    framework: str
    image: str
    source: str


@dataclass(frozen=True)
class StackComposer:
    slots: tuple[Slot, ...]  # in the order of the use cases
    rpc_protocol: str
    images: tuple[Image, ...]
    checked: str
    cautions: tuple[tuple[str, tuple[str, ...]], ...]  # (the guide's heading, the quoted lines)
    gateway_service: tuple[str, dict[str, Any]] | None  # the guide's example: (service name, its settings)

    def slot(self, use_case: str) -> Slot:
        return next(s for s in self.slots if s.use_case == use_case)

    def image_of(self, framework: str) -> str | None:
        return next((i.image for i in self.images if i.framework == framework), None)


def load(doc: YamlDoc, catalog: Catalog, report: Report) -> StackComposer:
    data = doc.data if isinstance(doc.data, dict) else {}
    arch = catalog.find(Architecture)
    components = {c.id: c for c in arch.components} if arch else {}
    use_cases = [u.id for u in catalog.use_cases]

    slots_by_use_case: dict[str, Slot] = {}
    taken: dict[str, str] = {}
    for index, record in records(doc, ("slots",)):
        base = ("slots", index)
        use_case = ref(doc, (*base, "id"), use_cases, "use case", report)
        component_id = ref(doc, (*base, "component"), components, "component of data/architecture.yaml", report)
        if use_case in slots_by_use_case:
            report.add(doc, (*base, "id"), f"{{field}}: the use case '{use_case}' has a slot already")
            continue
        if component_id in taken:
            report.add(doc, (*base, "component"), f"{{field}} '{component_id}' is the place of the {taken[component_id]} "
                                                  "slot already; each slot takes the place of its own component")
            continue
        if not (use_case in use_cases and component_id in components):
            continue
        component = components[component_id]
        taken[component_id] = use_case
        if component.role not in SLOT_ROLES:
            report.add(doc, (*base, "component"), f"{{field}} '{component_id}' is a {component.role}, not a service "
                                                  "or the broker of the stack")
            continue
        runs = set(component.all_frameworks)
        default = next((option[0] for option in picks(catalog, use_case) if runs & set(option)), None)
        if default is None:
            report.add(doc, (*base, "component"),
                       f"{{field}} '{component_id}' runs none of the {use_case} options of the matrix "
                       f"({', '.join(sorted(runs)) or 'no framework'}), so the composer has no first choice for the slot")
            continue
        slots_by_use_case[use_case] = Slot(use_case, component_id, default)
    if use_cases and not report.errors:
        missing = [u for u in use_cases if u not in slots_by_use_case]
        if missing:
            report.add(doc, ("slots",), f"{{field}}: no slot for {', '.join(missing)}; every use case needs one")

    images = tuple(Image(framework=r["framework"], image=r["image"], source=r["source"])
                   for _, r in unique_images(doc, catalog, report).values())
    composer = StackComposer(
        slots=tuple(slots_by_use_case[u] for u in use_cases if u in slots_by_use_case),
        rpc_protocol=opt_text(data.get("rpc_protocol")) or "",
        images=images,
        checked=opt_text(data.get("checked")) or "",
        cautions=tuple((r["label"], quotes.lines(doc, ("cautions", i, "quote"), r.get("quote"), catalog, report))
                       for i, r in records(doc, ("cautions",)) if isinstance(r.get("label"), str)),
        gateway_service=_gateway_service(doc, arch, report),
    )
    if arch and not report.errors:
        _check_rpc_protocol(doc, composer, arch, report)
        _check_images(doc, composer, catalog, arch, report)
    return composer


def unique_images(doc: YamlDoc, catalog: Catalog, report: Report) -> dict[str, tuple[int, dict]]:
    found: dict[str, tuple[int, dict]] = {}
    for index, record in records(doc, ("images",)):
        framework = ref(doc, ("images", index, "framework"), catalog.framework_ids(), "framework", report)
        if framework in found:
            report.add(doc, ("images", index, "framework"), f"{{field}} '{framework}' has an image already "
                                                            f"(line {doc.line_of(('images', found[framework][0]))})")
        elif framework and all(isinstance(record.get(k), str) for k in ("image", "source")):
            found[framework] = (index, record)
    return found


def broker_of(catalog: Catalog, option: tuple[str, ...]) -> str | None:
    return next((f for f in option if catalog.framework(f).kind in BROKER_KINDS), None)


def _check_rpc_protocol(doc: YamlDoc, composer: StackComposer, arch: Architecture, report: Report) -> None:
    protocols = sorted({line.protocol for line in arch.stack})
    if composer.rpc_protocol not in protocols:
        report.add(doc, ("rpc_protocol",), f"{{field}} '{composer.rpc_protocol}' is the protocol of no line of the "
                                           f"stack in data/architecture.yaml (protocols: {', '.join(protocols)})")


def _check_images(doc: YamlDoc, composer: StackComposer, catalog: Catalog, arch: Architecture, report: Report) -> None:
    """Every broker and store the composer can draw runs as an image in the sketch."""
    needed: dict[str, str] = {}
    for c in arch.components:
        if c.role == "store" or any(s.component == c.id and c.role == "queue" for s in composer.slots):
            for fid in c.frameworks:
                needed.setdefault(fid, f"component '{c.id}' of the stack")
    for slot in composer.slots:
        if arch.component(slot.component).role == "queue":
            for option in picks(catalog, slot.use_case):
                broker = broker_of(catalog, option)
                if broker:
                    needed.setdefault(broker, f"the {slot.use_case} option {' + '.join(option)}")
    for fid, why in needed.items():
        if composer.image_of(fid) is None:
            report.add(doc, ("images",), f"{{field}}: no image for '{fid}', which the composer draws for {why}")


def _gateway_service(doc: YamlDoc, arch: Architecture | None, report: Report) -> tuple[str, dict[str, Any]] | None:
    """The gateway's service from the guide's example file (architecture.yaml gateway.example)."""
    gateway = arch.gateway if arch else None
    root = project_root(doc)
    if gateway is None or gateway.example is None or root is None:
        return None
    name = next((service for service, component in gateway.example_services if component == gateway.component), None)
    try:
        services = yaml.safe_load((root / gateway.example.file).read_text(encoding="utf-8")).get("services", {})
    except (OSError, yaml.YAMLError, AttributeError):
        return None  # the architecture's own checks name the file
    service = services.get(name) if isinstance(services, dict) else None
    ok = isinstance(service, dict) and all(
        isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)) for value in service.values())
    if not ok:
        report.add_file(gateway.example.file, None, f"the service '{name}' must be a mapping of texts and lists of texts "
                                                    "for the stack composer's sketch")
        return None
    return name, service


SECTION = DataSection(file="stack", model=StackComposer, load=load, labels=LABELS,
                      after=quotes.AFTER)  # cautions quote the guide; slots name the architecture's components
