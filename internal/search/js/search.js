// search.js: the query side of bantin's search. The index format is in
// internal/search/doc.go; the text rules are vi.js, concatenated before
// this file into one script.
var PER_PAGE = 10;
var SNIPPET = 160;
var FORM_MISS = 0.3; // weight of a syllable whose page lacks the exact marks typed
var PAIR_WEIGHT = 1.5;
var MAX_IMPACT = 15;

function Index(base) {
  this.base = base;
  this.shards = {};
  this.frags = {};
}

Index.prototype.get = function (path, type) {
  var url = this.base + path + (this.build ? "?v=" + this.build : "");
  return fetch(url).then(function (r) {
    if (!r.ok) throw new Error(url + ": " + r.status);
    return type === "json" ? r.json() : type === "text" ? r.text() : r.arrayBuffer();
  });
};

Index.prototype.open = function () {
  var self = this;
  if (!this.ready) {
    this.ready = fetch(this.base + "manifest.json", { cache: "no-cache" })
      .then(function (r) { return r.json(); })
      .then(function (m) {
        self.m = m;
        self.build = m.build;
        return self.get("docs.bin");
      })
      .then(function (buf) { self.meta = parseMeta(new Uint8Array(buf), self.m.docs); });
  }
  return this.ready;
};

Index.prototype.shard = function (key) {
  var n = fnv1a(key) % this.m.shards;
  if (!this.shards[n]) {
    this.shards[n] = this.get("s/" + n + ".bin").then(function (buf) { return parseShard(new Uint8Array(buf)); });
  }
  return this.shards[n];
};

Index.prototype.vocabulary = function () {
  if (!this.vocab) this.vocab = this.get("tu-vung.txt", "text").then(function (t) { return t.split("\n"); });
  return this.vocab;
};

Index.prototype.fragment = function (id) {
  if (!this.frags[id]) this.frags[id] = this.get("f/" + id + ".json", "json");
  return this.frags[id];
};

function fnv1a(s) {
  var bytes = new TextEncoder().encode(s), h = 0x811c9dc5;
  for (var i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function Reader(b, pos) {
  this.b = b;
  this.pos = pos || 0;
}
Reader.prototype.uv = function () {
  var x = 0, s = 1, c;
  do {
    c = this.b[this.pos++];
    x += (c & 127) * s;
    s *= 128;
  } while (c & 128);
  return x;
};
var utf8 = new TextDecoder();
Reader.prototype.str = function () {
  var n = this.uv(), s = utf8.decode(this.b.subarray(this.pos, this.pos + n));
  this.pos += n;
  return s;
};

function parseShard(b) {
  var r = new Reader(b), map = new Map();
  while (r.pos < b.length) {
    var kind = b[r.pos++], key = r.str(), display = kind === 0 ? r.str() : "";
    var df = r.uv(), len = r.uv();
    map.set(kind + ":" + key, { kind: kind, key: key, display: display, df: df, b: b, start: r.pos });
    r.pos += len;
  }
  return map;
}

function eachPosting(e, fn) {
  var r = new Reader(e.b, e.start), levels = r.uv();
  for (var l = 0; l < levels; l++) {
    var imp = e.b[r.pos++], n = r.uv(), d = -1;
    for (var i = 0; i < n; i++) {
      d += r.uv();
      fn(d, imp);
    }
  }
}

function parseMeta(b, n) {
  var r = new Reader(b), type = new Uint8Array(n), topics = new Array(n);
  for (var i = 0; i < n; i++) {
    type[i] = b[r.pos++];
    var k = r.uv(), ts = [];
    for (var j = 0; j < k; j++) ts.push(r.uv());
    topics[i] = ts;
  }
  return { type: type, topics: topics };
}

// editDistance1 reports whether a and b differ by at most one insertion,
// deletion, substitution or swap of neighbours.
function editDistance1(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  var i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  var ra = a.slice(i + 1), rb = b.slice(i + 1);
  return ra === rb || a.slice(i) === rb || a.slice(i + 1) === b.slice(i) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

// plan reads a query into its syllables (unique keys) and pairs.
function plan(q) {
  var toks = tokenize(q), terms = [], byKey = {}, pairs = [];
  toks.forEach(function (t, i) {
    if (!byKey[t.key]) {
      byKey[t.key] = { key: t.key, exact: t.exact, marked: t.exact !== t.key, typed: t.exact };
      terms.push(byKey[t.key]);
    }
    if (i > 0 && !t.brk && toks[i - 1].key !== t.key) pairs.push([byKey[toks[i - 1].key], byKey[t.key]]);
  });
  return { toks: toks, terms: terms, pairs: pairs };
}

// resolve finds each term's entry. A syllable the index does not hold is
// corrected to one a single edit away: the one that forms pairs with its
// neighbours in the query, else the most frequent.
Index.prototype.resolve = function (p) {
  var self = this;
  return Promise.all(p.terms.map(function (t) {
    return self.shard(t.key).then(function (sh) {
      t.shard = sh;
      t.entry = sh.get("0:" + t.key);
    });
  })).then(function () {
    var missing = p.terms.filter(function (t) { return !t.entry; });
    if (!missing.length) return;
    return self.vocabulary().then(function (words) {
      return Promise.all(missing.map(function (t) { return self.correct(t, p, words); }));
    });
  });
};

Index.prototype.correct = function (t, p, words) {
  var self = this, cands = [];
  for (var i = 0; i < words.length && cands.length < 8; i++) {
    if (editDistance1(t.key, words[i])) cands.push(words[i]);
  }
  return Promise.all(cands.map(function (c) { return self.shard(c); })).then(function (shards) {
    var best = -1, bestScore = -1;
    cands.forEach(function (c, i) {
      var score = cands.length - i; // frequency order
      p.pairs.forEach(function (pr) {
        var other = pr[0] === t ? pr[1] : pr[1] === t ? pr[0] : null;
        if (!other || !other.shard) return;
        var k = "1:" + (pr[0] === t ? c + " " + other.key : other.key + " " + c);
        if (shards[i].get(k) || other.shard.get(k)) score += 100;
      });
      if (score > bestScore) { best = i; bestScore = score; }
    });
    if (best < 0) return;
    t.corrected = true;
    t.key = cands[best];
    t.marked = false;
    t.shard = shards[best];
    t.entry = shards[best].get("0:" + t.key);
  });
};

// formFilter returns a test "does page d have the exact form typed", or
// null when any form will do.
function formFilter(t) {
  if (!t.marked) return null;
  var has = t.shard.get("2:" + t.exact), lacks = t.shard.get("3:" + t.exact), set = new Set();
  if (has || lacks) {
    eachPosting(has || lacks, function (d) { set.add(d); });
    return has ? function (d) { return set.has(d); } : function (d) { return !set.has(d); };
  }
  var all = t.entry.display === t.exact;
  return function () { return all; };
}

function idf(n, df) {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

// rank scores every page: BM25 impacts of the syllables (lowered where the
// marks typed are missing) plus the pairs; pages must hold every syllable
// found, or, when none holds them all, as many as any page does.
Index.prototype.rank = function (p) {
  var n = this.m.docs, score = new Float32Array(n), hits = new Uint8Array(n);
  var terms = p.terms.filter(function (t) { return t.entry; });
  terms.forEach(function (t) {
    var w = idf(n, t.entry.df) / MAX_IMPACT, has = formFilter(t);
    eachPosting(t.entry, function (d, imp) {
      score[d] += has && !has(d) ? w * imp * FORM_MISS : w * imp;
      hits[d]++;
    });
  });
  p.pairs.forEach(function (pr) {
    var a = pr[0], b = pr[1];
    if (!a.entry || !b.entry) return;
    var k = "1:" + a.key + " " + b.key, e = a.shard.get(k) || b.shard.get(k);
    if (!e) return;
    var w = PAIR_WEIGHT * idf(n, e.df) / MAX_IMPACT;
    eachPosting(e, function (d, imp) { score[d] += w * imp; });
  });
  var best = 0, i;
  for (i = 0; i < n; i++) if (hits[i] > best) best = hits[i];
  var ids = [];
  if (best > 0) for (i = 0; i < n; i++) if (hits[i] === best) ids.push(i);
  return { ids: ids, score: score, all: best === terms.length && terms.length === p.terms.length };
};

// formsOf lists the exact forms of a term's syllable, each with a test
// "does page d have it", the most frequent first.
function formsOf(t) {
  var out = [];
  t.shard.forEach(function (e) {
    if ((e.kind === 2 || e.kind === 3) && foldKey(e.key) === t.key) {
      var set = new Set();
      eachPosting(e, function (d) { set.add(d); });
      out.push({ form: e.key, df: e.kind === 2 ? e.df : t.entry.df - e.df,
        has: e.kind === 2 ? function (d) { return set.has(d); } : function (d) { return !set.has(d); } });
    }
  });
  if (!out.length) out.push({ form: t.entry.display, df: t.entry.df, has: function () { return true; } });
  return out.sort(function (a, b) { return b.df - a.df; });
}

// suggestion is the query as the best result spells it, when a syllable
// was corrected or that result lacks marks that were typed. Words typed
// without marks keep their spelling unless the whole query had none.
function suggestion(p, top) {
  if (top === undefined) return "";
  var bare = p.terms.every(function (t) { return !t.marked || t.corrected; }), changed = false;
  var words = p.toks.map(function (tok) {
    var t = p.terms.filter(function (x) { return x.typed === tok.exact; })[0];
    if (!t || !t.entry) return tok.exact;
    var forms = formsOf(t), here = forms.filter(function (f) { return f.has(top); })[0] || forms[0];
    if (t.corrected || (t.marked && here.form !== tok.exact)) changed = true;
    if (t.corrected || bare || (t.marked && !forms.some(function (f) { return f.form === tok.exact && f.has(top); }))) return here.form;
    return tok.exact;
  });
  return changed ? words.join(" ") : "";
}

// facets counts the results by type (under the topic filter) and by topic
// (under the type filter), and applies both filters.
function facets(ids, meta, f) {
  var types = {}, topics = {}, out = [];
  ids.forEach(function (d) {
    var ty = meta.type[d], ts = meta.topics[d];
    var topicOK = f.topic === "" || ts.indexOf(+f.topic) >= 0, typeOK = f.type === "" || ty === +f.type;
    if (topicOK) types[ty] = (types[ty] || 0) + 1;
    if (typeOK) ts.forEach(function (t) { topics[t] = (topics[t] || 0) + 1; });
    if (topicOK && typeOK) out.push(d);
  });
  return { ids: out, types: types, topics: topics };
}

// snippet picks the section of a fragment that best matches the query and
// cuts at most SNIPPET characters of it around the matches.
function bestSection(frag, p) {
  var keys = {}, best = null;
  p.terms.forEach(function (t) { keys[t.key] = t; });
  frag.s.forEach(function (sec, i) {
    var head = tokenize(sec[1]), body = tokenize(sec[2]), seen = {}, score = 0;
    head.concat(body).forEach(function (tok, j, all) {
      var t = keys[tok.key];
      if (!t) return;
      if (!seen[tok.key]) score += 2;
      seen[tok.key] = true;
      if (t.marked && tok.exact === t.exact) score += 0.5;
      if (j > 0 && !tok.brk && keys[all[j - 1].key] && all[j - 1].key !== tok.key) score += 1;
    });
    score += head.filter(function (tok) { return keys[tok.key]; }).length;
    if (!best || score > best.score) best = { i: i, sec: sec, body: body, score: score, keys: keys };
  });
  return best;
}

function escapeHTML(s) {
  return s.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

function snippetHTML(best) {
  var toks = best.body, text = toks.text || "", keys = best.keys;
  if (!text) return "";
  var from = 0, most = -1;
  for (var i = 0; i < toks.length; i++) {
    if (!keys[toks[i].key]) continue;
    var seen = {}, count = 0;
    for (var j = i; j < toks.length && toks[j].end - toks[i].start <= SNIPPET; j++) {
      if (keys[toks[j].key] && !seen[toks[j].key]) { seen[toks[j].key] = true; count++; }
    }
    if (count > most) { most = count; from = i; }
  }
  var start = toks.length ? toks[from].start : 0;
  if (from > 0 && most > 0) {
    // Give the first match a little context before it.
    var back = from;
    while (back > 0 && toks[from].start - toks[back - 1].start < 40 && !toks[back].brk) back--;
    start = toks[back].start;
  }
  var end = start + SNIPPET, html = start > 0 ? "… " : "", pos = start;
  toks.forEach(function (tok) {
    if (tok.start < start || tok.end > end) return;
    html += escapeHTML(text.slice(pos, tok.start));
    var w = escapeHTML(text.slice(tok.start, tok.end));
    html += keys[tok.key] ? "<mark>" + w + "</mark>" : w;
    pos = tok.end;
  });
  html += escapeHTML(text.slice(pos, Math.min(end, text.length)).replace(/[\p{L}\p{N}\p{Mn}]+$/u, ""));
  if (end < text.length) html += " …";
  return html;
}

// UI wires the search page's form to the index.
function UI(root) {
  var self = this;
  this.root = root;
  this.ix = new Index(root.getAttribute("data-search"));
  this.form = root.querySelector("form");
  this.input = root.querySelector("input[name=q]");
  this.type = root.querySelector("select[name=loai]");
  this.topic = root.querySelector("select[name=chu-de]");
  this.sort = root.querySelector("select[name=sap-xep]");
  this.list = document.getElementById("search-results");
  this.status = root.querySelector(".search-status");
  this.hint = root.querySelector(".search-suggestion");
  this.more = root.querySelector(".search-more");
  this.labels = JSON.parse(root.getAttribute("data-labels"));
  this.seq = 0;
  var timer = 0;
  this.input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { self.run(); }, 120);
  });
  this.form.addEventListener("submit", function (e) {
    e.preventDefault();
    self.run();
  });
  [this.type, this.topic, this.sort].forEach(function (s) {
    s.addEventListener("change", function () { self.run(); });
  });
  this.more.addEventListener("click", function () { self.show(self.shown + PER_PAGE); });
  root.addEventListener("keydown", function (e) { self.key(e); });
  var params = new URLSearchParams(location.search);
  this.input.value = params.get("q") || "";
  this.pending = { type: params.get("loai") || "", topic: params.get("chu-de") || "" };
  this.sort.value = params.get("sap-xep") === "ngay" ? "ngay" : "";
  if (this.input.value.trim()) this.run();
}

UI.prototype.key = function (e) {
  var links = Array.prototype.slice.call(this.list.querySelectorAll("a"));
  var at = links.indexOf(document.activeElement);
  if (e.key === "ArrowDown" && (document.activeElement === this.input || at >= 0)) {
    if (links[at + 1]) links[at + 1].focus();
    e.preventDefault();
  } else if (e.key === "ArrowUp" && at >= 0) {
    (at === 0 ? this.input : links[at - 1]).focus();
    e.preventDefault();
  } else if (e.key === "Escape" && at >= 0) {
    this.input.focus();
  }
};

UI.prototype.filters = function () {
  if (this.pending) {
    var f = this.pending;
    this.pending = null;
    return f;
  }
  return { type: this.type.value, topic: this.topic.value };
};

UI.prototype.run = function () {
  var self = this, q = this.input.value.trim(), seq = ++this.seq, f = this.filters();
  this.updateURL(q, f);
  if (!q) {
    this.clear();
    return Promise.resolve();
  }
  var p = plan(q);
  if (!p.terms.length) {
    this.clear();
    return Promise.resolve();
  }
  this.root.setAttribute("aria-busy", "true");
  return this.ix.open().then(function () { return self.ix.resolve(p); }).then(function () {
    if (seq !== self.seq) return;
    var t0 = performance.now();
    var r = self.ix.rank(p), fc = facets(r.ids, self.ix.meta, f);
    var ids = fc.ids.slice();
    if (self.sort.value === "ngay") ids.sort(function (a, b) { return a - b; });
    else ids.sort(function (a, b) { return r.score[b] - r.score[a] || a - b; });
    var hint = suggestion(p, ids[0]);
    var ms = performance.now() - t0;
    self.result = { q: q, p: p, ids: ids, hint: hint, ms: ms, exact: r.all };
    self.renderFacets(fc, f);
    self.renderStatus();
    return self.show(PER_PAGE, seq);
  }).catch(function (err) {
    self.status.textContent = self.labels.error;
    self.root.removeAttribute("aria-busy");
    throw err;
  });
};

UI.prototype.updateURL = function (q, f) {
  var params = new URLSearchParams();
  if (q) params.set("q", q);
  if (f.type !== "") params.set("loai", f.type);
  if (f.topic !== "") params.set("chu-de", f.topic);
  if (this.sort.value) params.set("sap-xep", this.sort.value);
  var s = params.toString();
  history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
};

UI.prototype.clear = function () {
  this.list.innerHTML = "";
  this.status.textContent = "";
  this.hint.innerHTML = "";
  this.more.hidden = true;
  this.list.setAttribute("data-query", "");
  this.root.removeAttribute("aria-busy");
};

UI.prototype.renderFacets = function (fc, f) {
  var m = this.ix.m, L = this.labels;
  function options(select, names, counts, chosen) {
    var html = '<option value="">' + escapeHTML(L.all) + "</option>";
    names.forEach(function (name, i) {
      if (!counts[i] && String(i) !== chosen) return;
      html += '<option value="' + i + '">' + escapeHTML(name) + " (" + (counts[i] || 0) + ")</option>";
    });
    select.innerHTML = html;
    select.value = chosen;
  }
  options(this.type, m.types.map(function (t) { return t[1]; }), fc.types, f.type);
  options(this.topic, m.topics, fc.topics, f.topic);
};

UI.prototype.renderStatus = function () {
  var r = this.result, L = this.labels;
  this.status.textContent = r.ids.length ? L.count.replace("%d", r.ids.length).replace("%s", r.q) : L.none.replace("%s", r.q);
  this.hint.innerHTML = r.hint ? escapeHTML(L.didYouMean) + ' <a href="?q=' + encodeURIComponent(r.hint) + '">' + escapeHTML(r.hint) + "</a>" : "";
};

// show renders the first n results, fetching the fragments it lacks.
UI.prototype.show = function (n, seq) {
  var self = this, r = this.result, ids = r.ids.slice(0, n);
  seq = seq || this.seq;
  return Promise.all(ids.map(function (id) { return self.ix.fragment(id); })).then(function (frags) {
    if (seq !== self.seq) return;
    self.list.innerHTML = frags.map(function (frag, i) { return self.item(ids[i], frag); }).join("");
    self.shown = ids.length;
    self.more.hidden = r.ids.length <= ids.length;
    self.list.setAttribute("data-query", r.q);
    self.root.removeAttribute("aria-busy");
    window.bantinSearchStats = { query: r.q, ms: r.ms, results: r.ids.length, suggestion: r.hint };
  });
};

UI.prototype.item = function (id, frag) {
  var p = this.result.p, best = bestSection(frag, p), url = frag.u, where = "";
  var titleKeys = {};
  tokenize(frag.t).forEach(function (t) { titleKeys[t.key] = true; });
  var inTitle = p.terms.every(function (t) { return titleKeys[t.key]; });
  if (best && best.sec[0] && best.score > 0 && !inTitle) {
    url += "#" + best.sec[0];
    where = best.sec[1];
  }
  var m = this.ix.m, type = m.types[this.ix.meta.type[id]][1];
  return '<li class="search-result"><a class="search-result-link" href="' + escapeHTML(url) + '">' +
    markTitle(frag.t, best ? best.keys : {}) + "</a>" +
    '<p class="search-result-meta">' + escapeHTML(type) + " · " + escapeHTML(frag.d) +
    (where ? " · § " + escapeHTML(where) : "") + "</p>" +
    (best ? '<p class="search-result-snippet">' + snippetHTML(best) + "</p>" : "") + "</li>";
};

function markTitle(title, keys) {
  var toks = tokenize(title), text = toks.text, html = "", pos = 0;
  toks.forEach(function (t) {
    html += escapeHTML(text.slice(pos, t.start));
    var w = escapeHTML(text.slice(t.start, t.end));
    html += keys[t.key] ? "<mark>" + w + "</mark>" : w;
    pos = t.end;
  });
  return html + escapeHTML(text.slice(pos));
}

var searchRoot = document.querySelector("[data-search]");
if (searchRoot) window.bantinSearch = new UI(searchRoot);
