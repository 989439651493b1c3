// The compare page's logic, without the DOM (importable by Node for tests): the frameworks query
// (parse, normalise, serialise in one canonical order), the side-by-side rows computed from
// api/frameworks.json, and the **bold** / `code` markup of data text as tokens.
//
// The rows follow the same rules as the curated pages' tables (macros/views/compare_table.py):
// a rationale field shows the framework's own value, then the values of the matrix cells where it
// is an option on its own; adjacent equal values share one cell; a row empty for every framework
// is left out.

/** The ids named by a query string such as "?frameworks=fastapi,gin": trimmed, lower-cased,
 * without empties or repeats, in the order given. */
export function parseQuery(search) {
  const raw = new URLSearchParams(search).get("frameworks") ?? "";
  const ids = raw.split(",").map((id) => id.trim().toLowerCase()).filter(Boolean);
  return [...new Set(ids)];
}

/** Split requested ids into the known ones (in canonical order, at most `max`), the unknown ones
 * and the known ones left out over the limit. `order` lists every known id in canonical order. */
export function normalise(ids, order, max) {
  const rank = new Map(order.map((id, index) => [id, index]));
  const unknown = ids.filter((id) => !rank.has(id));
  const known = ids.filter((id) => rank.has(id)).sort((a, b) => rank.get(a) - rank.get(b));
  return { known: known.slice(0, max), unknown, dropped: known.slice(max) };
}

/** The query string for a set of ids (already in canonical order); "" for none. Ids are
 * lower-case letters, digits and hyphens, so the commas stay readable. */
export function serialise(ids) {
  return ids.length ? `?frameworks=${ids.map(encodeURIComponent).join(",")}` : "";
}

/** The framework a picker entry names: its name (any case) or its id. */
export function findFramework(data, entry) {
  const wanted = entry.trim().toLowerCase();
  if (!wanted) return null;
  return data.frameworks.find((fw) => fw.name.toLowerCase() === wanted || fw.id === wanted) ?? null;
}

/** Curated comparisons that include every chosen framework. */
/** The curated comparison of exactly these frameworks, if the guide draws one: its page is the
 * address to share (its link preview shows the frameworks and the verdict). */
export function curatedSame(data, ids) {
  return data.comparisons.find((c) => c.frameworks.length === ids.length && ids.every((id) => c.frameworks.includes(id)));
}

export function curatedIncluding(data, ids) {
  if (ids.length === 0) return [];
  return data.comparisons.filter((c) => ids.every((id) => c.frameworks.includes(id)));
}

// ── Rows ─────────────────────────────────────────────────────────────────────────────────

function lookup(list, id) {
  return list.find((entry) => entry.id === id);
}

function cellOf(data, ref) {
  return data.cells.find((c) => c.language === ref.language && c.use_case === ref.use_case);
}

/** "Go × Lightweight microservices" */
export function cellLabel(data, ref) {
  return `${lookup(data.languages, ref.language).name} × ${lookup(data.use_cases, ref.use_case).short_name}`;
}

function texts(value) {
  if (!value || (Array.isArray(value) && value.length === 0)) return [];
  return (Array.isArray(value) ? value : [value]).map((text) => ({ text, href: null }));
}

function ownItems(data, fw, field) {
  switch (field.type) {
    case "text":
    case "rationale":
      return texts(fw[field.key]);
    case "language": {
      if (fw.language === null) return [{ text: fw.other_language ?? "Any (language-agnostic)", href: null }];
      // The tagline completes the link's name for assistive technology (a link named "Go" alone
      // reads like a command), as on the curated pages.
      const language = lookup(data.languages, fw.language);
      return [{ text: language.name, href: language.url, hidden: language.tagline }];
    }
    case "kind":
      return [{ text: lookup(data.kinds, fw.kind).name, href: null }];
    case "use_cases":
      return fw.use_cases.map((id) => ({ text: lookup(data.use_cases, id).short_name, href: lookup(data.use_cases, id).url }));
    case "cells":
      return fw.cells.map((ref) => ({ text: cellLabel(data, ref), href: cellOf(data, ref).url }));
    default:
      return [];
  }
}

const COMPUTED = ["claims", "facts"];

/** One framework's value for one field: groups of items, each from the framework's own record
 * (source null) or from one of its matrix cells (source: the cell's label). */
export function valueOf(data, fw, field) {
  // The guide's figures (one range per metric) and the facts beyond the guide come computed, as
  // the curated pages show them (api/frameworks.json `values`).
  if (COMPUTED.includes(field.type)) return fw.values[field.key] ?? [];
  const own = ownItems(data, fw, field);
  const groups = own.length ? [{ source: null, items: own }] : [];
  if (field.type === "rationale") {
    for (const ref of fw.cells) {
      const cell = cellOf(data, ref);
      // Only part of a combination (Celery + RabbitMQ): the cell's words are not about it.
      if (!cell.options.some((option) => option.length === 1 && option[0] === fw.id)) continue;
      const items = texts(cell.rationale[field.key]);
      if (items.length) groups.push({ source: cellLabel(data, ref), items });
    }
  }
  return groups;
}

/** The rows for frameworks (objects of data.frameworks), in data.fields order, without the rows
 * empty for every framework. Each row: { field, values (one per framework), same }. */
export function buildRows(data, frameworks) {
  const rows = [];
  for (const field of data.fields) {
    const values = frameworks.map((fw) => valueOf(data, fw, field));
    if (values.every((value) => value.length === 0)) continue;
    rows.push({ field, values, same: isSame(values) });
  }
  return rows;
}

export function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function isSame(values) {
  return values.every((value) => sameValue(value, values[0]));
}

/** Runs of adjacent equal, non-empty values as { value, span }. */
export function mergeCells(values) {
  const runs = [];
  for (const value of values) {
    const last = runs.at(-1);
    if (last && value.length && sameValue(last.value, value)) last.span += 1;
    else runs.push({ value, span: 1 });
  }
  return runs;
}

/** The rows to show: all, or only those whose values differ. */
export function visibleRows(rows, onlyDifferences) {
  return onlyDifferences ? rows.filter((row) => !row.same) : rows;
}

/** Whose value a cell holds, as the phone layout labels it: "Gin", "Gin and Echo", "Gin, Echo and Axum"
 * (macros/views/compare_table.py `who`). */
export function whoLabel(names) {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
