// Compiled (not run) with tsc --strict by tests/node/types.test.mjs: the
// README's use of the API must type-check against the generated .d.ts.
import { parseSurvey, segment, assign, kmeans, assignShortForm, shortFormHtml, SegmentRun, JobRunner } from "../../pkg/citizen_segments.js";
import type { Job, JobBatch, JobResult, Model, Progress, SegmentationData, SegmentOptions, ShortForm } from "../../pkg/citizen_segments.js";

const survey = parseSurvey("id,a\n1,2\n", { idColumn: "id" });
const kinds: string[] = survey.columns.map((c) => c.kind);
const options: SegmentOptions = { k: "auto", kMin: 2, kMax: 6, seed: 7, activities: { a: "coDesign" } };
const stages: string[] = [];
const result = segment(survey, options, (p: Progress) => stages.push(p.stage));
const assignments: Int32Array = result.assignments;
const data: SegmentationData = result.toJSON();
const names: string[] = data.segments.map((s) => s.name);
const briefs: string[] = data.profiles.segments.map((s) => s.brief.headline);
const model: Model = result.model();
const again: number[] = assign(model, survey).assignments;
const csv: string = result.assignmentsCsv() + result.profilesCsv() + result.report({ format: "markdown" });
const plain = kmeans(new Float64Array([0, 0, 1, 1]), 2, { k: 1 });
const clusters: number[] = plain.clusters;
const form: ShortForm = result.shortForm({ maxQuestions: 3, folds: 4 });
const asked: string[] = form.questions.map((q) => `${q.column}: ${q.options.join(" / ")}`);
const recall: (number | null)[] = form.accuracy.segments.map((s) => s.recall ?? null);
const placed: { segment: number; name: string } = assignShortForm(form, { a: "2", b: 3, c: null });
const page: string = shortFormHtml({ ...form, questions: form.questions.map((q) => ({ ...q, text: q.column })) });
const run = new SegmentRun(survey, options);
let batch: JobBatch | null = run.next((p: Progress) => stages.push(p.stage));
while (batch !== null) {
  const rows = run.fitRows();
  const runner = rows ? new JobRunner(rows.data, rows.width, rows.weights) : null;
  const jobs: Job[] = batch.jobs;
  const results: JobResult[] = jobs.map((job) => runner?.run(job) ?? run.runJob(job));
  const kinds: string[] = results.map((r) => r.kind);
  stages.push(`${batch.stage} ${batch.from}-${batch.to} ${kinds.length}`);
  run.supply(results);
  batch = run.next();
}
const pooledK: number = run.finish().k;
export { kinds, assignments, names, briefs, again, csv, clusters, stages, asked, recall, placed, page, pooledK };
