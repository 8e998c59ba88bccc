// The word being spoken, marked inside the sentence highlight (CSS Custom Highlight API: no
// element is added or moved, so nothing on the screen shifts). The speech JSON lists each
// sentence's words as [text, start, end]; they are found in the sentence's .s pieces in that
// order, so markup inside a sentence (a hard word's button, bold) does not matter.
// Registers itself as window.kiosk.wordMarks (loaded after kiosk.js, before read-aloud.js).
(() => {
  "use strict";

  if (!window.kiosk) throw new Error("word-marks.js needs kiosk.js, loaded before it");
  const NAME = "spoken-word";
  const supported = Boolean(window.CSS && CSS.highlights && window.Highlight);

  // The text nodes of a sentence, in reading order.
  function textNodes(region, index) {
    const nodes = [];
    region.querySelectorAll(`.s[data-s="${index}"]`).forEach((piece) => {
      const walker = document.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    });
    return nodes;
  }

  // One Range per word of the sentence (null for a word that is not found as written).
  function ranges(region, index, words) {
    const nodes = textNodes(region, index);
    let node = 0;
    let offset = 0;
    return words.map(([text]) => {
      for (let n = node; n < nodes.length; n += 1) {
        const at = nodes[n].data.indexOf(text, n === node ? offset : 0);
        if (at >= 0) {
          node = n;
          offset = at + text.length;
          const range = new Range();
          range.setStart(nodes[n], at);
          range.setEnd(nodes[n], at + text.length);
          return range;
        }
      }
      return null;
    });
  }

  // The index of the word heard at `time`, or -1.
  function wordAt(words, time) {
    return words.findIndex(([, start, end]) => start <= time && time < end);
  }

  // Follows one sentence: call `at(time)` as the audio plays; `clear()` when it ends.
  function follower(region, index, words) {
    let found = null;
    let shown = -1;
    return {
      at(time) {
        if (!supported || !region || !words || !words.length) return;
        const word = wordAt(words, time);
        if (word === shown) return;
        shown = word;
        if (!found) found = ranges(region, index, words);
        show(word >= 0 ? found[word] : null);
      },
      clear() {
        shown = -1;
        show(null);
      },
    };
  }

  // Mark one Range as the word being spoken (null: none).
  function show(range) {
    if (!supported) return;
    if (range) CSS.highlights.set(NAME, new Highlight(range));
    else CSS.highlights.delete(NAME);
  }

  // The word the screen marks now (for tests and the benchmark), or null.
  function marked() {
    const highlight = supported && CSS.highlights.get(NAME);
    if (!highlight) return null;
    const [range] = highlight.values();
    return range ? range.toString() : null;
  }

  window.kiosk.wordMarks = { follower, marked, ranges, show, wordAt };
})();
