// Runs the library off the main thread. One message in, progress and one
// result or error out. The page terminates the worker to cancel.
import init, { parseSurvey, segment } from "citizen-segments";

const ready = init();

self.onmessage = async ({ data }) => {
  const { id, bytes, importOptions, segmentOptions } = data;
  let step = "import";
  try {
    await ready;
    self.postMessage({ id, type: "progress", stage: "Reading the survey", percent: 5 });
    const survey = parseSurvey(new Uint8Array(bytes), importOptions);
    const columns = survey.columns;
    const warnings = survey.warnings;
    step = "segment";
    self.postMessage({ id, type: "progress", stage: "Finding segments", percent: 20 });
    const result = segment(survey, segmentOptions);
    const summary = result.toJSON();
    const payload = {
      respondents: survey.respondents,
      columns,
      warnings,
      result: summary,
      assignments: result.assignments,
      model: result.model(),
    };
    result.free();
    survey.free();
    self.postMessage({ id, type: "result", ...payload });
  } catch (error) {
    self.postMessage({
      id,
      type: "error",
      step,
      message: error instanceof Error ? error.message : String(error),
      row: error?.row ?? null,
      column: error?.column ?? null,
    });
  }
};
