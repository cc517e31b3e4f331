import { runInWorker } from "./run.js";

const sourceStatus = document.querySelector("#source-status");
const runStatus = document.querySelector("#run-status");
const table = document.querySelector("#segment-table");

async function main() {
  const response = await fetch(new URL("./sample-survey.csv", document.baseURI));
  const bytes = await response.arrayBuffer();
  sourceStatus.textContent = `Sample survey loaded (${(bytes.byteLength / 1024).toFixed(0)} kB).`;
  runStatus.textContent = "Finding segments…";
  const outcome = await runInWorker({ bytes, importOptions: {}, segmentOptions: {} }, (p) => {
    runStatus.textContent = `${p.stage}… ${p.percent} %`;
  });
  if (outcome.type === "error") {
    runStatus.textContent = outcome.message;
    return;
  }
  const { result, respondents } = outcome;
  runStatus.textContent = `${result.k} segments among ${respondents} respondents (seed ${result.seed}).`;
  const body = table.tBodies[0];
  body.replaceChildren(
    ...result.segments.map((s) => {
      const row = document.createElement("tr");
      row.dataset.segmentId = String(s.id);
      for (const text of [`Segment ${s.id + 1}`, String(s.size), `${(s.share * 100).toFixed(1)} %`]) {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
  table.hidden = false;
}

main();
