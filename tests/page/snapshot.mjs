// Golden snapshots of the page's builders, after Observable Plot's own test
// harness: each builder is rendered on a fixed input in jsdom, its markup
// normalised (xmlns on every SVG, Plot's generated ids numbered from 1 in
// each snapshot, one tag per line) and compared with a committed file in
// tests/page/snapshots/. A missing snapshot is written, except when CI=true:
// then the test fails. A differing one is never rewritten: the new markup is
// written to test-output/snapshots/NAME-changed.html to compare, and the test
// fails. To accept a change on purpose, delete the snapshot and run again.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const snapshots = new URL("./snapshots/", import.meta.url);
const changed = new URL("../../test-output/snapshots/", import.meta.url);

/** Makes a jsdom window the global one, as the builders (and Plot) expect a browser. */
export function useJsdom() {
  const { window } = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  for (const name of ["window", "document", "navigator", "Node", "NodeList", "HTMLCollection", "Event", "MouseEvent", "XMLSerializer"]) {
    Object.defineProperty(globalThis, name, { value: name === "window" ? window : window[name], configurable: true, writable: true });
  }
  // jsdom has no canvas. Plot draws a colour ramp legend on one and puts it
  // in as a data URL: this one records the colours drawn, so the snapshot
  // still shows the ramp.
  window.HTMLCanvasElement.prototype.getContext = function () {
    const fills = (this.fills = []);
    return { fillStyle: "", fillRect() { fills.push(this.fillStyle); } };
  };
  window.HTMLCanvasElement.prototype.toDataURL = function () {
    return `data:text/plain,${encodeURIComponent((this.fills ?? []).join(" "))}`;
  };
  return window;
}

/** The markup of a node, normalised so that only what the builder decided is in it. */
export function serialise(node) {
  for (const svg of node.tagName.toLowerCase() === "svg" ? [node] : node.querySelectorAll("svg")) {
    svg.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", "http://www.w3.org/2000/svg");
  }
  let html = node.outerHTML;
  // Plot numbers clip paths (and markers, patterns) across the whole process: renumber per snapshot.
  for (const kind of ["clip", "marker", "pattern"]) {
    const seen = new Map();
    html = html.replace(new RegExp(`plot-${kind}-\\d+`, "g"), (id) => {
      if (!seen.has(id)) seen.set(id, `plot-${kind}-${seen.size + 1}`);
      return seen.get(id);
    });
  }
  return `${html.replace(/></g, ">\n<")}\n`;
}

/** Compares `node`'s markup with the snapshot `name`.html (see above). */
export function assertSnapshot(name, node) {
  const actual = serialise(node);
  const file = new URL(`${name}.html`, snapshots);
  if (!existsSync(file)) {
    if (process.env.CI === "true") assert.fail(`missing snapshot ${name}.html: run the page's snapshot test locally and commit it`);
    mkdirSync(snapshots, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, "utf8");
  if (actual === expected) return;
  const a = actual.split("\n");
  const e = expected.split("\n");
  const line = a.findIndex((text, i) => text !== e[i]);
  let where = `line ${line + 1}: expected ${JSON.stringify(e[line] ?? "")}, got ${JSON.stringify(a[line] ?? "")}`;
  if (process.env.CI !== "true") {
    mkdirSync(changed, { recursive: true });
    writeFileSync(new URL(`${name}-changed.html`, changed), actual);
    where += `; the new markup is in test-output/snapshots/${name}-changed.html`;
  }
  assert.fail(`${name}.html differs from the builder's markup at ${where}`);
}
