/*
 * Urgent banner. Without JavaScript the banner is plain text and a link, always shown.
 * With it, a "Hide" button appears; a hidden banner stays hidden for this browser tab's
 * session only (sessionStorage: nothing is sent to the server, no cookie is set).
 */
(function () {
  "use strict";

  var PREFIX = "urgent-banner-hidden:";

  function storage() {
    try {
      return window.sessionStorage;
    } catch (error) {
      return null; // storage blocked: the button still hides the banner on this page
    }
  }

  var store = storage();
  var banners = document.querySelectorAll("[data-urgent-banner]");
  Array.prototype.forEach.call(banners, function (banner) {
    var key = PREFIX + banner.getAttribute("data-urgent-banner");
    if (store && store.getItem(key) === "1") {
      banner.hidden = true;
      return;
    }
    var button = banner.querySelector("[data-hide-banner]");
    if (!button) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (store) {
        store.setItem(key, "1");
      }
      banner.hidden = true;
      var main = document.getElementById("main");
      if (main) {
        main.focus(); // keep keyboard users in a sensible place
      }
    });
  });
})();
