// Import throughput: parseSurvey against Papa Parse on the same generated
// ~50 MB survey export, in Node and in headless Chromium, in one run. Prints
// the median MB/s of five alternating runs.
//
//   node bench/import.mjs [megabytes]     (after scripts/build-pkg.sh)
//
// Papa Parse only splits the text into cells; parseSurvey also decodes,
// infers each column's kind and scale and converts every answer, so the ratio
// is the price of that work, not like for like.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { serveStatic, launchChromium } from "../tests/page/harness.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const megabytes = Number(process.argv[2] ?? 50);
const rows = Math.round((megabytes * 1e6) / 289); // the sample's bytes per respondent
const file = `${root}bench/data/survey-${megabytes}mb.csv`;
mkdirSync(`${root}bench/data`, { recursive: true });
if (!existsSync(file)) execFileSync("node", [`${root}scripts/make-sample.mjs`, file, String(rows), "7"], { stdio: "inherit" });
const bytes = readFileSync(file);
const mb = statSync(file).size / 1e6;

const lib = await import(`${root}pkg/citizen_segments.js`);
lib.initSync({ module: readFileSync(`${root}pkg/citizen_segments_bg.wasm`) });

const report = (where, what, seconds) =>
  console.log(`${where.padEnd(9)} ${what.padEnd(26)} ${(mb / seconds).toFixed(1).padStart(7)} MB/s  (${seconds.toFixed(2)} s for ${mb.toFixed(1)} MB)`);

console.log(`import benchmark: ${mb.toFixed(1)} MB, ${rows} respondents, 13 columns`);
// Alternating runs after a warm-up of each, medians of five: a load on the
// machine (it is shared) falls on all three alike.
const text = bytes.toString("utf8");
const runs = { ours: [], papa: [], papaBytes: [] };
const timed = (fn) => {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
};
lib.parseSurvey(bytes).free();
Papa.parse(text, { header: true, skipEmptyLines: true });
for (let i = 0; i < 5; i++) {
  runs.ours.push(timed(() => lib.parseSurvey(bytes).free()));
  runs.papa.push(timed(() => Papa.parse(text, { header: true, skipEmptyLines: true })));
  runs.papaBytes.push(timed(() => Papa.parse(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true })));
}
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
const [ours, papa, papaBytes] = [median(runs.ours), median(runs.papa), median(runs.papaBytes)];
report("node", "parseSurvey (bytes)", ours);
report("node", "Papa Parse (text)", papa);
report("node", "Papa Parse (decode+text)", papaBytes);
console.log(`node      ratio parseSurvey / Papa Parse (decode+text): ${(papaBytes / ours).toFixed(2)}x speed`);

const server = await serveStatic(root);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on("console", (m) => m.type() === "error" && console.error(m.text()));
  await page.goto(`${server.url}bench/import.html`);
  await page.waitForFunction(() => typeof window.runImportBenchmark === "function");
  const figures = await page.evaluate(async (name) => window.runImportBenchmark(name), `bench/data/survey-${megabytes}mb.csv`);
  report("chromium", "parseSurvey (bytes)", figures.ours);
  report("chromium", "Papa Parse (decode+text)", figures.papa);
  console.log(`chromium  respondents read: ${figures.respondents}, columns: ${figures.columns}`);
  console.log(`chromium  ratio parseSurvey / Papa Parse (decode+text): ${(figures.papa / figures.ours).toFixed(2)}x speed`);
} finally {
  await browser.close();
  await server.close();
}
