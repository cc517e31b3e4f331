// axe-core on the page with results shown: no serious or critical
// violations. CSP is bypassed for this test only, to inject axe.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serveStatic, launchChromium, openPage, waitForCards } from "./harness.mjs";

const dist = fileURLToPath(new URL("../../www/dist/", import.meta.url));
const axe = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
let server;
let browser;

before(async () => {
  server = await serveStatic(dist);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test(`no serious or critical axe-core violations at ${width} px`, async () => {
    const { page, context } = await openPage(browser, server.url, { width, height, bypassCSP: true });
    await waitForCards(page);
    await page.waitForSelector(".chart-block");
    await page.$$eval("details", (all) => all.forEach((d) => (d.open = true)));
    await page.addScriptTag({ path: axe });
    const violations = await page.evaluate(async () => {
      const { violations } = await window.axe.run(document);
      return violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")})`);
    });
    assert.deepEqual(violations, []);
    await context.close();
  });
}
