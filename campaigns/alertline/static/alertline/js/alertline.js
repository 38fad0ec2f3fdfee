// Improves the form only: a live character count, and focus on the error summary.
// Without JavaScript the limit is stated in the field's help text.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
  document.querySelectorAll("textarea[data-counter]").forEach((field) => {
    const counter = document.getElementById(field.dataset.counter);
    const limit = Number(field.getAttribute("maxlength"));
    if (!counter || !limit) return;
    const template = counter.dataset.template || "";
    const update = () => {
      const left = limit - field.value.length;
      counter.textContent = template.replace("%s", String(left));
    };
    counter.hidden = false;
    field.addEventListener("input", update);
    update();
  });
});
