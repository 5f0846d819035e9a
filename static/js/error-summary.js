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

  if (!window.location.hash) {
    if (document.activeElement !== summary) {
      summary.focus({ preventScroll: true });
    }
    // Focusing scrolls only as far as needed; on a phone the summary belongs at the top.
    // Once more when the web fonts have arrived, which may change the height above it –
    // unless the person has moved on in the meantime.
    var toTop = function () {
      if (document.activeElement === summary) {
        summary.scrollIntoView({ block: "start", behavior: "instant" });
      }
    };
    toTop();
    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(toTop);
    }
    window.addEventListener("load", toTop);
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
    caption(input).scrollIntoView({ block: "start", behavior: "instant" });
    input.focus({ preventScroll: true });
  });
})();
