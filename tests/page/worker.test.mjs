// The page's one worker: it dies mid-run, or the wasm in it traps, and the
// page replaces it, says in words what failed, and the next action works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

/** Opens the page with every Worker it makes kept in window.__workers, for the test to reach. */
async function openWatched() {
  const opened = await openPage(browser, "about:blank");
  await opened.page.addInitScript(() => {
    const Native = window.Worker;
    window.__workers = [];
    window.Worker = class extends Native {
      constructor(...args) {
        super(...args);
        window.__workers.push(this);
      }
    };
  });
  await opened.page.goto(server.url);
  return opened;
}

const stats = (page) => page.evaluate(() => ({ ...window.__citizenSegmentsStats }));

test("a worker that dies mid-run is replaced: the page says what failed, and the next run works", async () => {
  const big = join(dir, "large-survey.csv");
  execFileSync(process.execPath, [makeSample, big, "20000"]);
  const { page, context, log } = await openWatched();
  await waitForCards(page);
  await page.setInputFiles("#file-input", big);
  await page.waitForFunction(() => /\d+ %/.test(document.querySelector("#progress-label").textContent) && !document.querySelector("#cancel").hidden, null, { timeout: 60_000 });
  const before = await stats(page);
  // The browser kills it (as on running out of memory): it stops, and an error event arrives.
  await page.evaluate(() => {
    const worker = window.__workers.at(-1);
    worker.terminate();
    worker.dispatchEvent(new ErrorEvent("error", { message: "Out of memory" }));
  });
  await page.waitForSelector("#segment-error:not([hidden])");
  const error = await page.textContent("#segment-error");
  assert.match(error, /Finding segments failed: the page's worker stopped \(Out of memory\)/);
  assert.match(error, /try again/);
  assert.ok(await page.isHidden("#progress-box"));
  assert.equal(await page.isDisabled("#run"), false);
  // The new worker holds the same survey: finding segments again works, without choosing the file again.
  await page.click("#run");
  await page.waitForFunction(() => /Found \d+ segments among 20,000 respondents/.test(document.querySelector("#run-status").textContent), null, { timeout: 120_000 });
  assert.ok(await page.isHidden("#segment-error"));
  const after = await stats(page);
  assert.equal(after.workers, before.workers + 1);
  assert.equal(after.parses, before.parses + 1, "the new worker was sent the file once");
  assert.deepEqual(log.problems, []);
  await context.close();
});

test("a wasm trap in the worker is reported in words, and the next action works", async () => {
  const { page, context } = await openWatched();
  await waitForCards(page);
  const [worker] = page.workers().slice(-1);
  const before = await stats(page);
  // A real WebAssembly trap (the `unreachable` instruction), uncaught in the worker.
  await worker.evaluate(() => {
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]);
    const { f } = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
    setTimeout(f);
  });
  await page.waitForFunction((n) => window.__citizenSegmentsStats.workers > n, before.workers);
  assert.match(await page.textContent("#run-status"), /The page's worker stopped \(.*RuntimeError: unreachable\)\. It has been restarted with the same survey\./);
  // Nothing was waiting, so the next action meets the new worker: renaming and downloading works.
  const first = page.locator("#cards [data-segment-id]").first();
  await first.locator("textarea").fill("After the trap");
  await first.locator("textarea").press("Enter");
  const csv = await downloadText(page, '[data-download$="-assignments.csv"]');
  assert.ok(csv.text.includes(",After the trap,"));
  assert.ok(await page.isHidden("#export-error"));
  await context.close();
});

test("a model whose encoding was edited does not leave the page broken", async () => {
  const { page, context } = await openWatched();
  await waitForCards(page);
  const model = JSON.parse((await downloadText(page, '[data-download$="-model.json"]')).text);
  for (const column of model.encoding.columns) column.firstFeature += 1000;
  const path = join(dir, "edited-model.json");
  writeFileSync(path, JSON.stringify(model));
  await page.setInputFiles("#model-input", path);
  await page.waitForSelector("#reuse-error:not([hidden])");
  // Refused in words, or (while the model is not checked) a trap: then the page says the worker stopped.
  const error = await page.textContent("#reuse-error");
  assert.match(error, /^Problem: \S/);
  if (/worker stopped/.test(error)) assert.match(error, /Putting the respondents into the model's segments failed: the page's worker stopped \(RuntimeError: unreachable\)/);
  // The next action works: find segments again.
  await page.click("#run");
  await page.waitForFunction(() => /Found 4 segments among 1,500/.test(document.querySelector("#run-status").textContent));
  assert.ok(await page.isHidden("#segment-error"));
  await context.close();
});
