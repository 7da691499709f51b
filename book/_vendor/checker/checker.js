// InviteLab's live invitation checker: the real `invitelab` engine, run in the page by Pyodide.
//
// Added by book/_ext/checker.py only to pages that show a checker, after profiles.js (the kit's
// profiles, generated at build time). Works from file:// and from any static host with the same
// files: everything is loaded with classic <script src> elements, because Chromium refuses
// fetch() and module imports from file:// pages (origin 'null'). See book/_vendor/README.md.
//
// - The text box, the character counter, the pickers and the profile cards work at once, in
//   plain JavaScript; Python loads meanwhile, with a progress line.
// - Student text never leaves the page. Everything inserted into the page is set with
//   textContent (never innerHTML), so a note or a profile cannot inject markup.
// - window.invitelabChecker.ready (a Promise) and .check(text, to, from, limit) are for the
//   book's tests and benchmark; .checkMany(items) scores a list in one call.
(function () {
  "use strict";
  var G = (globalThis.__invitelabChecker = globalThis.__invitelabChecker || {});
  var SELF = document.currentScript && document.currentScript.src;
  var BASE = new URL(".", SELF || location.href); // .../_static/checker/
  var PYODIDE = new URL("../pyodide/", BASE);
  var LIMIT = 300, FREE_LIMIT = 200;
  var STORE = "invitelab-drafts-v1";
  var MAX_CHART_DRAFTS = 20; // the drafts chart shows the last 20 (it stays readable on a phone)
  var LEVELS = ["generic", "developing", "personalized", "exemplary"];
  var STATUS = {
    pass: { mark: "\u2713", word: "Pass" },
    fail: { mark: "\u2717", word: "Not yet" },
    "n/a": { mark: "\u2013", word: "Not applicable" }
  };
  var FILES = [ // [file, what to say while it loads, megabytes]
    ["pyodide.js", "the Python loader", 0.02],
    ["pyodide-lock.js", "the package list", 0.1],
    ["pyodide-asm.js", "the Python runtime", 1.3],
    ["pyodide-stdlib.js", "the Python standard library", 3.4],
    ["pyodide-wasm.js", "the Python interpreter", 12.8]
  ];

  // --- small DOM helpers (text only) ---------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function cap(s) { return s ? s.charAt(0).toUpperCase() + s.slice(1) : s; }
  function people() { return Array.isArray(G.profiles) ? G.profiles : []; }
  function person(id) {
    var list = people();
    for (var i = 0; i < list.length; i++) if (list[i] && list[i].id === id) return list[i];
    return null;
  }

  // --- loading Python -------------------------------------------------------------------------
  function loadScript(url, what) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = url;
      s.async = true;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error("could not load " + (what || url))); };
      document.head.appendChild(s);
    });
  }
  function decodeBase64(text) {
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
    var bin = atob(text), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  var listeners = [];
  var progress = { text: "Loading the checker\u2026", state: "loading" };
  function say(text, state) {
    if (progress.state === "failed") return; // a file still arriving changes nothing then
    progress = { text: text, state: state || "loading" };
    listeners.forEach(function (fn) { fn(progress); });
  }

  var timings = { start: performance.now() };
  function boot() {
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
      return Promise.reject(new Error("this browser cannot run WebAssembly"));
    }
    var done = 0, total = FILES.length + 1;
    function loaded() { done += 1; }
    say("Loading the checker (about 18 MB, once per visit): 0 of " + total + " files\u2026");
    var all = FILES.map(function (f) {
      return loadScript(new URL(f[0], PYODIDE).href, f[1]).then(function () {
        loaded();
        say("Loading the checker: " + done + " of " + total + " files (" + f[1] + " loaded)\u2026");
      });
    });
    all.push(loadScript(new URL("engine.js", BASE).href, "the rubric engine").then(function () {
      loaded();
      say("Loading the checker: " + done + " of " + total + " files (the rubric engine loaded)\u2026");
    }));
    return Promise.all(all).then(function () {
      timings.files = performance.now();
      var P = globalThis.__invitelabPyodide;
      if (!P || !P.createModule || typeof globalThis.loadPyodide !== "function") {
        throw new Error("the Pyodide files are incomplete");
      }
      say("Starting Python in your browser\u2026");
      var realFetch = globalThis.fetch;
      // Pyodide asks fetch() for its wasm and standard library; answer from the bundles.
      globalThis.fetch = function (input, init) {
        var url = String((input && input.url) || input);
        var name = url.split(/[?#]/)[0].split("/").pop();
        var data = P.files[name];
        if (typeof data === "string") {
          var bytes = decodeBase64(data);
          delete P.files[name]; // free the base64 copy
          var type = name.slice(-5) === ".wasm" ? "application/wasm" : "application/zip";
          return Promise.resolve(new Response(bytes, { headers: { "Content-Type": type } }));
        }
        return realFetch.apply(this, arguments);
      };
      var lock = P.files["pyodide-lock.json"];
      return globalThis.loadPyodide({
        indexURL: PYODIDE.href,
        lockFileContents: lock,
        packageBaseUrl: PYODIDE.href,
        createPyodideModule: P.createModule, // experimental option of pyodide 314.0.7 (pinned)
        stdout: function () {}, stderr: function (m) { console.warn(m); }
      }).finally(function () { globalThis.fetch = realFetch; });
    }).then(function (py) {
      timings.python = performance.now();
      say("Loading the rubric engine\u2026");
      var engine = G.engine;
      if (!engine || !engine.files) throw new Error("the engine bundle is missing");
      var root = "/home/pyodide/invitelab-engine/";
      Object.keys(engine.files).forEach(function (path) {
        var full = root + path;
        py.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
        py.FS.writeFile(full, engine.files[path]);
      });
      py.FS.writeFile(root + "profiles.json", JSON.stringify(people()));
      py.runPython("import sys\nsys.path.insert(0, " + JSON.stringify(root.slice(0, -1)) + ")");
      var glue = py.pyimport("invitelab.browser.glue");
      glue.setup(root + "profiles.json");
      var check = function (text, to, from, limit) {
        return JSON.parse(glue.check(String(text), to || null, from || null, limit || LIMIT));
      };
      check("Hi", null, null, LIMIT); // warm up: the first call compiles the rules
      timings.ready = performance.now();
      return {
        check: check,
        checkMany: function (items) { return JSON.parse(glue.check_many(JSON.stringify(items))); },
        digest: engine.digest,
        version: py.version
      };
    });
  }

  var api = null;
  var readyPromise = null;
  function ready() {
    if (!readyPromise) {
      readyPromise = boot().then(function (a) {
        api = a; // before "ready", so that every checker renders its first feedback at once
        say("Ready: the checker runs in your browser.", "ready");
        return a;
      }, function (err) {
        failure = err; // before "failed", so that every checker can name the reason
        say("", "failed");
        throw err;
      });
    }
    return readyPromise;
  }
  var failure = null;

  // --- one checker on the page ------------------------------------------------------------------
  function Checker(root) {
    var self = this;
    this.root = root;
    try { this.config = JSON.parse(root.getAttribute("data-config") || "{}"); }
    catch (e) { this.config = {}; }
    this.q = function (sel) { return root.querySelector(sel); };
    this.text = this.q(".ilc-text");
    this.to = this.q(".ilc-to");
    this.from = this.q(".ilc-from");
    this.count = this.q(".ilc-count");
    this.free = this.q(".ilc-limit200");
    this.card = this.q(".ilc-card");
    this.status = this.q(".ilc-status");
    this.feedback = this.q(".ilc-feedback");
    this.drafts = this.q(".ilc-drafts");
    this.hints = this.q(".ilc-hints");
    this.exercise = this.q(".ilc-exercise");
    this.before = this.q(".ilc-before");
    this.last = null;
    this.hintStep = 0;
    this.status.textContent = progress.text;
    root.classList.add("ilc-js");

    this.text.addEventListener("input", function () {
      // Short notes are checked on every key (a few ms). When a check was slow (a very long
      // paste), the counter still updates at once and the check waits for a pause in typing.
      clearTimeout(self.pending);
      if ((self.lastMs || 0) > 40) {
        self.counter();
        self.pending = setTimeout(function () { self.update(); }, 200);
      } else {
        self.update();
      }
    });
    this.to.addEventListener("change", function () { self.showCard(); self.update(); });
    this.describe = this.q(".ilc-describe");
    this.from.addEventListener("change", function () { self.showDescribe(); self.update(); });
    this.q(".ilc-download").addEventListener("click", function () { self.download(); });
    this.student = this.q(".ilc-student");
    if (this.student) {
      try { this.student.value = localStorage.getItem(STORE + "-student") || ""; } catch (e) { /* */ }
      this.student.addEventListener("change", function () { self.studentName(); });
    }
    this.free.addEventListener("change", function () { self.update(); });
    this.q(".ilc-save").addEventListener("click", function () { self.save(); });
    this.q(".ilc-clear").addEventListener("click", function () { self.clearDrafts(); });
    var hint = this.q(".ilc-hint"), reset = this.q(".ilc-reset");
    if (hint) hint.addEventListener("click", function () { self.hint(); });
    if (reset) reset.addEventListener("click", function () { self.loadExercise(); });
    if (this.exercise) this.exercise.addEventListener("change", function () { self.loadExercise(); });

    listeners.push(function (p) { self.progress(p); });
    this.showCard();
    this.showDescribe();
    if (this.exercise) this.loadExercise(); else this.counter();
    this.renderDrafts();
  }

  Checker.prototype.showDescribe = function () {
    var field = this.q(".ilc-describe-field");
    if (field) field.hidden = this.from.value !== "";
  };

  Checker.prototype.limit = function () { return this.free.checked ? FREE_LIMIT : LIMIT; };

  Checker.prototype.progress = function (p) {
    if (p.state === "failed") {
      clear(this.status);
      this.status.appendChild(document.createTextNode(
        "The live checker could not start in this browser (" +
        (failure ? failure.message : "loading failed") + "); the character counter still " +
        "works, and you can get feedback in "));
      var a = el("a", null, this.config.fallbackText || "the notebook");
      a.href = this.config.fallbackHref || "#";
      this.status.appendChild(a);
      this.status.appendChild(document.createTextNode("."));
      this.root.classList.add("ilc-failed");
      return;
    }
    this.status.textContent = p.text;
    if (p.state === "ready") {
      this.root.classList.add("ilc-ready");
      this.update();
    }
  };

  Checker.prototype.counter = function () {
    var n = this.text.value.length, limit = this.limit(); // len() in Python counts the same
    var msg = n.toLocaleString("en-US") + " / " + limit + " characters (" +
      (n > limit ? (n - limit).toLocaleString("en-US") + " over the limit" :
        (limit - n).toLocaleString("en-US") + " left") + ")";
    if (limit > FREE_LIMIT && n > FREE_LIMIT && n <= limit) {
      msg += " \u00b7 over 200: a free account may not fit this";
    }
    this.count.textContent = msg;
    this.count.classList.toggle("ilc-over", n > limit);
  };

  Checker.prototype.showCard = function () {
    clear(this.card);
    var p = person(this.to.value);
    if (!p) {
      this.card.appendChild(el("p", "ilc-nocard",
        "Someone not in the kit: paste or write your note to a real person. Without a profile, " +
        "a specific detail counts when it is concrete and checkable (their employer, a post or " +
        "talk by its topic, news about them, how you met); shared facts are not checked."));
      return;
    }
    var head = el("div", "ilc-card-head");
    var initials = String(p.name || "").split(/\s+/).filter(Boolean).slice(0, 2)
      .map(function (w) { return w.charAt(0).toUpperCase(); }).join("");
    var avatar = el("span", "ilc-avatar", initials);
    avatar.setAttribute("aria-hidden", "true");
    head.appendChild(avatar);
    var who = el("div");
    who.appendChild(el("p", "ilc-name", p.name));
    var sub = [p.headline, p.location].filter(Boolean).join(" \u00b7 ");
    if (sub) who.appendChild(el("p", "ilc-sub", sub));
    head.appendChild(who);
    this.card.appendChild(head);
    var dl = el("dl");
    var rows = [
      ["Experience", (p.experience || []).map(function (x) {
        return [x.title, x.company].filter(Boolean).join(" at "); })],
      ["Education", (p.education || []).map(function (x) {
        return [x.school, [x.degree, x.field].filter(Boolean).join(", ")].filter(Boolean)
          .join(": "); })],
      ["Skills", p.skills || []], ["Interests", p.interests || []], ["Groups", p.groups || []],
      ["Activity", p.activity || []]
    ];
    rows.forEach(function (row) {
      var values = row[1].filter(Boolean);
      if (!values.length) return;
      dl.appendChild(el("dt", null, row[0]));
      dl.appendChild(el("dd", null, values.join("; ")));
    });
    this.card.appendChild(dl);
    this.card.setAttribute("role", "group");
    this.card.setAttribute("aria-label", "Profile of " + (p.name || "the recipient"));
  };

  Checker.prototype.update = function () {
    this.pending = null;
    this.counter();
    if (!api) return;
    var t0 = performance.now();
    var result = api.check(this.text.value, this.to.value, this.from.value, this.limit());
    var ex = this.exercise && this.currentExercise();
    if (ex) { // the generic note, judged for the same people and limit (cached)
      var key = [ex.text, this.to.value, this.from.value, this.limit()].join("\u0000");
      if (key !== this.beforeKey) {
        this.beforeResult = api.check(ex.text, this.to.value, this.from.value, this.limit());
        this.beforeKey = key;
      }
    }
    this.last = result;
    this.render(result);
    this.lastMs = performance.now() - t0;
    this.root.setAttribute("data-checked", String((+this.root.getAttribute("data-checked") || 0) + 1));
  };

  Checker.prototype.render = function (r) {
    var fb = this.feedback;
    clear(fb);
    if (r.error) { fb.appendChild(el("p", "ilc-error", r.error)); return; }
    var n = LEVELS.indexOf(r.level) + 1;
    var head = el("div", "ilc-level ilc-level-" + r.level);
    head.appendChild(el("p", "ilc-level-name",
      "Level: " + cap(r.level) + " (" + n + " of 4) \u00b7 score " + Math.round(r.score) + "/100"));
    var meter = el("ol", "ilc-meter");
    meter.setAttribute("aria-label", "Levels");
    LEVELS.forEach(function (name, i) {
      var step = el("li", i < n ? "ilc-on" : "", cap(name));
      if (i === n - 1) step.setAttribute("aria-current", "step");
      meter.appendChild(step);
    });
    head.appendChild(meter);
    if (r.level_description) head.appendChild(el("p", "ilc-level-desc", cap(r.level_description) + "."));
    fb.appendChild(head);
    if (r.next_steps) {
      var next = el("p", "ilc-next");
      next.appendChild(el("strong", null, r.level === "exemplary" ? "Well done: " : "Next level: "));
      next.appendChild(document.createTextNode(r.next_steps));
      fb.appendChild(next);
    }
    (r.warnings || []).forEach(function (w) { fb.appendChild(el("p", "ilc-warning", "Note: " + w)); });
    var marked = this.marked(r);
    if (marked) fb.appendChild(marked);
    var list = el("ul", "ilc-findings");
    list.setAttribute("aria-label", "Check by check");
    (r.findings || []).forEach(function (f) {
      var s = STATUS[f.status] || { mark: "?", word: f.status };
      var li = el("li", "ilc-finding ilc-" + (f.status === "n/a" ? "na" : f.status));
      var line = el("p", "ilc-finding-head");
      var mark = el("span", "ilc-mark", s.mark);
      mark.setAttribute("aria-hidden", "true");
      line.appendChild(mark);
      line.appendChild(el("strong", null, (f.title || f.criterion) + ": "));
      line.appendChild(el("span", "ilc-status-word", s.word));
      li.appendChild(line);
      if (f.evidence) li.appendChild(el("p", "ilc-evidence", f.evidence));
      if (f.status !== "pass" && f.suggestion) {
        var tip = el("p", "ilc-suggestion");
        tip.appendChild(el("strong", null, "Try: "));
        tip.appendChild(document.createTextNode(f.suggestion));
        li.appendChild(tip);
      }
      if (f.warning) li.appendChild(el("p", "ilc-warning", f.warning));
      list.appendChild(li);
    });
    fb.appendChild(list);
    if (this.exercise && this.beforeResult) this.compare(r);
    this.announceLater(r);
  };

  // The note with the words that decided each check highlighted: yellow for a pass, red with a
  // wavy underline for a problem (so not by colour alone), the check's name in the title.
  // Spans are Python string offsets (code points), so the note is split into code points.
  Checker.prototype.marked = function (r) {
    var chars = Array.from(this.text.value);
    var spans = (r.findings || []).filter(function (f) {
      return f.span && f.status !== "n/a" && f.span[1] > f.span[0] && f.span[1] <= chars.length;
    });
    if (!spans.length) return null;
    // paint each character with the check that decided it: passes first, then problems on top
    var owner = new Array(chars.length).fill(null);
    spans.filter(function (f) { return f.status === "pass"; })
      .concat(spans.filter(function (f) { return f.status === "fail"; }))
      .forEach(function (f) { for (var i = f.span[0]; i < f.span[1]; i++) owner[i] = f; });
    var box = el("div", "ilc-marked-box");
    box.appendChild(el("p", "ilc-small", "Your note, with the words that decided each check " +
      "(highlighted: passes; red and underlined: a problem):"));
    var p = el("p", "ilc-marked"), i = 0;
    while (i < chars.length) {
      var f = owner[i], j = i;
      while (j < chars.length && owner[j] === f) j++;
      var piece = chars.slice(i, j).join("");
      if (!f) p.appendChild(document.createTextNode(piece));
      else {
        var m = el("mark", f.status === "fail" ? "ilc-mark-fail" : "ilc-mark-pass", piece);
        m.title = (f.title || f.criterion) + ": " + (f.status === "fail" ? "not yet" : "pass");
        p.appendChild(m);
      }
      i = j;
    }
    box.appendChild(p);
    return box;
  };

  // Screen readers hear a one-line summary once typing pauses, not the whole list per key.
  Checker.prototype.announceLater = function (r) {
    var self = this, box = this.q(".ilc-announce");
    if (!box) return;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(function () {
      var missing = (r.findings || []).filter(function (f) { return f.status === "fail"; })
        .map(function (f) { return f.title || f.criterion; });
      box.textContent = "Level: " + cap(r.level) + ", score " + Math.round(r.score) + " of 100, " +
        r.characters + " of " + r.limit + " characters. " +
        (missing.length ? "Not yet: " + missing.join("; ") + "." : "Every check passes.");
    }, 900);
  };

  // --- the rewrite gym ------------------------------------------------------------------------
  Checker.prototype.currentExercise = function () {
    var list = this.config.exercises || [];
    return list[+this.exercise.value] || list[0] || null;
  };
  Checker.prototype.loadExercise = function () {
    var ex = this.currentExercise();
    if (!ex) return;
    if (person(ex.recipient)) { this.to.value = ex.recipient; this.showCard(); }
    this.text.value = ex.text;
    this.hintStep = 0;
    this.hintTarget = null;
    clear(this.hints);
    this.beforeResult = null;
    clear(this.before);
    // not "the generic invitation": the checker's own level for it is shown below (exercise 5,
    // a hard ask, is rated developing)
    this.before.appendChild(el("p", "ilc-generic-label", "The invitation to rewrite:"));
    this.before.appendChild(el("blockquote", "ilc-generic", ex.text));
    if (ex.why) this.before.appendChild(el("p", null, "What is wrong with it: " + ex.why));
    this.counter();
    this.update();
  };
  Checker.prototype.compare = function (r) {
    var b = this.beforeResult, line = el("p", "ilc-compare");
    line.appendChild(el("strong", null, "Before: "));
    line.appendChild(document.createTextNode(cap(b.level) + " (" + Math.round(b.score) + ")"));
    line.appendChild(el("strong", null, " \u2192 Now: "));
    line.appendChild(document.createTextNode(cap(r.level) + " (" + Math.round(r.score) + "), " +
      (r.score - b.score >= 0 ? "+" : "") + Math.round(r.score - b.score) + " points"));
    var fixed = [], broken = [];
    var before = {};
    (b.findings || []).forEach(function (f) { before[f.criterion] = f.status; });
    (r.findings || []).forEach(function (f) {
      if (before[f.criterion] === "fail" && f.status === "pass") fixed.push(f.title || f.criterion);
      if (before[f.criterion] === "pass" && f.status === "fail") broken.push(f.title || f.criterion);
    });
    if (fixed.length) line.appendChild(document.createTextNode(". Fixed: " + fixed.join(", ")));
    if (broken.length) line.appendChild(document.createTextNode(". Now failing: " + broken.join(", ")));
    this.feedback.insertBefore(line, this.feedback.firstChild.nextSibling);
  };
  // The failing checks, the one that matters most first: the notebook gym's rule
  // (invitelab.widgets.gym.hint_order), with its groups from the page's config. A generic note
  // first needs something of its own, then a detail or a purpose; any other note first stops
  // breaking a hard rule (a hard ask, the tone, the length). Within a group: the template first,
  // then the heavier check.
  Checker.prototype.hintOrder = function (r) {
    var failing = {}, order = [], config = this.config.hintOrder || {};
    (r.findings || []).forEach(function (f) { if (f.status === "fail") failing[f.criterion] = f; });
    var groups = (r.level === "generic" ? config.generic : config.other) || [config.ids || []];
    groups.forEach(function (group) {
      group.filter(function (c) { return failing[c] && order.indexOf(c) < 0; })
        .sort(function (a, b) {
          var ta = a === "not_template" ? 0 : 1, tb = b === "not_template" ? 0 : 1;
          if (ta !== tb) return ta - tb;
          return (+failing[b].weight || 0) - (+failing[a].weight || 0);
        })
        .forEach(function (c) { order.push(c); });
    });
    Object.keys(failing).forEach(function (c) { if (order.indexOf(c) < 0) order.push(c); });
    return order.map(function (c) { return failing[c]; });
  };
  // Each press climbs the ladder for the check that matters most now: first what the checker
  // found and why it matters, then its suggestion (which names something from the profile).
  // Once that check passes, the next press starts again on the next one.
  Checker.prototype.hint = function () {
    clear(this.hints);
    if (!this.last) {
      this.hints.appendChild(el("p", null, "Hints appear once the checker has loaded."));
      return;
    }
    var target = this.hintOrder(this.last)[0];
    if (!target) {
      this.hints.appendChild(el("p", null, "No hint needed: every check passes."));
      this.hintTarget = null;
      return;
    }
    var why = (this.config.why || {})[target.criterion] || "";
    var title = target.title || target.criterion;
    var rungs = [title + ": not yet. " + (target.evidence || "") + (why ? " Why it matters: " + why : "")];
    if (target.suggestion) rungs.push(target.suggestion);
    if (this.hintTarget !== target.criterion) { this.hintTarget = target.criterion; this.hintStep = 0; }
    var shown = Math.min(this.hintStep + 1, rungs.length);
    this.hintStep = shown;
    for (var i = 0; i < shown; i++) {
      var p = el("p", "ilc-hint-text");
      p.appendChild(el("strong", null, "Hint " + (i + 1) + " of " + rungs.length + ": "));
      p.appendChild(document.createTextNode(rungs[i]));
      this.hints.appendChild(p);
    }
  };

  // --- drafts in localStorage -----------------------------------------------------------------
  function readDrafts() {
    try { var d = JSON.parse(localStorage.getItem(STORE) || "[]"); return Array.isArray(d) ? d : []; }
    catch (e) { return []; }
  }
  function writeDrafts(list) {
    try { localStorage.setItem(STORE, JSON.stringify(list.slice(-50))); return true; }
    catch (e) { return false; }
  }
  Checker.prototype.save = function () {
    if (this.pending) { clearTimeout(this.pending); this.pending = null; this.update(); }
    var text = this.text.value;
    if (!text.trim()) return;
    var r = this.last && !this.last.error ? this.last : null;
    var list = readDrafts();
    var statuses = {};
    if (r) (r.findings || []).forEach(function (f) { statuses[f.criterion] = f.status; });
    list.push({ id: draftId(), text: text, to: this.to.value, from: this.from.value,
      limit: this.limit(), level: r ? r.level : "", score: r ? r.score : null, at: isoNow(),
      about_me: this.from.value === "" && this.describe ? this.describe.value : "",
      statuses: statuses });
    if (!writeDrafts(list)) {
      this.drafts.parentNode.insertBefore(el("p", "ilc-warning",
        "This browser does not allow saving drafts (private mode?)."), this.drafts);
    }
    renderAllDrafts();
  };
  Checker.prototype.clearDrafts = function () {
    try { localStorage.removeItem(STORE); } catch (e) { /* nothing saved */ }
    renderAllDrafts();
  };
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text; // no formulas when a spreadsheet opens it
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  // The same file as the notebook studio's "Save drafts to a CSV file" (the columns of
  // invitelab.widgets.drafts.CSV_COLUMNS, from the page's config), so the class dashboard and
  // the grader read both; named after the student, who is asked once.
  Checker.prototype.download = function () {
    var student = this.studentName();
    if (!student) {
      this.downloadNote("Type your name or student id first: it goes in the file you hand in.");
      if (this.student) this.student.focus();
      return;
    }
    var list = readDrafts();
    if (!list.length) { this.downloadNote("Save a draft first: there is nothing to download yet."); return; }
    var columns = this.config.csvColumns; // from book/_ext/checker.py: the notebook's one list
    if (!columns || !columns.length) { this.downloadNote("This page cannot write the drafts file."); return; }
    var rows = [columns];
    list.forEach(function (d, i) {
      if (!d.id) d.id = draftId(); // drafts saved before ids were kept
      var score = d.score === null || d.score === undefined ? "" : String(Math.round(d.score * 10) / 10);
      var cell = { id: d.id, student: student, recipient_id: d.to, sender_id: d.from, text: d.text,
        timestamp: d.at, draft: i + 1, sender_description: d.about_me, limit: d.limit,
        characters: Array.from(d.text || "").length, level: d.level, score: score };
      rows.push(columns.map(function (c) {
        return c in cell ? cell[c] : (d.statuses && d.statuses[c]) || "";
      }));
    });
    writeDrafts(list);
    var csv = "\ufeff" + rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
    var url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    var a = el("a");
    a.href = url;
    a.download = exportName(student);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    this.downloadNote("Downloaded " + a.download + " (" + list.length + " draft" +
      (list.length === 1 ? "" : "s") + ") to your browser's downloads folder.");
  };
  Checker.prototype.studentName = function () {
    var name = this.student ? this.student.value.split(/\s+/).join(" ").trim() : "";
    try { if (name) localStorage.setItem(STORE + "-student", name); } catch (e) { /* private mode */ }
    return name;
  };
  Checker.prototype.downloadNote = function (text) {
    var box = this.q(".ilc-download-note");
    if (box) box.textContent = text;
  };
  function draftId() { // "d-" and 12 random hex digits, like the notebook's
    var bytes = new Uint8Array(6);
    (globalThis.crypto || {}).getRandomValues ? crypto.getRandomValues(bytes)
      : bytes.forEach(function (_, i) { bytes[i] = Math.floor(Math.random() * 256); });
    return "d-" + Array.from(bytes).map(function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function isoNow() { // ISO 8601 with the UTC offset, like the notebook's
    var d = new Date(), off = -d.getTimezoneOffset(), sign = off >= 0 ? "+" : "-";
    off = Math.abs(off);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T" +
      pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds()) + sign +
      pad(Math.floor(off / 60)) + ":" + pad(off % 60);
  }
  function studentSlug(name) { // as invitelab.widgets.drafts.student_slug
    var ascii = String(name || "").normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    return ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")
      .slice(0, 40).replace(/-+$/, "");
  }
  function exportName(student) { // invitelab-drafts-<student>-<YYYYMMDD-HHMM>.csv
    var d = new Date(), slug = studentSlug(student);
    if (!slug) return "invitelab-drafts.csv";
    return "invitelab-drafts-" + slug + "-" + d.getFullYear() + pad(d.getMonth() + 1) +
      pad(d.getDate()) + "-" + pad(d.getHours()) + pad(d.getMinutes()) + ".csv";
  }
  // Each saved draft's score as a bar over the rubric's level bands (config.bands, from
  // book/_ext/checker.py: the notebook studio's bands), level first in every label: a note's
  // level decides its band, so a hard ask never stands above a personalized note.
  Checker.prototype.chart = function (list) {
    var box = this.q(".ilc-chart");
    clear(box);
    var scored = list.filter(function (d) { return d.level && d.score !== null; });
    if (scored.length < 2) return;
    var shown = scored.slice(-MAX_CHART_DRAFTS), first = scored.length - shown.length;
    var NS = "http://www.w3.org/2000/svg", bands = this.config.bands || [];
    var left = 30, labels = 96, h = 150, top = 8, bottom = 20, room = 330 - left - labels;
    var step = Math.min(36, room / shown.length), w = Math.max(6, step * 0.7);
    var plot = Math.max(step * shown.length, 120), width = left + plot + labels;
    var y = function (s) { return top + h - h * Math.max(0, Math.min(100, s)) / 100; };
    var svg = document.createElementNS(NS, "svg");
    function add(tag, attrs, text) {
      var node = document.createElementNS(NS, tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
      if (text !== undefined) node.textContent = text;
      svg.appendChild(node);
      return node;
    }
    svg.setAttribute("viewBox", "0 0 " + width + " " + (top + h + bottom));
    svg.setAttribute("width", String(width));
    svg.setAttribute("role", "img");
    var ranges = bands.map(function (b) { return b[0] + " " + b[1] + "-" + b[2]; }).join(", ");
    svg.setAttribute("aria-label", "Scores of your saved drafts, oldest first: " + shown.map(
      function (d) { return Math.round(d.score) + " (" + d.level + ")"; }).join(", ") +
      (ranges ? ". Level bands: " + ranges + "." : ""));
    bands.forEach(function (b) { // [level, low, high, fill, ink]
      var hi = b[2] < 100 ? b[2] + 1 : 100;
      add("rect", { x: left, y: y(hi), width: plot, height: y(b[1]) - y(hi), fill: b[3] });
      add("text", { x: left + plot + 6, y: (y(hi) + y(b[1])) / 2 + 4, "font-size": 12,
        fill: b[4] }, cap(b[0]));
    });
    [0, 50, 100].forEach(function (s) {
      add("text", { x: left - 4, y: y(s) + 4, "font-size": 12, "text-anchor": "end",
        fill: "currentColor" }, String(s));
    });
    var ink = {};
    bands.forEach(function (b) { ink[b[0]] = b[4]; });
    shown.forEach(function (d, i) {
      var x = left + i * step + (step - w) / 2, v = Math.max(0, Math.min(100, d.score));
      add("rect", { x: x, y: y(v), width: w, height: Math.max(2, y(0) - y(v)),
        fill: ink[d.level] || "#1f2328" });
      add("text", { x: x + w / 2, y: top + h + 15, "font-size": 12, "text-anchor": "middle",
        fill: "currentColor" }, String(first + i + 1));
    });
    box.appendChild(svg);
    box.appendChild(el("p", "ilc-small", "Bars: the score (out of 100) of each saved draft, " +
      "numbered oldest first" + (first ? " (the last " + shown.length + ")" : "") + ", over the " +
      "shaded level bands: a draft's level decides its band, so a note with a hard ask never " +
      "outscores a personalized one."));
  };
  Checker.prototype.renderDrafts = function () {
    var self = this, list = readDrafts();
    this.chart(list);
    clear(this.drafts);
    if (!list.length) {
      this.drafts.appendChild(el("li", "ilc-none", "No saved drafts yet: press \u201cSave draft\u201d."));
      return;
    }
    list.forEach(function (d, i) {
      var li = el("li", "ilc-draft");
      var who = person(d.to);
      var meta = (d.level ? cap(d.level) + (d.score !== null ? " (" + Math.round(d.score) + ")" : "") : "Not checked") +
        " \u00b7 to " + (who ? who.name : "someone not in the kit") + " \u00b7 " +
        String(d.at || "").slice(0, 16).replace("T", " ");
      li.appendChild(el("span", "ilc-draft-meta", meta));
      li.appendChild(el("span", "ilc-draft-text", d.text.length > 90 ? d.text.slice(0, 90) + "\u2026" : d.text));
      var back = el("button", "ilc-restore", "Restore");
      back.type = "button";
      back.setAttribute("aria-label", "Restore draft " + (i + 1));
      back.addEventListener("click", function () {
        self.text.value = d.text;
        if (d.to === "" || person(d.to)) { self.to.value = d.to; self.showCard(); }
        if (d.from === "" || person(d.from)) self.from.value = d.from;
        self.free.checked = d.limit === FREE_LIMIT;
        self.update();
        self.text.focus();
      });
      li.appendChild(back);
      self.drafts.appendChild(li);
    });
  };

  var checkers = [];
  function renderAllDrafts() { checkers.forEach(function (c) { c.renderDrafts(); }); }

  function start() {
    var roots = document.querySelectorAll("section.ilc-checker");
    for (var i = 0; i < roots.length; i++) checkers.push(new Checker(roots[i]));
    if (checkers.length) ready().catch(function (err) { console.warn("InviteLab checker: " + err.message); });
  }

  window.invitelabChecker = {
    get ready() { return ready(); },
    check: function (text, to, from, limit) {
      return ready().then(function (a) { return a.check(text, to, from, limit); });
    },
    checkMany: function (items) { return ready().then(function (a) { return a.checkMany(items); }); },
    timings: timings,
    checkers: checkers
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
