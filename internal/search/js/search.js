// search.js: the query side of bantin's search. The index format is in
// internal/search/doc.go; the text rules are vi.js, concatenated before
// this file into one script.
var PER_PAGE = 10;
var SNIPPET = 160;
var FORM_MISS = 0.3; // weight of a syllable whose page lacks the exact marks typed
var PAIR_WEIGHT = 1.5;
var PAIR_IMPACT = 0.6; // pairs have no weights of their own: a page has a pair or not
var BLOOM_HASHES = 4;
var PAIR_TITLE = 2; // a pair in the title or a heading counts twice
var PAIR_CANDIDATES = 400;
var MIN_COVER = 0.5; // share of the best coverage a page needs, with three syllables or more
var COVER_POWER = 1;
var MAX_QUERY_SHARDS = 14; // keeps a 40-syllable question within 120 KB on a first visit
var MAX_CORRECTIONS = 3; // syllables one edit away that a typo is checked against (each costs a shard)
var MAX_IMPACT = 7;
var BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"; // form masks, the bucket table

function Index(base) {
  this.base = base;
  this.shards = {};
  this.formsFiles = {};
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
        return self.get("docs.json", "json");
      })
      .then(function (meta) { self.meta = meta; });
  }
  return this.ready;
};

// shardNumber is the shard of a syllable: its own, or the shared shard of
// its bucket (two base64url characters a bucket in the manifest's "b").
Index.prototype.shardNumber = function (key) {
  var plan = this.m.shards, own = own_(plan.own, key);
  if (own !== null) return own;
  if (this.ownCount === undefined) this.ownCount = Object.keys(plan.own).length;
  var b = 2 * (fnv1a(key) % (plan.b.length / 2));
  return this.ownCount + 64 * BASE64URL.indexOf(plan.b[b]) + BASE64URL.indexOf(plan.b[b + 1]);
};

Index.prototype.shard = function (key) {
  var n = this.shardNumber(key);
  if (!this.shards[n]) {
    this.shards[n] = this.get("s/" + n + ".json", "json");
  }
  return this.shards[n];
};

// withForms loads the forms of a shard that keeps them apart: "h" names
// the forms file, which holds them under the shard's number.
Index.prototype.withForms = function (key, sh) {
  if (sh.h === undefined) return Promise.resolve(sh);
  if (!sh.formsLoaded) {
    var n = this.shardNumber(key), file = sh.h;
    if (!this.formsFiles[file]) this.formsFiles[file] = this.get("s/" + file + ".f.json", "json");
    sh.formsLoaded = this.formsFiles[file].then(function (f) {
      sh.f = f[n];
      delete sh.h;
      return sh;
    });
  }
  return sh.formsLoaded;
};

Index.prototype.vocabulary = function () {
  if (!this.vocab) this.vocab = this.get("tu-vung.txt", "text").then(function (t) { return t.split("\n"); });
  return this.vocab;
};

Index.prototype.fragment = function (id) {
  if (!this.frags[id]) this.frags[id] = this.get("f/" + id + ".json", "json");
  return this.frags[id];
};

function fnvBytes(h, bytes) {
  for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h;
}

function fnv1a(s) {
  return fnvBytes(0x811c9dc5, new TextEncoder().encode(s));
}

function own_(o, k) {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : null;
}

// syllable, form and pair read a shard's entries (see doc.go).
function syllable(sh, key) {
  var a = own_(sh.s, key);
  return a && { display: a[0], df: a[1], list: a[2] };
}

// form returns {test(d): does page d have the exact form}, from its
// syllable's forms entry: a mask per page of the syllable, or, for a rarer
// form, the positions of its pages; null when the syllable has one form.
function form(sh, exact) {
  var key = foldKey(exact), m = own_(sh.f, key);
  if (!m) return null;
  var bit = m[0].split("|").indexOf(exact);
  if (bit < 0) {
    var pages = pagesOf(sh, key), gaps = (m[2] && own_(m[2], exact)) || [], at = -1, has = new Set();
    gaps.forEach(function (g) { at += g; has.add(pages[at]); });
    return { test: function (d) { return has.has(d); } };
  }
  var position = positionOf(sh, key), masks = decodeMasks(m);
  return { test: function (d) {
    var i = d < position.length ? position[d] : -1;
    return i >= 0 && (masks[i] & (1 << bit)) !== 0;
  } };
}

// pagesOf lists the pages of a syllable in page order, the order of its
// forms entry; positionOf maps a page to its place in that list (-1 when
// it is not there). Both are worked out once per syllable.
function pagesOf(sh, key) {
  var a = own_(sh.s, key);
  if (!a) return [];
  if (!a.pages) {
    var ps = [];
    eachPosting(a[2], function (d) { ps.push(d); });
    a.pages = ps.sort(function (x, y) { return x - y; });
  }
  return a.pages;
}

function positionOf(sh, key) {
  var a = own_(sh.s, key);
  if (!a) return new Int32Array(0);
  if (!a.position) {
    var pages = pagesOf(sh, key);
    a.position = new Int32Array(pages.length ? pages[pages.length - 1] + 1 : 0).fill(-1);
    pages.forEach(function (p, i) { a.position[p] = i; });
  }
  return a.position;
}

// decodeMasks reads a forms entry's masks once, a byte a page.
function decodeMasks(m) {
  if (!m.decoded) {
    var s = m[1];
    m.decoded = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) m.decoded[i] = BASE64URL.indexOf(s[i]);
  }
  return m.decoded;
}

// pairTest returns a test "does page d have the pair a b", from the Bloom
// filter of the shard of the rarer syllable (see bloom.go), or null.
function pairTest(a, b) {
  return bloomTest(b.entry.df < a.entry.df ? b.shard : a.shard, a.key, b.key);
}

// bloomBits decodes a shard's Bloom filter once.
function bloomBits(sh) {
  if (!sh.bits) {
    var raw = atob(sh.p);
    sh.bits = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) sh.bits[i] = raw.charCodeAt(i);
  }
  return sh.bits;
}

// falsePositives is the share of tests a shard's filter passes by chance:
// its share of set bits, to the power of the number of hashes.
function falsePositives(sh) {
  if (sh.fp === undefined) {
    var bits = bloomBits(sh), set = 0;
    for (var i = 0; i < bits.length; i++) for (var b = bits[i]; b; b &= b - 1) set++;
    sh.fp = Math.pow(set / (bits.length * 8 || 1), BLOOM_HASHES);
  }
  return sh.fp;
}

// bloomTest returns a test "does page d have the pair aKey bKey" on the
// filter of shard sh, or null when the shard has no pairs.
function bloomTest(sh, aKey, bKey) {
  if (!sh.p) return null;
  var bits = bloomBits(sh), m = bits.length * 8, pre = new TextEncoder().encode(aKey + " " + bKey + "#");
  var h1p = fnvBytes(0x811c9dc5, pre), h2p = fnvBytes(0x9747b28c, pre);
  return function (d, titled) {
    var s = String(d) + (titled ? "^" : ""), h1 = h1p, h2 = h2p, i;
    for (i = 0; i < s.length; i++) {
      h1 = Math.imul(h1 ^ s.charCodeAt(i), 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ s.charCodeAt(i), 0x01000193) >>> 0;
    }
    h2 = (h2 | 1) >>> 0;
    for (i = 0; i < BLOOM_HASHES; i++) {
      var p = ((h1 + Math.imul(i, h2)) >>> 0) % m;
      if (!(bits[p >>> 3] & (1 << (p & 7)))) return false;
    }
    return true;
  };
}

// eachPosting calls fn(page, impact) for each page of an entry's list:
// [impact, count, gap…, impact, count, gap…], or a dense string with one
// character per page ('0': not in the list).
function eachPosting(list, fn) {
  if (typeof list === "string") {
    for (var p = 0; p < list.length; p++) {
      var c = list.charCodeAt(p) - 48;
      if (c) fn(p, c);
    }
    return;
  }
  for (var i = 0; i < list.length;) {
    var imp = list[i], n = list[i + 1], d = -1;
    i += 2;
    for (var end = i + n; i < end; i++) {
      d += list[i];
      fn(d, imp);
    }
  }
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

// Question and function words weigh nothing in a query with other words
// and are never required (see doc.go): phrases of keys, matched with or
// without marks; single words when typed with these marks, or typed bare
// when the bare key has no other common reading.
var FUNCTION_PHRASES = ["bao nhieu", "bao lau", "sau day", "nhu the nao", "the nao", "hay khong",
  "dung hay sai", "co phai", "la gi", "vi sao", "tai sao", "o dau", "khi nao", "luc nao",
  "duoc khong", "co duoc"].map(function (s) { return s.split(" "); });
var FUNCTION_EXACT = wordSet("gì nào không là phải có của được những các và thì mà hoặc bị đâu " +
  "mấy đó này ấy cũng đã sẽ đang rằng thế nhé ạ chứ với để ở từ tại về nếu");
var FUNCTION_BARE = wordSet("gi nao khong la nhung cac va thi hay hoac cung se rang duoc nhieu ai");

function wordSet(s) {
  var set = {};
  s.split(" ").forEach(function (w) { set[w] = true; });
  return set;
}

// functionWords marks the query tokens that are question or function words.
function functionWords(toks) {
  var fn = toks.map(function (t) {
    return own_(t.exact !== t.key ? FUNCTION_EXACT : FUNCTION_BARE, t.exact) !== null;
  });
  for (var i = 0; i < toks.length; i++) {
    FUNCTION_PHRASES.forEach(function (ph) {
      for (var j = 0; j < ph.length; j++) {
        var t = toks[i + j];
        if (!t || t.key !== ph[j] || (j > 0 && t.brk)) return;
      }
      for (j = 0; j < ph.length; j++) fn[i + j] = true;
    });
  }
  return fn;
}

// plan reads a query into its syllables and pairs (each once). A
// syllable is a function word when every time it is typed it is one; when
// the query has other words, function words are not looked up at all.
function plan(q) {
  var toks = tokenize(q), terms = [], byKey = Object.create(null), pairs = [], seen = Object.create(null), fn = functionWords(toks);
  toks.forEach(function (t, i) {
    if (!byKey[t.key]) {
      byKey[t.key] = { key: t.key, exact: t.exact, marked: t.exact !== t.key, typed: t.exact, fn: true };
      terms.push(byKey[t.key]);
    }
    if (!fn[i]) byKey[t.key].fn = false;
    var pk = i > 0 ? toks[i - 1].key + " " + t.key : "";
    if (i > 0 && !t.brk && toks[i - 1].key !== t.key && !seen[pk]) {
      seen[pk] = true;
      pairs.push([byKey[toks[i - 1].key], byKey[t.key]]);
    }
  });
  var content = terms.filter(function (t) { return !t.fn; });
  return { toks: toks, terms: terms, pairs: pairs, wanted: content.length ? content : terms };
}

// resolve finds each wanted term's entry. A syllable the index does not
// hold is corrected to one a single edit away: the one that forms pairs
// with its neighbours in the query, else the most frequent. A word with
// no such neighbour that is two or three syllables of the index run
// together ("dienmattroi") is split, and the query read again. A word
// with a digit is never corrected: a fragment of a number is another
// number.
Index.prototype.resolve = function (p) {
  var self = this;
  this.withinBudget(p);
  return Promise.all(p.wanted.map(function (t) {
    return self.shard(t.key).then(function (sh) {
      return t.marked ? self.withForms(t.key, sh) : sh;
    }).then(function (sh) {
      t.shard = sh;
      t.entry = syllable(sh, t.key);
    });
  })).then(function () {
    var missing = p.wanted.filter(function (t) { return !t.entry && !/[0-9]/.test(t.key); });
    if (!missing.length) return;
    return self.vocabulary().then(function (words) {
      var split = false;
      return Promise.all(missing.map(function (t) {
        var cands = corrections(t.key, words);
        if (cands.length) return self.correct(t, p, words, cands);
        var pieces = splitKey(t.key, self.rankOf(words));
        if (pieces) {
          t.split = pieces;
          split = true;
        }
      })).then(function () { if (split) return self.resplit(p); });
    });
  });
};

// withinBudget keeps the wanted syllables of a long query to those whose
// shards number at most MAX_QUERY_SHARDS: the syllables that are not
// among the manifest's common ones come first, in the order typed, then
// the common ones, the rarest first. A syllable whose shard is already
// kept always stays; the others are left out, never required.
Index.prototype.withinBudget = function (p) {
  var common = this.m.common || [], rank = Object.create(null);
  common.forEach(function (k, i) { rank[k] = i; });
  var rare = p.wanted.filter(function (t) { return rank[t.key] === undefined; });
  var often = p.wanted.filter(function (t) { return rank[t.key] !== undefined; });
  often.sort(function (a, b) { return rank[b.key] - rank[a.key]; });
  var self = this, shards = new Set(), kept = new Set();
  rare.concat(often).forEach(function (t) {
    var n = self.shardNumber(t.key);
    if (shards.has(n) || shards.size < MAX_QUERY_SHARDS) {
      shards.add(n);
      kept.add(t);
    }
  });
  p.wanted = p.wanted.filter(function (t) { return kept.has(t); });
};

// resplit reads the query again with its run-together words split into
// their keys (the marks typed on a run-together word cannot be placed
// syllable by syllable, so its pieces go without them) and resolves it;
// the suggestion then spells the pieces as the best result does.
Index.prototype.resplit = function (p) {
  var byKey = Object.create(null), pieces = Object.create(null);
  p.terms.forEach(function (t) { byKey[t.key] = t; });
  var words = p.toks.map(function (tok) {
    var t = byKey[tok.key];
    if (!t || !t.split) return tok.exact;
    t.split.forEach(function (k) { pieces[k] = true; });
    return t.split.join(" ");
  });
  var q = plan(words.join(" "));
  q.split = true;
  q.terms.forEach(function (t) { if (pieces[t.key]) t.respell = true; });
  Object.assign(p, q);
  return this.resolve(p);
};

// corrections lists the most frequent syllables one edit away from key.
function corrections(key, words) {
  var cands = [];
  for (var i = 0; i < words.length && cands.length < MAX_CORRECTIONS; i++) {
    if (editDistance1(key, words[i])) cands.push(words[i]);
  }
  return cands;
}

Index.prototype.rankOf = function (words) {
  if (!this.vocabRank) {
    this.vocabRank = new Map();
    for (var i = 0; i < words.length; i++) this.vocabRank.set(words[i], i);
  }
  return this.vocabRank;
};

// splitKey cuts a key into two or three syllables of the vocabulary:
// the fewest pieces, then the most frequent (least sum of log ranks);
// null when there is no such cut. Pieces of one letter are not tried.
function splitKey(key, rank) {
  var best = null, bestCost = Infinity, chars = Array.from(key), n = chars.length;
  function cost(pieces) {
    var c = pieces.length * 1000;
    for (var i = 0; i < pieces.length; i++) {
      var r = rank.get(pieces[i]);
      if (r === undefined) return Infinity;
      c += Math.log(r + 2);
    }
    return c;
  }
  function consider(pieces) {
    var c = cost(pieces);
    if (c < bestCost) { bestCost = c; best = pieces; }
  }
  for (var i = 2; i <= n - 2; i++) {
    var a = chars.slice(0, i).join("");
    if (!rank.has(a)) continue;
    consider([a, chars.slice(i).join("")]);
    for (var j = i + 2; j <= n - 2; j++) consider([a, chars.slice(i, j).join(""), chars.slice(j).join("")]);
  }
  return best;
}

Index.prototype.correct = function (t, p, words, cands) {
  var self = this;
  var sure = this.correctFromNeighbours(t, p, words, cands);
  if (sure) cands = [sure];
  return Promise.all(cands.map(function (c) { return self.shard(c); })).then(function (shards) {
    var best = -1, bestScore = -1;
    cands.forEach(function (c, i) {
      var ct = { key: c, shard: shards[i], entry: syllable(shards[i], c) };
      if (!ct.entry) return;
      var score = (cands.length - i) / 100; // frequency order breaks ties
      p.pairs.forEach(function (pr) {
        var other = pr[0] === t ? pr[1] : pr[1] === t ? pr[0] : null;
        if (!other || !other.entry) return;
        score += pagesWithPair(pr[0] === t ? ct : other, pr[0] === t ? other : ct);
      });
      if (score > bestScore) { best = i; bestScore = score; }
    });
    if (best < 0) return;
    t.corrected = true;
    t.key = cands[best];
    t.marked = false;
    t.shard = shards[best];
    t.entry = syllable(shards[best], t.key);
  });
};

// correctFromNeighbours picks a correction without fetching the
// candidates' shards, when it can: a pair lives in the shard of its rarer
// syllable, so for a candidate more frequent than a neighbour (the
// vocabulary is in order of frequency) the neighbour's shard, already
// here, tells on which of the neighbour's pages they stand side by side.
// It returns the candidate whose count stands above the filter's false
// positives by 2 standard deviations and above every other candidate's by
// 2 more, or "" to fetch and compare them all. (A common pair keeps only
// its best pages, so the evidence is a few dozen pages at most.)
Index.prototype.correctFromNeighbours = function (t, p, words, cands) {
  var rank = this.rankOf(words), scores = [];
  cands.forEach(function (c) {
    var score = 0;
    p.pairs.forEach(function (pr) {
      var other = pr[0] === t ? pr[1] : pr[1] === t ? pr[0] : null;
      if (!other || !other.entry || !(rank.get(c) < rank.get(other.key))) return;
      var test = pr[0] === t ? bloomTest(other.shard, c, other.key) : bloomTest(other.shard, other.key, c);
      if (!test) return;
      var hits = 0, pages = 0;
      eachPosting(other.entry.list, function (d) { pages++; if (test(d)) hits++; });
      var chance = falsePositives(other.shard) * pages;
      score += (hits - chance) / Math.sqrt(chance + 1);
    });
    scores.push({ c: c, score: score });
  });
  scores.sort(function (a, b) { return b.score - a.score; });
  var first = scores[0], second = scores[1];
  if (first && first.score >= 2 && (!second || first.score - second.score >= 2)) return first.c;
  return "";
};

// pagesWithPair counts the pages that have both syllables side by side.
function pagesWithPair(a, b) {
  var test = pairTest(a, b), inA = new Set(), n = 0;
  if (!test) return 0;
  eachPosting(a.entry.list, function (d) { inA.add(d); });
  eachPosting(b.entry.list, function (d) { if (inA.has(d) && test(d)) n++; });
  return n;
}

// formFilter returns a test "does page d have the exact form typed", or
// null when any form will do.
function formFilter(t) {
  if (!t.marked) return null;
  var f = form(t.shard, t.exact);
  if (!f) {
    var all = t.entry.display === t.exact;
    return function () { return all; };
  }
  return f.test;
}

function idf(n, df) {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

// byScore returns ids sorted by score, highest first, then by id (newest
// first). It sorts numbers, not with a comparison function: each page is
// one float, its score to four decimals above its id, so that the
// engine's numeric sort does the work (several times faster on 10,000
// results).
function byScore(ids, score) {
  var span = 1;
  while (span <= ids.length || span <= ids[ids.length - 1]) span *= 2;
  var keys = new Float64Array(ids.length);
  for (var i = 0; i < ids.length; i++) keys[i] = -Math.round(score[ids[i]] * 1e4) * span + ids[i];
  keys.sort();
  var out = new Array(ids.length);
  for (i = 0; i < ids.length; i++) out[i] = ((keys[i] % span) + span) % span;
  return out;
}

// rank scores every page that holds enough of the query (a soft AND):
// BM25 impacts of the syllables (lowered where the marks typed are
// missing) plus the pairs, times the share of the query's weight the page
// covers, squared. With one or two syllables a page must hold them all
// (or as many as any page does); with more, half the weight the best
// page covers.
Index.prototype.rank = function (p) {
  var n = this.m.docs, score = new Float32Array(n), cover = new Float32Array(n), total = 0;
  var terms = p.wanted.filter(function (t) { return t.entry; });
  terms.forEach(function (t) {
    var w = idf(n, t.entry.df), has = formFilter(t);
    total += w;
    t.on = new Uint8Array(n);
    eachPosting(t.entry.list, function (d, imp) {
      t.on[d] = 1;
      var s = w * imp / MAX_IMPACT;
      score[d] += has && !has(d) ? s * FORM_MISS : s;
      cover[d] += w;
    });
  });
  var best = 0, i;
  for (i = 0; i < n; i++) if (cover[i] > best) best = cover[i];
  var floor = terms.length <= 2 ? best * 0.999 : best * MIN_COVER, ids = [];
  if (best > 0) {
    for (i = 0; i < n; i++) {
      if (cover[i] >= floor && cover[i] > 0) {
        ids.push(i);
        score[i] *= Math.pow(cover[i] / total, COVER_POWER);
      }
    }
  }
  // Pairs can only reorder pages whose syllables already score near the
  // top: test the best PAIR_CANDIDATES.
  var top = ids;
  if (ids.length > PAIR_CANDIDATES) {
    top = byScore(ids, score).slice(0, PAIR_CANDIDATES);
  }
  p.pairs.forEach(function (pr) {
    var a = pr[0], b = pr[1];
    if (!a.entry || !b.entry) return;
    var test = pairTest(a, b);
    if (!test) return;
    var w = PAIR_WEIGHT * PAIR_IMPACT * (idf(n, a.entry.df) + idf(n, b.entry.df)) / 2;
    top.forEach(function (d) {
      if (a.on[d] && b.on[d] && test(d)) score[d] += (test(d, true) ? w * PAIR_TITLE : w) * Math.pow(cover[d] / total, COVER_POWER);
    });
  });
  return { ids: ids, score: score };
};

// formsOf lists the exact forms of a term's syllable, each with a test
// "does page d have it", the most used first.
function formsOf(t) {
  var m = own_(t.shard.f, t.key);
  if (!m) return [{ form: t.entry.display, has: function () { return true; } }];
  var names = m[0].split("|").concat(Object.keys(m[2] || {}));
  return names.map(function (exact) { return { form: exact, has: form(t.shard, exact).test }; });
}

// suggestion is the query as the best result spells it, when a syllable
// was corrected or split, or that result lacks marks that were typed.
// Words typed without marks keep their spelling unless the whole query
// had none. A word's spelling is taken, first, from a run of two or more
// of the query's words in the best result's title, headings or text
// ("tiêm chủng", not the page's commoner "chứng"); else it is the form
// of the syllable that page has, the most used first.
function suggestion(p, top, frag) {
  if (top === undefined) return "";
  var bare = p.terms.every(function (t) { return !t.marked || t.corrected; }), changed = !!p.split;
  var termOf = p.toks.map(function (tok) {
    return p.terms.filter(function (x) { return x.typed === tok.exact; })[0];
  });
  var phrase = frag ? phraseForms(p.toks, termOf, frag) : [];
  var words = p.toks.map(function (tok, i) {
    var t = termOf[i];
    if (!t || !t.entry) return bare && phrase[i] ? phrase[i] : tok.exact;
    var forms = formsOf(t), here = forms.filter(function (f) { return f.has(top); })[0] || forms[0];
    var spelt = phrase[i] || here.form;
    var respell = t.corrected || t.respell;
    if (respell || (t.marked && spelt !== tok.exact)) changed = true;
    if (respell || bare || (t.marked && (phrase[i] ? phrase[i] !== tok.exact : !forms.some(function (f) { return f.form === tok.exact && f.has(top); })))) return spelt;
    return tok.exact;
  });
  return changed ? words.join(" ") : "";
}

// phraseForms finds, for each word of the query, the longest run of two
// or more of the query's words (by key, corrected where they were) side
// by side in a page's fragment, and returns the word's exact form there.
function phraseForms(toks, termOf, frag) {
  var keys = toks.map(function (tok, i) { return termOf[i] ? termOf[i].key : tok.key; });
  var texts = [frag.t];
  frag.s.forEach(function (sec) { texts.push(sec[1], sec[2]); });
  var longest = [], out = [];
  texts.forEach(function (text) {
    var f = tokenize(text || "");
    for (var i = 0; i < keys.length; i++) {
      for (var j = 0; j < f.length; j++) {
        var k = 0;
        while (i + k < keys.length && j + k < f.length && keys[i + k] === f[j + k].key &&
          (k === 0 || (!toks[i + k].brk && !f[j + k].brk))) k++;
        if (k < 2) continue;
        for (var m = 0; m < k; m++) {
          if (!(longest[i + m] >= k)) { longest[i + m] = k; out[i + m] = f[j + m].exact; }
        }
      }
    }
  });
  return out;
}

// facets counts the results by type (under the topic filter) and by topic
// (under the type filter), and applies both filters.
function facets(ids, meta, f) {
  var types = {}, topics = {}, out = [];
  ids.forEach(function (d) {
    var ty = meta.t[d], ts = meta.c[d];
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
    var ids = self.sort.value === "ngay" ? fc.ids.slice().sort(function (a, b) { return a - b; }) : byScore(fc.ids, r.score);
    var ms = performance.now() - t0;
    return (ids.length ? self.ix.fragment(ids[0]) : Promise.resolve(null)).then(function (frag) {
      if (seq !== self.seq) return;
      self.result = { q: q, p: p, ids: ids, hint: suggestion(p, ids[0], frag), ms: ms };
      self.renderFacets(fc, f);
      self.renderStatus();
      return self.show(PER_PAGE, seq);
    });
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
  var title = tokenize(frag.t), titleKeys = {};
  title.forEach(function (t) { titleKeys[t.key] = true; });
  var inTitle = p.terms.every(function (t) { return titleKeys[t.key]; });
  if (best && best.sec[0] && best.score > 0 && !inTitle) {
    url += "#" + best.sec[0];
    where = best.sec[1];
  }
  var m = this.ix.m, type = m.types[this.ix.meta.t[id]][1];
  return '<li class="search-result"><a class="search-result-link" href="' + escapeHTML(url) + '">' +
    markWords(title, best ? best.keys : {}) + "</a>" +
    '<p class="search-result-meta">' + escapeHTML(type) + (frag.d ? " · " + escapeHTML(frag.d) : "") +
    (where ? " · § " + escapeHTML(where) : "") + "</p>" +
    (best ? '<p class="search-result-snippet">' + snippetHTML(best) + "</p>" : "") + "</li>";
};

// markWords writes tokenized text as HTML with the query's words marked.
function markWords(toks, keys) {
  var text = toks.text, html = "", pos = 0;
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
