// The whole flow on the built-in sample, as a person uses it, in Debian's
// Chromium: the built page from www/dist served on loopback.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards, downloadText } from "./harness.mjs";

const dist = fileURLToPath(new URL("../../www/dist/", import.meta.url));
const shots = fileURLToPath(new URL("../../test-output/screenshots/", import.meta.url));
const docsShot = fileURLToPath(new URL("../../docs/screenshot.png", import.meta.url));
const ACTIVITY = /co-?(design|assess|plan|priorit|financ|fund|manag|perform|monitor|evaluat)/i;
let server;
let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await serveStatic(dist);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the sample is segmented on load; cards, charts and every download are right; only its own origin is used", async () => {
  const { page, context, log } = await openPage(browser, server.url);
  const cards = await waitForCards(page);

  // Cards: four segments with the defaults, named after activities, sizes adding up.
  assert.equal(cards.length, 4);
  assert.ok(cards.every((c) => /^\d+$/.test(c.id)), "every card has data-segment-id");
  assert.ok(cards.filter((c) => ACTIVITY.test(c.name)).length >= 3, `names: ${cards.map((c) => c.name)}`);
  assert.equal(cards.reduce((t, c) => t + c.size, 0), 1500);
  assert.match(await page.textContent("#run-status"), /4 segments among 1,500 respondents \(seed 42\)/);
  const firstCard = page.locator("#cards [data-segment-id]").first();
  assert.match(await firstCard.textContent(), /Try: /);
  assert.match(await firstCard.locator(".badge").textContent(), /solid|fair|weak/);

  // Charts, each with its table equivalent.
  const charts = await page.$$eval(".chart-block", (blocks) =>
    blocks.map((b) => ({ key: b.dataset.chart, svg: b.querySelectorAll("svg").length, rows: b.querySelectorAll("details table tbody tr").length })),
  );
  assert.deepEqual(charts.map((c) => c.key), ["profile-heatmap", "segment-map", "segment-sizes", "choosing-k"]);
  for (const c of charts) assert.ok(c.svg > 0 && c.rows > 0, `${c.key} has a chart and a table`);
  const kTable = await page.textContent('[data-chart="choosing-k"] table');
  assert.match(kTable, /4 \(chosen\)/);

  await page.screenshot({ path: `${shots}/results-1280x800.png`, fullPage: true });
  await page.locator("#step-results").scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector("#step-results").scrollIntoView());
  await page.screenshot({ path: docsShot });
  assert.ok(statSync(docsShot).size < 400_000, "docs/screenshot.png stays small");

  // Downloads.
  const assignments = await downloadText(page, '[data-download$="-assignments.csv"]');
  const lines = assignments.text.trimEnd().split(/\r?\n/);
  assert.equal(lines.length, 1501);
  assert.equal(lines[0], "respondent_id,segment_id,segment_name,distance");
  assert.equal(assignments.name, "sample-survey-assignments.csv");
  const profiles = await downloadText(page, '[data-download$="-profiles.csv"]');
  assert.match(profiles.text, /^question,answer,statistic,All respondents,/);
  for (const c of cards) assert.ok(profiles.text.includes(c.name), `profiles CSV names ${c.name}`);
  const model = JSON.parse((await downloadText(page, '[data-download$="-model.json"]')).text);
  assert.equal(model.centroids.length, 4);
  assert.equal(model.seed, 42);
  const report = await downloadText(page, '[data-download$="-report.html"]');
  for (const c of cards) assert.ok(report.text.includes(c.name), `report names ${c.name}`);

  // Charts as SVG and PNG.
  const svg = await downloadText(page, '[data-chart="segment-sizes"] button:has-text("SVG")');
  assert.match(svg.text, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svg.text.includes(cards[0].name));
  const [png] = await Promise.all([page.waitForEvent("download"), page.click('[data-chart="profile-heatmap"] button:has-text("PNG")')]);
  const { readFileSync } = await import("node:fs");
  const pngBytes = readFileSync(await png.path());
  assert.equal(pngBytes.subarray(1, 4).toString(), "PNG");
  assert.ok(pngBytes.length > 5000);

  // Renaming a card changes the exported names.
  const input = page.locator(`#cards [data-segment-id="${cards[0].id}"] textarea`);
  await input.fill("Green volunteers");
  await input.press("Enter");
  assert.match(await page.textContent('[data-chart="segment-sizes"] table'), /Green volunteers/);
  const renamed = await downloadText(page, '[data-download$="-assignments.csv"]');
  assert.ok(renamed.text.includes(`,${cards[0].id},Green volunteers,`), `assignments use the new name: ${renamed.text.slice(0, 300)} ${await page.textContent("#export-status")} ${await page.textContent("#export-error")}`);
  assert.ok(!renamed.text.includes(`,${cards[0].name},`));
  assert.equal(renamed.text.trimEnd().split(/\r?\n/).length, 1501);
  assert.match(await page.textContent("#export-status"), /use your segment names/);
  const renamedModel = await downloadText(page, '[data-download$="-model.json"]');
  const renamedModelText = renamedModel.text;
  assert.ok(JSON.parse(renamedModelText).names.includes("Green volunteers"));
  assert.ok((await downloadText(page, '[data-download$="-report.html"]')).text.includes("Green volunteers"));

  // Reuse: the saved model puts the survey's respondents into its segments.
  const modelPath = `${shots}/../sample-model.json`;
  writeFileSync(modelPath, renamedModelText);
  await page.setInputFiles("#model-input", modelPath);
  await page.waitForSelector("#reuse-result table");
  const reuse = await page.textContent("#reuse-result table");
  assert.match(reuse, /Green volunteers/);
  const reused = await downloadText(page, "#reuse-download");
  assert.equal(reused.text.trimEnd().split(/\r?\n/).length, 1501);
  assert.equal(reused.text.split(/\r?\n/)[0], "respondent_id,segment_id,segment_name,distance");

  // A model the survey cannot use is explained next to step 6.
  const badModelPath = `${shots}/../bad-model.json`;
  const badModel = JSON.parse(renamedModelText);
  badModel.encoding.columns[0].name = "no_such_question";
  writeFileSync(badModelPath, JSON.stringify(badModel));
  await page.setInputFiles("#model-input", badModelPath);
  await page.waitForSelector("#reuse-error:not([hidden])");
  assert.match(await page.textContent("#reuse-error"), /no_such_question/);

  // Nothing but the page's own origin was asked for, and nothing went wrong.
  const origin = new URL(server.url).origin;
  const foreign = log.requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(foreign, []);
  assert.deepEqual(log.problems, []);
  assert.deepEqual(log.dialogs, []);
  await context.close();
});

test("at 390 px wide the page fits the screen", async () => {
  const { page, context, log } = await openPage(browser, server.url, { width: 390, height: 844 });
  await waitForCards(page);
  await page.waitForSelector(".chart-block");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling (scrollWidth ${width})`);
  await page.screenshot({ path: `${shots}/results-390x844.png`, fullPage: true });
  assert.deepEqual(log.problems, []);
  await context.close();
});
