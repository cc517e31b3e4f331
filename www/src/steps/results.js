// Step 4: the segments: summary, one card per segment (its name editable)
// and the charts. The builders in build/ make the nodes; this file puts them
// in the page and wires renames and chart downloads.
import { el, showError } from "../dom.js";
import { segmentCard } from "../build/cards.js";
import { ACTIVITIES } from "../build/columns.js";
import { chartBlock, colourOf, resultCharts } from "../build/result-charts.js";
import { recognisedActivities, resultsSummary, runStatus, warningList, widenOffer } from "../build/summary.js";
import { chartSvg, download, svgToPng } from "../download.js";
import { baseName, state, ui } from "../state.js";
import { renderReview } from "./review.js";
import { clearDownloads, renderDownloads } from "./export.js";
import { clearShortForm, showShortFormStep } from "./shortform.js";

const activityNames = new Map(ACTIVITIES);

/** Shows the run in state.run: the review table's recognised activities, the status, cards, charts and downloads. */
export function showRun() {
  const { result } = state.run;
  state.recognised = recognisedActivities(result, activityNames);
  ui.runStatus.textContent = runStatus(result);
  renderReview();
  renderResults();
}

export function clearResults() {
  ui.results.hidden = true;
  ui.cards.replaceChildren();
  ui.charts.replaceChildren();
  clearDownloads();
  clearShortForm();
  ui.formStep.hidden = true;
}

function renderResults() {
  const { result } = state.run;
  const { profiles } = result;
  ui.resultsSummary.replaceChildren(...resultsSummary(result).childNodes);
  ui.results.querySelector(":scope > ul.warnings")?.remove();
  ui.results.querySelector(":scope > #widen-k")?.remove();
  // The offer says what the k-at-edge warning says, in the page's words; it
  // asks step 3 (which owns the run) to scan the wider range.
  const widen = widenOffer(result, (range) => document.dispatchEvent(new CustomEvent("widen-k", { detail: range })));
  const warnings = warningList(result.warnings.filter((w) => !(widen && w.code === "kAtEdge")));
  if (warnings) ui.resultsSummary.after(warnings);
  if (widen) ui.resultsSummary.after(widen);
  ui.cards.replaceChildren(
    ...result.segments.map((segment, i) =>
      segmentCard({
        profile: profiles.segments.find((p) => p.id === segment.id),
        summary: segment,
        name: state.names.get(segment.id),
        colour: colourOf(i),
        minGroupSize: profiles.minGroupSize,
        onRename: (name) => rename(segment.id, name),
      }),
    ),
  );
  ui.results.hidden = false;
  renderCharts();
  renderDownloads();
  showShortFormStep();
}

function rename(id, name) {
  state.names.set(id, name);
  renderCharts();
}

function renderCharts() {
  const charts = resultCharts(state.run.result, state.names, { width: ui.charts.clientWidth || 720 });
  const blocks = charts.map((chart) => {
    const svgText = () => chartSvg(chart.figure, chart.title, chart.legend);
    const name = `${baseName(state.fileName)}-${chart.key}`;
    return chartBlock(chart, {
      onSvg: () => download(`${name}.svg`, svgText(), "image/svg+xml"),
      onPng: async () => {
        try {
          download(`${name}.png`, await svgToPng(svgText()), "image/png");
        } catch (error) {
          showError(ui.exportError, error);
        }
      },
    });
  });
  ui.charts.replaceChildren(el("h3", { class: "charts-title", text: "Charts" }), ...blocks);
}
