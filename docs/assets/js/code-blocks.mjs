// Material gives each code block a <nav> for its copy button. Several unnamed navs on one page are
// landmarks a screen reader cannot tell apart, so each gets a name: its file's, or its place.
// Material adds the navs itself, possibly after this module runs: new ones are named as they come.

function nameCodeNavs() {
  const navs = document.querySelectorAll("pre > nav.md-code__nav");
  navs.forEach((nav, index) => {
    if (nav.hasAttribute("aria-label")) return;
    const file = nav.closest(".highlight")?.querySelector(".filename")?.textContent?.trim();
    nav.setAttribute("aria-label", file ? `Code: ${file}` : `Code block ${index + 1}`);
  });
}

new MutationObserver(() => nameCodeNavs()).observe(document.body, { childList: true, subtree: true });
window.document$.subscribe(() => nameCodeNavs());
