// Golden snapshots of the chart, card, table and text builders of the page
// (www/src/build/), rendered in jsdom on a fixed result (fixtures/
// sample-result.json, made by scripts/make-page-fixture.mjs). See
// snapshot.mjs for how they are compared and when they are written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useJsdom, assertSnapshot, serialise } from "./snapshot.mjs";

useJsdom();
const { segmentCard } = await import("../../www/src/build/cards.js");
const { columnRows, leftOutNote } = await import("../../www/src/build/columns.js");
const { chartBlock, colourOf, heatmapData, mapData, resultCharts } = await import("../../www/src/build/result-charts.js");
const { recognisedActivities, resultsSummary, reuseTable, runStatus, warningList } = await import("../../www/src/build/summary.js");
const { ACTIVITIES } = await import("../../www/src/build/columns.js");
const { accuracySentence, questionList, recallList, shareInWords } = await import("../../www/src/build/shortform.js");

const { columns, roles, result } = JSON.parse(readFileSync(new URL("./fixtures/sample-result.json", import.meta.url), "utf8"));
const names = new Map(result.segments.map((s) => [s.id, s.name]));
const wrap = (...children) => {
  const div = document.createElement("div");
  div.append(...children);
  return div;
};

for (const chart of resultCharts(result, names, { width: 720 })) {
  test(`chart ${chart.key}`, () => assertSnapshot(`chart-${chart.key}`, wrap(chart.figure, chart.table)));
}

test("chart block: heading, one picture to assistive technology, its table and buttons", () => {
  const [sizes] = resultCharts(result, names, { width: 480 }).filter((c) => c.key === "segment-sizes");
  const block = chartBlock(sizes, { onSvg() {}, onPng() {} });
  assert.equal(block.querySelector("svg").getAttribute("role"), "img");
  assert.equal(block.querySelectorAll("svg [aria-label]").length, 0);
  assertSnapshot("chart-block-segment-sizes", block);
});

test("charts carry renamed segments, and a name written as HTML stays text", () => {
  const hostile = new Map(names).set(result.segments[0].id, "<img src=x onerror=alert(1)>");
  const charts = resultCharts(result, hostile, { width: 720 });
  const sizes = charts.find((c) => c.key === "segment-sizes");
  assert.equal(sizes.figure.querySelectorAll("img").length, 0);
  assert.ok(sizes.table.textContent.includes("<img src=x onerror=alert(1)>"));
  assertSnapshot("chart-segment-sizes-hostile-name", wrap(sizes.figure, sizes.table));
});

test("chart inputs: heatmap cells and map points from the result", () => {
  const heat = heatmapData(result, names);
  assert.equal(heat.cells.length, heat.questions.length * result.k);
  const map = mapData(result);
  assert.equal(map.points.length, result.assignments.filter((a) => a >= 0).length);
  assert.deepEqual(map.centroids.map((c) => c.segment), result.segments.map((s) => s.id));
});

for (const [i, summary] of result.segments.entries()) {
  test(`card of segment ${summary.id}`, () => {
    const card = segmentCard({
      profile: result.profiles.segments.find((p) => p.id === summary.id),
      summary,
      name: summary.name,
      colour: colourOf(i),
      minGroupSize: result.profiles.minGroupSize,
      onRename() {},
    });
    assertSnapshot(`card-${summary.id}`, card);
  });
}

test("card of a small segment with nothing that sets it apart, stability not measured", () => {
  const profile = { ...result.profiles.segments[0], belowMinSize: true, brief: { ...result.profiles.segments[0].brief, activities: [], descriptors: [] } };
  const summary = { ...result.segments[0], size: 7, share: 7 / 1500, stability: null };
  const card = segmentCard({ profile, summary, name: "<b>Few</b>", colour: colourOf(0), minGroupSize: 10, onRename() {} });
  assert.equal(card.querySelectorAll("b").length, 0);
  assertSnapshot("card-small-segment", card);
});

test("card with a lead activity, a way to reach the segment, its channels and a caution (briefs of issue 11)", () => {
  const base = result.profiles.segments[0];
  const brief = {
    ...base.brief,
    headline: "Too unstable to act on alone. 212 respondents; offer co-design through a user panel; reach them at community events.",
    activities: [],
    lead: { activity: "coDesign", activityName: "co-design of services", basis: "mostOpen", approaches: ["user panel"], sentence: "Offer co-design: a user panel" },
    reach: "Reach them at community events and by post; they are older than average.",
    caution: "Too unstable to act on alone (stability 0.52): check it with another seed.",
    descriptors: [
      { question: "preferred_channel", level: "Community event", channel: true, description: "Preferred channel: Community event, 45 % against 20 % of all respondents" },
      { question: "preferred_channel", level: "Post", channel: true, description: "Preferred channel: Post, 30 % against 12 % of all respondents" },
      { question: "age_band", level: "75+", channel: false, description: "Age band: 75+, 38 % against 14 % of all respondents" },
    ],
  };
  const card = segmentCard({
    profile: { ...base, brief },
    summary: { ...result.segments[0], stability: 0.52 },
    name: "Open to co-design, reached in person",
    colour: colourOf(0),
    minGroupSize: result.profiles.minGroupSize,
    onRename() {},
  });
  assert.deepEqual([...card.querySelectorAll("h4")].map((h) => h.textContent), ["Cares about", "How to reach them", "Who they are"]);
  // No activity above average: the lead is the one listed, with its approach.
  assert.equal(card.querySelector(".activities strong").textContent, "co-design of services");
  assert.equal(card.querySelector(".activities .approaches").textContent, "Try: user panel.");
  assert.equal(card.querySelector(".reach"), null, "the reach sentence is said once, in the headline");
  assert.equal(card.querySelector(".caution").textContent, brief.caution);
  assert.deepEqual([...card.querySelectorAll(".channels li")].map((li) => li.textContent), brief.descriptors.slice(0, 2).map((d) => d.description));
  assert.deepEqual([...card.querySelectorAll(".descriptors li")].map((li) => li.textContent), [brief.descriptors[2].description]);
  assertSnapshot("card-lead-reach-caution", card);
});

test("card rename: an edited name is reported, an emptied one restored", () => {
  const heard = [];
  const summary = result.segments[0];
  const card = segmentCard({
    profile: result.profiles.segments.find((p) => p.id === summary.id),
    summary,
    name: summary.name,
    colour: colourOf(0),
    minGroupSize: result.profiles.minGroupSize,
    onRename: (name) => heard.push(name),
  });
  const input = card.querySelector("textarea");
  input.value = "  Green volunteers ";
  input.dispatchEvent(new window.Event("change"));
  input.value = "   ";
  input.dispatchEvent(new window.Event("change"));
  assert.deepEqual(heard, ["Green volunteers"]);
  assert.equal(input.value, summary.name);
});

test("columns table of the sample: each column's role with its reason, one changed by the analyst", () => {
  const chosen = { area: "leftOut", co_financing: "descriptor" };
  const settings = (name) => ({ role: chosen[name] ?? null, weight: name === "co_planning" ? 2 : 1, activity: name === "co_design" ? "coDesign" : "" });
  const recognised = recognisedActivities(result, new Map(ACTIVITIES));
  const defaults = (name) => roles.find((r) => r.question === name);
  const changed = [];
  const body = document.createElement("tbody");
  body.append(...columnRows(columns, { settings, defaults, recognised: (n) => recognised.get(n), weightColumn: "", on: { role: (n, r) => changed.push([n, r]) } }));
  const row = (name) => body.querySelector(`tr[data-column="${name}"]`);
  const shown = (name) => [row(name).dataset.role, row(name).querySelector("td.role .reason").textContent];
  assert.deepEqual(shown("co_design"), ["basis", "asks about co-design"]);
  assert.deepEqual(shown("preferred_channel"), ["descriptor", "how people like to be reached"]);
  assert.deepEqual(shown("area"), ["leftOut", "your choice (by default descriptor: who people are or where they live)"]);
  assert.deepEqual(shown("co_financing"), ["descriptor", "your choice (by default basis: asks about co-financing)"]);
  assert.deepEqual(shown("comments"), ["leftOut", "free text, not clustered"]);
  assert.ok(row("comments").querySelector("td.role select").disabled);
  assert.ok(row("co_financing").querySelector('input[type="number"]').disabled, "only a basis question has a weight");
  assert.ok(!row("co_planning").querySelector('input[type="number"]').disabled);
  const select = row("age_band").querySelector("td.role select");
  select.value = "basis";
  select.dispatchEvent(new window.Event("change"));
  assert.deepEqual(changed, [["age_band", "basis"]]);
  assertSnapshot("columns", body);
});

test("columns table of a survey-tool export: short codes, metadata left out with its reason, an Other text", () => {
  // The shape parseSurvey gives a Qualtrics export (three header rows).
  const scale = { min: 1, max: 5, labels: ["Not at all interested", "Not so interested", "Somewhat interested", "Very interested", "Extremely interested"] };
  const columns = [
    { name: "Response ID", kind: "id", missing: 0, code: "ResponseId" },
    { name: "IP Address", kind: "metadata", missing: 0, code: "IPAddress", reason: "named like an IP address" },
    { name: "Progress", kind: "metadata", missing: 0, code: "Progress", reason: "named like a response status or progress" },
    { name: "How interested are you? - Planning <b>now</b>", kind: "likert", missing: 2, code: "Q1_1", scale },
    { name: "Which services do you use? - Other", kind: "text", missing: 27, code: "Q2_4_TEXT", otherOf: "Which services do you use?" },
    { name: "Comments", kind: "text", missing: 12, code: "Q3" },
  ];
  const settings = () => ({ role: null, weight: 1, activity: "" });
  const defaults = (name) =>
    name.startsWith("How interested") ? { role: "basis", reason: "asks about co-planning" } : { role: "leftOut", reason: "not an answer" };
  const body = document.createElement("tbody");
  body.append(...columnRows(columns, { settings, defaults, recognised: () => undefined, weightColumn: "", on: {} }));
  const rows = [...body.querySelectorAll("tr")];
  assert.deepEqual(rows.map((r) => r.className), ["left-out", "left-out", "left-out", "", "left-out", "left-out"]);
  assert.equal(rows[1].querySelector(".reason").textContent, "named like an IP address");
  assert.equal(rows[1].querySelector("select").getAttribute("aria-describedby"), rows[1].querySelector(".reason").id);
  assert.equal(rows[3].querySelector("th").textContent, "How interested are you? - Planning <b>now</b>Q1_1");
  assert.equal(body.querySelectorAll("b").length, 0);
  const note = leftOutNote(columns);
  assert.equal(
    note.textContent,
    "Never used for segments: the respondent id (Response ID); 2 columns about the response (IP Address, Progress); and 2 free-text columns (Which services do you use? - Other, Comments).",
  );
  assert.equal(leftOutNote(columns.slice(3, 4)), null);
  assertSnapshot("columns-survey-tool", wrap(body, note));
});

test("results summary, run status and warnings", () => {
  assert.match(runStatus(result), /^Found \d+ segments among 1,500 respondents \(seed 42\)\.$/);
  const warnings = warningList([{ message: "Column \"<i>x</i>\" has one answer only." }]);
  assert.equal(warningList([]), null);
  assertSnapshot("results-summary", wrap(resultsSummary(result), warnings));
});

test("results summary counts the respondents who answered none of the clustered questions (unassignable)", () => {
  const none = resultsSummary({ ...result, profiles: { ...result.profiles, unassigned: 0 } }).textContent;
  assert.ok(!none.includes("answered none"), none);
  const some = resultsSummary({ ...result, profiles: { ...result.profiles, unassigned: 37 } }).textContent;
  assert.ok(some.includes("37 respondents answered none of the chosen questions and are in no segment."), some);
});

test("reuse table: respondents per segment of a saved model, the unassigned last", () => {
  const model = { segmentIds: [0, 1, 2], names: ["Planners", "", "Doers"] };
  const table = reuseTable(model, [0, 0, 2, -1, 1, 0, -1, 2], { surveyName: "new.csv", modelName: "old-model.json" });
  assertSnapshot("reuse-table", table);
  assert.match(serialise(table), /Segment 2/);
});

test("short form: shares in words, the accuracy sentence, recall per segment and the questions with a swap", () => {
  const words = [0, 0.05, 0.15, 0.5, 0.83, 0.87, 0.9, 0.91, 0.97, 0.99, 1, NaN].map(shareInWords);
  assert.deepEqual(words, [
    "hardly anyone", "nearly 1 in 10", "nearly 2 in 10", "5 in 10", "more than 8 in 10", "nearly 9 in 10",
    "9 in 10", "9 in 10", "more than 9 in 10", "almost everyone", "almost everyone", "an unknown share of",
  ]);
  const shortForm = {
    chosen: true,
    questions: [
      { column: "co_design", text: "co_design", kind: "likert", options: ["Not at all interested", "Very interested"] },
      { column: "<b>area</b>", text: "<b>area</b>", kind: "categorical", options: ["North", "South"] },
    ],
    segments: [{ id: 0, name: "Designers" }, { id: 1, name: "Locals" }],
    accuracy: {
      folds: 5,
      respondents: 1500,
      overall: 0.9,
      segments: [
        { segment: 0, respondents: 800, recall: 0.95 },
        { segment: 1, respondents: 700, recall: 0.84 },
      ],
    },
  };
  assert.equal(
    accuracySentence(shortForm),
    "With 2 questions, the form puts 9 in 10 people in the same segment as the full survey (90 % of 1,500 respondents, each checked against a form built without them).",
  );
  const recall = recallList(shortForm, new Map([[1, "Renamed locals"]]));
  assert.deepEqual([...recall.querySelectorAll("li")].map((li) => li.textContent), [
    "Designers: more than 9 in 10 of its 800 respondents (95 %)",
    "Renamed locals: more than 8 in 10 of its 700 respondents (84 %)",
  ]);
  const swaps = [];
  const list = questionList(shortForm, { candidates: ["co_design", "co_planning", "<b>area</b>"], onSwap: (i, c) => swaps.push([i, c]) });
  const [first] = list.querySelectorAll("select");
  assert.deepEqual([...first.options].map((o) => o.value), ["co_design", "co_planning"], "a question already asked is not offered again");
  first.value = "co_planning";
  first.dispatchEvent(new window.Event("change"));
  assert.deepEqual(swaps, [[0, "co_planning"]]);
  assert.equal(list.querySelectorAll("b").length, 0);
  assertSnapshot("short-form", wrap(list, recall));
});
