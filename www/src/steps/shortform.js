// Step 6: make a short sign-up form. The worker asks the segmentation it
// holds for the few questions that best tell a segment (shortForm), or
// scores the questions the user swapped in; the form's HTML is downloaded.
import { el, showError } from "../dom.js";
import { download } from "../download.js";
import { CLUSTERABLE } from "../build/columns.js";
import { accuracySentence, questionList, recallList } from "../build/shortform.js";
import { baseName, state, ui, worker } from "../state.js";
import { syncNames } from "./export.js";

let form = null; // the ShortForm shown, with the run it was made for: { run, shortForm }

export function clearShortForm() {
  form = null;
  ui.formResult.replaceChildren();
  ui.formStatus.textContent = "";
  ui.formDownload.hidden = true;
  showError(ui.formError, null);
}

export function showShortFormStep() {
  clearShortForm();
  ui.formStep.hidden = false;
}

function maxQuestions() {
  const n = Number(ui.formMax.value);
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : null;
}

/** Makes the form: chosen by the package, or with `questions` (column names) scored. */
async function make(questions = null) {
  const run = state.run;
  if (!run) return;
  showError(ui.formError, null);
  const max = maxQuestions();
  if (max == null) {
    showError(ui.formError, new Error("The most questions must be a whole number from 1 to 10."));
    return;
  }
  // The form names the segments: the worker's result must carry the names shown.
  if (!(await syncNames())) return;
  ui.formStatus.textContent = questions ? "Checking the form with the question you chose…" : "Choosing the questions…";
  ui.formMake.disabled = true;
  const options = questions ? { maxQuestions: Math.max(max, questions.length), questions } : { maxQuestions: max };
  const outcome = await worker.request("shortForm", {
    options,
    segmentOptions: { ...run.options, seed: run.result.seed },
    names: Object.fromEntries(state.names),
  });
  ui.formMake.disabled = false;
  if (state.run !== run) return; // another run came in meanwhile
  if (outcome.type !== "result") {
    ui.formStatus.textContent = outcome.type === "cancelled" ? "Stopped." : "";
    if (outcome.type === "error") showError(ui.formError, outcome);
    return;
  }
  const previous = form?.run === run ? form.shortForm : null;
  form = { run, shortForm: outcome.shortForm };
  render(previous);
}

function render(previous) {
  const { shortForm } = form;
  const candidates = state.survey.columns.filter((c) => CLUSTERABLE.has(c.kind)).map((c) => c.name);
  const change =
    previous && previous.accuracy.overall !== shortForm.accuracy.overall
      ? ` Before the swap: ${Math.round(previous.accuracy.overall * 100)} %.`
      : "";
  ui.formStatus.textContent = shortForm.chosen ? "These questions were chosen as the ones that best tell the segments." : `You chose these questions.${change}`;
  ui.formResult.replaceChildren(
    questionList(shortForm, {
      candidates,
      onSwap: (i, column) => make(shortForm.questions.map((q, j) => (j === i ? column : q.column))),
    }),
    el("p", { class: "form-accuracy", text: accuracySentence(shortForm) }),
    recallList(shortForm, state.names),
  );
  ui.formDownload.hidden = false;
}

export function wireShortForm() {
  ui.formMake.addEventListener("click", () => make());
  ui.formDownload.addEventListener("click", () => {
    if (form) download(`${baseName(state.fileName)}-sign-up-form.html`, form.shortForm.html, "text/html");
  });
}
