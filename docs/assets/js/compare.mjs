// The compare page (#compare-any) and the matrix picker (#matrix-compare): page-modules.mjs
// calls mount() for either; the signal tears the page's listeners down when the next page
// arrives. The compare page fetches api/frameworks.json; no other page does. Data reaches the DOM
// only through textContent and createElement.

import {
  buildRows, curatedIncluding, curatedSame, findFramework, mergeCells, normalise, parseQuery, serialise, visibleRows, whoLabel,
} from "./compare-core.mjs";
import { element, fetchJson } from "./dom.mjs";
import { inlineNodes, plainText } from "./inline-markup.mjs";

/** Data text with its **bold** and `code`, as nodes. */
function richText(text) {
  return inlineNodes(text);
}

/** The site's notes where the guide's advice about the compared frameworks has aged. */
function updateNotes(notes) {
  const items = notes.map((note) => element("li", {}, ...richText(note.text), " ",
    element("a", { class: "fact-source", href: note.source, text: "source" }), `, checked ${note.checked}`));
  return element("div", { class: "admonition info update-notes" },
    element("p", { class: "admonition-title", text: "The site's note: the guide's advice has aged" }),
    element("ul", {}, ...items));
}

function notStated() {
  return [element("span", { "aria-hidden": "true", text: "—" }), element("span", { class: "visually-hidden", text: "not stated" })];
}

// ── The side-by-side table (the same markup as the curated pages' tables) ────────────────

// Short values read on one line: names, links and figures ("10,000 req/sec" needs "; ").
const INLINE_SEPARATORS = { language: ", ", kind: ", ", use_cases: ", ", cells: ", ", claims: "; ", facts: " · " };

function itemNode(item, base) {
  const note = item.note
    ? [" (", element("a", { href: new URL(item.note.href, base).href }, ...richText(item.note.text)), ")"]
    : [];
  if (!item.href) return [...richText(item.text), ...note];
  const hidden = item.hidden ? [element("span", { class: "visually-hidden" }, ...richText(`: ${item.hidden}`))] : [];
  return [element("a", { href: new URL(item.href, base).href }, ...richText(item.text), ...hidden), ...note];
}

function valueNodes(field, value, base) {
  if (value.length === 0) return notStated();
  const nodes = [];
  for (const group of value) {
    const items = group.items.map((item) => itemNode(item, base));
    const separator = INLINE_SEPARATORS[field.type];
    if (separator) {
      const label = group.source ? [element("span", { class: "compare-source", text: `For ${group.source}:` }), " "] : [];
      nodes.push(element("p", {}, ...label, ...items.flatMap((nodesOfItem, i) => (i ? [separator, ...nodesOfItem] : nodesOfItem))));
      continue;
    }
    if (group.source) nodes.push(element("p", { class: "compare-source", text: `For ${group.source}:` }));
    if (field.list) {
      nodes.push(element("ul", {}, ...items.map((nodesOfItem) => element("li", {}, ...nodesOfItem))));
    } else {
      nodes.push(...items.map((nodesOfItem) => element("p", {}, ...nodesOfItem)));
    }
  }
  return nodes;
}

function tableNode(data, frameworks, rows, base) {
  const head = element("tr", {}, element("th", { scope: "col" }, element("span", { class: "visually-hidden", text: "Field" })));
  for (const fw of frameworks) {
    head.append(element("th", { scope: "col" }, element("a", { href: new URL(fw.url, base).href }, ...richText(fw.name))));
  }
  const body = element("tbody");
  for (const row of rows) {
    const tr = element("tr", { "data-field": row.field.key }, element("th", { scope: "row", text: row.field.label }));
    if (row.same) tr.dataset.same = "";
    let start = 0;
    for (const { value, span } of mergeCells(row.values)) {
      const who = element("p", { class: "compare-who", text: whoLabel(frameworks.slice(start, start + span).map((fw) => plainText(fw.name))) });
      const td = element("td", {}, who, ...valueNodes(row.field, value, base));
      if (span > 1) td.colSpan = span;
      tr.append(td);
      start += span;
    }
    body.append(tr);
  }
  const table = element("table", { id: "compare-any-table" }, element("thead", {}, head), body);
  return element("div", { class: "md-typeset__scrollwrap" }, element("div", { class: "md-typeset__table compare-table" }, table));
}

// ── The compare page ────────────────────────────────────────────────────────────────────

async function mountCompare(root, signal) {
  const part = (selector) => root.querySelector(selector);
  const form = part(".compare-picker");
  const state = part(".compare-state");
  const input = part("#compare-add");
  const options = part("#compare-options");
  const hint = part("#compare-limit");
  const chosenList = part(".compare-chosen");
  const notice = part(".compare-notice");
  const differences = part("#compare-diff");
  const copy = part("#compare-copy");
  const copied = part(".compare-copied");
  const fallback = part(".compare-fallback");
  const linkField = part("#compare-link");
  const result = part(".compare-result");
  const figuresNote = part(".compare-figures-note");
  const min = Number(root.dataset.min);
  const max = Number(root.dataset.max);
  const src = new URL(root.dataset.src, location.href).href;

  let data;
  try {
    data = await fetchJson(src);
  } catch (error) {
    form.hidden = true;
    for (const child of state.children) child.hidden = child !== notice;
    delete root.dataset.pending;
    notice.textContent = "The framework data could not be loaded; the guide's comparisons are listed below.";
    root.dataset.mounted = "error";
    console.warn("compare:", error);
    return;
  }
  if (signal.aborted) return;

  const order = data.frameworks.map((fw) => fw.id);
  const byId = new Map(data.frameworks.map((fw) => [fw.id, fw]));
  const requested = normalise(parseQuery(location.search), order, max);
  let chosen = requested.known;

  function say(text) {
    notice.textContent = text;
  }

  function renderOptions() {
    options.replaceChildren(...data.frameworks.filter((fw) => !chosen.includes(fw.id)).map((fw) => element("option", { value: fw.name })));
    const full = chosen.length >= max;
    input.disabled = full;
    form.querySelector("button").disabled = full;
    hint.textContent = full ? `${max} frameworks chosen: remove one to add another.` : "";
  }

  function renderChosen() {
    chosenList.replaceChildren(...chosen.map((id) => {
      const fw = byId.get(id);
      const remove = element("button", { type: "button", class: "compare-remove", "data-id": id, "aria-label": `Remove ${fw.name}`, text: "Remove" });
      return element("li", {}, element("span", { class: "compare-chosen__name" }, ...richText(fw.name)), " ", remove);
    }));
  }

  function renderTable() {
    const frameworks = chosen.map((id) => byId.get(id));
    const nodes = [];
    let rows = [];
    differences.disabled = frameworks.length < min;
    if (frameworks.length < min) {
      const more = min - frameworks.length;
      nodes.push(element("p", { class: "compare-empty", text: `Add ${more} more framework${more > 1 ? "s" : ""} to compare.` }));
    } else {
      rows = visibleRows(buildRows(data, frameworks), differences.checked);
      if (rows.length === 0) nodes.push(element("p", { class: "compare-empty", text: "The guide says the same of these frameworks in every field shown." }));
      else nodes.push(tableNode(data, frameworks, rows, src));
    }
    // The note on the guide's figures (rendered by the build) shows when a figures row does.
    if (figuresNote) figuresNote.hidden = !rows.some((row) => ["claims", "facts"].includes(row.field.type));
    const notes = frameworks.flatMap((fw) => fw.facts?.notes ?? []);
    if (rows.length && notes.length) nodes.push(updateNotes(notes));
    const curated = curatedIncluding(data, chosen);
    if (curated.length) {
      const links = curated.map((c) => element("li", {}, element("a", { href: new URL(c.url, src).href }, ...richText(c.title))));
      nodes.push(element("p", { text: "The guide's verdict on these, in its comparisons:" }), element("ul", { class: "compare-curated-links" }, ...links));
    }
    result.replaceChildren(...nodes);
  }

  function update() {
    const address = location.pathname + serialise(chosen) + location.hash;
    history.replaceState(history.state, "", address);
    root.dispatchEvent(new CustomEvent("compare:change", { detail: { ids: [...chosen] } }));
    renderChosen();
    renderOptions();
    renderTable();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const fw = findFramework(data, input.value);
    if (!fw) {
      say(input.value.trim() ? `No framework is named “${input.value.trim()}”. Pick a name from the list.` : "Type a framework's name first.");
      return;
    }
    if (chosen.includes(fw.id)) {
      say(`${fw.name} is already in the comparison.`);
      return;
    }
    chosen = normalise([...chosen, fw.id], order, max).known;
    input.value = "";
    say(`${fw.name} added.`);
    update();
    if (!input.disabled) input.focus();
  }, { signal });

  chosenList.addEventListener("click", (event) => {
    const button = event.target.closest("button.compare-remove");
    if (!button) return;
    const fw = byId.get(button.dataset.id);
    chosen = chosen.filter((id) => id !== fw.id);
    say(`${fw.name} removed.`);
    update();
    input.focus();
  }, { signal });

  differences.addEventListener("change", renderTable, { signal });

  copy.addEventListener("click", async () => {
    // Where the guide compares exactly these, its page is the better link: its preview in a chat
    // app shows the frameworks and the verdict, where this page's can only describe itself.
    const curated = curatedSame(data, chosen);
    const url = curated ? new URL(curated.url, src).href : location.href;
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard access");
      await navigator.clipboard.writeText(url);
      fallback.hidden = true;
      copied.textContent = curated ? `Link copied: the guide's own comparison, “${plainText(curated.title)}”.` : "Link copied.";
    } catch {
      // No clipboard (insecure context, permission denied): show the link, selected, to copy by hand.
      linkField.value = url;
      fallback.hidden = false;
      linkField.focus();
      linkField.select();
      copied.textContent = "Copy the selected link with Ctrl+C (⌘C on a Mac).";
    }
  }, { signal });

  const problems = [];
  if (requested.unknown.length) {
    problems.push(`Not found: ${requested.unknown.join(", ")} (no framework has ${requested.unknown.length > 1 ? "these ids" : "this id"}).`);
  }
  if (requested.dropped.length) {
    problems.push(`Left out: ${requested.dropped.map((id) => byId.get(id).name).join(", ")} (compare at most ${max} at a time).`);
  }
  say(problems.join(" "));
  update();
  delete root.dataset.pending; // the room kept for a shared link's table is filled
  root.dataset.mounted = "true";
}

// ── The matrix picker ───────────────────────────────────────────────────────────────────

function mountMatrixPicker(toolbar, signal) {
  const table = document.getElementById("matrix");
  if (!table) return;
  const order = toolbar.dataset.order.split(" ");
  const min = Number(toolbar.dataset.min);
  const max = Number(toolbar.dataset.max);
  const status = toolbar.querySelector(".matrix-compare__status");
  const open = toolbar.querySelector("a");
  const cells = [...table.querySelectorAll("td[data-frameworks]")];
  const names = new Map();

  for (const td of cells) {
    for (const id of td.dataset.frameworks.split(" ")) {
      const anchor = [...td.querySelectorAll("a")].find((a) => a.getAttribute("href").endsWith(`frameworks/${id}/`));
      if (anchor) names.set(id, anchor.textContent);
    }
    const where = td.dataset.cell;
    const box = element("input", { type: "checkbox" });
    const label = element("label", { class: "matrix-pick" }, box, " Compare", element("span", { class: "visually-hidden", text: ` ${where}` }));
    td.append(label);
    box.addEventListener("change", update, { signal });
  }

  function update() {
    const picked = cells.filter((td) => td.querySelector(".matrix-pick input").checked);
    const ids = picked.flatMap((td) => td.dataset.frameworks.split(" "));
    const { known } = normalise([...new Set(ids)], order, Infinity);
    const listed = known.map((id) => names.get(id) ?? id).join(", ");
    const ready = known.length >= min && known.length <= max;
    // The link shows only when it leads somewhere; the status says what is missing.
    open.hidden = !ready;
    open.setAttribute("href", toolbar.dataset.href + (ready ? serialise(known) : ""));
    open.textContent = `Compare ${known.length} frameworks`;
    toolbar.toggleAttribute("data-picked", picked.length > 0);
    if (picked.length === 0) status.textContent = `Tick “Compare” in matrix cells to put their frameworks side by side (${min} to ${max}).`;
    else if (known.length < min) status.textContent = `Selected: ${listed}. Pick another cell: at least ${min} frameworks.`;
    else if (known.length > max) status.textContent = `Selected: ${listed}. That is ${known.length} frameworks; compare at most ${max}.`;
    else status.textContent = `Selected: ${listed}.`;
  }

  update();
  toolbar.hidden = false;
  toolbar.dataset.mounted = "true";
}

export function mount(root, signal) {
  if (root.id === "compare-any") return mountCompare(root, signal);
  if (root.id === "matrix-compare") return mountMatrixPicker(root, signal);
}
