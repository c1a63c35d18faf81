/* PayPage receipt: Print and Download (print to PDF) buttons. They stay hidden without
   JavaScript, and the print stylesheet hides them on paper. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-action='print'], [data-action='download']");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
