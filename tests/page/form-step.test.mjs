// Step 6, the short sign-up form (issue 14): the page shows the questions the
// package chooses, the accuracy in words, recall per segment, downloads the
// form's HTML, and scores a swapped question; each figure is the package's
// own for the same segmentation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards, downloadText } from "./harness.mjs";

const dist = fileURLToPath(new URL("../../www/dist/", import.meta.url));
const pkg = new URL("../../pkg/", import.meta.url);
const lib = await import(new URL("citizen_segments.js", pkg));
lib.initSync({ module: readFileSync(new URL("citizen_segments_bg.wasm", pkg)) });
const sample = readFileSync(new URL("../../www/public/sample-survey.csv", import.meta.url));
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

const percentOf = (share) => `${Math.round(share * 100)} %`;

test("the short form step shows the package's questions and accuracy, downloads its form, and scores a swapped question", async () => {
  const { page, context, log } = await openPage(browser, server.url);
  await waitForCards(page);
  const { lastImportOptions, lastOptions } = await page.evaluate(() => window.__citizenSegmentsStats);
  const survey = lib.parseSurvey(sample, lastImportOptions);
  const segmentation = lib.segment(survey, lastOptions);
  const expected = segmentation.shortForm({ maxQuestions: 5 });
  assert.ok(await page.isVisible("#step-form"));
  await page.click("#form-make");
  await page.waitForSelector("#form-result .form-questions li");
  const asked = await page.$$eval("#form-result .form-questions li", (lis) => lis.map((li) => li.dataset.column));
  assert.deepEqual(asked, expected.questions.map((q) => q.column));
  assert.ok(asked.length >= 1 && asked.length <= 5);
  const sentence = await page.textContent("#form-result .form-accuracy");
  assert.match(sentence, /^With \d questions?, the form puts (\d+ in 10|nearly \d+ in 10|more than \d+ in 10|almost everyone) (people )?in the same segment as the full survey \(\d+ % of 1,500 respondents/);
  assert.ok(sentence.includes(`(${percentOf(expected.accuracy.overall)} of`), sentence);
  const recall = await page.$$eval("#form-result .recall li", (lis) => lis.map((li) => li.textContent));
  assert.equal(recall.length, expected.accuracy.segments.length);
  expected.accuracy.segments.forEach((s, i) => assert.ok(recall[i].endsWith(`(${percentOf(s.recall)})`), recall[i]));
  // The download is the package's form, byte for byte.
  const form = await downloadText(page, "#form-download");
  assert.equal(form.name, "sample-survey-sign-up-form.html");
  assert.equal(form.text, expected.html);
  // Swap the first question for another column: the page scores the new set, as the package does.
  const replacement = await page.$eval("#form-question-0", (select) => [...select.options].map((o) => o.value).find((v) => v !== select.value));
  await page.selectOption("#form-question-0", replacement);
  await page.waitForFunction(() => /^You chose these questions/.test(document.querySelector("#form-status").textContent));
  const swapped = [replacement, ...asked.slice(1)];
  const scored = segmentation.shortForm({ maxQuestions: 5, questions: swapped });
  assert.deepEqual(await page.$$eval("#form-result .form-questions li", (lis) => lis.map((li) => li.dataset.column)), scored.questions.map((q) => q.column));
  assert.ok((await page.textContent("#form-result .form-accuracy")).includes(`(${percentOf(scored.accuracy.overall)} of`));
  if (percentOf(scored.accuracy.overall) !== percentOf(expected.accuracy.overall)) {
    assert.match(await page.textContent("#form-status"), new RegExp(`Before the swap: ${percentOf(expected.accuracy.overall)}\\.`));
  }
  assert.deepEqual(log.problems, []);
  segmentation.free();
  survey.free();
  await context.close();
});
