// Runs before the first paint (not deferred, see layout.html): tells the stylesheet that the
// scripts run, so the controls that need them (the Listen buttons) take their place from the
// start instead of appearing later and pushing the others aside. In the public copy it also
// puts back the text size and contrast the visitor chose on an earlier page (public-site.js).
document.documentElement.dataset.script = "on";
if ("publicSite" in document.documentElement.dataset) {
  try {
    const kept = window.localStorage.getItem("kiosk-public-classes");
    if (kept && /^((text|theme)-[a-z0-9]+ ?)+$/.test(kept)) document.documentElement.className = kept;
  } catch (error) {
    // Storage may be disabled: the page keeps its default settings.
  }
}
