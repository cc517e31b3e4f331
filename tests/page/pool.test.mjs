// The worker pool in the page: `?workers=N` spreads a segmentation's k-means
// jobs over the page's worker and N - 1 helpers. The sample gives the same
// four downloads with 1, 2 and 3 workers, and Cancel during a pooled run
// stops every worker and leaves the page usable.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards, downloadText } from "./harness.mjs";

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

async function downloads(page) {
  const text = async (suffix) => (await downloadText(page, `[data-download$="-${suffix}"]`)).text;
  return {
    assignmentsCsv: await text("assignments.csv"),
    profilesCsv: await text("profiles.csv"),
    model: await text("model.json"),
    report: await text("report.html"),
  };
}

/** Whether `check()` held within `ms`, polled. */
async function until(check, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

const stats = (page) => page.evaluate(() => ({ ...window.__citizenSegmentsStats }));

test("the sample gives the same downloads with 1, 2 and 3 workers", async () => {
  const seen = [];
  for (const workers of [1, 2, 3]) {
    const { page, context, log } = await openPage(browser, `${server.url}?workers=${workers}`);
    const cards = await waitForCards(page);
    assert.equal(cards.length, 4);
    const { lastPool } = await stats(page);
    assert.deepEqual(lastPool, { size: workers, helpers: workers - 1 });
    seen.push({ workers, files: await downloads(page) });
    assert.deepEqual(log.problems, []);
    await context.close();
  }
  for (const { workers, files } of seen.slice(1)) {
    for (const key of Object.keys(files)) {
      assert.ok(files[key] === seen[0].files[key], `${key} with ${workers} workers differs from 1 worker's`);
    }
  }
});

test("Cancel during a pooled run stops the helpers too, and the page segments again", async () => {
  const big = join(dir, "large-survey.csv");
  execFileSync(process.execPath, [makeSample, big, "20000"]);
  const { page, context, log } = await openPage(browser, `${server.url}?workers=3`);
  await waitForCards(page);
  const idle = page.workers().length;
  await page.setInputFiles("#file-input", big);
  await page.waitForFunction(() => /Comparing numbers of segments… \d+ %/.test(document.querySelector("#progress-label").textContent), null, { timeout: 60_000 });
  // The page's worker and its two helpers run (Playwright lists the helpers, workers of a worker, too).
  const running = await until(() => page.workers().length === idle + 2);
  assert.ok(running, `the helpers should run: ${page.workers().length} workers`);
  await page.click("#cancel");
  await page.waitForFunction(() => /Cancelled/.test(document.querySelector("#run-status").textContent));
  assert.equal(await page.isDisabled("#run"), false);
  // Every worker of the run stopped: only the fresh page worker is left.
  assert.ok(await until(() => page.workers().length === idle), `${page.workers().length} workers are left`);
  await page.click("#use-sample");
  assert.equal((await waitForCards(page)).length, 4);
  assert.deepEqual((await stats(page)).lastPool, { size: 3, helpers: 2 });
  assert.deepEqual(log.problems, []);
  await context.close();
});
