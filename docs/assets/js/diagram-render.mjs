// How a diagram is drawn: one module for `make diagrams` (macros/draw_diagrams.py, which draws
// every diagram ahead of time into diagrams/) and for the reader's browser (diagrams.mjs, for a
// diagram missing from that cache), so both draw alike. The build keys each cached drawing by
// this file's text too: changing anything here makes every cached drawing a miss.

// Fonts with the same metrics wherever the site is read (Liberation Sans is metric-compatible
// with Arial and Helvetica): labels measured when drawing still fit their boxes when shown.
// docs/assets/css/site.css sets the same family for diagram text.
export const FONT_FAMILY = 'Arial, "Liberation Sans", Helvetica, sans-serif';

// Material's palette ("default" or "slate") -> Mermaid's theme.
export const MERMAID_THEMES = { default: "default", slate: "dark" };

// Mermaid's dark edge labels are #ccc on #585858, 4.4:1: a darker background gives 5.3:1 (WCAG AA).
const THEME_VARIABLES = { dark: { edgeLabelBackground: "#4d4d4d" } };

export function configure(mermaid, theme) {
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: "strict",
    theme,
    themeVariables: THEME_VARIABLES[theme] ?? {},
    fontFamily: FONT_FAMILY,
    // Labels stay HTML in <foreignObject> (Mermaid's default): as SVG text, each word is an
    // element of its own, and the wizard's tree cost more to parse and lay out (measured).
    // Mermaid draws some shapes with rough.js, which is random unless seeded: the same source
    // gives the same drawing, so redrawing the cache changes no file.
    handDrawnSeed: 1,
  });
}

// The drawing as an <svg> element with id `id`. Mermaid sanitises its own output; parsing it as
// SVG (not innerHTML) keeps it inert. role="img": its accessible name is the diagram's accTitle
// (Mermaid links it through aria-labelledby), and its parts are not read one by one.
export async function drawSvg(mermaid, id, source) {
  const { svg } = await mermaid.render(id, source);
  const drawing = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
  drawing.setAttribute("role", "img");
  return document.importNode(drawing, true);
}
