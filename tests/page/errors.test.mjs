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
