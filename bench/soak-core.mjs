// The soak loop shared by bench/soak.mjs (1,000 runs, by hand) and
// tests/node/soak.test.mjs (a short version in the tests).

const MARKS = new Set([1, 10, 100, 1000]);

// What must not change between runs of the same survey and options.
function fingerprint(result) {
  const data = result.toJSON();
  return JSON.stringify({
    k: data.k,
    assignments: data.assignments,
    distances: data.distances,
    centroids: data.centroids,
    inertia: data.inertia,
    quality: data.quality,
    segments: data.segments,
    stability: data.stability,
    kScan: data.kScan,
    model: result.model(),
    csv: result.assignmentsCsv(),
  });
}

/// Runs `runs` segmentations of `csv`, parsing it anew each time and freeing
/// every survey and result, as a long-lived worker does. Calls `heard(run,
/// bytes)` at runs 1, 10, 100, 1000 and the last. Returns the memory at
/// those runs and the runs whose result differed from run 1's.
export function soak(lib, memory, csv, runs, options, heard = () => {}) {
  const bytes = {};
  const mismatches = [];
  let first;
  for (let run = 1; run <= runs; run += 1) {
    const survey = lib.parseSurvey(new Uint8Array(csv));
    const result = lib.segment(survey, options);
    const print = fingerprint(result);
    result.free();
    survey.free();
    if (run === 1) first = print;
    else if (print !== first) mismatches.push(run);
    if (MARKS.has(run) || run === runs) {
      bytes[run] = memory.buffer.byteLength;
      heard(run, bytes[run]);
    }
  }
  return { bytes, mismatches };
}
