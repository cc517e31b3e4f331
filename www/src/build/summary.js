// Texts about a whole result and about a reuse of a saved model: pure
// functions from plain data to text or DOM nodes.
import { el, percent } from "../dom.js";
import { dataTable } from "./charts.js";
import { STABILITY_THRESHOLDS } from "./cards.js";

const count = (n) => n.toLocaleString("en-GB");

/** The run status line after a segmentation. */
export function runStatus(result) {
  return `Found ${result.k} segments among ${count(result.profiles.respondents)} respondents (seed ${result.seed}).`;
}

/** The paragraph above the cards: what was found, how stable, who is left out, how to rename. */
export function resultsSummary(result) {
  const { profiles } = result;
  const parts = [
    `${result.k} segments among ${count(profiles.assigned)} respondents`,
    result.kScan
      ? ` (between ${result.kScan.entries[0].k} and ${result.kScan.entries.at(-1).k}, ${result.k} separated the groups best: see “Choosing the number of segments”)`
      : " (the number you chose)",
    `. Seed ${result.seed}.`,
  ];
  if (result.stability) parts.push(` Agreement of re-runs (mean adjusted Rand index): ${result.stability.meanAri.toFixed(2)}.`);
  if (profiles.unassigned) parts.push(` ${profiles.unassigned} respondents answered none of the chosen questions and are in no segment.`);
  return el(
    "p",
    {},
    el("span", { text: parts.join("") }),
    el("span", {
      class: "hint",
      text: ` Stability badges: the segment's average overlap with its best match in re-runs with other seeds; solid at ${STABILITY_THRESHOLDS.solid} or more, fair at ${STABILITY_THRESHOLDS.fair} or more, weak below. Rename a segment by editing its name.`,
    }),
  );
}

/**
 * When the chosen number of segments is the largest (or the smallest above
 * 2) of the range scanned, a wider range may find a better one: the offer
 * to try it, or null. `onWiden({ kMin, kMax })` runs the wider scan.
 */
export function widenOffer(result, onWiden) {
  const scan = result.kScan;
  if (!scan?.edge) return null;
  const first = scan.entries[0].k;
  const last = scan.entries.at(-1).k;
  const wider = scan.edge === "upper" ? { kMin: first, kMax: Math.min(50, last + 4) } : { kMin: Math.max(2, first - 3), kMax: last };
  const end = scan.edge === "upper" ? "largest" : "smallest";
  const more = scan.edge === "upper" ? "More" : "Fewer";
  return el(
    "p",
    { class: "widen", id: "widen-k" },
    el("span", {
      text: `${scan.chosen} segments is the ${end} number tried (${first} to ${last}). ${more} segments may separate the groups better. `,
    }),
    el("button", { type: "button", text: `Try ${wider.kMin} to ${wider.kMax} segments`, onclick: () => onWiden(wider) }),
  );
}

/** A list of the library's warnings, or null when there are none. */
export function warningList(warnings) {
  return warnings.length ? el("ul", { class: "warnings" }, warnings.map((w) => el("li", { text: w.message }))) : null;
}

/** Activities the last run recognised from column names: Map of question → activity label. */
export function recognisedActivities(result, activityNames) {
  return new Map(
    result.profiles.activities.sources
      .filter((s) => s.option == null)
      .map((s) => [s.question, activityNames.get(s.activity) ?? s.activity]),
  );
}

/**
 * The reuse table: respondents per segment of a saved model. `model`: the
 * model JSON (segmentIds, names); `assignments`: segment id per respondent,
 * -1 for none.
 */
export function reuseTable(model, assignments, { surveyName, modelName }) {
  const segmentIds = model.segmentIds ?? [];
  const nameOf = (id) => {
    const at = segmentIds.indexOf(id);
    return (at >= 0 && model.names?.[at]) || `Segment ${id + 1}`;
  };
  const counts = new Map(segmentIds.map((id) => [id, 0]));
  for (const id of assignments) counts.set(id, (counts.get(id) ?? 0) + 1);
  const rows = [...counts]
    .sort(([a], [b]) => (a < 0) - (b < 0) || a - b)
    .map(([id, n]) => [id < 0 ? "In no segment (no answers)" : nameOf(id), String(n), percent(n / Math.max(1, assignments.length))]);
  return dataTable(`Respondents of ${surveyName} per segment of ${modelName}`, ["Segment", "Respondents", "Share"], rows);
}
