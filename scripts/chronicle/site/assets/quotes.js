// Chronicle: the quotes page's speaker filter. Progressive: without this script the
// page lists every speaker's quotes with links to each group; with it, a select shows one.
(function () {
  "use strict";
  var select = document.querySelector("select[data-chronicle-filter=speaker]");
  if (!select) return;
  var groups = document.querySelectorAll("section[data-speaker]");
  function show(value) {
    groups.forEach(function (group) {
      group.hidden = Boolean(value) && group.getAttribute("data-speaker") !== value;
    });
  }
  select.parentElement.hidden = false;
  select.addEventListener("change", function () {
    show(select.value);
    if (select.value) history.replaceState(null, "", "#" + select.value);
  });
  // A link to one speaker (#speaker-…), from the list above or another page, filters too.
  function fromHash() {
    var wanted = decodeURIComponent(location.hash.slice(1));
    if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
      select.value = wanted;
      show(wanted);
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
