// The job protocol of SegmentRun run by hand, as the page's pool runs it:
// the jobs of each batch are spread over 1, 2 and 3 worker threads (each its
// own wasm instance with a copy of the fitted rows, made by JobRunner), the
// results are given back in job order, and the segmentation is exactly
// segment()'s.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { Worker } from "node:worker_threads";
import { readFileSync } from "node:fs";
import lib, { sample } from "./load.mjs";

const { parseSurvey, segment, SegmentRun, JobRunner } = lib;

// A worker thread: loads the package on its own, then runs jobs on the rows it is given.
const WORKER = `
import { parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";
const pkg = new URL("pkg/", workerData.root);
const lib = await import(new URL("citizen_segments.js", pkg));
lib.initSync({ module: readFileSync(new URL("citizen_segments_bg.wasm", pkg)) });
let runner = null;
parentPort.on("message", ({ id, rows, job }) => {
  try {
    if (rows) runner = new lib.JobRunner(rows.data, rows.width, rows.weights);
    parentPort.postMessage({ id, result: job ? runner.run(job) : null });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
`;

const root = new URL("../../", import.meta.url).href;
const threads = [];
after(() => Promise.all(threads.map((t) => t.terminate())));

function thread() {
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER)}`), { workerData: { root } });
  threads.push(worker);
  const waiting = new Map();
  let next = 0;
  worker.on("message", ({ id, result, error }) => {
    const { resolve, reject } = waiting.get(id);
    waiting.delete(id);
    if (error) reject(new Error(error));
    else resolve(result);
  });
  const send = (message) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  return { send };
}

/** Runs `run` to the end with `count` threads, job i of each batch on thread i % count, later jobs first. */
async function pooled(run, count) {
  const workers = Array.from({ length: count }, thread);
  let batch = run.next();
  let given = false;
  const batches = [];
  while (batch) {
    if (!given) {
      const rows = run.fitRows();
      await Promise.all(workers.map((w) => w.send({ rows })));
      given = true;
    }
    batches.push({ stage: batch.stage, jobs: batch.jobs.length });
    const order = batch.jobs.map((_, i) => i).reverse();
    const results = new Array(batch.jobs.length);
    await Promise.all(order.map(async (i) => (results[i] = await workers[i % count].send({ job: batch.jobs[i] }))));
    run.supply(results);
    batch = run.next();
  }
  return { segmentation: run.finish(), batches };
}

const survey = parseSurvey(sample);
const cases = [
  ["the defaults (k scanned, stability on)", undefined],
  ["a fixed k with stability", { k: 3, restarts: 4, stabilityRuns: 3, seed: 7 }],
];

for (const [name, options] of cases) {
  const expected = JSON.stringify(segment(survey, options).toJSON());
  for (const count of [1, 2, 3]) {
    test(`${name}: jobs over ${count} worker thread(s) give segment()'s JSON`, async () => {
      const run = new SegmentRun(survey, options);
      const { segmentation, batches } = await pooled(run, count);
      assert.equal(JSON.stringify(segmentation.toJSON()), expected);
      assert.ok(batches.length >= 2, "fits, then stability");
      assert.ok(batches.every((b) => b.jobs > 0 && typeof b.stage === "string"));
      run.free();
    });
  }
}

// The determinism golden file (its first line the options, its second the assignments), through the pool.
const [goldenOptions, goldenLine] = readFileSync(new URL("../golden/sample-assignments.txt", import.meta.url), "utf8").split("\n");
for (const count of [1, 2, 3]) {
  test(`the golden assignments with ${count} worker thread(s)`, async () => {
    const run = new SegmentRun(survey, JSON.parse(goldenOptions));
    const { segmentation } = await pooled(run, count);
    assert.equal(Array.from(segmentation.assignments).join(","), goldenLine);
    run.free();
  });
}

test("jobs run here give segment()'s result too, with its progress", () => {
  const run = new SegmentRun(survey, { kMax: 4 });
  const heard = [];
  for (let batch = run.next((p) => heard.push(p)); batch; batch = run.next((p) => heard.push(p))) {
    run.supply(batch.jobs.map((job) => run.runJob(job)));
  }
  assert.equal(JSON.stringify(run.finish().toJSON()), JSON.stringify(segment(survey, { kMax: 4 }).toJSON()));
  assert.deepEqual(
    heard.map((p) => p.stage),
    ["Encoding the answers", "Finding segments", "Profiling the segments"],
  );
});

test("a run used out of turn or given wrong results throws in words and stays usable", () => {
  assert.throws(() => new SegmentRun(survey, { restarts: 0 }), /restarts must be at least 1/);
  const run = new SegmentRun(survey, { k: 2, restarts: 2, stability: false });
  assert.throws(() => run.finish(), /not made yet/);
  assert.throws(() => run.supply([]), /call next\(\) first/);
  const batch = run.next();
  assert.throws(() => run.supply("no"), /array of job results/);
  assert.throws(() => run.supply([{ kind: "other" }, { kind: "other" }]), /kind must be/);
  const results = batch.jobs.map((job) => run.runJob(job));
  assert.throws(() => run.supply([...results].reverse()), /start \d is not one of the job's/);
  assert.throws(() => run.runJob({ kind: "starts", k: 2 }), /missing field/);
  assert.throws(() => new JobRunner(new Float64Array(5), 2, new Float64Array(2)), /do not make rows of 2/);
  run.supply(results);
  assert.equal(run.next(), null);
  assert.equal(run.finish().k, 2);
});
