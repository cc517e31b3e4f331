// Chart builders: pure functions from plain result data to DOM nodes, drawn
// with Observable Plot. Each returns { figure, table }: the chart and its
// accessible table equivalent. User text reaches the DOM only through Plot
// or textContent.
import * as Plot from "@observablehq/plot";

// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

export function segmentColour(segmentIds) {
  const domain = segmentIds.map(String);
  const range = domain.map((_, i) => PALETTE[i % PALETTE.length]);
  return { type: "categorical", domain, range };
}

/** A table from column headings and rows of cell texts. */
export function dataTable(caption, headings, rows) {
  const table = document.createElement("table");
  table.className = "data-table";
  const cap = document.createElement("caption");
  cap.textContent = caption;
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  for (const h of headings) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = h;
    headRow.append(th);
  }
  head.append(headRow);
  const body = document.createElement("tbody");
  for (const cells of rows) {
    const tr = document.createElement("tr");
    cells.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) cell.scope = "row";
      cell.textContent = text;
      tr.append(cell);
    });
    body.append(tr);
  }
  table.append(cap, head, body);
  return table;
}

const pct = (x) => `${(x * 100).toFixed(1)} %`;

/** Segment sizes: one bar per segment. `segments`: [{ id, name, size, share }]. */
export function sizesChart(segments, { width = 640 } = {}) {
  const figure = Plot.plot({
    width,
    height: 40 + 34 * segments.length,
    marginLeft: Math.min(Math.round(width * 0.45), 16 + 6.2 * Math.max(...segments.map((s) => s.name.length))),
    marginRight: 56,
    x: { label: "Respondents", grid: true },
    y: { label: null, domain: segments.map((s) => s.name) },
    color: segmentColour(segments.map((s) => s.id)),
    marks: [
      Plot.barX(segments, { y: "name", x: "size", fill: (s) => String(s.id), tip: true }),
      Plot.text(segments, { y: "name", x: "size", text: (s) => pct(s.share), dx: 4, textAnchor: "start" }),
      Plot.ruleX([0]),
    ],
  });
  const table = dataTable(
    "Segment sizes",
    ["Segment", "Respondents", "Share"],
    segments.map((s) => [s.name, String(s.size), pct(s.share)]),
  );
  return { figure, table };
}

/**
 * The k-selection chart: silhouette and inertia per k, the chosen k marked.
 * `entries`: [{ k, inertia, silhouette, calinskiHarabasz, daviesBouldin }].
 */
export function kScanChart(entries, chosen, { width = 640 } = {}) {
  const panel = (measure, label) =>
    Plot.plot({
      width,
      height: 190,
      marginLeft: 70,
      x: { label: "Number of segments (k)", ticks: entries.map((e) => e.k), tickFormat: "d" },
      y: { label, grid: true },
      marks: [
        Plot.ruleX([chosen], { stroke: "#D55E00", strokeWidth: 2, strokeDasharray: "4,3" }),
        Plot.lineY(entries, { x: "k", y: measure, stroke: "#0072B2" }),
        Plot.dot(entries, { x: "k", y: measure, fill: "#0072B2", r: 4, tip: true }),
      ],
    });
  const figure = document.createElement("div");
  figure.className = "kscan-chart";
  figure.append(panel("silhouette", "↑ Silhouette (higher is better)"), panel("inertia", "↓ Inertia (lower is better)"));
  const table = dataTable(
    `Choosing the number of segments (chosen: ${chosen})`,
    ["k", "Silhouette", "Inertia", "Calinski–Harabasz", "Davies–Bouldin"],
    entries.map((e) => [
      e.k === chosen ? `${e.k} (chosen)` : String(e.k),
      e.silhouette.toFixed(3),
      e.inertia.toFixed(1),
      e.calinskiHarabasz.toFixed(1),
      e.daviesBouldin.toFixed(3),
    ]),
  );
  return { figure, table };
}

/**
 * The 2-D map: respondents coloured by segment, centroids as crosses.
 * `points`: [{ x, y, segment }], `centroids`: [{ x, y, segment }],
 * `names`: Map of segment id to name, `explained`: [share of axis 1, axis 2].
 */
export function projectionChart(points, centroids, names, explained, { width = 640 } = {}) {
  const label = (id) => names.get(id) ?? `Segment ${id}`;
  const ids = [...names.keys()];
  const figure = Plot.plot({
    width,
    height: Math.round(width * 0.75),
    x: { label: `Component 1 (${pct(explained[0])} of variance)`, grid: true },
    y: { label: `Component 2 (${pct(explained[1])} of variance)`, grid: true },
    color: { ...segmentColour(ids), legend: true, tickFormat: (id) => label(Number(id)) },
    marks: [
      Plot.dot(points, { x: "x", y: "y", fill: (p) => String(p.segment), r: 2, fillOpacity: 0.55 }),
      Plot.dot(centroids, { x: "x", y: "y", stroke: "#000", fill: (c) => String(c.segment), r: 7, symbol: "cross", strokeWidth: 1.5, tip: true, title: (c) => label(c.segment) }),
    ],
  });
  const table = dataTable(
    "Segment centres on the map",
    ["Segment", "Component 1", "Component 2", "Respondents"],
    centroids.map((c) => [label(c.segment), c.x.toFixed(3), c.y.toFixed(3), String(points.filter((p) => p.segment === c.segment).length)]),
  );
  return { figure, table };
}

/**
 * The profile heatmap: segments × questions, index against all respondents
 * (100 = average). `cells`: [{ segment (name), question, index, value }].
 */
export function heatmapChart(cells, segmentNames, questions, { width = 720 } = {}) {
  const longest = Math.max(0, ...questions.map((q) => q.length));
  const marginLeft = Math.min(Math.round(width * 0.45), 16 + 6.2 * longest);
  const columnWidth = (width - marginLeft - 20) / Math.max(1, segmentNames.length);
  const figure = Plot.plot({
    width,
    height: 90 + 24 * questions.length,
    marginLeft,
    marginTop: 70,
    padding: 0.04,
    x: { label: null, domain: segmentNames, axis: null },
    y: { label: null, domain: questions, tickSize: 0 },
    color: {
      type: "diverging-log",
      pivot: 100,
      domain: [25, 400],
      clamp: true,
      scheme: "PuOr",
      reverse: true,
      legend: true,
      label: "Index (100 = all respondents; above 100 = more than average)",
    },
    marks: [
      Plot.axisX({ anchor: "top", label: null, tickSize: 0, lineWidth: Math.max(4, (columnWidth - 8) / 12), fontSize: 11 }),
      Plot.cell(cells, { x: "segment", y: "question", fill: "index", tip: true }),
      Plot.text(cells, {
        x: "segment",
        y: "question",
        text: (d) => (d.index == null ? "–" : d.index.toFixed(0)),
        fill: (d) => (d.index != null && (d.index >= 250 || d.index <= 40) ? "white" : "black"),
      }),
    ],
  });
  const table = dataTable(
    "Profile index by segment (100 = all respondents)",
    ["Question", ...segmentNames],
    questions.map((q) => [q, ...segmentNames.map((s) => {
      const cell = cells.find((c) => c.question === q && c.segment === s);
      return cell?.index == null ? "–" : cell.index.toFixed(0);
    })]),
  );
  return { figure, table };
}
