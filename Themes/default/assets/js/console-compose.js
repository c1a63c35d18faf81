// Staff console: the live preview of a text and the new-request form's two kinds.
// The page works without this file: its "Preview" button asks the server for the same preview.
// Here the form is posted (debounced) to its fieldset's data-preview address, which answers
// with the preview's HTML, rendered by the server from the code that sends the text.
(function () {
  document.querySelectorAll("form[data-compose]").forEach(function (form) {
    var compose = form.querySelector("[data-preview]");
    var region = form.querySelector("#message-preview");
    if (!compose || !region || !window.fetch) return;
    var address = compose.getAttribute("data-preview");
    var timer = null;
    var sent = 0;

    function refresh() {
      var ticket = ++sent;
      var body = new URLSearchParams(new FormData(form));
      body.delete("step");
      fetch(address, { method: "POST", body: body, credentials: "same-origin",
                       headers: { "Content-Type": "application/x-www-form-urlencoded" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html !== null && ticket === sent) region.innerHTML = html; })
        .catch(function () {});
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    }

    // A saved reply replaces the written text: the text box steps aside while one is chosen.
    var reply = form.querySelector("select[name=reply]");
    var textField = form.querySelector("[data-text-field]");
    function showText() { if (reply && textField) textField.hidden = reply.value !== ""; }

    // Quick payment or Pay with invoice: only the chosen kind's fields are shown.
    var kinds = form.querySelectorAll("input[name=kind]");
    function showKind() {
      var chosen = form.querySelector("input[name=kind]:checked");
      form.querySelectorAll("[data-kind]").forEach(function (group) {
        group.hidden = !!chosen && group.getAttribute("data-kind") !== chosen.value;
      });
    }

    form.addEventListener("input", later);
    form.addEventListener("change", function () { showText(); showKind(); later(); });
    var button = form.querySelector("[data-preview-button]");
    if (button) button.hidden = true;
    showText();
    if (kinds.length) showKind();
  });
})();
