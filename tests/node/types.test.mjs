// The generated TypeScript surface: checked against a committed golden file
// (as tsify's own e2e tests do), and free of `any` outside wasm-bindgen's
// internal InitOutput block. UPDATE_GOLDEN=1 rewrites the golden file; never
// under CI=true.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

const generated = readFileSync(new URL("../../pkg/citizen_segments.d.ts", import.meta.url), "utf8");
const goldenUrl = new URL("../golden/citizen_segments.d.ts", import.meta.url);

test("the .d.ts matches the committed golden file", () => {
  if (process.env.UPDATE_GOLDEN === "1" && process.env.CI !== "true") writeFileSync(goldenUrl, generated);
  assert.equal(generated, readFileSync(goldenUrl, "utf8"), "run UPDATE_GOLDEN=1 node --test tests/node/types.test.mjs and review the diff");
});

test("the public surface has no any", () => {
  const publicPart = generated.split("export type InitInput")[0];
  const offending = publicPart.split("\n").filter((line) => /\bany\b/.test(line) && !/^\s*(\*|\/\/)/.test(line));
  assert.deepEqual(offending, []);
});

test("the main entry points are typed", () => {
  assert.match(generated, /export function parseSurvey\(input: string \| Uint8Array, options\?: ImportOptions \| null\): Survey;/);
  assert.match(generated, /export function segment\(survey: Survey, options\?: SegmentOptions, onProgress\?: \(progress: Progress\) => void\): Segmentation;/);
  assert.match(generated, /export function assign\(model: Model, survey: Survey\): Assignment;/);
  assert.match(generated, /toJSON\(\): SegmentationData;/);
});

test("typical use type-checks under tsc --strict", () => {
  const tsc = new URL("../../node_modules/typescript/bin/tsc", import.meta.url).pathname;
  const file = new URL("../typescript/usage.ts", import.meta.url).pathname;
  const args = [tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--lib", "esnext,dom", file];
  const run = spawnSync("node", args, { encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
