/* The class backpack's Save buttons, made smoother: the plain form post works without this
   script (it returns to the same page); with it, the button and the header's count change in
   place and a screen reader hears what happened. */
(function () {
  "use strict";

  function announce(text) {
    var region = document.getElementById("save-announcer");
    if (!region) {
      region = document.createElement("p");
      region.id = "save-announcer";
      region.className = "visually-hidden";
      region.setAttribute("role", "status");
      document.body.appendChild(region);
    }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("[data-save-control]") || !window.fetch) {
      return;
    }
    event.preventDefault();
    var action = form.querySelector("input[name=action]");
    // getAttribute, not form.action: the form has a field named "action", which that property
    // would return instead.
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    })
      .then(function (response) {
        if (!response.ok) { throw new Error("save failed"); }
        return response.json();
      })
      .then(function (data) {
        var button = form.querySelector(".save-control__button");
        var state = button.querySelector(".save-control__state");
        var hidden = button.querySelector(".visually-hidden");
        action.value = data.saved ? "remove" : "save";
        state.textContent = data.saved ? form.getAttribute("data-saved-label") : form.getAttribute("data-save-label");
        hidden.textContent = data.saved ? form.getAttribute("data-saved-hint") : form.getAttribute("data-save-hint");
        document.querySelectorAll("[data-saved-count]").forEach(function (count) {
          count.textContent = String(data.count);
        });
        announce(data.message);
      })
      .catch(function () {
        form.submit();
      });
  });
})();
