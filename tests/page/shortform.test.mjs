// The downloaded short form (issue 14), opened from a file:// URL in
// Chromium with the network cut: filled in for 20 respondents of the sample,
// it shows the segment assignShortForm gives, under its own CSP (a wrong
// hash would block the script and log an error), asking for nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import lib, { sample } from "../node/load.mjs";
import { csvRows } from "../node/csv.mjs";
import { launchChromium } from "./harness.mjs";

const { parseSurvey, segment, assignShortForm } = lib;
const MISSING = new Set(["", "na", "n/a", "don't know", "dont know", "prefer not to say", "-99", "#n/a"]);
const norm = (s) => s.trim().replace(/\s+/g, " ").toLowerCase().replace(/[\u2019\u2018`]/g, "'");

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** Fills question `i` of the page with a raw answer as the survey wrote it. */
async function answer(page, i, q, raw) {
  const name = `q${i}`;
  if (q.kind === "numeric") return page.fill(`#${name}`, MISSING.has(norm(raw)) ? "" : raw);
  if (MISSING.has(norm(raw))) {
    if (q.kind !== "multi") await page.check(`input[name="${name}"][value=""]`);
    return;
  }
  const parts = q.kind === "multi" ? raw.split(/[;|]/).map((p) => p.trim()).filter(Boolean) : [raw];
  for (const part of parts) {
    const j = q.options.findIndex((o) => norm(o) === norm(part));
    assert.ok(j >= 0, `${q.column}: ${part}`);
    await page.check(`input[name="${name}"][value="${j}"]`);
  }
}

test("the form works offline from file:// and agrees with assignShortForm for 20 respondents", async () => {
  const survey = parseSurvey(new Uint8Array(sample));
  const form = segment(survey, { k: 4, seed: 2026 }).shortForm({ folds: 4 });
  const dir = mkdtempSync(join(tmpdir(), "short-form-"));
  const file = join(dir, "short-form.html");
  writeFileSync(file, form.html);
  const [header, ...rows] = csvRows(sample.toString("utf8"));

  const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  await context.setOffline(true);
  const requests = [];
  const problems = [];
  await context.route("**/*", (route) => {
    requests.push(route.request().url());
    return route.request().url().startsWith("file:") ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  const url = pathToFileURL(file).href;
  await page.goto(url);

  const picked = Array.from({ length: 20 }, (_, n) => n * 73 + 5);
  let withMissing = 0;
  for (const r of picked) {
    const row = rows[r];
    const answers = {};
    await page.click('button[type="reset"]');
    for (const [i, q] of form.questions.entries()) {
      const raw = row[header.indexOf(q.column)];
      answers[q.column] = raw;
      if (MISSING.has(norm(raw))) withMissing += 1;
      await answer(page, i, q, raw);
    }
    await page.click('button[type="submit"]');
    await page.waitForSelector("#result:not([hidden])");
    const shown = await page.$eval("#result", (el) => ({
      segment: Number(el.dataset.segment),
      name: el.querySelector("#result-name").textContent,
      headline: el.querySelector("#result-headline").textContent,
      activities: el.querySelectorAll("#result-activities li").length,
    }));
    const expected = assignShortForm(form, answers);
    assert.deepEqual({ segment: shown.segment, name: shown.name }, expected, `respondent ${row[0]}`);
    const s = form.segments.find((x) => x.id === expected.segment);
    assert.equal(shown.headline, s.headline);
    assert.equal(shown.activities, s.activities.length);
  }
  assert.ok(withMissing > 0, "some of the 20 skipped a question");
  assert.deepEqual(problems, [], "no CSP violation or script error");
  assert.deepEqual([...new Set(requests)], [url], "nothing but the file itself is requested");

  await page.screenshot({ path: join(dir, "short-form.png"), fullPage: true });
  console.log(`screenshot: ${join(dir, "short-form.png")}`);
  await context.close();
});

test("a hostile question name shows literally in the form", async () => {
  const hostile = "<img src=x onerror=alert(1)>";
  const csv = `id,${hostile},b\n` + Array.from({ length: 40 }, (_, i) => `${i + 1},${i % 2 ? "Yes" : "No"},${(i * 3) % 5 + 1}`).join("\n");
  const survey = parseSurvey(csv);
  const form = segment(survey, { k: 2, seed: 1 }).shortForm({ questions: [hostile], folds: 2 });
  const dir = mkdtempSync(join(tmpdir(), "short-form-hostile-"));
  const file = join(dir, "form.html");
  writeFileSync(file, form.html);
  const context = await browser.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await page.goto(pathToFileURL(file).href);
  assert.equal(await page.textContent("legend"), hostile);
  assert.equal(await page.locator("main img").count(), 0);
  await page.click('button[type="submit"]');
  await page.waitForSelector("#result:not([hidden])");
  assert.deepEqual(dialogs, []);
  await context.close();
});
