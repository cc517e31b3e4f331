// Runs one request of the library in a fresh Web Worker. Resolves with the
// worker's result or error message; `cancel()` terminates the worker.
//
// The page must keep working when the network is cut after it has loaded, yet
// every run (and every cancel) needs a new worker. So the worker's code and
// the compiled wasm module are fetched once, at start-up: each worker is then
// made from a blob URL of that code, and the compiled module is posted to it.
import workerUrl from "./worker.js?worker&url";
import wasmUrl from "../../pkg/citizen_segments_bg.wasm?url";

let next = 0;

const assets = (async () => {
  const [code, module] = await Promise.all([
    fetch(workerUrl).then((r) => {
      if (!r.ok) throw new Error(`could not load the worker (${r.status})`);
      return r.text();
    }),
    WebAssembly.compileStreaming(fetch(wasmUrl)),
  ]);
  const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  return { url, module };
})();

/** Resolves when the worker code and the wasm module are in memory. */
export const ready = assets.then(() => undefined);

export function runInWorker(request, onProgress) {
  const id = ++next;
  let worker;
  let settle;
  const done = new Promise((resolve) => {
    settle = (outcome) => {
      worker?.terminate();
      resolve(outcome);
    };
  });
  done.cancel = () => settle({ type: "cancelled" });
  assets.then(
    ({ url, module }) => {
      worker = new Worker(url, { type: "module" });
      worker.onmessage = ({ data }) => {
        if (data.id !== id) return;
        if (data.type === "progress") {
          onProgress?.(data);
          return;
        }
        settle(data);
      };
      worker.onerror = (event) =>
        settle({ type: "error", step: "worker", message: event.message || "The worker stopped unexpectedly." });
      worker.postMessage({ id, module, ...request }, [request.bytes]);
    },
    (error) => settle({ type: "error", step: "worker", message: `The page could not start its worker: ${error.message}` }),
  );
  return done;
}
