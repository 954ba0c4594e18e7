(function () {
  "use strict";
  var input = document.getElementById("search");
  if (!input) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-search]"));
  var counts = Array.prototype.slice.call(document.querySelectorAll("[data-count-of]"));
  function filter() {
    var query = input.value.trim().toLowerCase();
    rows.forEach(function (row) {
      row.hidden = query !== "" && row.getAttribute("data-search").indexOf(query) < 0;
    });
    counts.forEach(function (count) {
      var table = document.getElementById(count.getAttribute("data-count-of"));
      var visible = table.querySelectorAll("tbody tr:not([hidden])").length;
      count.textContent = String(visible);
    });
  }
  input.addEventListener("input", filter);
  filter();
}());
