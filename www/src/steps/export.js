// Step 5: the downloads. They are the package's own exports of the result
// the worker holds; after a rename the worker renames that result and
// exports it again (no new segmentation).
import { el, showError } from "../dom.js";
import { download } from "../download.js";
import { baseName, state, ui, worker } from "../state.js";

function namesChanged() {
  const { exportNames } = state.run;
  return [...state.names].some(([id, name]) => exportNames.get(id) !== name);
}

/** The exports with the current names: the worker renames its result when a name changed. */
async function currentExports() {
  const run = state.run;
  if (!namesChanged()) return run.exports;
  ui.exportStatus.textContent = "Putting your segment names into the downloads…";
  const names = new Map(state.names);
  // Record<segmentId, name>: a plain object, as the options are JSON-shaped.
  const outcome = await worker.request("rename", {
    names: Object.fromEntries(names),
    options: { ...run.options, seed: run.result.seed },
    fileName: state.fileName,
  });
  if (outcome.type !== "result") {
    ui.exportStatus.textContent = "";
    if (outcome.type === "error") showError(ui.exportError, outcome);
    return null;
  }
  if (state.run !== run) return null; // another survey or run came in meanwhile
  ui.exportStatus.textContent = "The downloads use your segment names.";
  run.exports = outcome.exports;
  run.exportNames = names;
  return run.exports;
}

/** Puts the names shown into the worker's result; false (with the error shown) when that failed. */
export async function syncNames() {
  return (await currentExports()) != null;
}

const FILES = [
  ["Segment of each respondent (CSV)", "assignments.csv", "text/csv", (e) => e.assignmentsCsv],
  ["Segment profiles (CSV)", "profiles.csv", "text/csv", (e) => e.profilesCsv],
  ["Model to reuse (JSON)", "model.json", "application/json", (e) => `${JSON.stringify(e.model, null, 2)}\n`],
  ["Report (HTML)", "report.html", "text/html", (e) => e.report],
];

export function renderDownloads() {
  const base = baseName(state.fileName);
  ui.downloads.replaceChildren(
    ...FILES.map(([label, suffix, type, pick]) => {
      const fileName = `${base}-${suffix}`;
      return el("button", {
        type: "button",
        class: "secondary",
        text: label,
        dataset: { download: fileName },
        onclick: async () => {
          showError(ui.exportError, null);
          const exports = await currentExports();
          if (exports) download(fileName, pick(exports), type);
        },
      });
    }),
  );
  ui.exportStatus.textContent = "";
  ui.exportStep.hidden = false;
}

export function clearDownloads() {
  ui.exportStep.hidden = true;
  ui.downloads.replaceChildren();
  ui.exportStatus.textContent = "";
}
