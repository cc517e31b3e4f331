import { test } from "node:test";
import assert from "node:assert/strict";
import lib, { sample } from "./load.mjs";

const { parseSurvey, segment, assign } = lib;

test("parseSurvey reads the sample survey from bytes and from text alike", () => {
  const fromBytes = parseSurvey(new Uint8Array(sample));
  const fromText = parseSurvey(sample.toString("utf8"));
  assert.equal(fromBytes.respondents, 1500);
  assert.deepEqual(fromText.columns, fromBytes.columns);
  assert.equal(fromBytes.ids[0], "R10001");
  assert.equal(fromBytes.idColumn, "respondent_id");
  assert.match(fromBytes.inputHash, /^[0-9a-f]{16}$/);
});

test("segment returns typed, consistent results and is deterministic for a seed", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  const a = segment(survey, { k: 4, seed: 7, restarts: 3 });
  const b = segment(survey, { k: 4, seed: 7, restarts: 3 });
  assert.equal(a.k, 4);
  assert.ok(a.assignments instanceof Int32Array);
  assert.equal(a.assignments.length, 1500);
  assert.deepEqual(a.assignments, b.assignments);
  assert.ok(a.centroids instanceof Float64Array);
  assert.equal(a.centroids.length, 4 * a.dimensions);
  const summary = a.toJSON();
  assert.equal(summary.seed, 7);
  assert.equal(summary.segments.length, 4);
  const counted = new Map();
  for (const s of a.assignments) counted.set(s, (counted.get(s) ?? 0) + 1);
  for (const s of summary.segments) assert.equal(s.size, counted.get(s.id) ?? 0);
  assert.ok(Math.abs(summary.segments.reduce((t, s) => t + s.share, 0) - 1) < 1e-9);
  assert.ok(summary.inertia > 0);
});

test("a saved model survives JSON and assigns the same respondents to the same segments", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  const result = segment(survey, { k: 4, seed: 11, restarts: 2 });
  const model = JSON.parse(JSON.stringify(result.model()));
  const assigned = assign(model, survey);
  assert.deepEqual(Array.from(assigned.assignments), Array.from(result.assignments));
});

test("bad input throws a real Error with row and column, and the module keeps working", () => {
  assert.throws(() => parseSurvey(""), (e) => e instanceof Error && /empty/i.test(e.message));
  const ragged = "id,a,b\n1,2,3\n2,3\n";
  assert.throws(
    () => parseSurvey(ragged),
    (e) => e instanceof Error && e.row === 3 && /row 3/.test(e.message),
  );
  assert.throws(() => parseSurvey(42), (e) => e instanceof Error);
  const survey = parseSurvey(new Uint8Array(sample));
  assert.throws(() => segment(survey, { k: 0 }), (e) => e instanceof Error && /k/.test(e.message));
  assert.throws(() => segment(survey, { k: "seven" }), (e) => e instanceof Error);
  assert.equal(segment(survey, { k: 3, restarts: 1 }).k, 3);
});

test("options: segment names keyed by id, activities, weights; unknown options are named", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  const result = segment(survey, {
    k: 4,
    stability: false,
    names: { 0: "Digital co-designers" },
    activities: { co_design: "coDesign" },
    weights: { co_design: 2 },
  });
  assert.equal(result.segments[0].name, "Digital co-designers");
  assert.match(result.assignmentsCsv(), /Digital co-designers/);
  assert.throws(() => segment(survey, { k: 4, maxIteration: 5 }), /maxIteration/);
});

test("progress is reported in order and the exports are complete", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  const heard = [];
  const result = segment(survey, { kMax: 5, stabilityRuns: 2, restarts: 2 }, (p) => heard.push(p));
  assert.ok(heard.length >= 6, `heard ${heard.length} reports`);
  assert.ok(heard.every((p, i) => i === 0 || p.fraction >= heard[i - 1].fraction));
  assert.ok(heard.some((p) => /stable/.test(p.stage)));
  const csv = result.assignmentsCsv().trimEnd().split("\r\n");
  assert.equal(csv.length, 1501);
  assert.equal(csv[0], "respondent_id,segment_id,segment_name,distance");
  const names = result.segments.map((s) => s.name);
  // Names may hold commas ("Less engaged, most open to ..."): CSV quotes them.
  const cells = names.map((n) => (/[",]/.test(n) ? `"${n.replaceAll('"', '""')}"` : n));
  assert.ok(result.profilesCsv().startsWith(`question,answer,statistic,All respondents,${cells.join(",")}`));
  const html = result.report({ fileName: "sample-survey.csv" });
  for (const n of names) assert.ok(html.includes(n), `report names ${n}`);
  assert.ok(!/<script/i.test(html));
  assert.match(result.report({ format: "markdown" }), /^# /m);
  assert.throws(() => result.report({ format: "pdf" }), /html.*markdown/);
});

test("a Map where an object is expected is an error, not silently ignored", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  assert.throws(() => segment(survey, { k: 2, names: new Map([[0, "x"]]) }), /names must be a plain object/);
});

test("a Map, Set, function or class instance at any depth is named by its path", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  const model = segment(survey, { k: 2, restarts: 1, stability: false }).model();
  const deep = { ...model, encoding: { ...model.encoding, columns: [model.encoding.columns[0], new Map()] } };
  assert.throws(
    () => segment(survey, { k: 2, previous: deep }),
    /options\.previous\.encoding\.columns\[1\] must be a plain object, not a Map/,
  );
  assert.throws(() => assign({ ...model, names: new Set() }, survey), /model\.names must be a plain object, not a Set/);
  assert.throws(() => segment(survey, { k: 2, weights: { co_design: () => 2 } }), /options\.weights\.co_design .*function/);
  assert.throws(() => segment(survey, { k: 2, names: { 0: new Date(0) } }), /options\.names\.0 .*not a Date/);
  // A part shared twice is data (walked once); a cycle is refused by JSON.
  const shared = { co_design: 2 };
  assert.equal(segment(survey, { k: 2, restarts: 1, stability: false, weights: shared, activities: {} }).k, 2);
  const cycle = { k: 2 };
  cycle.self = cycle;
  assert.throws(() => segment(survey, cycle), /options must be plain JSON-like data/);
  assert.deepEqual(Array.from(assign(model, survey).assignments).length, 1500);
});

test("options that are not data are errors, and the module keeps working", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  assert.throws(() => segment(survey, () => 1), /options must be plain JSON-like data/);
  assert.throws(() => segment(survey, { k: 2, seed: 10n }), /options\.seed must be plain JSON-like data, not a BigInt/);
  assert.throws(() => segment(survey, "k=2"), /invalid options/);
  assert.equal(segment(survey, { k: 2, restarts: 1, stability: false }).k, 2);
});

test("kmeans on a plain matrix returns exactly the MatrixClustering fields, as plain arrays", () => {
  // Two pairs of points: (0,0), (0,2) and (10,0), (10,2); started from
  // (0,0) and (0,2) the split is top/bottom first, then stays.
  const data = new Float64Array([0, 0, 0, 2, 10, 0, 10, 2]);
  const result = lib.kmeans(data, 2, { k: 2, tolerance: 0, initialCentroids: [0, 0, 0, 2] });
  assert.deepEqual(Object.keys(result), ["clusters", "centroids", "inertia", "iterations", "converged"]);
  assert.ok(Array.isArray(result.clusters) && Array.isArray(result.centroids));
  assert.deepEqual(result.clusters, [0, 1, 0, 1]);
  assert.deepEqual(result.centroids, [5, 0, 5, 2]);
  assert.equal(result.inertia, 100);
  assert.equal(result.converged, true);
  assert.equal(typeof result.iterations, "number");
  // A plain array works as data too, and the input is left as it was.
  assert.deepEqual(lib.kmeans(Array.from(data), 2, { k: 2, seed: 3 }).clusters.length, 4);
  assert.deepEqual(Array.from(data), [0, 0, 0, 2, 10, 0, 10, 2]);
});
