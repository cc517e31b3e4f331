// One run of the library in a fresh Web Worker. Resolves with the worker's
// result or error message; `cancel()` terminates the worker.
let next = 0;

export function runInWorker(request, onProgress) {
  const id = ++next;
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  let cancel;
  const done = new Promise((resolve) => {
    cancel = () => {
      worker.terminate();
      resolve({ type: "cancelled" });
    };
    worker.onmessage = ({ data }) => {
      if (data.id !== id) return;
      if (data.type === "progress") {
        onProgress?.(data);
        return;
      }
      worker.terminate();
      resolve(data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ type: "error", step: "worker", message: event.message || "The worker stopped unexpectedly." });
    };
  });
  worker.postMessage({ id, ...request }, [request.bytes]);
  done.cancel = cancel;
  return done;
}
