// The page as a person uses it, in Debian's Chromium: the built page from
// www/dist served on loopback.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium } from "./harness.mjs";

const dist = fileURLToPath(new URL("../../www/dist/", import.meta.url));
const shots = fileURLToPath(new URL("../../test-output/screenshots/", import.meta.url));
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

test("the page segments the sample survey on load, using only its own origin", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const requests = [];
  const problems = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(server.url);
  await page.waitForSelector("#segment-table tbody tr", { timeout: 120_000 });
  const rows = await page.$$eval("#segment-table tbody tr", (trs) =>
    trs.map((tr) => ({ id: tr.dataset.segmentId, cells: [...tr.cells].map((c) => c.textContent) })),
  );
  assert.ok(rows.length >= 2 && rows.length <= 8, `k in 2..8, got ${rows.length}`);
  const total = rows.reduce((t, r) => t + Number(r.cells[1]), 0);
  assert.equal(total, 1500);
  assert.match(await page.textContent("#run-status"), /segments among 1500 respondents/);
  await page.screenshot({ path: `${shots}/foundation-1280.png`, fullPage: true });
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
  await page.close();
});
