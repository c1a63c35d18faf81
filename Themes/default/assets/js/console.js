// Staff console: "Copy link" buttons (the link stays visible and selectable without JavaScript).
(function () {
  var live = document.getElementById("console-live");
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        if (live) live.textContent = document.documentElement.lang === "fr" ? "Lien copié" : "Link copied";
      });
    });
  });
})();
