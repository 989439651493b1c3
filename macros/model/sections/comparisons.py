"""The comparisons the guide draws (data/comparisons.yaml): the frameworks or the approaches
compared, the guide's verdict and what else it says."""

from __future__ import annotations

from dataclasses import dataclass

from ...source.records import opt_text, refs, unique_records
from ...source.report import Report
from ...source.yaml_reader import YamlDoc
from .. import quotes
from ..catalog import Catalog
from ..core import Pattern
from ..registry import DataSection

# Slugs that would collide with hand-written files under docs/compare/.
RESERVED_SLUGS = frozenset({"index"})


@dataclass(frozen=True)
class PatternRef:
    use_case: str
    pattern: str


@dataclass(frozen=True)
class Comparison:
    id: str
    title: str
    verdict: str
    frameworks: tuple[str, ...] = ()  # in the order the page shows them
    patterns: tuple[PatternRef, ...] = ()
    notes: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # every framework the page is about, patterns' tools included


@dataclass(frozen=True)
class Comparisons:
    items: tuple[Comparison, ...]

    def of_framework(self, framework_id: str) -> tuple[Comparison, ...]:
        return tuple(c for c in self.items if framework_id in c.members)


def pattern_of(catalog: Catalog, ref: PatternRef) -> Pattern:
    return next(p for p in catalog.use_case(ref.use_case).patterns if p.id == ref.pattern)


# ── Loading ──────────────────────────────────────────────────────────────────────────────

def load(doc: YamlDoc, catalog: Catalog, report: Report) -> Comparisons:
    known = catalog.framework_ids()
    items: list[Comparison] = []
    seen_sets: dict[frozenset, str] = {}
    for cid, (index, record) in unique_records(doc, ("comparisons",), report, "comparison").items():
        base = ("comparisons", index)
        if cid in RESERVED_SLUGS:
            report.add(doc, (*base, "id"), f"{{field}} '{cid}' is reserved (compare/{cid}.md is a hand-written page)")
        frameworks = refs(doc, (*base, "frameworks"), known, "framework", report)
        patterns = _pattern_refs(doc, base, record.get("patterns"), catalog, report)
        if frameworks and all(fid in known for fid in frameworks):
            key = frozenset(frameworks)
            if key in seen_sets:
                report.add(doc, (*base, "frameworks"),
                           f"{{field}}: the same frameworks as comparison '{seen_sets[key]}'; merge the two")
            seen_sets.setdefault(key, cid)
        tools = [fid for ref in patterns for fid in _pattern_tools(catalog, ref)]
        items.append(Comparison(
            id=cid, title=opt_text(record.get("title")) or cid, verdict=opt_text(record.get("verdict")) or "",
            frameworks=frameworks, patterns=patterns,
            notes=quotes.lines_of_list(doc, (*base, "notes"), record.get("notes"), catalog, report),
            members=tuple(dict.fromkeys([*frameworks, *tools])),
        ))
    return Comparisons(items=tuple(items))


def _pattern_refs(doc: YamlDoc, base: tuple, value, catalog: Catalog, report: Report) -> tuple[PatternRef, ...]:
    if not isinstance(value, list):
        return ()
    use_cases = {u.id: u for u in catalog.use_cases}
    refs = []
    for i, item in enumerate(value):
        if not isinstance(item, dict) or not isinstance(item.get("use_case"), str) or not isinstance(item.get("pattern"), str):
            continue
        path = (*base, "patterns", i)
        use_case = use_cases.get(item["use_case"])
        if use_case is None:
            report.unknown(doc, (*path, "use_case"), item["use_case"], "use case", use_cases)
            continue
        pattern_ids = [p.id for p in use_case.patterns]
        if not pattern_ids:
            report.add(doc, (*path, "use_case"), f"{{field}} '{use_case.id}' has no patterns to compare")
            continue
        if item["pattern"] not in pattern_ids:
            report.unknown(doc, (*path, "pattern"), item["pattern"], f"pattern of use case '{use_case.id}'", pattern_ids)
            continue
        refs.append(PatternRef(use_case=item["use_case"], pattern=item["pattern"]))
    return tuple(refs)


def _pattern_tools(catalog: Catalog, ref: PatternRef) -> list[str]:
    pattern = pattern_of(catalog, ref)
    return [fid for item in (pattern.choices.items if pattern.choices else ()) for fid in item.frameworks]


SECTION = DataSection(file="comparisons", model=Comparisons, load=load, labels={"comparisons": "comparison"},
                      after=quotes.AFTER)  # notes may quote the guide's lines from other files
