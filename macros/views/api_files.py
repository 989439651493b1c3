"""The list of published data files (every feature's, e.g. api/*.json) for the data page."""

from __future__ import annotations

import json
from collections.abc import Sequence

from markupsafe import Markup

from ..model.routes import Linker
from .blocks import join
from .text import inline

SCHEMA_SUFFIX = ".schema.json"


def _size(text: str) -> str:
    size = len(text.encode("utf-8"))
    return f"{size} bytes" if size < 1000 else f"{size / 1000:.1f} kB"


def _about(schema_text: str | None) -> tuple[str, str]:
    if schema_text is None:
        return "", ""
    schema = json.loads(schema_text)
    return schema.get("title", ""), schema.get("description", "")


def published_list(files: Sequence[tuple[str, str]], link: Linker) -> Markup:
    """One row per published file, with the title and description of the JSON Schema beside it."""
    by_path = dict(files)
    rows = []
    for path, text in files:
        if path.endswith(SCHEMA_SUFFIX):
            continue
        schema = path.removesuffix(".json") + SCHEMA_SUFFIX if path.endswith(".json") else None
        title, description = _about(by_path.get(schema)) if schema else ("", "")
        schema_cell = (Markup('<a href="{}">{}</a>').format(link.asset(schema), schema.rsplit("/", 1)[-1])
                       if schema in by_path else Markup("—"))
        rows.append(Markup(
            '<tr><td><a href="{}"><code>{}</code></a></td><td><strong>{}</strong> {}</td><td>{}</td><td>{}</td></tr>'
        ).format(link.asset(path), path, title, inline(description), schema_cell, _size(text)))
    return Markup(
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
        '<table id="published-files"><thead><tr><th scope="col">File</th><th scope="col">What it holds</th>'
        '<th scope="col">JSON Schema</th><th scope="col">Size</th></tr></thead><tbody>{}</tbody></table></div></div>'
    ).format(join(rows))
