// The round page: the clock's countdown, the heartbeat, answer boxes (word count, Ctrl+Enter,
// drafts kept in this browser) and calm announcements. The pages work without this file.
(function () {
  "use strict";

  var HEARTBEAT_MS = 15000;
  var THRESHOLDS = [
    [300, "5 minutes left in this round."],
    [60, "1 minute left in this round."],
  ];

  // -- answer boxes ----------------------------------------------------------------------------
  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }
  function draftKey(box) {
    return "barraiser:answer:" + box.getAttribute("data-draft-key");
  }
  function words(text) {
    var t = text.trim();
    return t ? t.split(/\s+/).length : 0;
  }
  function showCount(box) {
    var ids = (box.getAttribute("aria-describedby") || "").split(/\s+/);
    ids.forEach(function (id) {
      var node = document.getElementById(id);
      if (node && node.classList.contains("word-count")) {
        var n = words(box.value);
        var text = n + (n === 1 ? " word" : " words");
        // No maxlength on the box (it cut a paste silently): say how far over the limit it is.
        var max = Number(box.getAttribute("data-max-chars")) || 0;
        var over = max ? box.value.length - max : 0;
        if (over > 0) {
          text +=
            ", over the " + max.toLocaleString("en") + "-character limit by " +
            over.toLocaleString("en") + (over === 1 ? " character" : " characters") +
            ": cut it before sending";
        }
        node.textContent = text;
        node.classList.toggle("word-count--over", over > 0);
      }
    });
  }
  function setUpBoxes(root) {
    var s = storage();
    Array.prototype.forEach.call(root.querySelectorAll("textarea[data-answer]"), function (box) {
      // A draft left by a reload (or a round that ended) comes back unless the server sent text.
      if (s && !box.value) {
        var saved = s.getItem(draftKey(box));
        if (saved) box.value = saved;
      }
      showCount(box);
    });
  }
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("textarea[data-answer]")) return;
    showCount(box);
    var s = storage();
    if (!s) return;
    try {
      if (box.value.trim()) s.setItem(draftKey(box), box.value);
      else s.removeItem(draftKey(box));
    } catch (e) {
      /* storage full or disabled: drafts are a convenience */
    }
  });
  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    if (!box.matches || !box.matches("textarea[data-answer]") || !box.form) return;
    event.preventDefault();
    if (box.form.requestSubmit) box.form.requestSubmit();
    else box.form.submit();
  });
  // Moving on to the next question loads a new page (a follow-up sent, a skip): there, the
  // focus goes to the new question's heading instead of <body>, many Tabs away from the answer.
  var MOVED_KEY = "barraiser:moved-on";
  var MOVED_FRESH_MS = 15000;
  function session() {
    try {
      return window.sessionStorage;
    } catch (e) {
      return null;
    }
  }
  function markMovedOn() {
    var s = session();
    if (s) s.setItem(MOVED_KEY, String(Date.now()));
  }
  function focusAfterMovingOn() {
    var s = session();
    var moved = s && s.getItem(MOVED_KEY);
    if (!moved) return;
    s.removeItem(MOVED_KEY);
    if (Date.now() - Number(moved) > MOVED_FRESH_MS) return;
    var heading = document.getElementById("item-title");
    if (!heading) return;
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }
  // Before htmx follows an HX-Redirect (a saved answer that ends the item): mark it.
  document.addEventListener("htmx:beforeOnLoad", function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.getResponseHeader("HX-Redirect") && savedByServer(xhr)) markMovedOn();
  });
  // Plain forms (Start, End, Skip): one click is enough; a second would post twice.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("hx-post")) return; // htmx disables its own buttons
    if (form.classList.contains("skip-form")) markMovedOn();
    var button = event.submitter;
    if (button) {
      setTimeout(function () {
        button.disabled = true;
      }, 0);
    }
  });
  // Forget the local draft only when the server says it has the answer (an "answer-saved"
  // HX-Trigger): refusals and grading failures come back with status 200 too, to be swapped in.
  function savedByServer(xhr) {
    var trigger = (xhr && xhr.getResponseHeader("HX-Trigger")) || "";
    return /(^|[^\w-])answer-saved([^\w-]|$)/.test(trigger);
  }
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (!event.detail.successful || !form || !form.querySelector) return;
    if (!savedByServer(event.detail.xhr)) return;
    var box = form.querySelector("textarea[data-answer]");
    var s = storage();
    if (box && s) s.removeItem(draftKey(box));
  });
  // Bring focus to what came back: the first [data-focus-after-swap] (a value names the
  // element inside it to focus), so keyboard and screen-reader users are not left on <body>.
  document.addEventListener("htmx:afterSettle", function () {
    var body = document.getElementById("round-body");
    if (!body) return;
    setUpBoxes(body);
    var marked = body.querySelector("[data-focus-after-swap]");
    if (!marked) return;
    var inside = marked.getAttribute("data-focus-after-swap");
    var focus = (inside && marked.querySelector(inside)) || marked;
    if (!focus.hasAttribute("tabindex") && !focus.matches("a[href], button, input, textarea, select")) {
      focus.setAttribute("tabindex", "-1");
    }
    focus.focus();
    focus.scrollIntoView({ block: "start" });
  });
  setUpBoxes(document);
  focusAfterMovingOn();

  // -- waiting for the interviewer's follow-up -------------------------------------------------
  // The "still reading" card asks for the page again every 2 s ([data-poll], htmx). A server
  // that died mid-grade never sends the follow-up: stop after a while and say so.
  var POLL_LIMIT = 45;
  var polls = {};
  document.addEventListener("htmx:beforeRequest", function (event) {
    var card = event.detail.elt;
    if (!card || !card.hasAttribute || !card.hasAttribute("data-poll")) return;
    var key = card.getAttribute("data-poll");
    polls[key] = (polls[key] || 0) + 1;
    if (polls[key] <= POLL_LIMIT) return;
    event.preventDefault();
    var note = card.querySelector("[data-poll-note]");
    if (note) {
      note.textContent =
        "Still no follow-up after a minute and a half. Press Check again to look once more, or move on: the debrief grades this answer either way.";
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var card = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (!card || !card.hasAttribute || !card.hasAttribute("data-poll")) return;
    var xhr = event.detail.xhr;
    // The round ended meanwhile (time ran out): the answer is a page without a round body.
    if (xhr.status === 200 && xhr.responseText.indexOf('id="round-body"') === -1) {
      event.detail.shouldSwap = false;
      window.location.assign(xhr.responseURL || window.location.href);
    }
  });

  // -- the clock -------------------------------------------------------------------------------
  var page = document.getElementById("session-page");
  var timer = document.getElementById("round-timer");
  if (!page || !timer) return;
  var sessionId = page.getAttribute("data-session");
  var roundPosition = Number(page.getAttribute("data-round"));
  var overtime = timer.getAttribute("data-overtime") === "true";
  var valueNode = timer.querySelector(".timer-value");
  var labelNode = document.getElementById("timer-label");
  var announcer = document.getElementById("timer-announce");
  // Signed: negative seconds are overtime (the server's overtime_s), so the overtime counts on
  // from where the server says it is rather than from +0:00 after each heartbeat or reload.
  var remaining = parseFloat(timer.getAttribute("data-remaining"));
  var syncedAt = Date.now();
  var announced = {};
  var ended = false;
  THRESHOLDS.forEach(function (t) {
    if (remaining <= t[0]) announced[t[0]] = true; // already past when the page opened
  });
  if (remaining <= 0) announced[0] = true;

  function signedRemaining(clock) {
    if (clock.remaining_s > 0) return clock.remaining_s;
    return -(clock.overtime_s || 0);
  }
  function clockText(seconds) {
    var s = Math.max(0, Math.round(Math.abs(seconds)));
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var sec = s % 60;
    var mm = h ? String(m).padStart(2, "0") : String(m);
    return (h ? h + ":" : "") + mm + ":" + String(sec).padStart(2, "0");
  }
  function announce(text) {
    if (announcer) announcer.textContent = text;
  }
  function now() {
    return remaining - (Date.now() - syncedAt) / 1000;
  }
  function render() {
    if (ended) return; // the round is over: the clock stays where it stopped
    var left = now();
    timer.classList.toggle("timer--low", left <= 300);
    timer.classList.toggle("timer--over", left <= 0);
    if (left > 0) {
      valueNode.textContent = clockText(left);
      labelNode.textContent = "Time left";
    } else if (overtime) {
      valueNode.textContent = "+" + clockText(-left);
      labelNode.textContent = "Overtime";
    } else {
      valueNode.textContent = "0:00";
      labelNode.textContent = "Time is up";
    }
    THRESHOLDS.forEach(function (t) {
      if (left <= t[0] && left > 0 && !announced[t[0]]) {
        announced[t[0]] = true;
        announce(t[1]);
      }
    });
    if (left <= 0 && !announced[0]) {
      announced[0] = true;
      announce(
        overtime
          ? "Time is up. You can finish; the overtime is noted in the debrief."
          : "Time is up: the round is ending."
      );
      if (!overtime) beat();
    }
  }
  setInterval(render, 1000);
  render();

  // -- heartbeat -------------------------------------------------------------------------------
  function roundEnded() {
    if (ended) return;
    ended = true;
    labelNode.textContent = "Round over";
    var unsent = Array.prototype.filter.call(
      document.querySelectorAll("textarea[data-answer]"),
      function (box) {
        return box.value.trim() !== "";
      }
    );
    if (!unsent.length) {
      window.location.reload();
      return;
    }
    // Keep what was typed on screen (and in this browser) instead of reloading it away.
    var note = document.createElement("div");
    note.className = "card round-ended";
    note.setAttribute("role", "alert");
    var text = document.createElement("p");
    text.textContent =
      "The round has ended. Your unsent answer is still below (and kept in this browser); copy it if you want it, then continue.";
    var go = document.createElement("button");
    go.type = "button";
    go.className = "button button--primary";
    go.textContent = "Continue";
    go.addEventListener("click", function () {
      window.location.reload();
    });
    note.appendChild(text);
    note.appendChild(go);
    page.insertBefore(note, page.firstChild);
    Array.prototype.forEach.call(document.querySelectorAll("form button[type=submit]"), function (b) {
      b.disabled = true;
    });
    go.focus();
  }
  function beat() {
    if (ended || document.visibilityState !== "visible") return;
    fetch("/api/sessions/" + encodeURIComponent(sessionId) + "/heartbeat", {
      method: "POST",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (response.status === 404 || response.status === 409) {
          roundEnded();
          return null;
        }
        return response.ok ? response.json() : null;
      })
      .then(function (view) {
        if (!view) return;
        var active = (view.rounds || []).filter(function (r) {
          return r.status === "active";
        })[0];
        if (!active || active.position !== roundPosition) {
          roundEnded();
          return;
        }
        remaining = signedRemaining(active.clock);
        syncedAt = Date.now();
        render();
      })
      .catch(function () {
        /* offline for a moment: keep counting here, the next beat resynchronises */
      });
  }
  setInterval(beat, HEARTBEAT_MS);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") beat();
  });
})();
