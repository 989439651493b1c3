// Draws, in the reader's browser, the diagrams that were not drawn ahead of time: the build shows
// every diagram found in the cache of drawings (diagrams/, `make diagrams`) as an image, and leaves
// the others as figure.diagram[data-drawing='client'] > pre.diagram-source, e.g. while data is
// being edited under `make serve`. Mermaid is served by the site itself and fetched only for such
// a figure, once it comes near the viewport: Mermaid is large, and a diagram further down the page
// (or folded in a <details>) costs the reader nothing until they get there. Figures are drawn
// again after instant navigation and when the reader switches between light and dark.

const MERMAID_URL = new URL("../vendor/mermaid/mermaid.esm.min.mjs", import.meta.url).href;
const RENDER_URL = new URL("./diagram-render.mjs", import.meta.url).href;
let tools = null;
let sequence = 0;

function colorScheme() {
  return document.body.getAttribute("data-md-color-scheme") === "slate" ? "slate" : "default";
}

// Mermaid and the module that draws with it (shared with `make diagrams`, so both draw alike).
function loadTools() {
  tools ??= Promise.all([import(MERMAID_URL), import(RENDER_URL)])
    .then(([mermaid, render]) => ({ mermaid: mermaid.default, render }));
  return tools;
}

async function drawFigure({ mermaid, render }, figure, theme) {
  const source = figure.querySelector("pre.diagram-source")?.textContent ?? "";
  let target = figure.querySelector(".diagram-drawing");
  if (!target) {
    target = document.createElement("div");
    target.className = "diagram-drawing";
    figure.prepend(target);
  }
  try {
    target.replaceChildren(await render.drawSvg(mermaid, `diagram-${++sequence}`, source));
    figure.dataset.rendered = theme;
  } catch (error) {
    const note = document.createElement("p");
    note.className = "diagram-error";
    note.textContent = "This diagram could not be drawn; the linked text has the same information.";
    target.replaceChildren(note);
    figure.dataset.rendered = "error";
    console.warn("diagram not drawn:", error);
  }
}

async function draw(figures) {
  if (figures.length === 0) return;
  const loaded = await loadTools();
  const scheme = colorScheme();
  const theme = loaded.render.MERMAID_THEMES[scheme];
  loaded.render.configure(loaded.mermaid, theme);
  for (const figure of figures) {
    if (figure.isConnected && figure.dataset.rendered !== theme) await drawFigure(loaded, figure, theme);
  }
}

// One observer per page: figures are drawn as they come within a screen's height of the viewport.
let observer = null;

function mount() {
  observer?.disconnect();
  observer = null;
  const figures = document.querySelectorAll("figure.diagram[data-drawing='client']");
  if (figures.length === 0) return;
  observer = new IntersectionObserver((entries, self) => {
    const near = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
    near.forEach((figure) => self.unobserve(figure));
    draw(near);
  }, { rootMargin: "100% 0px" });
  figures.forEach((figure) => observer.observe(figure));
}

// Material emits document$ for the first page and after every instant navigation.
window.document$.subscribe(() => mount());

// The palette toggle changes data-md-color-scheme on <body>: redraw the figures drawn here in the
// new colours (the others are drawn in them when they come into view; CSS shows the image
// of the new palette).
new MutationObserver(() => draw([...document.querySelectorAll("figure.diagram[data-rendered]")])).observe(document.body, {
  attributes: true,
  attributeFilter: ["data-md-color-scheme"],
});
