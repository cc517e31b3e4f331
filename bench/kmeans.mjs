// k-means speed: this library in Node and in headless Chromium, skmeans and
// ml-kmeans in Node, and this crate natively, on synthetic Likert answers
// (100,000 x 12 and 1,000,000 x 12, k = 6). Two workloads:
//   (a) 50 Lloyd iterations from identical initial centroids -> ms per iteration
//   (b) a whole fit to convergence with one start -> time, iterations, inertia
// Everything is warmed up before timing.
//
//   node bench/kmeans.mjs [rows...]      (after scripts/build-pkg.sh)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { kmeans as mlKmeans } from "ml-kmeans";
import { serveStatic, launchChromium } from "../tests/page/harness.mjs";
import { likertMatrix, initialCentroids, inertiaOf } from "./synthetic.mjs";

const require = createRequire(import.meta.url);
const skmeans = require("skmeans");
const root = fileURLToPath(new URL("../", import.meta.url));
const sizes = process.argv.slice(2).map(Number);
const ROWS = sizes.length ? sizes : [100_000, 1_000_000];
const WIDTH = 12;
const K = 6;
const ITERATIONS = 50;

const lib = await import(`${root}pkg/citizen_segments.js`);
lib.initSync({ module: readFileSync(`${root}pkg/citizen_segments_bg.wasm`) });

const clock = (fn) => {
  const start = performance.now();
  const out = fn();
  return [performance.now() - start, out];
};
const line = (who, rows, what, value) => console.log(`${who.padEnd(22)} ${String(rows).padStart(9)}  ${what.padEnd(34)} ${value}`);

function ours(flat, rows, init, iterations, tolerance) {
  return lib.kmeans(flat, WIDTH, { k: K, seed: 1, initialCentroids: init ? Array.from(init) : undefined, maxIterations: iterations, tolerance, restarts: 1 });
}

const server = await serveStatic(root);
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`${server.url}bench/kmeans.html`);
await page.waitForFunction(() => typeof window.runKmeans === "function");

const native = (rows) =>
  execFileSync("cargo", ["run", "--quiet", "--release", "--example", "kmeans_bench", "--", String(rows), String(K), String(ITERATIONS)], { cwd: root, encoding: "utf8" }).trim();

for (const rows of ROWS) {
  const flat = likertMatrix(rows, WIDTH, 2026);
  const nested = Array.from({ length: rows }, (_, i) => Array.from(flat.subarray(i * WIDTH, (i + 1) * WIDTH)));
  const init = initialCentroids(flat, WIDTH, K);
  const initNested = Array.from({ length: K }, (_, c) => Array.from(init.subarray(c * WIDTH, (c + 1) * WIDTH)));
  console.log(`\n== ${rows} x ${WIDTH}, k = ${K}`);

  // Warm-up on a slice, so that V8 has tiered the wasm and the JS up.
  const warm = flat.subarray(0, Math.min(rows, 50_000) * WIDTH);
  ours(warm, warm.length / WIDTH, init, 10, 0);
  skmeans(nested.slice(0, 50_000), K, initNested.map((c) => c.slice()), 10);
  mlKmeans(nested.slice(0, 50_000), K, { initialization: initNested.map((c) => c.slice()), maxIterations: 10 });

  // (a) fixed iterations from the same centroids
  const [tOurs, rOurs] = clock(() => ours(flat, rows, init, ITERATIONS, 0));
  line("citizen-segments node", rows, `(a) ms/iteration (${rOurs.iterations} it)`, (tOurs / rOurs.iterations).toFixed(2));
  const [tSk, rSk] = clock(() => skmeans(nested, K, initNested.map((c) => c.slice()), ITERATIONS));
  line("skmeans node", rows, `(a) ms/iteration (${rSk.it} it)`, (tSk / rSk.it).toFixed(2));
  const [tMl, rMl] = clock(() => mlKmeans(nested, K, { initialization: initNested.map((c) => c.slice()), maxIterations: ITERATIONS, tolerance: 0 }));
  line("ml-kmeans node", rows, `(a) ms/iteration (${rMl.iterations} it)`, (tMl / rMl.iterations).toFixed(2));
  const browserA = await page.evaluate(([r, it]) => window.runKmeans(r, it, "fixed"), [rows, ITERATIONS]);
  line("citizen-segments chrome", rows, `(a) ms/iteration (${browserA.iterations} it)`, (browserA.ms / browserA.iterations).toFixed(2));

  // (b) a whole fit to convergence, one k-means++ start
  const [tFit, rFit] = clock(() => lib.kmeans(flat, WIDTH, { k: K, seed: 1, restarts: 1 }));
  line("citizen-segments node", rows, "(b) fit: ms / iterations / inertia", `${tFit.toFixed(0)} / ${rFit.iterations} / ${rFit.inertia.toFixed(1)}`);
  const [tSkFit, rSkFit] = clock(() => skmeans(nested, K, "kmpp"));
  line("skmeans node", rows, "(b) fit: ms / iterations / inertia", `${tSkFit.toFixed(0)} / ${rSkFit.it} / ${inertiaOf(flat, WIDTH, rSkFit.centroids, rSkFit.idxs).toFixed(1)}`);
  const [tMlFit, rMlFit] = clock(() => mlKmeans(nested, K, { seed: 1 }));
  line("ml-kmeans node", rows, "(b) fit: ms / iterations / inertia", `${tMlFit.toFixed(0)} / ${rMlFit.iterations} / ${inertiaOf(flat, WIDTH, rMlFit.centroids, rMlFit.clusters).toFixed(1)}`);
  const browserB = await page.evaluate((r) => window.runKmeans(r, 0, "fit"), rows);
  line("citizen-segments chrome", rows, "(b) fit: ms / iterations / inertia", `${browserB.ms.toFixed(0)} / ${browserB.iterations} / ${browserB.inertia.toFixed(1)}`);
  for (const l of native(rows).split("\n")) console.log(l);
}
await browser.close();
await server.close();
