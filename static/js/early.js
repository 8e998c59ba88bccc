// Runs before the first paint (not deferred, see layout.html): tells the stylesheet that the
// scripts run, so the controls that need them (the Listen buttons) take their place from the
// start instead of appearing later and pushing the others aside.
document.documentElement.dataset.script = "on";
