/* Progressive enhancement only: the site works without this file. */
(function () {
  "use strict";
  var side = document.querySelector(".side-details");
  if (side && window.matchMedia && window.matchMedia("(max-width: 60rem)").matches) {
    side.open = false;
  }
})();

/* "Copy the link" buttons (hidden without JavaScript; the link itself stays). */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var source = document.querySelector(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector("[data-copy-status]");
    if (!source) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.href || source.value || source.textContent;
      var say = function (message) { if (status) { status.textContent = message; } };
      var fallback = function () {
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        say(document.execCommand && document.execCommand("copy")
          ? "Copied." : "Selected: press Ctrl+C (or Cmd+C) to copy.");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { say("Copied."); }, fallback);
      } else {
        fallback();
      }
    });
  });
})();
