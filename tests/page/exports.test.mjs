// The page's downloads are the package's own exports: byte for byte what the
// built package gives in Node for the same file and options, before and after
// a rename, and the reuse step's CSV. (The report carries no date or time, so
// nothing is normalised.) A rename only re-exports: the worker's count of
// segmentations does not move.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards, downloadText } from "./harness.mjs";

const dist = fileURLToPath(new URL("../../www/dist/", import.meta.url));
const pkg = new URL("../../pkg/", import.meta.url);
const lib = await import(new URL("citizen_segments.js", pkg));
lib.initSync({ module: readFileSync(new URL("citizen_segments_bg.wasm", pkg)) });
const sample = readFileSync(new URL("../../www/public/sample-survey.csv", import.meta.url));
let server;
let browser;
let dir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "citizen-segments-"));
  server = await serveStatic(dist);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The four downloads of the page, as text. */
async function downloads(page) {
  const text = async (suffix) => (await downloadText(page, `[data-download$="-${suffix}"]`)).text;
  return {
    assignmentsCsv: await text("assignments.csv"),
    profilesCsv: await text("profiles.csv"),
    model: await text("model.json"),
    report: await text("report.html"),
  };
}

/** The same four files from the package in Node. */
function packageExports(segmentation, fileName) {
  return {
    assignmentsCsv: segmentation.assignmentsCsv(),
    profilesCsv: segmentation.profilesCsv(),
    model: `${JSON.stringify(segmentation.model(), null, 2)}\n`,
    report: segmentation.report({ format: "html", fileName }),
  };
}

function assertSameFiles(actual, expected) {
  for (const key of Object.keys(expected)) {
    assert.ok(actual[key] === expected[key], `${key} differs from the package's (${actual[key].length} vs ${expected[key].length} characters)`);
  }
}

test("the downloads are the package's exports for the same file and options, before and after a rename that runs no segmentation", async () => {
  const { page, context, log } = await openPage(browser, server.url);
  const cards = await waitForCards(page);
  const { lastImportOptions, lastOptions, parses, workers } = await page.evaluate(() => window.__citizenSegmentsStats);
  assert.deepEqual({ parses, workers }, { parses: 1, workers: 1 }, "the sample was parsed once, in one worker");
  assert.equal(lastImportOptions.fileName, "sample-survey.csv");
  assert.equal(lastOptions.seed, 42);

  const survey = lib.parseSurvey(sample, lastImportOptions);
  const segmentation = lib.segment(survey, lastOptions);
  assertSameFiles(await downloads(page), packageExports(segmentation, "sample-survey.csv"));

  const runs = (await page.evaluate(() => window.__citizenSegmentsStats)).segmentations;
  const input = page.locator(`#cards [data-segment-id="${cards[1].id}"] textarea`);
  await input.fill("Neighbourhood \"doers\", =1+1");
  await input.press("Enter");
  const renamed = await downloads(page);
  assert.equal((await page.evaluate(() => window.__citizenSegmentsStats)).segmentations, runs, "a rename runs no segmentation");
  assert.ok(renamed.assignmentsCsv.includes('"Neighbourhood ""doers"", =1+1"'), "the new name is in the CSV, quoted");
  assert.ok(renamed.report.includes("Neighbourhood &quot;doers&quot;, =1+1") || renamed.report.includes('Neighbourhood "doers", =1+1'));
  assert.ok(JSON.parse(renamed.model).names.includes('Neighbourhood "doers", =1+1'));
  // The page sends every segment's name.
  const names = Object.fromEntries(cards.map((c) => [c.id, c.name]));
  names[cards[1].id] = 'Neighbourhood "doers", =1+1';
  segmentation.rename(names);
  assertSameFiles(renamed, packageExports(segmentation, "sample-survey.csv"));

  // Reuse: the renamed model puts the survey's respondents into its segments; the CSV is the package's.
  const modelPath = join(dir, "renamed-model.json");
  writeFileSync(modelPath, renamed.model);
  await page.setInputFiles("#model-input", modelPath);
  await page.waitForSelector("#reuse-result table");
  const reused = await downloadText(page, "#reuse-download");
  assert.equal(reused.text, lib.assignmentCsv(lib.assign(JSON.parse(renamed.model), survey)));
  // The same respondents, segments and names as the assignments download; the distances agree to rounding
  // (assign recomputes them from the saved model's centroids).
  const rows = (csv) => csv.trim().split("\r\n").map((line) => line.match(/^(.*),([^,]*)$/).slice(1));
  const [ours, theirs] = [rows(reused.text), rows(renamed.assignmentsCsv)];
  assert.deepEqual(ours.map(([cells]) => cells), theirs.map(([cells]) => cells));
  ours.slice(1).forEach(([, d], i) => assert.ok(Math.abs(Number(d) - Number(theirs[i + 1][1])) < 1e-9, `distance of row ${i + 2}`));
  assert.deepEqual(log.problems, []);
  await context.close();
});
