"""Lines one data file quotes from another, so that each of the guide's lines is written once.

Where a data file accepts a quote instead of a text, the quote is a mapping with one key, the
file it quotes, and the id of what it quotes:

  {guidance: <id>}      data/guidance.yaml: the line with that id; every point of a pragmatic
                        path step or step of a recommendation; `your-stack` (its steps); `truth`
  {architecture: <id>}  data/architecture.yaml: the "why" lines of a tier of the polyglot stack
  {migration: truth}    data/migration.yaml: the truth about its phases

Quotes resolve at load time into the lines they name, so views and published files only ever see
text. A section that reads quotes loads after the quoted sections: `after=quotes.AFTER`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..source.report import Report
from ..source.yaml_reader import Path_, YamlDoc
from .catalog import Catalog
from .sections.architecture import Architecture
from .sections.guidance import Guidance, quotable_lines
from .sections.migration import Migration

Lines = tuple[str, ...]

# The key of a quote -> (its section's model, what its ids name in messages, its quotable lines by id).
SOURCES: dict[str, tuple[type, str, Callable[[Any], Mapping[str, Lines]]]] = {
    "guidance": (Guidance, "guidance line", quotable_lines),
    "architecture": (Architecture, "architecture tier", lambda arch: {tier.id: tier.why for tier in arch.tiers}),
    "migration": (Migration, "migration line", lambda migration: {"truth": (migration.truth,)}),
}
AFTER = tuple(model for model, _, _ in SOURCES.values())


def lines(doc: YamlDoc, path: Path_, value: Any, catalog: Catalog, report: Report) -> Lines:
    """A text as one line; a quote as the lines it names, reported when it names nothing."""
    if isinstance(value, str):
        return (value,)
    if not (isinstance(value, dict) and len(value) == 1):
        return ()  # the schema has reported it
    ((source, key),) = value.items()
    if source not in SOURCES or not isinstance(key, str):
        return ()  # the schema has reported it
    model, what, quotable = SOURCES[source]
    quoted = catalog.find(model)
    if quoted is None:
        return ()  # the quoted file is missing or unreadable (reported once)
    known = quotable(quoted)
    if key not in known:
        report.unknown(doc, (*path, source), key, what, known)
        return ()
    return known[key]


def lines_of_list(doc: YamlDoc, path: Path_, values: Any, catalog: Catalog, report: Report) -> Lines:
    """The lines of a list whose items are texts or quotes, in order."""
    if not isinstance(values, list):
        return ()
    return tuple(line for i, value in enumerate(values) for line in lines(doc, (*path, i), value, catalog, report))
