// Step 6: the short sign-up form, as pure functions from a ShortForm (what
// segmentation.shortForm() returns) to words and DOM nodes.
import { el } from "../dom.js";

/**
 * A share in words a non-statistician reads, to the nearest tenth: 0.9 →
 * "9 in 10", 0.87 → "nearly 9 in 10", 0.83 → "more than 8 in 10", 0.97 →
 * "more than 9 in 10", 0.99 → "almost everyone".
 */
export function shareInWords(share) {
  if (!Number.isFinite(share)) return "an unknown share of";
  if (share >= 0.985) return "almost everyone";
  if (share < 0.05) return "hardly anyone";
  if (share >= 0.94) return "more than 9 in 10";
  const tenths = Math.round(share * 10);
  const off = share * 10 - tenths;
  if (off <= -0.2) return `nearly ${tenths} in 10`;
  if (off >= 0.2) return `more than ${tenths} in 10`;
  return `${tenths} in 10`;
}

const pct = (x) => `${Math.round(x * 100)} %`;

/** The headline sentence about how often the short form agrees with the full survey. */
export function accuracySentence({ accuracy, questions }) {
  const words = shareInWords(accuracy.overall);
  const people = words === "almost everyone" || words === "hardly anyone" ? words : `${words} people`;
  return (
    `With ${questions.length} question${questions.length === 1 ? "" : "s"}, the form puts ${people} in the same segment ` +
    `as the full survey (${pct(accuracy.overall)} of ${accuracy.respondents.toLocaleString("en-GB")} respondents, ` +
    `each checked against a form built without them).`
  );
}

/** One line per segment: how many of its members the form puts back in it. */
export function recallList({ accuracy, segments }, names) {
  const nameOf = (id) => names.get(id) ?? segments.find((s) => s.id === id)?.name ?? `Segment ${id + 1}`;
  return el(
    "ul",
    { class: "recall" },
    accuracy.segments.map((s) =>
      el(
        "li",
        { dataset: { segment: String(s.segment) } },
        el("strong", { text: nameOf(s.segment) }),
        s.recall == null
          ? ": no respondents"
          : `: ${shareInWords(s.recall)} of its ${s.respondents.toLocaleString("en-GB")} respondents (${pct(s.recall)})`,
      ),
    ),
  );
}

/**
 * The chosen questions in asking order, each with a choice of another
 * question to ask instead. `candidates`: the columns a form may ask (name
 * list); `onSwap(index, column)` hears a swap.
 */
export function questionList({ questions }, { candidates, onSwap }) {
  const asked = new Set(questions.map((q) => q.column));
  return el(
    "ol",
    { class: "form-questions" },
    questions.map((q, i) => {
      const id = `form-question-${i}`;
      const others = candidates.filter((c) => c === q.column || !asked.has(c));
      return el(
        "li",
        { dataset: { column: q.column } },
        el("span", { class: "question-text", text: q.text }),
        q.options.length ? el("span", { class: "question-options", text: `Answers: ${q.options.join("; ")}` }) : null,
        el(
          "span",
          { class: "swap" },
          el("label", { for: id }, "Ask instead", el("span", { class: "visually-hidden", text: ` of ${q.column}` }), " "),
          el(
            "select",
            { id, onchange: (e) => onSwap(i, e.target.value) },
            others.map((c) => el("option", { value: c, text: c === q.column ? `${c} (asked now)` : c, selected: c === q.column })),
          ),
        ),
      );
    }),
  );
}
