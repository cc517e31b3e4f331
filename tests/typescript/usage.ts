// Compiled (not run) with tsc --strict by tests/node/types.test.mjs: the
// README's use of the API must type-check against the generated .d.ts.
import { parseSurvey, segment, assign, kmeans } from "../../pkg/citizen_segments.js";
import type { Model, Progress, SegmentationData, SegmentOptions } from "../../pkg/citizen_segments.js";

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
export { kinds, assignments, names, briefs, again, csv, clusters, stages };
