"""The guide's figures in words: "~50–100 MB", "3x", "10,000+ req/sec", "under 1 ms"."""

from __future__ import annotations

from ..model.catalog import Catalog
from ..model.sections.claims import Claim, Comparison, Metric


def number(value: float) -> str:
    """10000 -> '10,000'; 2023 -> '2023'; 2.5 -> '2.5'."""
    if float(value).is_integer():
        value = int(value)
        return f"{value:,}" if value >= 10_000 else str(value)
    return f"{value:g}"


def with_unit(text: str, metric: Metric) -> str:
    if metric.unit in ("x", "%"):
        return f"{text}{metric.unit}"
    if metric.unit == "year":
        return text
    return f"{text} {metric.unit}"


def value_text(claim: Claim, metric: Metric) -> str:
    """'~50–100 MB', '3x', '10,000+ req/sec', 'under 1 ms'."""
    if claim.low is not None and claim.high is not None:
        core = number(claim.low) if claim.low == claim.high else f"{number(claim.low)}–{number(claim.high)}"
    elif claim.low is not None:
        core = f"{number(claim.low)}+"
    else:
        return with_unit(f"under {number(claim.high)}", metric)
    return with_unit(("~" if claim.approx else "") + core, metric)


def span_text(low: float, high: float, metric: Metric) -> str:
    if high == float("inf"):
        return with_unit(f"{number(low)}+", metric)
    return with_unit(number(low) if low == high else f"{number(low)}–{number(high)}", metric)


def name_of(catalog: Catalog, subject_id: str) -> str:
    if catalog.has_framework(subject_id):
        return catalog.framework(subject_id).name
    return catalog.language(subject_id).name


def range_text(low: float, high: float, metric: Metric, approx: bool = False) -> str:
    """'2–4x', '~50–100 MB', '10,000+ req/sec', 'under 1 ms': what a set of figures spans."""
    if low == 0 and high != float("inf"):
        return with_unit(f"under {number(high)}", metric)
    text = span_text(low, high, metric)
    return ("~" if approx else "") + text


def comparison_anchor(comparison: Comparison) -> str:
    """The claims page's anchor of one disagreement (views/sections/claims.py's headings)."""
    return "-".join(["differs", comparison.metric, comparison.subject] + ([comparison.baseline] if comparison.baseline else []))
