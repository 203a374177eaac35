// Progressive enhancement only: every feature works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Videos: build the player only when the reader asks for it, so no request reaches the
  // video host before then.
  // A figure may offer more than one version (a story's audio-described version): each play
  // button can carry its own address, and all of them load into the same frame.
  document.querySelectorAll("[data-video]").forEach(function (figure) {
    figure.querySelectorAll("[data-video-play]").forEach(function (button) {
      var embedUrl = button.getAttribute("data-embed-url") || figure.getAttribute("data-embed-url");
      if (embedUrl) playOnClick(figure, button, embedUrl);
    });
  });

  function playOnClick(figure, button, embedUrl) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var iframe = document.createElement("iframe");
      iframe.src = embedUrl;
      iframe.title = figure.getAttribute("data-title") || button.textContent.trim();
      iframe.allow = "autoplay; fullscreen; picture-in-picture";
      iframe.setAttribute("allowfullscreen", "");
      var frame = figure.querySelector(".video__frame");
      frame.replaceChildren(iframe);
      iframe.focus();
    });
  }

  // Small screens: the main navigation folds behind a Menu button. The style sheet shows
  // the button and folds the list on small screens only (whatever the width was at load, so
  // a window narrowed later still gets a working button); this makes the button work.
  var toggle = document.querySelector(".primary-nav__toggle");
  var list = document.getElementById("primary-nav-list");
  if (toggle && list) {
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      list.classList.toggle("is-open", !open);
    });
  }

  // Filter forms: leave empty fields out of the address, so a shared search link stays short.
  document.querySelectorAll("form[data-compact-query]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (field.name && !field.value && field.type !== "checkbox") field.disabled = true;
      });
    });
  });

  // The directory's filters panel: open beside the results on wide screens; on small ones it
  // stays a one-line summary above them, so the results come first.
  var panel = document.querySelector("[data-filters-panel]");
  if (panel && window.matchMedia("(min-width: 56rem)").matches) panel.open = true;

  // Once a filter changes, the count on the button no longer holds until the form is sent.
  document.querySelectorAll("[data-show-activities]").forEach(function (button) {
    button.form.addEventListener("change", function () {
      button.textContent = button.getAttribute("data-changed-label");
    }, { once: true });
  });

  // Forms with errors: move focus to the summary so screen-reader users hear it first.
  var errors = document.getElementById("form-errors");
  if (errors) {
    errors.focus();
  } else if (window.location.search || window.location.hash === "#results-heading") {
    // After a search, start at the results summary (how many were found), as the address's
    // #results-heading does without JavaScript when the search came from a form.
    var results = document.getElementById("results-heading");
    if (results) results.focus();
  }
})();
