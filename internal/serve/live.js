// bantin live reload: reloads this page when its output changes, swaps
// stylesheets in place, and shows build errors over the page. ES5 and the
// browser APIs of Chrome 49 and Safari 10, like the theme's scripts (no
// NodeList.forEach, URL, padStart or inset).
(function () {
  "use strict";
  var KEY = "bantin-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(KEY);
  if (saved !== null) {
    sessionStorage.removeItem(KEY);
    var y = +saved;
    window.scrollTo(0, y);
    window.addEventListener("load", function () { window.scrollTo(0, y); });
  }

  function reload() {
    sessionStorage.setItem(KEY, String(window.scrollY));
    location.reload();
  }

  // The output file this page was served from.
  function ownPath() {
    var p = decodeURIComponent(location.pathname).replace(/^\//, "");
    if (p === "" || p.charAt(p.length - 1) === "/") p += "index.html";
    return p;
  }

  function swapStylesheets(paths) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i], href = link.getAttribute("href").split("?")[0];
      var file = decodeURIComponent(href.replace(/^[a-z]+:\/\/[^\/]+/i, "")).replace(/^\//, "");
      if (paths.indexOf(file) >= 0) link.setAttribute("href", href + "?bantin=" + Date.now());
    }
  }

  var overlay = null;
  function showErrors(report) {
    hideErrors();
    overlay = document.createElement("div");
    overlay.id = "bantin-errors";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.96);color:#f5f5f5;font:14px/1.5 ui-monospace,monospace;padding:24px";
    var h = document.createElement("h2");
    h.textContent = "Lỗi khi dựng trang (build failed)";
    h.style.cssText = "color:#ff7b72;font:700 18px system-ui,sans-serif;margin:0 0 16px";
    overlay.appendChild(h);
    report.errors.forEach(function (e) {
      var box = document.createElement("section");
      box.style.cssText = "margin:0 0 20px;border-left:3px solid #ff7b72;padding-left:12px";
      var where = document.createElement("div");
      where.textContent = e.pos + ": " + e.message;
      where.style.cssText = "font-weight:700;white-space:pre-wrap";
      box.appendChild(where);
      if (e.lines && e.lines.length) {
        var pre = document.createElement("pre");
        pre.style.cssText = "margin:8px 0 0;color:#c9d1d9";
        e.lines.forEach(function (l) {
          var row = document.createElement("div");
          row.textContent = ("     " + l.number).slice(-Math.max(5, (l.number + "").length)) + " | " + l.text;
          if (l.error) row.style.cssText = "background:#5a1e1e;color:#fff";
          pre.appendChild(row);
        });
        box.appendChild(pre);
      }
      overlay.appendChild(box);
    });
    document.body.appendChild(overlay);
  }
  function hideErrors() {
    if (overlay) { overlay.parentNode.removeChild(overlay); overlay = null; }
  }

  var events = new EventSource("/__bantin/events");
  events.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    if (overlay) { reload(); return; }
    if (d.css) { swapStylesheets(d.paths); return; }
    if (d.paths.indexOf(ownPath()) >= 0) reload();
  });
  events.addEventListener("errors", function (e) { showErrors(JSON.parse(e.data)); });
  events.addEventListener("ok", function () { if (overlay) reload(); });

  var xhr = new XMLHttpRequest(); // Safari 10.0 has no fetch
  xhr.open("GET", "/__bantin/errors");
  xhr.onload = function () {
    try { var d = JSON.parse(xhr.responseText); } catch (e) { return; }
    if (d.errors && d.errors.length) showErrors(d);
  };
  xhr.send();
})();
