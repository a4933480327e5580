/* Phones: a table wider than its column scrolls inside its own box instead of widening the page. Every
 * table in the page's content is wrapped in a .table-responsive box (unless it already is); a box that
 * scrolls can be reached with the keyboard (tabindex) and is named after its table for screen readers.
 */
(function () {
  "use strict";
  document.querySelectorAll("main table").forEach(function (table) {
    let box = table.parentElement;
    if (!box.classList.contains("table-responsive")) {
      box = document.createElement("div");
      box.className = "table-responsive";
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
    }
  });
  function focusable() {
    document.querySelectorAll(".table-responsive").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        const table = box.querySelector("table");
        const caption = table && (table.getAttribute("aria-label") || (table.caption && table.caption.textContent));
        box.setAttribute("aria-label", caption || document.title);
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
      }
    });
  }
  focusable();
  window.addEventListener("resize", focusable);
})();
