/*
 * Quick exit. Without JavaScript the button is a plain link to a neutral site.
 * With it, the page is hidden at once and the current history entry is replaced, so
 * Back does not lead here. Pressing Shift three times within five seconds, with no
 * other key in between, does the same; typing capitals never triggers it.
 */
(function () {
  "use strict";

  var WINDOW_MS = 5000;
  var PRESSES_NEEDED = 3;
  var button = document.querySelector("[data-quick-exit]");
  if (!button) {
    return;
  }
  var destination = button.href;
  var shiftPresses = [];

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("quick-exit-leaving");
    window.location.replace(destination);
  }

  button.addEventListener("click", leave);

  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key !== "Shift") {
        shiftPresses = [];
        return;
      }
      if (event.repeat) {
        return;
      }
      var now = Date.now();
      shiftPresses = shiftPresses.filter(function (time) {
        return now - time <= WINDOW_MS;
      });
      shiftPresses.push(now);
      if (shiftPresses.length >= PRESSES_NEEDED) {
        shiftPresses = [];
        leave();
      }
    },
    true
  );
})();
