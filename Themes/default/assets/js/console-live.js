// Staff console: payments as they happen (Server-Sent Events from /staff/events).
// Each one is announced in the polite live region, shown as a short note with a link, updates
// the status of its row (list) or heading (request page), and the unread badge in the bar.
// Without JavaScript the notifications page lists the same payments.
(function () {
  var link = document.querySelector("[data-live-events]");
  if (!link || !window.EventSource) return;
  var live = document.getElementById("console-live");
  var toasts = document.getElementById("console-toasts");
  var badge = document.getElementById("console-unread");
  var source = new EventSource(link.getAttribute("data-live-events"));

  function setStatus(reference, status, label) {
    document.querySelectorAll("[data-reference]").forEach(function (node) {
      if (node.getAttribute("data-reference") !== reference) return;
      node.querySelectorAll(".pill").forEach(function (pill) {
        pill.className = "pill pill-" + status;
        pill.textContent = label;
      });
    });
  }

  function note(data) {
    if (!toasts) return;
    var item = document.createElement("p");
    item.className = "console-toast";
    var anchor = document.createElement("a");
    anchor.href = data.href;
    anchor.textContent = data.text;
    item.appendChild(anchor);
    toasts.hidden = false;
    toasts.insertBefore(item, toasts.firstChild);
    while (toasts.children.length > 3) toasts.removeChild(toasts.lastChild);
  }

  source.addEventListener("paid", function (event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    setStatus(data.reference, data.status, data.statusLabel);
    note(data);
    if (live) live.textContent = data.text;
    if (badge) {
      badge.textContent = String(data.unread);
      badge.hidden = !(data.unread > 0);
    }
  });
  // The session is over (signed out, expired): stop; the next page asks to sign in.
  source.addEventListener("end", function () { source.close(); });
})();
