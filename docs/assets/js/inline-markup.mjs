// Data text in the browser: plain text in which **bold** and `code` are the only markup, read as
// macros/views/text.py `segments` reads it (one table of cases, tests/cases/inline_markup.json,
// runs against both). Rendered with textContent only: any other character is text.

const CODE = /`([^`\n]+)`/; // split() keeps the captured code between the other pieces
const BOLD = /\*\*(.+?)\*\*/g;

/** The text as segments: [kind, chars] with kind "text", "bold" or "code". */
export function segments(text) {
  const out = [];
  const add = (kind, chars) => {
    if (kind === "text" && out.length && out[out.length - 1][0] === "text") out[out.length - 1][1] += chars;
    else if (chars || kind !== "text") out.push([kind, chars]);
  };
  text.split(CODE).forEach((piece, index) => {
    if (index % 2) return add("code", piece);
    let end = 0;
    for (const match of piece.matchAll(BOLD)) {
      add("text", piece.slice(end, match.index));
      add("bold", match[1]);
      end = match.index + match[0].length;
    }
    add("text", piece.slice(end));
  });
  return out;
}

/** The text without its markup. */
export function plainText(text) {
  return segments(text).map(([, chars]) => chars).join("");
}

const TAGS = { bold: "strong", code: "code" };

/** DOM nodes for the text: text nodes, <strong> and <code>, all filled with textContent. */
export function inlineNodes(text, doc = document) {
  return segments(text).map(([kind, chars]) => {
    if (kind === "text") return doc.createTextNode(chars);
    const element = doc.createElement(TAGS[kind]);
    element.textContent = chars;
    return element;
  });
}
