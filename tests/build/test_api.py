"""The published data: every JSON file under api/ has its JSON Schema beside it and matches it,
frameworks.json says what the data says, and the data page lists every published file."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from jsonschema import Draft202012Validator

from macros.model.sections.comparisons import Comparisons
from tests.helpers.data import CATALOG
from tests.helpers.datasets import DATA
from tests.helpers.project import ROOT


def api_files(site: Path) -> list[Path]:
    return sorted(p for p in (site / "api").glob("*.json") if not p.name.endswith(".schema.json"))


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def resolves(site: Path, json_file: Path, url: str) -> bool:
    """Whether a URL written in a JSON file (relative to that file) reaches a built page and,
    with a #fragment, an element with that id."""
    base = "http://site/" + json_file.relative_to(site).as_posix()
    parts = urlsplit(urljoin(base, url))
    target = site / parts.path.lstrip("/")
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return False
    return not parts.fragment or f'id="{parts.fragment}"' in target.read_text(encoding="utf-8")


def test_every_data_file_is_published_with_a_schema_it_matches(built_site):
    published = {p.stem for p in api_files(built_site)}
    for data_file in DATA.glob("*.yaml"):
        assert data_file.stem.replace("_", "-") in published, data_file.name
    for path in api_files(built_site):
        schema_file = path.with_name(path.stem + ".schema.json")
        assert schema_file.is_file(), f"{path.name} has no schema beside it"
        schema = load(schema_file)
        Draft202012Validator.check_schema(schema)
        # Standalone: a reader fetching the schema needs no other file.
        assert "common.schema.json" not in schema_file.read_text(encoding="utf-8"), schema_file.name
        errors = [e.message for e in Draft202012Validator(schema).iter_errors(load(path))]
        assert errors == [], (path.name, errors[:3])


def test_frameworks_json_says_what_the_data_says(built_site):
    data = load(built_site / "api" / "frameworks.json")
    assert [fw["id"] for fw in data["frameworks"]] == [f.id for f in CATALOG.frameworks]
    for entry, fw in zip(data["frameworks"], CATALOG.frameworks):
        assert entry["name"] == fw.name and entry["language"] == fw.language and entry["kind"] == fw.kind
        assert entry["use_cases"] == list(fw.use_cases)
        assert entry["summary"] == fw.summary
        for key in ("use_when", "best_for", "reality_check"):
            assert entry[key] == getattr(fw.rationale, key), (fw.id, key)
        for key in ("pros", "cons", "choose_when", "choose_if"):
            assert entry[key] == list(getattr(fw.rationale, key)), (fw.id, key)
        assert [(c["language"], c["use_case"]) for c in entry["cells"]] == [(c.language, c.use_case) for c in CATALOG.cells_of(fw.id)]
    cells = {(c["language"], c["use_case"]): c for c in data["cells"]}
    for cell in CATALOG.cells:
        if cell.options:
            assert cells[(cell.language, cell.use_case)]["rationale"]["pros"] == list(cell.rationale.pros)
    assert [c["id"] for c in data["comparisons"]] == [c.id for c in CATALOG.section(Comparisons).items if c.frameworks]


def test_urls_in_the_published_json_reach_their_pages(built_site):
    checked = 0
    for path in (built_site / "api" / "frameworks.json", built_site / "api" / "comparisons.json"):
        for url in re.findall(r'"url":"([^"]+)"', path.read_text(encoding="utf-8")):
            if url.startswith(("https://", "http://")):
                continue  # a fact's link or source, outside the site (tests/build/test_links.py)
            assert resolves(built_site, path, url), (path.name, url)
            checked += 1
    assert checked >= len(CATALOG.frameworks) + len(CATALOG.languages) + len(CATALOG.section(Comparisons).items)


def test_the_data_page_lists_every_published_file(built_site):
    html = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    table = html[html.index('id="published-files"'):html.index("</table>", html.index('id="published-files"'))]
    listed = re.findall(r'<td><a href="\.\./(api/[^"]+)"><code>', table)
    assert listed and sorted(listed) == sorted(p.relative_to(built_site).as_posix() for p in api_files(built_site))
    for schema in re.findall(r'<td><a href="\.\./(api/[^"]+\.schema\.json)">', table):
        assert (built_site / schema).is_file()


def test_the_example_on_the_data_page_reads_the_published_json(built_site, site_url, capsys):
    spec = importlib.util.spec_from_file_location("lightweight_frameworks", ROOT / "examples" / "api" / "lightweight_frameworks.py")
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    expected = [f.name for f in CATALOG.frameworks if "lightweight" in f.use_cases]
    assert [name for name, _ in example.frameworks_for(load(built_site / "api" / "frameworks.json"), "lightweight")] == expected
    example.main(site_url, "lightweight")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(expected)
    assert lines[0] == f"{expected[0]}: {site_url}frameworks/{CATALOG.frameworks[[f.name for f in CATALOG.frameworks].index(expected[0])].id}/"
