// One card per segment: a pure function from the segment's profile and
// summary to a DOM node. User text (names, questions, answers) goes in
// through textContent and attributes only.
import { el, percent } from "../dom.js";

// Stability is the segment's mean best-match Jaccard overlap over re-runs
// with other seeds (1 = found identically every time). Thresholds:
// at least 0.8 "solid", at least 0.6 "fair", below that "weak".
export const STABILITY_THRESHOLDS = { solid: 0.8, fair: 0.6 };

export function stabilityLevel(value) {
  if (value == null) return null;
  if (value >= STABILITY_THRESHOLDS.solid) return "solid";
  if (value >= STABILITY_THRESHOLDS.fair) return "fair";
  return "weak";
}

export function stabilityBadge(value) {
  const level = stabilityLevel(value);
  if (!level) return el("span", { class: "badge", text: "stability not measured" });
  return el("span", {
    class: `badge ${level}`,
    text: `${level} (${value.toFixed(2)})`,
    title: "Mean best-match overlap (Jaccard) with this segment in re-runs with other seeds",
  });
}

/**
 * `profile`: the segment's entry of `profiles.segments`; `summary`: its entry
 * of `segments`; `name`: the name to show; `colour`: its chart colour;
 * `minGroupSize`; `onRename(name)`: called when the analyst edits the name.
 */
export function segmentCard({ profile, summary, name, colour, minGroupSize, onRename }) {
  const id = profile.id;
  const nameId = `segment-name-${id}`;
  // A one-line textarea, so a long name wraps instead of being cut off.
  const input = el("textarea", { id: nameId, rows: 1, autocomplete: "off", spellcheck: "false", class: "segment-name" });
  input.textContent = name; // its default value, so the name is in the card's markup too
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      input.blur();
    }
  });
  input.addEventListener("change", () => {
    const next = input.value.trim();
    if (next) onRename(next);
    else input.value = name;
  });
  const brief = profile.brief;
  const activities = brief.activities.length
    ? el(
        "ul",
        { class: "activities" },
        brief.activities.map((a) =>
          el(
            "li",
            {},
            el("strong", { text: a.activityName }),
            el("span", { class: "comparison", text: ` ${a.comparison}.` }),
            el("div", { class: "approaches", text: `Try: ${a.approaches.join(", ")}.` }),
          ),
        ),
      )
    : el(
        "ul",
        { class: "activities" },
        el(
          "li",
          {},
          el("span", { class: "meta", text: "Not more interested than average in any activity; most open to " }),
          el("strong", { text: brief.lead.activityName }),
          el("span", { class: "meta", text: "." }),
          el("div", { class: "approaches", text: `Try: ${brief.lead.approaches.join(", ")}.` }),
        ),
      );
  const list = (items, cls) => el("ul", { class: cls }, items.map((d) => el("li", { text: d.description })));
  // The headline already says the activity to offer first and how to reach
  // the segment in sentences; the sections below give the figures behind them.
  const channels = brief.descriptors.filter((d) => d.channel);
  const reach = brief.reach == null || !channels.length ? null : [el("h4", { text: "How to reach them" }), list(channels, "channels")];
  const who = brief.descriptors.filter((d) => reach == null || !d.channel);
  const descriptors = who.length ? list(who, "descriptors") : el("p", { class: "meta", text: "No answer sets this segment apart." });
  return el(
    "article",
    { class: "card", dataset: { segmentId: String(id) }, style: `--swatch: ${colour}`, "aria-labelledby": nameId },
    el(
      "div",
      { class: "name-row" },
      el("label", { for: nameId, class: "visually-hidden", text: `Name of segment ${id + 1}` }),
      input,
    ),
    el(
      "p",
      { class: "meta" },
      el("span", { class: "size", text: `${summary.size.toLocaleString("en-GB")} respondents` }),
      ` · ${percent(summary.share)} · `,
      stabilityBadge(summary.stability),
    ),
    // The brief's caution, when it has one, already says the segment is too small.
    profile.belowMinSize && !brief.caution
      ? el("p", {
          class: "small-flag",
          text: `Fewer than ${minGroupSize} respondents: read with care; exports hide its figures.`,
        })
      : null,
    brief.caution ? el("p", { class: "small-flag caution", text: brief.caution }) : null,
    el("p", { class: "headline", text: brief.headline }),
    el("h4", { text: "Cares about" }),
    activities,
    reach,
    el("h4", { text: reach == null ? "Who they are and how to reach them" : "Who they are" }),
    descriptors,
  );
}
