// The engine benchmark: this library (the built package in Node, warmed up)
// against skmeans, ml-kmeans and scikit-learn (KMeans(algorithm="lloyd") on
// one thread, from bench/python/setup.sh's pinned environment) on synthetic
// Likert answers (100,000 x 12, k = 6; 1,000,000 x 12 with --million):
//   (a) Lloyd iterations from identical centroids -> ms/iteration and
//       ns per multiply-add (one iteration is n*k*d multiply-adds)
//   (b) one fit with one k-means++ start -> time, iterations, inertia
//   (c) segment() with its defaults on the same answers read as a survey,
//       against one skmeans fit, and its stages (the scan's fits and
//       quality, stability) timed from onProgress; then the same with restarts: 10
//       (the default before starts adapted to the data)
// Every figure is the median of --repeats runs (default 5) after a warm-up;
// ratios are "theirs / ours" (above 1: we are faster).
//
//   node bench/kmeans.mjs [--million] [--repeats N] [--browser] [--no-sklearn] [--no-segment]
//
// Run after scripts/build-pkg.sh. Never part of the tests.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { kmeans as mlKmeans } from "ml-kmeans";
import { likertMatrix, initialCentroids, inertiaOf, likertCsv } from "./synthetic.mjs";

const require = createRequire(import.meta.url);
const skmeans = require("skmeans");
const root = fileURLToPath(new URL("../", import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? Number(args[i + 1]) : fallback;
};
const REPEATS = value("--repeats", 5);
const ROWS = flag("--million") ? [100_000, 1_000_000] : [100_000];
const WIDTH = 12;
const K = 6;
const ITERATIONS = 50;
const python = `${root}bench/.venv/bin/python`;

const lib = await import(`${root}pkg/citizen_segments.js`);
lib.initSync({ module: readFileSync(`${root}pkg/citizen_segments_bg.wasm`) });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** Median milliseconds of `repeats` calls after one untimed call, and the last result. */
function timed(fn, repeats = REPEATS) {
  let out = fn();
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    out = fn();
    times.push(performance.now() - start);
  }
  return [median(times), out];
}
const rows_ = [];
const row = (rows, what, who, figure, ratio = "") => {
  rows_.push({ rows, what, who, figure, ratio });
  console.log(`${String(rows).padStart(9)}  ${what.padEnd(26)} ${who.padEnd(24)} ${String(figure).padEnd(30)} ${ratio}`);
};
const ratio = (theirs, ours) => `${(theirs / ours).toFixed(2)}x`;

function sklearn(flat, rows, init) {
  if (flag("--no-sklearn")) return null;
  if (!existsSync(python)) {
    console.log("(no bench/.venv: run `bash bench/python/setup.sh` for scikit-learn)");
    return null;
  }
  mkdirSync(`${root}bench/data`, { recursive: true });
  const matrix = `${root}bench/data/matrix-${rows}.f64`;
  const centres = `${root}bench/data/init-${rows}.f64`;
  writeFileSync(matrix, Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength));
  writeFileSync(centres, Buffer.from(init.buffer, init.byteOffset, init.byteLength));
  const out = execFileSync(
    python,
    [`${root}bench/python/sklearn_bench.py`, matrix, rows, WIDTH, K, centres, ITERATIONS, REPEATS].map(String),
    { encoding: "utf8", env: { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" } },
  );
  return JSON.parse(out);
}

// Stages that report when they have finished a step (each job of the scan:
// a start of a k, or one k's quality; each stability job): the time up to
// such a report is that step's. The
// other reports come before their stage's work: the time after them is theirs.
const AFTER_WORK = new Set(["Comparing numbers of segments", "Checking how stable the segments are"]);

/** segment() with `options`; milliseconds per stage from onProgress. */
function segmentRun(survey, options) {
  const marks = [];
  const start = performance.now();
  const result = lib.segment(survey, options, (p) => marks.push([p.stage, performance.now()]));
  const end = performance.now();
  const json = result.toJSON();
  result.free?.();
  const stages = new Map();
  const add = (stage, ms) => stages.set(stage, (stages.get(stage) ?? 0) + ms);
  for (let i = 0; i < marks.length; i++) {
    const [stage, at] = marks[i];
    const next = i + 1 < marks.length ? marks[i + 1] : ["", end];
    if (AFTER_WORK.has(next[0])) add(next[0], next[1] - at);
    else add(stage === "Profiling the segments" ? "Profiles, briefs, projection" : stage, next[1] - at);
  }
  return { ms: end - start, stages, k: json.k, starts: json.starts, restarts: json.restarts };
}

async function browser(rows) {
  const { serveStatic, launchChromium } = await import("../tests/page/harness.mjs");
  const server = await serveStatic(root);
  const chromium = await launchChromium();
  const page = await chromium.newPage();
  await page.goto(`${server.url}bench/kmeans.html`);
  await page.waitForFunction(() => typeof window.runKmeans === "function");
  const a = await page.evaluate(([r, it]) => window.runKmeans(r, it, "fixed"), [rows, ITERATIONS]);
  const b = await page.evaluate((r) => window.runKmeans(r, 0, "fit"), rows);
  await chromium.close();
  await server.close();
  return { a, b };
}

console.log(`citizen-segments engine benchmark: median of ${REPEATS} runs, Node ${process.version}`);
for (const rows of ROWS) {
  const flat = likertMatrix(rows, WIDTH, 2026);
  const nested = Array.from({ length: rows }, (_, i) => Array.from(flat.subarray(i * WIDTH, (i + 1) * WIDTH)));
  const init = initialCentroids(flat, WIDTH, K);
  const initNested = () => Array.from({ length: K }, (_, c) => Array.from(init.subarray(c * WIDTH, (c + 1) * WIDTH)));
  const madds = rows * K * WIDTH;
  console.log(`\n== ${rows} x ${WIDTH}, k = ${K} (one iteration = n*k*d = ${(madds / 1e6).toFixed(1)} M multiply-adds)`);

  // (a) fixed iterations from the same centroids
  const [tOurs, rOurs] = timed(() => lib.kmeans(flat, WIDTH, { k: K, initialCentroids: Array.from(init), maxIterations: ITERATIONS, tolerance: 0 }));
  const oursIt = tOurs / rOurs.iterations;
  const perMadd = (ms) => `${((ms * 1e6) / madds).toFixed(2)} ns/madd`;
  row(rows, "(a) ms/iteration", "citizen-segments", `${oursIt.toFixed(2)} (${rOurs.iterations} it, ${perMadd(oursIt)})`);
  const [tSk, rSk] = timed(() => skmeans(nested, K, initNested(), ITERATIONS));
  row(rows, "(a) ms/iteration", "skmeans", `${(tSk / rSk.it).toFixed(2)} (${rSk.it} it)`, ratio(tSk / rSk.it, oursIt));
  const [tMl, rMl] = timed(() => mlKmeans(nested, K, { initialization: initNested(), maxIterations: ITERATIONS, tolerance: 0 }));
  row(rows, "(a) ms/iteration", "ml-kmeans", `${(tMl / rMl.iterations).toFixed(2)} (${rMl.iterations} it)`, ratio(tMl / rMl.iterations, oursIt));
  const py = sklearn(flat, rows, init);
  if (py) {
    const it = py.fixed.ms / py.fixed.iterations;
    row(rows, "(a) ms/iteration", `scikit-learn ${py.version}`, `${it.toFixed(2)} (${py.fixed.iterations} it)`, ratio(it, oursIt));
  }

  // (b) a whole fit, one k-means++ start
  const [tFit, rFit] = timed(() => lib.kmeans(flat, WIDTH, { k: K, seed: 1, restarts: 1 }));
  const fit = (ms, it, inertia) => `${ms.toFixed(1)} ms, ${it} it, inertia ${inertia.toFixed(0)}`;
  row(rows, "(b) fit, 1 k-means++ start", "citizen-segments", fit(tFit, rFit.iterations, rFit.inertia));
  const [tSkFit, rSkFit] = timed(() => skmeans(nested, K, "kmpp"));
  const skInertia = inertiaOf(flat, WIDTH, rSkFit.centroids, rSkFit.idxs);
  row(rows, "(b) fit, 1 k-means++ start", "skmeans", fit(tSkFit, rSkFit.it, skInertia), ratio(tSkFit, tFit));
  const [tMlFit, rMlFit] = timed(() => mlKmeans(nested, K, { seed: 1 }));
  row(rows, "(b) fit, 1 k-means++ start", "ml-kmeans", fit(tMlFit, rMlFit.iterations, inertiaOf(flat, WIDTH, rMlFit.centroids, rMlFit.clusters)), ratio(tMlFit, tFit));
  if (py) row(rows, "(b) fit, 1 k-means++ start", "scikit-learn", fit(py.fit.ms, py.fit.iterations, py.fit.inertia), ratio(py.fit.ms, tFit));

  if (flag("--browser")) {
    const b = await browser(rows);
    row(rows, "(a) ms/iteration", "citizen-segments chrome", (b.a.ms / b.a.iterations).toFixed(2));
    row(rows, "(b) fit, 1 k-means++ start", "citizen-segments chrome", fit(b.b.ms, b.b.iterations, b.b.inertia));
  }

  // (c) segment() with defaults against one skmeans fit; the old default
  // (10 starts at every k, stability runs too) in the same run for comparison
  if (!flag("--no-segment")) {
    const survey = lib.parseSurvey(likertCsv(flat, rows, WIDTH));
    const repeats = rows > 100_000 ? 1 : Math.min(REPEATS, 3);
    const configs = [
      ["defaults", {}],
      ["restarts: 10", { restarts: 10 }],
    ];
    for (const [name, options] of configs) {
      const runs = [];
      segmentRun(survey, options);
      for (let i = 0; i < repeats; i++) runs.push(segmentRun(survey, options));
      const ms = median(runs.map((r) => r.ms));
      const how = `${(ms / 1000).toFixed(2)} s, k = ${runs[0].k}, ${runs[0].starts} starts at k`;
      row(rows, `(c) segment() ${name}`, "citizen-segments", how, `${(ms / tSkFit).toFixed(1)} skmeans fits`);
      for (const stage of runs[0].stages.keys()) {
        const t = median(runs.map((r) => r.stages.get(stage) ?? 0));
        row(rows, "(c) stage", stage, `${t.toFixed(0)} ms (${((100 * t) / ms).toFixed(0)} %)`);
      }
    }
  }
}
if (!flag("--browser")) console.log("\n(Chromium figures with --browser; 1,000,000 rows with --million.)");
