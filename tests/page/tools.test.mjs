// One survey-tool export per tool (tests/fixtures/import/tools/, issue 10),
// dropped into the page with no options: the review table shows each
// column's kind, the tool's short code and, for metadata, why it is left out;
// the import's warnings are listed; and the segments found agree with the
// planted ones (adjusted Rand index at least 0.8, as the core's own test).
// The same for the XLSX and ODS workbooks of tests/fixtures/import/workbooks/
// (scripts/make-workbook-fixtures.py), dropped as a user would drop them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards, downloadText } from "./harness.mjs";

const dist = fileURLToPath(new URL("../../www/dist/", import.meta.url));
const tools = new URL("../fixtures/import/tools/", import.meta.url);
const workbooks = new URL("../fixtures/import/workbooks/", import.meta.url);
const exports = [tools, workbooks].flatMap((dir) =>
  Object.entries(JSON.parse(readFileSync(new URL("expected.json", dir), "utf8"))).map(([file, want]) => [dir, file, want]),
);
let server;
let browser;
let opened;
/** What the page showed for each file, written to test-output/ for the record. */
const shown = [];

before(async () => {
  server = await serveStatic(dist);
  browser = await launchChromium();
  // One page for every file, as a user would drop one export after another.
  opened = await openPage(browser, server.url);
  await waitForCards(opened.page);
});

after(async () => {
  const out = fileURLToPath(new URL("../../test-output/", import.meta.url));
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}tools-page.json`, `${JSON.stringify(shown, null, 2)}\n`);
  await opened?.context.close();
  await browser?.close();
  await server?.close();
});

/** Adjusted Rand index of two labelings of the same respondents. */
function adjustedRand(a, b) {
  const pairs = (n) => (n * (n - 1)) / 2;
  const table = new Map();
  const rows = new Map();
  const cols = new Map();
  a.forEach((x, i) => {
    const key = `${x}\u0000${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  });
  const index = [...table.values()].reduce((s, n) => s + pairs(n), 0);
  const sumRows = [...rows.values()].reduce((s, n) => s + pairs(n), 0);
  const sumCols = [...cols.values()].reduce((s, n) => s + pairs(n), 0);
  const chance = (sumRows * sumCols) / pairs(a.length);
  const most = (sumRows + sumCols) / 2;
  return most === chance ? 1 : (index - chance) / (most - chance);
}

for (const [dir, file, want] of exports) {
  test(`${want.tool} (${file}): kinds, codes and left-out metadata in the review table, warnings listed, planted segments found`, async () => {
    const { page, log } = opened;
    await page.setInputFiles("#file-input", fileURLToPath(new URL(file, dir)));
    await page.waitForFunction(
      ([name, n]) => document.querySelector("#source-status").textContent.startsWith(`${name}: ${n} respondents`),
      [file, want.respondents.toLocaleString("en-GB")],
      { timeout: 60_000 },
    );
    assert.ok(await page.isHidden("#start-error"), await page.textContent("#start-error"));
    const rows = await page.$$eval("#columns-table tbody tr", (trs) =>
      trs.map((tr) => ({
        name: tr.dataset.column,
        kind: tr.querySelector("select[id$='-kind']").value,
        code: tr.querySelector(".code")?.textContent ?? null,
        reason: tr.querySelector(".reason")?.textContent ?? null,
        leftOut: tr.classList.contains("left-out"),
        role: tr.dataset.role,
        roleReason: tr.querySelector("td.role .reason")?.textContent ?? null,
      })),
    );
    const byName = new Map(rows.map((r) => [r.name, r]));
    for (const column of want.columns) {
      const row = byName.get(column.name);
      assert.ok(row, `${file}: no row for "${column.name}" among ${rows.map((r) => r.name).join(" | ")}`);
      assert.equal(row.kind, column.kind, `${file}: kind of "${column.name}"`);
      if (column.code && column.code !== column.name) assert.equal(row.code, column.code, `${file}: code of "${column.name}"`);
      if (column.kind === "metadata") {
        assert.ok(row.reason?.trim(), `${file}: "${column.name}" is metadata and says why`);
        assert.ok(row.leftOut && row.role === "leftOut", `${file}: "${column.name}" is left out`);
        assert.ok(row.roleReason?.trim(), `${file}: "${column.name}" says why it is left out`);
      }
    }
    const metadata = want.columns.filter((c) => c.kind === "metadata").map((c) => c.name);
    if (metadata.length) {
      const note = await page.textContent("#left-out");
      assert.match(note, new RegExp(`${metadata.length === 1 ? "1 column" : `${metadata.length} columns`} about the response`));
      for (const name of metadata) assert.ok(note.includes(name), `${file}: the note names "${name}"`);
    }
    const codes = await page.$$eval("#import-warnings li", (lis) => lis.map((li) => li.dataset.code));
    for (const code of want.warnings) assert.ok(codes.includes(code), `${file}: warning ${code} shown (shown: ${codes.join(", ")})`);
    // Segments appear for this file, and they are the planted ones.
    await page.waitForFunction(
      (name) => document.querySelector("#source-status").textContent.startsWith(name) && /^Found \d+ segments/.test(document.querySelector("#run-status").textContent),
      file,
      { timeout: 120_000 },
    );
    const cards = await waitForCards(page);
    assert.ok(cards.length >= 2, `${file}: ${cards.length} segments`);
    const csv = (await downloadText(page, '[data-download$="-assignments.csv"]')).text;
    const found = csv.trim().split(/\r?\n/).slice(1).map((line) => line.split(",")[1]);
    assert.equal(found.length, want.segments.length);
    const ari = adjustedRand(found, want.segments);
    assert.ok(ari >= 0.8, `${file}: adjusted Rand ${ari.toFixed(2)} against the planted segments`);
    assert.deepEqual(log.problems, []);
    shown.push({
      file,
      tool: want.tool,
      source: (await page.textContent("#source-status")).trim(),
      leftOut: rows.filter((r) => r.role === "leftOut").map((r) => r.name),
      warnings: codes,
      run: (await page.textContent("#run-status")).trim(),
      segments: cards.length,
      ari: Number(ari.toFixed(3)),
    });
  });
}
