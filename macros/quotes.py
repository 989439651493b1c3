"""Lines one data file quotes from another, so that each of the guide's lines is written once.

Where a data file accepts a quote instead of a text, the quote is a mapping with one key, the
file it quotes, and the id of what it quotes:

  {guidance: <id>}      data/guidance.yaml: the line with that id; every point of a pragmatic
                        path step or step of a recommendation; `your-stack` (its steps); `truth`
  {architecture: <id>}  data/architecture.yaml: the "why" lines of a tier of the polyglot stack
  {migration: truth}    data/migration.yaml: the truth about its phases

Quotes resolve at load time into the lines they name, so views and published files only ever see
text. A feature that reads quotes loads after the quoted files: LOAD_AFTER below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from . import guidance
from .catalog import Catalog
from .report import Report
from .yaml_source import Path_, YamlDoc

Lines = tuple[str, ...]

# Data file stem -> (what its ids name, in error messages; the quotable lines of its part by id).
SOURCES: dict[str, tuple[str, Callable[[Any], Mapping[str, Lines]]]] = {
    "guidance": ("guidance line", guidance.quotes),
    "architecture": ("architecture tier", lambda part: {tier.id: tier.why for tier in part.tiers}),
    "migration": ("migration line", lambda part: {"truth": (part.truth,)}),
}
LOAD_AFTER = tuple(SOURCES)


def lines(doc: YamlDoc, path: Path_, value: Any, catalog: Catalog, report: Report) -> Lines:
    """A text as one line; a quote as the lines it names, reported when it names nothing."""
    if isinstance(value, str):
        return (value,)
    if not (isinstance(value, dict) and len(value) == 1):
        return ()  # the schema has reported it
    ((source, key),) = value.items()
    part = catalog.parts.get(source)
    if source not in SOURCES or not isinstance(key, str) or part is None:
        return ()  # the schema has reported it, or the quoted file is missing (reported once)
    what, quotable = SOURCES[source]
    known = quotable(part)
    if key not in known:
        report.unknown(doc, (*path, source), key, what, known)
        return ()
    return known[key]


def lines_of_list(doc: YamlDoc, path: Path_, values: Any, catalog: Catalog, report: Report) -> Lines:
    """The lines of a list whose items are texts or quotes, in order."""
    if not isinstance(values, list):
        return ()
    return tuple(line for i, value in enumerate(values) for line in lines(doc, (*path, i), value, catalog, report))
