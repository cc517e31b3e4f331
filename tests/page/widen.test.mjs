// When the chosen number of segments is at the edge of the range scanned,
// the results say so and offer a wider range, which one click runs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards } from "./harness.mjs";

const dist = fileURLToPath(new URL("../../www/dist/", import.meta.url));
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

test("a k at the top of the range scanned is offered a wider range, and the wider run is made", async () => {
  const { page, context, log } = await openPage(browser, server.url);
  await waitForCards(page);
  // The sample was built with 4 segments: scanning 2 to 3 ends on the edge.
  assert.equal(await page.locator("#widen-k").count(), 0, "the default run is not on an edge");
  await page.fill("#k-min", "2");
  await page.fill("#k-max", "3");
  await page.click("#run");
  await page.waitForFunction(() => /^Found 3 segments/.test(document.querySelector("#run-status").textContent), null, { timeout: 120_000 });
  const offer = page.locator("#widen-k");
  assert.match(await offer.textContent(), /3 segments is the largest number tried \(2 to 3\)\. More segments may separate the groups better\./);
  const listed = await page.$$eval("#step-results ul.warnings li", (lis) => lis.map((li) => li.textContent));
  assert.ok(!listed.some((w) => w.includes("kMax")), `the offer replaces the option-named warning: ${listed}`);
  const button = offer.getByRole("button");
  assert.equal(await button.textContent(), "Try 2 to 7 segments");
  await button.click();
  await page.waitForFunction(() => /^Found \d+ segments/.test(document.querySelector("#run-status").textContent) && !document.querySelector("#widen-k"), null, {
    timeout: 120_000,
  });
  assert.equal(await page.inputValue("#k-max"), "7");
  assert.match(await page.textContent("#results-summary"), /between 2 and 7/);
  assert.match(await page.textContent("#run-status"), /^Found 4 segments/);
  assert.deepEqual(log.problems, []);
  await context.close();
});
