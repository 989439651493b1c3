// The compare page's code section (#code-compare): the chosen frameworks' examples side by side,
// one tab per framework, as on the curated comparison pages. page-modules.mjs calls mount(); the
// signal tears the listeners down when the next page arrives.
//
// api/code-examples.json holds every file's text (it is large): it is fetched only once the
// section comes near the screen with at least two frameworks chosen. The chosen set comes from the
// address at first, then from compare.mjs's `compare:change` event on #compare-any. Data reaches
// the DOM only through textContent and createElement.

import { parseQuery } from "./compare-core.mjs";
import { linesText, sharedTasks, statusText, tabFiles } from "./code-compare-core.mjs";
import { element, fetchJson } from "./dom.mjs";
import { inlineNodes } from "./inline-markup.mjs";

const NEAR = "600px 0px"; // how close to the screen the section starts loading
/** A file as the build shows it: its path as the title, then its text (no highlighting). */
function codeNode(file) {
  return element("div", { class: "highlight" },
    element("span", { class: "filename", text: file.title }),
    // Focusable, as Material makes the build's code blocks: a box that scrolls sideways must be
    // reachable from the keyboard.
    element("pre", {}, element("code", { text: file.text, tabindex: "0" })));
}

/** A file the reader rarely needs (a manifest, the shared .proto), folded. */
function foldedNode(file) {
  const note = file.path.endsWith(".proto") ? "the shared contract, not counted" : "the project's set-up, not counted";
  return element("details", { class: "note code-extra" },
    element("summary", { text: `${file.title}: ${note}` }), codeNode(file));
}

function filesNodes(files) {
  return files.map((file) => (file.counted ? codeNode(file) : foldedNode(file)));
}

function metaNode(example) {
  const parts = [element("strong", { text: linesText(example) }), ` · ${example.label}`];
  if (example.endpoint) parts.push(` · ${example.endpoint}`);
  return element("p", { class: "code-meta" }, ...parts);
}

/** One task: the lines of each, the shared file, then one tab per framework (Material's tabs). */
function taskNode(shared, prefix) {
  const { task, examples } = shared;
  const group = `${prefix}-${task.id}`;
  const lines = element("div", { class: "code-lines" },
    element("p", { text: "Lines of each one's own code:" }),
    element("ul", {}, ...examples.map((e) => element("li", {}, ...inlineNodes(e.framework_name), ": ",
      element("strong", { text: linesText(e) })))));
  const inputs = examples.map((e, index) => {
    const input = element("input", { type: "radio", name: group, id: `${group}-${index + 1}` });
    input.checked = index === 0;
    return input;
  });
  const labels = element("div", { class: "tabbed-labels" },
    ...examples.map((e, index) => element("label", { for: `${group}-${index + 1}` }, ...inlineNodes(e.framework_name))));
  const blocks = element("div", { class: "tabbed-content" },
    ...examples.map((e) => element("div", { class: "tabbed-block", "data-framework": e.framework },
      metaNode(e), ...filesNodes(tabFiles(e)))));
  const tabs = element("div", { class: "tabbed-set tabbed-alternate", "data-task": task.id }, ...inputs, labels, blocks);
  const sharedFile = shared.shared ? examples[0].files.find((f) => f.path === shared.shared) : null;
  return element("section", { class: "code-compare__task" },
    element("h3", { id: group, text: task.name }), lines, ...(sharedFile ? [foldedNode(sharedFile)] : []), tabs);
}

export function mount(root, signal) {
  const status = root.querySelector(".code-compare__status");
  const result = root.querySelector(".code-compare__result");
  const compare = document.getElementById("compare-any");
  const src = new URL(root.dataset.src, location.href).href;
  let ids = parseQuery(location.search);
  let data = null;
  let near = false;
  let loading = false;
  // Where the section ends up is known once the compare page has drawn its table (its first
  // compare:change, or before this module mounted): nothing is fetched before.
  let ready = !compare || "mounted" in compare.dataset;

  function render() {
    if (data) {
      status.textContent = statusText(data, ids);
      result.replaceChildren(...sharedTasks(data, ids).map((shared) => taskNode(shared, root.id)));
      root.dataset.shown = ids.join(",");
    } else {
      status.textContent = ids.length < 2 ? "Choose two frameworks to see their code side by side."
        : loading ? "Loading the code…" : "The chosen frameworks' code shows here.";
      result.replaceChildren();
    }
  }

  function loadWhenWanted() {
    if (data || loading || !ready || !near || ids.length < 2) return;
    loading = true;
    status.textContent = "Loading the code…";
    fetchJson(src).then((json) => {
      if (signal.aborted) return;
      data = json;
      render();
      root.dataset.loaded = "true";
    }, (error) => {
      loading = false;
      if (signal.aborted) return;
      status.textContent = "The code examples could not be loaded; each framework's code is on its page.";
      root.dataset.loaded = "error";
      console.warn("code-compare:", error);
    });
  }

  const observer = new IntersectionObserver((entries) => {
    near = entries.some((entry) => entry.isIntersecting);
    if (near) loadWhenWanted();
  }, { rootMargin: NEAR });

  compare?.addEventListener("compare:change", (event) => {
    ids = [...event.detail.ids];
    ready = true;
    render();
    // Observed afresh: its first report comes after the layout the new table makes.
    observer.unobserve(root);
    observer.observe(root);
  }, { signal });

  observer.observe(root);
  signal.addEventListener("abort", () => observer.disconnect());
  render();
  root.dataset.mounted = "true";
}
