// The page in headless Chromium on a large export: drops a synthetic file of
// ROWS x WIDTH rating answers (bench/synthetic.mjs, written to bench/data/
// once) into the page as a user would, with a fixed k set first (the page
// segments a dropped file at once, stability re-runs included), and prints the
// time of each step, the segment sizes the cards show, and the peak resident
// memory of Chromium's largest process and of all of them together.
//
//   node bench/page-million.mjs [ROWS] [WIDTH] [K] [--workers N]
//   (after scripts/build-pkg.sh and the vite build)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards } from "../tests/page/harness.mjs";
import { writeLikertCsv } from "./synthetic.mjs";

const args = process.argv.slice(2);
const numbers = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--workers").map(Number);
const [rows = 1_000_000, width = 60, k = 5] = numbers;
const workers = args.includes("--workers") ? Number(args[args.indexOf("--workers") + 1]) : 1;
const root = fileURLToPath(new URL("../", import.meta.url));
const file = `${root}bench/data/likert-${rows}x${width}.csv`;
mkdirSync(`${root}bench/data`, { recursive: true });
if (!existsSync(file)) writeLikertCsv(file, rows, width, 7);

// Resident memory of every Chromium process, sampled: the largest one (the
// page's renderer, which runs its workers) and the sum.
let peak = { largest: 0, total: 0 };
const sample = () => {
  try {
    const kib = execFileSync("ps", ["-C", "chromium", "-o", "rss="], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
    peak.largest = Math.max(peak.largest, ...kib);
    peak.total = Math.max(peak.total, kib.reduce((a, b) => a + b, 0));
  } catch {
    // ps finds no process between launches: nothing to record.
  }
};
const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
const memory = (what) => {
  sample();
  console.log(`${what.padEnd(26)} peak RSS: largest process ${mib(peak.largest).padStart(9)}, all ${mib(peak.total).padStart(9)}`);
};

const server = await serveStatic(`${root}www/dist/`);
const browser = await launchChromium();
const sampler = setInterval(sample, 200);
try {
  const { page, log } = await openPage(browser, `${server.url}?workers=${workers}`);
  console.log(`${rows} x ${width}, k = ${k}, ${workers} worker(s), Chromium ${browser.version()}`);
  await waitForCards(page); // the sample, segmented on load
  memory("page open");
  // A dropped file is segmented at once with the form's settings.
  await page.check("#k-fixed");
  await page.fill("#k-value", String(k));
  // The stages the page shows, with the time each first appeared.
  await page.evaluate(() => {
    window.__stages = [];
    const start = performance.now();
    const ids = ["#source-status", "#progress-label"];
    const label = (id) => document.querySelector(id).textContent.replace(/[\d.,]+ ?%|…/g, "").trim();
    // What the sample's run left on the page is not a stage of this one.
    const seen = new Set(ids.map(label));
    const watch = () => {
      for (const id of ids) {
        const text = label(id);
        if (text && !seen.has(text)) {
          seen.add(text);
          window.__stages.push([((performance.now() - start) / 1000).toFixed(1), text]);
        }
      }
    };
    window.__watch = setInterval(watch, 100);
  });
  const before = await page.evaluate(() => window.__citizenSegmentsStats.segmentations);
  const start = Date.now();
  await page.setInputFiles("#file-input", file);
  const outcome = await Promise.race([
    page
      .waitForFunction((n) => window.__citizenSegmentsStats.segmentations > n && document.querySelector("#progress-box").hidden, before, { timeout: 1_200_000 })
      .then(() => waitForCards(page))
      .then((cards) => ({ cards })),
    page.waitForSelector("#segment-error:not([hidden])", { timeout: 1_200_000 }).then(async (e) => ({ error: await e.textContent() })),
  ]);
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  for (const [at, text] of await page.evaluate(() => window.__stages)) console.log(`  at ${at.padStart(6)} s: ${text}`);
  if (outcome.error) console.log(`drop to result             failed after ${seconds} s: ${outcome.error}`);
  else console.log(`drop to cards              ${seconds} s, segment sizes ${outcome.cards.map((c) => c.size).join(", ")}`);
  memory("at the end");
  if (log.problems.length) console.log(`page problems: ${log.problems.join(" | ")}`);
} finally {
  clearInterval(sampler);
  await browser.close();
  await server.close();
}
