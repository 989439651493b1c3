// The stack composer's pure logic (docs/assets/js/stack-core.mjs), with Node's built-in test
// runner, on a small stack in the shape of api/stack.json. (tests/unit/test_stack.py runs the
// same module on the real data and compares every stack with the build's.)
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  boxText, compose, composeYaml, defaults, languagesOf, lineText, parseQuery, serialise, stackRecord,
} from "../../docs/assets/js/stack-core.mjs";

const fw = (name, language, kind, kindName = kind) => ({
  name, language, kind, kind_name: kindName, url: `../frameworks/${name.split(" ")[0].toLowerCase()}/` });

const DATA = {
  slots: [
    { id: "full-featured", name: "Full-featured", node: "full-featured", port: 8000, default: "drf",
      component: { name: "Django", frameworks: [], detail: null },
      picks: [{ id: "drf", members: ["drf"], name: "DRF", language: "python" }, { id: "rails", members: ["rails"], name: "Rails <x>", language: "ruby" }] },
    { id: "jobs", name: "Jobs", node: "broker", port: null, default: "celery",
      component: { name: "RabbitMQ", frameworks: ["rabbitmq"], detail: "async jobs" },
      picks: [{ id: "celery", members: ["celery", "rabbitmq"], name: "Celery + RabbitMQ", language: "python" },
        { id: "bull", members: ["bull", "redis"], name: "Bull + Redis", language: "node" },
        { id: "grpc-go", members: ["grpc-go"], name: "gRPC-Go", language: "go" },
        { id: "nats", members: ["nats"], name: "NATS", language: null }] },
    { id: "lightweight", name: "Lightweight", node: "lightweight", port: 9000, default: "gin",
      component: { name: "Gin", frameworks: ["gin"], detail: null },
      picks: [{ id: "gin", members: ["gin"], name: "Gin", language: "go" }, { id: "drf", members: ["drf"], name: "DRF", language: "python" }] },
  ],
  boxes: {
    gateway: { name: "API Gateway", detail: "Traefik", frameworks: ["traefik"], role: "gateway" },
    redis: { name: "Redis", detail: "cache/jobs", frameworks: ["redis"], role: "store" },
  },
  lines: [
    { from: "gateway", to: "full-featured", protocol: "REST", names: [] },
    { from: "gateway", to: "lightweight", protocol: "gRPC", names: [] },
    { from: "full-featured", to: "broker", protocol: "async jobs", names: [] },
    { from: "lightweight", to: "broker", protocol: "async jobs", names: [] },
    { from: "full-featured", to: "redis", protocol: "Bull queue", names: ["bull"] },
  ],
  worker_line: "picks up background job",
  rpc_protocol: "gRPC",
  kinds: { broker: ["broker", "datastore"], worker: ["task-queue"], rpc: ["rpc"] },
  frameworks: {
    drf: fw("DRF", "python", "web-framework"), rails: fw("Rails <x>", "ruby", "web-framework"), gin: fw("Gin", "go", "web-framework"),
    celery: fw("Celery", "python", "task-queue", "Task queue"), rabbitmq: fw("RabbitMQ", null, "broker", "Message broker"),
    bull: fw("Bull", "node", "task-queue", "Task queue"), redis: fw("Redis", null, "datastore", "Datastore"),
    "grpc-go": fw("gRPC-Go", "go", "rpc"), nats: fw("NATS", null, "broker", "Message broker"), traefik: fw("Traefik", null, "gateway"),
  },
  languages: { python: "Python", ruby: "Ruby", go: "Go", node: "Node.js" },
  images: { rabbitmq: "rabbitmq", redis: "redis", nats: "nats" },
  images_checked: "2026-11-29",
  gateway_service: { name: "traefik", settings: { image: "traefik:v2.10", ports: ["80:80"] } },
  compose_header: ["# A sketch."],
  cautions: [{ label: "DON'T", lines: ["**Use 4 languages** from day one"] }],
  urls: { stack: "../stack/" },
};

test("the address names one pick per slot, in the slots' order, and round-trips", () => {
  const picks = { "full-featured": "rails", jobs: "bull", lightweight: "drf" };
  const search = serialise(picks, DATA);
  assert.equal(search, "?full-featured=rails&jobs=bull&lightweight=drf");
  assert.deepEqual(parseQuery(search, DATA), { picks, unknown: [] });
  assert.deepEqual(parseQuery("", DATA), { picks: defaults(DATA), unknown: [] });
  assert.deepEqual(parseQuery("?lightweight=%20DRF%20", DATA).picks.lightweight, "drf"); // trimmed, any case
});

test("an id a slot does not offer is named, and the slot keeps the guide's pick", () => {
  const { picks, unknown } = parseQuery("?full-featured=djngo&jobs=rails&other=x&lightweight=", DATA);
  assert.deepEqual(picks, defaults(DATA));
  assert.deepEqual(unknown, [
    { slot: "full-featured", name: "Full-featured", value: "djngo" },
    { slot: "jobs", name: "Jobs", value: "rails" }, // a known framework, but not a choice of this slot
    { slot: "lightweight", name: "Lightweight", value: "" },
  ]);
  assert.deepEqual(parseQuery("?full-featured=constructor&jobs=__proto__", DATA).picks, defaults(DATA));
});

test("the guide's stack: each slot on its port, the broker and its worker, no line of a framework it lacks", () => {
  const c = compose(DATA, defaults(DATA));
  assert.deepEqual([...c.boxes.keys()], ["gateway", "full-featured", "lightweight", "broker", "worker", "redis"]);
  assert.deepEqual([...c.boxes.values()].map(boxText), [
    "API Gateway: Traefik", "DRF: Python, port 8000 (Full-featured)", "Gin: Go, port 9000 (Lightweight)",
    "RabbitMQ: async jobs (Jobs)", "Celery worker: Task queue", "Redis: cache/jobs"]);
  assert.deepEqual(c.lines.map((line) => lineText(c, line)), [
    "API Gateway → DRF: REST", "API Gateway → Gin: gRPC", "DRF → RabbitMQ: async jobs", "Gin → RabbitMQ: async jobs",
    "RabbitMQ → Celery worker: picks up background job"]);
});

test("a queue on a store makes the store the broker, and its framework's own line appears", () => {
  const c = compose(DATA, { ...defaults(DATA), jobs: "bull" });
  assert.ok(!c.boxes.has("broker"));
  assert.equal(boxText(c.boxes.get("redis")), "Redis: cache/jobs (Jobs)");
  assert.deepEqual(c.lines.map((line) => lineText(c, line)).slice(2), [
    "DRF → Redis: async jobs, Bull queue", "Gin → Redis: async jobs", "Redis → Bull worker: picks up background job"]);
});

test("an RPC pick names itself on the lines of its protocol; a broker pick of another kind says its kind", () => {
  const rpc = compose(DATA, { ...defaults(DATA), jobs: "grpc-go" });
  assert.deepEqual(rpc.lines.map((line) => lineText(rpc, line)).slice(0, 2), ["API Gateway → DRF: REST", "API Gateway → Gin: gRPC (gRPC-Go)"]);
  assert.ok(!rpc.boxes.has("worker") && rpc.boxes.get("broker").name === "RabbitMQ");
  const nats = compose(DATA, { ...defaults(DATA), jobs: "nats" });
  assert.equal(boxText(nats.boxes.get("broker")), "NATS: Message broker (Jobs)");
});

test("the compose sketch: the gateway, a service per slot behind it, the worker, the broker, the stores", () => {
  const text = composeYaml(DATA, compose(DATA, defaults(DATA)));
  assert.equal(text, [
    "# A sketch.", "services:",
    "  traefik:", '    image: "traefik:v2.10"', "    ports:", '      - "80:80"',
    "  drf:", '    build: "./drf"', "    expose:", '      - "8000"', "    labels:", '      - "traefik.enable=true"',
    '      - "traefik.http.routers.drf.rule=Host(`drf.example.com`)"', '      - "traefik.http.routers.drf.tls.certresolver=letsencrypt"',
    '      - "traefik.http.services.drf.loadbalancer.server.port=8000"', "    depends_on:", '      - "rabbitmq"',
    "  gin:", '    build: "./gin"', "    expose:", '      - "9000"', "    labels:", '      - "traefik.enable=true"',
    '      - "traefik.http.routers.gin.rule=Host(`gin.example.com`)"', '      - "traefik.http.routers.gin.tls.certresolver=letsencrypt"',
    '      - "traefik.http.services.gin.loadbalancer.server.port=9000"', '      - "traefik.http.services.gin.loadbalancer.server.scheme=h2c"',
    "    depends_on:", '      - "rabbitmq"',
    "  celery-worker:", '    build: "./celery-worker"', "    depends_on:", '      - "rabbitmq"',
    "  rabbitmq:", '    image: "rabbitmq"',
    "  redis:", '    image: "redis"', ""].join("\n"));
});

test("one framework in two slots runs as two services", () => {
  const c = compose(DATA, { ...defaults(DATA), lightweight: "drf" });
  assert.deepEqual([...c.services.keys()], ["traefik", "drf", "drf-lightweight", "celery-worker", "rabbitmq", "redis"]);
});

test("the decision record: the picks with their languages and ports, the lines, the cautions, the sketch", () => {
  const picks = { ...defaults(DATA), "full-featured": "rails" };
  const text = stackRecord(DATA, picks, { url: "https://example.org/stack/?x", base: "https://example.org/api/stack.json", date: "2026-11-29" });
  const headings = text.split("\n").filter((line) => line.startsWith("## "));
  assert.deepEqual(headings, ["## Context", "## Decision", "## Consequences", "## Compose sketch"]);
  assert.ok(text.startsWith("# Polyglot stack: Rails \\<x>, Celery + RabbitMQ, Gin\n"));
  assert.ok(text.includes("- **Full-featured**: [Rails \\<x>](https://example.org/frameworks/rails/) (Ruby, port 8000)"));
  assert.ok(text.includes("- **Jobs**: [Celery](https://example.org/frameworks/celery/) + [RabbitMQ](https://example.org/frameworks/rabbitmq/) (Python)"));
  assert.ok(text.includes("1. API Gateway → Rails \\<x>: REST"));
  assert.ok(text.includes("- Languages to run: Ruby, Python, Go (3)"));
  assert.ok(text.includes("- DON'T: **Use 4 languages** from day one"));
  assert.ok(text.includes("```yaml\n# A sketch.\nservices:\n") && text.endsWith("```\n"));
  assert.ok(!/(^|[^\\])<(?!https)/.test(text.slice(0, text.indexOf("```yaml"))), "every < of data is escaped");
  assert.deepEqual(languagesOf(DATA, picks), ["Ruby", "Python", "Go"]);
});
