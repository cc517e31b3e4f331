// The short form from JS (issue 14): segmentation.shortForm and
// assignShortForm on the sample survey with k = 4.
import { test } from "node:test";
import assert from "node:assert/strict";
import lib, { sample } from "./load.mjs";
import { csvRows } from "./csv.mjs";

const { parseSurvey, segment, assignShortForm, shortFormHtml } = lib;

const survey = parseSurvey(new Uint8Array(sample));
const full = segment(survey, { k: 4, seed: 2026 });
const form = full.shortForm({ folds: 4 });
const [header, ...rows] = csvRows(sample.toString("utf8"));

/** One respondent's raw answers to the form's questions. */
function answersOf(row, questions = form.questions) {
  const answers = {};
  for (const q of questions) answers[q.column] = row[header.indexOf(q.column)];
  return answers;
}

test("shortForm chooses at most five questions that agree with the full survey", () => {
  assert.ok(form.questions.length >= 1 && form.questions.length <= 5);
  assert.equal(form.chosen, true);
  assert.equal(form.seed, 2026);
  assert.equal(form.accuracy.folds, 4);
  assert.ok(form.accuracy.overall >= 0.85, JSON.stringify(form.accuracy));
  assert.equal(form.accuracy.segments.length, 4);
  for (const q of form.questions) {
    assert.notEqual(q.column, "respondent_id");
    assert.notEqual(q.column, "comments");
    assert.ok(q.options.length > 0);
  }
  assert.deepEqual(form.segments.map((s) => s.name), full.segments.map((s) => s.name));
  assert.match(form.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
  assert.ok(form.rules.length > 0 && form.tree.length > 0);
});

test("assignShortForm on the raw answers agrees with the segmentation for at least 85 %", () => {
  const plain = JSON.parse(JSON.stringify(form));
  let agree = 0;
  rows.forEach((row, i) => {
    const got = assignShortForm(plain, answersOf(row));
    assert.equal(got.name, form.segments.find((s) => s.id === got.segment).name);
    if (got.segment === full.assignments[i]) agree += 1;
  });
  assert.ok(agree / rows.length >= 0.85, `${agree} of ${rows.length}`);
});

test("answers may be numbers or null, and bad answers throw Errors naming them", () => {
  const blank = Object.fromEntries(form.questions.map((q) => [q.column, null]));
  const empty = Object.fromEntries(form.questions.map((q) => [q.column, ""]));
  assert.deepEqual(assignShortForm(form, blank), assignShortForm(form, empty));
  assert.deepEqual(assignShortForm(form, {}), assignShortForm(form, empty));
  const first = form.questions[0].column;
  assert.throws(() => assignShortForm(form, { [first]: "Not an option" }), (e) => e instanceof Error && e.message.includes("Not an option"));
  assert.throws(() => assignShortForm(form, { no_such_column: "x" }), (e) => e instanceof Error && /does not ask "no_such_column"/.test(e.message));
  assert.throws(() => assignShortForm(form, { [first]: true }), (e) => e instanceof Error && /string, a number or null/.test(e.message));
  assert.throws(() => assignShortForm({ ...form, tree: [] }, {}), (e) => e instanceof Error && /invalid short form/.test(e.message));
});

test("caller-given questions are scored in their order; options are checked", () => {
  const given = full.shortForm({ questions: ["co_design", "age_band"], folds: 4 });
  assert.equal(given.chosen, false);
  assert.deepEqual(given.questions.map((q) => q.column), ["co_design", "age_band"]);
  assert.ok(given.accuracy.overall < form.accuracy.overall);
  const row = rows[0];
  const got = assignShortForm(given, answersOf(row, given.questions));
  assert.ok(got.segment >= 0 && got.segment < 4);
  assert.throws(() => full.shortForm({ maxQuestion: 3 }), (e) => e instanceof Error && /maxQuestion/.test(e.message));
  assert.throws(() => full.shortForm({ questions: ["comments"] }), (e) => e instanceof Error && /free text/.test(e.message));
  assert.throws(() => full.shortForm({ maxQuestions: 0 }), (e) => e instanceof Error && /maxQuestions/.test(e.message));
  assert.deepEqual(full.shortForm({ folds: 4 }), form, "deterministic for a seed");
});

test("shortFormHtml renders an edited form again", () => {
  assert.equal(shortFormHtml(form), form.html);
  const reworded = { ...form, questions: form.questions.map((q, i) => (i === 0 ? { ...q, text: "How should we <reach> you?" } : q)) };
  const html = shortFormHtml(reworded);
  assert.ok(html.includes("<legend>How should we &lt;reach&gt; you?</legend>"));
  assert.throws(() => shortFormHtml({ questions: [] }), (e) => e instanceof Error && /invalid short form/.test(e.message));
});
