// Staff console: "Copy link" buttons (the link stays visible and selectable without JavaScript).
// Each button carries its link (data-copy) and what to announce once copied (data-copied).
(function () {
  var live = document.getElementById("console-live");
  if (!navigator.clipboard) return;
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        if (live) live.textContent = button.getAttribute("data-copied") || "";
      });
    });
  });
})();
