// youtube.js: the youtube block (layouts/shortcodes/youtube.html). Until the
// reader clicks, the page holds a link to the video and nothing loads from
// YouTube; the click puts the player from youtube-nocookie.com in its place.
// Without JavaScript the link opens the video on YouTube. Several blocks on
// a page share one copy of this script, which runs once.
(function () {
  "use strict";
  if (window.bantinYouTube) return;
  window.bantinYouTube = true;
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest(".youtube-poster");
    if (!link) return;
    var box = link.parentNode;
    var id = box.getAttribute("data-youtube");
    if (!/^[A-Za-z0-9_-]{11}$/.test(id)) return;
    ev.preventDefault();
    var frame = document.createElement("iframe");
    var start = box.getAttribute("data-start");
    frame.src = "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1" +
      (/^[0-9]{1,6}$/.test(start || "") ? "&start=" + start : "");
    frame.title = link.getAttribute("data-title") || "YouTube";
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.setAttribute("allowfullscreen", "");
    frame.className = "youtube-player";
    box.replaceChild(frame, link);
    frame.focus();
  });
})();
