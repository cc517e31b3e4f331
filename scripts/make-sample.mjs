// Generates the built-in sample survey (www/public/sample-survey.csv).
//
// A fictional council's co-production survey: 1,500 respondents, four planted
// segments with different co-production interests, demographics and channels,
// plus the mess real exports have ("Don't know", blanks, free text with commas
// and quotes). Seeded, so the committed file is reproducible:
//
//   node scripts/make-sample.mjs [out.csv] [respondents] [seed] [planted.txt]
//
// With a fourth argument it also writes each respondent's planted segment
// (0-3, in file order, comma-separated on one line): the committed
// tests/fixtures/sample-planted.txt, against which the tests check that the
// default segmentation recovers the planted segments.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const out = process.argv[2] ?? fileURLToPath(new URL("../www/public/sample-survey.csv", import.meta.url));
const respondents = Number(process.argv[3] ?? 1500);
const seed = Number(process.argv[4] ?? 20261129);
const plantedOut = process.argv[5];

// mulberry32: a small, well-known 32-bit generator; enough for sample data.
function rng(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(seed);
const pick = (weights) => {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
};
const normal = () => {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
};

const SCALE = [
  "Not at all interested",
  "Not very interested",
  "Neither interested nor uninterested",
  "Fairly interested",
  "Very interested",
];
const ACTIVITIES = [
  "co_planning",
  "co_prioritisation",
  "co_financing",
  "co_design",
  "co_management",
  "co_performing",
  "co_assessment",
];
const BENEFITS = [
  "Better outcomes and quality of life",
  "Better, more realistic services",
  "Social capital and cohesion",
  "Reassurance that services will last",
  "More satisfied residents",
  "Less need for public funding",
];
const AGES = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"];
const AREAS = ["Northfield", "Riverside", "Old Town", "Eastgate", "Hillcrest", "Westbrook"];
const CHANNELS = ["Online survey", "Email", "Public meeting", "Community event", "Post", "Phone"];
const COMMENTS = [
  "",
  "",
  "",
  "Happy to help if it fits around work",
  "More notice of meetings, please",
  "I already volunteer at the library",
  'Tried the "have your say" page, it was hard to find',
  "Evenings only, I care for my mum",
  "Would like to see where the money goes",
  "Not sure what this involves",
];

// The planted segments: mean interest (1-5) per activity, benefit, age,
// area and channel preferences, and their share of respondents.
const SEGMENTS = [
  {
    // Co-designers and co-assessors: younger, online.
    share: 0.27,
    interest: [2.6, 2.4, 1.8, 4.6, 2.2, 2.4, 4.4],
    benefits: [0.5, 0.75, 0.2, 0.3, 0.35, 0.1],
    ages: [3, 5, 4, 2, 1, 0.5, 0.2],
    areas: [1, 1, 1, 1, 1, 1],
    channels: [6, 3, 0.5, 0.5, 0.2, 0.3],
  },
  {
    // Community doers: co-performing and co-management, older, in person.
    share: 0.24,
    interest: [2.4, 2.3, 2.0, 2.5, 4.3, 4.6, 2.6],
    benefits: [0.45, 0.2, 0.8, 0.45, 0.25, 0.1],
    ages: [0.3, 0.5, 1, 2, 3, 4, 2.5],
    areas: [2, 1, 2.5, 1, 1, 0.6],
    channels: [0.4, 0.5, 2, 5, 1.5, 1],
  },
  {
    // Co-commissioners: planning, prioritising and financing.
    share: 0.21,
    interest: [4.5, 4.6, 3.9, 2.7, 2.3, 2.1, 2.8],
    benefits: [0.3, 0.35, 0.2, 0.55, 0.4, 0.7],
    ages: [0.3, 1, 2, 3, 3, 2, 0.7],
    areas: [1, 2.5, 0.7, 1.5, 2, 1],
    channels: [1.5, 4, 3, 0.7, 0.6, 0.4],
  },
  {
    // Not (yet) interested: low across the board.
    share: 0.28,
    interest: [1.6, 1.7, 1.3, 1.8, 1.6, 1.8, 1.6],
    benefits: [0.35, 0.3, 0.15, 0.35, 0.2, 0.3],
    ages: [2, 2, 2, 2, 1.5, 1, 1],
    areas: [1, 1, 1, 2, 1, 2],
    channels: [1.5, 0.8, 0.2, 0.4, 2.5, 2],
  },
];

const quote = (cell) => (/[",\n\r;]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const header = ["respondent_id", ...ACTIVITIES, "benefits", "age_band", "area", "preferred_channel", "comments"];
const lines = [header.join(",")];
const planted = [];
for (let i = 0; i < respondents; i++) {
  const segment = pick(SEGMENTS.map((x) => x.share));
  planted.push(segment);
  const s = SEGMENTS[segment];
  const id = `R${String(10001 + i)}`;
  const answers = s.interest.map((mean) => {
    const r = random();
    if (r < 0.025) return "Don't know";
    if (r < 0.04) return "";
    const v = Math.round(Math.min(5, Math.max(1, mean + 0.75 * normal())));
    return SCALE[v - 1];
  });
  const chosen = BENEFITS.filter((_, j) => random() < s.benefits[j]);
  const benefits = random() < 0.03 ? "" : chosen.join(";");
  const age = random() < 0.02 ? "Prefer not to say" : AGES[pick(s.ages)];
  const area = AREAS[pick(s.areas)];
  const channel = CHANNELS[pick(s.channels)];
  const comment = COMMENTS[Math.floor(random() * COMMENTS.length)];
  lines.push([id, ...answers, benefits, age, area, channel, comment].map(quote).join(","));
}
writeFileSync(out, lines.join("\n") + "\n");
if (plantedOut) writeFileSync(plantedOut, planted.join(",") + "\n");
console.log(`wrote ${respondents} respondents to ${out}`);
