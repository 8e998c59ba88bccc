// "Woord voor woord": with the toggle on, a tap on a word of the topic's text says just that
// word (a hard word also opens its explanation, as always). The words of each sentence come
// from the server (words.json: the same split as the word marks), and are found in the
// sentence's .s pieces in that order (window.kiosk.wordMarks.ranges), so the word under the
// finger is the server's word, never a guess. Asking for words.json renders the topic's
// words in the background, so a tap sounds at once.
// Loaded after read-aloud.js (see layout.html).
(() => {
  "use strict";

  if (!window.kiosk || !window.kiosk.readAloud || !window.kiosk.wordMarks) {
    throw new Error("word-by-word.js needs kiosk.js, word-marks.js and read-aloud.js before it");
  }
  const { readAloud, wordMarks } = window.kiosk;
  let words = null; // { url, sentences, speech } of the topic shown
  let loading = Promise.resolve(null);

  const toggle = () => document.querySelector("[data-word-mode]");
  const on = () => document.body.classList.contains("is-word-mode");

  async function load(button) {
    const url = button.dataset.wordMode;
    if (words && words.url === url) return words;
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`words.json: ${response.status}`);
    const data = await response.json();
    words = { url, sentences: data.sentences, speech: data.speech };
    return words;
  }

  function set(value) {
    const button = toggle();
    document.body.classList.toggle("is-word-mode", value && Boolean(button));
    if (!button) return;
    button.setAttribute("aria-pressed", String(value));
    if (value) {
      loading = load(button);
      loading.catch(() => {});
    }
  }

  // The word of the topic's text at a point of the screen, and its Range; or null.
  function wordAt(x, y) {
    const caret = document.caretPositionFromPoint && document.caretPositionFromPoint(x, y);
    if (!caret || !words || !caret.offsetNode.parentElement) return null;
    const piece = caret.offsetNode.parentElement.closest(".s[data-s]");
    const region = piece && piece.closest("article[data-speech]");
    if (!region) return null;
    const index = Number(piece.dataset.s);
    const listed = (words.sentences[index] || []).map((text) => [text]);
    const found = wordMarks.ranges(region, index, listed);
    const hit = found.findIndex((range) => range && range.comparePoint(caret.offsetNode, caret.offset) === 0);
    return hit >= 0 ? { text: listed[hit][0], range: found[hit] } : null;
  }

  // Say one word, marked on the screen while it is heard.
  async function say(word) {
    const url = new URL(words.speech, window.location.href);
    url.searchParams.set("text", word.text);
    const done = () => wordMarks.show(null);
    if (await readAloud.play(url.href, { onEnded: done, onError: done })) wordMarks.show(word.range);
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-word-mode]");
    if (button) {
      set(!on());
      return;
    }
    if (!on() || !event.target.closest("article[data-speech] .s[data-s]")) return;
    // A hard word goes on to open its explanation; any other word only speaks.
    if (!event.target.closest("button, a")) event.stopImmediatePropagation();
    const { clientX, clientY } = event;
    loading.then(() => {
      const word = wordAt(clientX, clientY); // a tap while the words load waits for them
      if (word) say(word);
    }).catch(() => {});
  }, true);

  // A new screen starts without it (the visitor turns it on per topic).
  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target && event.detail.target.id === "page") set(false);
  });

  window.kiosk.wordByWord = { on, set, wordAt };
})();
