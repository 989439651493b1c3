"""Hostile data: an HTML/JavaScript payload appended to every text field of every data file
(found through the JSON Schemas, tests/audit/text_fields.py) and to a hand-written page's title
and description. The tests build this site once per run and check, on every page type, that the
payload reads as text and runs nothing."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.audit.text_fields import get, put, text_fields

# Breaks out of an attribute, a tag or a template if printed unescaped; shows "&amp;amp;" if escaped twice.
PAYLOAD = ('<img src=x onerror=alert(1) class=pwned>"\'><svg onload=alert(2) class=pwned></svg>'
           "<script>alert(3)</script>[link](javascript:alert(4)) {{ 6*7 }} &amp;")
VISIBLE = "<img src=x onerror=alert(1) class=pwned>"  # the payload's first part, as readers see it
# The hand-written page whose front matter carries the payload too.
FRONT_MATTER_PAGE = "data.md"


def poisoned(value: str) -> str:
    return f"{value} {PAYLOAD}"


def poison_data(data_dir: Path) -> int:
    """Append the payload to every text value of every data file; returns how many."""
    count = 0
    for stem, (data, paths) in text_fields(data_dir).items():
        for path in paths:
            put(data, path, poisoned(get(data, path)))
        count += len(paths)
        (data_dir / f"{stem}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                                               encoding="utf-8")
    return count


def poison_front_matter(docs_dir: Path) -> tuple[str, str]:
    """The payload in a hand-written page's title and description; returns both as written."""
    page = docs_dir / FRONT_MATTER_PAGE
    text = page.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    # The description stays within a link preview's 200 characters (the build checks it).
    meta["title"], meta["description"] = poisoned(meta["title"]), poisoned("Data as JSON")
    page.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n" + body,
                    encoding="utf-8")
    return meta["title"], meta["description"]
