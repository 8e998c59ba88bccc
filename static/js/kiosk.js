// The kiosk's own behaviour: focus after a page swap, settings, touch hygiene, and the idle
// reset that leaves nothing of one visitor for the next. It defines window.kiosk, the one
// front-end module; read-aloud.js (loaded after this file, see layout.html) adds readAloud.
//
// The data-* protocol: what the server writes into the page and the scripts read. This is the
// one list of it (docs/FRONTEND.md repeats it for readers of the docs).
//
// | attribute | on | written by | meaning, read by |
// |---|---|---|---|
// | data-default-classes | body | layout.html | the <html> classes of the default settings ("text-100 theme-default"); the idle reset is needed when they differ (kiosk.js) |
// | data-default-volume | body | layout.html | the default volume, 0 to 1; the idle reset is needed when data-volume differs (kiosk.js) |
// | data-volume | body | layout.html, kiosk.js | this visitor's volume, 0 to 1; updated by kiosk.preferences.apply; the audio plays at it (read-aloud.js) |
// | data-idle-seconds | body | layout.html | seconds without a touch before the idle warning (kiosk.js) |
// | data-idle-warning-seconds | body | layout.html | seconds the idle warning counts down before the reset (kiosk.js) |
// | data-reset-url | body | layout.html | POST here (with the CSRF token) to forget the visitor's settings (kiosk.js) |
// | data-csrf-token | body | layout.html | the token for the X-CSRFToken header of the scripts' POSTs |
// | data-listen-done-url | body | layout.html | POST lang and slug here when a topic was heard to the end (read-aloud.js) |
// | data-speech-unavailable | body | layout.html | the message shown when speech fails, in the page's language (read-aloud.js) |
// | data-speech | a region | pages, components | URL of the region's speech JSON ({audio, sentences: [{start, end, text, words: [[text, start, end]]}]}); a Listen button plays the region it is in; the word being spoken is marked (read-aloud.js, word-marks.js) |
// | data-count-texts | p.idle-dialog__count | dialog.html | JSON list: the countdown line for 0, 1, 2, … seconds left, each in its plural form (kiosk.js) |
// | data-lang, data-slug | the topic article | topic.html | which topic a region reads, for data-listen-done-url (read-aloud.js) |
// | data-speech-full | the topic article | topic.html | URL of the whole topic's speech JSON, for "Alles voorlezen" (data-listen="full") and audio mode (read-aloud.js, audio-mode.js) |
// | data-public-site | html | layout.html | the page is the public copy (run.py export): early.js puts back the visitor's saved text size and contrast before the first paint |
// | data-text-sizes | body (public copy) | layout.html | JSON list of {class, label}: each text size's class on `<html>` and the words on its button (public-site.js) |
// | data-public-setting | button in #settings-bar (public copy) | settings.html | text or theme: changes the `<html>` classes in the browser and keeps them in localStorage (public-site.js) |
// | data-needs-script | an element | bottom_bar.html | left out without the script (CSS) |
// | data-speak-now | a region with data-speech | print_status.html, settings.html | read it aloud once as soon as it appears; the value is a key, so each new state is read once (read-aloud.js) |
// | data-speak-if-quiet | a region with data-speak-now | settings.html | not read over a text that is being read aloud (a setting's new state) (read-aloud.js) |
// | data-script | html | early.js | the scripts run: what needs them is laid out before the first paint (CSS) |
// | data-nav | a.nav-button, button.nav-button | bottom_bar.html | home, back, help, language, settings: the bottom bar's places (tests, bench) |
// | data-action-row | .action-row | action_row.html | a screen's main actions; measured into --chrome-bottom when fixed (screen.js) |
// | data-cards | ul.cards | topic_index.html | the cards screen.js shows as many of as fit; data-cards-label is the "1 tot 6 van 10" pattern ({first}, {last}, {total}) |
// | data-cards-previous, data-cards-next, data-cards-count | the pager in the action row | topic_index.html | show the previous or next cards; the count of those shown (screen.js) |
// | data-player | .player (listen_buttons) | player.html | the Listen buttons of a region; shown only when the scripts run (html[data-script], read-aloud.js) |
// | data-player-status | .player__status | player.html | where a region's speech error is shown (read-aloud.js) |
// | data-listen | button | player.html | "summary" or "full": play the region's speech, or all of it (?part=full) (read-aloud.js) |
// | data-action | button in #player-bar | player.html | previous, repeat, pause, resume, next, stop (read-aloud.js) |
// | data-speed | button in #player-bar | player.html | playback rate (0.75, 1, 1.25), pitch kept; aria-pressed marks the chosen one (read-aloud.js) |
// | data-s | span.s | sentences.html, the content's HTML | the sentence's number in its region's speech: highlighted while spoken, a tap plays from it (read-aloud.js) |
// | data-word-mode | button in the topic's action row | topic.html | "Woord voor woord": the URL of the topic's words.json ({sentences: [[word]], speech}); aria-pressed while a tap on a word says just that word (word-by-word.js) |
// | data-idle-continue | button in #idle-dialog | dialog.html | "I am still here": closes the idle warning (kiosk.js) |
// | data-state | #print-status | print_status.html | the print job's state (waiting, printing, done, failed), for tests and styles |
// | data-audio | body, the page marker | layout.html, _fragment.html | audio mode's settings as JSON: keys (action → key names), ordinary (keys that do not start it), holdMs, confirmMs, sayUrl, messages (name → speech URL) (audio-mode.js) |
// | data-say, data-say-key, data-say-lang | an item | the templates, through say() | what the item says in audio mode, its signature, its language; the speech comes from sayUrl?lang&text&key (audio-mode.js) |
// | data-say-on, data-say-off (and -key, -lang) | a toggle | control_button.html | what it says when aria-pressed is true or false (audio-mode.js) |
// | data-say-opener (and -key, -lang) | a term popover | term_popover.html | what the hard word's button in the text says (audio-mode.js) |
// | data-announce, data-announce-again (and -key, -lang) | a screen's main, a sheet | the templates, through announce() | what it says when it appears, the first time and when seen before (audio-mode.js) |
// | data-audio-help | a screen's main, a sheet | announce() | the speech URL of its first Help layer (audio-mode.js) |
// | data-audio-caption | p.audio-caption | layout.html | the caption line: holds the text being said while audio mode is on (audio-mode.js) |
// | data-audio-off | button in #settings-sheet | settings.html | "Spraak uit": ends audio mode (audio-mode.js) |
// | data-page-lang, data-page-dir | template in a swapped screen | _fragment.html | the screen's language and direction, put on <html> with its data-audio and data-speech-unavailable (kiosk.js) |
//
// Ids the scripts use: #page (htmx swaps pages into it; focus goes to its h1), #player-bar, #idle-dialog,
// #idle-count (the countdown number), #settings-bar (swapped by a settings tap, inside #settings-sheet).
// CSS custom properties the scripts set: --chrome-bottom on <html> (the height of what is fixed at the
// bottom, screen.js); those they read: none (--reach-top and --comfort-top come from /screen/zones.css).
// Events: the server's HX-Trigger "kiosk:preferences" ({classes, volume}) after a settings tap;
// read-aloud.js's "kiosk:caption" ({text}: the sentence now spoken) and "kiosk:speech-failed"
// ({message}).
// Classes the scripts set: is-reading (on the region being read, and on body while the bar shows),
// is-current (on the .s spans being spoken), is-word-mode (on body while "Woord voor woord" is
// on), audio-mode (on <html> while it is on), is-audio-focus
// (on the item audio mode highlights).
//
// The front-end module, window.kiosk (kiosk.js defines it; read-aloud.js, screen.js and
// audio-mode.js, loaded after it, add readAloud, screen and audioMode):
//   kiosk.preferences.apply({classes, volume})  give the page new settings at once
//   kiosk.idle.warn()                           show the idle warning now (and read it aloud)
//   kiosk.idle.reset()                          forget the visitor and go back to the start
//   kiosk.readAloud.audio                       the one <audio> element of the kiosk
//   kiosk.readAloud.speak(region)               read a region with data-speech aloud
//   kiosk.readAloud.play(url, options)          play speech JSON: {region, first, last, text, onEnded, onError}
//   kiosk.readAloud.prefetch(url)               fetch speech and its audio ahead
//   kiosk.readAloud.pauseOrContinue()           pause or continue what is playing
//   kiosk.readAloud.step(delta)                 a sentence back (-1) or on (+1)
//   kiosk.readAloud.stepWord(delta)             a word back (-1) or on (+1)
//   kiosk.readAloud.stop()                      stop speech at once
//   kiosk.readAloud.state()                     what is playing: {current, sentences, paused, rate, time, start, text}, or null
//   kiosk.wordMarks.follower(region, i, words)  marks a sentence's words as its audio plays
//   kiosk.wordMarks.ranges(region, i, words)    each listed word of sentence i as a Range
//   kiosk.wordMarks.show(range) / marked()      mark one Range (null: none) / the word marked
//   kiosk.wordByWord.on() / set(on)             "Woord voor woord" on? / turn it on or off
//   kiosk.screen.layOut()                       measure the bottom bars again and show the cards that fit
//   kiosk.screen.showCards(start)               show the cards from number `start` that fit
//   kiosk.audioMode.on(), .current(), .caption()  whether audio mode is on, its item, the caption
//   kiosk.audioMode.start(how), .stop()         start it ("keys" or "touch"), end it
//   kiosk.audioMode.tones                       the tones it played ("edge", "error"), for tests
(() => {
  "use strict";

  const body = document.body;
  const dialog = document.getElementById("idle-dialog");

  // The one front-end module. readAloud is filled in by read-aloud.js.
  const kiosk = {
    readAloud: null,
    idle: { reset, warn },
    preferences: { apply: applyPreferences },
  };
  window.kiosk = kiosk;

  // A screen swapped in by htmx in another language (the Dutch start screen after an Arabic
  // one) brings its language, direction and words: put them where a full page load would.
  document.addEventListener("htmx:afterSwap", (event) => {
    if (!event.detail.target || event.detail.target.id !== "page") return;
    const marker = event.detail.target.querySelector("template[data-page-lang]");
    if (!marker) return;
    document.documentElement.lang = marker.dataset.pageLang;
    document.documentElement.dir = marker.dataset.pageDir;
    body.dataset.audio = marker.dataset.audio;
    body.dataset.speechUnavailable = marker.dataset.speechUnavailable;
    marker.remove();
  });

  // After htmx swaps in a new page, move focus to its heading, as a full page load would.
  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target && event.detail.target.id === "page") {
      const heading = document.querySelector("#page h1");
      if (heading) heading.focus({ preventScroll: true });
    }
  });

  // A settings tap: the server answers with the new classes and volume.
  function applyPreferences({ classes, volume }) {
    const audioMode = document.documentElement.classList.contains("audio-mode");
    document.documentElement.className = classes;
    document.documentElement.classList.toggle("audio-mode", audioMode); // not a setting
    body.dataset.volume = volume;
    if (kiosk.readAloud) kiosk.readAloud.audio.volume = Number(volume);
  }
  document.addEventListener("kiosk:preferences", (event) => applyPreferences(event.detail));

  // The public copy (a website, on the visitor's own phone) stops here: no idle reset, and
  // the browser's own menus stay.
  if (!dialog) return;

  // No long-press menu, no dragging things out of the page.
  document.addEventListener("contextmenu", (event) => event.preventDefault());
  document.addEventListener("dragstart", (event) => event.preventDefault());

  // Idle reset.
  const idleSeconds = Number(body.dataset.idleSeconds || 90);
  const warningSeconds = Number(body.dataset.idleWarningSeconds || 30);
  let lastActivity = Date.now();
  let countdown = null;

  function activity() {
    lastActivity = Date.now();
  }

  ["pointerdown", "keydown", "wheel", "touchstart", "input"].forEach((type) =>
    document.addEventListener(type, activity, { capture: true, passive: true }));

  function somethingToReset() {
    const atStart = window.location.pathname === "/";
    const defaults = document.documentElement.className.replace(" audio-mode", "") === body.dataset.defaultClasses;
    const audioMode = Boolean(kiosk.audioMode && kiosk.audioMode.on());
    return !atStart || !defaults || audioMode || body.dataset.volume !== body.dataset.defaultVolume;
  }

  function listening() {
    const state = kiosk.readAloud && kiosk.readAloud.state();
    return Boolean(state && !state.paused && !dialog.open);
  }

  // The countdown line in the plural form for the seconds left (the server's data-count-texts).
  const countLine = dialog.querySelector(".idle-dialog__count");
  const countTexts = JSON.parse(countLine.dataset.countTexts || "[]");

  function showCount(left) {
    const text = countTexts[Math.max(left, 0)];
    if (!text) return;
    const number = String(Math.max(left, 0));
    const at = text.indexOf(number);
    if (at < 0) {
      countLine.textContent = text; // "بقيت ثانيتان.": the form says the number in words
      return;
    }
    const strong = document.createElement("strong");
    strong.id = "idle-count";
    strong.textContent = number;
    countLine.replaceChildren(text.slice(0, at), strong, text.slice(at + number.length));
  }

  function warn() {
    let left = warningSeconds;
    showCount(left);
    dialog.showModal();
    if (kiosk.readAloud) kiosk.readAloud.speak(dialog);
    countdown = window.setInterval(() => {
      left -= 1;
      showCount(left);
      if (left <= 0) reset();
    }, 1000);
  }

  function keepGoing() {
    window.clearInterval(countdown);
    countdown = null;
    if (kiosk.readAloud) kiosk.readAloud.stop();
    dialog.close();
    activity();
  }

  async function reset() {
    window.clearInterval(countdown);
    if (kiosk.readAloud) kiosk.readAloud.stop();
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
})();
