// Roles through the built package (issue 11): the sample's default run is
// clustered on its basis only and recovers the planted segments of
// scripts/make-sample.mjs (tests/fixtures/sample-planted.txt); `basis` and
// `descriptors` change what is clustered and profiled; bad names are refused
// before any k-means, naming the column. The same checks as tests/roles.rs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import lib, { sample } from "./load.mjs";

const { parseSurvey, segment } = lib;
const planted = readFileSync(new URL("../fixtures/sample-planted.txt", import.meta.url), "utf8").trim().split(",").map(Number);
const DESCRIPTORS = ["age_band", "area", "preferred_channel"];

function adjustedRand(a, b) {
  const pairs = (n) => (n * (n - 1)) / 2;
  const table = new Map();
  const rows = new Map();
  const cols = new Map();
  for (let i = 0; i < a.length; i++) {
    const key = `${a[i]},${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  const sum = (m) => [...m.values()].reduce((t, n) => t + pairs(n), 0);
  const index = sum(table);
  const [r, c] = [sum(rows), sum(cols)];
  const expected = (r * c) / pairs(a.length);
  return (index - expected) / ((r + c) / 2 - expected);
}

const withRole = (roles, role) => roles.filter((r) => r.role === role).map((r) => r.question);

test("the sample's default roles: activities and benefits are the basis, who and how to reach are descriptors", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  const roles = survey.roles();
  assert.deepEqual(withRole(roles, "descriptor"), DESCRIPTORS);
  assert.deepEqual(withRole(roles, "leftOut"), ["respondent_id", "comments"]);
  assert.equal(withRole(roles, "basis").length, 8);
  assert.equal(roles.find((r) => r.question === "co_design").reason, "asks about co-design");
});

test("the sample's default run clusters on no descriptor and recovers the planted segments", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  const result = segment(survey, { stability: false });
  const json = result.toJSON();
  const clustered = json.columns.map((c) => c.name);
  assert.deepEqual(clustered, withRole(json.roles, "basis"));
  for (const d of DESCRIPTORS) assert.ok(!clustered.includes(d), `${d} clustered`);
  const profiled = json.profiles.overall.questions.map((q) => [q.question, q.clustered]);
  for (const d of DESCRIPTORS) assert.ok(profiled.some(([q, c]) => q === d && !c), `${d} profiled as a descriptor`);
  assert.equal(result.k, 4);
  const ari = adjustedRand(planted, Array.from(result.assignments));
  assert.ok(ari >= 0.8, `adjusted Rand ${ari.toFixed(3)}`);
  for (const s of json.profiles.segments) {
    const activity = s.brief.lead.activity.replace(/^co([A-Z])/, (_, c) => `co-${c.toLowerCase()}`);
    assert.ok(s.brief.headline.includes(activity) && s.brief.lead.approaches.length, `${activity}: ${s.brief.headline}`);
    assert.match(s.brief.reach, /^Reach them through/);
  }
});

test("basis and descriptors decide what is clustered and profiled; columns still works as the basis", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  const options = { k: 2, stability: false, restarts: 1, basis: ["co_design", "age_band"], descriptors: ["area"] };
  const json = segment(survey, options).toJSON();
  assert.deepEqual(json.columns.map((c) => c.name), ["co_design", "age_band"]);
  assert.deepEqual(json.profiles.overall.questions.map((q) => q.question), ["co_design", "age_band", "area"]);
  const channel = json.roles.find((r) => r.question === "preferred_channel");
  assert.deepEqual([channel.role, channel.reason], ["leftOut", "in neither basis nor descriptors"]);
  const old = segment(survey, { k: 2, stability: false, restarts: 1, columns: ["co_design", "age_band"] }).toJSON();
  assert.deepEqual(old.columns.map((c) => c.name), ["co_design", "age_band"]);
  assert.deepEqual(withRole(old.roles, "descriptor").slice(0, 2), ["co_planning", "co_prioritisation"]);
});

test("unknown names, two basis lists that differ and a column in both roles are Errors naming the column", () => {
  const survey = parseSurvey(new Uint8Array(sample));
  const refused = [
    [{ basis: ["co_design", "ward"] }, /^unknown column\(s\) in basis: ward$/],
    [{ descriptors: ["postcode"] }, /^unknown column\(s\) in descriptors: postcode$/],
    [{ columns: ["co_design"], basis: ["co_planning"] }, /columns and basis both give the questions to cluster, but differ \(columns: co_design; basis: co_planning\)/],
    [{ basis: ["co_design", "area"], descriptors: ["area"] }, /column area is in both basis and descriptors/],
    [{ descriptors: ["comments"] }, /column comments holds text answers, which cannot be profiled/],
  ];
  for (const [options, message] of refused) {
    let progress = 0;
    assert.throws(() => segment(survey, options, () => (progress += 1)), (e) => e instanceof Error && message.test(e.message));
    assert.equal(progress, 0, "refused before any work");
    assert.throws(() => survey.roles(options), (e) => e instanceof Error && message.test(e.message));
  }
});
