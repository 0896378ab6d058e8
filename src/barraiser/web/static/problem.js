// The problem page: CodeMirror editor, drafts per language, Run / Custom / Submit and the results
// panel. Results come from the JSON API (POST /api/submissions, then polling its status).
// The round page of a session reuses it: its config names another endpoint (submit_url) and
// keeps its drafts apart (draft_scope).
(function () {
  "use strict";

  var configNode = document.getElementById("problem-config");
  var host = document.getElementById("editor");
  if (!configNode || !host) return;
  var config = JSON.parse(configNode.textContent);
  var problemId = config.problem_id;
  var submitUrl = config.submit_url || "/api/submissions";
  var draftScope = config.draft_scope ? config.draft_scope + ":" : "";
  var select = document.getElementById("language");
  var results = document.getElementById("results");
  var customBox = document.getElementById("custom-box");
  var customInput = document.getElementById("custom-input");
  var buttons = {
    run: document.getElementById("run-button"),
    custom: document.getElementById("custom-button"),
    submit: document.getElementById("submit-button"),
  };
  var resetButton = document.getElementById("reset-button");
  var POLL_MS = 400;
  var MAX_POLLS = 600; // 4 minutes; the judge itself gives up long before.

  var VERDICTS = {
    AC: "Accepted",
    WA: "Wrong Answer",
    TLE: "Time Limit Exceeded",
    MLE: "Memory Limit Exceeded",
    OLE: "Output Limit Exceeded",
    RE: "Runtime Error",
    CE: "Compilation Error",
    IE: "Internal Error",
    OK: "Ran",
  };

  // -- drafts --------------------------------------------------------------------------------
  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }
  function draftKey(lang) {
    return "barraiser:draft:" + draftScope + problemId + ":" + lang;
  }
  function loadDraft(lang) {
    var s = storage();
    var text = s ? s.getItem(draftKey(lang)) : null;
    return text === null ? null : text;
  }
  function saveDraft(lang, text) {
    var s = storage();
    if (!s) return;
    try {
      if (text === config.starter[lang]) s.removeItem(draftKey(lang));
      else s.setItem(draftKey(lang), text);
    } catch (e) {
      /* storage full or disabled: drafts are a convenience */
    }
  }
  function codeFor(lang) {
    var draft = loadDraft(lang);
    return draft !== null ? draft : config.starter[lang] || "";
  }

  var s0 = storage();
  var language = (s0 && s0.getItem("barraiser:language")) || "python";
  if (!config.starter[language]) language = "python";
  select.value = language;
  customInput.value = config.sample_input || "";

  if (!window.BarraiserEditor) {
    host.textContent = "The code editor could not be loaded. Reload the page.";
    return;
  }
  var loading = false;
  var editor = window.BarraiserEditor.create(host, {
    doc: codeFor(language),
    language: language,
    label: "Code editor",
    onChange: function (text) {
      if (!loading) saveDraft(language, text);
    },
    onRun: function () {
      send("run");
    },
  });
  window.barraiserEditor = editor; // for tests and the browser console

  function loadCode(text) {
    loading = true;
    try {
      editor.setValue(text);
    } finally {
      loading = false;
    }
  }

  select.addEventListener("change", function () {
    saveDraft(language, editor.getValue());
    language = select.value;
    var s = storage();
    if (s) s.setItem("barraiser:language", language);
    editor.setLanguage(language);
    loadCode(codeFor(language));
  });
  resetButton.addEventListener("click", function () {
    if (!window.confirm("Replace your code with the starter code? Your draft is lost.")) return;
    loadCode(config.starter[language] || "");
    saveDraft(language, editor.getValue());
    editor.focus();
  });

  // -- hints: one at a time -------------------------------------------------------------------
  var hints = Array.prototype.slice.call(document.querySelectorAll("details.hint"));
  hints.forEach(function (hint, i) {
    hint.addEventListener("toggle", function () {
      if (hint.open && hints[i + 1]) hints[i + 1].hidden = false;
    });
  });

  // -- results panel --------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  // The panel keeps the heading level its page gave it (h2 on the problem page, h3 in a round).
  var resultsHeading = results.querySelector(".section-label");
  var headingTag = resultsHeading ? resultsHeading.tagName.toLowerCase() : "h2";
  function show(nodes) {
    results.replaceChildren.apply(results, [el(headingTag, { class: "section-label", text: "Results" })].concat(nodes));
  }
  function badge(verdict) {
    var v = verdict || "IE";
    return el("span", { class: "verdict verdict--" + v.toLowerCase(), "data-verdict": v, text: VERDICTS[v] || v });
  }
  function asText(value) {
    if (value === undefined || value === null) return "";
    return typeof value === "string" ? value : JSON.stringify(value);
  }
  function pre(label, value, cls) {
    return el("div", { class: "io-block " + (cls || "") }, [
      el("div", { class: "io-label", text: label }),
      el("pre", { text: asText(value) }),
    ]);
  }
  function seconds(test) {
    var t = test.time_s !== undefined ? test.time_s : test.cpu_s !== undefined ? test.cpu_s : test.wall_s;
    if (typeof t !== "number") return "";
    return t < 0.001 ? "< 1 ms" : t < 1 ? Math.round(t * 1000) + " ms" : t.toFixed(2) + " s";
  }
  function memory(test) {
    if (typeof test.memory_kb === "number") return (test.memory_kb / 1024).toFixed(1) + " MiB";
    if (typeof test.memory_mib === "number") return test.memory_mib.toFixed(1) + " MiB";
    return "";
  }
  function testRow(test, i) {
    var hidden = !!(test.hidden || test.kind === "hidden");
    // Samples and hidden tests are numbered separately, from 1.
    var name = test.name || (hidden ? "Hidden test " : "Sample ") + (i + 1);
    var head = el("div", { class: "test-head" }, [
      el("span", { class: "test-name", text: name }),
      badge(test.verdict || test.status),
      el("span", { class: "muted small test-usage", text: [seconds(test), memory(test)].filter(Boolean).join(" · ") }),
    ]);
    var row = el("li", { class: "test-row" + (hidden ? " test-row--hidden" : ""), "data-hidden": hidden ? "true" : "false", "data-verdict": test.verdict || "" }, [head]);
    if (!hidden) {
      var body = el("div", { class: "test-body" });
      if (test.input !== undefined) body.appendChild(pre("Input", test.input));
      else if (test.args !== undefined) body.appendChild(pre("Input", test.args));
      // A custom input's expected output comes from the problem's reference solution.
      var expectedLabel = test.kind === "custom" ? "Expected (reference solution)" : "Expected";
      if (test.expected !== undefined && test.expected !== null) body.appendChild(pre(expectedLabel, test.expected, "io-expected"));
      var actual = test.actual !== undefined ? test.actual : test.output;
      if (actual !== undefined) body.appendChild(pre("Your output", actual, "io-actual"));
      if (test.stdout) body.appendChild(pre("Printed (stdout)", test.stdout));
      if (test.stderr) body.appendChild(pre("stderr", test.stderr));
      if (test.message) body.appendChild(el("p", { class: "small", text: test.message }));
      row.appendChild(body);
    }
    return row;
  }
  function render(sub) {
    var r = sub.result || {};
    var nodes = [];
    var verdict = sub.verdict || r.verdict;
    var modeLabel = { run: "Samples", custom: "Custom input", submit: "Submission" }[sub.mode] || sub.mode;
    var tests = Array.isArray(r.tests) ? r.tests : [];
    // The counts in words from the server ("stopped at sample 2; hidden tests not run"),
    // never samples and hidden tests lumped together.
    var summary = el("div", { class: "result-summary" }, [
      badge(verdict),
      el("span", { class: "muted small", "data-summary": "", text: modeLabel + (r.summary ? " · " + r.summary : "") }),
    ]);
    nodes.push(summary);
    var compile = r.compile_output || r.compile_error || r.compiler_output;
    if (compile) nodes.push(pre(verdict === "CE" ? "Compiler output" : "Compiler warnings", compile, "io-compile"));
    if (r.message) nodes.push(el("p", { class: "small result-message", text: r.message }));
    var seen = { sample: 0, hidden: 0 };
    var rows = tests.map(function (test) {
      var kind = test.hidden || test.kind === "hidden" ? "hidden" : "sample";
      seen[kind] += 1;
      return testRow(test, seen[kind] - 1);
    });
    if (tests.length) nodes.push(el("ol", { class: "test-list" }, rows));
    show(nodes);
  }
  function showError(message) {
    show([el("p", { class: "result-error", role: "alert", text: message })]);
  }
  function busy(on, label) {
    results.setAttribute("aria-busy", on ? "true" : "false");
    Object.keys(buttons).forEach(function (k) {
      buttons[k].disabled = on;
    });
    if (on) show([el("p", { class: "muted small pending" }, [el("span", { class: "spinner", "aria-hidden": "true" }), label])]);
  }

  // -- talking to the API ---------------------------------------------------------------------
  function readJson(response) {
    return response.text().then(function (text) {
      var body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch (e) {
        body = null;
      }
      if (!response.ok) {
        var detail = body && body.detail;
        if (Array.isArray(detail)) detail = detail.map(function (d) { return d.msg; }).join("; ");
        throw new Error(detail || "The server answered " + response.status + ".");
      }
      return body;
    });
  }
  var running = false;
  function send(mode) {
    if (running) return;
    if (mode === "custom" && !customBox.open) {
      customBox.open = true;
      customInput.focus();
      return;
    }
    running = true;
    var payload = { problem_id: problemId, language: language, source: editor.getValue(), mode: mode };
    if (mode === "custom") payload.custom_input = customInput.value;
    busy(true, mode === "submit" ? "Judging on the hidden tests…" : "Running…");
    fetch(submitUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(payload),
    })
      .then(readJson)
      .then(function (accepted) {
        return poll(accepted.id, 0);
      })
      .then(function (sub) {
        render(sub);
        // In a round, the first accepted submission opens the interviewer's approach question:
        // the page shows it (the server lists this result there too).
        var verdict = sub.verdict || (sub.result || {}).verdict;
        if (config.accepted_url && sub.mode === "submit" && verdict === "AC") {
          var target = new URL(config.accepted_url, window.location.href);
          var here = window.location;
          if (target.pathname + target.search === here.pathname + here.search) here.reload();
          else here.assign(target.href);
        }
      })
      .catch(function (error) {
        showError(error.message || String(error));
      })
      .then(function () {
        running = false;
        busy(false);
      });
  }
  function poll(id, count) {
    return fetch("/api/submissions/" + id, { headers: { Accept: "application/json" } })
      .then(readJson)
      .then(function (sub) {
        if (sub.status === "done") return sub;
        if (count >= MAX_POLLS) throw new Error("The judge is taking too long. Try again in a minute.");
        if (sub.status === "queued" && count > 2) {
          var p = results.querySelector(".pending");
          if (p) p.lastChild.textContent = "Waiting for a free judge slot…";
        }
        return new Promise(function (resolve) {
          setTimeout(resolve, POLL_MS);
        }).then(function () {
          return poll(id, count + 1);
        });
      });
  }
  buttons.run.addEventListener("click", function () { send("run"); });
  buttons.custom.addEventListener("click", function () { send("custom"); });
  buttons.submit.addEventListener("click", function () { send("submit"); });
})();
