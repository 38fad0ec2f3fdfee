// Improves the alert-line pages only: a live character count, focus on the error summary,
// a button to show the follow-up code as typed, and nothing typed or answered shown again
// by Back. Without JavaScript the limit is in the help text, and the forms are marked
// autocomplete="off" and sent no-store, so browsers do not bring back what was typed.
(function () {
  "use strict";

  function focusErrorSummary() {
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
  }

  function countCharacters(field) {
    var counter = document.getElementById(field.dataset.counter);
    var limit = Number(field.getAttribute("maxlength"));
    if (!counter || !limit) return;
    var template = counter.dataset.template || "";
    var update = function () {
      counter.textContent = template.replace("%s", String(limit - field.value.length));
    };
    counter.hidden = false;
    field.addEventListener("input", update);
    update();
  }

  function addShowButton(field) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary password-toggle";
    button.setAttribute("aria-controls", field.id);
    var show = function (visible) {
      field.type = visible ? "text" : "password";
      button.textContent = visible ? field.dataset.hideLabel : field.dataset.showLabel;
      button.setAttribute("aria-pressed", visible ? "true" : "false");
    };
    button.addEventListener("click", function () {
      show(field.type === "password");
    });
    show(false);
    field.insertAdjacentElement("afterend", button);
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusErrorSummary();
    document.querySelectorAll("textarea[data-counter]").forEach(countCharacters);
    document.querySelectorAll("input[data-show-label]").forEach(addShowButton);
  });

  // A page restored from the back/forward cache shows what it held when it was left:
  // empty the forms, and fetch again a page that showed a report (a plain GET).
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    if (document.querySelector("[data-private-answer]")) {
      window.location.replace(window.location.href);
      return;
    }
    document.querySelectorAll("form[autocomplete=off]").forEach(function (form) {
      form.reset();
    });
  });
})();
