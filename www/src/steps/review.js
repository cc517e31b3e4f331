// Step 2: check the questions. Changing a column's kind or the id column is
// an import option, so the worker reads the same bytes again; the other
// settings (each column's role, weight and activity) only change the next
// segmentation's options. Roles start from the library's defaults
// (survey.roles(), with their reasons).
import { el, fieldError, showError } from "../dom.js";
import { columnRows, leftOutNote, roleOf } from "../build/columns.js";
import { state, ui, worker } from "../state.js";
import { optionsChanged } from "./segment.js";

function importOptions() {
  const options = { fileName: state.fileName, kinds: { ...state.kinds } };
  if (state.idColumn) options.idColumn = state.idColumn;
  return options;
}

const MAX_WEIGHT = 10;

let bytes = null; // the current survey's bytes, kept to read them again with other import options

/** Reads the survey (`newBytes`, or the current one again) with the current import options, in the worker. */
export async function inspect(newBytes = bytes) {
  const outcome = await worker.load(newBytes, importOptions());
  if (outcome.type === "result") {
    bytes = newBytes;
    state.survey = outcome;
    renderReview();
  }
  return outcome;
}

export function settings(name) {
  if (!state.settings.has(name)) state.settings.set(name, { role: null, weight: 1, activity: "" });
  return state.settings.get(name);
}

/** The library's default role of a column ({ role, reason }), as the worker described the survey. */
function defaultRole(name) {
  return state.survey.roles.find((r) => r.question === name);
}

/** The role a column has in the next run: the analyst's choice over the default. */
export function roleOfColumn(column) {
  return roleOf(column, { chosen: settings(column.name).role, defaults: defaultRole(column.name), weightColumn: state.weightColumn }).role;
}

export function renderReview() {
  const { columns, warnings, idColumn } = state.survey;
  ui.idColumn.replaceChildren(
    ...(idColumn ? [] : [el("option", { value: "", text: "None found (rows are numbered)", selected: true })]),
    ...columns.map((c) => el("option", { value: c.name, text: c.name, selected: c.name === idColumn })),
  );
  ui.weightColumn.replaceChildren(
    el("option", { value: "", text: "None (every respondent counts once)" }),
    ...columns
      .filter((c) => c.kind === "numeric" || c.name === state.weightColumn)
      .map((c) => el("option", { value: c.name, text: c.name, selected: c.name === state.weightColumn })),
  );
  const changed = (apply) => (name, value) => {
    apply(settings(name), value);
    optionsChanged();
  };
  ui.columnsBody.replaceChildren(
    ...columnRows(columns, {
      settings,
      defaults: defaultRole,
      recognised: (name) => state.recognised.get(name),
      weightColumn: state.weightColumn,
      on: {
        kind: changeKind,
        role: (name, role) => {
          changed((s, r) => (s.role = r))(name, role);
          renderReview();
        },
        weight: (name, weight, input) => {
          // An invalid weight is shown next to its field and stops the next run; the last valid one is kept.
          const valid = Number.isFinite(weight) && weight >= 0 && weight <= MAX_WEIGHT;
          fieldError(input, valid ? null : `A weight is a number from 0 to ${MAX_WEIGHT}.`);
          if (valid) changed((s, w) => (s.weight = w))(name, weight);
        },
        activity: changed((s, activity) => (s.activity = activity)),
      },
    }),
  );
  ui.leftOut.replaceChildren(...[leftOutNote(columns)].filter(Boolean));
  ui.importWarnings.replaceChildren(...warnings.map((w) => el("li", { dataset: { code: w.code }, text: w.message })));
  ui.review.hidden = false;
  ui.segmentStep.hidden = false;
}

/** Reads the survey again after `apply()` changed an import option; `undo()` restores it if that fails. */
async function reimport(apply, undo) {
  apply();
  showError(ui.reviewError, null);
  const survey = state.survey;
  const outcome = await inspect();
  if (outcome.type === "result") {
    optionsChanged();
    return;
  }
  if (state.survey !== survey) return; // another survey was chosen meanwhile
  // Failed or cancelled: the worker still holds the survey as it was read before.
  undo();
  renderReview();
  if (outcome.type === "error") showError(ui.reviewError, outcome);
}

function changeKind(name, kind) {
  const before = state.kinds[name];
  return reimport(
    () => (state.kinds[name] = kind),
    () => (before === undefined ? delete state.kinds[name] : (state.kinds[name] = before)),
  );
}

export function wireReview() {
  ui.idColumn.addEventListener("change", () => {
    const before = state.idColumn;
    reimport(
      () => (state.idColumn = ui.idColumn.value || null),
      () => (state.idColumn = before),
    );
  });
  ui.weightColumn.addEventListener("change", () => {
    state.weightColumn = ui.weightColumn.value;
    renderReview();
    optionsChanged();
  });
}
