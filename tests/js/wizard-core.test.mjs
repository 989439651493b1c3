// The wizard's pure logic (docs/assets/js/wizard-core.mjs), with Node's built-in test runner.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  allPaths, answer, compareUrl, decisionRecord, decodePath, encodePath, frameworksById, idsOf,
  pageUrl, recordFileName, stackPicks, trail, walk,
} from "../../docs/assets/js/wizard-core.mjs";

// A tree in the shape of api/decision-tree.json: two questions, three outcomes.
const TREE = {
  start: "building",
  nodes: {
    building: {
      question: "What are you building?",
      options: [
        { label: "A full app", implies: "Batteries included.", next: "full" },
        { label: "A small service", implies: "A **lightweight** framework.", next: "language" },
        { label: "Live updates", implies: "One way.", next: "push" },
      ],
    },
    language: {
      question: "Which language?",
      help: "Pick one.",
      options: [
        { label: "Python", implies: "Python's ease.", next: "fastapi" },
        { label: "Go <b>", implies: "Throughput.", next: "gin" },
      ],
    },
  },
  outcomes: {
    full: {
      title: "Django REST Framework", summary: "Batteries.", frameworks: ["drf"],
      reasons: ["Familiar patterns"], alternatives: [], reality_checks: [], figures: [], see_also: [],
      stack: { picks: { "full-featured": "drf", lightweight: "fastapi" }, url: "../stack/?full-featured=drf&lightweight=fastapi" },
    },
    fastapi: {
      title: "FastAPI for services", summary: "Fast Python.", frameworks: ["fastapi"],
      reasons: ["Stays in Python", "`async` first"], alternatives: ["drf"],
      reality_checks: ["Optimize your queries first."], see_also: [],
      figures: [{ metric: "Speed", about: "FastAPI against DRF", values: ["3–4x", "3x"], differs: true, url: "../claims/#speed" }],
      matrix_cell: { name: "Python × Lightweight", pros: ["Small"], cons: ["DIY auth"] },
      decision_row: { scenario: "Machine learning inference", choose: "Python (FastAPI)", why: "Easy <integration>", url: "../matrix/" },
      leaves_cell: { cells: ["Go × Lightweight"], lines: ["Stay in **Python**"] },
    },
    gin: {
      title: "Gin <script>", summary: "Fast Go.", frameworks: ["gin"],
      reasons: ["10x"], alternatives: [], reality_checks: [], figures: [], see_also: [],
    },
    push: {
      title: "Server-Sent Events", summary: "One way.", frameworks: [], reasons: ["Clients only listen"],
      alternatives: ["gin"], reality_checks: [], figures: [], see_also: [],
      site_note: { text: "Part of the `HTML` standard.", source: "https://example.org/sse", checked: "2026-11-29" },
    },
  },
  use_cases: { "full-featured": "Full-featured CRUD", lightweight: "Lightweight" },
  urls: { outcome: "../wizard/{id}/", framework: "../frameworks/{id}/", compare: "../compare/?frameworks={ids}" },
  frameworks: [ // in the compare page's canonical order
    { id: "drf", name: "DRF", summary: "Django's toolkit.", pros: ["Admin"], cons: ["Slow"] },
    { id: "fastapi", name: "FastAPI", summary: "Async Python.", pros: ["Fast", "Typed"], cons: [] },
    { id: "gin", name: "Gin", summary: "Go.", pros: [], cons: [] },
  ],
};

test("the path in the URL round-trips", () => {
  for (const ids of [[], ["language"], ["language", "fastapi"]]) {
    assert.deepEqual(decodePath(encodePath(ids)), ids);
  }
  assert.equal(encodePath([]), "");
  assert.equal(encodePath(["language", "gin"]), "?path=language/gin");
  assert.deepEqual(decodePath("?path=language%2Fgin&utm=x"), ["language", "gin"]);
  assert.deepEqual(decodePath(""), []);
  assert.deepEqual(decodePath("?path="), []);
});

test("walking a full path reaches its outcome with every answer", () => {
  const state = walk(TREE, ["language", "gin"]);
  assert.equal(state.stale, false);
  assert.equal(state.outcome, "gin");
  assert.equal(state.question, null);
  assert.deepEqual(state.steps, [{ question: "building", option: 1 }, { question: "language", option: 1 }]);
  assert.deepEqual(idsOf(TREE, state.steps), ["language", "gin"]);
});

test("a partial path stops at the next question; no path is the start", () => {
  assert.deepEqual(walk(TREE, ["language"]), {
    steps: [{ question: "building", option: 1 }], question: "language", outcome: null, stale: false,
  });
  assert.deepEqual(walk(TREE, []), { steps: [], question: "building", outcome: null, stale: false });
});

test("unknown ids, impossible orders and ids past an outcome restart as stale", () => {
  const cases = [
    ["python"], // an id of an older tree
    ["fastapi"], // known, but not an answer of the start
    ["language", "full"], // known, not an answer of that question
    ["full", "language"], // past an outcome
    ["constructor"], ["__proto__"], ["language", "toString"], // names every object has
  ];
  for (const ids of cases) {
    const state = walk(TREE, ids);
    assert.equal(state.stale, true, ids.join("/"));
    assert.deepEqual([state.question, state.outcome, state.steps], ["building", null, []]);
  }
});

test("answering appends the chosen answer's next id", () => {
  const start = walk(TREE, []);
  assert.deepEqual(answer(TREE, start, 1), ["language"]);
  assert.deepEqual(answer(TREE, walk(TREE, ["language"]), 0), ["language", "fastapi"]);
});

test("the trail gives each answer with its question and what it implied", () => {
  const { steps } = walk(TREE, ["language", "fastapi"]);
  assert.deepEqual(trail(TREE, steps), [
    { question: "What are you building?", label: "A small service", implies: "A **lightweight** framework." },
    { question: "Which language?", label: "Python", implies: "Python's ease." },
  ]);
});

test("every path from the start ends in an outcome", () => {
  const paths = allPaths(TREE);
  assert.deepEqual(paths, [["full"], ["language", "fastapi"], ["language", "gin"], ["push"]]);
  for (const ids of paths) assert.ok(walk(TREE, ids).outcome);
  // Each outcome is reached.
  assert.deepEqual(new Set(paths.map((p) => p.at(-1))), new Set(Object.keys(TREE.outcomes)));
});

const OPTIONS = {
  url: "https://example.org/wizard/?path=language/fastapi", base: "https://example.org/api/decision-tree.json", date: "2025-01-31",
};

test("the decision record has the ADR sections in order", () => {
  const text = decisionRecord(TREE, walk(TREE, ["language", "fastapi"]).steps, OPTIONS);
  const headings = text.split("\n").filter((line) => line.startsWith("#"));
  assert.deepEqual(headings, [
    "# FastAPI for services", "## Context", "## Decision", "## Consequences", "### FastAPI",
    "### Python × Lightweight", "## Alternatives considered",
  ]);
  assert.match(text, /^- Status: Proposed$/m);
  assert.match(text, /^- Date: 2025-01-31$/m);
  assert.ok(text.includes("[the decision wizard](https://example.org/wizard/?path=language/fastapi)"));
  assert.ok(text.endsWith("\n") && !text.includes("\n\n\n"));
});

test("the record's context is the answers and its decision the outcome with its reasons", () => {
  const text = decisionRecord(TREE, walk(TREE, ["language", "fastapi"]).steps, OPTIONS);
  const context = text.slice(text.indexOf("## Context"), text.indexOf("## Decision"));
  assert.ok(context.includes("1. **What are you building?** A small service.\n   A **lightweight** framework."));
  assert.ok(context.includes("2. **Which language?** Python.\n   Python's ease."));
  const decision = text.slice(text.indexOf("## Decision"), text.indexOf("## Consequences"));
  assert.ok(decision.includes("FastAPI for services. Fast Python."));
  assert.ok(decision.includes("Recommended: [FastAPI](https://example.org/frameworks/fastapi/)."));
  assert.ok(decision.includes("- Stays in Python\n- `async` first"));
});

test("consequences are the data's pros and cons, then the reality checks", () => {
  const text = decisionRecord(TREE, walk(TREE, ["language", "fastapi"]).steps, OPTIONS);
  const consequences = text.slice(text.indexOf("## Consequences"), text.indexOf("## Alternatives"));
  assert.ok(consequences.includes("### FastAPI\n\nPositive:\n\n- Fast\n- Typed"));
  assert.ok(!consequences.slice(0, consequences.indexOf("### Python")).includes("Negative:")); // FastAPI has no cons
  assert.ok(consequences.includes("### Python × Lightweight\n\nPositive:\n\n- Small\n\nNegative:\n\n- DIY auth"));
  assert.ok(consequences.includes("Reality check:\n\n- Optimize your queries first."));
  const alternatives = text.slice(text.indexOf("## Alternatives"));
  assert.ok(alternatives.includes("- [DRF](https://example.org/frameworks/drf/): Django's toolkit. "
    + "([comparison](https://example.org/compare/?frameworks=drf,fastapi))")); // canonical order
});

test("a record without alternatives says so, and HTML in data stays text", () => {
  const text = decisionRecord(TREE, walk(TREE, ["language", "gin"]).steps, OPTIONS);
  assert.ok(text.includes("None named by the guide for this situation."));
  assert.ok(text.startsWith("# Gin \\<script>\n"));
  assert.ok(text.includes("**Which language?** Go \\<b>."));
  assert.ok(!/(^|[^\\])</.test(text), "every < is escaped");
  assert.equal(recordFileName("gin"), "decision-gin.md");
});

test("pages follow the tree's URL patterns; a comparison lists its ids in canonical order", () => {
  assert.equal(pageUrl(TREE, "outcome", "gin"), "../wizard/gin/");
  assert.equal(pageUrl(TREE, "framework", "drf"), "../frameworks/drf/");
  for (const ids of [["gin", "drf"], ["drf", "gin"], ["gin", "fastapi", "drf"]]) {
    const query = compareUrl(TREE, ids).split("=")[1].split(",");
    assert.deepEqual(query, TREE.frameworks.map((fw) => fw.id).filter((id) => ids.includes(id)), ids.join());
  }
  assert.deepEqual([...frameworksById(TREE).keys()], ["drf", "fastapi", "gin"]);
});

test("the record gives the decision-matrix row, the reason for leaving a cell and the guide's figures", () => {
  const text = decisionRecord(TREE, walk(TREE, ["language", "fastapi"]).steps, OPTIONS);
  const decision = text.slice(text.indexOf("## Decision"), text.indexOf("## Consequences"));
  assert.ok(decision.includes("In the guide's [decision matrix for polyglots](https://example.org/matrix/): "
    + "Machine learning inference → **Python (FastAPI)** (Easy \\<integration>)."));
  assert.ok(decision.includes("Where our answers point at Go × Lightweight, the guide's words on going beyond that cell "
    + "of the matrix:\n\n- Stay in **Python**"));
  const consequences = text.slice(text.indexOf("## Consequences"), text.indexOf("## Alternatives"));
  assert.ok(consequences.includes("The guide's figures (rules of thumb, as the guide states them, not measurements):\n\n"
    + "- **Speed**, FastAPI against DRF: 3–4x, 3x (the guide's figures differ)"));
});

test("a platform's record names its stack and links the composer", () => {
  assert.deepEqual(stackPicks(TREE, TREE.outcomes.full), [
    { useCase: "Full-featured CRUD", id: "drf" }, { useCase: "Lightweight", id: "fastapi" }]);
  const text = decisionRecord(TREE, walk(TREE, ["full"]).steps, OPTIONS);
  assert.ok(text.includes("The stack:\n\n- Full-featured CRUD: [DRF](https://example.org/frameworks/drf/)\n"
    + "- Lightweight: [FastAPI](https://example.org/frameworks/fastapi/)\n\n"
    + "[Open this stack in the composer](https://example.org/stack/?full-featured=drf&lightweight=fastapi)"));
});

test("an outcome without a framework gives the site's note, labelled, and no comparison", () => {
  const text = decisionRecord(TREE, walk(TREE, ["push"]).steps, OPTIONS);
  assert.ok(!text.includes("Recommended:"));
  assert.ok(text.includes("This site's note, not the guide's: Part of the `HTML` standard. "
    + "(source: <https://example.org/sse>, checked 2026-11-29)"));
  assert.ok(text.endsWith("- [Gin](https://example.org/frameworks/gin/): Go.\n") && !text.includes("comparison"));
});
