// The wizard's logic without the DOM: walking the tree, the path in the URL, the decision
// record. The tree is api/decision-tree.json (README, "Decision tree JSON"). Tested in Node.

export const PATH_PARAM = "path";

const has = (object, key) => Object.hasOwn(object, key);

// "?path=full-language/nestjs" → ["full-language", "nestjs"]: the ids after the start.
export function decodePath(search) {
  const value = new URLSearchParams(search).get(PATH_PARAM);
  return value ? value.split("/").filter(Boolean) : [];
}

export function encodePath(ids) {
  return ids.length ? `?${PATH_PARAM}=${ids.map(encodeURIComponent).join("/")}` : "";
}

// Follow `ids` from the start: the answers given, then the next question or the outcome. Ids the
// tree does not allow (a link from an older tree) give the start, stale.
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

export function idsOf(tree, steps) {
  return steps.map((step) => optionOf(tree, step).next);
}

export function optionOf(tree, step) {
  return tree.nodes[step.question].options[step.option];
}

export function answer(tree, state, index) {
  return [...idsOf(tree, state.steps), tree.nodes[state.question].options[index].next];
}

// Each answer with its question and what it implied: the "why" trace.
export function trail(tree, steps) {
  return steps.map((step) => {
    const option = optionOf(tree, step);
    return { question: tree.nodes[step.question].question, label: option.label, implies: option.implies };
  });
}

export function allPaths(tree, node = tree.start, prefix = []) {
  if (has(tree.outcomes, node)) return [prefix];
  return tree.nodes[node].options.flatMap((o) => allPaths(tree, o.next, [...prefix, o.next]));
}

export function frameworksById(tree) {
  return new Map(tree.frameworks.map((fw) => [fw.id, fw]));
}

export function pageUrl(tree, kind, id) {
  return tree.urls[kind].replace("{id}", encodeURIComponent(id));
}

// In the compare page's canonical order (tree.frameworks'): one set, one address.
export function compareUrl(tree, ids) {
  const rank = (id) => tree.frameworks.findIndex((fw) => fw.id === id);
  const ordered = [...ids].sort((a, b) => rank(a) - rank(b));
  return tree.urls.compare.replace("{ids}", ordered.map(encodeURIComponent).join(","));
}



// The outcome page's words, for the same result drawn here (macros/views/sections/decision_tree.py).
export const FIGURES_NOTE = "rules of thumb, as the guide states them, not measurements";
export const DIFFERS = "the guide's figures differ";

// A platform's stack: one pick per use case, with the use case's name.
export function stackPicks(tree, outcome) {
  return Object.entries(outcome.stack.picks).map(([useCase, id]) => ({ useCase: tree.use_cases[useCase], id }));
}

// ── Decision record (ADR) ─────────────────────────────────────────────────────────────────

// Data texts are Markdown already (**bold**, `code`); a backslash keeps "<" from starting HTML.
const md = (text) => text.replace(/</g, "\\<");
const list = (items) => items.map((item) => `- ${md(item)}`).join("\n");

export function recordFileName(outcomeId) {
  return `decision-${outcomeId}.md`;
}

// The decision as an ADR in Markdown. `url`: the result's address; `base`: the tree's, which
// its URLs are relative to.
export function decisionRecord(tree, steps, { url, base, date }) {
  const outcomeId = idsOf(tree, steps).at(-1);
  const outcome = tree.outcomes[outcomeId];
  const frameworks = frameworksById(tree);
  const fw = (id) => frameworks.get(id);
  const link = (path) => new URL(path, base).href;
  const named = (id) => `[${md(fw(id).name)}](${link(pageUrl(tree, "framework", id))})`;
  const out = [`# ${md(outcome.title)}`, "", "- Status: Proposed", `- Date: ${date}`,
    `- Source: [the decision wizard](${url})`, "", "## Context", "",
    "We are choosing a framework for a data API. Our answers to the wizard:", ""];
  trail(tree, steps).forEach((t, i) => {
    out.push(`${i + 1}. **${md(t.question)}** ${md(t.label)}.`, `   ${md(t.implies)}`);
  });
  out.push("", "## Decision", "", `${md(outcome.title)}. ${md(outcome.summary)}`, "");
  if (outcome.frameworks.length) out.push(`Recommended: ${outcome.frameworks.map(named).join(", ")}.`, "");
  const note = outcome.site_note;
  if (note) out.push(`This site's note, not the guide's: ${md(note.text)} (source: <${note.source}>, checked ${note.checked})`, "");
  out.push("Why:", "", list(outcome.reasons), "");
  const row = outcome.decision_row;
  if (row) {
    out.push(`In the guide's [decision matrix for polyglots](${link(row.url)}): ${md(row.scenario)} → **${md(row.choose)}** (${md(row.why)}).`, "");
  }
  if (outcome.leaves_cell) {
    const { cells, lines } = outcome.leaves_cell;
    out.push(`Where our answers point at ${md(cells.join(" or "))}, the guide's words on going beyond that cell of the matrix:`, "",
      list(lines), "");
  }
  if (outcome.stack) {
    out.push("The stack:", "", ...stackPicks(tree, outcome).map(({ useCase, id }) => `- ${md(useCase)}: ${named(id)}`), "",
      `[Open this stack in the composer](${link(outcome.stack.url)})`, "");
  }
  out.push("## Consequences", "");
  const subjects = outcome.frameworks.map(fw);
  if (outcome.matrix_cell) subjects.push(outcome.matrix_cell);
  for (const subject of subjects.filter((s) => s.pros.length || s.cons.length)) {
    out.push(`### ${md(subject.name)}`, "");
    if (subject.pros.length) out.push("Positive:", "", list(subject.pros), "");
    if (subject.cons.length) out.push("Negative:", "", list(subject.cons), "");
  }
  if (outcome.reality_checks.length) out.push("Reality check:", "", list(outcome.reality_checks), "");
  if (outcome.figures.length) {
    out.push(`The guide's figures (${FIGURES_NOTE}):`, "",
      outcome.figures.map((f) => `- **${md(f.metric)}**, ${md(f.about)}: ${md(f.values.join(", "))}${f.differs ? ` (${DIFFERS})` : ""}`).join("\n"), "");
  }
  out.push("## Alternatives considered", "");
  if (outcome.alternatives.length) {
    for (const id of outcome.alternatives) {
      const first = outcome.frameworks[0];
      const compare = first ? ` ([comparison](${link(compareUrl(tree, [first, id]))}))` : "";
      out.push(`- ${named(id)}: ${md(fw(id).summary)}${compare}`);
    }
  } else {
    out.push("None named by the guide for this situation.");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
