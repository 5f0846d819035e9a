// Progressive enhancement of the vote forms: without JavaScript they post and reload the
// page; with it, the vote is sent in the background and the result updates in place.
(function () {
  "use strict";

  function update(form, data, choice) {
    var card = form.closest("[data-vote-scope]") || form.parentElement;
    var result = card.querySelector("[data-vote-result]");
    if (result && data.html) {
      var holder = document.createElement("div");
      holder.innerHTML = data.html;
      result.replaceWith(holder.firstElementChild);
    }
    form.querySelectorAll("button[name=choice]").forEach(function (button) {
      var pressed = button.value === choice;
      button.setAttribute("aria-pressed", pressed ? "true" : "false");
      button.classList.toggle("kern-btn--primary", pressed);
      button.classList.toggle("kern-btn--secondary", !pressed);
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-vote-form]") || !window.fetch) {
      return;
    }
    var button = event.submitter;
    if (!button || button.name !== "choice") {
      return;
    }
    event.preventDefault();
    var status = form.querySelector("[data-vote-status]");
    var body = new FormData(form);
    body.set("choice", button.value);
    fetch(form.action, {
      method: "POST",
      body: body,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, status: response.status, data: data };
        });
      })
      .then(function (answer) {
        if (answer.status === 401) {
          window.location.href = form.action.replace(/bewerten\/$/, "");
          return;
        }
        if (!answer.ok) {
          status.textContent = answer.data.error || "";
          return;
        }
        update(form, answer.data, button.value);
        status.textContent = answer.data.message;
      })
      .catch(function () {
        // Network trouble: fall back to the plain form post.
        form.submit();
      });
  });
})();
