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
