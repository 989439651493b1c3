// Draws the Mermaid diagrams that the build generates from data (figure.diagram > pre.diagram-source).
// Mermaid is served by the site itself and fetched only by pages that have a diagram, once one
// comes near the viewport: Mermaid is large, and a diagram further down the page (or folded in a
// <details>) costs the reader nothing until they get there. Diagrams are drawn again after instant
// navigation and when the reader switches between light and dark.

const MERMAID_URL = new URL("../vendor/mermaid/mermaid.esm.min.mjs", import.meta.url).href;
let mermaidModule = null;
let sequence = 0;

function colorScheme() {
  return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "default";
}

function loadMermaid() {
  mermaidModule ??= import(MERMAID_URL).then((module) => module.default);
  return mermaidModule;
}

async function drawFigure(mermaid, figure, theme) {
  const source = figure.querySelector("pre.diagram-source")?.textContent ?? "";
  let target = figure.querySelector(".diagram-drawing");
  if (!target) {
    target = document.createElement("div");
    target.className = "diagram-drawing";
    figure.prepend(target);
  }
  try {
    const { svg } = await mermaid.render(`diagram-${++sequence}`, source);
    // Mermaid sanitises its own output; parsing it as SVG (not innerHTML) keeps it inert.
    const drawing = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
    drawing.setAttribute("role", "img");
    target.replaceChildren(document.importNode(drawing, true));
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
  const mermaid = await loadMermaid();
  const theme = colorScheme();
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: "strict",
    theme,
    fontFamily: "inherit",
    flowchart: { htmlLabels: false },
  });
  for (const figure of figures) {
    if (figure.isConnected && figure.dataset.rendered !== theme) await drawFigure(mermaid, figure, theme);
  }
}

// One observer per page: figures are drawn as they come within a screen's height of the viewport.
let observer = null;

function mount() {
  observer?.disconnect();
  observer = null;
  const figures = document.querySelectorAll("figure.diagram");
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

// The palette toggle changes data-md-color-scheme on <body>: redraw the drawn figures in the new
// colours (the others are drawn in them when they come into view).
new MutationObserver(() => draw([...document.querySelectorAll("figure.diagram[data-rendered]")])).observe(document.body, {
  attributes: true,
  attributeFilter: ["data-md-color-scheme"],
});
