/* bantin print check: measures a print edition as it will print.
   bantin pdf calls bantinPrintCheck() before printing and fails, with the
   source line of each problem, when a fixed-size box ([data-fit]) holds
   more than fits, when anything is wider than its column, or when an
   image would print below 150 ppi. On screen (bantin serve), the same
   check outlines each box that overflows in red, with how much is too
   much, so an editor sees it while writing. */
(function () {
  "use strict";
  var PX_PER_MM = 96 / 25.4;
  function mm(px) { return Math.round(px / PX_PER_MM * 10) / 10; }
  function sourceOf(el) {
    var s = el.closest("[data-source]");
    return s ? s.getAttribute("data-source") : "";
  }
  // The id of the nearest heading before el inside its source, so that a
  // problem can be traced to the section it is in.
  function sectionOf(el) {
    var scope = el.closest("[data-source]") || document.body;
    var heads = scope.querySelectorAll("h2[id], h3[id], h4[id]");
    var id = "";
    for (var i = 0; i < heads.length; i++) {
      if (heads[i].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) id = heads[i].id;
    }
    return id;
  }
  function contentBox(el) {
    var r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    return {
      top: r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop),
      bottom: r.bottom - parseFloat(cs.borderBottomWidth) - parseFloat(cs.paddingBottom),
      left: r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft),
      right: r.right - parseFloat(cs.borderRightWidth) - parseFloat(cs.paddingRight)
    };
  }
  // fits: every [data-fit] box whose content reaches past its content box,
  // above or below (a vertically centred cover overflows at both ends).
  function fits() {
    var out = [], boxes = document.querySelectorAll("[data-fit]");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i], c = contentBox(box), lo = Infinity, hi = -Infinity;
      var all = box.querySelectorAll("*");
      for (var j = 0; j < all.length; j++) {
        var r = all[j].getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        lo = Math.min(lo, r.top); hi = Math.max(hi, r.bottom);
      }
      var over = Math.max(0, hi - c.bottom) + Math.max(0, c.top - lo);
      if (over > 1) {
        out.push({ label: box.getAttribute("data-fit"), line: +box.getAttribute("data-line") || 0,
          source: sourceOf(box), overMM: mm(over), boxMM: mm(c.bottom - c.top), el: box });
      }
    }
    return out;
  }
  // wide: the outermost elements that reach past the side of their column
  // (a leaflet panel, or the main text column).
  function wide() {
    var out = [], columns = document.querySelectorAll(".panel, main");
    for (var i = 0; i < columns.length; i++) {
      var c = contentBox(columns[i]), all = columns[i].querySelectorAll("*");
      for (var j = 0; j < all.length; j++) {
        var el = all[j], r = el.getBoundingClientRect();
        if (r.width === 0) continue;
        var over = Math.max(r.right - c.right, c.left - r.left, el.scrollWidth - el.clientWidth > 1 && getComputedStyle(el).overflowX !== "visible" ? el.scrollWidth - el.clientWidth : 0);
        if (over <= 1) continue;
        var reported = false;
        for (var k = 0; k < out.length; k++) if (out[k].el.contains(el)) reported = true;
        if (!reported) out.push({ what: describe(el), overMM: mm(over), columnMM: mm(c.right - c.left), source: sourceOf(el), section: sectionOf(el), el: el });
      }
    }
    return out;
  }
  function describe(el) {
    var tag = el.tagName.toLowerCase();
    if (tag === "table") return "a table of " + (el.rows[0] ? el.rows[0].cells.length : 0) + " columns";
    if (tag === "img") return "image " + el.getAttribute("src");
    var text = (el.textContent || "").replace(/\s+/g, " ").trim();
    return "<" + tag + "> \u201c" + text.slice(0, 40) + (text.length > 40 ? "\u2026" : "") + "\u201d";
  }
  // images: the resolution each raster image prints at, in pixels per inch.
  function images() {
    var out = [], imgs = document.images;
    for (var i = 0; i < imgs.length; i++) {
      var img = imgs[i], r = img.getBoundingClientRect(), src = img.getAttribute("src") || "";
      if (r.width === 0 || /\.svg(\?|#|$)/i.test(src)) continue;
      out.push({ src: src, url: img.currentSrc || img.src, loaded: img.naturalWidth > 0,
        ppi: Math.round(img.naturalWidth / (r.width / 96)), widthMM: mm(r.width), heightMM: mm(r.height),
        source: sourceOf(img), section: sectionOf(img) });
    }
    return out;
  }
  function headings() {
    var out = [], hs = document.querySelectorAll("h1, h2, h3, h4, h5, h6");
    for (var i = 0; i < hs.length; i++) {
      if (hs[i].getClientRects().length === 0) continue;
      out.push((hs[i].textContent || "").replace(/\s+/g, " ").trim());
    }
    return out;
  }
  // codes: each printed QR code, its text and where it is on the page.
  function codes() {
    var out = [], marked = document.querySelectorAll("[data-qr]");
    for (var i = 0; i < marked.length; i++) {
      var svg = marked[i].querySelector("svg");
      if (!svg) continue;
      var r = svg.getBoundingClientRect();
      out.push({ text: marked[i].getAttribute("data-qr"), x: r.left + window.scrollX, y: r.top + window.scrollY,
        width: r.width, height: r.height, sizeMM: mm(r.width) });
    }
    return out;
  }
  function fonts() {
    var out = [];
    if (document.fonts && document.fonts.forEach) document.fonts.forEach(function (f) {
      if (f.status === "loaded" && out.indexOf(f.family) < 0) out.push(f.family.replace(/["']/g, ""));
    });
    return out;
  }
  function strip(list) {
    return list.map(function (item) { var o = {}; for (var k in item) if (k !== "el") o[k] = item[k]; return o; });
  }
  window.bantinPrintCheck = function () {
    return { fits: strip(fits()), wide: strip(wide()), images: images(), headings: headings(), codes: codes(), fonts: fonts() };
  };
  function mark() {
    var over = fits();
    for (var i = 0; i < over.length; i++) {
      over[i].el.classList.add("fit-overflow");
      over[i].el.setAttribute("data-fit-message", "\u201c" + over[i].label + "\u201d d\u00e0i qu\u00e1 " + over[i].overMM + " mm so v\u1edbi " + over[i].boxMM + " mm");
    }
  }
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(mark); else window.addEventListener("load", mark);
})();
