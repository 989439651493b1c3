// The compare page's code section, without the DOM (importable by Node for tests): which tasks the
// chosen frameworks share, in what order, and the words shown, from api/code-examples.json.
//
// The same rules as the curated comparison pages (macros/views/sections/code_examples.py): a task
// is shown when at least two of the chosen frameworks have an example of it, the examples in the
// order the frameworks were chosen; a file every one of them includes (the shared items.proto) is
// shown once, above the tabs.

/** "26 lines", "110 lines in 2 files": the framework's own code, blank lines aside. */
export function linesText(example) {
  const counted = example.files.filter((file) => file.counted).length;
  const files = counted > 1 ? ` in ${counted} files` : "";
  return `${example.lines} line${example.lines === 1 ? "" : "s"}${files}`;
}

/** For each task at least two of `ids` have: {task, examples (in the order of ids), without
 * (ids that have no example of it), shared (the path of a file all its examples include, or null)};
 * the tasks most of them have first, then in the data's order. */
export function sharedTasks(data, ids) {
  const out = [];
  for (const task of data.tasks) {
    const byFramework = new Map(data.examples.filter((e) => e.task === task.id).map((e) => [e.framework, e]));
    const examples = ids.filter((id) => byFramework.has(id)).map((id) => byFramework.get(id));
    if (examples.length < 2) continue;
    out.push({
      task,
      examples,
      without: ids.filter((id) => !byFramework.has(id)),
      shared: sharedFile(examples),
    });
  }
  return out.sort((a, b) => b.examples.length - a.examples.length);
}

/** The path of an uncounted file that every example includes (the shared .proto), or null. */
export function sharedFile(examples) {
  const [first, ...rest] = examples;
  const file = first.files.find((f) => !f.counted && rest.every((e) => e.files.some((g) => g.path === f.path)));
  return file ? file.path : null;
}

/** The files a tab shows: the example's own code (its manifests are on its page; the shared file
 * shows above the tabs). */
export function tabFiles(example) {
  return example.files.filter((file) => file.counted);
}

/** What the status line says for these ids ("" when the tabs say it all). */
export function statusText(data, ids) {
  if (ids.length < 2) return "Choose two frameworks to see their code side by side.";
  if (sharedTasks(data, ids).length > 0) return "";
  const having = ids.map((id) => data.examples.find((e) => e.framework === id)).filter(Boolean);
  if (having.length === 0) return "None of these frameworks has a code example on this site.";
  const names = having.map((e) => e.framework_name).join(", ");
  return `These frameworks have no example of the same task. The code of ${names} is on ${having.length > 1 ? "their pages" : "its page"}.`;
}
