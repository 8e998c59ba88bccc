// The kiosk's own behaviour: focus after a page swap, settings, touch hygiene, and the idle
// reset that leaves nothing of one visitor for the next.
(() => {
  "use strict";

  const body = document.body;

  // After htmx swaps in a new page, move focus to its heading, as a full page load would.
  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target && event.detail.target.id === "page") {
      const heading = document.querySelector("#page h1");
      if (heading) heading.focus({ preventScroll: true });
    }
  });

  // A settings tap: the server answers with the new classes and volume.
  document.addEventListener("kiosk:preferences", (event) => {
    const { classes, volume } = event.detail;
    const root = document.documentElement;
    root.className = classes;
    body.dataset.volume = volume;
    if (window.kioskReadAloud) window.kioskReadAloud.audio.volume = Number(volume);
  });

  // No long-press menu, no dragging things out of the page.
  document.addEventListener("contextmenu", (event) => event.preventDefault());
  document.addEventListener("dragstart", (event) => event.preventDefault());

  // Idle reset.
  const idleSeconds = Number(body.dataset.idleSeconds || 90);
  const warningSeconds = Number(body.dataset.idleWarningSeconds || 30);
  const dialog = document.getElementById("idle-dialog");
  let lastActivity = Date.now();
  let countdown = null;

  function activity() {
    lastActivity = Date.now();
  }

  ["pointerdown", "keydown", "wheel", "touchstart", "input"].forEach((type) =>
    document.addEventListener(type, activity, { capture: true, passive: true }));

  function somethingToReset() {
    const atStart = window.location.pathname === "/";
    const defaults = document.documentElement.className === "text-100 theme-default";
    return !atStart || !defaults || body.dataset.volume !== "0.6";
  }

  function listening() {
    const player = window.kioskReadAloud;
    const state = player && player.state();
    return Boolean(state && !state.paused && !dialog.open);
  }

  function warn() {
    let left = warningSeconds;
    document.getElementById("idle-count").textContent = String(left);
    dialog.showModal();
    if (window.kioskReadAloud) window.kioskReadAloud.speak(dialog);
    countdown = window.setInterval(() => {
      left -= 1;
      document.getElementById("idle-count").textContent = String(Math.max(left, 0));
      if (left <= 0) reset();
    }, 1000);
  }

  function keepGoing() {
    window.clearInterval(countdown);
    countdown = null;
    if (window.kioskReadAloud) window.kioskReadAloud.stop();
    dialog.close();
    activity();
  }

  async function reset() {
    window.clearInterval(countdown);
    if (window.kioskReadAloud) window.kioskReadAloud.stop();
    try {
      await fetch(body.dataset.resetUrl, {
        method: "POST",
        headers: { "X-CSRFToken": body.dataset.csrfToken, Accept: "application/json" },
        keepalive: true,
      });
    } catch (error) {
      // The server may be restarting; the start page below is still clean.
    }
    try {
      window.localStorage.clear();
      window.sessionStorage.clear();
    } catch (error) {
      // Storage may be disabled by policy.
    }
    window.location.replace("/");
  }

  dialog.addEventListener("cancel", (event) => {
    event.preventDefault(); // Esc means "I am here", like the button
    keepGoing();
  });
  dialog.querySelector("[data-idle-continue]").addEventListener("click", keepGoing);

  window.setInterval(() => {
    if (dialog.open || countdown) return;
    if (listening()) activity();
    if (Date.now() - lastActivity >= idleSeconds * 1000 && somethingToReset()) warn();
  }, 500);

  window.kioskIdle = { reset, warn };
})();
