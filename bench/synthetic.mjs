// Synthetic Likert answers for the k-means benchmark: six planted groups of
// 1..5 answers, identical in Node, in the browser and (by the same generator)
// natively.
import { closeSync, openSync, writeSync } from "node:fs";
import { pathToFileURL } from "node:url";

// splitmix32-style hash of (seed, index) -> [0, 1): stateless, so every
// runtime produces the same matrix.
function unit(seed, i) {
  let x = (Math.imul(i ^ seed, 0x9e3779b1) + 0x7f4a7c15) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

export function likertMatrix(rows, width, seed) {
  const out = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const group = Math.floor(unit(seed, r * (width + 1)) * 6);
    for (let c = 0; c < width; c++) {
      const centre = 1 + ((group * 7 + c * 3) % 5);
      const noise = unit(seed, r * (width + 1) + c + 1) * 2.4 - 1.2;
      out[r * width + c] = Math.min(5, Math.max(1, Math.round(centre + noise)));
    }
  }
  return out;
}

/** The first k distinct rows: the same starting centroids for every library. */
export function initialCentroids(flat, width, k) {
  const out = new Float64Array(k * width);
  const seen = new Set();
  let c = 0;
  for (let r = 0; c < k && r * width < flat.length; r++) {
    const row = flat.subarray(r * width, (r + 1) * width);
    const key = row.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    out.set(row, c * width);
    c++;
  }
  return out;
}

/** Sum of squared distances of each row to its centroid. */
export function inertiaOf(flat, width, centroids, labels) {
  let total = 0;
  for (let r = 0; r < labels.length; r++) {
    const centre = centroids[labels[r]];
    for (let c = 0; c < width; c++) {
      const d = flat[r * width + c] - centre[c];
      total += d * d;
    }
  }
  return total;
}

/** The matrix as a survey export: an id column and questions q1..qd (answers 1..5). */
export function likertCsv(flat, rows, width) {
  const header = ["id", ...Array.from({ length: width }, (_, c) => `q${c + 1}`)].join(",");
  const lines = [header];
  for (let r = 0; r < rows; r++) lines.push(`${r + 1},${Array.from(flat.subarray(r * width, (r + 1) * width)).join(",")}`);
  return lines.join("\n") + "\n";
}

/**
 * Writes `rows` x `width` synthetic Likert answers as a survey export to
 * `file`, a block of rows at a time so that a million rows never sit in one
 * string: `node bench/synthetic.mjs out.csv ROWS WIDTH [SEED]`.
 */
export function writeLikertCsv(file, rows, width, seed) {
  const fd = openSync(file, "w");
  try {
    writeSync(fd, `${["id", ...Array.from({ length: width }, (_, c) => `q${c + 1}`)].join(",")}\n`);
    const block = 20000;
    for (let start = 0; start < rows; start += block) {
      const count = Math.min(block, rows - start);
      const lines = [];
      for (let r = start; r < start + count; r++) {
        const group = Math.floor(unit(seed, r * (width + 1)) * 6);
        const cells = [r + 1];
        for (let c = 0; c < width; c++) {
          const centre = 1 + ((group * 7 + c * 3) % 5);
          const noise = unit(seed, r * (width + 1) + c + 1) * 2.4 - 1.2;
          cells.push(Math.min(5, Math.max(1, Math.round(centre + noise))));
        }
        lines.push(cells.join(","));
      }
      writeSync(fd, `${lines.join("\n")}\n`);
    }
  } finally {
    closeSync(fd);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, rows, width, seed] = process.argv.slice(2);
  if (!file || !rows || !width) throw new Error("usage: node bench/synthetic.mjs out.csv ROWS WIDTH [SEED]");
  writeLikertCsv(file, Number(rows), Number(width), Number(seed ?? 7));
}
