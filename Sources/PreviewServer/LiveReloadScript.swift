/// The external script that pages load in live-reload mode (served at `/__reload.js`;
/// CSP forbids inline scripts). It reloads on `reload` and shows build errors in an
/// overlay using `textContent` only, so an error message can never become markup.
package enum LiveReloadScript {
    package static let path = "/__reload.js"
    package static let eventsPath = "/__reload"

    package static let source = #"""
    (function () {
      "use strict";
      if (!("EventSource" in window)) { return; }
      var overlay = null;
      function showError(message) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.setAttribute("role", "alert");
          overlay.id = "paypage-reload-error";
          // CSSOM properties are allowed by style-src 'self'; style attributes are not.
          var s = overlay.style;
          s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0";
          s.maxHeight = "50vh"; s.overflow = "auto"; s.zIndex = "2147483647";
          s.margin = "0"; s.padding = "1em"; s.background = "#7f1d1d"; s.color = "#fff";
          s.font = "14px/1.4 ui-monospace, monospace"; s.whiteSpace = "pre-wrap";
          document.body.appendChild(overlay);
        }
        overlay.textContent = message;
      }
      var source = new EventSource("/__reload");
      source.addEventListener("reload", function () { window.location.reload(); });
      source.addEventListener("error", function (event) {
        // Connection errors are plain Events without data; EventSource reconnects by itself.
        if (typeof event.data === "string") { showError(event.data); }
      });
    })();
    """#
}
