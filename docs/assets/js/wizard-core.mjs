// The decision wizard's logic, without the DOM: walking the tree, the state in the URL, the
// decision record. The tree is api/decision-tree.json (see the README, "Decision tree JSON").
// Imported by wizard.mjs in the browser and by tests/js/wizard-core.test.mjs in Node.

export const PATH_PARAM = "path";

const has = (object, key) => Object.hasOwn(object, key);

/** "?path=full-language/nestjs" → ["full-language", "nestjs"]: the ids visited after the start. */
export function decodePath(search) {
  const value = new URLSearchParams(search).get(PATH_PARAM);
  return value ? value.split("/").filter(Boolean) : [];
}

/** The query string for a path of ids; "" for the start. Ids are [a-z0-9-], safe in a URL. */
export function encodePath(ids) {
  return ids.length ? `?${PATH_PARAM}=${ids.map(encodeURIComponent).join("/")}` : "";
}

/**
 * Follow `ids` from the start. Returns { steps, question, outcome, stale }: the answers given
 * ({ question, option } pairs), then either the question to ask next or the outcome reached.
 * Ids the tree does not have, or not in an order its answers allow, give the start with
 * `stale: true` (a link made for an older version of the tree).
 */
export function walk(tree, ids) {
  const steps = [];
  let node = tree.start;
  for (const id of ids) {
    const options = has(tree.nodes, node) ? tree.nodes[node].options : [];
    const option = options.findIndex((o) => o.next === id);
    if (option < 0) return { steps: [], question: tree.start, outcome: null, stale: true };
    steps.push({ question: node, option });
    node = id;
  }
  if (has(tree.outcomes, node)) return { steps, question: null, outcome: node, stale: false };
  return { steps, question: node, outcome: null, stale: false };
}

/** The ids a list of answers visits: the inverse of walk(). */
export function idsOf(tree, steps) {
  return steps.map((step) => optionOf(tree, step).next);
}

export function optionOf(tree, step) {
  return tree.nodes[step.question].options[step.option];
}

/** The ids after choosing option `index` of the current question. */
export function answer(tree, state, index) {
  const option = tree.nodes[state.question].options[index];
  return [...idsOf(tree, state.steps), option.next];
}

/** Each answer with its question and what it implied: the result's "why" trace. */
export function trail(tree, steps) {
  return steps.map((step) => {
    const option = optionOf(tree, step);
    return { question: tree.nodes[step.question].question, label: option.label, implies: option.implies };
  });
}

/** Every path from the start to an outcome, as lists of ids (depth first, in answer order). */
export function allPaths(tree, node = tree.start, prefix = []) {
  if (has(tree.outcomes, node)) return [prefix];
  return tree.nodes[node].options.flatMap((o) => allPaths(tree, o.next, [...prefix, o.next]));
}

/** The comparison page's address (relative to the tree's) for these framework ids. */
export function compareUrl(tree, ids) {
  return tree.compare_url + ids.map(encodeURIComponent).join(",");
}

/** Split a data text into pieces: its only markup is **bold** and `code`. */
export function inlineParts(text) {
  const parts = [];
  for (const piece of text.split(/(`[^`\n]+`)/)) {
    if (piece.length > 2 && piece.startsWith("`") && piece.endsWith("`")) {
      parts.push({ kind: "code", text: piece.slice(1, -1) });
      continue;
    }
    piece.split(/\*\*(.+?)\*\*/).forEach((chunk, i) => {
      if (chunk) parts.push({ kind: i % 2 ? "strong" : "text", text: chunk });
    });
  }
  return parts;
}

/** The text without its markup, e.g. for announcements. */
export function plainText(text) {
  return inlineParts(text).map((p) => p.text).join("");
}

// ── Decision record (ADR) ─────────────────────────────────────────────────────────────────

// Data texts are Markdown already (**bold**, `code`); a backslash keeps "<" from starting HTML.
const md = (text) => text.replace(/</g, "\\<");
const list = (items) => items.map((item) => `- ${md(item)}`).join("\n");

export function recordFileName(outcomeId) {
  return `decision-${outcomeId}.md`;
}

/**
 * The decision as an architecture decision record in Markdown: title, status, context (the
 * answers), decision, consequences (pros and cons from the data), alternatives considered.
 * `url` is the address of the result; `base` is the tree's own address, which its URLs are
 * relative to.
 */
export function decisionRecord(tree, steps, { url, base, date }) {
  const outcomeId = idsOf(tree, steps).at(-1);
  const outcome = tree.outcomes[outcomeId];
  const link = (path) => new URL(path, base).href;
  const fw = (id) => tree.frameworks[id];
  const out = [`# ${md(outcome.title)}`, "", "- Status: Proposed", `- Date: ${date}`,
    `- Source: [the decision wizard](${url})`, "", "## Context", "",
    "We are choosing a framework for a data API. Our answers to the wizard:", ""];
  trail(tree, steps).forEach((t, i) => {
    out.push(`${i + 1}. **${md(t.question)}** ${md(t.label)}.`, `   ${md(t.implies)}`);
  });
  out.push("", "## Decision", "", `${md(outcome.title)}. ${md(outcome.summary)}`, "",
    `Recommended: ${outcome.frameworks.map((id) => `[${md(fw(id).name)}](${link(fw(id).url)})`).join(", ")}.`,
    "", "Why:", "", list(outcome.reasons), "", "## Consequences", "");
  const subjects = outcome.frameworks.map((id) => ({ name: fw(id).name, pros: fw(id).pros, cons: fw(id).cons }));
  if (outcome.matrix_cell) subjects.push(outcome.matrix_cell);
  for (const subject of subjects.filter((s) => s.pros.length || s.cons.length)) {
    out.push(`### ${md(subject.name)}`, "");
    if (subject.pros.length) out.push("Positive:", "", list(subject.pros), "");
    if (subject.cons.length) out.push("Negative:", "", list(subject.cons), "");
  }
  if (outcome.reality_checks.length) out.push("Reality check:", "", list(outcome.reality_checks), "");
  out.push("## Alternatives considered", "");
  if (outcome.alternatives.length) {
    for (const id of outcome.alternatives) {
      const compare = link(compareUrl(tree, [outcome.frameworks[0], id]));
      out.push(`- [${md(fw(id).name)}](${link(fw(id).url)}): ${md(fw(id).summary)} ([comparison](${compare}))`);
    }
  } else {
    out.push("None named by the guide for this situation.");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
