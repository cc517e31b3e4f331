// The page: state, and the flow choose → check → segment → read → download
// → reuse. Computation runs in a Worker (run.js); builders in charts.js,
// cards.js and review.js turn results into DOM nodes.
import { runInWorker } from "./run.js";
import { el, percent, showError } from "./dom.js";
import { segmentCard, STABILITY_THRESHOLDS } from "./cards.js";
import { ACTIVITIES, CLUSTERABLE, columnRows } from "./review.js";
import { PALETTE, heatmapChart, kScanChart, projectionChart, sizesChart, dataTable } from "./charts.js";
import { chartSvg, csvCell, download, svgToPng } from "./download.js";

const $ = (selector) => document.querySelector(selector);
const ui = {
  dropZone: $("#drop-zone"),
  fileInput: $("#file-input"),
  useSample: $("#use-sample"),
  sourceStatus: $("#source-status"),
  startError: $("#start-error"),
  review: $("#step-review"),
  idColumn: $("#id-column"),
  weightColumn: $("#weight-column"),
  columnsBody: $("#columns-table tbody"),
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
  modelInput: $("#model-input"),
  reuseStatus: $("#reuse-status"),
  reuseResult: $("#reuse-result"),
  reuseError: $("#reuse-error"),
};

const activityNames = new Map(ACTIVITIES);

const state = {
  fileName: null,
  bytes: null, // ArrayBuffer of the current survey; copies go to workers
  survey: null, // { respondents, columns, warnings, idColumn }
  kinds: {}, // column → kind overrides (import option)
  idColumn: null, // explicit id column (import option)
  weightColumn: "",
  settings: new Map(), // column → { use, weight, activity }
  job: null, // the running worker request, if any
  run: null, // the last result: { result, ids, exports, options, names }
  names: new Map(), // segment id → name shown (renames included)
  recognised: new Map(), // column → activity name recognised by the last run
};

// ---------- step 1: choose a survey ----------

function baseName(fileName) {
  return fileName.replace(/\.[^.]*$/, "") || "survey";
}

async function loadSource(bytes, fileName) {
  cancelJob();
  for (const box of [ui.startError, ui.reviewError, ui.segmentError, ui.exportError, ui.reuseError]) showError(box, null);
  Object.assign(state, {
    fileName,
    bytes,
    survey: null,
    kinds: {},
    idColumn: null,
    weightColumn: "",
    settings: new Map(),
    run: null,
    names: new Map(),
    recognised: new Map(),
  });
  ui.reuseStatus.textContent = "";
  ui.reuseResult.replaceChildren();
  for (const step of [ui.review, ui.segmentStep, ui.results, ui.exportStep]) step.hidden = true;
  ui.sourceStatus.textContent = `Reading ${fileName} (${formatBytes(bytes.byteLength)})…`;
  const outcome = await inspect();
  if (outcome.type !== "result") {
    state.bytes = null;
    ui.sourceStatus.textContent = `${fileName} could not be read.`;
    showError(ui.startError, outcome);
    return;
  }
  ui.sourceStatus.textContent = `${fileName}: ${outcome.respondents.toLocaleString("en-GB")} respondents, ${outcome.columns.length} columns.`;
  await runSegmentation();
}

function formatBytes(n) {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

async function loadFile(file) {
  if (!file) return;
  await loadSource(await file.arrayBuffer(), file.name);
}

// Fetched once and kept, so the sample still opens with the network cut.
let sampleBytes;

async function loadSample() {
  try {
    if (!sampleBytes) {
      const response = await fetch(new URL("./sample-survey.csv", document.baseURI));
      if (!response.ok) throw new Error(`The sample survey could not be loaded (${response.status}).`);
      sampleBytes = await response.arrayBuffer();
    }
    await loadSource(sampleBytes.slice(0), "sample-survey.csv");
  } catch (error) {
    showError(ui.startError, error);
  }
}

ui.fileInput.addEventListener("change", () => {
  loadFile(ui.fileInput.files[0]);
  ui.fileInput.value = "";
});
ui.useSample.addEventListener("click", loadSample);
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

// ---------- step 2: check the questions ----------

function importOptions() {
  const options = { fileName: state.fileName, kinds: { ...state.kinds } };
  if (state.idColumn) options.idColumn = state.idColumn;
  return options;
}

/** Reads the current survey with the current import options (in a worker). */
async function inspect() {
  const outcome = await startJob({ task: "inspect" }, null);
  if (outcome.type === "result") {
    state.survey = outcome;
    renderReview();
  }
  return outcome;
}

function settings(name) {
  if (!state.settings.has(name)) state.settings.set(name, { use: true, weight: 1, activity: "" });
  return state.settings.get(name);
}

function renderReview() {
  const { columns, warnings, idColumn } = state.survey;
  ui.idColumn.replaceChildren(
    ...(idColumn ? [] : [el("option", { value: "", text: "None found (rows are numbered)", selected: true })]),
    ...columns.map((c) => el("option", { value: c.name, text: c.name, selected: c.name === idColumn })),
  );
  ui.weightColumn.replaceChildren(
    el("option", { value: "", text: "None (every respondent counts once)" }),
    ...columns
      .filter((c) => c.kind === "numeric" || c.name === state.weightColumn)
      .map((c) => el("option", { value: c.name, text: c.name, selected: c.name === state.weightColumn })),
  );
  ui.columnsBody.replaceChildren(
    ...columnRows(columns, {
      settings,
      recognised: (name) => state.recognised.get(name),
      weightColumn: state.weightColumn,
      on: {
        kind: changeKind,
        use: (name, use) => {
          settings(name).use = use;
          optionsChanged();
        },
        weight: (name, weight) => {
          settings(name).weight = Number.isFinite(weight) && weight >= 0 ? weight : 1;
          optionsChanged();
        },
        activity: (name, activity) => {
          settings(name).activity = activity;
          optionsChanged();
        },
      },
    }),
  );
  ui.importWarnings.replaceChildren(...warnings.map((w) => el("li", { text: w.message })));
  ui.review.hidden = false;
  ui.segmentStep.hidden = false;
}

async function changeKind(name, kind) {
  const before = state.kinds[name];
  state.kinds[name] = kind;
  showError(ui.reviewError, null);
  const outcome = await inspect();
  if (outcome.type === "error") {
    if (before === undefined) delete state.kinds[name];
    else state.kinds[name] = before;
    renderReview();
    showError(ui.reviewError, outcome);
  } else if (outcome.type === "result") optionsChanged();
}

ui.idColumn.addEventListener("change", async () => {
  const before = state.idColumn;
  state.idColumn = ui.idColumn.value || null;
  showError(ui.reviewError, null);
  const outcome = await inspect();
  if (outcome.type === "error") {
    state.idColumn = before;
    renderReview();
    showError(ui.reviewError, outcome);
  } else optionsChanged();
});

ui.weightColumn.addEventListener("change", () => {
  state.weightColumn = ui.weightColumn.value;
  renderReview();
  optionsChanged();
});

function optionsChanged() {
  if (state.run) ui.runStatus.textContent = "Settings changed: press “Find segments” to update the segments.";
}

// ---------- step 3: find segments ----------

function segmentOptions() {
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

function startJob(request, onProgress) {
  cancelJob();
  const job = runInWorker({ ...request, bytes: state.bytes.slice(0), importOptions: importOptions() }, onProgress);
  state.job = job;
  job.finally(() => {
    if (state.job === job) state.job = null;
  });
  return job;
}

function cancelJob() {
  state.job?.cancel();
  state.job = null;
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

async function runSegmentation() {
  if (!state.bytes || !state.survey) return;
  showError(ui.segmentError, null);
  const options = segmentOptions();
  if (options.columns.length === 0) {
    showError(ui.segmentError, new Error("Tick “Use for segments” for at least one question in step 2."));
    return;
  }
  // Keep ids and names of matching segments from the last run.
  if (state.run) options.previous = { ...state.run.exports.model, names: state.run.exports.model.segmentIds.map((id) => state.names.get(id) ?? "") };
  showProgress(true);
  ui.runStatus.textContent = "Finding segments…";
  const outcome = await startJob({ task: "segment", segmentOptions: options, fileName: state.fileName }, (p) => {
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
  const { result, ids, assignmentsCsv, profilesCsv, model, report } = outcome;
  state.names = new Map(result.segments.map((s) => [s.id, s.name]));
  state.run = {
    result,
    ids,
    options,
    exports: { assignmentsCsv, profilesCsv, model, report },
    exportNames: new Map(state.names),
  };
  state.recognised = new Map(
    result.profiles.activities.sources
      .filter((s) => s.option == null)
      .map((s) => [s.question, activityNames.get(s.activity) ?? s.activity]),
  );
  ui.seed.value = String(result.seed);
  ui.runStatus.textContent = `Found ${result.k} segments among ${result.profiles.respondents.toLocaleString("en-GB")} respondents (seed ${result.seed}).`;
  renderReview();
  renderResults();
}

ui.run.addEventListener("click", runSegmentation);
ui.cancel.addEventListener("click", () => {
  cancelJob();
});
for (const input of [ui.kMin, ui.kMax]) input.addEventListener("input", () => (ui.kAuto.checked = true));
ui.kValue.addEventListener("input", () => (ui.kFixed.checked = true));

// ---------- step 4: segments ----------

function colourOf(index) {
  return PALETTE[index % PALETTE.length];
}

function segmentList() {
  const { result } = state.run;
  return result.segments.map((s) => ({ ...s, name: state.names.get(s.id) ?? s.name }));
}

function renderResults() {
  const { result } = state.run;
  const { profiles } = result;
  const summary = [
    `${result.k} segments among ${profiles.assigned.toLocaleString("en-GB")} respondents`,
    result.kScan
      ? ` (between ${result.kScan.entries[0].k} and ${result.kScan.entries.at(-1).k}, ${result.k} separated the groups best: see “Choosing the number of segments”)`
      : " (the number you chose)",
    `. Seed ${result.seed}.`,
  ];
  if (result.stability) summary.push(` Agreement of re-runs (mean adjusted Rand index): ${result.stability.meanAri.toFixed(2)}.`);
  if (profiles.unassigned) summary.push(` ${profiles.unassigned} respondents answered none of the chosen questions and are in no segment.`);
  ui.resultsSummary.replaceChildren(
    el("span", { text: summary.join("") }),
    el("span", {
      class: "hint",
      text: ` Stability badges: the segment's average overlap with its best match in re-runs with other seeds; solid at ${STABILITY_THRESHOLDS.solid} or more, fair at ${STABILITY_THRESHOLDS.fair} or more, weak below. Rename a segment by editing its name.`,
    }),
  );
  const warnings = result.warnings.length
    ? el("ul", { class: "warnings" }, result.warnings.map((w) => el("li", { text: w.message })))
    : null;
  ui.cards.replaceChildren(
    ...result.segments.map((summary, i) =>
      segmentCard({
        profile: profiles.segments.find((p) => p.id === summary.id),
        summary,
        name: state.names.get(summary.id),
        colour: colourOf(i),
        minGroupSize: profiles.minGroupSize,
        onRename: (name) => rename(summary.id, name),
      }),
    ),
  );
  ui.results.querySelector(":scope > ul.warnings")?.remove();
  if (warnings) ui.resultsSummary.after(warnings);
  ui.results.hidden = false;
  ui.exportStep.hidden = false;
  renderCharts();
  renderDownloads();
}

function rename(id, name) {
  state.names.set(id, name);
  renderCharts();
}

/** The chart specs: each becomes a block with the figure, its table and SVG/PNG buttons. */
function chartSpecs() {
  const { result } = state.run;
  const segments = segmentList();
  const names = new Map(segments.map((s) => [s.id, s.name]));
  const width = Math.max(320, Math.min(ui.charts.clientWidth || 720, 900));
  const legend = segments.map((s, i) => ({ colour: colourOf(i), label: s.name }));
  const specs = [];

  // Profile heatmap: clustered questions (and the options of clustered choice questions) × segments.
  const cells = [];
  const questions = [];
  for (const profile of result.profiles.segments) {
    const segment = names.get(profile.id);
    for (const q of profile.questions.filter((q) => q.clustered)) {
      if (q.kind === "likert" || q.kind === "numeric") {
        cells.push({ segment, question: q.question, index: q.index ?? null });
        if (!questions.includes(q.question)) questions.push(q.question);
      } else {
        for (const c of q.categories) {
          const label = `${q.question}: ${c.label}`;
          cells.push({ segment, question: label, index: c.index ?? null });
          if (!questions.includes(label)) questions.push(label);
        }
      }
    }
  }
  specs.push({
    key: "profile-heatmap",
    title: "What sets each segment apart (index, 100 = all respondents)",
    make: () => heatmapChart(cells, segments.map((s) => s.name), questions, { width: Math.max(width, 560) }),
  });
  const assignments = result.assignments;
  const points = [];
  result.projection.points.forEach(([x, y], i) => {
    if (assignments[i] >= 0) points.push({ x, y, segment: assignments[i] });
  });
  const centroids = result.projection.centroids.map(([x, y], i) => ({ x, y, segment: result.segments[i]?.id ?? i }));
  specs.push({
    key: "segment-map",
    title: "Map of respondents (first two principal components), segment centres as crosses",
    legend,
    make: () => projectionChart(points, centroids, names, result.projection.explained, { width: Math.min(width, 720) }),
  });
  specs.push({
    key: "segment-sizes",
    title: "Segment sizes",
    legend,
    make: () => sizesChart(segments, { width }),
  });
  if (result.kScan) {
    specs.push({
      key: "choosing-k",
      title: "Choosing the number of segments",
      make: () => kScanChart(result.kScan.entries, result.kScan.chosen, { width: Math.min(width, 720) }),
    });
  }
  return specs;
}

function renderCharts() {
  const blocks = chartSpecs().map((spec) => {
    const { figure, table } = spec.make();
    // The chart is one picture; its details are in the table below it.
    for (const svg of figure instanceof SVGSVGElement ? [figure] : figure.querySelectorAll("svg")) {
      svg.setAttribute("role", "img");
      if (!svg.hasAttribute("aria-label")) svg.setAttribute("aria-label", spec.title);
      for (const part of svg.querySelectorAll("[aria-label], [aria-description]")) {
        part.removeAttribute("aria-label");
        part.removeAttribute("aria-description");
      }
    }
    const headingId = `chart-${spec.key}-title`;
    const svgText = () => chartSvg(figure, spec.title, spec.legend);
    const name = `${baseName(state.fileName)}-${spec.key}`;
    return el(
      "div",
      { class: "chart-block", dataset: { chart: spec.key }, role: "group", "aria-labelledby": headingId },
      el("h3", { id: headingId, text: spec.title }),
      el("div", { class: "chart-scroll", tabindex: "0", role: "region", "aria-label": `Chart: ${spec.title}` }, figure),
      el(
        "details",
        {},
        el("summary", { text: "Show the figures as a table" }),
        el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": `Table: ${spec.title}` }, table),
      ),
      el(
        "div",
        { class: "actions" },
        el("button", {
          type: "button",
          class: "secondary small",
          text: "Download SVG",
          "aria-label": `Download SVG: ${spec.title}`,
          onclick: () => download(`${name}.svg`, svgText(), "image/svg+xml"),
        }),
        el("button", {
          type: "button",
          class: "secondary small",
          text: "Download PNG",
          "aria-label": `Download PNG: ${spec.title}`,
          onclick: async () => {
            try {
              download(`${name}.png`, await svgToPng(svgText()), "image/png");
            } catch (error) {
              showError(ui.exportError, error);
            }
          },
        }),
      ),
    );
  });
  ui.charts.replaceChildren(el("h3", { class: "charts-title", text: "Charts" }), ...blocks);
}

// ---------- step 5: download ----------

function namesChanged() {
  const { exportNames } = state.run;
  return [...state.names].some(([id, name]) => exportNames.get(id) !== name);
}

/**
 * The exports, with the current names. A seeded run is deterministic, so
 * after a rename the same run is repeated with `names` in the worker.
 */
async function currentExports() {
  if (!namesChanged()) return state.run.exports;
  ui.exportStatus.textContent = "Putting your segment names into the downloads…";
  const run = state.run;
  const names = new Map(state.names);
  // Record<segmentId, name>: a plain object, as the options are JSON-shaped.
  const options = { ...run.options, seed: run.result.seed, names: Object.fromEntries(names) };
  const outcome = await startJob({ task: "segment", segmentOptions: options, fileName: state.fileName }, (p) => {
    ui.exportStatus.textContent = `Putting your segment names into the downloads… ${p.percent} %`;
  });
  if (outcome.type !== "result") {
    ui.exportStatus.textContent = "";
    if (outcome.type === "error") showError(ui.exportError, outcome);
    return null;
  }
  ui.exportStatus.textContent = "The downloads use your segment names.";
  run.exports = {
    assignmentsCsv: outcome.assignmentsCsv,
    profilesCsv: outcome.profilesCsv,
    model: outcome.model,
    report: outcome.report,
  };
  run.exportNames = names;
  return run.exports;
}

function renderDownloads() {
  const base = baseName(state.fileName);
  const item = (label, fileName, type, pick) =>
    el("button", {
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
  ui.downloads.replaceChildren(
    item("Segment of each respondent (CSV)", `${base}-assignments.csv`, "text/csv", (e) => e.assignmentsCsv),
    item("Segment profiles (CSV)", `${base}-profiles.csv`, "text/csv", (e) => e.profilesCsv),
    item("Model to reuse (JSON)", `${base}-model.json`, "application/json", (e) => `${JSON.stringify(e.model, null, 2)}\n`),
    item("Report (HTML)", `${base}-report.html`, "text/html", (e) => e.report),
  );
}

// ---------- step 6: reuse a saved model ----------

ui.modelInput.addEventListener("change", async () => {
  const file = ui.modelInput.files[0];
  ui.modelInput.value = "";
  if (!file) return;
  showError(ui.reuseError, null);
  ui.reuseResult.replaceChildren();
  if (!state.bytes || !state.survey) {
    showError(ui.reuseError, new Error("Choose a survey in step 1 first: the model puts its respondents into segments."));
    return;
  }
  let model;
  try {
    model = JSON.parse(await file.text());
  } catch (error) {
    showError(ui.reuseError, new Error(`${file.name} is not a model JSON file: ${error.message}`));
    return;
  }
  ui.reuseStatus.textContent = `Putting the respondents of ${state.fileName} into the segments of ${file.name}…`;
  const outcome = await startJob({ task: "assign", model }, null);
  if (outcome.type !== "result") {
    ui.reuseStatus.textContent = "";
    if (outcome.type === "error") showError(ui.reuseError, outcome);
    return;
  }
  const segmentIds = model.segmentIds ?? [];
  const nameOf = (id) => {
    const at = segmentIds.indexOf(id);
    return (at >= 0 && model.names?.[at]) || `Segment ${id + 1}`;
  };
  const counts = new Map(segmentIds.map((id) => [id, 0]));
  for (const id of outcome.assignments) counts.set(id, (counts.get(id) ?? 0) + 1);
  const rows = [...counts]
    .sort(([a], [b]) => (a < 0) - (b < 0) || a - b)
    .map(([id, n]) => [id < 0 ? "In no segment (no answers)" : nameOf(id), String(n), percent(n / outcome.respondents)]);
  const lines = ["respondent_id,segment_id,segment_name,distance"];
  outcome.assignments.forEach((id, i) => {
    const distance = outcome.distances[i];
    lines.push(
      [outcome.ids[i], id, id < 0 ? "" : nameOf(id), Number.isFinite(distance) ? distance : ""].map(csvCell).join(","),
    );
  });
  const csv = `${lines.join("\r\n")}\r\n`;
  const fileName = `${baseName(state.fileName)}-assigned-with-${baseName(file.name)}.csv`;
  ui.reuseStatus.textContent = `${outcome.respondents.toLocaleString("en-GB")} respondents put into the segments of ${file.name}.`;
  ui.reuseResult.replaceChildren(
    dataTable(`Respondents of ${state.fileName} per segment of ${file.name}`, ["Segment", "Respondents", "Share"], rows),
    el(
      "div",
      { class: "actions" },
      el("button", {
        type: "button",
        class: "secondary",
        id: "reuse-download",
        text: "Segment of each respondent (CSV)",
        onclick: () => download(fileName, csv, "text/csv"),
      }),
    ),
  );
});

// Open with the sample survey loaded and segmented.
loadSample();
