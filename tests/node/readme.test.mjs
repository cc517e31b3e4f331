// Runs every README block fenced as ```js readme-example against the built
// package, so the documented example cannot rot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const readme = readFileSync(`${root}README.md`, "utf8");
const examples = [...readme.matchAll(/```js readme-example\n([\s\S]*?)```/g)].map((m) => m[1]);

test("the README has a runnable example", () => assert.ok(examples.length >= 1));

examples.forEach((code, i) => {
  test(`README example ${i + 1} runs against the built package`, () => {
    const dir = `${root}test-output/readme-${i + 1}`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(`${dir}/node_modules`, { recursive: true });
    symlinkSync(`${root}pkg`, `${dir}/node_modules/citizen-segments`, "dir");
    writeFileSync(`${dir}/example.mjs`, code);
    const out = execFileSync("node", [`${dir}/example.mjs`], { cwd: root, encoding: "utf8" });
    assert.ok(out.trim().length > 0, "the example prints its results");
  });
});
