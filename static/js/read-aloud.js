// Read aloud with read-along: plays a region's speech (from its data-speech URL), highlights
// the sentence being spoken and scrolls it into view, marks the word being spoken in it
// (word-marks.js), and drives the control bar: pause,
// continue, stop, previous / repeat / next sentence, and three speeds (pitch kept).
// One audio element for the whole kiosk: new speech or any navigation stops the old at once.
// Registers itself as window.kiosk.readAloud, so it is loaded after kiosk.js (see layout.html);
// the data-* attributes it reads are listed at the top of kiosk.js.
(() => {
  "use strict";

  if (!window.kiosk) throw new Error("read-aloud.js needs kiosk.js, loaded before it");

  const audio = new Audio();
  audio.preload = "auto";
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  let speed = 1;
  let state = null; // { region, sentences, current, withBar, status }

  const bar = () => document.getElementById("player-bar");

  function setStatus(element, text) {
    if (element) element.textContent = text;
  }

  function unavailableText() {
    return document.body.dataset.speechUnavailable || "";
  }

  async function start(button) {
    const region = button.closest("[data-speech]");
    if (region) playRegion(region, button.dataset.listen === "full" ? "full" : null, button);
  }

  function playRegion(region, part, button) {
    const url = new URL(part === "full" ? region.dataset.speechFull : region.dataset.speech, window.location.href);
    const player = region.querySelector("[data-player]");
    return play(url.href, {
      region, button, text: Boolean(button), withBar: region.matches("article"),
      status: player && player.querySelector("[data-player-status]"),
    });
  }

  // Play speech from a speech JSON URL. Options: region (whose .s spans are highlighted),
  // first and last (the sentences to play; default all), text (a text being read: Left,
  // Right and Enter step and pause it in audio mode), withBar (show the player bar),
  // button (busy while loading), status (where an error is shown), onEnded, onError.
  // Resolves true once playing, false if other speech was asked for meanwhile or it failed.
  async function play(url, options = {}) {
    stop();
    setStatus(options.status, "");
    if (options.button) options.button.setAttribute("aria-busy", "true");
    const asked = ++requests;
    const region = options.region || null;
    let data;
    try {
      data = await fetchSpeech(url, () => asked === requests && (!region || region.isConnected));
    } catch (error) {
      if (asked === requests) fail(options, error.message || unavailableText());
      return false;
    } finally {
      if (options.button) options.button.removeAttribute("aria-busy");
    }
    // The visitor left, or asked for other speech, while we waited.
    if (!data || asked !== requests || (region && !region.isConnected)) return false;
    const first = Math.max(0, options.first || 0);
    const last = options.last === undefined || options.last === null
      ? data.sentences.length - 1 : options.last;
    state = { ...options, region, sentences: data.sentences, current: -1, first, last,
              withBar: Boolean(options.withBar) };
    if (region) region.classList.add("is-reading");
    document.body.classList.toggle("is-reading", state.withBar);
    bar().hidden = !state.withBar;
    showPaused(false);
    audio.src = data.audio;
    audio.volume = Number(document.body.dataset.volume || 1);
    audio.playbackRate = speed;
    audio.preservesPitch = true;
    if (first > 0) audio.currentTime = data.sentences[first].start + 0.001;
    playAudio();
    return true;
  }

  function fail(options, message) {
    setStatus(options.status, message);
    if (options.onError) options.onError(message);
    document.dispatchEvent(new CustomEvent("kiosk:speech-failed", { detail: { message } }));
  }

  // Speech JSON once per URL while a screen is shown (a new screen may bring new content).
  const fetched = new Map();

  // A busy voice answers 503 with "retry": the rendering goes on on the server, so ask again
  // after its Retry-After, a few times, while the visitor still wants this speech.
  const MAX_TRIES = 5;
  let requests = 0;

  async function fetchSpeech(url, stillWanted) {
    if (fetched.has(url)) return fetched.get(url);
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      const data = await response.json();
      if (response.ok) {
        // The audio's address is relative to the speech file (the public copy has no root).
        data.audio = new URL(data.audio, response.url).href;
        fetched.set(url, data);
        return data;
      }
      if (!data.retry || attempt >= MAX_TRIES) throw new Error(data.message || unavailableText());
      const seconds = Number(response.headers.get("Retry-After")) || 2;
      await new Promise((resolve) => window.setTimeout(resolve, seconds * 1000));
      if (!stillWanted()) return null;
    }
  }

  // Fetch a speech text and its audio ahead, so playing it later starts at once.
  async function prefetch(url) {
    try {
      const data = await fetchSpeech(url, () => true);
      if (data) await fetch(data.audio);
    } catch (error) {
      // Playing it later says what went wrong.
    }
  }

  function playAudio() {
    audio.play().catch((error) => {
      if (error.name !== "AbortError" && state) fail(state, unavailableText());
    });
  }

  function stop() {
    window.kiosk.wordMarks.show(null); // a word said alone ("Woord voor woord") too
    if (!state) return;
    audio.pause();
    audio.removeAttribute("src");
    audio.load();
    mark(-1);
    if (state.region) state.region.classList.remove("is-reading");
    document.body.classList.remove("is-reading");
    bar().hidden = true;
    state = null;
  }

  function indexAt(time) {
    const sentences = state.sentences;
    let index = 0;
    while (index + 1 < sentences.length && sentences[index + 1].start <= time) index += 1;
    return index;
  }

  function mark(index) {
    if (!state) return;
    const region = state.region;
    if (region) region.querySelectorAll(".s.is-current").forEach((el) => el.classList.remove("is-current"));
    if (state.words) state.words.clear();
    state.current = index;
    if (index < 0) return;
    const sentence = state.sentences[index];
    state.words = region && sentence ? window.kiosk.wordMarks.follower(region, index, sentence.words) : null;
    document.dispatchEvent(new CustomEvent("kiosk:caption", { detail: { text: sentence ? sentence.text : "" } }));
    if (!region) return;
    const pieces = region.querySelectorAll(`.s[data-s="${index}"]`);
    pieces.forEach((el) => el.classList.add("is-current"));
    const first = pieces[0];
    if (first && !isWellInView(first)) {
      first.scrollIntoView({ block: "center", behavior: reducedMotion.matches ? "auto" : "smooth" });
    }
  }

  // In view above the player and the bottom bar (they are fixed over the foot of the page).
  function isWellInView(element) {
    const box = element.getBoundingClientRect();
    let bottom = window.innerHeight;
    [bar(), document.querySelector(".bottom-bar")].forEach((cover) => {
      if (cover && !cover.hidden) bottom = Math.min(bottom, cover.getBoundingClientRect().top);
    });
    return box.top >= 0 && box.bottom <= bottom;
  }

  function follow() {
    if (!state) return;
    const index = indexAt(audio.currentTime);
    if (index > state.last) {
      finish();
      return;
    }
    if (index !== state.current) mark(index);
    if (state.words) state.words.at(audio.currentTime);
    if (!audio.paused) window.requestAnimationFrame(follow);
  }

  function seek(index) {
    if (!state) return;
    if (index > state.last) {
      stop();
      return;
    }
    const target = Math.max(state.first, index);
    audio.currentTime = state.sentences[target].start + 0.001;
    mark(target);
    showPaused(false);
    playAudio();
  }

  // A word back (-1) or on (+1) in what is being read ("Woord voor woord" in audio mode).
  function stepWord(delta) {
    if (!state) return;
    const words = [];
    state.sentences.slice(state.first, state.last + 1).forEach((sentence) => {
      (sentence.words || []).forEach(([, start]) => words.push(start));
    });
    if (!words.length) return;
    const now = audio.currentTime;
    let index = words.length - 1;
    while (index > 0 && words[index] > now + 0.001) index -= 1;
    const target = words[Math.min(words.length - 1, Math.max(0, index + delta))];
    audio.currentTime = target + 0.001;
    showPaused(false);
    playAudio();
  }

  // The end of what was asked for: the whole speech, or its last sentence.
  function finish() {
    if (!state) return;
    const { region, onEnded } = state;
    if (region && region.dataset.slug && state.last === state.sentences.length - 1) countHeard(region);
    stop();
    if (onEnded) onEnded();
  }

  function showPaused(paused) {
    const root = bar();
    root.querySelector('[data-action="pause"]').hidden = paused;
    root.querySelector('[data-action="resume"]').hidden = !paused;
  }

  function setSpeed(value) {
    speed = value;
    audio.playbackRate = value;
    bar().querySelectorAll("[data-speed]").forEach((button) => {
      button.setAttribute("aria-pressed", String(Number(button.dataset.speed) === value));
    });
  }

  const actions = {
    pause: () => { audio.pause(); showPaused(true); },
    resume: () => { showPaused(false); playAudio(); },
    stop: () => stop(),
    previous: () => seek(state.current - 1),
    repeat: () => seek(state.current),
    next: () => seek(state.current + 1),
  };

  audio.addEventListener("play", () => window.requestAnimationFrame(follow));
  audio.addEventListener("seeked", () => state && mark(indexAt(audio.currentTime)));
  audio.addEventListener("ended", finish);
  // A file that cannot be played (damaged, gone) is a failure like a missing voice.
  audio.addEventListener("error", () => {
    if (state && audio.getAttribute("src")) {
      const failed = state;
      stop();
      fail(failed, unavailableText());
    }
  });

  // A topic heard to the end is counted for the staff's statistics (no visitor data).
  function countHeard(region) {
    if (!document.body.dataset.listenDoneUrl) return; // the public copy counts nothing
    const body = new URLSearchParams({ lang: region.dataset.lang, slug: region.dataset.slug });
    fetch(document.body.dataset.listenDoneUrl, {
      method: "POST",
      body,
      headers: { "X-CSRFToken": document.body.dataset.csrfToken },
    }).catch(() => {});
  }

  document.addEventListener("click", (event) => {
    const listen = event.target.closest("[data-listen]");
    if (listen) {
      start(listen);
      return;
    }
    const action = event.target.closest("#player-bar [data-action]");
    if (action && state) {
      actions[action.dataset.action]();
      return;
    }
    const speedButton = event.target.closest("#player-bar [data-speed]");
    if (speedButton) {
      setSpeed(Number(speedButton.dataset.speed));
      return;
    }
    // Tapping a sentence of the text being read plays from there (not a hard word or a link).
    const sentence = event.target.closest(".s[data-s]");
    if (sentence && state && state.region && state.region.contains(sentence) && !event.target.closest("button, a")) {
      seek(Number(sentence.dataset.s));
    }
  });

  // Speech stops at once when the visitor goes elsewhere or closes the explanation it reads
  // (a page-level request; the print status asking for news every second does not count).
  document.addEventListener("htmx:beforeRequest", (event) => {
    const target = event.detail && event.detail.target;
    if (!target || target.id === "page") stop();
  });
  document.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target && event.detail.target.id === "page") fetched.clear();
  });
  window.addEventListener("pagehide", () => stop());
  document.addEventListener("toggle", (event) => {
    if (state && state.region && event.target === state.region && event.newState === "closed") stop();
  }, true);
  // A message that appears by itself (the print status) is read aloud once, as it changes.
  const spoken = new Set();
  // One marked data-speak-if-quiet (a setting's new state) waits its turn: it is not read
  // over a text being read aloud.
  function speakNewMessages() {
    document.querySelectorAll("[data-speak-now]").forEach((region) => {
      const key = region.dataset.speakNow;
      if (spoken.has(key)) return;
      spoken.add(key);
      if ("speakIfQuiet" in region.dataset && state && state.text && !audio.paused) return;
      playRegion(region, null, null);
    });
  }

  document.addEventListener("htmx:afterSettle", speakNewMessages);
  speakNewMessages();

  // The read-aloud part of the front-end module (see kiosk.js).
  window.kiosk.readAloud = {
    audio,
    speak: (region) => playRegion(region, null, null),
    play,
    prefetch,
    stop: () => stop(),
    pauseOrContinue: () => state && (audio.paused ? actions.resume() : actions.pause()),
    step: (delta) => state && seek(Math.max(state.current, state.first) + delta),
    stepWord,
    state: () => state && {
      current: state.current,
      sentences: state.sentences.length,
      paused: audio.paused,
      rate: audio.playbackRate,
      time: audio.currentTime,
      start: (state.sentences[state.current] || {}).start,
      text: Boolean(state.text),
    },
  };
})();
