// A short soak (the 1,000-run one is bench/soak.mjs, by hand): repeated
// segmentations in one instance give identical results, and the wasm memory
// stops growing once the first runs have sized it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { soak } from "../../bench/soak-core.mjs";

const pkgDir = new URL("../../pkg/", import.meta.url);
const lib = await import(new URL("citizen_segments.js", pkgDir));
const wasm = lib.initSync({ module: readFileSync(new URL("citizen_segments_bg.wasm", pkgDir)) });
const sample = readFileSync(new URL("../../www/public/sample-survey.csv", import.meta.url));

test("20 segmentations of the sample: same results, memory flat after the first 10", () => {
  const options = { k: 4, restarts: 2, stabilityRuns: 1 };
  const { bytes, mismatches } = soak(lib, wasm.memory, sample, 20, options);
  assert.deepEqual(mismatches, []);
  assert.equal(bytes[20], bytes[10], `memory grew from ${bytes[10]} to ${bytes[20]} bytes`);
});
