"""The same small APIs in every framework (data/code_examples.yaml): the items API specified once,
and each framework's implementation of it, of a WebSocket echo or of the gRPC service, as real
files under examples/ with how the tests verify them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ...source.records import at, opt_text, records, text, texts, unique_records
from ...source.report import Report
from ...source.yaml_reader import YamlDoc
from ..bench_results import read_bench_results
from ..catalog import Catalog
from ..example_files import project_root
from ..registry import DataSection

TASKS = {"items": "Items API", "websocket-echo": "WebSocket echo", "grpc-items": "gRPC service"}
# The code block's language for each file's extension.
LANGUAGES = {".py": "python", ".js": "javascript", ".ts": "typescript", ".go": "go", ".rs": "rust", ".rb": "ruby",
             ".ru": "ruby", ".proto": "protobuf", ".toml": "toml", ".json": "json", ".yaml": "yaml", ".yml": "yaml"}
# Files that configure a project rather than implement the API: shown, not counted as its code.
MANIFESTS = {".toml", ".json", ".yaml", ".yml"}
SHARED = "examples/grpc/items.proto"  # the one contract every gRPC server implements


@dataclass(frozen=True)
class ExampleFile:
    path: str
    language: str  # of its code block
    lines: int  # lines that are not blank
    counted: bool  # part of the example's own code (not a manifest, not the shared contract)
    text: str = ""  # the file as the tests run it; published for the compare-any page

    @property
    def name(self) -> str:
        return self.path.removeprefix("examples/").split("/", 2)[-1]


@dataclass(frozen=True)
class CodeExample:
    id: str
    framework: str
    task: str
    files: tuple[ExampleFile, ...]
    verified: str  # runs | syntax
    check: str | None = None  # rustfmt | ruby-c
    protocol: str | None = None
    path: str | None = None
    event: str | None = None
    channel: str | None = None

    @property
    def lines(self) -> int:
        """The lines of code the framework needed (manifests and the shared .proto aside)."""
        return sum(f.lines for f in self.files if f.counted)

    @property
    def task_name(self) -> str:
        return TASKS[self.task]


@dataclass(frozen=True)
class ApiField:
    name: str
    type: str
    description: str
    server_assigned: bool = False
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None


@dataclass(frozen=True)
class CommonApi:
    title: str
    description: str
    fields: tuple[ApiField, ...]
    seed: tuple[dict, ...]


@dataclass(frozen=True)
class CodeExamples:
    api: CommonApi | None
    examples: tuple[CodeExample, ...]
    bench: Mapping[str, Any] | None = None  # `make bench-frameworks`'s measurement, where it has been run

    def of_framework(self, framework_id: str) -> tuple[CodeExample, ...]:
        return tuple(e for e in self.examples if e.framework == framework_id)

    def of_task(self, task: str) -> tuple[CodeExample, ...]:
        return tuple(e for e in self.examples if e.task == task)


def _file(doc: YamlDoc, path: tuple, value: str, report: Report) -> ExampleFile:
    root = project_root(doc)
    suffix = PurePosixPath(value).suffix
    content = ""
    if root is not None:
        target = root / value
        if not target.is_file():
            report.add(doc, path, f"{{field}} '{value}' does not exist (paths start at the project root)")
        else:
            content = target.read_text(encoding="utf-8")
    lines = sum(1 for line in content.splitlines() if line.strip())
    return ExampleFile(value, LANGUAGES.get(suffix, "text"), lines, counted=suffix not in MANIFESTS and value != SHARED,
                       text=content)


def _number(value: Any) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _api(doc: YamlDoc) -> CommonApi | None:
    api = at(doc.data, ("api",))
    if not isinstance(api, dict):
        return None
    return CommonApi(
        title=text(api.get("title")), description=text(api.get("description")),
        fields=tuple(ApiField(name=text(r.get("name")), type=text(r.get("type")), description=text(r.get("description")),
                              server_assigned=r.get("server_assigned") is True,
                              min_length=r.get("min_length") if isinstance(r.get("min_length"), int) else None,
                              max_length=r.get("max_length") if isinstance(r.get("max_length"), int) else None,
                              minimum=_number(r.get("minimum")))
                     for _, r in records(doc, ("api", "fields"))),
        seed=tuple(r for _, r in records(doc, ("api", "seed"))),
    )


def load(doc: YamlDoc, catalog: Catalog, report: Report) -> CodeExamples:
    known = catalog.framework_ids()
    examples = []
    seen: dict[tuple[str, str], str] = {}
    for eid, (index, r) in unique_records(doc, ("examples",), report, "example").items():
        base = ("examples", index)
        framework, task = text(r.get("framework")), text(r.get("task"))
        if known and framework not in known:
            report.unknown(doc, (*base, "framework"), framework, "framework", known)
        if (framework, task) in seen:
            report.add(doc, (*base, "task"), f"{{field}}: '{framework}' already has a {task} example ('{seen[framework, task]}')")
        seen.setdefault((framework, task), eid)
        examples.append(CodeExample(
            id=eid, framework=framework, task=task, verified=text(r.get("verified")), check=opt_text(r.get("check")),
            files=tuple(_file(doc, (*base, "files", i), f, report) for i, f in enumerate(texts(r.get("files")))),
            protocol=opt_text(r.get("protocol")), path=opt_text(r.get("path")), event=opt_text(r.get("event")),
            channel=opt_text(r.get("channel")),
        ))
    return CodeExamples(api=_api(doc), examples=tuple(examples), bench=read_bench_results(project_root(doc), report))


SECTION = DataSection(file="code_examples", model=CodeExamples, load=load, labels={"examples": "example", "fields": "field"})
