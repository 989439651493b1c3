// What the page modules share: building elements with data as text only, and fetching the site's
// JSON once per address (kept across instant navigation, dropped again if the request failed).

const requests = new Map(); // absolute URL -> Promise of the parsed JSON

export function fetchJson(src) {
  if (!requests.has(src)) {
    const request = fetch(src).then((response) => {
      if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
      return response.json();
    });
    request.catch(() => requests.delete(src));
    requests.set(src, request);
  }
  return requests.get(src);
}

/** An element with attributes (`text` sets its textContent) and children (nodes or strings). */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}
