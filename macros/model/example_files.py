"""Code examples named in the data: real files under examples/, checked when the data loads.

A page includes the file (or one named section of it) with pymdownx.snippets, so a missing file
or section would otherwise only show up as a failed build far from the data that names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..source.report import Report
from ..source.yaml_reader import Path_, YamlDoc


@dataclass(frozen=True)
class CodeExample:
    """A code file under examples/, shown whole or by a named section, with a caption."""

    file: str
    caption: str
    language: str  # the code block's language, from the file's extension
    section: str | None = None


# The code block's language for each file extension the schema allows.
LANGUAGES = {".go": "go", ".ts": "typescript", ".tsx": "tsx", ".py": "python", ".yml": "yaml", ".yaml": "yaml"}


def project_root(doc: YamlDoc) -> Path | None:
    """The folder that holds data/ (and examples/), or None for a document not read from a file."""
    return doc.source_path.resolve().parent.parent if doc.source_path else None


def section_marker(section: str) -> re.Pattern:
    return re.compile(r"-+8<-+\s*\[\s*start\s*:\s*" + re.escape(section) + r"\s*\]")


def code_example(doc: YamlDoc, path: Path_, value: Any, report: Report) -> CodeExample | None:
    """The example at `path` of `doc`; reports a file or section that does not exist."""
    if not isinstance(value, dict) or not isinstance(value.get("file"), str):
        return None
    file, section = value["file"], value.get("section")
    section = section if isinstance(section, str) else None
    root = project_root(doc)
    if root is not None:
        target = root / file
        if not target.is_file():
            report.add(doc, (*path, "file"), f"{{field}} '{file}' does not exist (paths start at the project root)")
        elif section and not section_marker(section).search(target.read_text(encoding="utf-8")):
            report.add(doc, (*path, "section"),
                       f"{{field}} '{section}' is not marked in {file} (expected a '--8<-- [start:{section}]' comment)")
    caption = value.get("caption")
    return CodeExample(
        file=file, caption=caption if isinstance(caption, str) else "", section=section,
        language=LANGUAGES.get(PurePosixPath(file).suffix, "text"),
    )
