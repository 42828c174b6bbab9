// Run by internal/search's Go tests with node's test runner: the JS side
// must agree with the Go side on testdata/text-cases.json.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const { tokenize } = require("./vi.js");

const cases = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "testdata", "text-cases.json"), "utf8"));

for (const c of cases) {
  test(c.note, () => {
    const got = tokenize(c.in).map((t, i) => (i > 0 && t.brk ? [t.exact, t.key, true] : [t.exact, t.key]));
    const want = c.out.map((w, i) => (i === 0 ? w.slice(0, 2) : w));
    assert.deepStrictEqual(got, want);
  });
}
