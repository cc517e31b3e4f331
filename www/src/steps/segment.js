// Step 3: find segments. Builds the options from the settings of steps 2
// and 3, asks the worker to segment the survey it holds, and shows progress;
// Cancel replaces the worker.
import { fieldError, showError } from "../dom.js";
import { state, ui, worker } from "../state.js";
import { roleOfColumn, settings } from "./review.js";
import { showRun } from "./results.js";

/** The whole number in `input`, or null with the reason shown next to it. */
function wholeNumber(input, what, min, max) {
  const text = input.value.trim();
  const n = Number(text);
  const valid = text !== "" && Number.isInteger(n) && n >= min && n <= max;
  fieldError(input, valid ? null : `${what} must be a whole number from ${min} to ${max}.`);
  return valid ? n : null;
}

/** The run's settings from step 3, or null when a field is invalid (each says why next to it). */
function runSettings() {
  for (const input of [ui.kValue, ui.kMin, ui.kMax]) fieldError(input, null);
  const settings = { seed: wholeNumber(ui.seed, "The seed", 0, 4294967295) };
  if (ui.kFixed.checked) settings.k = wholeNumber(ui.kValue, "The number of segments", 1, 50);
  else {
    settings.k = "auto";
    settings.kMin = wholeNumber(ui.kMin, "The fewest segments", 2, 50);
    settings.kMax = wholeNumber(ui.kMax, "The most segments", 2, 50);
    if (settings.kMin != null && settings.kMax != null && settings.kMin > settings.kMax) {
      fieldError(ui.kMax, `The most segments must be at least the fewest (${settings.kMin}).`);
      settings.kMax = null;
    }
  }
  const invalid = Object.values(settings).some((v) => v == null) || ui.columnsBody.querySelector('[aria-invalid="true"]');
  return invalid ? null : settings;
}

/** The options of the next run, or null when a field of step 2 or 3 is invalid. */
export function segmentOptions() {
  const options = runSettings();
  if (!options) return null;
  const withRole = (role) => state.survey.columns.filter((c) => roleOfColumn(c) === role).map((c) => c.name);
  options.basis = withRole("basis");
  options.descriptors = withRole("descriptor");
  const weights = {};
  const activities = {};
  for (const c of state.survey.columns) {
    const s = settings(c.name);
    if (s.weight !== 1 && options.basis.includes(c.name)) weights[c.name] = s.weight;
    if (s.activity) activities[c.name] = s.activity;
  }
  if (Object.keys(weights).length) options.weights = weights;
  if (Object.keys(activities).length) options.activities = activities;
  if (state.weightColumn) options.weightColumn = state.weightColumn;
  return options;
}

export function optionsChanged() {
  if (state.run) ui.runStatus.textContent = "Settings changed: press “Find segments” to update the segments.";
}

function showProgress(on) {
  ui.progressBox.hidden = !on;
  ui.cancel.hidden = !on;
  ui.run.disabled = on;
  if (on) {
    ui.progress.value = 0;
    ui.progressLabel.textContent = "Starting…";
  }
}

/** Stops whatever the worker is doing; the worker is replaced, and holds the same survey. */
export function cancelRun() {
  worker.cancel();
}

/** Stops whatever the worker is doing before another survey is loaded into it. */
export function cancelForNewSurvey() {
  worker.cancel({ keepSurvey: false });
}

export async function runSegmentation() {
  if (!state.survey) return;
  showError(ui.segmentError, null);
  const options = segmentOptions();
  if (!options) {
    showError(ui.segmentError, new Error("Some settings are not valid: each says why next to it. Correct them, then find segments again."));
    return;
  }
  if (options.basis.length === 0) {
    showError(ui.segmentError, new Error("Make at least one question “Basis” (its role in step 2): segments are built on the basis questions."));
    return;
  }
  // Keep ids and names of matching segments from the last run.
  if (state.run) {
    const { model } = state.run.exports;
    options.previous = { ...model, names: model.segmentIds.map((id) => state.names.get(id) ?? "") };
  }
  showProgress(true);
  ui.runStatus.textContent = "Finding segments…";
  const outcome = await worker.request("segment", { options, fileName: state.fileName }, (p) => {
    ui.progress.value = p.percent;
    ui.progressLabel.textContent = `${p.stage}… ${p.percent} %`;
  });
  showProgress(false);
  if (outcome.type === "cancelled") {
    ui.runStatus.textContent = "Cancelled. Nothing was changed; you can adjust the settings and find segments again.";
    return;
  }
  if (outcome.type === "error") {
    ui.runStatus.textContent = "The segments could not be found.";
    showError(outcome.step === "import" ? ui.startError : ui.segmentError, outcome);
    return;
  }
  const { result, ids, exports } = outcome;
  state.names = new Map(result.segments.map((s) => [s.id, s.name]));
  state.run = { result, ids, options, exports, exportNames: new Map(state.names) };
  ui.seed.value = String(result.seed);
  showRun();
}

export function wireSegment() {
  ui.run.addEventListener("click", runSegmentation);
  ui.cancel.addEventListener("click", cancelRun);
  for (const input of [ui.kMin, ui.kMax]) input.addEventListener("input", () => (ui.kAuto.checked = true));
  ui.kValue.addEventListener("input", () => (ui.kFixed.checked = true));
  // The results' offer to scan a wider range of numbers of segments.
  document.addEventListener("widen-k", ({ detail }) => {
    ui.kAuto.checked = true;
    ui.kMin.value = String(detail.kMin);
    ui.kMax.value = String(detail.kMax);
    runSegmentation();
  });
}
