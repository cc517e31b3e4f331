// Packs pkg/ with `npm pack`, installs the tarball into fresh projects and
// uses it as each kind of user would: a plain Node ESM script and a Vite app
// (built, then run in Chromium).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync, readdirSync, copyFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium } from "../page/harness.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const sample = join(root, "www/public/sample-survey.csv");
let work;
let tarball;

const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

function project(name, pkgJson) {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, type: "module", ...pkgJson }));
  // Installing a local tarball needs no registry access.
  sh("npm", ["install", "--no-audit", "--no-fund", "--offline", tarball], dir);
  return dir;
}

before(() => {
  work = mkdtempSync(join(tmpdir(), "citizen-segments-pack-"));
  sh("npm", ["pack", "--pack-destination", work, join(root, "pkg")], root);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz")));
});

after(() => rmSync(work, { recursive: true, force: true }));

test("the tarball holds the module, its JS snippet, the wasm, types, README and licence, and nothing else", () => {
  const listing = sh("tar", ["-tzf", tarball], work).split("\n").filter(Boolean).sort();
  // wasm-bindgen names the snippet's folder after the crate and a hash.
  const snippet = /^package\/snippets\/citizen-segments-[0-9a-f]+\/inline0\.js$/;
  assert.equal(listing.filter((f) => snippet.test(f)).length, 1, listing.join("\n"));
  assert.deepEqual(
    listing.map((f) => (snippet.test(f) ? "package/snippets/(crate)/inline0.js" : f)),
    [
      "package/LICENSE",
      "package/README.md",
      "package/citizen_segments.d.ts",
      "package/citizen_segments.js",
      "package/citizen_segments_bg.wasm",
      "package/citizen_segments_bg.wasm.d.ts",
      "package/package.json",
      "package/snippets/(crate)/inline0.js",
    ],
  );
});

test("a plain Node ESM script imports the installed package and segments a survey", () => {
  const dir = project("node-esm", {});
  copyFileSync(sample, join(dir, "survey.csv"));
  writeFileSync(
    join(dir, "main.mjs"),
    `import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { initSync, parseSurvey, segment } from "citizen-segments";
const require = createRequire(import.meta.url);
initSync({ module: readFileSync(require.resolve("citizen-segments/citizen_segments_bg.wasm")) });
const survey = parseSurvey(readFileSync("survey.csv"));
const result = segment(survey, { k: 3, seed: 1, restarts: 2 });
console.log(JSON.stringify({ respondents: survey.respondents, k: result.k, n: result.assignments.length }));
`,
  );
  const out = JSON.parse(sh("node", ["main.mjs"], dir));
  assert.deepEqual(out, { respondents: 1500, k: 3, n: 1500 });
});

test("a Vite app built against the installed package runs in Chromium", async () => {
  const dir = project("vite-app", {});
  mkdirSync(join(dir, "public"));
  copyFileSync(sample, join(dir, "public/survey.csv"));
  writeFileSync(join(dir, "index.html"), `<!doctype html><title>t</title><output id="out"></output><script type="module" src="/main.js"></script>`);
  writeFileSync(
    join(dir, "main.js"),
    `import init, { parseSurvey, segment } from "citizen-segments";
await init();
const bytes = new Uint8Array(await (await fetch("/survey.csv")).arrayBuffer());
const result = segment(parseSurvey(bytes), { k: 3, seed: 1, restarts: 2 });
document.querySelector("#out").textContent = "k=" + result.k + " n=" + result.assignments.length;
`,
  );
  // The workspace's pinned Vite builds the fresh project.
  sh("node", [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], dir);
  const server = await serveStatic(join(dir, "dist"));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector("#out").textContent !== "", null, { timeout: 60_000 });
    assert.equal(await page.textContent("#out"), "k=3 n=1500");
  } finally {
    await browser.close();
    await server.close();
  }
});
