// Writes tests/page/fixtures/sample-result.json: the fixed input of the
// page's builder snapshots (tests/page/snapshots.test.mjs). The sample's
// columns, their default roles, and its segmentation with the page's defaults, from the built
// package, cut to the first 120 respondents so the map stays small. Run by
// hand after a change to the result's shape: node scripts/make-page-fixture.mjs
import { readFileSync, writeFileSync } from "node:fs";

const pkg = new URL("../pkg/", import.meta.url);
const lib = await import(new URL("citizen_segments.js", pkg));
lib.initSync({ module: readFileSync(new URL("citizen_segments_bg.wasm", pkg)) });
const survey = lib.parseSurvey(readFileSync(new URL("../www/public/sample-survey.csv", import.meta.url)), { fileName: "sample-survey.csv" });
const result = lib.segment(survey, { seed: 42, k: "auto", kMin: 2, kMax: 8 }).toJSON();
const kept = 120;
result.assignments = result.assignments.slice(0, kept);
result.distances = result.distances?.slice(0, kept);
result.projection.points = result.projection.points.slice(0, kept);
const fixture = { columns: survey.columns, roles: survey.roles(), result };
writeFileSync(new URL("../tests/page/fixtures/sample-result.json", import.meta.url), `${JSON.stringify(fixture, null, 1)}\n`);
