// Best-of-n timing in seconds, after one untimed warm-up call (V8 runs the
// first long wasm call in its baseline tier). Shared by Node and the browser.
export function time(fn, repeats = 3) {
  fn();
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return Math.min(...times) / 1000;
}
