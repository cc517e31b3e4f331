// Step 6: reuse a saved model. The worker puts the respondents of the survey
// it holds into the model's segments; the CSV is the package's own
// (assignmentCsv), the same format as the assignments download.
import { el, showError } from "../dom.js";
import { download } from "../download.js";
import { reuseTable } from "../build/summary.js";
import { baseName, state, ui, worker } from "../state.js";

export function clearReuse() {
  ui.reuseStatus.textContent = "";
  ui.reuseResult.replaceChildren();
}

/** Why the model was refused, with a hint when it was made from another survey. */
function refusal(outcome, modelName) {
  const sentence = outcome.message.replace(/\.?$/, ".");
  return /lacks the model's column/.test(sentence) ? `${sentence} Was ${modelName} made from another survey?` : sentence;
}

async function reuse(file) {
  showError(ui.reuseError, null);
  clearReuse();
  if (!state.survey) {
    showError(ui.reuseError, new Error("Choose a survey in step 1 first: the model puts its respondents into segments."));
    return;
  }
  let text;
  try {
    text = await file.text();
  } catch (error) {
    showError(ui.reuseError, new Error(`${file.name} could not be read (${error.name}: ${error.message}); choose it again.`));
    return;
  }
  let model;
  try {
    model = JSON.parse(text);
  } catch (error) {
    showError(ui.reuseError, new Error(`${file.name} is not a model JSON file: ${error.message}`));
    return;
  }
  const surveyName = state.fileName;
  ui.reuseStatus.textContent = `Putting the respondents of ${surveyName} into the segments of ${file.name}…`;
  ui.reuseCancel.hidden = false;
  const outcome = await worker.request("assign", { model });
  ui.reuseCancel.hidden = true;
  if (state.fileName !== surveyName) return; // another survey was chosen meanwhile
  if (outcome.type === "cancelled") {
    ui.reuseStatus.textContent = `Cancelled: the respondents of ${surveyName} were not put into the segments of ${file.name}.`;
    return;
  }
  if (outcome.type !== "result") {
    ui.reuseStatus.textContent = `${file.name} could not be used on ${surveyName}. Nothing else was changed.`;
    showError(ui.reuseError, { ...outcome, message: refusal(outcome, file.name) });
    return;
  }
  const fileName = `${baseName(surveyName)}-assigned-with-${baseName(file.name)}.csv`;
  ui.reuseStatus.textContent = `${outcome.respondents.toLocaleString("en-GB")} respondents put into the segments of ${file.name}.`;
  ui.reuseResult.replaceChildren(
    reuseTable(model, outcome.assignments, { surveyName, modelName: file.name }),
    el(
      "div",
      { class: "actions" },
      el("button", {
        type: "button",
        class: "secondary",
        id: "reuse-download",
        text: "Segment of each respondent (CSV)",
        onclick: () => download(fileName, outcome.csv, "text/csv"),
      }),
    ),
  );
}

export function wireReuse() {
  ui.reuseCancel.addEventListener("click", () => worker.cancel());
  ui.modelInput.addEventListener("change", () => {
    const file = ui.modelInput.files[0];
    ui.modelInput.value = "";
    if (file) reuse(file);
  });
}
