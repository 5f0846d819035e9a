// The error summary above a form that came back with mistakes (includes/error_summary.html).
// Without JavaScript its autofocus attribute already moves the focus there; this script only
// helps where a browser skipped autofocus, and makes each link land on its field with the
// field's label or question in view (a plain #anchor would scroll the label out of sight).
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary || summary.dataset.enhanced) {
    return;
  }
  summary.dataset.enhanced = "true";

  if (document.activeElement !== summary && !window.location.hash) {
    summary.focus();
  }

  function caption(input) {
    var fieldset = input.closest("fieldset");
    if (fieldset && (input.type === "radio" || input.type === "checkbox") && fieldset.querySelector("legend")) {
      var legend = fieldset.querySelector("legend");
      // A single checkbox keeps its own label; a group shows its question.
      if (fieldset.querySelectorAll("input[name='" + input.name + "']").length > 1) {
        return legend;
      }
    }
    return document.querySelector("label[for='" + input.id + "']") || input;
  }

  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) {
      return;
    }
    var input = document.getElementById(link.getAttribute("href").slice(1));
    if (!input) {
      return;
    }
    event.preventDefault();
    caption(input).scrollIntoView({ block: "start" });
    input.focus({ preventScroll: true });
  });
})();
