/* PayPage: remembers the language the customer picks and, on the language-neutral page,
   switches to the browser's language (static hosts cannot negotiate). No inline script. */
(function () {
  "use strict";
  var KEY = "paypage.lang";
  var root = document.documentElement;

  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[data-lang]") : null;
    if (!link) return;
    try { window.localStorage.setItem(KEY, link.getAttribute("data-lang")); } catch (e) { /* private mode */ }
  });

  if (root.getAttribute("data-neutral") !== "true") return;
  var current = (root.getAttribute("lang") || "").slice(0, 2).toLowerCase();
  var wanted = null;
  try { wanted = window.localStorage.getItem(KEY); } catch (e) { wanted = null; }
  if (wanted !== "fr" && wanted !== "en") {
    wanted = null;
    var list = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < list.length; i++) {
      var code = String(list[i]).slice(0, 2).toLowerCase();
      if (code === "fr" || code === "en") { wanted = code; break; }
    }
  }
  if (wanted && wanted !== current) {
    window.location.replace(wanted + "/" + window.location.search + window.location.hash);
  }
})();
