"""The matrix: kinds, languages, use cases, frameworks and cells, as small immutable records, and
their loading from kinds.yaml, languages.yaml, use_cases.yaml, frameworks.yaml and matrix.yaml.

Records with broken fields still count for references, so one mistake gives one message, not a
cascade."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..source.records import items_of, opt_text, records, refs, texts, unique_records
from ..source.report import Report
from ..source.yaml_reader import YamlDoc
from .example_files import CodeExample, code_example

Texts = tuple[str, ...]


@dataclass(frozen=True)
class Kind:
    id: str
    name: str
    plural: str


@dataclass(frozen=True)
class Language:
    id: str
    name: str
    tagline: str
    for_django_rails: str
    notes: Texts = ()


@dataclass(frozen=True)
class ChoiceItem:
    frameworks: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Choices:
    title: str
    items: tuple[ChoiceItem, ...]
    note: str | None = None


@dataclass(frozen=True)
class Pattern:
    id: str
    name: str
    description: str
    scenarios: Texts
    use_when: str | None = None
    choices: Choices | None = None


@dataclass(frozen=True)
class UseCase:
    id: str
    name: str
    short_name: str
    when_you_need: str
    scenarios: Texts = ()
    patterns: tuple[Pattern, ...] = ()
    choices: Choices | None = None
    names: tuple[str, ...] = ()  # framework ids its text names


@dataclass(frozen=True)
class Rationale:
    """What the guide says about a framework or a matrix cell; every field optional."""

    use_when: str | None = None
    pros: Texts = ()
    cons: Texts = ()
    best_for: str | None = None
    choose_when: Texts = ()
    choose_if: Texts = ()
    reality_check: str | None = None

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    kind: str
    summary: str
    language: str | None = None  # None: language-agnostic infrastructure, or a language outside the matrix
    part_of: str | None = None
    other_language: str | None = None  # the language of a tool outside the matrix's five (e.g. Java)
    names: tuple[str, ...] = ()  # framework ids its text names
    rationale: Rationale = field(default_factory=Rationale)
    use_cases: tuple[str, ...] = ()  # matrix cells first, then those declared in the data


@dataclass(frozen=True)
class InsteadItem:
    text: str
    frameworks: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoneByDesign:
    summary: str
    why: Texts
    instead: tuple[InsteadItem, ...]
    philosophy: str | None = None
    pros: Texts = ()
    cons: Texts = ()
    reality_check: str | None = None
    example: CodeExample | None = None


@dataclass(frozen=True)
class Cell:
    language: str
    use_case: str
    options: tuple[tuple[str, ...], ...] = ()  # each option: framework ids used together
    rationale: Rationale = field(default_factory=Rationale)
    none_by_design: NoneByDesign | None = None

    @property
    def framework_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(fid for option in self.options for fid in option))


@dataclass(frozen=True)
class Core:
    """The matrix's records, in the order of the data."""

    kinds: tuple[Kind, ...]
    languages: tuple[Language, ...]
    use_cases: tuple[UseCase, ...]
    frameworks: tuple[Framework, ...]
    cells: tuple[Cell, ...]


# The files of the core, and the singular that names their records in messages.
FILES = ("kinds", "languages", "use_cases", "frameworks", "matrix")
LABELS = {"frameworks": "framework", "languages": "language", "use_cases": "use case", "kinds": "kind", "cells": "cell"}


# ── Loading ─────────────────────────────────────────────────────────────────────────────────

def rationale(record: dict) -> Rationale:
    return Rationale(
        use_when=opt_text(record.get("use_when")), pros=texts(record.get("pros")),
        cons=texts(record.get("cons")), best_for=opt_text(record.get("best_for")),
        choose_when=texts(record.get("choose_when")), choose_if=texts(record.get("choose_if")),
        reality_check=opt_text(record.get("reality_check")),
    )


def choices(doc: YamlDoc, path: tuple, value: Any, known: set[str], report: Report) -> Choices | None:
    if not isinstance(value, dict):
        return None
    items = []
    for i, item in enumerate(items_of(value.get("items"))):
        if isinstance(item, dict):
            fids = refs(doc, (*path, "items", i, "frameworks"), known, "framework", report)
            items.append(ChoiceItem(frameworks=fids, text=opt_text(item.get("text")) or ""))
    return Choices(title=opt_text(value.get("title")) or "", items=tuple(items), note=opt_text(value.get("note")))


def load_core(docs: dict[str, YamlDoc], report: Report) -> Core:
    """The matrix from its five files (those missing or unreadable are absent from `docs`)."""
    kinds_doc, langs_doc, ucs_doc = docs.get("kinds"), docs.get("languages"), docs.get("use_cases")
    fw_doc, matrix_doc = docs.get("frameworks"), docs.get("matrix")

    kinds = {k: r for k, (_, r) in (unique_records(kinds_doc, ("kinds",), report, "kind") if kinds_doc else {}).items()}
    langs = {k: r for k, (_, r) in (unique_records(langs_doc, ("languages",), report, "language") if langs_doc else {}).items()}
    ucs = unique_records(ucs_doc, ("use_cases",), report, "use case") if ucs_doc else {}
    fws = unique_records(fw_doc, ("frameworks",), report, "framework") if fw_doc else {}
    framework_ids = set(fws)

    use_cases = []
    for uc_id, (index, record) in ucs.items():
        base = ("use_cases", index)
        patterns = []
        pattern_ids: set[str] = set()
        for p_index, p in enumerate(items_of(record.get("patterns"))):
            if not isinstance(p, dict):
                continue
            pid = p.get("id")
            if isinstance(pid, str):  # an id of another type: the schema reports it
                if pid in pattern_ids:
                    report.add(ucs_doc, (*base, "patterns", p_index, "id"), f"{{field}}: duplicate pattern id '{pid}'")
                pattern_ids.add(pid)
            patterns.append(Pattern(
                id=opt_text(p.get("id")) or "", name=opt_text(p.get("name")) or "",
                description=opt_text(p.get("description")) or "", scenarios=texts(p.get("scenarios")),
                use_when=opt_text(p.get("use_when")),
                choices=choices(ucs_doc, (*base, "patterns", p_index, "choices"), p.get("choices"), framework_ids, report),
            ))
        use_cases.append(UseCase(
            id=uc_id, name=opt_text(record.get("name")) or uc_id, short_name=opt_text(record.get("short_name")) or uc_id,
            when_you_need=opt_text(record.get("when_you_need")) or "", scenarios=texts(record.get("scenarios")),
            patterns=tuple(patterns),
            choices=choices(ucs_doc, (*base, "choices"), record.get("choices"), framework_ids, report),
            names=refs(ucs_doc, (*base, "names"), framework_ids, "framework", report),
        ))
    use_case_ids = [u.id for u in use_cases]

    frameworks_raw = []
    for fid, (index, record) in fws.items():
        base = ("frameworks", index)
        language, kind, part_of = record.get("language"), record.get("kind"), record.get("part_of")
        # A missing file is reported once; references into it are not checked.
        if isinstance(language, str) and langs_doc and language not in langs:
            report.unknown(fw_doc, (*base, "language"), language, "language", langs)
        if isinstance(kind, str) and kinds_doc and kind not in kinds:
            report.unknown(fw_doc, (*base, "kind"), kind, "kind", kinds)
        if isinstance(part_of, str):
            if part_of == fid:
                report.add(fw_doc, (*base, "part_of"), "{field} names the framework itself")
            elif part_of not in framework_ids:
                report.unknown(fw_doc, (*base, "part_of"), part_of, "framework", framework_ids)
        declared = record.get("use_cases") if isinstance(record.get("use_cases"), list) else []
        for i, uc in enumerate(declared):
            if isinstance(uc, str) and ucs_doc and uc not in use_case_ids:
                report.unknown(fw_doc, (*base, "use_cases", i), uc, "use case", use_case_ids)
        frameworks_raw.append((fid, record, texts(declared)))

    complete = all(docs.get(stem) for stem in ("languages", "use_cases", "frameworks"))
    cells = _build_cells(matrix_doc, langs, use_case_ids, fws, report) if matrix_doc and complete else []

    frameworks = []
    for fid, record, declared in frameworks_raw:
        in_cells = [c.use_case for c in cells if fid in c.framework_ids]
        wanted = set(in_cells) | set(declared)
        frameworks.append(Framework(
            id=fid, name=opt_text(record.get("name")) or fid, kind=opt_text(record.get("kind")) or "",
            summary=opt_text(record.get("summary")) or "", language=opt_text(record.get("language")),
            part_of=opt_text(record.get("part_of")), rationale=rationale(record),
            other_language=opt_text(record.get("other_language")),
            names=refs(fw_doc, ("frameworks", fws[fid][0], "names"), framework_ids, "framework", report),
            use_cases=tuple(u for u in use_case_ids if u in wanted),
        ))

    return Core(
        kinds=tuple(Kind(id=k, name=opt_text(r.get("name")) or k, plural=opt_text(r.get("plural")) or k) for k, r in kinds.items()),
        languages=tuple(
            Language(id=k, name=opt_text(r.get("name")) or k, tagline=opt_text(r.get("tagline")) or "",
                     for_django_rails=opt_text(r.get("for_django_rails")) or "", notes=texts(r.get("notes")))
            for k, r in langs.items()
        ),
        use_cases=tuple(use_cases), frameworks=tuple(frameworks), cells=tuple(cells),
    )


def _build_cells(doc: YamlDoc, langs: dict, use_case_ids: list[str], fws: dict, report: Report) -> list[Cell]:
    framework_ids = set(fws)
    by_key: dict[tuple[str, str], Cell] = {}
    for index, record in records(doc, ("cells",)):
        base = ("cells", index)
        language, use_case = record.get("language"), record.get("use_case")
        if not (isinstance(language, str) and isinstance(use_case, str)):
            continue
        if language not in langs:
            report.unknown(doc, (*base, "language"), language, "language", langs)
        if use_case not in use_case_ids:
            report.unknown(doc, (*base, "use_case"), use_case, "use case", use_case_ids)
        if (language, use_case) in by_key:
            report.add(doc, base, f"duplicate cell: {language} × {use_case} is already defined")
            continue
        options = []
        for o_index, option in enumerate(items_of(record.get("frameworks"))):
            ids = [option] if isinstance(option, str) else option if isinstance(option, list) else []
            for i, fid in enumerate(ids):
                path = (*base, "frameworks", o_index) + ((i,) if isinstance(option, list) else ())
                if not isinstance(fid, str):
                    continue
                if fid not in framework_ids:
                    report.unknown(doc, path, fid, "framework", framework_ids)
                    continue
                fw_language = fws[fid][1].get("language")
                # No cascade from an unknown row, nor from a language that is not text (the schema reports it).
                if isinstance(fw_language, str) and fw_language in langs and language in langs and fw_language != language:
                    report.add(doc, path, f"{{field}} '{fid}' is a {fw_language} framework, not {language}")
            named = tuple(fid for fid in ids if isinstance(fid, str))
            if named:  # an item that names no framework is no option (the schema reports it)
                options.append(named)
        none = record.get("none_by_design")
        none_by_design = None
        if isinstance(none, dict):
            instead = []
            for i, item in enumerate(items_of(none.get("instead"))):
                if isinstance(item, dict):
                    fids = refs(doc, (*base, "none_by_design", "instead", i, "frameworks"), framework_ids, "framework", report)
                    instead.append(InsteadItem(text=opt_text(item.get("text")) or "", frameworks=fids))
            none_by_design = NoneByDesign(
                summary=opt_text(none.get("summary")) or "", why=texts(none.get("why")), instead=tuple(instead),
                philosophy=opt_text(none.get("philosophy")), pros=texts(none.get("pros")),
                cons=texts(none.get("cons")), reality_check=opt_text(none.get("reality_check")),
                example=code_example(doc, (*base, "none_by_design", "example"), none.get("example"), report),
            )
        rat = record.get("rationale")
        by_key[(language, use_case)] = Cell(
            language=language, use_case=use_case, options=tuple(options),
            rationale=rationale(rat) if isinstance(rat, dict) else Rationale(), none_by_design=none_by_design,
        )
    for language in langs:
        for use_case in use_case_ids:
            if (language, use_case) not in by_key:
                report.add(doc, ("cells",), f"no cell for language '{language}' × use case '{use_case}' "
                                            "(every pair needs one; use none_by_design for an empty cell)")
    # Cells in the order of the rows and columns, whatever their order in the file.
    return [by_key[(l, u)] for l in langs for u in use_case_ids if (l, u) in by_key]
