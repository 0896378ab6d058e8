// Small progressive enhancements on top of htmx; every page works without this file.
document.addEventListener("htmx:configRequest", function (event) {
  // Leave empty filters out of the request, so the address bar shows only the filters in use.
  var params = event.detail.parameters;
  Object.keys(params).forEach(function (name) {
    if (params[name] === "") {
      delete params[name];
    }
  });
});

document.addEventListener("htmx:afterSwap", function (event) {
  // A new grade: move focus to its heading so keyboard and screen-reader users land on it.
  if (event.detail.target && event.detail.target.id === "grade-result") {
    var heading = event.detail.target.querySelector("h2[tabindex]");
    if (heading) {
      heading.focus();
      heading.scrollIntoView({ block: "start" });
    }
  }
});
