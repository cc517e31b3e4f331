// The import fixtures (tests/fixtures/import) through the built package, with
// the same expected.json the native tests use: what a JS user gets for each
// file, including the Error's row and column, and that the module keeps
// working after every error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import lib from "./load.mjs";

const dir = new URL("../fixtures/import/", import.meta.url);
const expected = JSON.parse(readFileSync(new URL("expected.json", dir), "utf8"));

/** The parts of a column that expected.json states. */
function shape(c) {
  const out = { name: c.name, kind: c.kind, missing: c.missing };
  if (c.scale) out.scale = { min: c.scale.min, max: c.scale.max };
  if (c.options) out.options = c.options;
  if (c.levels) out.levels = c.levels;
  return out;
}

test("every fixture file has an expectation", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".csv")).sort();
  assert.deepEqual(files, Object.keys(expected).sort());
});

for (const [file, want] of Object.entries(expected)) {
  test(`fixture ${file}`, () => {
    const bytes = new Uint8Array(readFileSync(new URL(file, dir)));
    if (want.error) {
      let thrown;
      try {
        lib.parseSurvey(bytes, want.options);
      } catch (e) {
        thrown = e;
      }
      assert.ok(thrown instanceof Error, "throws a real Error");
      assert.ok(thrown.message.includes(want.error.contains), `${thrown.message} contains ${want.error.contains}`);
      assert.equal(thrown.row, want.error.row);
      assert.equal(thrown.column, want.error.column);
      // One bad call never leaves the module unusable.
      assert.equal(lib.parseSurvey("a,b\n1,2\n").respondents, 1);
      return;
    }
    const survey = lib.parseSurvey(bytes, want.options);
    assert.equal(survey.respondents, want.respondents);
    assert.deepEqual(survey.columns.map(shape), want.columns.map(shape));
    assert.deepEqual(survey.warnings.map((w) => w.code), want.warnings);
    survey.free();
  });
}
