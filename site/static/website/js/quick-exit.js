/*
 * Quick exit. Without JavaScript the button is a plain link to a neutral site.
 * With it, the page is hidden at once and the current history entry is replaced, so
 * Back does not lead here. Pressing Shift three times within five seconds, with no
 * other key in between, does the same; typing capitals never triggers it.
 *
 * When the reader has kept an offline copy (offline.js leaves a mark in localStorage),
 * the exit goes through this site's clearing address, which answers with
 * Clear-Site-Data (removing the copy, its worker and the mark) and sends the browser on
 * to the same neutral site. Without a kept copy the exit goes straight there, as before.
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
  var clearingExit = button.getAttribute("data-clearing-exit");
  var KEPT_MARK = "offline-copy-kept"; // set by offline.js

  function copyKept() {
    try {
      return window.localStorage.getItem(KEPT_MARK) !== null;
    } catch (blocked) {
      return false;
    }
  }
  var shiftPresses = [];

  // Without a connection the clearing address cannot answer: the page starts deleting
  // the copy itself as well, which does not hold up leaving. The mark stays, so the next
  // exit with a connection clears whatever this one could not.
  function startForgettingCopy() {
    if (!window.caches || !navigator.serviceWorker) return;
    caches.keys().then(function (names) {
      names.forEach(function (name) {
        caches.delete(name);
      });
    });
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) {
        registration.unregister();
      });
    });
  }

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("quick-exit-leaving");
    if (clearingExit && copyKept()) {
      startForgettingCopy();
      window.location.replace(clearingExit);
    } else {
      window.location.replace(destination);
    }
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
