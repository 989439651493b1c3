// Unit tests of the compare page's logic (docs/assets/js/compare-core.mjs), without a browser.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  buildRows, cellLabel, curatedIncluding, findFramework, isSame, mergeCells, normalise,
  parseQuery, serialise, valueOf, visibleRows,
} from "../../docs/assets/js/compare-core.mjs";

// A small data set in the shape of api/frameworks.json.
const rationale = (fields = {}) => ({
  use_when: null, best_for: null, pros: [], cons: [], choose_when: [], choose_if: [], reality_check: null, ...fields,
});
const framework = (id, name, language, fields = {}) => ({
  id, name, url: `../frameworks/${id}/`, language, kind: "web-framework", part_of: null, summary: `${name} summary`,
  use_cases: ["lightweight"], cells: [], values: {}, ...rationale(), ...fields,
});
const DATA = {
  fields: [
    { key: "summary", label: "What it is", type: "text", list: false },
    { key: "language", label: "Language", type: "language", list: false },
    { key: "kind", label: "Kind", type: "kind", list: false },
    { key: "matrix", label: "In the matrix", type: "cells", list: true },
    { key: "use_when", label: "Use when", type: "rationale", list: false },
    { key: "pros", label: "Pros", type: "rationale", list: true },
    { key: "reality_check", label: "Reality check", type: "rationale", list: false },
  ],
  languages: [
    { id: "python", name: "Python", tagline: "The comfortable choice", url: "../languages/python/" },
    { id: "go", name: "Go", tagline: "The performance choice", url: "../languages/go/" },
  ],
  use_cases: [{ id: "lightweight", name: "Lightweight Microservices", short_name: "Lightweight", url: "../use-cases/lightweight/" }],
  kinds: [{ id: "web-framework", name: "Web framework" }],
  cells: [{
    language: "go", use_case: "lightweight", url: "../languages/go/#lightweight", options: [["gin"], ["echo"]],
    rationale: rationale({ use_when: "You need speed.", pros: ["Single binary"] }),
  }, {
    language: "python", use_case: "lightweight", url: "../languages/python/#lightweight", options: [["fastapi", "celery"]],
    rationale: rationale({ pros: ["Said of the cell"] }),
  }],
  frameworks: [
    framework("fastapi", "FastAPI", "python", { use_when: "Python's ease.", pros: ["**Fast**", "Docs"] }),
    framework("gin", "Gin", "go", { cells: [{ language: "go", use_case: "lightweight" }] }),
    framework("echo", "Echo", "go", { cells: [{ language: "go", use_case: "lightweight" }] }),
    framework("celery", "Celery", "python", { cells: [{ language: "python", use_case: "lightweight" }] }),
  ],
  comparisons: [{ id: "gin-vs-echo", title: "Gin vs Echo", url: "../compare/gin-vs-echo/", frameworks: ["gin", "echo"] }],
};
const ORDER = DATA.frameworks.map((fw) => fw.id);
const byId = (id) => DATA.frameworks.find((fw) => fw.id === id);

test("the query gives trimmed, lower-cased ids without empties or repeats", () => {
  assert.deepEqual(parseQuery("?frameworks=Gin,%20fastapi,,gin"), ["gin", "fastapi"]);
  assert.deepEqual(parseQuery("?other=1"), []);
  assert.deepEqual(parseQuery(""), []);
});

test("normalising puts known ids in canonical order and names unknown and surplus ones", () => {
  assert.deepEqual(normalise(["echo", "nope", "fastapi"], ORDER, 4), { known: ["fastapi", "echo"], unknown: ["nope"], dropped: [] });
  const limited = normalise(["celery", "echo", "gin", "fastapi"], ORDER, 2);
  assert.deepEqual(limited.known, ["fastapi", "gin"]);
  assert.deepEqual(limited.dropped, ["echo", "celery"]);
});

test("the same set always gives the same address", () => {
  const addresses = new Set(
    [["gin", "fastapi", "echo"], ["echo", "gin", "fastapi"], ["fastapi", "echo", "gin"]]
      .map((ids) => serialise(normalise(ids, ORDER, 4).known)),
  );
  assert.deepEqual([...addresses], ["?frameworks=fastapi,gin,echo"]);
  assert.equal(serialise([]), "");
  // Round trip: what serialise writes, parseQuery reads back.
  assert.deepEqual(parseQuery(serialise(["fastapi", "gin"])), ["fastapi", "gin"]);
});

test("the picker finds a framework by name in any case, or by id", () => {
  assert.equal(findFramework(DATA, " fastAPI ").id, "fastapi");
  assert.equal(findFramework(DATA, "echo").id, "echo");
  assert.equal(findFramework(DATA, "Flask"), null);
  assert.equal(findFramework(DATA, "  "), null);
});

test("a framework's rationale is its own, then its matrix cells', labelled", () => {
  const field = DATA.fields.find((f) => f.key === "pros");
  assert.deepEqual(valueOf(DATA, byId("fastapi"), field), [
    { source: null, items: [{ text: "**Fast**", href: null }, { text: "Docs", href: null }] },
  ]);
  assert.deepEqual(valueOf(DATA, byId("gin"), field), [
    { source: "Go × Lightweight", items: [{ text: "Single binary", href: null }] },
  ]);
  assert.equal(cellLabel(DATA, { language: "go", use_case: "lightweight" }), "Go × Lightweight");
  // Part of a combination only: the cell's words are not about it.
  assert.deepEqual(valueOf(DATA, byId("celery"), field), []);
});

test("figures and facts come as the data computes them; none is an empty value", () => {
  const figures = { key: "claims.speed", label: "Speed", type: "claims", list: false };
  const licence = { key: "facts.license", label: "Licence", type: "facts", list: false };
  const speed = [{ source: null, items: [{ text: "10–40x against Python", href: null,
                                         note: { text: "the guide's figures differ", href: "../claims/#x" } }] }];
  const mit = [{ source: null, items: [{ text: "MIT", href: "https://example.org/LICENSE" }] }];
  const fw = framework("gin", "Gin", "go", { values: { "claims.speed": speed, "facts.license": mit } });
  assert.deepEqual(valueOf(DATA, fw, figures), speed);
  assert.deepEqual(valueOf(DATA, fw, licence), mit);
  assert.deepEqual(valueOf(DATA, byId("fastapi"), figures), []);
});

test("rows leave out fields empty for every framework and know when all values are equal", () => {
  const rows = buildRows(DATA, [byId("gin"), byId("echo")]);
  const keys = rows.map((row) => row.field.key);
  assert.deepEqual(keys, ["summary", "language", "kind", "matrix", "use_when", "pros"]);
  const same = rows.filter((row) => row.same).map((row) => row.field.key);
  assert.deepEqual(same, ["language", "kind", "matrix", "use_when", "pros"]);
  assert.deepEqual(visibleRows(rows, true).map((row) => row.field.key), ["summary"]);
  assert.equal(visibleRows(rows, false).length, rows.length);
});

test("adjacent equal values share a cell; empty values never merge", () => {
  const a = [{ source: null, items: [{ text: "A", href: null }] }];
  const b = [{ source: null, items: [{ text: "B", href: null }] }];
  assert.deepEqual(mergeCells([a, a, b, a]).map((run) => run.span), [2, 1, 1]);
  assert.deepEqual(mergeCells([[], []]).map((run) => run.span), [1, 1]);
  assert.ok(isSame([a, a]));
  assert.ok(!isSame([a, b]));
});

test("curated comparisons that include every chosen framework", () => {
  assert.deepEqual(curatedIncluding(DATA, ["gin"]).map((c) => c.id), ["gin-vs-echo"]);
  assert.deepEqual(curatedIncluding(DATA, ["gin", "fastapi"]), []);
  assert.deepEqual(curatedIncluding(DATA, []), []);
});

test("a language is linked with its tagline for the link's full name", () => {
  const field = DATA.fields.find((f) => f.type === "language");
  assert.deepEqual(valueOf(DATA, byId("gin"), field), [
    { source: null, items: [{ text: "Go", href: "../languages/go/", hidden: "The performance choice" }] },
  ]);
});
