// The one script of ours on every page: it imports a page's own module only where the page asks
// for it (an element with data-module="wizard" loads ./wizard.mjs), on the first page and after
// every instant navigation, which brings no new <head> scripts. A page module exports
// mount(root, signal); the signal aborts when the next page arrives, taking its listeners along.

let controller = null;

window.document$.subscribe(() => {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  for (const root of document.querySelectorAll("[data-module]")) {
    const name = root.dataset.module;
    if (!/^[a-z][a-z-]*$/.test(name)) continue; // a module of this folder, by name only
    import(new URL(`./${name}.mjs`, import.meta.url).href).then(
      (module) => signal.aborted || module.mount(root, signal),
      (error) => console.warn(`${name}.mjs not loaded:`, error),
    );
  }
});
