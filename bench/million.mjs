// A million respondents: imports a synthetic export of ROWS x WIDTH rating
// answers (bench/synthetic.mjs, written to bench/data/ once), then segments
// it with a fixed k and one start and no stability re-runs, printing the time
// of each step and the peak memory: the wasm memory (which never shrinks, so
// its size is the peak) and the process's resident set.
//
//   node bench/million.mjs [ROWS] [WIDTH] [K]     (after scripts/build-pkg.sh)
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeLikertCsv } from "./synthetic.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const rows = Number(process.argv[2] ?? 1_000_000);
const width = Number(process.argv[3] ?? 60);
const k = Number(process.argv[4] ?? 5);
const file = `${root}bench/data/likert-${rows}x${width}.csv`;
mkdirSync(`${root}bench/data`, { recursive: true });
if (!existsSync(file)) writeLikertCsv(file, rows, width, 7);

const lib = await import(`${root}pkg/citizen_segments.js`);
const wasm = lib.initSync({ module: readFileSync(`${root}pkg/citizen_segments_bg.wasm`) });
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const memory = (what) => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(`${what.padEnd(28)} wasm memory ${mib(wasm.memory.buffer.byteLength).padStart(9)}, peak RSS ${mib(peakRss).padStart(9)}`);
};

const bytes = readFileSync(file);
console.log(`${rows} x ${width}: ${(bytes.length / 1e6).toFixed(1)} MB, Node ${process.version}`);
memory("file read");
let start = performance.now();
const survey = lib.parseSurvey(bytes);
const imported = (performance.now() - start) / 1000;
console.log(`import                       ${imported.toFixed(1)} s (${(bytes.length / 1e6 / imported).toFixed(1)} MB/s), ${survey.respondents} respondents, ${survey.columns.length} columns`);
memory("after import");
start = performance.now();
const result = lib.segment(survey, { k, restarts: 1, stability: false });
const segmented = (performance.now() - start) / 1000;
const sizes = new Array(k).fill(0);
for (const a of result.assignments) if (a >= 0) sizes[a]++;
console.log(`segment (k = ${k}, 1 start)     ${segmented.toFixed(1)} s, segment sizes ${sizes.join(", ")}`);
memory("after segment");
clearInterval(sampler);
console.log(`import + segment             ${(imported + segmented).toFixed(1)} s`);
