// Fault cases (issue 13): a file that cannot be read, Cancel pressed at every
// stage (reading, each stage of finding segments, assigning with a saved
// model), and a model made from another survey. Each time the page says what
// happened, and the next action works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards, downloadText } from "./harness.mjs";

const dist = fileURLToPath(new URL("../../www/dist/", import.meta.url));
const pkg = new URL("../../pkg/", import.meta.url);
const lib = await import(new URL("citizen_segments.js", pkg));
lib.initSync({ module: readFileSync(new URL("citizen_segments_bg.wasm", pkg)) });
const sample = fileURLToPath(new URL("../../www/public/sample-survey.csv", import.meta.url));
const kindsFixture = fileURLToPath(new URL("../fixtures/import/kinds.csv", import.meta.url));
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

/**
 * Opens the page with a hook on its workers: `window.__holdAfter = { stage }`
 * lets messages through until a progress report of that stage, and
 * `{ answers: true }` until the next answer to a request; from there the
 * page hears nothing more from that worker (`window.__held` says where it
 * stopped). The page then shows that stage for as long as the test likes,
 * however fast the worker really is, and Cancel is pressed there.
 */
async function openHeld(options) {
  const opened = await openPage(browser, "about:blank", options);
  await opened.page.addInitScript(() => {
    const Native = window.Worker;
    window.__holdAfter = null;
    window.__held = null;
    window.Worker = class extends Native {
      get onmessage() {
        return super.onmessage;
      }
      set onmessage(handler) {
        let deaf = false;
        super.onmessage = (event) => {
          if (deaf) return;
          const hold = window.__holdAfter;
          const { data } = event;
          const answer = data.id !== 0 && (data.type === "result" || data.type === "error");
          if (hold?.answers && answer) {
            deaf = true;
            window.__holdAfter = null;
            window.__held = "answer";
            return;
          }
          handler(event);
          if (hold?.stage && data.type === "progress" && data.stage === hold.stage) {
            deaf = true;
            window.__holdAfter = null;
            window.__held = data.stage;
          }
        };
      }
    };
  });
  await opened.page.goto(server.url);
  return opened;
}

const stats = (page) => page.evaluate(() => ({ ...window.__citizenSegmentsStats }));
const text = (page, selector) => page.textContent(selector);

async function holdAfter(page, hold) {
  await page.evaluate((h) => {
    window.__held = null;
    window.__holdAfter = h;
  }, hold);
}

const waitHeld = (page) => page.waitForFunction(() => window.__held !== null, null, { timeout: 60_000 });

test("a file that cannot be read is reported in step 1; the survey loaded before stays and works", async () => {
  const { page, context, log } = await openPage(browser, server.url);
  const cards = await waitForCards(page);
  // A file picked, then changed on disk before it is read: the browser refuses to read it
  // (as for a file moved, deleted or locked after it was chosen).
  const path = join(dir, "changed-survey.csv");
  writeFileSync(path, readFileSync(sample));
  await page.evaluate(() => {
    const input = Object.assign(document.createElement("input"), { type: "file", id: "picked" });
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles("#picked", path);
  writeFileSync(path, "respondent_id,changed\n1,yes\n");
  utimesSync(path, new Date(), new Date(Date.now() + 60_000));
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(document.querySelector("#picked").files[0]);
    document.querySelector("#drop-zone").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.waitForSelector("#start-error:not([hidden])");
  const error = await text(page, "#start-error");
  assert.match(error, /^Problem: changed-survey\.csv could not be read \(NotReadableError: .+\)\. It may have been moved, or be a folder; choose it again\. sample-survey\.csv is still loaded\.$/);
  // The sample's segments are still there and still work: rename, download, find segments again.
  assert.deepEqual((await waitForCards(page)).map((c) => c.id), cards.map((c) => c.id));
  assert.match(await text(page, "#source-status"), /^sample-survey\.csv: 1,500 respondents/);
  const csv = await downloadText(page, '[data-download$="-assignments.csv"]');
  assert.ok(csv.text.startsWith("respondent_id,"));
  await page.click("#run");
  await page.waitForFunction(() => /Found 4 segments among 1,500/.test(document.querySelector("#run-status").textContent));
  assert.deepEqual(log.problems, []);
  await context.close();
});

test("Cancel while a file is read: the page says so, holds no survey, and the next file loads", async () => {
  const { page, context, log } = await openHeld();
  await waitForCards(page);
  const before = await stats(page);
  await holdAfter(page, { answers: true });
  await page.setInputFiles("#file-input", kindsFixture);
  await waitHeld(page);
  assert.match(await text(page, "#source-status"), /^Reading kinds\.csv \(1 kB\)…$/);
  assert.ok(await page.isVisible("#cancel-read"));
  assert.ok(await page.isHidden("#step-results"), "the sample's segments are not shown as this file's");
  await page.click("#cancel-read");
  await page.waitForFunction(() => /was cancelled/.test(document.querySelector("#source-status").textContent));
  assert.equal(await text(page, "#source-status"), "Reading kinds.csv was cancelled. No survey is loaded: choose a file or the sample survey.");
  assert.ok(await page.isHidden("#cancel-read"));
  assert.ok(await page.isHidden("#step-review"));
  assert.ok(await page.isHidden("#start-error"));
  await page.waitForFunction((n) => window.__citizenSegmentsStats.workers === n + 1, before.workers);
  // A model has no survey to work on, and says so.
  const model = join(dir, "any-model.json");
  writeFileSync(model, "{}");
  await page.setInputFiles("#model-input", model);
  assert.match(await text(page, "#reuse-error"), /Choose a survey in step 1 first/);
  // The next file loads and segments.
  await page.setInputFiles("#file-input", sample);
  assert.equal((await waitForCards(page)).length, 4);
  // The new worker parsed only that file: the cancelled one was not read again behind the user's back.
  assert.equal((await stats(page)).parses, before.parses + 1);
  assert.deepEqual(log.problems, []);
  await context.close();
});

test("Cancel at every stage of finding segments keeps the last segments, and the next run gives the same ones", async () => {
  const { page, context, log } = await openHeld();
  const cards = await waitForCards(page);
  const stages = [
    "Encoding the answers",
    "Finding segments",
    "Comparing numbers of segments",
    "Checking how stable the segments are",
    "Profiling the segments",
  ];
  for (const stage of stages) {
    const before = await stats(page);
    await holdAfter(page, { stage });
    await page.click("#run");
    await waitHeld(page);
    assert.match(await text(page, "#progress-label"), new RegExp(`^${stage}… \\d+ %$`));
    assert.equal(await page.isDisabled("#run"), true, stage);
    await page.click("#cancel");
    await page.waitForFunction(() => /^Cancelled\./.test(document.querySelector("#run-status").textContent));
    assert.equal(await text(page, "#run-status"), "Cancelled. Nothing was changed; you can adjust the settings and find segments again.");
    assert.ok(await page.isHidden("#progress-box"), stage);
    assert.ok(await page.isHidden("#cancel"), stage);
    assert.equal(await page.isDisabled("#run"), false, stage);
    assert.ok(await page.isHidden("#segment-error"), stage);
    assert.deepEqual(await waitForCards(page), cards, `the segments shown before the run stay (${stage})`);
    // The stopped worker was replaced by one that holds the same survey.
    await page.waitForFunction((n) => window.__citizenSegmentsStats.parses === n + 1, before.parses);
    assert.equal((await stats(page)).workers, before.workers + 1, stage);
  }
  await page.click("#run");
  await page.waitForFunction(() => /^Found 4 segments among 1,500/.test(document.querySelector("#run-status").textContent));
  assert.deepEqual(await waitForCards(page), cards);
  assert.deepEqual(log.problems, []);
  await context.close();
});

test("Cancel while a saved model assigns: the page says so, and the model then assigns", async () => {
  const { page, context, log } = await openHeld();
  await waitForCards(page);
  const model = await downloadText(page, '[data-download$="-model.json"]');
  const path = join(dir, "sample-model.json");
  writeFileSync(path, model.text);
  await holdAfter(page, { answers: true });
  await page.setInputFiles("#model-input", path);
  await waitHeld(page);
  assert.match(await text(page, "#reuse-status"), /^Putting the respondents of sample-survey\.csv into the segments of sample-model\.json…$/);
  await page.click("#reuse-cancel");
  await page.waitForFunction(() => /^Cancelled/.test(document.querySelector("#reuse-status").textContent));
  assert.equal(await text(page, "#reuse-status"), "Cancelled: the respondents of sample-survey.csv were not put into the segments of sample-model.json.");
  assert.ok(await page.isHidden("#reuse-cancel"));
  assert.ok(await page.isHidden("#reuse-error"));
  assert.equal(await page.$$eval("#reuse-result table", (t) => t.length), 0);
  // The same model, again: the new worker holds the survey.
  await page.setInputFiles("#model-input", path);
  await page.waitForSelector("#reuse-result table");
  assert.match(await text(page, "#reuse-status"), /^1,500 respondents put into the segments of sample-model\.json\.$/);
  assert.deepEqual(log.problems, []);
  await context.close();
});

test("a model made from another survey is refused in words, and the page carries on", async () => {
  const other = lib.parseSurvey(readFileSync(kindsFixture), { fileName: "kinds.csv" });
  // Clustered on its rating, age and channel (age and channel are descriptors by default).
  const segmentation = lib.segment(other, { k: 2, basis: ["rating", "age", "channel"] });
  const path = join(dir, "kinds-model.json");
  writeFileSync(path, JSON.stringify(segmentation.model()));
  segmentation.free();
  other.free();
  const { page, context, log } = await openPage(browser, server.url);
  const cards = await waitForCards(page);
  await page.setInputFiles("#model-input", path);
  await page.waitForSelector("#reuse-error:not([hidden])");
  assert.equal(
    await text(page, "#reuse-error"),
    "Problem: the survey lacks the model's column(s): rating, age, channel. Was kinds-model.json made from another survey?",
  );
  assert.equal(await text(page, "#reuse-status"), "kinds-model.json could not be used on sample-survey.csv. Nothing else was changed.");
  assert.ok(await page.isHidden("#reuse-cancel"));
  assert.deepEqual(await waitForCards(page), cards);
  // A file that is not a model at all, then the sample's own model: refused, then used.
  const notModel = join(dir, "package.json");
  writeFileSync(notModel, JSON.stringify({ name: "something else" }));
  await page.setInputFiles("#model-input", notModel);
  await page.waitForFunction(() => /invalid model/.test(document.querySelector("#reuse-error").textContent));
  const own = join(dir, "sample-model.json");
  writeFileSync(own, (await downloadText(page, '[data-download$="-model.json"]')).text);
  await page.setInputFiles("#model-input", own);
  await page.waitForSelector("#reuse-result table");
  assert.ok(await page.isHidden("#reuse-error"));
  assert.deepEqual(log.problems, []);
  await context.close();
});
