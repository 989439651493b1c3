"""The claims ledger (data/claims.yaml).

Every quantitative statement of the guide is a claim. Claims of one metric about one subject and
baseline are compared here, at load time, so the pages can show where the guide's own figures
differ without anyone listing the differences by hand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import product

from ...source.records import opt_text, records, ref, refs, text, unique_records
from ...source.report import Report
from ...source.yaml_reader import YamlDoc
from .. import routes
from ..catalog import Catalog
from ..example_files import project_root
from ..registry import DataSection

LABELS = {"claims": "claim", "sections": "section", "metrics": "metric", "tensions": "tension"}


@dataclass(frozen=True)
class Metric:
    id: str
    name: str
    unit: str
    description: str | None = None


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    page: str  # source path of the page that shows the statement
    anchor: str | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    subjects: tuple[str, ...]
    baselines: tuple[str, ...]
    metric: str
    low: float | None  # a single value has low == high; an open end is None
    high: float | None
    approx: bool
    section: str
    phrase: str

    @property
    def span(self) -> tuple[float, float]:
        return (self.low if self.low is not None else 0.0, self.high if self.high is not None else math.inf)


@dataclass(frozen=True)
class Comparison:
    """Every claim of one metric about one subject against one baseline (or none)."""

    metric: str
    subject: str
    baseline: str | None
    claims: tuple[Claim, ...]

    @property
    def differs(self) -> bool:
        return len({(c.low, c.high) for c in self.claims}) > 1

    @property
    def common(self) -> tuple[float, float] | None:
        """The values every claim allows, or None when no single value fits them all."""
        low = max(c.span[0] for c in self.claims)
        high = min(c.span[1] for c in self.claims)
        return (low, high) if low <= high else None


@dataclass(frozen=True)
class Statement:
    section: str
    phrase: str


@dataclass(frozen=True)
class Tension:
    id: str
    title: str
    statements: tuple[Statement, ...]
    reading: str


@dataclass(frozen=True)
class Ledger:
    metrics: tuple[Metric, ...]
    sections: tuple[Section, ...]
    claims: tuple[Claim, ...]
    tensions: tuple[Tension, ...]
    comparisons: tuple[Comparison, ...]

    def metric(self, metric_id: str) -> Metric:
        return next(m for m in self.metrics if m.id == metric_id)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    @property
    def disagreements(self) -> tuple[Comparison, ...]:
        return tuple(c for c in self.comparisons if c.differs)

    def about(self, ids: set[str], page: str | None = None) -> tuple[Claim, ...]:
        """Claims whose subjects or baselines include any of `ids`, or stated on `page`."""
        return tuple(c for c in self.claims
                     if ids & set(c.subjects + c.baselines) or (page and self.section(c.section).page == page))


def load(doc: YamlDoc, catalog: Catalog, report: Report) -> Ledger:
    # Subjects are frameworks or languages; with either file missing, references go unchecked.
    frameworks, languages = catalog.framework_ids(), catalog.language_ids()
    subjects = frameworks | languages if frameworks and languages else set()
    metrics = unique_records(doc, ("metrics",), report, "metric")
    sections = unique_records(doc, ("sections",), report, "section")
    for section_id, (index, record) in sections.items():
        _check_page(doc, catalog, ("sections", index, "page"), record.get("page"), report)
    claims = []
    for claim_id, (i, r) in unique_records(doc, ("claims",), report, "claim").items():
        base = ("claims", i)
        value = r.get("value")
        low, high = (value, value) if _number(value) else (r.get("low"), r.get("high"))
        if _number(low) and _number(high) and low > high:
            report.add(doc, (*base, "low"), f"{{field}} {low} is above high {high}")
        claims.append(Claim(
            id=claim_id, subjects=refs(doc, (*base, "subjects"), subjects, "framework or language", report),
            baselines=refs(doc, (*base, "baselines"), subjects, "framework or language", report),
            metric=ref(doc, (*base, "metric"), set(metrics), "metric", report) or "",
            low=low if _number(low) else None, high=high if _number(high) else None, approx=r.get("approx") is True,
            section=ref(doc, (*base, "section"), set(sections), "section", report) or "", phrase=text(r.get("phrase")),
        ))
    tensions = tuple(
        Tension(id=tid, title=text(r.get("title")), reading=text(r.get("reading")), statements=tuple(
            Statement(section=ref(doc, ("tensions", i, "statements", j, "section"), set(sections), "section", report) or "",
                      phrase=text(s.get("phrase")))
            for j, s in records(doc, ("tensions", i, "statements"))))
        for tid, (i, r) in unique_records(doc, ("tensions",), report, "tension").items())
    return Ledger(
        metrics=tuple(Metric(id=mid, name=text(r.get("name")), unit=text(r.get("unit")), description=opt_text(r.get("description")))
                      for mid, (_, r) in metrics.items()),
        sections=tuple(Section(id=sid, title=text(r.get("title")), **_page_and_anchor(r.get("page")))
                       for sid, (_, r) in sections.items()),
        claims=tuple(claims), tensions=tensions, comparisons=compare(catalog, claims),
    )


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _page_and_anchor(value) -> dict:
    page, _, anchor = (value if isinstance(value, str) else "").partition("#")
    return {"page": page, "anchor": anchor or None}


def _check_page(doc: YamlDoc, catalog: Catalog, path, value, report: Report) -> None:
    """A section's page is a generated page (framework, language, use case) or a file in docs/."""
    if not isinstance(value, str):
        return
    if not (catalog.frameworks and catalog.languages and catalog.use_cases):
        return  # a core file is missing (reported once): generated pages are unknown
    page = value.partition("#")[0]
    generated = ({routes.framework(f.id) for f in catalog.frameworks} | {routes.language(x.id) for x in catalog.languages}
                 | {routes.use_case(u.id) for u in catalog.use_cases})
    root = project_root(doc)
    if page in generated or root is None or (root / "docs" / page).is_file():
        return
    report.add(doc, path, f"{{field}} '{page}' is neither a generated page nor a file in docs/")


# ── Which claims say the same thing ────────────────────────────────────────────────────────

def language_of(catalog: Catalog, subject_id: str) -> str | None:
    if catalog.has_framework(subject_id):
        return catalog.framework(subject_id).language
    return subject_id


def scope(catalog: Catalog, subject: str, baseline: str | None) -> tuple[str, str | None]:
    """What a comparison is really about. 'Go is 10x faster than Django' and 'than Python' say
    the same thing: across languages, both sides are read as their languages. Within one
    language (FastAPI against Django) the frameworks are kept."""
    if baseline is None:
        return subject, None
    subject_language, baseline_language = language_of(catalog, subject), language_of(catalog, baseline)
    if subject_language and baseline_language and subject_language != baseline_language:
        return subject_language, baseline_language
    return subject, baseline


def compare(catalog: Catalog, claims: list[Claim]) -> tuple[Comparison, ...]:
    groups: dict[tuple[str, str, str | None], list[Claim]] = {}
    for claim in claims:
        keys = {(claim.metric, *scope(catalog, s, b)) for s, b in product(claim.subjects, claim.baselines or (None,))}
        for key in sorted(keys, key=str):
            groups.setdefault(key, []).append(claim)
    return tuple(Comparison(metric=m, subject=s, baseline=b, claims=tuple(cs)) for (m, s, b), cs in groups.items())


SECTION = DataSection(file="claims", model=Ledger, load=load, labels=LABELS)
