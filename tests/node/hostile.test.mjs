// Replays seeded random mutations of a valid model, valid options, a valid
// CSV and a valid matrix through the built package. Every refusal must be an
// Error with a message (never a WebAssembly trap), and after each refusal a
// known-good call must still give the known result: the module keeps working.
import { test } from "node:test";
import assert from "node:assert/strict";
import lib, { sample } from "./load.mjs";

const { parseSurvey, segment, assign, kmeans } = lib;

// mulberry32: a small seeded generator, so every run replays the same calls.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(13);
const pick = (items) => items[Math.floor(random() * items.length)];
const int = (n) => Math.floor(random() * n);

// A small slice of the sample keeps every segmentation fast.
const csv = sample.toString("utf8").split("\n").slice(0, 121).join("\n");
const survey = parseSurvey(csv);
const fast = { k: 3, restarts: 2, stability: false };
const validModel = JSON.parse(JSON.stringify(segment(survey, fast).model()));
const validOptions = {
  k: "auto",
  kMin: 2,
  kMax: 4,
  columns: ["co_planning", "co_design", "co_management", "benefits", "area"],
  standardize: false,
  seed: 7,
  restarts: 2,
  maxIterations: 50,
  tolerance: 1e-4,
  weights: { co_planning: 2, area: 0.5 },
  centreRespondents: true,
  stability: true,
  stabilityRuns: 2,
  silhouetteSample: 100,
  activities: { co_planning: "coPlanning" },
  minGroupSize: 3,
  names: { 0: "First" },
  previous: validModel,
};
const baseline = Array.from(assign(validModel, survey).assignments);

// Values JSON would change or drop, numbers at the edges, and plain data.
function hostileValue() {
  const cycle = {};
  cycle.again = cycle;
  return pick([
    () => new Map([["k", 3]]),
    () => new Set([1]),
    () => () => 1,
    () => Symbol("s"),
    () => 10n,
    () => new Date(0),
    () => new Float64Array([1, 2]),
    () => cycle,
    () => undefined,
    () => null,
    () => NaN,
    () => Infinity,
    () => -0,
    () => -1,
    () => 0,
    () => 1,
    () => 2.5,
    () => 51,
    () => 4294967296,
    () => 1e300,
    () => Number.MAX_SAFE_INTEGER,
    () => "",
    () => "auto",
    () => "co_design",
    () => "x".repeat(1000),
    () => true,
    () => [],
    () => {},
    () => [new Map()],
    () => ({ nested: new Map() }),
  ])();
}

// Every [parent, key] pair of a tree, at every depth (each object once, so
// an inserted cycle ends the walk).
function slots(value, out = [], seen = new Set()) {
  if (value && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    for (const key of Object.keys(value)) {
      out.push([value, key]);
      slots(value[key], out, seen);
    }
  }
  return out;
}

function cloned(value) {
  try {
    return structuredClone(value);
  } catch {
    return value; // functions and symbols cannot be cloned: share them.
  }
}

function mutate(value) {
  const copy = structuredClone(value);
  for (let edits = 1 + int(3); edits > 0; edits -= 1) {
    const all = slots(copy);
    const [parent, key] = pick(all);
    const current = parent[key];
    const what = int(4);
    if (what === 0 && typeof current === "number") {
      parent[key] = pick([current + 1, current - 1, -current, current * 1e6, current / 3]);
    } else if (what === 1 && Array.isArray(current) && current.length > 0) {
      if (random() < 0.5) current.splice(int(current.length), 1);
      else current.push(cloned(current[int(current.length)]));
    } else if (what === 2 && !Array.isArray(parent)) {
      delete parent[key];
    } else {
      parent[key] = hostileValue();
    }
  }
  return copy;
}

// Legal but slow values are lowered (the limits themselves are refused
// quickly and tested in the crate); illegal ones are kept.
function bounded(options) {
  if (options && typeof options === "object") {
    if (typeof options.restarts === "number" && options.restarts > 3 && options.restarts <= 100) {
      options.restarts = 3;
    }
    const runs = options.stabilityRuns;
    if (typeof runs === "number" && runs > 2 && runs <= 20) options.stabilityRuns = 2;
  }
  return options;
}

function mutateCsv(text) {
  const lines = text.split("\n");
  for (let edits = 1 + int(4); edits > 0; edits -= 1) {
    const i = int(lines.length);
    const line = lines[i];
    const at = int(line.length + 1);
    const insert = pick([",", '"', "\r", "\n", ";", "\t", "\u0000", "é", "\uFEFF", "=1+1", "", "99"]);
    switch (int(5)) {
      case 0:
        lines[i] = line.slice(0, at) + insert + line.slice(at);
        break;
      case 1:
        lines[i] = line.slice(0, at);
        break;
      case 2:
        lines.splice(i, 0, line);
        break;
      case 3:
        lines.splice(i, 1);
        break;
      default:
        lines[i] = line.replace(/[^,]*/, insert);
    }
  }
  return lines.join("\n");
}

const counts = { calls: 0, refused: 0, accepted: 0 };

function call(name, run) {
  counts.calls += 1;
  try {
    run();
    counts.accepted += 1;
  } catch (error) {
    counts.refused += 1;
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `${name} trapped: ${error}`);
    assert.ok(error instanceof Error, `${name} threw a non-Error: ${String(error)}`);
    assert.ok(error.message.length > 0, `${name} threw an Error without a message`);
    // The module still works and still gives the same answer.
    assert.deepEqual(Array.from(assign(validModel, survey).assignments), baseline, `after ${name}`);
  }
}

test("hostile models, options, CSVs and matrices are refused with Errors, never traps", (t) => {
  const started = Date.now();
  for (let i = 0; i < 150; i += 1) {
    const model = mutate(validModel);
    call(`assign #${i}`, () => assign(model, survey));
  }
  for (let i = 0; i < 150; i += 1) {
    const options = bounded(mutate(validOptions));
    call(`segment #${i}`, () => segment(survey, options));
  }
  for (let i = 0; i < 100; i += 1) {
    const text = mutateCsv(csv);
    call(`parseSurvey #${i}`, () => {
      const parsed = parseSurvey(random() < 0.5 ? text : new TextEncoder().encode(text));
      call(`segment of mutated CSV #${i}`, () => segment(parsed, fast));
      call(`assign to mutated CSV #${i}`, () => assign(validModel, parsed));
      parsed.free();
    });
  }
  for (let i = 0; i < 100; i += 1) {
    const width = pick([0, 1, 2, 3, 7]);
    const data = Float64Array.from({ length: int(40) }, () =>
      pick([0, 1, 2, -3, 0.5, NaN, Infinity, 1e300, -1e300, 1e-300, int(10)]),
    );
    const options = bounded(mutate({ k: 2, seed: 1, restarts: 2, maxIterations: 30, tolerance: 0 }));
    call(`kmeans #${i}`, () => kmeans(data, width, options));
  }
  assert.ok(counts.calls >= 500, `only ${counts.calls} calls`);
  assert.ok(counts.refused >= 100 && counts.accepted >= 100, JSON.stringify(counts));
  assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
  t.diagnostic(`${JSON.stringify(counts)} in ${Date.now() - started} ms`);
});
