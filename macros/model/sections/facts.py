"""Facts from outside the guide (data/facts.yaml): each framework's and tool's links, package,
licence, first release, latest release and maintenance status, each with the URL it was checked
against and the date; and the site's own update notes where the guide's advice has aged. Kept
apart from the guide's rationale, so the guide's words stay the guide's.

A fact nobody could verify is `Unknown`, with the reason: shown as unknown, never guessed. A
framework without a record builds (adding a framework stays one record); its page says its facts
are not checked yet, and a test asks for a record for every framework of the real data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from ...source.records import opt_text, records, refs, text, unique_records
from ...source.report import Report
from ...source.yaml_reader import Path_, YamlDoc
from ..catalog import Catalog
from ..registry import DataSection

T = TypeVar("T")


@dataclass(frozen=True)
class Unknown:
    why: str


@dataclass(frozen=True)
class Sourced(Generic[T]):
    """A fact's value, where it was checked and when."""

    value: T
    source: str
    checked: str


@dataclass(frozen=True)
class Package:
    registry: str  # pypi, npm, crates, rubygems, go, debian, container, binary
    name: str

    # The command that installs it, by registry (binary: none; its page says how).
    _INSTALL = {"pypi": "pip install {}", "npm": "npm install {}", "crates": "cargo add {}",
                "rubygems": "gem install {}", "go": "go get {}", "debian": "apt-get install {}",
                "container": "docker pull {}"}
    REGISTRY_NAMES = {"pypi": "PyPI", "npm": "npm", "crates": "crates.io", "rubygems": "RubyGems",
                      "go": "Go module", "debian": "Debian package", "container": "Container image",
                      "binary": "Release downloads"}

    @property
    def install(self) -> str | None:
        pattern = self._INSTALL.get(self.registry)
        return pattern.format(self.name) if pattern else None

    @property
    def registry_name(self) -> str:
        return self.REGISTRY_NAMES[self.registry]


@dataclass(frozen=True)
class Release:
    version: str
    date: str | None = None


@dataclass(frozen=True)
class Successor:
    name: str
    url: str


@dataclass(frozen=True)
class Status:
    value: str  # active, maintenance, deprecated, archived
    successor: Successor | None = None
    note: str | None = None  # the site's own words


Fact = Sourced[T] | Unknown


@dataclass(frozen=True)
class FrameworkFacts:
    id: str
    checked: str
    homepage: Fact[str]
    repository: Fact[str]
    docs: Fact[str]
    package: Fact[Package]
    license: Fact[str]  # an SPDX expression
    first_release: Fact[int]
    latest: Fact[Release]
    status: Fact[Status]

    FIELDS = ("homepage", "repository", "docs", "package", "license", "first_release", "latest", "status")

    def links(self) -> list[tuple[str, Sourced[str]]]:
        """(label, link) for each known link, in the order a reader looks for them."""
        labels = {"homepage": "Official site", "docs": "Documentation", "repository": "Source code"}
        return [(label, getattr(self, key)) for key, label in labels.items()
                if isinstance(getattr(self, key), Sourced)]


@dataclass(frozen=True)
class UpdateNote:
    id: str
    about: tuple[str, ...]
    text: str
    source: str
    checked: str


@dataclass(frozen=True)
class Facts:
    checked: str  # the site-wide date the facts were last checked
    records: Mapping[str, FrameworkFacts]
    notes: tuple[UpdateNote, ...]

    def of(self, framework_id: str) -> FrameworkFacts | None:
        return self.records.get(framework_id)

    def notes_about(self, framework_id: str) -> tuple[UpdateNote, ...]:
        return tuple(n for n in self.notes if framework_id in n.about)


# ── Loading ─────────────────────────────────────────────────────────────────────────────────

def _fact(value: Any, checked: str, build) -> Fact:
    if not isinstance(value, dict):
        return Unknown("not recorded")  # the schema has reported it
    if "unknown" in value:
        return Unknown(text(value.get("unknown")))
    return Sourced(build(value), text(value.get("source")), opt_text(value.get("checked")) or checked)


def _status(value: dict) -> Status:
    successor = value.get("successor")
    return Status(value=text(value.get("value")), note=opt_text(value.get("note")),
                  successor=Successor(text(successor.get("name")), text(successor.get("url")))
                  if isinstance(successor, dict) else None)


def _record(fid: str, r: dict) -> FrameworkFacts:
    checked = text(r.get("checked"))
    year = lambda v: v.get("year") if isinstance(v.get("year"), int) else 0  # noqa: E731
    return FrameworkFacts(
        id=fid, checked=checked,
        homepage=_fact(r.get("homepage"), checked, lambda v: text(v.get("url"))),
        repository=_fact(r.get("repository"), checked, lambda v: text(v.get("url"))),
        docs=_fact(r.get("docs"), checked, lambda v: text(v.get("url"))),
        package=_fact(r.get("package"), checked, lambda v: Package(text(v.get("registry")), text(v.get("name")))),
        license=_fact(r.get("license"), checked, lambda v: text(v.get("spdx"))),
        first_release=_fact(r.get("first_release"), checked, year),
        latest=_fact(r.get("latest"), checked, lambda v: Release(text(v.get("version")), opt_text(v.get("date")))),
        status=_fact(r.get("status"), checked, _status),
    )


def load(doc: YamlDoc, catalog: Catalog, report: Report) -> Facts:
    known = catalog.framework_ids()
    by_id = unique_records(doc, ("facts",), report, "facts record")
    for fid, (index, _) in by_id.items():
        if known and fid not in known:
            report.unknown(doc, ("facts", index, "id"), fid, "framework", known)
    checked = text(doc.data.get("checked")) if isinstance(doc.data, dict) else ""
    for fid, (index, r) in by_id.items():
        _check_dates(doc, ("facts", index), r, checked, report)
    notes = tuple(
        UpdateNote(id=text(r.get("id")), about=refs(doc, ("update_notes", i, "about"), known, "framework", report),
                   text=text(r.get("text")), source=text(r.get("source")), checked=text(r.get("checked")))
        for i, r in records(doc, ("update_notes",)))
    return Facts(checked=checked, records=MappingProxyType({fid: _record(fid, r) for fid, (_, r) in by_id.items()}),
                 notes=notes)


def _check_dates(doc: YamlDoc, base: Path_, record: dict, site_checked: str, report: Report) -> None:
    """No fact is checked after the site-wide date, which says when the facts were last checked."""
    dates = [((*base, "checked"), record.get("checked"))]
    dates += [((*base, key, "checked"), value.get("checked")) for key, value in record.items() if isinstance(value, dict)]
    for path, date in dates:
        if isinstance(date, str) and site_checked and date > site_checked:
            report.add(doc, path, f"{{field}} {date} is after the file's `checked` date {site_checked}")


SECTION = DataSection(file="facts", model=Facts, load=load,
                      labels={"facts": "facts record", "update_notes": "update note"})
