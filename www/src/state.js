// What the page knows, the elements it writes to, and its one worker. The
// steps (steps/*.js) read and change `state`; only they touch `ui`.
import { createWorkerClient } from "./worker-client.js";

const $ = (selector) => document.querySelector(selector);

export const ui = {
  dropZone: $("#drop-zone"),
  fileInput: $("#file-input"),
  useSample: $("#use-sample"),
  sourceStatus: $("#source-status"),
  cancelRead: $("#cancel-read"),
  startError: $("#start-error"),
  review: $("#step-review"),
  idColumn: $("#id-column"),
  weightColumn: $("#weight-column"),
  columnsBody: $("#columns-table tbody"),
  leftOut: $("#left-out"),
  importWarnings: $("#import-warnings"),
  reviewError: $("#review-error"),
  segmentStep: $("#step-segment"),
  kAuto: $("#k-auto"),
  kFixed: $("#k-fixed"),
  kMin: $("#k-min"),
  kMax: $("#k-max"),
  kValue: $("#k-value"),
  seed: $("#seed"),
  run: $("#run"),
  cancel: $("#cancel"),
  progressBox: $("#progress-box"),
  progressLabel: $("#progress-label"),
  progress: $("#progress"),
  runStatus: $("#run-status"),
  segmentError: $("#segment-error"),
  results: $("#step-results"),
  resultsSummary: $("#results-summary"),
  cards: $("#cards"),
  charts: $("#charts"),
  exportStep: $("#step-export"),
  downloads: $("#downloads"),
  exportStatus: $("#export-status"),
  exportError: $("#export-error"),
  formStep: $("#step-form"),
  formMax: $("#form-max"),
  formMake: $("#form-make"),
  formStatus: $("#form-status"),
  formResult: $("#form-result"),
  formDownload: $("#form-download"),
  formError: $("#form-error"),
  modelInput: $("#model-input"),
  reuseStatus: $("#reuse-status"),
  reuseCancel: $("#reuse-cancel"),
  reuseResult: $("#reuse-result"),
  reuseError: $("#reuse-error"),
};

export const errorBoxes = () => [ui.startError, ui.reviewError, ui.segmentError, ui.exportError, ui.formError, ui.reuseError];

/** A fresh state for a newly chosen survey. */
function initial() {
  return {
    fileName: null,
    survey: null, // { respondents, columns, roles, warnings, idColumn } as the worker described it
    kinds: {}, // column → kind overrides (import option)
    idColumn: null, // explicit id column (import option)
    weightColumn: "",
    settings: new Map(), // column → { role (the analyst's choice, or null for the default), weight, activity }
    run: null, // the last result: { result, ids, options, exports, exportNames }
    names: new Map(), // segment id → name shown (renames included)
    recognised: new Map(), // column → activity name recognised by the last run
  };
}

export const state = initial();

export function resetState(fileName) {
  Object.assign(state, initial(), { fileName });
}

export function baseName(fileName) {
  return fileName.replace(/\.[^.]*$/, "") || "survey";
}

// How many parses and segmentations the page's workers have run: shown to
// the page's tests, which check that a rename does not segment again.
window.__citizenSegmentsStats = { workers: 0, parses: 0, segmentations: 0 };

export const worker = createWorkerClient({
  onStats: (stats) => Object.assign(window.__citizenSegmentsStats, stats),
  onIdleDeath: (message) => (ui.runStatus.textContent = message),
});
