// Runs the library off the main thread. One request in; progress messages
// and one result or error out. The page terminates the worker to cancel, so
// nothing here needs to know about cancelling.
//
// Requests ({ id, task, bytes, importOptions, ... }):
// - "inspect": read the survey, return its columns and warnings.
// - "segment": read and segment it, return the whole result and its exports.
// - "assign": read it and put its respondents into a saved model's segments.
import { initSync, assign, parseSurvey, segment } from "citizen-segments";

// The page posts the wasm module it compiled once at start-up (see run.js),
// so a worker never fetches anything.
let initialised = false;

function errorMessage(id, step, error) {
  return {
    id,
    type: "error",
    step,
    message: error instanceof Error ? error.message : String(error),
    row: error?.row ?? null,
    column: error?.column ?? null,
  };
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

const tasks = {
  inspect({ survey }) {
    return describe(survey);
  },

  segment({ id, survey, segmentOptions, fileName }) {
    const progress = ({ stage, fraction }) =>
      self.postMessage({ id, type: "progress", stage, percent: Math.round(fraction * 100) });
    const result = segment(survey, segmentOptions, progress);
    try {
      return {
        ...describe(survey),
        ids: survey.ids,
        result: result.toJSON(),
        assignmentsCsv: result.assignmentsCsv(),
        profilesCsv: result.profilesCsv(),
        model: result.model(),
        report: result.report({ format: "html", fileName }),
      };
    } finally {
      result.free();
    }
  },

  assign({ survey, model }) {
    const { assignments, distances } = assign(model, survey);
    return { respondents: survey.respondents, ids: survey.ids, assignments, distances };
  },
};

self.onmessage = ({ data }) => {
  const { id, task, bytes, importOptions, module } = data;
  let step = "import";
  let survey;
  try {
    if (!initialised) {
      initSync({ module });
      initialised = true;
    }
    self.postMessage({ id, type: "progress", stage: "Reading the survey", percent: 0 });
    survey = parseSurvey(new Uint8Array(bytes), importOptions);
    step = task;
    const payload = tasks[task]({ ...data, survey });
    self.postMessage({ id, type: "result", ...payload });
  } catch (error) {
    self.postMessage(errorMessage(id, step, error));
  } finally {
    survey?.free();
  }
};
