"""Load data/*.yaml: parse, check against the schemas, cross-check references, build the catalog.

Every problem in every file is collected first; DataValidationError then lists them all.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .catalog import (
    Catalog, Cell, ChoiceItem, Choices, Framework, InsteadItem, Kind, Language, NoneByDesign,
    Pattern, Rationale, UseCase,
)
from .code_examples import code_example
from .features import load_order, with_attr
from .report import Report
from .schema_check import check, validators
from .yaml_source import YamlDoc, YamlSyntaxError, read_yaml

CORE_FILES = ("kinds", "languages", "use_cases", "frameworks", "matrix")


def load_catalog(data_dir: Path, display_root: Path | None = None) -> Catalog:
    """Load and validate everything under `data_dir`; raise DataValidationError on any problem."""
    data_dir = Path(data_dir)
    display_root = display_root or data_dir.parent
    report = Report()
    docs = _read_all(data_dir, display_root, report)
    parts: dict[str, Any] = {}
    # A feature's load sees the parts loaded before it (features.load_order, LOAD_AFTER).
    catalog = replace(_build_core(docs, report), parts=MappingProxyType(parts))
    for feature in load_order():
        if feature.DATA_FILE in docs:
            parts[feature.DATA_FILE] = feature.load(docs[feature.DATA_FILE], catalog, report)
        else:
            report.add_file(f"data/{feature.DATA_FILE}.yaml", None, "file is missing")
    report.raise_if_any()
    return Catalog(
        kinds=catalog.kinds, languages=catalog.languages, use_cases=catalog.use_cases,
        frameworks=catalog.frameworks, cells=catalog.cells, parts=MappingProxyType(parts),
        sources=MappingProxyType({stem: doc.data for stem, doc in docs.items()}),
    )


def _read_all(data_dir: Path, display_root: Path, report: Report) -> dict[str, YamlDoc]:
    schema_dir = data_dir / "schema"
    checkers = validators(schema_dir)
    docs: dict[str, YamlDoc] = {}
    feature_files = {f.DATA_FILE for f in with_attr("DATA_FILE")}
    for path in sorted(data_dir.glob("*.yaml")):
        shown = _display(path, display_root)
        if path.stem not in CORE_FILES and path.stem not in feature_files:
            report.add_file(shown, None, "no loader uses this file (a misspelt name?)")
            continue
        if path.stem not in checkers:
            report.add_file(shown, None, f"has no schema ({_display(schema_dir, display_root)}/{path.stem}.schema.json)")
            continue
        try:
            doc = read_yaml(path, shown)
        except YamlSyntaxError as exc:
            report.add_file(shown, exc.line, str(exc))
            continue
        check(doc, checkers[path.stem], report)
        docs[path.stem] = doc
    for stem in CORE_FILES:
        if stem not in docs and not (data_dir / f"{stem}.yaml").exists():
            report.add_file(_display(data_dir / f"{stem}.yaml", display_root), None, "file is missing")
    return docs


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# ── Building the core, leniently: records with broken fields still count for references,
#    so one mistake gives one message, not a cascade. ──────────────────────────────────────

def _records(doc: YamlDoc | None, key: str) -> list[tuple[int, dict]]:
    if doc is None or not isinstance(doc.data, dict) or not isinstance(doc.data.get(key), list):
        return []
    return [(i, r) for i, r in enumerate(doc.data[key]) if isinstance(r, dict)]


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def unique_ids(doc: YamlDoc, key: str, report: Report, what: str) -> dict[str, tuple[int, dict]]:
    """Records of `doc[key]` by id; reports duplicate ids against the later record."""
    seen: dict[str, tuple[int, dict]] = {}
    for index, record in _records(doc, key):
        rid = record.get("id")
        if not isinstance(rid, str):
            continue
        if rid in seen:
            first = doc.line_of((key, seen[rid][0]))
            report.add(doc, (key, index, "id"), f"duplicate {what} id '{rid}' (first defined at line {first})")
            continue
        seen[rid] = (index, record)
    return seen


def rationale(record: dict) -> Rationale:
    return Rationale(
        use_when=_text(record.get("use_when")), pros=_texts(record.get("pros")),
        cons=_texts(record.get("cons")), best_for=_text(record.get("best_for")),
        choose_when=_texts(record.get("choose_when")), choose_if=_texts(record.get("choose_if")),
        reality_check=_text(record.get("reality_check")),
    )


def check_framework_refs(doc: YamlDoc, path: tuple, ids: Any, known: set[str], report: Report) -> tuple[str, ...]:
    """Report unknown framework ids in the list at `path`; return the list as a tuple."""
    if not isinstance(ids, list):
        return ()
    for i, fid in enumerate(ids):
        if isinstance(fid, str) and fid not in known:
            report.unknown(doc, (*path, i), fid, "framework", known)
    return tuple(fid for fid in ids if isinstance(fid, str))


def choices(doc: YamlDoc, path: tuple, value: Any, known: set[str], report: Report) -> Choices | None:
    if not isinstance(value, dict):
        return None
    items = []
    for i, item in enumerate(value.get("items") or []):
        if isinstance(item, dict):
            fids = check_framework_refs(doc, (*path, "items", i, "frameworks"), item.get("frameworks"), known, report)
            items.append(ChoiceItem(frameworks=fids, text=_text(item.get("text")) or ""))
    return Choices(title=_text(value.get("title")) or "", items=tuple(items), note=_text(value.get("note")))


def _build_core(docs: dict[str, YamlDoc], report: Report) -> Catalog:
    kinds_doc, langs_doc, ucs_doc = docs.get("kinds"), docs.get("languages"), docs.get("use_cases")
    fw_doc, matrix_doc = docs.get("frameworks"), docs.get("matrix")

    kinds = {k: r for k, (_, r) in (unique_ids(kinds_doc, "kinds", report, "kind") if kinds_doc else {}).items()}
    langs = {k: r for k, (_, r) in (unique_ids(langs_doc, "languages", report, "language") if langs_doc else {}).items()}
    ucs = unique_ids(ucs_doc, "use_cases", report, "use case") if ucs_doc else {}
    fws = unique_ids(fw_doc, "frameworks", report, "framework") if fw_doc else {}
    framework_ids = set(fws)

    use_cases = []
    for uc_id, (index, record) in ucs.items():
        base = ("use_cases", index)
        patterns = []
        pattern_ids: set[str] = set()
        for p_index, p in enumerate(record.get("patterns") or []):
            if not isinstance(p, dict):
                continue
            if p.get("id") in pattern_ids:
                report.add(ucs_doc, (*base, "patterns", p_index, "id"), f"{{field}}: duplicate pattern id '{p.get('id')}'")
            pattern_ids.add(p.get("id"))
            patterns.append(Pattern(
                id=_text(p.get("id")) or "", name=_text(p.get("name")) or "",
                description=_text(p.get("description")) or "", scenarios=_texts(p.get("scenarios")),
                use_when=_text(p.get("use_when")),
                choices=choices(ucs_doc, (*base, "patterns", p_index, "choices"), p.get("choices"), framework_ids, report),
            ))
        use_cases.append(UseCase(
            id=uc_id, name=_text(record.get("name")) or uc_id, short_name=_text(record.get("short_name")) or uc_id,
            when_you_need=_text(record.get("when_you_need")) or "", scenarios=_texts(record.get("scenarios")),
            patterns=tuple(patterns),
            choices=choices(ucs_doc, (*base, "choices"), record.get("choices"), framework_ids, report),
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
        frameworks_raw.append((fid, record, _texts(declared)))

    complete = all(docs.get(stem) for stem in ("languages", "use_cases", "frameworks"))
    cells = _build_cells(matrix_doc, langs, use_case_ids, fws, report) if matrix_doc and complete else []

    frameworks = []
    for fid, record, declared in frameworks_raw:
        in_cells = [c.use_case for c in cells if fid in c.framework_ids]
        wanted = set(in_cells) | set(declared)
        frameworks.append(Framework(
            id=fid, name=_text(record.get("name")) or fid, kind=_text(record.get("kind")) or "",
            summary=_text(record.get("summary")) or "", language=_text(record.get("language")),
            part_of=_text(record.get("part_of")), rationale=rationale(record),
            use_cases=tuple(u for u in use_case_ids if u in wanted),
        ))

    return Catalog(
        kinds=tuple(Kind(id=k, name=_text(r.get("name")) or k, plural=_text(r.get("plural")) or k) for k, r in kinds.items()),
        languages=tuple(
            Language(id=k, name=_text(r.get("name")) or k, tagline=_text(r.get("tagline")) or "",
                     for_django_rails=_text(r.get("for_django_rails")) or "", notes=_texts(r.get("notes")))
            for k, r in langs.items()
        ),
        use_cases=tuple(use_cases), frameworks=tuple(frameworks), cells=tuple(cells),
    )


def _build_cells(doc: YamlDoc, langs: dict, use_case_ids: list[str], fws: dict, report: Report) -> list[Cell]:
    framework_ids = set(fws)
    by_key: dict[tuple[str, str], Cell] = {}
    for index, record in _records(doc, "cells"):
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
        for o_index, option in enumerate(record.get("frameworks") or []):
            ids = [option] if isinstance(option, str) else option if isinstance(option, list) else []
            for i, fid in enumerate(ids):
                path = (*base, "frameworks", o_index) + ((i,) if isinstance(option, list) else ())
                if not isinstance(fid, str):
                    continue
                if fid not in framework_ids:
                    report.unknown(doc, path, fid, "framework", framework_ids)
                    continue
                fw_language = fws[fid][1].get("language")
                if fw_language in langs and language in langs and fw_language != language:  # no cascade from an unknown row
                    report.add(doc, path, f"{{field}} '{fid}' is a {fw_language} framework, not {language}")
            options.append(tuple(fid for fid in ids if isinstance(fid, str)))
        none = record.get("none_by_design")
        none_by_design = None
        if isinstance(none, dict):
            instead = []
            for i, item in enumerate(none.get("instead") or []):
                if isinstance(item, dict):
                    fids = check_framework_refs(doc, (*base, "none_by_design", "instead", i, "frameworks"),
                                                item.get("frameworks"), framework_ids, report)
                    instead.append(InsteadItem(text=_text(item.get("text")) or "", frameworks=fids))
            none_by_design = NoneByDesign(
                summary=_text(none.get("summary")) or "", why=_texts(none.get("why")), instead=tuple(instead),
                philosophy=_text(none.get("philosophy")), pros=_texts(none.get("pros")),
                cons=_texts(none.get("cons")), reality_check=_text(none.get("reality_check")),
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
