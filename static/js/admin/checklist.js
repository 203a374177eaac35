// The admin's checklists (core/widgets.py): a filter box over a long list of checkboxes and a
// summary of what is chosen, so an editor can type "Leic" and tick Leicester without scrolling
// through every place. Progressive enhancement: the checkboxes work and save without this.
(function () {
  "use strict";

  function normalise(text) {
    // Match "Ceredigion" when typing "ceredigion", and "Môn" when typing "mon".
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function setUp(list) {
    if (list.hasAttribute("data-checklist-ready")) return;
    list.setAttribute("data-checklist-ready", "");
    var options = Array.prototype.slice.call(list.querySelectorAll("input[type=checkbox]"));
    var rows = options.map(function (input) {
      var label = input.closest("label");
      return {
        input: input,
        row: label ? label.parentElement : input.parentElement,
        text: normalise(label ? label.textContent : input.value),
        name: label ? label.textContent.trim() : input.value,
      };
    });

    var summary = document.createElement("p");
    summary.className = "checklist__chosen";
    summary.setAttribute("aria-live", "polite");
    list.insertBefore(summary, list.firstChild);

    function showChosen() {
      var chosen = rows.filter(function (row) { return row.input.checked; });
      summary.textContent = chosen.length
        ? list.getAttribute("data-checklist-chosen-label") + " " +
          chosen.map(function (row) { return row.name; }).join(", ")
        : list.getAttribute("data-checklist-none-label");
    }
    list.addEventListener("change", showChosen);
    showChosen();

    var from = parseInt(list.getAttribute("data-checklist-filter-from"), 10) || 0;
    if (rows.length < from) return;

    var box = document.createElement("div");
    box.className = "checklist__filter";
    var field = options[0] ? options[0].name : "checklist";
    var input = document.createElement("input");
    input.type = "search";
    input.id = "checklist-filter-" + field;
    input.className = "checklist__filter-input";
    input.setAttribute("autocomplete", "off");
    var label = document.createElement("label");
    label.htmlFor = input.id;
    label.textContent = list.getAttribute("data-checklist-filter-label");
    var count = document.createElement("p");
    count.className = "checklist__count";
    count.setAttribute("aria-live", "polite");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(count);
    list.insertBefore(box, summary.nextSibling);

    function filter() {
      var wanted = normalise(input.value);
      var shown = 0;
      rows.forEach(function (row) {
        var match = !wanted || row.text.indexOf(wanted) !== -1;
        row.row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = wanted
        ? list.getAttribute("data-checklist-count-label")
            .replace("{shown}", shown).replace("{total}", rows.length)
        : "";
    }
    input.addEventListener("input", filter);
    // Enter in the filter box would otherwise submit (save) the whole page.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
  }

  function setUpAll() {
    document.querySelectorAll("[data-checklist]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
