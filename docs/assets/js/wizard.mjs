// The decision wizard (/wizard/): one question at a time, the path in the URL, a result with its
// "why" trace and a decision record. page-modules.mjs calls mount() for #wizard; the signal
// removes the page's listeners when the next page arrives. Data goes in as text only.

import { element, fetchJson } from "./dom.mjs";
import { inlineNodes, plainText } from "./inline-markup.mjs";
import * as core from "./wizard-core.mjs";

export async function mount(root, signal) {
  const treeUrl = new URL(root.dataset.tree, location.href);
  let tree;
  try {
    tree = await fetchJson(treeUrl.href);
  } catch (error) {
    if (signal.aborted) return;
    root.replaceChildren(element("p", { class: "wizard-notice" },
      "The wizard could not load its questions. The whole decision tree is below."));
    console.warn("wizard not loaded:", error);
    return;
  }
  if (signal.aborted || !root.isConnected) return;
  const wizard = new Wizard(root, tree, treeUrl, signal);
  window.addEventListener("popstate", () => wizard.show({ focus: true }), { signal });
  wizard.show({ focus: false });
  root.dataset.mounted = "true";
}

class Wizard {
  constructor(root, tree, base, signal) {
    // base: the tree's own address, which the URLs in it are relative to.
    Object.assign(this, { root, tree, base, downloadUrl: null, frameworks: core.frameworksById(tree) });
    this.notice = element("p", { class: "wizard-notice", hidden: "" });
    this.stage = element("div", { class: "wizard-stage" });
    this.live = element("div", { class: "visually-hidden", "aria-live": "polite" });
    // The same elements as the page's first question, drawn by the build: nothing moves.
    root.replaceChildren(this.notice, this.stage, this.live);
    root.addEventListener("click", (event) => this.onClick(event), { signal });
    signal.addEventListener("abort", () => this.releaseDownload());
  }

  show({ focus }) {
    const state = core.walk(this.tree, core.decodePath(location.search));
    this.notice.hidden = !state.stale;
    if (state.stale) {
      this.notice.textContent = "That link names answers this version of the wizard does not have, so it starts again.";
      history.replaceState(history.state, "", location.pathname);
    }
    this.state = state;
    this.releaseDownload();
    const heading = state.outcome ? this.renderResult(state) : this.renderQuestion(state);
    const outcome = state.outcome && this.tree.outcomes[state.outcome];
    this.live.textContent = outcome
      ? `Recommendation: ${plainText(outcome.title)}`
      : `Step ${state.steps.length + 1}: ${plainText(this.tree.nodes[state.question].question)}`;
    if (focus) heading.focus();
  }

  go(ids) {
    history.pushState(null, "", location.pathname + core.encodePath(ids));
    this.show({ focus: true });
  }

  onClick(event) {
    const button = event.target.closest("button[data-action]");
    if (!button || !this.root.contains(button)) return;
    const { action, index } = button.dataset;
    const ids = core.idsOf(this.tree, this.state.steps);
    if (action === "answer") this.go(core.answer(this.tree, this.state, Number(index)));
    else if (action === "back") this.go(ids.slice(0, -1));
    else if (action === "restart") this.go([]);
    else if (action === "change") this.go(ids.slice(0, Number(index)));
    else if (action === "copy") this.copyRecord();
  }

  text(tag, text, attributes = {}) {
    const node = element(tag, attributes);
    node.append(...inlineNodes(text));
    return node;
  }

  link(url, text, attributes = {}) {
    return this.text("a", text, { href: new URL(url, this.base).href, ...attributes });
  }

  frameworkItem(id, ...after) {
    const fw = this.frameworks.get(id);
    return element("li", {}, this.link(core.pageUrl(this.tree, "framework", id), fw.name), ": ",
      this.text("span", fw.summary), ...after);
  }

  heading(text, id) {
    return this.text("h2", text, { class: "wizard-heading", tabindex: "-1", id });
  }

  button(label, action, index) {
    const attributes = { type: "button", class: `md-button wizard-${action}`, "data-action": action };
    if (index !== undefined) attributes["data-index"] = String(index);
    return this.text("button", label, attributes);
  }

  trailBlock(steps) {
    if (!steps.length) return [];
    const items = core.trail(this.tree, steps).map((t, i) => {
      const change = this.button("Change", "change", i);
      change.append(element("span", { class: "visually-hidden" }, ` the answer to: ${plainText(t.question)}`));
      return element("li", {}, this.text("span", t.question, { class: "wizard-trail-question" }), " ",
        this.text("span", t.label, { class: "wizard-trail-answer" }), " ", change);
    });
    return [element("div", { class: "wizard-trail" },
      element("p", { class: "wizard-trail-title", id: "wizard-trail-title" }, "Your answers so far"),
      element("ol", { "aria-labelledby": "wizard-trail-title" }, ...items))];
  }

  controls(steps) {
    if (!steps.length) return [];
    return [element("div", { class: "wizard-controls" }, this.button("Back", "back"), this.button("Start over", "restart"))];
  }

  renderQuestion(state) {
    const node = this.tree.nodes[state.question];
    const heading = this.heading(node.question, "wizard-question");
    const options = element("div", { class: "wizard-options", role: "group", "aria-labelledby": "wizard-question" },
      ...node.options.map((option, i) => this.button(option.label, "answer", i)));
    const section = element("section", { class: "wizard-step", "aria-labelledby": "wizard-question" },
      element("p", { class: "wizard-progress" }, `Step ${state.steps.length + 1}`), heading);
    if (node.help) section.append(this.text("p", node.help, { class: "wizard-help" }));
    section.append(options, ...this.controls(state.steps));
    this.stage.replaceChildren(...this.trailBlock(state.steps), section);
    return heading;
  }

  renderResult(state) {
    const { tree } = this;
    const outcome = tree.outcomes[state.outcome];
    const heading = this.heading(outcome.title, "wizard-result");
    const count = state.steps.length;
    const section = element("section", { class: "wizard-result", "aria-labelledby": "wizard-result" },
      element("p", { class: "wizard-progress" }, `Recommendation after ${count} answer${count === 1 ? "" : "s"}`),
      heading, this.text("p", outcome.summary, { class: "wizard-summary" }));
    if (outcome.frameworks.length) {
      section.append(element("h3", {}, "Recommended"),
        element("ul", { class: "wizard-recommended" }, ...outcome.frameworks.map((id) => this.frameworkItem(id))));
    }
    if (outcome.site_note) section.append(this.siteNote(outcome.site_note));
    section.append(element("h3", {}, "Why"),
      element("ol", { class: "wizard-why" }, ...core.trail(tree, state.steps).map((t) =>
        element("li", {}, this.text("span", t.question, { class: "wizard-why-question" }), " ",
          this.text("strong", t.label), ": ", this.text("span", t.implies)))),
      element("p", {}, "What the guide says about it:"),
      element("ul", { class: "wizard-reasons" }, ...outcome.reasons.map((r) => this.text("li", r))));
    if (outcome.decision_row) section.append(this.decisionRow(outcome.decision_row));
    if (outcome.leaves_cell) {
      const { cells, lines } = outcome.leaves_cell;
      section.append(this.text("p", `Where your answers point at ${cells.join(" or ")}, the guide's words on going beyond that cell of the matrix:`,
        { class: "wizard-leaves" }), element("ul", {}, ...lines.map((line) => this.text("li", line))));
    }
    section.append(...this.weighBlock(outcome));
    if (outcome.alternatives.length) {
      const first = outcome.frameworks[0];
      const name = (id) => plainText(this.frameworks.get(id).name);
      const compare = (id) => (first ? [" ", this.link(core.compareUrl(tree, [first, id]), `Compare ${name(id)} with ${name(first)}`,
        { class: "wizard-compare" })] : []);
      section.append(element("h3", {}, "Alternatives worth a look"),
        element("ul", { class: "wizard-alternatives" }, ...outcome.alternatives.map((id) => this.frameworkItem(id, ...compare(id)))));
    }
    if (outcome.stack) {
      section.append(element("h3", {}, "Compose this stack"),
        element("ul", { class: "wizard-stack" }, ...core.stackPicks(tree, outcome).map(({ useCase, id }) =>
          element("li", {}, `${useCase}: `, this.link(core.pageUrl(tree, "framework", id), this.frameworks.get(id).name)))),
        element("p", {}, this.link(outcome.stack.url, "Open this stack in the composer", { class: "md-button wizard-compose" })));
    }
    if (outcome.see_also.length) {
      section.append(element("h3", {}, "Read next"),
        element("ul", {}, ...outcome.see_also.map((s) => element("li", {}, this.link(s.url, s.text)))));
    }
    section.append(...this.shareBlock(state), ...this.controls(state.steps));
    this.stage.replaceChildren(...this.trailBlock(state.steps), section);
    return heading;
  }

  // What the site adds beyond the guide, labelled as the site's, with its source.
  siteNote(note) {
    return element("div", { class: "admonition info wizard-site-note" },
      element("p", { class: "admonition-title" }, "This site's note, not the guide's"), this.text("p", note.text),
      element("p", { class: "wizard-source" }, "Source: ", element("a", { href: note.source }, note.source), `, checked ${note.checked}.`));
  }

  decisionRow(row) {
    return element("p", { class: "wizard-decision-row" }, "In the guide's ", this.link(row.url, "decision matrix for polyglots"), ": ",
      ...inlineNodes(row.scenario), " → ", this.text("strong", row.choose), " (", ...inlineNodes(row.why), ").");
  }

  // The guide's cautions and its figures about the recommendation, in one place.
  weighBlock(outcome) {
    const { reality_checks: checks, figures } = outcome;
    if (!checks.length && !figures.length) return [];
    const box = element("div", { class: "wizard-weigh" });
    if (checks.length) {
      const body = checks.length === 1 ? this.text("p", checks[0]) : element("ul", {}, ...checks.map((c) => this.text("li", c)));
      box.append(element("div", { class: "admonition warning" }, element("p", { class: "admonition-title" }, "Reality check"), body));
    }
    if (figures.length) {
      box.append(element("p", { class: "wizard-figures-title" }, `The guide's figures (${core.FIGURES_NOTE}):`),
        element("ul", { class: "wizard-figures" }, ...figures.map((f) => element("li", {},
          this.text("strong", f.metric), ", ", ...inlineNodes(f.about), ": ", this.link(f.url, f.values.join(", ")),
          ...(f.differs ? [` (${core.DIFFERS})`] : [])))));
    }
    return [element("h3", {}, "The guide's cautions and figures"), box];
  }

  shareBlock(state) {
    this.downloadUrl = URL.createObjectURL(new Blob([this.record(state)], { type: "text/markdown" }));
    this.copyStatus = element("p", { class: "wizard-copy-status", role: "status" });
    return [element("h3", {}, "Share this decision"),
      element("div", { class: "wizard-share" },
        this.button("Copy as decision record", "copy"),
        element("a", { class: "md-button", href: this.downloadUrl, download: core.recordFileName(state.outcome) },
          "Download the decision record (.md)"),
        this.link(core.pageUrl(this.tree, "outcome", state.outcome), "Open this result's own page")),
      this.copyStatus];
  }

  record(state) {
    return core.decisionRecord(this.tree, state.steps, {
      url: location.href, base: this.base, date: new Date().toISOString().slice(0, 10),
    });
  }

  async copyRecord() {
    const status = this.copyStatus;
    try {
      await navigator.clipboard.writeText(this.record(this.state));
      status.textContent = "Copied: the decision record is on your clipboard, in Markdown.";
    } catch {
      // Denied, or no clipboard here: the download link has the same text.
      status.textContent = "Your browser did not allow copying. Use the download link instead.";
    }
  }

  releaseDownload() {
    if (this.downloadUrl) URL.revokeObjectURL(this.downloadUrl);
    this.downloadUrl = null;
  }
}
