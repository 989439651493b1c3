// The stack composer (/stack/): page-modules.mjs calls mount() for #stack, the picker; the build
// drew the guide's own stack (the drawing, its text, the compose sketch), and this module redraws
// them for the picks in the address. The drawing holds every box and line the composer can show:
// here they are shown, hidden and relabelled, never built from data markup. Data goes in as text.

import { element, fetchJson } from "./dom.mjs";
import { inlineNodes } from "./inline-markup.mjs";
import * as core from "./stack-core.mjs";

export async function mount(root, signal) {
  const src = new URL(root.dataset.src, location.href).href;
  const part = (selector) => root.querySelector(selector);
  const notice = part(".stack-notice");
  const status = part(".stack-status");
  let data;
  try {
    data = await fetchJson(src);
  } catch (error) {
    if (signal.aborted) return;
    part(".stack-picker").hidden = true;
    part(".stack-share").hidden = true;
    notice.hidden = false;
    notice.textContent = "The composer could not load its data; the page shows the guide's recommended stack.";
    console.warn("stack composer:", error);
    return;
  }
  if (signal.aborted || !root.isConnected) return;
  const view = new StackView(root, data, src);
  let picks;

  function read() {
    const parsed = core.parseQuery(location.search, data);
    picks = parsed.picks;
    notice.hidden = !parsed.unknown.length;
    notice.textContent = parsed.unknown.map((u) =>
      `The address names “${u.value}” for ${u.name}, which is not one of its choices: the guide's stack's is shown instead.`).join(" ");
    for (const slot of data.slots) view.select(slot.id).value = picks[slot.id];
    view.render(picks);
  }

  root.addEventListener("change", (event) => {
    const select = event.target.closest("select");
    if (!select) return;
    picks = { ...picks, [select.name]: select.value };
    history.replaceState(history.state, "", location.pathname + core.serialise(picks, data) + location.hash);
    notice.hidden = true;
    view.render(picks);
    status.textContent = `${plain(data, select.name)}: ${select.selectedOptions[0].textContent}. The drawing, its text and the sketch follow.`;
  }, { signal });
  part(".stack-picker").addEventListener("submit", (event) => event.preventDefault(), { signal });
  root.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const record = button.dataset.action === "copy-record";
    const text = record ? view.record(picks) : view.composeText;
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard access");
      await navigator.clipboard.writeText(text);
      status.textContent = record ? "Copied: the decision record is on your clipboard, in Markdown." : "Copied: the compose sketch is on your clipboard.";
    } catch {
      status.textContent = "Your browser did not allow copying. Use the download link instead.";
    }
  }, { signal });
  window.addEventListener("popstate", read, { signal });
  signal.addEventListener("abort", () => view.release());
  read();
  root.dataset.mounted = "true";
}

function plain(data, slotId) {
  return data.slots.find((slot) => slot.id === slotId).name;
}

class StackView {
  constructor(root, data, src) {
    Object.assign(this, { root, data, src, urls: [] });
    this.svg = document.querySelector(".stack-svg");
    this.text = document.getElementById("stack-text");
    this.code = document.getElementById("stack-compose");
  }

  select(slotId) {
    return this.root.querySelector(`select[name="${slotId}"]`);
  }

  render(picks) {
    const composition = core.compose(this.data, picks);
    this.drawing(composition);
    this.textAlternative(composition);
    this.composeText = core.composeYaml(this.data, composition);
    if (this.code) setText(this.code, this.composeText);
    this.release();
    this.download("download-record", this.record(picks), "text/markdown");
    this.download("download-compose", this.composeText, "application/yaml");
  }

  drawing(composition) {
    if (!this.svg) return;
    for (const g of this.svg.querySelectorAll(".stack-box")) {
      const box = composition.boxes.get(g.dataset.node);
      show(g, box);
      if (!box) continue;
      const texts = { name: box.name, detail: box.detail, port: box.port ? `port ${box.port}` : "", note: box.note };
      for (const [key, value] of Object.entries(texts)) {
        const text = g.querySelector(`[data-part="${key}"]`);
        if (text) setText(text, value);
      }
    }
    const lines = new Map(composition.lines.map((line) => [`${line.from}:${line.to}`, line]));
    for (const g of this.svg.querySelectorAll(".stack-line")) {
      const line = lines.get(g.dataset.line);
      show(g, line);
      if (!line) continue;
      setText(g.querySelector("title"), core.lineText(composition, line));
      setText(g.querySelector('[data-part="protocol"]'), line.protocol);
      setText(g.querySelector('[data-part="via"]'), line.via);
    }
  }

  textAlternative(composition) {
    if (!this.text) return;
    const boxes = [...composition.boxes.values()].map((box) => element("li", {},
      element("strong", {}, ...inlineNodes(box.name)), ": ", ...inlineNodes(core.boxText(box).slice(box.name.length + 2))));
    const lines = composition.lines.map((line) => element("li", {}, ...inlineNodes(core.lineText(composition, line))));
    setChildren(this.text.querySelector(".stack-boxes"), boxes);
    setChildren(this.text.querySelector(".stack-lines"), lines);
  }

  record(picks) {
    const url = new URL(location.pathname + core.serialise(picks, this.data), location.href).href;
    return core.stackRecord(this.data, picks, { url, base: this.src, date: new Date().toISOString().slice(0, 10) });
  }

  download(action, text, type) {
    const link = this.root.querySelector(`a[data-action="${action}"]`);
    const url = URL.createObjectURL(new Blob([text], { type }));
    this.urls.push(url);
    link.href = url;
  }

  release() {
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls = [];
  }
}

// The page already shows what the build drew: only what differs is touched, so the guide's own
// stack costs the page no work (and a change redraws only what changes).
function show(node, visible) {
  if (visible && node.hasAttribute("display")) node.removeAttribute("display");
  else if (!visible && node.getAttribute("display") !== "none") node.setAttribute("display", "none");
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function setChildren(list, items) {
  const same = list.children.length === items.length && items.every((item, i) => list.children[i].outerHTML === item.outerHTML);
  if (!same) list.replaceChildren(...items);
}
