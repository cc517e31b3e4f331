// Step 2: the table of inferred columns, as a pure function from the
// survey's columns and the analyst's settings to table rows. Changes are
// reported through callbacks; main.js owns the state.
import { el } from "../dom.js";

export const KINDS = [
  ["likert", "Rating scale"],
  ["multi", "Multiple choice (tick all)"],
  ["categorical", "Single choice"],
  ["numeric", "Number"],
  ["text", "Free text"],
  ["id", "Respondent id"],
];

export const ACTIVITIES = [
  ["coPlanning", "co-planning of policy"],
  ["coPrioritisation", "co-prioritisation of services"],
  ["coFinancing", "co-financing of services"],
  ["coDesign", "co-design of services"],
  ["coManagement", "co-management of services"],
  ["coPerforming", "co-performing of services"],
  ["coAssessment", "co-monitoring and co-evaluation"],
];

/** Kinds the library can cluster. */
export const CLUSTERABLE = new Set(["likert", "multi", "categorical", "numeric"]);

function listed(prefix, items, max = 6) {
  const shown = items.slice(0, max).join("; ");
  return items.length > max ? `${prefix}${shown}; and ${items.length - max} more` : `${prefix}${shown}`;
}

/** A short description of a column's possible answers. */
export function answersSummary(column) {
  switch (column.kind) {
    case "likert": {
      const { min, max, labels } = column.scale ?? {};
      return labels?.length ? `${min}–${max}: ${labels[0]} … ${labels[labels.length - 1]}` : `${min}–${max}`;
    }
    case "multi":
      return listed("Options: ", column.options ?? []);
    case "categorical":
      return listed("Answers: ", column.levels ?? []);
    case "numeric":
      return "Numbers";
    case "text":
      return "Free text (not used for segments)";
    case "id":
      return "Identifies respondents";
    default:
      return "";
  }
}

/**
 * One row per column. `settings(name)` → { use, weight, activity };
 * `recognised(name)` → the activity recognised from its name after a run;
 * `on`: { kind(name, kind), use(name, bool), weight(name, number, input), activity(name, activity) }.
 */
export function columnRows(columns, { settings, recognised, weightColumn, on }) {
  return columns.map((column, i) => {
    const s = settings(column.name);
    const key = `col-${i}`;
    const clusterable = CLUSTERABLE.has(column.kind) && column.name !== weightColumn;
    const kind = el(
      "select",
      { id: `${key}-kind`, onchange: (e) => on.kind(column.name, e.target.value) },
      KINDS.map(([value, label]) => el("option", { value, selected: value === column.kind, text: label })),
    );
    const use = el("input", {
      id: `${key}-use`,
      type: "checkbox",
      checked: clusterable && s.use,
      disabled: !clusterable,
      onchange: (e) => on.use(column.name, e.target.checked),
    });
    const weight = el("input", {
      id: `${key}-weight`,
      type: "number",
      min: "0",
      max: "10",
      step: "0.5",
      value: String(s.weight),
      disabled: !clusterable,
      onchange: (e) => on.weight(column.name, e.target.valueAsNumber, e.target),
    });
    const auto = recognised(column.name);
    const activity = el(
      "select",
      { id: `${key}-activity`, disabled: column.kind === "id" || column.kind === "text", onchange: (e) => on.activity(column.name, e.target.value) },
      el("option", { value: "", text: auto ? `Automatic (${auto})` : "Automatic", selected: !s.activity }),
      ACTIVITIES.map(([value, label]) => el("option", { value, text: label, selected: s.activity === value })),
    );
    const label = (control, what) =>
      el("label", { for: control.id, class: "visually-hidden", text: `${what} of ${column.name}` });
    return el(
      "tr",
      { dataset: { column: column.name } },
      el("th", { scope: "row", class: "column-name", text: column.name }),
      el("td", {}, label(kind, "Kind"), kind),
      el("td", {}, label(use, "Use for segments"), use),
      el("td", {}, label(weight, "Weight"), weight),
      el("td", {}, label(activity, "Co-production activity"), activity),
      el("td", { class: "answers", text: answersSummary(column) }),
      el("td", { class: "num", text: String(column.missing) }),
    );
  });
}
