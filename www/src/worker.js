// The page's one long-lived worker. It holds the parsed survey and the last
// segmentation, so a file is parsed once.
// Requests come from worker-client.js, one at a time, in order:
//
// - { type: "init", module }: instantiate the wasm module compiled by the page.
// - { type: "load", bytes, importOptions }: parse a survey, keep it, describe it.
// - { type: "segment", options, fileName }: segment the kept survey, keep the
//   result, return it (toJSON) and its exports.
// - { type: "rename", names, options, fileName }: the kept result's exports
//   with new segment names (for now by the same seeded run with `names`).
// - { type: "assign", model }: put the kept survey's respondents into a saved
//   model's segments, and write them as the assignments CSV.
//
// Every answer carries { id, stats }: how many parses and segmentations this
// worker has run (the page's tests count them) and the options of the last.
// A wasm trap (RuntimeError) leaves the module unusable, so its answer says
// `fatal` and the page replaces the worker.
import { initSync, assign, parseSurvey, segment } from "citizen-segments";

const held = { survey: null, segmentation: null };
// The counts, and the options of the last parse and segmentation, so a test
// can make the same call through the package in Node.
const stats = { parses: 0, segmentations: 0, lastImportOptions: null, lastOptions: null };

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

function runSegment(options, id) {
  const survey = needSurvey();
  const progress = ({ stage, fraction }) =>
    self.postMessage({ id, type: "progress", stage, percent: Math.round(fraction * 100) });
  // Counted before the run, so a run that fails or traps is counted too.
  stats.segmentations += 1;
  stats.lastOptions = options;
  const segmentation = segment(survey, options, progress);
  drop("segmentation");
  held.segmentation = segmentation;
  return segmentation;
}

const tasks = {
  init({ module }) {
    initSync({ module });
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

  segment({ id, options, fileName }) {
    const segmentation = runSegment(options, id);
    return { ids: held.survey.ids, result: segmentation.toJSON(), exports: exportsOf(segmentation, fileName) };
  },

  // Until the package can rename a result, the names go in as an option of
  // the same seeded (so deterministic) run.
  rename({ id, names, options, fileName }) {
    const segmentation = runSegment({ ...options, names }, id);
    return { segments: segmentation.segments, exports: exportsOf(segmentation, fileName) };
  },

  assign({ model }) {
    const survey = needSurvey();
    const assignment = assign(model, survey);
    return {
      respondents: survey.respondents,
      ids: survey.ids,
      assignments: assignment.assignments,
      distances: assignment.distances,
      csv: assignmentCsv(survey.ids, assignment, model),
    };
  },
};

// The reuse CSV, until the package writes it: the columns of the assignments
// download, a respondent in no segment with empty cells.
function assignmentCsv(ids, { assignments, distances }, model) {
  const segmentIds = model.segmentIds ?? [];
  const nameOf = (id) => model.names?.[segmentIds.indexOf(id)] ?? "";
  const lines = ["respondent_id,segment_id,segment_name,distance"];
  assignments.forEach((id, i) => {
    const cells = id < 0 ? [ids[i], "", "", ""] : [ids[i], id, nameOf(id), distances[i]];
    lines.push(cells.map(csvCell).join(","));
  });
  return `${lines.join("\r\n")}\r\n`;
}

/** A CSV cell: quoted when needed, and neutralised where a spreadsheet would run it as a formula. */
function csvCell(value) {
  let text = value == null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

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

self.onmessage = ({ data }) => {
  const { id, type } = data;
  try {
    const task = tasks[type];
    if (!task) throw new Error(`Unknown request "${type}".`);
    const payload = task(data);
    self.postMessage({ id, type: "result", ...payload, stats: { ...stats } });
  } catch (error) {
    self.postMessage(failure(id, type, error));
  }
};
