// The roles in the review step (issue 11), in Debian's Chromium on the built
// page: each column shows its role with the reason; the sample's first run
// sends the default basis and descriptors; changing a role reaches the next
// request and its result (the model's clustered questions, the cards' briefs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards, downloadText } from "./harness.mjs";

const dist = fileURLToPath(new URL("../../www/dist/", import.meta.url));
const shots = fileURLToPath(new URL("../../test-output/screenshots/", import.meta.url));
const BASIS = ["co_planning", "co_prioritisation", "co_financing", "co_design", "co_management", "co_performing", "co_assessment", "benefits"];
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

const stats = (page) => page.evaluate(() => ({ ...window.__citizenSegmentsStats }));

/** Each row's column, role and role reason, as the review table shows them. */
const shownRoles = (page) =>
  page.$$eval("#columns-table tbody tr", (rows) =>
    rows.map((r) => [r.dataset.column, r.dataset.role, r.querySelector("td.role .reason").textContent]),
  );

test("the review step shows each column's role and reason; a changed role reaches the request and the result", async () => {
  const { page, context, log } = await openPage(browser, server.url);
  await waitForCards(page);

  // The first run used the default roles: no descriptor among the basis.
  const first = (await stats(page)).lastOptions;
  assert.deepEqual(first.basis, BASIS);
  assert.deepEqual(first.descriptors, ["age_band", "area", "preferred_channel"]);
  assert.equal(first.columns, undefined);

  const roles = new Map((await shownRoles(page)).map(([column, role, reason]) => [column, { role, reason }]));
  assert.deepEqual(roles.get("co_design"), { role: "basis", reason: "asks about co-design" });
  assert.deepEqual(roles.get("benefits"), { role: "basis", reason: "what people want, think or value" });
  assert.deepEqual(roles.get("preferred_channel"), { role: "descriptor", reason: "how people like to be reached" });
  assert.deepEqual(roles.get("area"), { role: "descriptor", reason: "who people are or where they live" });
  assert.deepEqual(roles.get("respondent_id"), { role: "leftOut", reason: "an identifier, never an answer" });
  assert.ok(await page.isDisabled('#columns-table tr[data-column="comments"] td.role select'));
  assert.ok(await page.isDisabled('#columns-table tr[data-column="area"] input[type="number"]'), "a descriptor has no weight");
  await page.locator("#step-review").screenshot({ path: `${shots}/review-roles-1280.png` });

  // The analyst clusters on area too, and leaves the channel out.
  await page.selectOption('#columns-table tr[data-column="area"] td.role select', "basis");
  await page.selectOption('#columns-table tr[data-column="preferred_channel"] td.role select', "leftOut");
  const changed = new Map((await shownRoles(page)).map(([column, role, reason]) => [column, { role, reason }]));
  assert.deepEqual(changed.get("area"), { role: "basis", reason: "your choice (by default descriptor: who people are or where they live)" });
  assert.equal(changed.get("preferred_channel").role, "leftOut");
  assert.ok(!(await page.isDisabled('#columns-table tr[data-column="area"] input[type="number"]')), "a basis question has a weight");
  assert.match(await page.textContent("#run-status"), /Settings changed/);

  const runs = (await stats(page)).segmentations;
  await page.click("#run");
  await page.waitForFunction((n) => window.__citizenSegmentsStats.segmentations > n && /^Found/.test(document.querySelector("#run-status").textContent), runs);
  await waitForCards(page);
  const second = (await stats(page)).lastOptions;
  assert.deepEqual(second.basis, ["co_planning", "co_prioritisation", "co_financing", "co_design", "co_management", "co_performing", "co_assessment", "benefits", "area"]);
  assert.deepEqual(second.descriptors, ["age_band"]);

  // The result used them: the model clusters area, and no brief reaches anyone by their channel.
  const model = JSON.parse((await downloadText(page, '[data-download$="-model.json"]')).text);
  assert.ok(model.encoding.columns.some((c) => c.name === "area"), "area was clustered");
  const cards = await page.textContent("#cards");
  assert.ok(!/preferred channel/.test(cards), "the left-out channel is in no brief");
  assert.match(cards, /age band/, "the age band still describes the segments");

  assert.deepEqual(log.problems, []);
  await context.close();
});
