// The stack composer's logic without the DOM: the picks in the address, the composed stack, the
// compose sketch and the decision record. It reads api/stack.json and follows the same steps as
// macros/views/sections/stack.py, which draws the guide's own stack for the page (tests compare
// the two). Tested in Node (tests/js/stack-core.test.mjs).

const BROKER = "broker";
const WORKER = "worker";

/** The picks an address names, one per slot (the slot's default where it names none), and what
 * it names that the slot does not offer. */
export function parseQuery(search, data) {
  const params = new URLSearchParams(search);
  const picks = {};
  const unknown = [];
  for (const slot of data.slots) {
    const value = params.get(slot.id);
    const wanted = value === null ? "" : value.trim().toLowerCase();
    if (wanted && slot.picks.some((p) => p.id === wanted)) picks[slot.id] = wanted;
    else {
      if (value !== null) unknown.push({ slot: slot.id, name: slot.name, value });
      picks[slot.id] = slot.default;
    }
  }
  return { picks, unknown };
}

/** The address of a stack: every slot, in the slots' order. */
export function serialise(picks, data) {
  return `?${data.slots.map((slot) => `${slot.id}=${encodeURIComponent(picks[slot.id])}`).join("&")}`;
}

export function defaults(data) {
  return Object.fromEntries(data.slots.map((slot) => [slot.id, slot.default]));
}

/** The composed stack: its boxes (node -> {name, detail, note}, in drawing order), its lines
 * ({from, to, protocol, via}) and the services of its compose sketch. */
export function compose(data, picks) {
  const fws = data.frameworks;
  const kindOf = (id) => fws[id].kind;
  const boxes = new Map();
  const stores = Object.entries(data.boxes).filter(([, box]) => box.role === "store");
  for (const [node, box] of Object.entries(data.boxes)) {
    if (box.role !== "store") boxes.set(node, { name: box.name, detail: box.detail, note: "" });
  }
  const members = {};
  let broker = null;
  let worker = null;
  let rpc = null;
  let own = false;
  let brokerSlot = null;
  for (const slot of data.slots) {
    const pick = slot.picks.find((p) => p.id === picks[slot.id]);
    members[slot.id] = pick.members;
    if (slot.node === BROKER) {
      broker = pick.members.find((id) => data.kinds.broker.includes(kindOf(id))) ?? slot.component.frameworks[0];
      worker = pick.members.find((id) => data.kinds.worker.includes(kindOf(id))) ?? null;
      rpc = pick.members.find((id) => data.kinds.rpc.includes(kindOf(id))) ?? null;
      own = slot.component.frameworks.includes(broker);
      brokerSlot = slot;
    } else {
      boxes.set(slot.id, { name: pick.name, detail: data.languages[pick.language] ?? "", note: slot.name, port: slot.port });
    }
  }
  const brokerNode = stores.find(([, box]) => box.frameworks.includes(broker))?.[0] ?? BROKER;
  if (brokerNode === BROKER) {
    const detail = own ? brokerSlot.component.detail : fws[broker].kind_name;
    boxes.set(BROKER, { name: fws[broker].name, detail, note: brokerSlot.name });
  }
  if (worker) boxes.set(WORKER, { name: `${fws[worker].name} worker`, detail: fws[worker].kind_name, note: "" });
  for (const [node, box] of stores) {
    boxes.set(node, { name: box.name, detail: box.detail, note: node === brokerNode ? brokerSlot.name : "" });
  }
  const inStack = new Set([...Object.values(members).flat(), broker, ...Object.values(data.boxes).flatMap((box) => box.frameworks)]);
  const lines = [];
  for (const line of data.lines) {
    if (!line.names.every((name) => inStack.has(name))) continue; // a line of a framework this stack does not run
    const [from, to] = [line.from, line.to].map((node) => (node === BROKER ? brokerNode : node));
    const via = rpc && line.protocol === data.rpc_protocol ? fws[rpc].name : "";
    const same = lines.find((x) => x.from === from && x.to === to);
    if (!same) lines.push({ from, to, protocol: line.protocol, via });
    else if (!same.protocol.split(", ").includes(line.protocol)) {
      same.protocol = `${same.protocol}, ${line.protocol}`;
      same.via ||= via;
    }
  }
  if (worker) lines.push({ from: brokerNode, to: WORKER, protocol: data.worker_line, via: "" });
  return { boxes, lines, services: services(data, picks, broker, brokerNode, worker, lines) };
}

function services(data, picks, broker, brokerNode, worker, lines) {
  const out = new Map();
  if (data.gateway_service) out.set(data.gateway_service.name, { ...data.gateway_service.settings });
  const nameOf = new Map();
  for (const [node, box] of Object.entries(data.boxes)) if (box.role === "store") nameOf.set(node, box.frameworks[0]);
  if (brokerNode === BROKER) nameOf.set(BROKER, broker);
  if (worker) nameOf.set(WORKER, `${worker}-worker`);
  const own = data.slots.filter((slot) => slot.node !== BROKER);
  for (const slot of own) {
    const name = picks[slot.id];
    nameOf.set(slot.node, [...nameOf.values()].includes(name) ? `${name}-${slot.id}` : name);
  }
  for (const slot of own) {
    const name = nameOf.get(slot.node);
    const { port } = slot;
    const labels = ["traefik.enable=true", `traefik.http.routers.${name}.rule=Host(\`${name}.example.com\`)`,
      `traefik.http.routers.${name}.tls.certresolver=letsencrypt`, `traefik.http.services.${name}.loadbalancer.server.port=${port}`];
    if (lines.some((x) => x.to === slot.node && x.from === "gateway" && x.protocol === data.rpc_protocol)) {
      labels.push(`traefik.http.services.${name}.loadbalancer.server.scheme=h2c`);
    }
    const needs = [...new Set(lines.filter((x) => x.from === slot.node && nameOf.has(x.to)).map((x) => nameOf.get(x.to)))];
    out.set(name, { build: `./${name}`, expose: [String(port)], labels, ...(needs.length ? { depends_on: needs } : {}) });
  }
  if (worker) out.set(nameOf.get(WORKER), { build: `./${nameOf.get(WORKER)}`, depends_on: [nameOf.get(brokerNode)] });
  if (brokerNode === BROKER) out.set(broker, { image: data.images[broker] });
  for (const [node, box] of Object.entries(data.boxes)) {
    if (box.role === "store") out.set(nameOf.get(node), { image: data.images[box.frameworks[0]] });
  }
  return out;
}

/** The compose sketch as YAML: every text quoted as JSON, which YAML reads as it is. */
export function composeYaml(data, composition) {
  const out = [...data.compose_header, "services:"];
  for (const [name, settings] of composition.services) {
    out.push(`  ${name}:`);
    for (const [key, value] of Object.entries(settings)) {
      if (Array.isArray(value)) out.push(`    ${key}:`, ...value.map((item) => `      - ${JSON.stringify(item)}`));
      else out.push(`    ${key}: ${JSON.stringify(value)}`);
    }
  }
  return `${out.join("\n")}\n`;
}

/** "Gin: Go, port 9000 (Lightweight microservices)" */
export function boxText(box) {
  const where = [box.detail, box.port ? `port ${box.port}` : ""].filter(Boolean).join(", ");
  return `${box.name}: ${where}${box.note ? ` (${box.note})` : ""}`;
}

/** "Socket.IO → Gin: gRPC (gRPC-Go)" */
export function lineText(composition, line) {
  const protocol = line.via ? `${line.protocol} (${line.via})` : line.protocol;
  return `${composition.boxes.get(line.from).name} → ${composition.boxes.get(line.to).name}: ${protocol}`;
}

/** The languages a stack runs, in the order of its slots. */
export function languagesOf(data, picks) {
  const ids = data.slots.map((slot) => slot.picks.find((p) => p.id === picks[slot.id]).language).filter(Boolean);
  return [...new Set(ids)].map((id) => data.languages[id]);
}

// ── Decision record (ADR) ─────────────────────────────────────────────────────────────────

// Data texts are Markdown already (**bold**, `code`); a backslash keeps "<" from starting HTML.
const md = (text) => text.replace(/</g, "\\<");

/** The stack as a decision record in Markdown. `url`: the composer's address with the picks;
 * `base`: the JSON's, which its URLs are relative to. */
export function stackRecord(data, picks, { url, base, date }) {
  const composition = compose(data, picks);
  const link = (path) => new URL(path, base).href;
  const named = (id) => `[${md(data.frameworks[id].name)}](${link(data.frameworks[id].url)})`;
  const chosen = data.slots.map((slot) => ({ slot, pick: slot.picks.find((p) => p.id === picks[slot.id]) }));
  const out = [`# Polyglot stack: ${md(chosen.map(({ pick }) => pick.name).join(", "))}`, "",
    "- Status: Proposed", `- Date: ${date}`, `- Source: [the stack composer](${url})`, "", "## Context", "",
    "We are composing a platform of services for data APIs: one framework for each use case of the guide's matrix, "
      + "each placed where the guide's recommended polyglot stack runs that use case.", "", "## Decision", ""];
  for (const { slot, pick } of chosen) {
    const language = data.languages[pick.language];
    const where = [language, slot.port ? `port ${slot.port}` : ""].filter(Boolean).join(", ");
    out.push(`- **${md(slot.name)}**: ${pick.members.map(named).join(" + ")}${where ? ` (${md(where)})` : ""}`);
  }
  out.push("", "The lines of the stack, each with its protocol:", "",
    ...composition.lines.map((line, i) => `${i + 1}. ${md(lineText(composition, line))}`), "", "## Consequences", "");
  const languages = languagesOf(data, picks);
  out.push(`- Languages to run: ${md(languages.join(", "))} (${languages.length})`);
  for (const caution of data.cautions) {
    for (const line of caution.lines) out.push(`- ${md(caution.label)}: ${md(line)}`);
  }
  out.push("", "## Compose sketch", "", "```yaml", composeYaml(data, composition).trimEnd(), "```");
  return `${out.join("\n")}\n`;
}
