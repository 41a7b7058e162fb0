// casefile reading room: keyboard habits. "/" focuses the search box;
// "j" and "k" move to the next and previous hit (a search result, a
// highlighted mention, a filing); Enter opens a focused result, or the
// page of the person or organization a focused mention names. A click on
// such a mention (not a text selection) opens that page too.
(function () {
  "use strict";
  var current = -1;

  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  function targets() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-nav]"));
  }

  function move(step) {
    var items = targets();
    if (items.length === 0) return;
    // Start from the focused item when the reader clicked or followed a link.
    var focused = items.indexOf(document.activeElement);
    if (focused >= 0) current = focused;
    else if (current < 0 && location.hash) {
      var anchor = document.getElementById(location.hash.slice(1));
      var at = items.indexOf(anchor);
      if (at >= 0) current = at - (step > 0 ? 1 : -1);
    }
    current = Math.min(Math.max(current + step, 0), items.length - 1);
    items.forEach(function (el) { el.classList.remove("current"); });
    var el = items[current];
    el.classList.add("current");
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "center" });
  }

  // entityOf returns the entity page a highlighted mention links to, or
  // "" (only the reading room's own /entity pages are followed).
  function entityOf(el) {
    var mark = el && el.closest ? el.closest("mark[data-entity]") : null;
    if (!mark) return "";
    var href = mark.getAttribute("data-entity");
    return href.indexOf("/entity") === 0 ? href : "";
  }

  document.addEventListener("click", function (ev) {
    if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
    var href = entityOf(ev.target);
    var sel = window.getSelection();
    if (href && (!sel || sel.isCollapsed)) location.assign(href);
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (typing(ev.target)) {
      if (ev.key === "Escape") ev.target.blur();
      return;
    }
    if (ev.key === "/") {
      var q = document.getElementById("q");
      if (q) {
        ev.preventDefault();
        q.focus();
        q.select();
      }
    } else if (ev.key === "j") {
      ev.preventDefault();
      move(1);
    } else if (ev.key === "k") {
      ev.preventDefault();
      move(-1);
    } else if (ev.key === "Enter" && document.activeElement && document.activeElement.hasAttribute("data-nav")) {
      var link = document.activeElement.querySelector("a[href]");
      var href = entityOf(document.activeElement);
      if (link) link.click();
      else if (href) location.assign(href);
    }
  });
})();
