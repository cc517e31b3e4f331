// Shared by the browser tests: a static file server on loopback and Debian's
// Chromium driven by playwright-core.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export async function serveStatic(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path.endsWith("/") ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A fresh page on the served app that records every request, page error,
 * console error and dialog, so a test can assert there were none.
 */
export async function openPage(browser, url, { width = 1280, height = 800, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const log = { requests: [], problems: [], dialogs: [] };
  page.on("request", (r) => log.requests.push(r.url()));
  page.on("pageerror", (e) => log.problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && log.problems.push(m.text()));
  page.on("dialog", (d) => {
    log.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await page.goto(url);
  return { page, context, log };
}

/** Waits until the page shows segment cards, and returns them. */
export async function waitForCards(page, timeout = 120_000) {
  await page.waitForSelector("#cards [data-segment-id]", { timeout });
  return page.$$eval("#cards [data-segment-id]", (cards) =>
    cards.map((card) => ({
      id: card.dataset.segmentId,
      name: card.querySelector("textarea").value,
      size: Number(card.querySelector(".size").textContent.replace(/[^0-9]/g, "")),
    })),
  );
}

/** Clicks `selector` and returns the downloaded file's name and text. */
export async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.click(selector)]);
  const { readFile } = await import("node:fs/promises");
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8"), download };
}
