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
  ["metadata", "About the response"],
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

/** Kinds the library can cluster or profile. */
export const CLUSTERABLE = new Set(["likert", "multi", "categorical", "numeric"]);

/** The roles a column can have, as the library names them, with their words on the page. */
export const ROLES = [
  ["basis", "Basis"],
  ["descriptor", "Descriptor"],
  ["leftOut", "Left out"],
];
const ROLE_WORDS = new Map([
  ["basis", "basis"],
  ["descriptor", "descriptor"],
  ["leftOut", "left out"],
]);

/**
 * A column's role and the reason shown for it: the analyst's choice
 * (`chosen`, or null) over the library's default role (`defaults`: { role,
 * reason }, from `survey.roles()`); the weight column and columns that are
 * not answers are always left out.
 */
export function roleOf(column, { chosen, defaults, weightColumn }) {
  if (!CLUSTERABLE.has(column.kind)) return { role: "leftOut", reason: defaults?.reason ?? "not an answer", fixed: true };
  if (column.name === weightColumn) return { role: "leftOut", reason: "holds the respondent weights", fixed: true };
  const fallback = defaults ?? { role: "descriptor", reason: "" };
  if (!chosen || chosen === fallback.role) return { role: fallback.role, reason: fallback.reason, fixed: false };
  const was = `by default ${ROLE_WORDS.get(fallback.role)}${fallback.reason ? `: ${fallback.reason}` : ""}`;
  return { role: chosen, reason: `your choice (${was})`, fixed: false };
}

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
    case "metadata":
      return "About the response, not an answer (not used for segments)";
    default:
      return "";
  }
}

/** The column's name, with the survey tool's short code and the question an "Other" text belongs to. */
function nameCell(column) {
  return el(
    "th",
    { scope: "row", class: "column-name" },
    column.name,
    column.code && column.code !== column.name ? el("span", { class: "code", text: column.code }) : null,
    column.otherOf ? el("span", { class: "note", text: `“Other” text of ${column.otherOf}` }) : null,
  );
}

const LEFT_OUT = [
  ["id", "the respondent id", "respondent ids"],
  ["metadata", "column about the response", "columns about the response"],
  ["text", "free-text column", "free-text columns"],
];

/**
 * A sentence naming the columns never used for segments (ids, metadata,
 * free text), or null when there are none.
 */
export function leftOutNote(columns) {
  const parts = LEFT_OUT.flatMap(([kind, one, many]) => {
    const names = columns.filter((c) => c.kind === kind).map((c) => c.name);
    if (!names.length) return [];
    return [`${names.length === 1 ? (kind === "id" ? one : `1 ${one}`) : `${names.length} ${many}`} (${names.join(", ")})`];
  });
  if (!parts.length) return null;
  const list = parts.length > 1 ? `${parts.slice(0, -1).join("; ")}; and ${parts.at(-1)}` : parts[0];
  return el("p", { class: "left-out-note", text: `Never used for segments: ${list}.` });
}

/** The role select of a column, with its reason below it. */
function roleCell(column, key, role, on, label) {
  const select = el(
    "select",
    {
      id: `${key}-role`,
      "aria-describedby": `${key}-role-reason`,
      disabled: role.fixed,
      onchange: (e) => on.role(column.name, e.target.value),
    },
    ROLES.filter(([value]) => !role.fixed || value === role.role).map(([value, text]) =>
      el("option", { value, selected: value === role.role, text }),
    ),
  );
  return el(
    "td",
    { class: "role" },
    label(select, "Role"),
    select,
    el("span", { class: "reason", id: `${key}-role-reason`, text: role.reason }),
  );
}

/**
 * One row per column. `settings(name)` → { role, weight, activity } (role:
 * the analyst's choice or null); `defaults(name)` → the library's default
 * { role, reason }; `recognised(name)` → the activity recognised from its
 * name after a run; `on`: { kind(name, kind), role(name, role),
 * weight(name, number, input), activity(name, activity) }.
 */
export function columnRows(columns, { settings, defaults, recognised, weightColumn, on }) {
  return columns.map((column, i) => {
    const s = settings(column.name);
    const key = `col-${i}`;
    const role = roleOf(column, { chosen: s.role, defaults: defaults(column.name), weightColumn });
    const basis = role.role === "basis";
    const kind = el(
      "select",
      {
        id: `${key}-kind`,
        "aria-describedby": column.reason ? `${key}-reason` : null,
        onchange: (e) => on.kind(column.name, e.target.value),
      },
      KINDS.map(([value, label]) => el("option", { value, selected: value === column.kind, text: label })),
    );
    const weight = el("input", {
      id: `${key}-weight`,
      type: "number",
      min: "0",
      max: "10",
      step: "0.5",
      value: String(s.weight),
      disabled: !basis,
      onchange: (e) => on.weight(column.name, e.target.valueAsNumber, e.target),
    });
    const auto = recognised(column.name);
    const activity = el(
      "select",
      { id: `${key}-activity`, disabled: !CLUSTERABLE.has(column.kind), onchange: (e) => on.activity(column.name, e.target.value) },
      el("option", { value: "", text: auto ? `Automatic (${auto})` : "Automatic", selected: !s.activity }),
      ACTIVITIES.map(([value, label]) => el("option", { value, text: label, selected: s.activity === value })),
    );
    const label = (control, what) =>
      el("label", { for: control.id, class: "visually-hidden", text: `${what} of ${column.name}` });
    return el(
      "tr",
      { dataset: { column: column.name, role: role.role }, class: role.role === "leftOut" ? "left-out" : null },
      nameCell(column),
      el(
        "td",
        {},
        label(kind, "Kind"),
        kind,
        column.reason ? el("span", { class: "reason", id: `${key}-reason`, text: column.reason }) : null,
      ),
      roleCell(column, key, role, on, label),
      el("td", {}, label(weight, "Weight"), weight),
      el("td", {}, label(activity, "Co-production activity"), activity),
      el("td", { class: "answers", text: answersSummary(column) }),
      el("td", { class: "num", text: String(column.missing) }),
    );
  });
}
