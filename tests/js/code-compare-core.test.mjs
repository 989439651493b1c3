// Unit tests of the compare page's code section logic (docs/assets/js/code-compare-core.mjs),
// without a browser, on a small data set in the shape of api/code-examples.json.
import assert from "node:assert/strict";
import { test } from "node:test";

import { linesText, sharedFile, sharedTasks, statusText, tabFiles } from "../../docs/assets/js/code-compare-core.mjs";

const file = (path, counted = true, lines = 10) => ({ path, title: path.replace("examples/", ""), language: "text", lines, counted, text: "x" });
const PROTO = "examples/grpc/items.proto";
const example = (framework, task, files, lines) => ({
  id: `${framework}-${task}`, framework, framework_name: framework.toUpperCase(), url: `../frameworks/${framework}/#code-${task}`,
  task, lines, verified: "runs", check: null, label: "Runs in the test suite", endpoint: null, files,
});
const DATA = {
  tasks: [{ id: "items", name: "Items API" }, { id: "websocket-echo", name: "WebSocket echo" }, { id: "grpc-items", name: "gRPC service" }],
  examples: [
    example("fastapi", "items", [file("examples/items/fastapi/main.py")], 26),
    example("gin", "items", [file("examples/items/gin/main.go")], 58),
    example("axum", "items", [file("examples/items/axum/src/main.rs"), file("examples/items/axum/Cargo.toml", false)], 83),
    example("axum", "websocket-echo", [file("examples/websocket/axum/src/main.rs")], 32),
    example("gorilla", "websocket-echo", [file("examples/websocket/gorilla/main.go")], 30),
    example("actix", "websocket-echo", [file("examples/websocket/actix/src/main.rs")], 33),
    example("grpc-go", "grpc-items", [file(PROTO, false), file("examples/grpc/grpc-go/main.go")], 39),
    example("tonic", "grpc-items", [file(PROTO, false), file("examples/grpc/tonic/src/main.rs", true, 51),
      file("examples/grpc/tonic/build.rs", true, 5)], 56),
  ],
};

test("a task shows when at least two chosen frameworks have it, in the order chosen", () => {
  const tasks = sharedTasks(DATA, ["gin", "fastapi"]);
  assert.deepEqual(tasks.map((t) => t.task.id), ["items"]);
  assert.deepEqual(tasks[0].examples.map((e) => e.framework), ["gin", "fastapi"]);
  assert.deepEqual(tasks[0].without, []);
});

test("tasks follow the data's order, and name the chosen frameworks without an example", () => {
  const tasks = sharedTasks(DATA, ["gorilla", "axum", "gin"]);
  assert.deepEqual(tasks.map((t) => t.task.id), ["items", "websocket-echo"]);
  assert.deepEqual(tasks[0].without, ["gorilla"]);
  assert.deepEqual(tasks[1].without, ["gin"]);
});

test("the task most of the chosen frameworks have comes first", () => {
  const tasks = sharedTasks(DATA, ["gin", "gorilla", "actix", "axum"]);
  assert.deepEqual(tasks.map((t) => [t.task.id, t.examples.length]), [["websocket-echo", 3], ["items", 2]]);
});

test("one framework alone, or frameworks with no common task, show no tabs", () => {
  assert.deepEqual(sharedTasks(DATA, ["fastapi"]), []);
  assert.deepEqual(sharedTasks(DATA, ["fastapi", "gorilla"]), []);
  assert.deepEqual(sharedTasks(DATA, ["celery", "kafka"]), []);
});

test("the shared .proto is shown once, above the tabs, not in each tab", () => {
  const [grpc] = sharedTasks(DATA, ["grpc-go", "tonic"]);
  assert.equal(grpc.shared, PROTO);
  assert.deepEqual(tabFiles(grpc.examples[1]).map((f) => f.path),
    ["examples/grpc/tonic/src/main.rs", "examples/grpc/tonic/build.rs"]);
  // A manifest only one example has is not shared, and its tab shows the code only.
  assert.equal(sharedFile([DATA.examples[1], DATA.examples[2]]), null);
  assert.deepEqual(tabFiles(DATA.examples[2]).map((f) => f.path), ["examples/items/axum/src/main.rs"]);
});

test("lines read as the pages say them", () => {
  assert.equal(linesText(DATA.examples[0]), "26 lines");
  assert.equal(linesText(DATA.examples[2]), "83 lines"); // the manifest is not counted
  assert.equal(linesText(DATA.examples.at(-1)), "56 lines in 2 files");
  assert.equal(linesText({ lines: 1, files: [file("a")] }), "1 line");
});

test("the status line says what is missing, and nothing when tabs show", () => {
  assert.match(statusText(DATA, []), /Choose two frameworks/);
  assert.match(statusText(DATA, ["gin"]), /Choose two frameworks/);
  assert.equal(statusText(DATA, ["gin", "fastapi"]), "");
  assert.equal(statusText(DATA, ["fastapi", "gorilla"]),
    "These frameworks have no example of the same task. The code of FASTAPI, GORILLA is on their pages.");
  assert.equal(statusText(DATA, ["fastapi", "celery"]),
    "These frameworks have no example of the same task. The code of FASTAPI is on its page.");
  assert.equal(statusText(DATA, ["celery", "kafka"]), "None of these frameworks has a code example on this site.");
});
