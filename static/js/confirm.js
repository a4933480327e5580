/* Confirm before the irreversible. A form (or the submit button that does the irreversible thing) with
 * data-confirm="what will happen" opens the page's #confirm-dialog (a Bootstrap modal: focus kept inside,
 * Escape or Cancel closes it, the Cancel button has the focus first) saying so; only its confirm button
 * sends the form, with the same button that was pressed. data-confirm-button names that confirm button.
 * Without JavaScript the form is sent directly, as before. No inline script is needed.
 */
(function () {
  "use strict";
  const element = document.getElementById("confirm-dialog");
  if (!element || !window.bootstrap) { return; }
  const dialog = new window.bootstrap.Modal(element);
  const body = element.querySelector("[data-confirm-body]");
  const ok = element.querySelector("[data-confirm-ok]");
  const cancel = element.querySelector("[data-bs-dismiss=modal].btn");
  const defaultLabel = ok.textContent;
  let pending = null;

  document.addEventListener("submit", function (event) {
    const form = event.target;
    const submitter = event.submitter || null;
    const source = submitter && submitter.dataset.confirm ? submitter : form;
    const message = source.dataset.confirm;
    if (!message || form.dataset.confirmed === "1") { return; }
    if (submitter && submitter !== source && submitter.hasAttribute("data-no-confirm")) { return; }
    event.preventDefault();
    pending = {form: form, submitter: submitter};
    body.textContent = message;
    ok.textContent = source.dataset.confirmButton || defaultLabel;
    ok.className = "btn " + (source.dataset.confirmDanger !== undefined ? "btn-danger" : "btn-primary");
    dialog.show();
  }, true);

  element.addEventListener("shown.bs.modal", function () { (cancel || ok).focus(); });
  element.addEventListener("hidden.bs.modal", function () { pending = null; });
  ok.addEventListener("click", function () {
    if (!pending) { return; }
    const {form, submitter} = pending;
    pending = null;
    dialog.hide();
    form.dataset.confirmed = "1";
    if (submitter) { form.requestSubmit(submitter); } else { form.requestSubmit(); }
    delete form.dataset.confirmed;
  });
})();
