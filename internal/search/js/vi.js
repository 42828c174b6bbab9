// vi.js: Vietnamese text for search, the same rules as internal/search
// (Tokenize) and internal/vi (NormalizeTones, Key). Both sides are tested
// on testdata/text-cases.json.
var TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";
var MARK = /\p{Mn}/u;
var WORD = /[\p{L}\p{Nd}\p{Mn}]/u;
var LETTER = /[\p{L}\p{Mn}]/u;
var BREAKS = ".,;:!?…()[]{}\"“”«»|/–—\n";

function isVowel(c) {
  return "aeiouy".indexOf(c.toLowerCase()) >= 0;
}

// nucleus returns [start, end) of the vowel run, without the u of qu and
// the i of gi when a vowel follows them.
function nucleus(letters) {
  var start = -1, end, i;
  for (i = 0; i < letters.length; i++) {
    if (isVowel(letters[i].base)) { start = i; break; }
  }
  if (start < 0) return [-1, -1];
  end = start;
  while (end < letters.length && isVowel(letters[end].base)) end++;
  if (start > 0 && end - start > 1 && letters[start].marks === "") {
    var prev = letters[start - 1].base.toLowerCase(), cur = letters[start].base.toLowerCase();
    if ((prev === "q" && cur === "u") || (prev === "g" && cur === "i")) start++;
  }
  return [start, end];
}

function toneVowel(letters) {
  var se = nucleus(letters), start = se[0], end = se[1], marked = -1, i;
  if (start < 0) return -1;
  for (i = start; i < end; i++) {
    if (letters[i].marks !== "") marked = i;
  }
  if (marked >= 0) return marked;
  var n = end - start;
  if (n === 1) return start;
  if (n >= 3) return start + 1;
  if (end < letters.length) return start + 1;
  var pair = (letters[start].base + letters[start + 1].base).toLowerCase();
  return pair === "oa" || pair === "oe" || pair === "uy" ? start + 1 : start;
}

// placeTone rewrites one NFD letter run with its tone on the canonical vowel.
function placeTone(chars) {
  var letters = [], tone = "", i;
  for (i = 0; i < chars.length; i++) {
    var c = chars[i];
    if (TONE_MARKS.indexOf(c) >= 0) tone = c;
    else if (MARK.test(c) && letters.length) letters[letters.length - 1].marks += c;
    else letters.push({ base: c, marks: "" });
  }
  if (!tone) return chars.join("");
  var at = toneVowel(letters);
  if (at < 0) return chars.join("");
  var out = "";
  for (i = 0; i < letters.length; i++) {
    out += letters[i].base + letters[i].marks;
    if (i === at) out += tone;
  }
  return out;
}

// normalizeTones puts every syllable's tone where the new rules put it
// (hoà, thuý, khoẻ); the result is NFC.
function normalizeTones(s) {
  var out = "", run = [], chars = Array.from(s.normalize("NFD"));
  for (var k = 0; k < chars.length; k++) { // for…of cannot be lowered to old browsers
    var c = chars[k];
    if (LETTER.test(c)) { run.push(c); continue; }
    if (run.length) { out += placeTone(run); run = []; }
    out += c;
  }
  if (run.length) out += placeTone(run);
  return out.normalize("NFC");
}

// foldKey removes every mark, maps đ to d and lowers the case.
function foldKey(s) {
  return s.normalize("NFD").replace(/\p{Mn}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

// tokenize splits text into {exact, key, brk, start, end}; start and end
// are offsets in the NFC text, which it also returns as .text.
function tokenize(text) {
  text = text.normalize("NFC");
  var out = [], brk = true, start = -1, i = 0;
  function push(end) {
    var exact = normalizeTones(text.slice(start, end).toLowerCase());
    var key = foldKey(exact);
    if (key !== "") {
      out.push({ exact: exact, key: key, brk: brk, start: start, end: end });
      brk = false;
    }
    start = -1;
  }
  var chars = Array.from(text);
  for (var k = 0; k < chars.length; k++) {
    var c = chars[k];
    if (WORD.test(c)) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) push(i);
      if (BREAKS.indexOf(c) >= 0) brk = true;
    }
    i += c.length;
  }
  if (start >= 0) push(i);
  out.text = text;
  return out;
}

if (typeof module !== "undefined") {
  module.exports = { tokenize: tokenize, normalizeTones: normalizeTones, foldKey: foldKey };
}
