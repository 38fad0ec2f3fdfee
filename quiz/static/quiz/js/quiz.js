/*
 * The quiz, one question at a time. Without JavaScript every question is on the page
 * and the same form is sent, so the result is the same either way. With it, only the
 * current question shows, with a progress bar and Back / Next; the last question
 * shows the submit button. When the server sent the form back with errors, all
 * questions stay visible so the error summary can link to each of them.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-quiz]");
  if (!form) {
    return;
  }
  // quiz-early.js laid the page out for one question at a time: undo that when the
  // form stays whole.
  function keepWholeForm() {
    document.documentElement.classList.remove("quiz-will-step");
  }
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    keepWholeForm();
    summary.focus();
    return;
  }
  var questions = Array.prototype.slice.call(form.querySelectorAll("[data-quiz-question]"));
  var submit = form.querySelector("[data-quiz-submit]");
  if (questions.length < 2 || !submit) {
    keepWholeForm();
    return;
  }
  var current = 0;

  var progress = document.createElement("div");
  progress.className = "quiz-progress";
  var progressText = document.createElement("p");
  progressText.className = "quiz-progress__text";
  progressText.setAttribute("aria-live", "polite");
  progressText.id = "quiz-progress-text";
  var bar = document.createElement("progress");
  bar.max = questions.length;
  bar.setAttribute("aria-labelledby", "quiz-progress-text");
  progress.appendChild(progressText);
  progress.appendChild(bar);
  form.insertBefore(progress, questions[0]);

  function makeButton(label, className) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.textContent = label;
    return button;
  }
  var back = makeButton(form.getAttribute("data-label-back"), "button--secondary");
  back.setAttribute("data-quiz-back", "");
  var next = makeButton(form.getAttribute("data-label-next"), "");
  next.setAttribute("data-quiz-next", "");
  submit.parentNode.insertBefore(back, submit);
  submit.parentNode.insertBefore(next, submit);
  form.classList.add("quiz--stepped");

  function legendText(question) {
    var number = question.querySelector(".quiz-question__number");
    return number ? number.textContent.trim() : "";
  }

  function show(index, moveFocus) {
    current = index;
    questions.forEach(function (question, position) {
      question.hidden = position !== index;
    });
    var last = index === questions.length - 1;
    back.hidden = index === 0;
    next.hidden = last;
    submit.hidden = !last;
    bar.value = index + 1;
    progressText.textContent = legendText(questions[index]);
    if (moveFocus) {
      var radio = questions[index].querySelector("input:checked") ||
        questions[index].querySelector("input");
      if (radio) {
        radio.focus();
      }
    }
  }

  back.addEventListener("click", function () {
    if (current > 0) {
      show(current - 1, true);
    }
  });
  next.addEventListener("click", function () {
    if (current < questions.length - 1) {
      show(current + 1, true);
    }
  });
  // Enter on a radio submits a form: before the last question it means "Next".
  form.addEventListener("submit", function (event) {
    if (current < questions.length - 1) {
      event.preventDefault();
      show(current + 1, true);
    }
  });

  show(0, false);
})();
