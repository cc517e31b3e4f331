// The worker pool: the page's worker (worker.js) spreads the k-means jobs of
// one segmentation (the package's SegmentRun) over itself and a few helper
// workers, each with its own wasm instance made from the module the page
// compiled once, and its own copy of the fitted rows. Results go back to the
// run in job order, so the segmentation is the same whatever the pool size.
//
// Helpers are made from this worker's own code (self.location, a blob URL
// made at start-up, so nothing is fetched) and live for one run: they are
// terminated when it ends, and with this worker when the page cancels it.
// Messages to a helper: { type: "poolInit", module, data, width, weights },
// then { type: "poolJob", id, job }; it answers { id, result } or
// { id, error }.
import { initSync, JobRunner } from "citizen-segments";

/** At most this many instances run jobs, this one included. */
export const MAX_POOL = 8;
/** Memory the helpers' copies of the rows may take in all (bytes, about). */
const HELPER_MEMORY = 768 * 1024 * 1024;

/** The pool size: `requested` if it is a number from 1 to 8, else hardwareConcurrency - 1 (1 to 8). */
export function poolSize(requested) {
  const asked = Number(requested);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, MAX_POOL);
  const cores = Number(self.navigator?.hardwareConcurrency) || 2;
  return Math.max(1, Math.min(cores - 1, MAX_POOL));
}

/** Lets the messages waiting (helpers' results) be handled: a task, without setTimeout's clamping. */
function yieldToMessages() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A helper worker running jobs on its copy of the rows; `run(job)` resolves with the result. */
function startHelper(module, rows) {
  const worker = new Worker(self.location.href, { type: "module" });
  const waiting = new Map();
  let next = 0;
  let failed = null;
  const fail = (message) => {
    failed = new Error(`A pool worker stopped: ${message}`);
    for (const { reject } of waiting.values()) reject(failed);
    waiting.clear();
  };
  worker.onmessage = ({ data }) => {
    const job = waiting.get(data.id);
    if (!job) return;
    waiting.delete(data.id);
    if (data.error !== undefined) job.reject(new Error(data.error));
    else job.resolve(data.result);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(event.message || "it stopped without saying why");
  };
  worker.onmessageerror = () => fail("a message from it could not be read");
  worker.postMessage({ type: "poolInit", module, data: rows.data, width: rows.width, weights: rows.weights });
  return {
    run(job) {
      if (failed) return Promise.reject(failed);
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ type: "poolJob", id, job });
      });
    },
    stop: () => worker.terminate(),
  };
}

/** How many helpers to start for `size` instances in all, with rows of `bytes`. */
export function helpersFor(size, bytes) {
  const each = Math.max(1, bytes) * 3;
  return Math.max(0, Math.min(size - 1, Math.floor(HELPER_MEMORY / each)));
}

/**
 * Runs `run` (a SegmentRun) to the end with `size` instances: this one and
 * size - 1 helpers (fewer when their copies of the rows would take too much
 * memory; onPool({ size, helpers }) hears how many). `onProgress({ stage,
 * fraction })` hears every step.
 * Returns the Segmentation; throws what a job or the run threw.
 */
export async function runPooled(run, { size, module, onProgress, onPool }) {
  let batch = run.next(onProgress);
  if (!batch) return run.finish();
  const rows = run.fitRows();
  const wanted = typeof Worker === "function" ? helpersFor(size, rows.data.byteLength + rows.weights.byteLength) : 0;
  const helpers = [];
  onPool?.({ size, helpers: wanted });
  try {
    for (let i = 0; i < wanted; i += 1) helpers.push(startHelper(module, rows));
    while (batch) {
      run.supply(await runBatch(run, batch, helpers, onProgress));
      batch = run.next(onProgress);
    }
  } finally {
    for (const helper of helpers) helper.stop();
  }
  return run.finish();
}

/** Every job of `batch`, run by whichever lane is free (two jobs in flight per helper), results in job order. */
async function runBatch(run, batch, helpers, onProgress) {
  const { jobs, stage, from, to } = batch;
  const results = new Array(jobs.length);
  let taken = 0;
  let done = 0;
  let stopped = false; // a lane failed: the others take no more jobs
  const finished = () => {
    done += 1;
    onProgress?.({ stage, fraction: from + ((to - from) * done) / jobs.length });
  };
  const local = async () => {
    while (!stopped && taken < jobs.length) {
      const i = taken++;
      results[i] = run.runJob(jobs[i]);
      finished();
      if (helpers.length > 0) await yieldToMessages();
    }
  };
  const remote = async (helper) => {
    while (!stopped && taken < jobs.length) {
      const i = taken++;
      results[i] = await helper.run(jobs[i]);
      finished();
    }
  };
  // Helpers get their first jobs before this instance starts on its own.
  const lanes = helpers.flatMap((helper) => [remote(helper), remote(helper)]);
  lanes.push(local());
  const stop = (error) => {
    stopped = true;
    throw error;
  };
  await Promise.all(lanes.map((lane) => lane.catch(stop)));
  return results;
}

/** What a helper does with its messages (called from worker.js). */
export function helperTask(data) {
  if (data.type === "poolInit") {
    initSync({ module: data.module });
    self.poolRunner = new JobRunner(data.data, data.width, data.weights);
    return;
  }
  try {
    self.postMessage({ id: data.id, result: self.poolRunner.run(data.job) });
  } catch (error) {
    self.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) });
  }
}
