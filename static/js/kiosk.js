// After htmx swaps in a new page, move focus to its heading so keyboard and screen-reader
// users start at the top of the new content, as they would after a full page load.
document.addEventListener("htmx:afterSettle", (event) => {
  if (event.detail.target && event.detail.target.id === "page") {
    const heading = document.querySelector("#page h1");
    if (heading) {
      heading.focus({ preventScroll: true });
    }
  }
});
