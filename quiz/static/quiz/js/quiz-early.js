/*
 * Loaded in <head>, before the quiz is first drawn: it tells quiz.css that quiz.js will
 * show one question at a time, so the page is laid out that way from the first paint
 * and nothing moves when quiz.js takes over (no layout shift). When quiz.js does not
 * take over (it failed to load, or has nothing to step through), the class goes once
 * the page has loaded, and every question shows as without JavaScript.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.add("quiz-will-step");
  window.addEventListener("load", function () {
    if (!document.querySelector(".quiz--stepped")) {
      root.classList.remove("quiz-will-step");
    }
  });
})();
