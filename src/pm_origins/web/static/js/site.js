/* Progressive enhancement only: the site works without this file. */
(function () {
  "use strict";
  var side = document.querySelector(".side-details");
  if (side && window.matchMedia && window.matchMedia("(max-width: 60rem)").matches) {
    side.open = false;
  }
})();
