// The data's text markup in the browser, against the table of cases Python is tested on.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { inlineNodes, plainText, segments } from "../../docs/assets/js/inline-markup.mjs";

const { cases } = JSON.parse(readFileSync(new URL("../cases/inline_markup.json", import.meta.url), "utf-8"));

test("segments follow the shared table of cases", () => {
  assert.ok(cases.length > 10);
  for (const { text, segments: expected } of cases) {
    assert.deepEqual(segments(text), expected, JSON.stringify(text));
    assert.equal(plainText(text), expected.map(([, chars]) => chars).join(""));
  }
});

test("nodes are text nodes, <strong> and <code> filled with textContent", () => {
  const made = [];
  const doc = {
    createTextNode: (text) => ({ kind: "#text", text }),
    createElement: (tag) => { const el = { kind: tag, textContent: "" }; made.push(el); return el; },
  };
  const nodes = inlineNodes("**<b>x</b>** and `a<b`", doc);
  assert.deepEqual(nodes.map((n) => n.kind), ["strong", "#text", "code"]);
  assert.equal(nodes[0].textContent, "<b>x</b>");
  assert.equal(nodes[2].textContent, "a<b");
});
