// Audio mode, after EZ Access: the kiosk used without sight, with a keypad or by touch.
//
// Off until a visitor asks for it: an arrow, Help, volume or repeat key (Tab and Enter keep
// their usual meaning), or a finger held still on the screen. Then Up and Down move a large
// highlight through the screen in reading order and say each item (its data-say, written and
// signed by the server; a text of .s sentences is read from its region's speech with the
// read-along); Enter acts, Back goes back or closes a sheet, Help explains in layers, louder
// and softer change the volume, repeat says the last thing again; Left and Right step by
// sentence while a text is read. Touching the screen says what is under the finger and a
// second tap on it acts. Every key or touch stops the speech at once. The caption line shows
// what is being said. The idle reset (kiosk.js) clears the session storage, which ends it.
// Loaded after read-aloud.js and screen.js (see layout.html); adds window.kiosk.audioMode.
(() => {
  "use strict";

  const kiosk = window.kiosk;
  if (!kiosk || !kiosk.readAloud) throw new Error("audio-mode.js needs kiosk.js and read-aloud.js first");
  const read = kiosk.readAloud;
  const body = document.body;
  const root = document.documentElement;
  let config = JSON.parse(body.dataset.audio);
  const caption = document.querySelector("[data-audio-caption]");
  const STORAGE = "kiosk-audio";
  const TEXT_BLOCKS = "h2, h3, h4, p, li, dt, dd, blockquote, figcaption, td, th";

  const keyActions = new Map();
  Object.entries(config.keys).forEach(([action, names]) => names.forEach((name) => keyActions.set(name, action)));

  let on = false;
  let current = null; // the highlighted item
  let opener = null; // the item that opened the sheet or dialog on top
  let helpLayer = 0;
  let last = null; // the last utterance, for repeat: () => play it again
  let touched = { item: null, at: 0, spoke: false };
  let holdTimer = null;
  let swallowClick = false;
  const tones = [];

  // -- on and off, kept for the visit in session storage (the reset clears it) ------------

  function remembered() {
    try {
      return JSON.parse(window.sessionStorage.getItem(STORAGE)) || { on: false, seen: [] };
    } catch (error) {
      return { on: false, seen: [] };
    }
  }

  function remember(change) {
    try {
      window.sessionStorage.setItem(STORAGE, JSON.stringify({ ...remembered(), ...change }));
    } catch (error) {
      // Storage may be disabled by policy; audio mode then lasts until the next page load.
    }
  }

  function switchOn(how) {
    on = true;
    remember({ on: true });
    show(true);
    sayMessage(how === "touch" ? "audio_on_touch" : "audio_on_keys", () => announce(false));
  }

  function switchOff() {
    on = false;
    remember({ on: false, seen: [] });
    unhighlight();
    read.stop();
    sayMessage("audio_off", () => show(false));
  }

  function show(shown) {
    root.classList.toggle("audio-mode", shown);
    caption.hidden = !shown;
    if (!shown) caption.textContent = "";
    if (kiosk.screen) kiosk.screen.layOut();
  }

  // -- what is said ------------------------------------------------------------------------

  function sayUrl(text, key, lang) {
    const url = new URL(config.sayUrl, window.location.href);
    url.search = new URLSearchParams({ lang, text, key }).toString();
    return url.href;
  }

  // Speak from a speech URL; `text` is shown when speech fails.
  function speak(url, text, options = {}) {
    last = () => speak(url, text, options);
    if (text) caption.textContent = text;
    return read.play(url, {
      ...options,
      onError: (message) => {
        tone("error");
        caption.textContent = text ? `${text} — ${message}` : message;
      },
    });
  }

  function sayMessage(name, onEnded) {
    return speak(config.messages[name], "", { onEnded });
  }

  // What an element says: its own signed text (the one for its state, for a toggle), or for a
  // hard word in the text the one its explanation sheet gives it.
  function spokenText(element) {
    let source = element;
    if (!element.dataset.say && element.getAttribute("popovertarget")) {
      source = document.getElementById(element.getAttribute("popovertarget"));
      if (!source || !source.dataset.sayOpener) return null;
      return { text: source.dataset.sayOpener, key: source.dataset.sayOpenerKey, lang: source.dataset.sayOpenerLang };
    }
    const pressed = element.getAttribute("aria-pressed");
    const variant = pressed === "true" ? "sayOn" : pressed === "false" ? "sayOff" : "say";
    const name = source.dataset[variant] ? variant : "say";
    return {
      text: source.dataset[name],
      key: source.dataset[`${name}Key`],
      lang: source.dataset[`${name}Lang`],
    };
  }

  function sentenceRange(element) {
    const numbers = [...element.querySelectorAll(".s[data-s]")].map((span) => Number(span.dataset.s));
    return { first: Math.min(...numbers), last: Math.max(...numbers) };
  }

  function regionUrl(region) {
    if (region.dataset.speechFull) return new URL(region.dataset.speechFull, window.location.href).href;
    const url = new URL(region.dataset.speech, window.location.href);
    url.searchParams.set("part", "full");
    return url.href;
  }

  // How an item is spoken: [url, caption text, play options].
  function utterance(item, readOn = false) {
    const spoken = spokenText(item);
    if (spoken && spoken.text) return [sayUrl(spoken.text, spoken.key, spoken.lang), spoken.text, {}];
    const region = item.closest("[data-speech]");
    if (!region) return null;
    const { first, last: end } = sentenceRange(item);
    return [regionUrl(region), item.textContent.trim(),
      { region, first, last: readOn ? null : end, text: true }];
  }

  function speakItem(item, readOn = false) {
    const found = utterance(item, readOn);
    if (found) speak(...found);
  }

  // -- the items of the screen, in reading order --------------------------------------------

  function layer() {
    const dialog = document.querySelector("dialog[open]");
    if (dialog) return dialog;
    return [...document.querySelectorAll("[popover]")].find((element) => element.matches(":popover-open")) || null;
  }

  function visible(element) {
    if (element.closest("[data-cards] > li")) return true; // paged out now, shown when reached
    return element.checkVisibility();
  }

  // Headings of a screen are left out: the announcement says the title.
  function items() {
    const scope = layer();
    const roots = scope ? [scope] : [document.getElementById("page"), document.getElementById("player-bar")];
    const found = new Set();
    roots.filter(Boolean).forEach((scopeRoot) => {
      scopeRoot.querySelectorAll("[data-say], .s[data-s], .s button[popovertarget]").forEach((element) => {
        let item = element;
        if (element.matches(".s[data-s]")) {
          item = element.closest(`[data-say], ${TEXT_BLOCKS}`);
          if (!item || !item.closest("[data-speech]")) return;
        }
        if (!scope && item.closest("[popover], dialog")) return;
        if (item.closest("h1")) return;
        found.add(item);
      });
    });
    return [...found]
      .filter(visible)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  function highlight(item) {
    unhighlight();
    current = item;
    item.classList.add("is-audio-focus");
    const card = item.closest("[data-cards] > li");
    if (card && card.hidden && kiosk.screen) kiosk.screen.showCards([...card.parentElement.children].indexOf(card));
    if (item.matches("a, button, [tabindex]")) item.focus({ preventScroll: true });
    else if (document.activeElement && document.activeElement !== body) document.activeElement.blur();
    const box = item.getBoundingClientRect();
    if (box.top < caption.getBoundingClientRect().bottom || box.bottom > chromeTop(item)) {
      item.scrollIntoView({ block: "center", behavior: "instant" });
    }
  }

  // Where the bars fixed at the bottom begin (an item in them is always in view).
  function chromeTop(item) {
    if (item.closest(".bottom-bar, [data-action-row], #player-bar, [popover], dialog")) return window.innerHeight;
    const chrome = parseFloat(getComputedStyle(root).getPropertyValue("--chrome-bottom")) || 0;
    return window.innerHeight - chrome;
  }

  function unhighlight() {
    document.querySelectorAll(".is-audio-focus").forEach((element) => element.classList.remove("is-audio-focus"));
    current = null;
  }

  function moveTo(item) {
    helpLayer = 0;
    highlight(item);
    speakItem(item);
    prefetchAround(item);
  }

  // Where the highlight is in the list; an item gone from view (the Listen button while the
  // player shows) still has its place, between the items before and after it.
  function placeOf(list, step) {
    const index = list.indexOf(current);
    if (index >= 0 || !current || !current.isConnected) return index >= 0 ? index : (step > 0 ? -1 : list.length);
    const after = list.findIndex((item) => current.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING);
    const next = after < 0 ? list.length : after;
    return step > 0 ? next - 1 : next;
  }

  function move(step) {
    const list = items();
    const index = placeOf(list, step);
    const target = list[index + step];
    if (!target) {
      tone("edge");
      sayMessage(step > 0 ? "audio_end_of_list" : "audio_start_of_list");
      return;
    }
    moveTo(target);
  }

  function prefetchAround(item) {
    const list = items();
    const index = list.indexOf(item);
    [list[index + 1], list[index - 1]].filter(Boolean).forEach((neighbour) => {
      const found = utterance(neighbour);
      if (found) read.prefetch(found[0]);
    });
  }

  // -- arriving on a screen or a sheet ------------------------------------------------------

  function announcer() {
    return layer() || document.querySelector("#page main");
  }

  function announce(again) {
    const element = announcer();
    if (!element) return;
    if (!element.dataset.announce) {
      // A sheet without words of its own (a hard word's explanation) reads what it holds.
      if (element.dataset.speech && element !== document.querySelector("#page main")) {
        speak(regionUrl(element), "", { region: element, text: true });
      }
      return;
    }
    const name = again ? "announceAgain" : "announce";
    const text = element.dataset[name];
    speak(sayUrl(text, element.dataset[`${name}Key`], element.dataset[`${name}Lang`]), text);
    const first = items()[0];
    if (first) prefetchAround(first);
  }

  function arrive() {
    if (!on) return;
    unhighlight();
    opener = null;
    helpLayer = 0;
    const place = window.location.pathname;
    const seen = remembered().seen || [];
    remember({ seen: [...new Set([...seen, place])] });
    announce(seen.includes(place));
  }

  // A part of the screen swapped in place (the settings after a change, the print status):
  // the highlight stays on the item in the same place, without speaking (the part says its
  // news itself).
  let placeBeforeSwap = -1;
  document.addEventListener("htmx:beforeSwap", () => {
    placeBeforeSwap = on && current ? items().indexOf(current) : -1;
  });
  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target && event.detail.target.id === "page") {
      config = JSON.parse(body.dataset.audio); // the new screen's language (kiosk.js)
      arrive();
    } else if (on && current && !current.isConnected && placeBeforeSwap >= 0) {
      const same = items()[placeBeforeSwap];
      if (same) highlight(same);
      else unhighlight();
    }
  });

  document.addEventListener("toggle", (event) => {
    if (!on || !event.target.matches("[popover]")) return;
    if (event.newState === "open") {
      opener = current;
      unhighlight();
      helpLayer = 0;
      announce(false);
    } else if (!layer()) {
      unhighlight();
      if (opener && opener.isConnected && visible(opener)) highlight(opener);
      opener = null;
    }
  }, true);

  // -- the keys -----------------------------------------------------------------------------

  function actionOf(event) {
    if (event.ctrlKey || event.altKey || event.metaKey) return null;
    const names = event.shiftKey
      ? [`Shift+${event.key}`, event.key, `Shift+${event.code}`, event.code]
      : [event.key, event.code];
    const name = names.find((candidate) => keyActions.has(candidate));
    return name ? { action: keyActions.get(name), name } : null;
  }

  function reading() {
    const state = read.state();
    return Boolean(state && state.text);
  }

  const keys = {
    next: () => move(1),
    previous: () => move(-1),
    activate: () => activate(),
    back: () => back(),
    help: () => help(),
    louder: () => changeVolume("louder"),
    softer: () => changeVolume("softer"),
    repeat: () => (last ? last() : announce(false)),
    // While a text is read: a sentence on or back, or a word with "Woord voor woord" on.
    sentence_next: () => (reading() ? stepReading(1) : move(1)),
    sentence_previous: () => (reading() ? stepReading(-1) : move(-1)),
  };

  function stepReading(delta) {
    const byWord = window.kiosk.wordByWord && window.kiosk.wordByWord.on();
    if (byWord) read.stepWord(delta);
    else read.step(delta);
  }

  // What a key does not interrupt: it acts on the speech itself.
  const keepsSpeech = new Set(["louder", "softer", "sentence_next", "sentence_previous"]);

  function activate() {
    if (reading() && !(current && current.closest("#player-bar") && visible(current))) {
      read.pauseOrContinue();
      return;
    }
    if (!current) {
      move(1);
      return;
    }
    if (current.matches("a, button")) {
      read.stop();
      current.click();
    } else {
      speakItem(current, true); // a text: read on from here to the end
    }
  }

  function back() {
    read.stop();
    const dialog = document.querySelector("dialog[open]");
    if (dialog) {
      const answer = dialog.querySelector("[data-idle-continue]");
      if (answer) answer.click();
      return;
    }
    const sheet = layer();
    if (sheet) {
      sheet.hidePopover();
      return;
    }
    const way = document.querySelector('#page [data-nav="back"]') || document.querySelector('#page [data-nav="home"]');
    if (way) way.click();
    else {
      tone("edge");
      sayMessage("audio_start_of_list");
    }
  }

  function help() {
    const element = announcer();
    const layers = [element && element.dataset.audioHelp, config.messages.audio_help_keys,
      config.messages.audio_help_leave].filter(Boolean);
    const url = layers[helpLayer % layers.length];
    helpLayer += 1;
    speak(url, "");
  }

  function changeVolume(action) {
    const form = [...document.querySelectorAll("#settings-bar form")].find(
      (candidate) => candidate.querySelector(`input[name="action"][value="${action}"]`));
    if (form) form.requestSubmit();
  }

  document.addEventListener("keydown", (event) => {
    const found = actionOf(event);
    if (!on) {
      if (!found || config.ordinary.includes(found.name)) return;
      event.preventDefault();
      switchOn("keys");
      return;
    }
    const dialog = document.getElementById("idle-dialog");
    if (dialog && dialog.open) { // any key answers "Bent u er nog?"
      event.preventDefault();
      dialog.querySelector("[data-idle-continue]").click();
      return;
    }
    if (!found) {
      read.stop(); // any key stops the speech
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (!keepsSpeech.has(found.action) && !(found.action === "activate" && reading())) read.stop();
    keys[found.action]();
  }, true);

  // -- touch ------------------------------------------------------------------------------

  // The innermost item under a point (a hard word inside a paragraph, not the paragraph).
  function itemAt(x, y) {
    const element = document.elementFromPoint(x, y);
    if (!element) return null;
    const containing = items().filter((item) => item.contains(element));
    return containing[containing.length - 1] || null;
  }

  function touchItem(event, sliding) {
    const item = itemAt(event.clientX, event.clientY);
    if (!item || (sliding && item === current)) return;
    const now = Date.now();
    const again = item === touched.item && item === current && now - touched.at <= config.confirmMs;
    if (again && !sliding) {
      touched = { item, at: now, spoke: false }; // the click that follows acts
      return;
    }
    touched = { item, at: now, spoke: true };
    read.stop();
    moveTo(item);
  }

  document.addEventListener("pointerdown", (event) => {
    if (!event.isPrimary) return;
    swallowClick = false; // a long press that started audio mode may end without a click
    if (on) {
      read.stop();
      touchItem(event, false);
      return;
    }
    const start = { x: event.clientX, y: event.clientY };
    window.clearTimeout(holdTimer);
    holdTimer = window.setTimeout(() => {
      swallowClick = true;
      switchOn("touch");
    }, config.holdMs);
    const cancel = (move) => {
      if (move.type === "pointermove" && Math.hypot(move.clientX - start.x, move.clientY - start.y) < 24) return;
      window.clearTimeout(holdTimer);
      ["pointermove", "pointerup", "pointercancel"].forEach((type) => document.removeEventListener(type, cancel, true));
    };
    ["pointermove", "pointerup", "pointercancel"].forEach((type) => document.addEventListener(type, cancel, true));
  }, true);

  document.addEventListener("pointermove", (event) => {
    if (on && event.isPrimary && event.buttons) touchItem(event, true);
  }, true);

  // In audio mode a tap only speaks; the click acts only as the second tap on the same item.
  document.addEventListener("click", (event) => {
    if (swallowClick) {
      swallowClick = false;
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    if (!on || event.detail === 0) return; // a click from the keyboard (Enter) acts
    if (touched.spoke || !touched.item || !touched.item.contains(event.target)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    touched = { item: null, at: 0, spoke: false };
    if (event.target.closest("[data-audio-off]")) return; // handled below
  }, true);

  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-audio-off]")) switchOff();
  });

  // -- tones (made here, not by the voice: they work when speech does not) -----------------

  let context = null;

  function tone(kind) {
    tones.push(kind);
    try {
      context = context || new AudioContext();
      const volume = Number(body.dataset.volume || 0.6);
      const steps = kind === "error" ? [[330, 0], [220, 0.18]] : [[880, 0]];
      steps.forEach(([frequency, delay]) => {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.value = 0.3 * volume;
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(context.currentTime + delay);
        oscillator.stop(context.currentTime + delay + 0.12);
      });
    } catch (error) {
      // No sound device: the caption still says it.
    }
  }

  // -- start --------------------------------------------------------------------------------

  document.addEventListener("kiosk:caption", (event) => {
    if (on) caption.textContent = event.detail.text;
  });

  if (remembered().on) { // a new page of the same visit (another language, say)
    on = true;
    show(true);
    arrive();
  }

  kiosk.audioMode = {
    on: () => on,
    current: () => current,
    caption: () => caption.textContent,
    tones,
    start: switchOn,
    stop: switchOff,
  };
})();
