// Step 1: choose a survey (a file, a drop, or the built-in sample). The
// worker parses it once and keeps it; the page then segments it.
import { showError } from "../dom.js";
import { errorBoxes, resetState, state, ui, worker } from "../state.js";
import { inspect } from "./review.js";
import { cancelForNewSurvey, runSegmentation } from "./segment.js";
import { clearResults } from "./results.js";
import { clearReuse } from "./reuse.js";

function formatBytes(n) {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// Counts the surveys chosen, so a read overtaken by a newer choice says nothing.
let choice = 0;

async function loadSource(bytes, fileName) {
  const mine = ++choice;
  cancelForNewSurvey();
  for (const box of errorBoxes()) showError(box, null);
  resetState(fileName);
  clearReuse();
  clearResults();
  for (const step of [ui.review, ui.segmentStep]) step.hidden = true;
  ui.sourceStatus.textContent = `Reading ${fileName} (${formatBytes(bytes.byteLength)})…`;
  ui.cancelRead.hidden = false;
  const outcome = await inspect(bytes);
  if (mine !== choice) return;
  ui.cancelRead.hidden = true;
  if (outcome.type === "cancelled") {
    ui.sourceStatus.textContent = `Reading ${fileName} was cancelled. No survey is loaded: choose a file or the sample survey.`;
    return;
  }
  if (outcome.type !== "result") {
    ui.sourceStatus.textContent = `${fileName} could not be read.`;
    showError(ui.startError, outcome);
    return;
  }
  ui.sourceStatus.textContent = `${fileName}: ${outcome.respondents.toLocaleString("en-GB")} respondents, ${outcome.columns.length} columns.`;
  await runSegmentation();
}

async function loadFile(file) {
  if (!file) return;
  let bytes;
  try {
    bytes = await file.arrayBuffer();
  } catch (error) {
    // Nothing was sent to the worker: the survey loaded before (if any) stays, and says so.
    const still = state.survey ? ` ${state.fileName} is still loaded.` : "";
    showError(
      ui.startError,
      new Error(`${file.name} could not be read (${error.name}: ${error.message}). It may have been moved, or be a folder; choose it again.${still}`),
    );
    return;
  }
  await loadSource(bytes, file.name);
}

// Fetched once and kept, so the sample still opens with the network cut.
let sampleBytes;

export async function loadSample() {
  try {
    if (!sampleBytes) {
      const response = await fetch(new URL("./sample-survey.csv", document.baseURI));
      if (!response.ok) throw new Error(`The sample survey could not be loaded (${response.status}).`);
      sampleBytes = await response.arrayBuffer();
    }
  } catch (error) {
    showError(ui.startError, error);
    return;
  }
  await loadSource(sampleBytes, "sample-survey.csv");
}

export function wireChoose() {
  ui.fileInput.addEventListener("change", () => {
    loadFile(ui.fileInput.files[0]);
    ui.fileInput.value = "";
  });
  ui.useSample.addEventListener("click", loadSample);
  ui.cancelRead.addEventListener("click", () => worker.cancel());
  for (const type of ["dragenter", "dragover"]) {
    ui.dropZone.addEventListener(type, (event) => {
      event.preventDefault();
      ui.dropZone.classList.add("dragging");
    });
  }
  ui.dropZone.addEventListener("dragleave", () => ui.dropZone.classList.remove("dragging"));
  ui.dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    ui.dropZone.classList.remove("dragging");
    loadFile(event.dataTransfer.files[0]);
  });
}
