// Progressive enhancement only: every page works without this script.
(function () {
  "use strict";
  // Filter forms: leave empty fields out of the URL, so that a shared link shows only the filters in use.
  document.querySelectorAll("form[method='get']").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input[name], select[name]").forEach(function (field) {
        if (field.value === "") field.disabled = true;
      });
    });
  });
  // Forms that change data: ask before leaving with unsaved changes.
  document.querySelectorAll("form[data-guard]").forEach(function (form) {
    var changed = false;
    form.addEventListener("input", function () { changed = true; });
    form.addEventListener("submit", function () { changed = false; });
    window.addEventListener("beforeunload", function (e) {
      if (changed) { e.preventDefault(); e.returnValue = ""; }
    });
  });
})();
