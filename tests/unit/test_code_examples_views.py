"""The code examples' views on the real data (data/code_examples.yaml): framework pages and
comparisons include the example files (never copies), say each one's lines and how it was
verified; the OpenAPI document is valid and agrees with the contract test; the published JSON
matches its schema and the files; the claims page's measurement reads bench/results/."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from jsonschema import Draft202012Validator

from macros.model import bench_results
from macros.model.routes import Linker
from macros.model.sections.code_examples import CodeExamples
from macros.model.sections.comparisons import Comparisons
from macros.source.report import Report
from macros.views import code_words
from macros.views.api_json import SCHEMA_DIR
from macros.views.framework_page import framework_page
from macros.views.sections import code_examples as view
from macros.views.sections.comparisons import comparison_page
from tests.examples import test_contract as contract
from tests.helpers.data import CATALOG
from tests.helpers.project import ROOT

EXAMPLES = CATALOG.section(CodeExamples)
COMPARISONS = CATALOG.section(Comparisons).items
SNIPPET = re.compile(r'^ *--8<-- "([^"]+)"$', re.M)
RUNS = "Runs in the test suite: a contract test starts it and checks every endpoint"


def unescaped_markdown(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def code_lines(path: str) -> list[str]:
    """The file's lines that could only come from the file (long enough to be its code)."""
    return [line.strip() for line in (ROOT / path).read_text(encoding="utf-8").splitlines() if len(line.strip()) > 25]


# ── Framework pages ─────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("framework_id", sorted({e.framework for e in EXAMPLES.examples}))
def test_each_framework_page_includes_its_examples_with_lines_and_label(framework_id):
    markdown = framework_page(CATALOG, CATALOG.framework(framework_id))
    section = markdown[markdown.index("## The same API, in code"):]
    readable = unescaped_markdown(section)
    own = EXAMPLES.of_framework(framework_id)
    assert own
    for example in own:
        assert f"### {md_heading(example.task_name)} {{ #code-{example.task} }}" in section
        label = RUNS if example.verified == "runs" else \
            f"Syntax-checked with {code_words.CHECK_TOOLS[example.check]}: its libraries cannot be installed where the tests run"
        assert f"**{view.lines_text(example)}** · {label}" in readable
        assert f'../../code-examples/#{example.task}' in section
    included = SNIPPET.findall(section)
    assert included == [f.path for e in sorted(own, key=lambda e: list(view.TASKS).index(e.task)) for f in e.files]
    # Included, not copied: no line of any file is written into the page.
    for path in included:
        assert not [line for line in code_lines(path) if line in markdown], path
    assert "styles:\n- assets/css/code.css" in markdown


def md_heading(text: str) -> str:
    return view.md_text(text)


def test_a_framework_without_examples_has_no_code_section_nor_its_css():
    without = next(f for f in CATALOG.frameworks if not EXAMPLES.of_framework(f.id))
    markdown = framework_page(CATALOG, without)
    assert "The same API, in code" not in markdown and "--8<--" not in markdown
    assert "code.css" not in markdown


def test_the_labels_say_how_each_example_was_verified():
    labels = {e.id: view.verification_label(e) for e in EXAMPLES.examples}
    assert labels["fastapi-items"] == RUNS
    assert labels["axum-items"] == "Syntax-checked with rustfmt: its libraries cannot be installed where the tests run"
    assert labels["roda-items"] == "Syntax-checked with ruby -c: its libraries cannot be installed where the tests run"
    assert {view.verification_short(e) for e in EXAMPLES.examples} == {
        "Runs in the test suite", "Syntax-checked with rustfmt", "Syntax-checked with ruby -c"}


def test_lines_count_the_frameworks_own_code_only():
    by_id = {e.id: e for e in EXAMPLES.examples}
    assert view.lines_text(by_id["fastapi-items"]) == "26 lines"
    loco = by_id["loco-items"]
    assert loco.lines == sum(f.lines for f in loco.files if not f.path.endswith((".toml", ".yaml")))
    assert view.lines_text(loco) == f"{loco.lines} lines in 2 files"
    tonic = by_id["tonic-items"]
    assert "examples/grpc/items.proto" in [f.path for f in tonic.files if not f.counted]


# ── Comparison pages ────────────────────────────────────────────────────────────────────────

def tabs_of(section: str) -> list[str]:
    return [unescaped_markdown(t) for t in re.findall(r'^=== "(.*)"$', section, re.M)]


@pytest.mark.parametrize("comparison", [c for c in COMPARISONS if view.shared_tasks(EXAMPLES, c.frameworks)], ids=lambda c: c.id)
def test_each_comparison_shows_the_compared_frameworks_code_in_tabs(comparison):
    markdown = comparison_page(CATALOG, comparison)
    section = markdown[markdown.index("## The same API, in code"):]
    for task, found in view.shared_tasks(EXAMPLES, comparison.frameworks):
        part = section[section.index(f"{{ #code-{task} }}"):]
        part = part[: part.find("\n### ") if "\n### " in part else None]
        assert tabs_of(part) == [CATALOG.framework(e.framework).name for e in found]
        assert [e.framework for e in found] == [f for f in comparison.frameworks if f in {e.framework for e in found}]
        included = SNIPPET.findall(part)
        for example in found:
            # Each one's own code; a file all of them share (the .proto) above the tabs.
            assert all(f.path in included for f in example.files if f.counted or all(f in e.files for e in found))
            assert not [f for f in example.files if not f.counted and f.path in included and not f.path.endswith(".proto")]
            assert f"**{view.lines_text(example)}** · {view.verification_label(example)}" in unescaped_markdown(part)
        # A file every one of them includes (the shared .proto) once, above the tabs.
        assert len(included) == len(set(included))
    assert "- assets/css/code.css" in markdown


def test_comparisons_without_a_shared_task_show_no_code():
    for comparison in COMPARISONS:
        if not view.shared_tasks(EXAMPLES, comparison.frameworks):
            markdown = comparison_page(CATALOG, comparison)
            assert "The same API, in code" not in markdown and "code.css" not in markdown, comparison.id
    assert any(not view.shared_tasks(EXAMPLES, c.frameworks) for c in COMPARISONS)


def test_a_framework_without_the_task_is_named_under_its_tabs():
    # Gorilla WebSocket has an echo but no items API: the items tabs say so.
    section = "".join(view.comparison_section(CATALOG, EXAMPLES, ("gorilla-websocket", "actix-web", "axum"),
                                              Linker("compare/x.md")))
    assert 'No example of the items API for <a href="../../frameworks/gorilla-websocket/">Gorilla WebSocket</a>' in section


def test_a_comparison_leads_with_the_task_most_of_its_frameworks_share():
    tasks = view.shared_tasks(EXAMPLES, ("gorilla-websocket", "actix-web", "axum"))
    assert [(task, len(found)) for task, found in tasks] == [("websocket-echo", 3), ("items", 2)]
    assert [task for task, _ in view.shared_tasks(EXAMPLES, ("actix-web", "axum"))] == ["items", "websocket-echo"]


def test_tab_titles_carry_no_markup_from_the_data():
    title = view.tab_title('<img src=x onerror=alert(1)>"\'><b>**x**</b> [l](javascript:1)')
    assert "<" not in title and '"' not in title and "](" not in title


# ── The OpenAPI document and the contract test ──────────────────────────────────────────────

def openapi():
    return view.openapi_document(EXAMPLES.api)


def test_the_openapi_document_is_valid_openapi_3_1():
    try:
        from openapi_spec_validator import validate
        from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
    except ImportError:  # pragma: no cover - the dev requirements install it
        pytest.fail("openapi-spec-validator is not installed: it belongs in requirements-dev.in")
    document = openapi()
    assert document["openapi"].startswith("3.1.")
    validate(document)
    # And a broken one is refused (a path parameter must be required): the validator checks 3.1.
    broken = json.loads(json.dumps(document))
    broken["paths"]["/items/{id}"]["get"]["parameters"][0]["required"] = False
    with pytest.raises(OpenAPIValidationError):
        validate(broken)


def test_the_document_has_the_three_operations_with_their_replies():
    paths = openapi()["paths"]
    assert set(paths) == {"/items", "/items/{id}"}
    assert set(paths["/items"]) == {"get", "post"} and set(paths["/items/{id}"]) == {"get"}
    assert set(paths["/items"]["post"]["responses"]) == {"201", "400", "422"}
    assert set(paths["/items/{id}"]["get"]["responses"]) == {"200", "404"}
    assert paths["/items"]["get"]["responses"]["200"]["content"]["application/json"]["example"] == list(contract.SEED)


def test_the_document_and_the_contract_test_read_the_same_fields_and_limits():
    schemas = openapi()["components"]["schemas"]
    assert contract.FIELDS == {f["name"]: f for f in contract.API["fields"]}
    for name, field in contract.FIELDS.items():
        prop = schemas["Item"]["properties"][name]
        assert prop["type"] == field["type"]
        for ours, theirs in (("min_length", "minLength"), ("max_length", "maxLength"), ("minimum", "minimum")):
            assert prop.get(theirs) == field.get(ours), (name, ours)
        assert (name in schemas["NewItem"]["properties"]) == (not field.get("server_assigned", False))


def test_what_the_contract_test_sends_is_what_the_document_allows():
    schemas = openapi()["components"]["schemas"]
    item, new_item = Draft202012Validator(schemas["Item"]), Draft202012Validator(schemas["NewItem"])
    for seeded in contract.SEED:
        assert list(item.iter_errors(seeded)) == []
    assert list(new_item.iter_errors(contract.NEW_ITEM)) == []
    assert len(contract.INVALID_ITEMS) >= 6
    for body, field in contract.INVALID_ITEMS:
        errors = list(new_item.iter_errors(body))
        assert errors, f"the document accepts {body}, which the contract test expects refused"
        named = {e.path[0] if e.path else e.message.split("'")[1] for e in errors}
        assert field in named, (body, field, [e.message for e in errors])


# ── api/code-examples.json ──────────────────────────────────────────────────────────────────

def published() -> dict[str, str]:
    return dict(view.published(CATALOG, EXAMPLES))


def test_code_examples_json_matches_its_schema_and_the_files():
    files = published()
    data = json.loads(files["api/code-examples.json"])
    schema = json.loads((SCHEMA_DIR / "code-examples.schema.json").read_text(encoding="utf-8"))
    assert files["api/code-examples.schema.json"] == (SCHEMA_DIR / "code-examples.schema.json").read_text(encoding="utf-8")
    Draft202012Validator.check_schema(schema)
    assert [e.message for e in Draft202012Validator(schema).iter_errors(data)] == []
    assert sorted(e["id"] for e in data["examples"]) == sorted(e.id for e in EXAMPLES.examples)
    by_id = {e.id: e for e in EXAMPLES.examples}
    for entry in data["examples"]:
        example = by_id[entry["id"]]
        assert (entry["framework"], entry["task"], entry["lines"], entry["verified"], entry["check"]) == (
            example.framework, example.task, example.lines, example.verified, example.check)
        assert entry["label"] == view.verification_label(example)
        assert entry["url"] == f"../frameworks/{example.framework}/#code-{example.task}"
        assert [f["path"] for f in entry["files"]] == [f.path for f in example.files]
        for file in entry["files"]:
            assert file["text"] == (ROOT / file["path"]).read_text(encoding="utf-8")


def test_the_openapi_document_is_published_with_its_outline_schema():
    files = published()
    document = json.loads(files["api/items-openapi.json"])
    assert document == openapi()
    schema = json.loads(files["api/items-openapi.schema.json"])
    assert [e.message for e in Draft202012Validator(schema).iter_errors(document)] == []
    assert list(Draft202012Validator(schema).iter_errors({"openapi": "3.0.0", "info": {}, "paths": {}}))


# ── The measurement on the claims page ──────────────────────────────────────────────────────

BENCH = json.loads((ROOT / "bench" / "results" / "frameworks.json").read_text(encoding="utf-8"))


def test_the_claims_page_shows_the_measurement_labelled_as_the_sites():
    html = view.bench_section(CATALOG, EXAMPLES, Linker("claims.md"))
    assert "The site&#39;s measurement, not the guide&#39;s claims" in html and "one machine" in html and "tiny" in html
    assert BENCH["date"] in html and BENCH["machine"]["cpu"] in html
    assert f"<code>{BENCH['command']}</code>" in html
    for result in BENCH["results"]:
        name = CATALOG.framework(result["framework"]).name
        row = re.search(rf'<tr><th scope="row"><a href="[^"]+">{re.escape(name)}</a></th>(.*?)</tr>', html)
        assert row, name
        assert f"<td>{result['requests_per_sec']:,.0f}</td><td>{result['peak_rss_mb']:.1f}</td>" in row.group(1)
    # Beside the guide's rules of thumb: FastAPI against Django REST Framework, measured here.
    ratio = next(r for r in BENCH["results"] if r["framework"] == "fastapi")["requests_per_sec"] / next(
        r for r in BENCH["results"] if r["framework"] == "django-rest-framework")["requests_per_sec"]
    assert f"FastAPI ÷ Django REST Framework: <strong>{ratio:.1f}x</strong>" in html


def test_without_a_measurement_the_claims_page_says_so():
    html = view.bench_section(CATALOG, dataclasses.replace(EXAMPLES, bench=None), Linker("claims.md"))
    assert "Not measured yet" in html and "make bench-frameworks" in html


def test_a_measurement_without_its_fields_fails_the_build_naming_them(tmp_path):
    broken = tmp_path / bench_results.RESULTS_FILE
    broken.parent.mkdir(parents=True)
    broken.write_text(json.dumps({**BENCH, "results": [{"example": "fastapi-items"}], "machine": {}}), encoding="utf-8")
    report = Report()
    assert bench_results.read_bench_results(tmp_path, report) is None
    [error] = report.errors
    assert error.file == "bench/results/frameworks.json"
    assert "results[0].requests_per_sec" in error.message and "results[0].peak_rss_mb" in error.message
    assert "machine.cpu" in error.message and "make bench-frameworks" in error.message


def test_a_measurement_that_is_not_json_is_a_data_error_not_a_traceback(tmp_path):
    broken = tmp_path / bench_results.RESULTS_FILE
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b'{"date": \xff')
    report = Report()
    assert bench_results.read_bench_results(tmp_path, report) is None
    assert [e.file for e in report.errors] == ["bench/results/frameworks.json"]
    assert "not JSON" in report.errors[0].message


def test_without_a_measurement_file_nothing_is_reported(tmp_path):
    report = Report()
    assert bench_results.read_bench_results(tmp_path, report) is None and report.errors == []
