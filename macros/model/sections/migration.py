"""The migration path and the advanced patterns after it (data/migration.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

from ...source.records import at, ref, refs, text, texts, unique_records
from ...source.report import Report
from ...source.yaml_reader import YamlDoc
from ..catalog import Catalog
from ..registry import DataSection


@dataclass(frozen=True)
class Phase:
    id: str
    number: int
    name: str
    stack: str
    frameworks: tuple[str, ...]
    gains: tuple[str, ...]
    costs: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return f"Phase {self.number}: {self.name}"


@dataclass(frozen=True)
class AdvancedPattern:
    id: str
    name: str
    when: str


@dataclass(frozen=True)
class Migration:
    phases: tuple[Phase, ...]
    stop_at: str
    truth: str
    advanced_intro: str
    patterns: tuple[AdvancedPattern, ...]
    warning: str

    def phase(self, phase_id: str) -> Phase:
        return next(p for p in self.phases if p.id == phase_id)


def load(doc: YamlDoc, catalog: Catalog, report: Report) -> Migration:
    fws = catalog.framework_ids()
    phases = unique_records(doc, ("phases",), report, "phase")
    patterns = unique_records(doc, ("advanced", "patterns"), report, "pattern")
    return Migration(
        phases=tuple(
            Phase(id=pid, number=number, name=text(r.get("name")), stack=text(r.get("stack")),
                  frameworks=refs(doc, ("phases", i, "frameworks"), fws, "framework", report),
                  gains=texts(r.get("gains")), costs=texts(r.get("costs")))
            for number, (pid, (i, r)) in enumerate(phases.items(), start=1)),
        stop_at=ref(doc, ("stop_at",), set(phases), "phase", report) or "",
        truth=text(at(doc.data, ("truth",))),
        advanced_intro=text(at(doc.data, ("advanced", "intro"))),
        patterns=tuple(AdvancedPattern(id=pid, name=text(r.get("name")), when=text(r.get("when")))
                       for pid, (_, r) in patterns.items()),
        warning=text(at(doc.data, ("advanced", "warning"))),
    )


SECTION = DataSection(file="migration", model=Migration, load=load, labels={"phases": "phase"})
