// Files that go wrong: an error is shown next to step 1 with its row and
// column, and hostile headers stay text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards } from "./harness.mjs";

const dist = fileURLToPath(new URL("../../www/dist/", import.meta.url));
const fixture = (name) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const sample = fileURLToPath(new URL("../../www/public/sample-survey.csv", import.meta.url));
let server;
let browser;

before(async () => {
  server = await serveStatic(dist);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("a ragged row is reported next to step 1 with row and column; a good file then segments without reload", async () => {
  const { page, context, log } = await openPage(browser, server.url);
  await waitForCards(page);
  await page.setInputFiles("#file-input", fixture("ragged-row.csv"));
  await page.waitForSelector("#start-error:not([hidden])");
  const error = await page.textContent("#start-error");
  assert.match(error, /row 4/);
  assert.match(error, /column "/);
  assert.ok(await page.isHidden("#step-results"), "old results are not shown as if they were this file's");
  await page.setInputFiles("#file-input", sample);
  const cards = await waitForCards(page);
  assert.equal(cards.length, 4);
  assert.ok(await page.isHidden("#start-error"));
  // One worker all along, each file parsed once: the sample, the ragged file, the sample again.
  const stats = await page.evaluate(() => window.__citizenSegmentsStats);
  assert.equal(stats.workers, 1);
  assert.equal(stats.parses, 3);
  assert.deepEqual(log.problems, []);
  await context.close();
});

test("a workbook's error names the sheet, row and column letters; an .xls is refused saying what it is", async () => {
  const { page, context, log } = await openPage(browser, server.url);
  await waitForCards(page);
  const workbook = (name) => fileURLToPath(new URL(`../fixtures/import/workbooks/errors/${name}`, import.meta.url));
  await page.setInputFiles("#file-input", workbook("typo.xlsx"));
  await page.waitForSelector("#start-error:not([hidden])");
  assert.match(await page.textContent("#start-error"), /sheet "Responses", row 5, column C \("Age"\): "4o" is not a number/);
  await page.setInputFiles("#file-input", workbook("legacy.xls"));
  await page.waitForFunction(() => /Excel 97–2003 workbook \(\.xls\)/.test(document.querySelector("#start-error").textContent));
  assert.ok(await page.isHidden("#step-results"));
  assert.deepEqual(log.problems, []);
  await context.close();
});

test("a kind the answers do not fit is reported next to step 2, and the page stays usable", async () => {
  const { page, context } = await openPage(browser, server.url);
  await waitForCards(page);
  await page.selectOption('tr[data-column="area"] select[id$="-kind"]', "numeric");
  await page.waitForSelector("#review-error:not([hidden])");
  assert.match(await page.textContent("#review-error"), /row \d+.*column "area"/s);
  assert.equal(await page.inputValue('tr[data-column="area"] select[id$="-kind"]'), "categorical");
  await page.click("#run");
  await page.waitForFunction(() => /Found 4 segments/.test(document.querySelector("#run-status").textContent));
  await context.close();
});

test("a header written as HTML shows as text and runs nothing", async () => {
  const { page, context, log } = await openPage(browser, server.url);
  await waitForCards(page);
  await page.setInputFiles("#file-input", fixture("hostile-header.csv"));
  await page.waitForFunction(() => /hostile-header\.csv: 40 respondents/.test(document.querySelector("#source-status").textContent));
  const names = await page.$$eval("#columns-table tbody th", (ths) => ths.map((th) => th.textContent));
  assert.ok(names.includes("<img src=x onerror=alert(1)>"), names.join(" | "));
  assert.ok(names.includes("<script>alert(2)</script>"));
  await waitForCards(page);
  await page.waitForFunction(() => /hostile-header/.test(document.querySelector("#source-status").textContent));
  await page.waitForTimeout(500);
  const injected = await page.evaluate(() => document.querySelectorAll("main img, main script, main b").length);
  assert.equal(injected, 0);
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(log.problems, []);
  await context.close();
});

test("an invalid seed, number of segments or weight is shown next to its field, not replaced, and no run starts", async () => {
  const { page, context, log } = await openPage(browser, server.url);
  await waitForCards(page);
  const runs = () => page.evaluate(() => window.__citizenSegmentsStats.segmentations);
  const before = await runs();
  await page.fill("#seed", "1.5");
  await page.fill("#k-max", "");
  const weight = 'tr[data-column="co_design"] input[type="number"]';
  await page.fill(weight, "-3");
  await page.dispatchEvent(weight, "change");
  await page.click("#run");
  await page.waitForSelector("#segment-error:not([hidden])");
  assert.match(await page.textContent("#segment-error"), /not valid: each says why next to it/);
  assert.equal(await page.textContent("#seed-error"), "The seed must be a whole number from 0 to 4294967295.");
  assert.equal(await page.getAttribute("#seed", "aria-invalid"), "true");
  assert.equal(await page.getAttribute("#seed", "aria-describedby"), "seed-error");
  assert.equal(await page.inputValue("#seed"), "1.5", "the field keeps what was typed");
  assert.match(await page.textContent("#k-max-error"), /The most segments must be a whole number from 2 to 50/);
  assert.match(await page.textContent(`tr[data-column="co_design"] .field-error`), /A weight is a number from 0 to 10/);
  assert.equal(await runs(), before, "nothing ran");
  // Corrected, the run goes and the notes go away.
  await page.fill("#seed", "7");
  await page.fill("#k-max", "3");
  await page.fill(weight, "2");
  await page.dispatchEvent(weight, "change");
  await page.click("#run");
  await page.waitForFunction(() => /Found \d segments .*\(seed 7\)/.test(document.querySelector("#run-status").textContent));
  assert.equal(await page.$$eval(".field-error", (notes) => notes.length), 0);
  assert.ok(await page.isHidden("#segment-error"));
  assert.equal(await runs(), before + 1);
  assert.deepEqual(log.problems, []);
  await context.close();
});
