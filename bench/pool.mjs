// The page in headless Chromium with 1 and 2 workers (`?workers=N`): the
// time of "Find segments" on the sample and on a generated survey, from the
// click to the cards, median of --repeats runs after one untimed run.
// node bench/pool.mjs [rows] [--repeats N]   (after build-pkg and vite build)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards } from "../tests/page/harness.mjs";

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 20000);
const repeats = Number(args[args.indexOf("--repeats") + 1]) || 3;
const dist = fileURLToPath(new URL("../www/dist/", import.meta.url));
const data = fileURLToPath(new URL("./data/", import.meta.url));
mkdirSync(data, { recursive: true });
const file = `${data}pool-${rows}.csv`;
if (!existsSync(file)) execFileSync(process.execPath, [fileURLToPath(new URL("../scripts/make-sample.mjs", import.meta.url)), file, String(rows)]);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeRuns(page) {
  const times = [];
  for (let i = 0; i <= repeats; i += 1) {
    const before = await page.evaluate(() => window.__citizenSegmentsStats.segmentations);
    const start = Date.now();
    await page.click("#run");
    await page.waitForFunction((n) => window.__citizenSegmentsStats.segmentations > n && document.querySelector("#progress-box").hidden, before, { timeout: 600_000 });
    if (i > 0) times.push(Date.now() - start);
  }
  return median(times);
}

const server = await serveStatic(dist);
const browser = await launchChromium();
const figures = {};
for (const workers of [1, 2]) {
  const { page, context } = await openPage(browser, `${server.url}?workers=${workers}`);
  await waitForCards(page);
  const sample = await timeRuns(page);
  await page.setInputFiles("#file-input", file);
  await page.waitForFunction(() => /^Found/.test(document.querySelector("#run-status").textContent), null, { timeout: 600_000 });
  const large = await timeRuns(page);
  const pool = await page.evaluate(() => window.__citizenSegmentsStats.lastPool);
  figures[workers] = { sample, large, pool };
  await context.close();
}
await browser.close();
await server.close();
console.log(`Page in Chromium, "Find segments" with the defaults, median of ${repeats} (ms):`);
console.log(`| workers | sample (1,500 rows) | ${rows.toLocaleString("en")} rows |`);
console.log("| --- | --- | --- |");
for (const [workers, f] of Object.entries(figures)) console.log(`| ${workers} (${f.pool.helpers} helper(s)) | ${f.sample} | ${f.large} |`);
console.log(`| 1 / 2 | ${(figures[1].sample / figures[2].sample).toFixed(2)}× | ${(figures[1].large / figures[2].large).toFixed(2)}× |`);
