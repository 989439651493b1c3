"""The real data loads; each broken fixture fails with exactly the errors it lists."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.helpers.data import CATALOG
from tests.helpers.datasets import (
    DATA,
    copy_data,
    error_lines,
    load_errors,
    load_fixture,
)

CASES = yaml.safe_load((Path(__file__).resolve().parent.parent / "fixtures" / "broken_cases.yaml").read_text(encoding="utf-8"))


def test_real_data_loads_with_the_guide_matrix_shape():
    catalog = CATALOG
    raw = {stem: yaml.safe_load((DATA / f"{stem}.yaml").read_text()) for stem in ("languages", "use_cases", "frameworks")}
    assert [x.id for x in catalog.languages] == [x["id"] for x in raw["languages"]["languages"]]
    assert [u.id for u in catalog.use_cases] == [u["id"] for u in raw["use_cases"]["use_cases"]]
    assert len(catalog.frameworks) == len(raw["frameworks"]["frameworks"])
    # Every language x use case pair has exactly one cell.
    assert len(catalog.cells) == len(catalog.languages) * len(catalog.use_cases)
    assert {(c.language, c.use_case) for c in catalog.cells} == {
        (x.id, u.id) for x in catalog.languages for u in catalog.use_cases
    }


def test_every_tool_the_guide_names_is_a_record():
    catalog = CATALOG
    names = {f.name for f in catalog.frameworks}
    guide_names = [
        "Django REST Framework", "Django Channels", "FastAPI", "FastAPI WebSockets", "grpcio", "Celery",
        "NestJS", "Express", "Fastify", "gRPC-js", "Bull", "Socket.IO", "Loco", "Actix Web", "Axum",
        "Tonic", "Lapin", "Gin", "Echo", "gRPC-Go", "NATS", "Gorilla WebSocket", "Rails (API Mode)",
        "Sinatra", "Roda", "grpc gem", "Sidekiq", "Action Cable", "RabbitMQ", "Apache Kafka", "Redis",
        "GORM", "sqlc", "golang-migrate", "Atlas", "SeaORM", "Diesel",
    ]
    assert [n for n in guide_names if n not in names] == []


def test_go_full_featured_cell_is_empty_by_design_with_its_explanation():
    catalog = CATALOG
    cell = catalog.cell("go", "full-featured")
    assert cell.options == ()
    assert cell.none_by_design is not None
    assert cell.none_by_design.why and cell.none_by_design.instead
    assert {"gin", "echo", "gorm", "sqlc", "golang-migrate", "atlas"} <= {
        fid for item in cell.none_by_design.instead for fid in item.frameworks
    }
    # Every other cell names at least one framework.
    assert all(c.options for c in catalog.cells if c is not cell)


def test_framework_use_cases_follow_the_matrix():
    catalog = CATALOG
    for cell in catalog.cells:
        for fid in cell.framework_ids:
            assert cell.use_case in catalog.framework(fid).use_cases


def test_minimal_fixture_is_valid(tmp_path):
    catalog = load_fixture(copy_data(tmp_path), tmp_path)
    assert [f.id for f in catalog.frameworks] == ["django", "fastapi", "gin", "rabbitmq"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_broken_data_fails_with_every_error_named(case, tmp_path):
    assert error_lines(tmp_path, case["edits"]) == case["errors"]


def test_error_summary_lists_all_errors_in_one_message(tmp_path):
    summary = load_errors(tmp_path, [
        {"file": "frameworks.yaml", "find": "language: go", "replace": "language: golang"},
        {"file": "matrix.yaml", "find": "frameworks: [django]", "replace": "frameworks: [djngo]"},
    ]).summary()
    assert summary.startswith("2 data errors; nothing was built:")
    assert "framework 'gin': language 'golang'" in summary
    assert "cell 'python × full-featured': frameworks[0] 'djngo'" in summary


def test_inlined_references_keep_keywords_beside_a_ref():
    from jsonschema import Draft202012Validator

    from macros.source.schema_check import inline_refs

    schemas = {
        "common": {"$id": "file:///s/common.schema.json", "$defs": {"ids": {"type": "array", "minItems": 1, "description": "ids"}}},
        "x": {"$id": "file:///s/x.schema.json", "properties": {
            "pair": {"$ref": "common.schema.json#/$defs/ids", "minItems": 2},
            "any": {"$ref": "common.schema.json#/$defs/ids", "description": "field's own words"}}},
    }
    inlined = inline_refs(schemas["x"], schemas, "x")
    validator = Draft202012Validator(inlined)
    assert [e.validator for e in validator.iter_errors({"pair": ["a"]})] == ["minItems"]
    assert list(validator.iter_errors({"pair": ["a", "b"], "any": ["a"]})) == []
    # The referenced definition's description is the one error messages quote.
    assert inlined["properties"]["any"]["description"] == "ids"


def test_every_framework_has_a_facts_record_with_sources():
    from macros.model.sections.facts import Facts, Sourced, Unknown

    catalog = CATALOG
    facts = catalog.section(Facts)
    assert sorted(f.id for f in catalog.frameworks) == sorted(facts.records)
    for record in facts.records.values():
        for key in record.FIELDS:
            fact = getattr(record, key)
            assert isinstance(fact, (Sourced, Unknown)), (record.id, key)
            if isinstance(fact, Sourced):
                assert fact.source.startswith("https://") and fact.checked <= facts.checked, (record.id, key)
            else:
                assert fact.why.strip(), (record.id, key)
    links = [fact.value for r in facts.records.values() for _, fact in r.links()]
    assert links and all(url.startswith("https://") for url in links)
