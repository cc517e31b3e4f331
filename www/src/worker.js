// The page's one long-lived worker. It holds the parsed survey and the last
// segmentation, so a file is parsed once and a rename only re-exports.
// Requests come from worker-client.js, one at a time, in order:
//
// - { type: "init", module, workers }: instantiate the wasm module compiled by
//   the page; segmentations spread their k-means jobs over `workers`
//   instances (this one and helpers, see pool.js; default
//   hardwareConcurrency - 1, 1 to 8).
// - { type: "load", bytes, importOptions }: parse a survey, keep it, describe it
//   (with every column's default role).
// - { type: "segment", options, fileName }: segment the kept survey, keep the
//   result, return it (toJSON) and its exports.
// - { type: "rename", names, options, fileName }: rename the kept result's
//   segments and export it again (no new segmentation while it is held).
// - { type: "shortForm", options, segmentOptions, names }: the kept result's
//   short sign-up form (segmentation.shortForm), as plain data.
// - { type: "assign", model }: put the kept survey's respondents into a saved
//   model's segments; the CSV is the package's own (assignmentCsv).
//
// Every answer carries { id, stats }: how many parses and segmentations this
// worker has run (the page's tests count them) and the options of the last.
// A wasm trap (RuntimeError) leaves the module unusable, so its answer says
// `fatal` and the page replaces the worker. Requests are handled one after
// the other, even while a segmentation waits for its pool.
//
// The same code runs the pool's helpers: their messages are pool.js's.
import { initSync, assign, assignmentCsv, parseSurvey, SegmentRun } from "citizen-segments";
import { helperTask, poolSize, runPooled } from "./pool.js";

const held = { survey: null, segmentation: null, module: null, workers: 1 };
// The counts, and the options of the last parse and segmentation, so a test
// can make the same call through the package in Node.
// lastPool is { size, helpers } of the last segmentation's pool.
const stats = { parses: 0, segmentations: 0, lastImportOptions: null, lastOptions: null, lastPool: null };

function drop(key) {
  held[key]?.free();
  held[key] = null;
}

function needSurvey() {
  if (!held.survey) throw new Error("No survey is loaded: choose a survey in step 1 first.");
  return held.survey;
}

function describe(survey) {
  return {
    respondents: survey.respondents,
    columns: survey.columns,
    roles: survey.roles(),
    warnings: survey.warnings,
    idColumn: survey.idColumn ?? null,
    delimiter: survey.delimiter,
  };
}

function exportsOf(segmentation, fileName) {
  return {
    assignmentsCsv: segmentation.assignmentsCsv(),
    profilesCsv: segmentation.profilesCsv(),
    model: segmentation.model(),
    report: segmentation.report({ format: "html", fileName }),
  };
}

async function runSegment(options, id) {
  const survey = needSurvey();
  let last = null;
  const progress = ({ stage, fraction }) => {
    const percent = Math.round(fraction * 100);
    if (last?.stage === stage && last.percent === percent) return;
    last = { stage, percent };
    self.postMessage({ id, type: "progress", stage, percent });
  };
  // Counted before the run, so a run that fails or traps is counted too.
  stats.segmentations += 1;
  stats.lastOptions = options;
  const run = new SegmentRun(survey, options);
  let segmentation;
  try {
    const onPool = (pool) => (stats.lastPool = pool);
    segmentation = await runPooled(run, { size: held.workers, module: held.module, onProgress: progress, onPool });
  } finally {
    // After a trap inside one of the run's calls (out of memory, say) the
    // binding still counts that call as borrowing the run, and free() would
    // throw "attempted to take ownership…" over the trap's own error.
    try {
      run.free();
    } catch {
      // The trap is what the page reports; the instance is replaced anyway.
    }
  }
  drop("segmentation");
  held.segmentation = segmentation;
  return segmentation;
}

const tasks = {
  init({ module, workers }) {
    initSync({ module });
    held.module = module;
    held.workers = poolSize(workers);
    return {};
  },

  // The last segmentation is kept: it owns its data, and the page may still
  // rename the segments it shows after a column's kind was changed.
  // A survey that cannot be read leaves the one held before in place.
  load({ bytes, importOptions }) {
    stats.parses += 1;
    stats.lastImportOptions = importOptions;
    const survey = parseSurvey(new Uint8Array(bytes), importOptions);
    drop("survey");
    held.survey = survey;
    return describe(survey);
  },

  async segment({ id, options, fileName }) {
    const segmentation = await runSegment(options, id);
    return { ids: held.survey.ids, result: segmentation.toJSON(), exports: exportsOf(segmentation, fileName) };
  },

  // A fresh worker no longer holds the result: the same seeded (so
  // deterministic) run gives it back.
  async rename({ id, names, options, fileName }) {
    const segmentation = held.segmentation ?? (await runSegment({ ...options, names }, id));
    segmentation.rename(names);
    return { segments: segmentation.segments, exports: exportsOf(segmentation, fileName) };
  },

  // A fresh worker no longer holds the result: the same seeded run gives it back, with the names shown.
  async shortForm({ id, options, segmentOptions, names }) {
    const segmentation = held.segmentation ?? (await runSegment({ ...segmentOptions, names }, id));
    return { shortForm: segmentation.shortForm(options) };
  },

  assign({ model }) {
    const survey = needSurvey();
    const assignment = assign(model, survey);
    return {
      respondents: survey.respondents,
      ids: survey.ids,
      assignments: assignment.assignments,
      distances: assignment.distances,
      csv: assignmentCsv(assignment),
    };
  },
};

function failure(id, type, error) {
  const fatal = error instanceof WebAssembly.RuntimeError;
  return {
    id,
    type: "error",
    step: type === "load" ? "import" : type,
    fatal,
    message: error instanceof Error ? error.message : String(error),
    name: error?.name ?? null,
    row: error?.row ?? null,
    column: error?.column ?? null,
    stats: { ...stats },
  };
}

async function handle(data) {
  const { id, type } = data;
  try {
    const task = tasks[type];
    if (!task) throw new Error(`Unknown request "${type}".`);
    const payload = await task(data);
    self.postMessage({ id, type: "result", ...payload, stats: { ...stats } });
  } catch (error) {
    self.postMessage(failure(id, type, error));
  }
}

let queue = Promise.resolve();
self.onmessage = ({ data }) => {
  if (data.type === "poolInit" || data.type === "poolJob") {
    helperTask(data);
    return;
  }
  queue = queue.then(() => handle(data));
};
