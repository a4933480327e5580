/* The score sheet's running total: the points typed so far, added up as the reviewer types
 * ([data-sheet-total] inside form#score-sheet; inputs named points_*). The server renders the same total. */
(function () {
  "use strict";
  const form = document.getElementById("score-sheet");
  const total = form && form.querySelector("[data-sheet-total]");
  if (!total) { return; }
  function update() {
    let sum = 0;
    form.querySelectorAll("input[name^=points_]").forEach(function (input) {
      const value = parseFloat(input.value.replace(/,/g, ""));
      if (!Number.isNaN(value)) { sum += value; }
    });
    total.textContent = (Math.round(sum * 10) / 10).toString();
  }
  form.addEventListener("input", update);
  update();
})();
