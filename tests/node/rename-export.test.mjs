import { test } from "node:test";
import assert from "node:assert/strict";
import lib, { sample } from "./load.mjs";

const { parseSurvey, segment, assign, assignmentCsv } = lib;

test("rename changes every name shown without a new segmentation", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  const result = segment(survey, { k: 3, seed: 5, restarts: 1, stability: false });
  const before = result.toJSON();
  const assignmentsBefore = Array.from(result.assignments);
  result.rename({ 1: "  Quiet neighbours ", 2: "Busy volunteers" });
  assert.equal(result.segments[1].name, "Quiet neighbours");
  assert.equal(result.segments[2].name, "Busy volunteers");
  assert.equal(result.segments[0].name, before.segments[0].name);
  const after = result.toJSON();
  assert.equal(after.profiles.segments[1].name, "Quiet neighbours");
  assert.equal(after.profiles.segments[1].brief.name, "Quiet neighbours");
  assert.deepEqual(result.model().names.slice(1), ["Quiet neighbours", "Busy volunteers"]);
  assert.deepEqual(Array.from(result.assignments), assignmentsBefore);
  assert.equal(after.inertia, before.inertia);
  assert.match(result.assignmentsCsv(), /,1,Quiet neighbours,/);
  assert.match(result.profilesCsv().split("\r\n")[0], /,Quiet neighbours,Busy volunteers$/);
  assert.match(result.report({ format: "markdown" }), /Segment 2: Busy volunteers/);
});

test("a bad rename throws an Error naming the problem and changes nothing", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  const result = segment(survey, { k: 3, seed: 5, restarts: 1, stability: false });
  const names = result.segments.map((s) => s.name);
  assert.throws(() => result.rename({ 7: "Nobody" }), (e) => e instanceof Error && /segment 7/.test(e.message));
  assert.throws(() => result.rename({ one: "Nobody" }), /segment id/);
  assert.throws(() => result.rename({ 0: "   " }), /segment 0 a blank name/);
  assert.throws(() => result.rename({ 0: "Twins", 2: " Twins" }), /segments 0 and 2 the same name "Twins"/);
  assert.throws(() => result.rename({ 1: names[0] }), /the same name/);
  assert.throws(() => result.rename(new Map([[0, "x"]])), /plain object/);
  assert.deepEqual(
    result.segments.map((s) => s.name),
    names,
  );
  result.rename({ 0: names[1], 1: names[0] });
  assert.deepEqual(
    result.segments.map((s) => s.name),
    [names[1], names[0], names[2]],
  );
});

test("assign carries ids and names, and assignmentCsv writes the segmentation's CSV", () => {
  const csv = "id,a,b\nr1,1,1\nr2,1,2\nr3,5,5\nr4,5,4\nr5,,\nr6,2,1\n";
  const survey = parseSurvey(csv);
  const result = segment(survey, { k: 2, stability: false, minGroupSize: 1 });
  result.rename({ 0: "=First", 1: "Second" });
  const assigned = assign(JSON.parse(JSON.stringify(result.model())), survey);
  assert.deepEqual(assigned.ids, ["r1", "r2", "r3", "r4", "r5", "r6"]);
  assert.deepEqual(assigned.names, result.segments.map((s) => s.name));
  const written = assignmentCsv(assigned);
  assert.equal(written, result.assignmentsCsv());
  assert.ok(written.includes("\r\nr5,,,\r\n"), "an unassigned respondent gets empty cells, never -1");
  assert.ok(written.includes("\"'=First\""), "a name that looks like a formula is neutralised");
  // A saved assignment (NaN distances become null in JSON) gives the same CSV.
  assert.equal(assignmentCsv(JSON.parse(JSON.stringify(assigned))), written);
  assert.throws(() => assignmentCsv({ ids: [] }), (e) => e instanceof Error && /assignment/.test(e.message));
});
