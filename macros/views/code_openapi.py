"""The items API of the code examples as an OpenAPI 3.1 document (api/items-openapi.json), made
from `api` in data/code_examples.yaml: the contract every items example implements."""

from __future__ import annotations

from typing import Any

from ..model.sections.code_examples import ApiField, CommonApi
from .text import plain

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"  # the document's own version: the items API has had one shape


def _field_schema(field: ApiField) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": field.type, "description": plain(field.description)}
    for key, value in (("minLength", field.min_length), ("maxLength", field.max_length), ("minimum", field.minimum)):
        if value is not None:
            schema[key] = value
    return schema


def item_schemas(api: CommonApi) -> dict[str, dict]:
    """Item (what the server returns) and NewItem (what a client sends to create one), with the
    data's types and limits; Error, the JSON object of a 4xx reply."""
    sent = [f for f in api.fields if not f.server_assigned]
    return {
        "Item": {"type": "object", "required": [f.name for f in api.fields],
                 "properties": {f.name: _field_schema(f) for f in api.fields}},
        "NewItem": {"type": "object", "required": [f.name for f in sent],
                    "properties": {f.name: _field_schema(f) for f in sent}},
        "Error": {"type": "object", "description": "A JSON object saying what went wrong; for an invalid item, its text "
                                                   "names the invalid field. Each framework words it its own way."},
    }


def openapi_document(api: CommonApi) -> dict[str, Any]:
    """The items API as an OpenAPI 3.1 document, from `api` in data/code_examples.yaml: the three
    operations, Item / NewItem / Error with the fields' limits, and examples from the seed."""
    seed = [dict(item) for item in api.seed]
    server_assigned = {f.name for f in api.fields if f.server_assigned}
    id_field = next((f.name for f in api.fields if f.server_assigned and f.type == "integer"), "id")
    new_item = {k: v for k, v in seed[-1].items() if k not in server_assigned}
    created = {id_field: max(item.get(id_field, 0) for item in seed) + 1, **new_item}

    def ref(name: str) -> dict:
        return {"$ref": f"#/components/schemas/{name}"}

    def json_body(description: str, schema: dict, example: Any = None) -> dict:
        content: dict[str, Any] = {"schema": schema}
        if example is not None:
            content["example"] = example
        return {"description": description, "content": {"application/json": content}}

    invalid = json_body("The body is not a valid item: the error names the invalid field.", ref("Error"))
    return {
        "openapi": OPENAPI_VERSION,
        "info": {"title": plain(api.title), "version": API_VERSION, "description": plain(api.description)},
        "paths": {
            "/items": {
                "get": {"operationId": "listItems", "summary": "List the items",
                        "responses": {"200": json_body("Every item.", {"type": "array", "items": ref("Item")}, seed)}},
                "post": {"operationId": "createItem", "summary": "Create an item",
                         "requestBody": {"required": True, "content": {"application/json": {
                             "schema": ref("NewItem"), "example": new_item}}},
                         "responses": {"201": json_body("The item created, with its id.", ref("Item"), created),
                                       "400": invalid, "422": invalid}},
            },
            "/items/{" + id_field + "}": {
                "get": {"operationId": "getItem", "summary": "Get an item by its id",
                        "parameters": [{"name": id_field, "in": "path", "required": True, "schema": {"type": "integer"},
                                        "example": seed[0].get(id_field)}],
                        "responses": {"200": json_body("The item.", ref("Item"), seed[0]),
                                      "404": json_body("No item has this id.", ref("Error"))}},
            },
        },
        "components": {"schemas": item_schemas(api)},
    }


