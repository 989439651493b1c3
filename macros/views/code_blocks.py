"""Code examples as Markdown: a caption, then a fenced block that pymdownx.snippets fills from the
file, so the page shows the file as it is (highlighted, with Material's copy button)."""

from __future__ import annotations

from pathlib import PurePosixPath

from markupsafe import Markup

from ..model.example_files import CodeExample
from .blocks import block
from .text import inline


def code_block(example: CodeExample) -> str:
    # File, section and language come from schema patterns (no quotes, no spaces), so they are
    # safe inside the fence's attributes and the snippet line.
    target = f"{example.file}:{example.section}" if example.section else example.file
    title = PurePosixPath(example.file).name
    caption = block(Markup('<p class="code-caption">{}</p>').format(inline(example.caption)))
    return f'{caption}\n``` {example.language} title="{title}"\n--8<-- "{target}"\n```\n'
