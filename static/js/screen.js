// The screen's frame: keeps the text clear of what is fixed at the bottom (the bottom bar and
// the action row) by measuring it into --chrome-bottom, lets a side column that has to scroll
// be reached with the keyboard, and pages through the topic cards so that only cards within
// reach are shown, with the action row's Previous and Next buttons (no swipe needed).
// Loaded after kiosk.js (see layout.html); adds window.kiosk.screen.
(() => {
  "use strict";

  if (!window.kiosk) throw new Error("screen.js needs kiosk.js, loaded before it");
  const root = document.documentElement;

  // What is fixed at the bottom, measured: the text's padding and the scroll margin follow it.
  // (Only padding below the text changes, so nothing on screen moves.)
  function measureChrome() {
    let top = window.innerHeight;
    document.querySelectorAll(".bottom-bar, [data-action-row]").forEach((element) => {
      const box = element.getBoundingClientRect();
      if (getComputedStyle(element).position !== "fixed" || box.height === 0) return;
      top = Math.min(top, box.top);
    });
    root.style.setProperty("--chrome-bottom", `${Math.ceil(window.innerHeight - top)}px`);
  }

  // A region that scrolls (key points in a full side column) can be focused, so the keyboard
  // can scroll it too; one that fits is left out of the tab order.
  function markScrollRegions() {
    document.querySelectorAll(".screen__side > :not([data-action-row])").forEach((region) => {
      const scrolls = region.scrollHeight > region.clientHeight + 1;
      if (scrolls) region.setAttribute("tabindex", "0");
      else region.removeAttribute("tabindex");
    });
  }

  // Card sets: show the cards from `start` on that fit in the list's box, hide the others.
  let cardStarts = [0];

  function showCards(start) {
    const list = document.querySelector("[data-cards]");
    if (!list) return;
    const cards = [...list.children];
    cards.forEach((card, index) => { card.hidden = index < start; });
    list.classList.remove("is-paged");
    const bottom = list.getBoundingClientRect().bottom;
    let end = cards.length;
    for (let index = start; index < cards.length; index += 1) {
      if (cards[index].getBoundingClientRect().bottom > bottom + 1 && index > start) {
        end = index;
        break;
      }
    }
    cards.forEach((card, index) => { card.hidden = index < start || index >= end; });
    list.classList.add("is-paged");
    showPager(list, start, end, cards.length);
  }

  function showPager(list, start, end, total) {
    const row = document.querySelector(".action-row--pager");
    if (!row) return;
    const paged = start > 0 || end < total;
    row.classList.toggle("is-paged", paged);
    row.querySelector("[data-cards-previous]").hidden = start === 0;
    row.querySelector("[data-cards-next]").hidden = end >= total;
    row.querySelector("[data-cards-count]").textContent = paged
      ? list.dataset.cardsLabel.replace("{first}", start + 1).replace("{last}", end)
        .replace("{total}", total)
      : "";
    list.dataset.end = String(end);
  }

  document.addEventListener("click", (event) => {
    const list = document.querySelector("[data-cards]");
    if (!list) return;
    if (event.target.closest("[data-cards-next]")) {
      cardStarts.push(Number(list.dataset.end));
      showCards(cardStarts[cardStarts.length - 1]);
      focusFirstCard(list);
    } else if (event.target.closest("[data-cards-previous]") && cardStarts.length > 1) {
      cardStarts.pop();
      showCards(cardStarts[cardStarts.length - 1]);
      focusFirstCard(list);
    }
  });

  function focusFirstCard(list) {
    const first = list.querySelector("li:not([hidden]) a");
    if (first && document.activeElement && document.activeElement.closest("[data-action-row]")) {
      const button = document.activeElement;
      if (button.hidden) first.focus({ preventScroll: true });
    }
  }

  // What the layout depends on besides the screen's content: laid out again only when it
  // changes (a new screen lays out at once; the body's own resizing after that is not news).
  let laidOutFor = "";

  function layOut() {
    laidOutFor = `${window.innerWidth}x${window.innerHeight} ${root.className}`;
    measureChrome();
    markScrollRegions();
    showCards(cardStarts[cardStarts.length - 1]);
  }

  function layOutIfChanged() {
    if (laidOutFor !== `${window.innerWidth}x${window.innerHeight} ${root.className}`) layOut();
  }

  // A new screen (htmx swapped it in, before it is painted): start from its first cards.
  document.addEventListener("htmx:afterSwap", (event) => {
    if (!event.detail.target || event.detail.target.id !== "page") return;
    cardStarts = [0];
    layOut();
  });
  // The text size or the window changed: lay out again from the first card of this set.
  new ResizeObserver(layOutIfChanged).observe(document.body);
  window.addEventListener("resize", layOutIfChanged);
  document.addEventListener("kiosk:preferences", () => window.requestAnimationFrame(layOut));
  document.fonts.ready.then(layOut); // card heights are final once the fonts are there
  layOut();

  window.kiosk.screen = { layOut, showCards };
})();
