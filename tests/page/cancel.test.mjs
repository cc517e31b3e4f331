// Cancelling a long run: the worker is stopped, the page says so and can
// segment again. All of it with the network cut after the page has loaded:
// the page needs nothing more from the server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards } from "./harness.mjs";

const dist = fileURLToPath(new URL("../../www/dist/", import.meta.url));
const makeSample = fileURLToPath(new URL("../../scripts/make-sample.mjs", import.meta.url));
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

test("a run on a large survey can be cancelled, and the page then segments again", async () => {
  const big = join(dir, "large-survey.csv");
  execFileSync(process.execPath, [makeSample, big, "60000"]);
  const { page, context, log } = await openPage(browser, server.url);
  await waitForCards(page);
  await context.setOffline(true);
  const requestsBefore = log.requests.length;
  await page.setInputFiles("#file-input", big);
  await page.waitForFunction(() => /\d+ %/.test(document.querySelector("#progress-label").textContent) && !document.querySelector("#cancel").hidden, null, { timeout: 60_000 });
  assert.equal(await page.isDisabled("#run"), true);
  await page.click("#cancel");
  await page.waitForFunction(() => /Cancelled/.test(document.querySelector("#run-status").textContent));
  assert.ok(await page.isHidden("#cancel"));
  assert.ok(await page.isHidden("#progress-box"));
  assert.equal(await page.isDisabled("#run"), false);
  // The page is usable: the sample segments again.
  await page.click("#use-sample");
  const cards = await waitForCards(page);
  assert.equal(cards.length, 4);
  // Nothing was fetched (blob: workers are made from memory).
  const fetched = log.requests.slice(requestsBefore).filter((u) => !u.startsWith("blob:") && !u.startsWith("data:"));
  assert.deepEqual(fetched, []);
  assert.deepEqual(log.problems, []);
  await context.close();
});
