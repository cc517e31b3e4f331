// The page's side of its one long-lived worker (worker.js). Requests are
// answered in order; each resolves with { type: "result" | "error" |
// "cancelled", ... } and never rejects.
//
// The worker keeps the survey it parsed. When it has to be replaced (Cancel,
// or it died: an `error` or `messageerror` event, or a wasm trap), the new one
// is sent the same file bytes and import options before anything else, so
// the next request works as if nothing had happened.
//
// The page must keep working when the network is cut after it has loaded, so
// the worker's code and the compiled wasm module are fetched once, at
// start-up: each worker is made from a blob URL of that code and is posted the
// compiled module.
import workerUrl from "./worker.js?worker&url";
import wasmUrl from "../../pkg/citizen_segments_bg.wasm?url";

const assets = (async () => {
  const [code, module] = await Promise.all([
    fetch(workerUrl).then((r) => {
      if (!r.ok) throw new Error(`could not load the worker (${r.status})`);
      return r.text();
    }),
    WebAssembly.compileStreaming(fetch(wasmUrl)),
  ]);
  const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  return { url, module };
})();

/**
 * How many instances run a segmentation's k-means jobs (the worker and its
 * helpers): `?workers=N` in the page's address (1 to 8), else the worker
 * decides from hardwareConcurrency.
 */
const POOL = new URLSearchParams(globalThis.location?.search ?? "").get("workers");

/** What each request does, in words for an error message. */
const DOING = {
  load: "Reading the survey",
  segment: "Finding segments",
  rename: "Putting the new names into the downloads",
  assign: "Putting the respondents into the model's segments",
  shortForm: "Making the short form",
};

/**
 * `onStats(stats)` hears the counts summed over every worker so far,
 * { workers, parses, segmentations }, and the live worker's last options
 * { lastImportOptions, lastOptions }. `onIdleDeath(message)` hears of a
 * worker that died while no request was waiting for it.
 */
export function createWorkerClient({ onStats, onIdleDeath } = {}) {
  let worker = null;
  let next = 0;
  let source = null; // { bytes, importOptions } of the survey the worker should hold
  let loading = null; // { before, mine } while a load is waiting: a cancelled load gives `before` back
  const pending = new Map(); // id → { type, resolve, onProgress }
  const totals = { workers: 0, parses: 0, segmentations: 0 };
  let current = { parses: 0, segmentations: 0 }; // the live worker's own counts
  let deathsInARow = 0; // a worker that dies before answering a request is not restarted for ever
  let broken = null; // why no worker can be started, once that is so

  const stats = () => ({
    ...current,
    workers: totals.workers,
    parses: totals.parses + current.parses,
    segmentations: totals.segmentations + current.segmentations,
  });

  function settleAll(outcomeFor) {
    const waiting = [...pending.values()];
    pending.clear();
    for (const job of waiting) job.resolve(outcomeFor(job));
  }

  function replace() {
    // What the worker being replaced held, taken now: a load asked for while
    // the new one starts sends its own bytes.
    const held = source;
    if (worker) {
      worker.terminate();
      totals.parses += current.parses;
      totals.segmentations += current.segmentations;
    }
    current = { parses: 0, segmentations: 0 };
    worker = null;
    return assets.then(
      ({ url, module }) => {
        const fresh = new Worker(url, { type: "module" });
        fresh.onmessage = ({ data }) => fresh === worker && answer(data);
        fresh.onerror = (event) => {
          event.preventDefault();
          if (fresh === worker) died(event.message || "it stopped without saying why");
        };
        fresh.onmessageerror = () => fresh === worker && died("a message from it could not be read");
        worker = fresh;
        totals.workers += 1;
        onStats?.(stats());
        // Messages are handled in order: these come before any request.
        fresh.postMessage({ id: 0, type: "init", module, workers: POOL });
        if (held) fresh.postMessage({ id: 0, type: "load", bytes: held.bytes.slice(0), importOptions: held.importOptions });
      },
      (error) => {
        broken = `The page could not start its worker: ${error.message}`;
        settleAll(() => ({ type: "error", step: "worker", fatal: true, message: broken }));
      },
    );
  }

  function answer(data) {
    if (data.stats) {
      current = data.stats;
      onStats?.(stats());
    }
    if (data.type === "error" && data.fatal) {
      died(`${data.name ?? "Error"}: ${data.message}`);
      return;
    }
    if (data.type === "result" && data.id !== 0) deathsInARow = 0; // a request of the page's, not the set-up
    const job = pending.get(data.id);
    if (!job) return;
    if (data.type === "progress") {
      job.onProgress?.(data);
      return;
    }
    pending.delete(data.id);
    job.resolve(data);
  }

  /** The worker died or trapped: every waiting request fails in words, and a fresh worker takes over. */
  function died(detail) {
    deathsInARow += 1;
    if (deathsInARow >= 3) broken = `The page's worker keeps stopping (${detail}). Reload the page to start again.`;
    if (pending.size === 0) onIdleDeath?.(broken ?? `The page's worker stopped (${detail}). It has been restarted with the same survey.`);
    settleAll((job) => ({
      type: "error",
      step: "worker",
      fatal: true,
      message:
        broken ??
        `${DOING[job.type] ?? "The computation"} failed: the page's worker stopped (${detail}). It has been restarted with the same survey: you can try again.`,
    }));
    if (broken) {
      worker.terminate();
      worker = null;
    } else ready = replace();
  }

  let ready = replace();

  return {
    /** Resolves when the worker code and the wasm module are in memory. */
    ready: assets.then(() => undefined),

    stats,

    /** Parses a new survey (or the same one with other import options) and keeps it in the worker. */
    async load(bytes, importOptions) {
      const before = source;
      const mine = { bytes: bytes.slice(0), importOptions };
      source = mine;
      loading = { before, mine };
      const outcome = await this.request("load", { bytes: bytes.slice(0), importOptions }, null, true);
      if (loading?.mine === mine) loading = null;
      // The worker still holds the survey it had: a restarted one must get that one too.
      if (outcome.type === "error" && !outcome.fatal && source === mine) source = before;
      return outcome;
    },

    /** Sends a request; `onProgress({ stage, percent })` hears a segmentation's progress. */
    request(type, payload = {}, onProgress = null, transferBytes = false) {
      const id = ++next;
      return new Promise((resolve) => {
        if (broken) {
          resolve({ type: "error", step: "worker", fatal: true, message: broken });
          return;
        }
        pending.set(id, { type, resolve, onProgress });
        ready.then(() => {
          if (!pending.has(id) || !worker) return;
          worker.postMessage({ id, type, ...payload }, transferBytes && payload.bytes ? [payload.bytes] : []);
        });
      });
    },

    /**
     * Stops whatever runs: waiting requests resolve as cancelled, and a fresh
     * worker holds the same survey (the one before a load that was stopped;
     * none, with `keepSurvey: false`, when a new one is about to be loaded).
     * With nothing running, nothing changes.
     */
    cancel({ keepSurvey = true } = {}) {
      // A load that is stopped never happened: the new worker holds what the old one held before it.
      if (loading && source === loading.mine) source = loading.before;
      loading = null;
      if (!keepSurvey) source = null;
      if (pending.size === 0) return;
      settleAll(() => ({ type: "cancelled" }));
      if (!broken) ready = replace();
    },
  };
}
