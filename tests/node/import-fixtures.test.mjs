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

// Survey-tool exports (tests/fixtures/import/tools, see
// scripts/make-tool-fixtures.py) through the package with no options: the
// same expectations as tests/import_tools.rs, and the planted segments
// recovered by segment() with default options.
const toolDir = new URL("../fixtures/import/tools/", import.meta.url);
const tools = JSON.parse(readFileSync(new URL("expected.json", toolDir), "utf8"));

/** The parts of a column that the tool expectations state. */
function toolShape(c, want) {
  const out = { name: c.name, kind: c.kind };
  if (c.code) out.code = c.code;
  if (c.reason) out.reason = true;
  if (c.otherOf) out.otherOf = c.otherOf;
  if (c.scale && want.scale) {
    out.scale = { min: c.scale.min, max: c.scale.max };
    if (want.scale.labels) out.scale.labels = c.scale.labels;
  }
  if (c.options && want.options) out.options = c.options;
  return out;
}

/** Adjusted Rand index of two labellings (Hubert and Arabie). */
function adjustedRand(a, b) {
  const choose2 = (n) => (n * (n - 1)) / 2;
  const pairs = new Map();
  const rows = new Map();
  const cols = new Map();
  a.forEach((x, i) => {
    const key = `${x}|${b[i]}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  });
  const index = [...pairs.values()].reduce((s, n) => s + choose2(n), 0);
  const sa = [...rows.values()].reduce((s, n) => s + choose2(n), 0);
  const sb = [...cols.values()].reduce((s, n) => s + choose2(n), 0);
  const expected = (sa * sb) / choose2(a.length);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

// The workbooks (tests/fixtures/import/workbooks, see
// scripts/make-workbook-fixtures.py) hold the same exports as XLSX and ODS.
const workbookDir = new URL("../fixtures/import/workbooks/", import.meta.url);
const workbooks = JSON.parse(readFileSync(new URL("expected.json", workbookDir), "utf8"));
const exports = [
  ...Object.entries(tools).map(([file, want]) => [new URL(file, toolDir), file, want]),
  ...Object.entries(workbooks).map(([file, want]) => [new URL(file, workbookDir), file, want]),
];

for (const [url, file, want] of exports) {
  test(`tool export ${file} (${want.tool})`, () => {
    const bytes = new Uint8Array(readFileSync(url));
    const survey = lib.parseSurvey(bytes);
    assert.equal(survey.respondents, want.respondents);
    const byName = new Map(want.columns.map((c) => [c.name, c]));
    assert.deepEqual(
      survey.columns.map((c) => toolShape(c, byName.get(c.name) ?? {})),
      want.columns,
    );
    assert.deepEqual(
      [...new Set(survey.warnings.map((w) => w.code))].sort(),
      [...want.warnings].sort(),
    );
    if (want.segments) {
      const result = lib.segment(survey);
      const ari = adjustedRand(want.segments, Array.from(result.assignments));
      assert.ok(ari >= 0.8, `adjusted Rand ${ari.toFixed(2)} at k = ${result.k}`);
      result.free();
    }
    survey.free();
  });
}

test("a workbook's errors name the sheet, row and column letters", () => {
  const bytes = new Uint8Array(readFileSync(new URL("errors/typo.xlsx", workbookDir)));
  let thrown;
  try {
    lib.parseSurvey(bytes, { fileName: "typo.xlsx" });
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof Error);
  assert.equal(
    thrown.message,
    'typo.xlsx: sheet "Responses", row 5, column C ("Age"): "4o" is not a number',
  );
  assert.deepEqual([thrown.sheet, thrown.row, thrown.column, thrown.columnLetter], ["Responses", 5, "Age", "C"]);
});

test("the sheet option picks a sheet, and an unknown one lists the sheets", () => {
  const bytes = new Uint8Array(readFileSync(new URL("google_sheets.ods", workbookDir)));
  const survey = lib.parseSurvey(bytes, { sheet: "Form responses 1" });
  assert.equal(survey.respondents, 30);
  survey.free();
  assert.throws(
    () => lib.parseSurvey(bytes, { sheet: "Responses" }),
    (e) => e instanceof Error && e.message.includes('its sheets are "Form responses 1", "Empty", "Notes"'),
  );
});

test("legacy, protected and non-spreadsheet files are refused saying what they are", () => {
  for (const [file, says] of [
    ["errors/legacy.xls", "(.xls)"],
    ["errors/protected.xlsx", "password-protected"],
    ["errors/letter.docx", "Word document"],
  ]) {
    const bytes = new Uint8Array(readFileSync(new URL(file, workbookDir)));
    assert.throws(() => lib.parseSurvey(bytes), (e) => e instanceof Error && e.message.includes(says), file);
  }
  assert.equal(lib.parseSurvey("a,b\n1,2\n").respondents, 1);
});
