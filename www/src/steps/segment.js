// Step 3: find segments. Builds the options from the settings of steps 2
// and 3, asks the worker to segment the survey it holds, and shows progress;
// Cancel replaces the worker.
import { showError } from "../dom.js";
import { CLUSTERABLE } from "../build/columns.js";
import { state, ui, worker } from "../state.js";
import { settings } from "./review.js";
import { showRun } from "./results.js";

export function segmentOptions() {
  const options = { seed: Number(ui.seed.value) || 0 };
  if (ui.kFixed.checked) options.k = Number(ui.kValue.value);
  else {
    options.k = "auto";
    options.kMin = Number(ui.kMin.value);
    options.kMax = Number(ui.kMax.value);
  }
  const columns = state.survey.columns.filter(
    (c) => CLUSTERABLE.has(c.kind) && c.name !== state.weightColumn && settings(c.name).use,
  );
  options.columns = columns.map((c) => c.name);
  const weights = {};
  const activities = {};
  for (const c of state.survey.columns) {
    const s = settings(c.name);
    if (s.weight !== 1 && options.columns.includes(c.name)) weights[c.name] = s.weight;
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

export async function runSegmentation() {
  if (!state.survey) return;
  showError(ui.segmentError, null);
  const options = segmentOptions();
  if (options.columns.length === 0) {
    showError(ui.segmentError, new Error("Tick “Use for segments” for at least one question in step 2."));
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
}
