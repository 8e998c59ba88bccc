// The public copy's settings (run.py export): text size and contrast change the classes on
// <html> in the browser, as the kiosk's server does for its visitors, and are kept in
// localStorage so the next page opens the same way (early.js puts them back before the first
// paint). The sizes and their words come from the page (body's data-text-sizes).
(() => {
  "use strict";

  const root = document.documentElement;
  const sizes = JSON.parse(document.body.dataset.textSizes || "[]");
  const STORE = "kiosk-public-classes";

  function currentSize() {
    return Math.max(0, sizes.findIndex((size) => root.classList.contains(size.class)));
  }

  function show() {
    const text = document.querySelector('[data-public-setting="text"] span');
    if (text && sizes.length) text.textContent = sizes[currentSize()].label;
    const theme = document.querySelector('[data-public-setting="theme"]');
    if (theme) theme.setAttribute("aria-pressed", String(root.classList.contains("theme-contrast")));
  }

  function keep() {
    const classes = [...root.classList].filter((name) => /^(text|theme)-/.test(name));
    try {
      window.localStorage.setItem(STORE, classes.join(" "));
    } catch (error) {
      // Storage may be disabled: the setting then holds for this page only.
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-public-setting]");
    if (!button) return;
    if (button.dataset.publicSetting === "text" && sizes.length) {
      const next = (currentSize() + 1) % sizes.length;
      sizes.forEach((size) => root.classList.remove(size.class));
      root.classList.add(sizes[next].class);
    } else if (button.dataset.publicSetting === "theme") {
      const contrast = !root.classList.contains("theme-contrast");
      root.classList.toggle("theme-contrast", contrast);
      root.classList.toggle("theme-default", !contrast);
    }
    keep();
    show();
  });

  show();
})();
