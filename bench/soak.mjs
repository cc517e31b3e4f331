// Soak: many segmentations of the sample in one wasm instance. Prints the
// wasm memory (memory.buffer.byteLength) after runs 1, 10, 100, 1000 (and the
// last), and fails unless every run's result equals run 1's.
//
//   node bench/soak.mjs [runs=1000] [options JSON]
//
// Default options are the library's defaults (k "auto", 10 restarts,
// stability on). A fixed, quicker run: node bench/soak.mjs 1000 '{"k":4}'
import { readFileSync } from "node:fs";

import { soak } from "./soak-core.mjs";

const pkgDir = new URL("../pkg/", import.meta.url);
const lib = await import(new URL("citizen_segments.js", pkgDir));
const wasm = lib.initSync({ module: readFileSync(new URL("citizen_segments_bg.wasm", pkgDir)) });
const sample = readFileSync(new URL("../www/public/sample-survey.csv", import.meta.url));

const runs = Number(process.argv[2] ?? 1000);
const options = process.argv[3] ? JSON.parse(process.argv[3]) : undefined;
const started = performance.now();
const report = soak(lib, wasm.memory, sample, runs, options, (run, bytes) => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`run ${String(run).padStart(5)}: memory ${bytes} bytes (${seconds} s)`);
});
console.log(JSON.stringify({ runs, options: options ?? "defaults", ...report }));
if (report.mismatches.length > 0) {
  console.error(`runs differing from run 1: ${report.mismatches.join(", ")}`);
  process.exit(1);
}
