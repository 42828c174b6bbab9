// cong-cu-doc.js: the reading tools of a page (partials/reading-tools.html),
// with no third-party script. Lowered to ES2015 and minified by the build.
//
// The head's inline script marks <html> with js, can-share and can-copy,
// and the stylesheet shows the buttons that can work from the first paint.
// Text size (A−, A+) and high contrast are kept in localStorage under
// "bantin-doc" ({size: percent, contrast: bool}); an inline script in every
// page's head applies them before the page is drawn. Share uses the Web
// Share API when the browser has it (on phones it reaches Zalo and
// Facebook); the Facebook link and copy-link (to paste into Zalo) stay. "Nghe đọc
// bài" reads the article with the browser's speech synthesis in a
// Vietnamese voice, and stays hidden when the browser has none.
(function () {
  "use strict";
  var KEY = "bantin-doc";
  var SIZES = [90, 100, 112.5, 125, 150];
  var root = document.documentElement;
  var tools = document.querySelector(".reading-tools");
  if (!tools) return;

  function load() {
    try {
      return JSON.parse(localStorage.getItem(KEY)) || {};
    } catch (e) {
      return {};
    }
  }

  function save(prefs) {
    try {
      localStorage.setItem(KEY, JSON.stringify(prefs));
    } catch (e) {
      // private browsing: the choice lasts for this page only
    }
  }

  function button(name) {
    return tools.querySelector('[data-tool="' + name + '"]');
  }

  var prefs = load();

  function applySize() {
    var size = prefs.size || 100;
    root.style.fontSize = size === 100 ? "" : size + "%";
    button("smaller").disabled = size <= SIZES[0];
    button("larger").disabled = size >= SIZES[SIZES.length - 1];
  }

  function step(by) {
    var i = SIZES.indexOf(prefs.size || 100);
    if (i < 0) i = 1;
    i = Math.max(0, Math.min(SIZES.length - 1, i + by));
    prefs.size = SIZES[i];
    save(prefs);
    applySize();
  }

  function applyContrast() {
    root.classList.toggle("high-contrast", !!prefs.contrast);
    button("contrast").setAttribute("aria-pressed", prefs.contrast ? "true" : "false");
  }

  button("smaller").addEventListener("click", function () { step(-1); });
  button("larger").addEventListener("click", function () { step(1); });
  button("contrast").addEventListener("click", function () {
    prefs.contrast = !prefs.contrast;
    save(prefs);
    applyContrast();
  });
  applySize();
  applyContrast();

  setUpShare();
  setUpListening();

  function setUpShare() {
    var share = button("share"), copy = button("copy"), status = tools.querySelector(".reading-status");
    var url = tools.getAttribute("data-url"), title = tools.getAttribute("data-title");
    // The stylesheet shows share and copy when the browser has the API (the
    // head script's can-share and can-copy classes).
    if (navigator.share) {
      share.addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function () {});
      });
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(function () {
          status.textContent = copy.getAttribute("data-done");
        }, function () {
          status.textContent = url;
        });
      });
    }
  }

  function setUpListening() {
    var listen = button("listen"), synth = window.speechSynthesis;
    if (!listen || !synth || typeof SpeechSynthesisUtterance === "undefined") return;
    var voice = null, speaking = false;
    var startLabel = listen.textContent, stopLabel = listen.getAttribute("data-stop");

    function findVoice() {
      var voices = synth.getVoices() || [];
      for (var i = 0; i < voices.length; i++) {
        if (/^vi\b/i.test(voices[i].lang.replace("_", "-"))) return voices[i];
      }
      return null;
    }

    function refresh() {
      voice = findVoice();
      listen.hidden = !voice;
    }

    // The article is read paragraph by paragraph: long utterances are cut
    // short by some browsers.
    function paragraphs() {
      var body = document.querySelector(".article-body") || document.querySelector("main");
      var out = [document.querySelector("h1").textContent];
      var blocks = body.querySelectorAll("h2, h3, p, li, dt, dd, td, blockquote");
      for (var i = 0; i < blocks.length; i++) {
        var text = blocks[i].textContent.replace(/\s+/g, " ").trim();
        if (text && !blocks[i].querySelector("p, li")) out.push(text);
      }
      return out;
    }

    function stop() {
      speaking = false;
      synth.cancel();
      listen.textContent = startLabel;
      listen.setAttribute("aria-pressed", "false");
    }

    function start() {
      speaking = true;
      listen.textContent = stopLabel;
      listen.setAttribute("aria-pressed", "true");
      var parts = paragraphs(), left = parts.length;
      parts.forEach(function (text) {
        var u = new SpeechSynthesisUtterance(text);
        u.voice = voice;
        u.lang = voice.lang;
        u.onend = u.onerror = function () {
          left--;
          if (left === 0 && speaking) stop();
        };
        synth.speak(u);
      });
    }

    listen.addEventListener("click", function () {
      if (speaking) stop(); else start();
    });
    refresh();
    if (synth.addEventListener) synth.addEventListener("voiceschanged", refresh);
    window.addEventListener("pagehide", function () { if (speaking) stop(); });
  }
})();
