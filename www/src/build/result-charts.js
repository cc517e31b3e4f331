// From a segmentation result (its toJSON()) and the names shown to the
// chart inputs and chart blocks: pure functions, no page state. Each chart is
// { key, title, legend, figure, table }; chartBlock wraps one with its
// heading, table equivalent and download buttons.
import { el } from "../dom.js";
import { PALETTE, heatmapChart, kScanChart, projectionChart, sizesChart } from "./charts.js";

export function colourOf(index) {
  return PALETTE[index % PALETTE.length];
}

/** The result's segments with the names shown (`names`: Map of id → name; missing ids keep theirs). */
export function segmentList(result, names) {
  return result.segments.map((s) => ({ ...s, name: names.get(s.id) ?? s.name }));
}

/**
 * The profile heatmap's cells: clustered questions (and the options of
 * clustered choice questions) × segments, by name.
 */
export function heatmapData(result, names) {
  const cells = [];
  const questions = [];
  const add = (segment, question, index) => {
    cells.push({ segment, question, index: index ?? null });
    if (!questions.includes(question)) questions.push(question);
  };
  for (const profile of result.profiles.segments) {
    const segment = names.get(profile.id);
    for (const q of profile.questions.filter((q) => q.clustered)) {
      if (q.kind === "likert" || q.kind === "numeric") add(segment, q.question, q.index);
      else for (const c of q.categories) add(segment, `${q.question}: ${c.label}`, c.index);
    }
  }
  return { cells, questions };
}

/** The map's respondents (those in a segment) and segment centres. */
export function mapData(result) {
  const { assignments, projection } = result;
  const points = [];
  projection.points.forEach(([x, y], i) => {
    if (assignments[i] >= 0) points.push({ x, y, segment: assignments[i] });
  });
  const centroids = projection.centroids.map(([x, y], i) => ({ x, y, segment: result.segments[i]?.id ?? i }));
  return { points, centroids, explained: projection.explained };
}

/** Every chart of a result, for a container `width` px wide. */
export function resultCharts(result, names, { width = 720 } = {}) {
  const segments = segmentList(result, names);
  const shown = new Map(segments.map((s) => [s.id, s.name]));
  const w = Math.max(320, Math.min(width, 900));
  const legend = segments.map((s, i) => ({ colour: colourOf(i), label: s.name }));
  const heat = heatmapData(result, shown);
  const map = mapData(result);
  const charts = [
    {
      key: "profile-heatmap",
      title: "What sets each segment apart (index, 100 = all respondents)",
      ...heatmapChart(heat.cells, segments.map((s) => s.name), heat.questions, { width: Math.max(w, 560) }),
    },
    {
      key: "segment-map",
      title: "Map of respondents (first two principal components), segment centres as crosses",
      legend,
      ...projectionChart(map.points, map.centroids, shown, map.explained, { width: Math.min(w, 720) }),
    },
    { key: "segment-sizes", title: "Segment sizes", legend, ...sizesChart(segments, { width: w }) },
  ];
  if (result.kScan) {
    charts.push({
      key: "choosing-k",
      title: "Choosing the number of segments",
      ...kScanChart(result.kScan.entries, result.kScan.chosen, { width: Math.min(w, 720) }),
    });
  }
  return charts;
}

/**
 * One chart as a block: heading, the figure (one picture to assistive
 * technology: its details are in the table), the table in a <details>, and
 * SVG/PNG buttons calling `onSvg()` / `onPng()`.
 */
export function chartBlock(chart, { onSvg, onPng }) {
  const { key, title, figure, table } = chart;
  for (const svg of figure.tagName.toLowerCase() === "svg" ? [figure] : figure.querySelectorAll("svg")) {
    svg.setAttribute("role", "img");
    if (!svg.hasAttribute("aria-label")) svg.setAttribute("aria-label", title);
    for (const part of svg.querySelectorAll("[aria-label], [aria-description]")) {
      part.removeAttribute("aria-label");
      part.removeAttribute("aria-description");
    }
  }
  const headingId = `chart-${key}-title`;
  const button = (format, onclick) =>
    el("button", { type: "button", class: "secondary small", text: `Download ${format}`, "aria-label": `Download ${format}: ${title}`, onclick });
  return el(
    "div",
    { class: "chart-block", dataset: { chart: key }, role: "group", "aria-labelledby": headingId },
    el("h3", { id: headingId, text: title }),
    el("div", { class: "chart-scroll", tabindex: "0", role: "region", "aria-label": `Chart: ${title}` }, figure),
    el(
      "details",
      {},
      el("summary", { text: "Show the figures as a table" }),
      el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": `Table: ${title}` }, table),
    ),
    el("div", { class: "actions" }, button("SVG", onSvg), button("PNG", onPng)),
  );
}
