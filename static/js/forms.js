/* Nothing typed is lost (core.autosave, core.kept_posts):
 * - every POST form with fields the user fills is watched; leaving the page with unsaved changes asks first;
 * - a section tab ([data-section-nav]) clicked with unsaved changes in the section's form
 *   (form[data-section-form]) saves the form and then opens the tab (the server follows `next`);
 * - a form[data-autosave="SECONDS"] is sent in the background while it has unsaved changes and says
 *   "saved at HH:MM" in its [data-autosave-status];
 * - a form kept when the session ended (<script type="application/json" id="kept-post">) is filled in again.
 * The words come translated from the page (#form-texts data attributes). No inline script is needed.
 */
(function () {
  "use strict";
  const texts = (document.getElementById("form-texts") || {dataset: {}}).dataset;
  const unsaved = new Set();
  let leaving = false;

  function fillable(element) {
    return ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName)
      && !["hidden", "submit", "button", "reset", "image"].includes(element.type);
  }
  function watched(form) {
    return (form.getAttribute("method") || "").toLowerCase() === "post" && !form.hasAttribute("data-no-unsaved")
      && Array.from(form.elements).some(fillable);
  }
  function markUnsaved(form) { unsaved.add(form); form.dataset.unsaved = "1"; }
  function markSaved(form) { unsaved.delete(form); delete form.dataset.unsaved; }
  function say(form, message) {
    const status = form.querySelector("[data-autosave-status]");
    if (status) { status.textContent = message; }
  }
  function actionPath(form) {
    return new URL(form.getAttribute("action") || window.location.href, window.location.href).pathname;
  }

  const forms = Array.from(document.querySelectorAll("form")).filter(watched);
  forms.forEach(function (form) {
    form.addEventListener("input", function () { markUnsaved(form); });
    form.addEventListener("change", function () { markUnsaved(form); });
  });
  // Registered on the window, so it runs after every form's own handlers: a submit a dialog held back
  // (defaultPrevented) is not a departure yet.
  window.addEventListener("submit", function (event) { if (!event.defaultPrevented) { leaving = true; } });
  window.addEventListener("beforeunload", function (event) {
    if (leaving || unsaved.size === 0) { return; }
    event.preventDefault();
    event.returnValue = texts.unsaved || "";
  });

  document.querySelectorAll("[data-section-nav] a[href]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      const form = document.querySelector("form[data-section-form]");
      if (!form || !unsaved.has(form)) { return; }
      event.preventDefault();
      let next = form.querySelector("input[name=next]");
      if (!next) {
        next = document.createElement("input");
        next.type = "hidden";
        next.name = "next";
        form.appendChild(next);
      }
      next.value = link.getAttribute("href");
      say(form, texts.savingBeforeLeaving || "");
      form.requestSubmit();
    });
  });

  document.querySelectorAll("form[data-autosave]").forEach(function (form) {
    const seconds = Math.max(Number(form.dataset.autosave) || 60, 10);
    let changed = false;
    let sending = false;
    form.addEventListener("input", function () { changed = true; });
    form.addEventListener("change", function () { changed = true; });
    async function save() {
      if (!changed || sending || leaving) { return; }
      changed = false;
      sending = true;
      const body = new FormData(form);
      body.delete("next");
      try {
        const response = await fetch(window.location.origin + actionPath(form), {
          method: "POST", body: body, credentials: "same-origin", redirect: "manual",
          headers: {"X-Portal-Autosave": "1", "Accept": "application/json"},
        });
        if (response.type === "opaqueredirect" || response.status === 403) {
          changed = true;
          say(form, texts.sessionEnded || "");
          return;
        }
        const answer = await response.json();
        if (answer.saved) {
          Object.entries(answer.fields || {}).forEach(function ([name, value]) {
            if (form.elements[name]) { form.elements[name].value = value; }  // e.g. the draft's new version
          });
          if (!changed) { markSaved(form); }
          say(form, (texts.savedAt || "{time}").replace("{time}", answer.saved_at));
          form.dispatchEvent(new CustomEvent("portal:autosaved", {bubbles: true}));
        } else {
          changed = true;
          say(form, answer.message || texts.notSaved || "");
        }
      } catch (error) {
        changed = true;
        say(form, texts.notSaved || "");
      } finally {
        sending = false;
      }
    }
    window.setInterval(save, seconds * 1000);
    form.addEventListener("portal:autosave", save);
  });

  const keptData = document.getElementById("kept-post");
  if (keptData) {
    const kept = JSON.parse(keptData.textContent);
    const form = Array.from(document.querySelectorAll("form")).find(function (candidate) {
      return actionPath(candidate) === kept.action && candidate.getAttribute("method") === "post";
    });
    if (form) {
      Object.keys(kept.fields).forEach(function (name) {
        const values = kept.fields[name];
        Array.from(form.elements).filter(function (element) { return element.name === name; })
          .forEach(function (element, index) {
            if (element.type === "checkbox" || element.type === "radio") {
              element.checked = values.includes(element.value);
            } else if (element.tagName === "SELECT" && element.multiple) {
              Array.from(element.options).forEach(function (option) { option.selected = values.includes(option.value); });
            } else if (element.type !== "file" && index < values.length) {
              element.value = values[index];
            }
          });
      });
      markUnsaved(form);
      const note = document.createElement("div");
      note.className = "alert alert-info";
      note.id = "kept-post-note";
      note.setAttribute("role", "status");
      note.textContent = texts.restored || "";
      form.parentNode.insertBefore(note, form);
      note.scrollIntoView({block: "center"});
    }
  }
})();
