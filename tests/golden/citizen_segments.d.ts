/* tslint:disable */
/* eslint-disable */

/** The rows k-means fits: `data` row-major with `width` numbers per row (NaN for a missing answer), one weight per row. */
export interface FitRows {
    data: Float64Array;
    width: number;
    weights: Float64Array;
}


/**
 * A channel, level, option or number that sets a segment apart.
 */
export interface BriefDescriptor {
    /**
     * The question.
     */
    question: string;
    /**
     * The level or option; `null` for a Likert or numeric question.
     */
    level: string | undefined;
    /**
     * True when the question asks how people like to be reached.
     */
    channel: boolean;
    /**
     * What `segment` and `overall` measure: `share` (0–1 of those who
     * answered) or `mean`.
     */
    measure: Measure;
    /**
     * The segment's figure.
     */
    segment: number;
    /**
     * All respondents' figure.
     */
    overall: number;
    /**
     * segment ÷ overall × 100; `null` when overall is 0.
     */
    index: number | undefined;
    /**
     * Respondents in the segment who chose it (a level) or answered (a number).
     */
    count: number;
    /**
     * Respondents in the segment who answered the question.
     */
    n: number;
    /**
     * e.g. "Preferred channel: Community event, 45 % against 20 % of all respondents".
     */
    description: string;
}

/**
 * A few questions that tell a respondent's segment, with the tree that
 * reads them and a self-contained HTML form. Plain data (camelCase JSON).
 */
export interface ShortForm {
    /**
     * Version of citizen-segments that made it.
     */
    version: string;
    /**
     * Seed of the fold shuffle.
     */
    seed: number;
    /**
     * True when the questions were chosen, false when the caller gave them.
     */
    chosen: boolean;
    /**
     * The questions in asking order.
     */
    questions: Question[];
    /**
     * The segments, in id order.
     */
    segments: FormSegment[];
    /**
     * Cross-validated accuracy.
     */
    accuracy: Accuracy;
    /**
     * The tree as readable rules, one per leaf.
     */
    rules: Rule[];
    /**
     * The decision tree (node 0 is the root), grown on every respondent in
     * a segment; `questions` index the list above.
     */
    tree: TreeNode[];
    /**
     * A self-contained HTML page asking the questions (works offline).
     */
    html: string;
}

/**
 * A quality job's measures (null where undefined).
 */
export interface QualityResult {
    /**
     * Number of segments.
     */
    k: number;
    /**
     * Mean silhouette.
     */
    silhouette: number | undefined;
    /**
     * Calinski–Harabasz index.
     */
    calinskiHarabasz: number | undefined;
    /**
     * Davies–Bouldin index.
     */
    daviesBouldin: number | undefined;
    /**
     * Respondents the silhouette used.
     */
    used: number;
}

/**
 * A question (or one option of a `multi` question) about an activity.
 */
export interface ActivitySource {
    /**
     * The column name.
     */
    question: string;
    /**
     * For a `multi` question, the option; null for the whole column.
     */
    option: string | undefined;
    /**
     * The activity.
     */
    activity: Activity;
    /**
     * True when it came from the caller's `activities` option.
     */
    explicit: boolean;
}

/**
 * A question used by the encoding, with what is needed to encode it again.
 */
export interface EncodedColumn {
    /**
     * The question's name.
     */
    name: string;
    /**
     * Its kind (Likert, multi, categorical or numeric).
     */
    kind: ColumnKind;
    /**
     * Likert: the range used.
     */
    scale: Scale | undefined;
    /**
     * Categorical levels or multi options that have a feature, in feature order.
     */
    options: string[];
    /**
     * The per-question weight applied (√weight multiplies its features).
     */
    weight: number;
    /**
     * Index of its first feature.
     */
    firstFeature: number;
    /**
     * How many features it has.
     */
    featureCount: number;
}

/**
 * A question, or one option of a `multi` question, that reads as about
 * getting involved but matches no activity.
 */
export interface Unmatched {
    /**
     * The column name.
     */
    question: string;
    /**
     * For a `multi` question, the option; `null` for the whole column.
     */
    option: string | undefined;
}

/**
 * A saved segmentation: the encoding and the centroids, nothing about any
 * respondent. Serialises to plain JSON (camelCase).
 */
export interface Model {
    /**
     * Version of citizen-segments that made it.
     */
    version: string;
    /**
     * The seed of the segmentation.
     */
    seed: number;
    /**
     * Number of segments.
     */
    k: number;
    /**
     * Hash of the survey the model was fitted on.
     */
    inputHash: string;
    /**
     * How answers become features (questions, kinds, scales, levels and
     * options, weights, offsets and scales).
     */
    encoding: Encoding;
    /**
     * The respondent weight column used when fitting, if any.
     */
    weightColumn: string | undefined;
    /**
     * k rows of feature values, in segment order.
     */
    centroids: number[][];
    /**
     * The id of each centroid's segment.
     */
    segmentIds: number[];
    /**
     * The name of each centroid's segment (empty in models saved without names).
     */
    names?: string[];
}

/**
 * A segment as the form shows it.
 */
export interface FormSegment {
    /**
     * The segment id.
     */
    id: number;
    /**
     * Its name.
     */
    name: string;
    /**
     * Its brief's headline.
     */
    headline: string;
    /**
     * The activities to offer, ranked.
     */
    activities: Offer[];
}

/**
 * Agreement of re-runs with the segmentation.
 *
 * - `ariSeeds`: for each of `stabilityRuns` other seeds (derived from the
 *   seed), the adjusted Rand index between that run's segments and ours.
 * - `ariHalves`: for each of `stabilityRuns` seeded random splits into two
 *   halves, both halves are clustered separately, every respondent is put in
 *   the nearest segment of each, and the two labelings are compared by ARI.
 *   A split where a half has fewer distinct answer patterns than k is skipped.
 * - `meanAri`: the mean of all those ARIs: always a number (never NaN),
 *   since at least one seed run is made.
 * - `perSegment`: for each segment, the mean over seed runs of its best
 *   Jaccard overlap with any segment of the run (1 = found identically).
 */
export interface Stability {
    /**
     * ARI against re-runs with other seeds.
     */
    ariSeeds: number[];
    /**
     * ARI between clusterings of two halves.
     */
    ariHalves: number[];
    /**
     * Mean of all the ARIs above (a number: `runs` >= 1 seed runs always count).
     */
    meanAri: number;
    /**
     * Per segment, mean best-match Jaccard over the seed runs.
     */
    perSegment: number[];
}

/**
 * An activity a segment cares about more than average.
 */
export interface BriefActivity {
    /**
     * The activity.
     */
    activity: Activity;
    /**
     * Its family.
     */
    family: Family;
    /**
     * Its readable name, e.g. "co-design of services".
     */
    activityName: string;
    /**
     * The typology's approaches that fit it.
     */
    approaches: string[];
    /**
     * The question the figures come from.
     */
    question: string;
    /**
     * The `multi` option, when the figures come from one.
     */
    option: string | undefined;
    /**
     * What `segment` and `overall` measure.
     */
    measure: Measure;
    /**
     * The segment's figure.
     */
    segment: number;
    /**
     * All respondents' figure.
     */
    overall: number;
    /**
     * segment ÷ overall × 100; `null` when overall is 0.
     */
    index: number | undefined;
    /**
     * Standardised difference used for ranking (of the mean for Likert and
     * numeric questions, of the 0/1 answer for options).
     */
    standardisedDifference: number;
    /**
     * Respondents in the segment who answered.
     */
    n: number;
    /**
     * One factual line comparing the segment with everyone, e.g. "68 % fairly
     * or very interested in co-design, against 21 % of all respondents".
     */
    comparison: string;
}

/**
 * An activity to offer a segment, from its brief.
 */
export interface Offer {
    /**
     * The activity's readable name, e.g. "co-design of services".
     */
    activity: string;
    /**
     * The approaches that fit it.
     */
    approaches: string[];
}

/**
 * Cross-validated agreement of the short form with the full segmentation.
 */
export interface Accuracy {
    /**
     * k of the k-fold cross-validation (stratified by segment).
     */
    folds: number;
    /**
     * Respondents in a segment (those in none are left out).
     */
    respondents: number;
    /**
     * Share (0..1) of them whose short-form segment, from a tree grown
     * without their fold, equals their full segment.
     */
    overall: number;
    /**
     * Recall per segment, in id order.
     */
    segments: SegmentRecall[];
}

/**
 * How many segments to find.
 */
export type KChoice = number | AutoK;

/**
 * How often the short form puts a segment's members in their segment.
 */
export interface SegmentRecall {
    /**
     * The segment id.
     */
    segment: number;
    /**
     * Respondents of the full segmentation in it.
     */
    respondents: number;
    /**
     * Share (0..1) of them the short form puts back in it; `null` when empty.
     */
    recall: number | undefined;
}

/**
 * How to approach one segment (its name is kept with the segment).
 */
export interface Brief {
    /**
     * The segment id.
     */
    segment: number;
    /**
     * True when the segment is smaller than `minGroupSize`.
     */
    belowMinSize: boolean;
    /**
     * The first line: the caution (if any), the size, the activity to offer
     * and how, and how to reach the segment.
     */
    headline: string;
    /**
     * The activity to offer first, always present.
     */
    lead: Lead;
    /**
     * The activities the segment cares about more than average, ranked.
     */
    activities: BriefActivity[];
    /**
     * Channels and descriptors (who they are, where they live) that
     * over-index in the segment, channels first.
     */
    descriptors: BriefDescriptor[];
    /**
     * How to reach the segment, in one sentence.
     */
    reach: string;
    /**
     * Says plainly when the segment is too small or too unstable to act on.
     */
    caution: string | undefined;
}

/**
 * How to approach one segment, with its name.
 */
export interface BriefData extends Brief {
    /**
     * The segment's name.
     */
    name: string;
}

/**
 * How to make a short form. Every field is optional.
 */
export interface ShortFormOptions {
    /**
     * Most questions to choose. Default 5, at most 20.
     */
    maxQuestions?: number;
    /**
     * The questions to ask (column names, in asking order): scored, not
     * chosen. At most `maxQuestions`. Default: chosen.
     */
    questions?: string[];
    /**
     * k of the k-fold cross-validation. Default 5, 2..=20.
     */
    folds?: number;
    /**
     * Seed of the fold shuffle. Default: the segmentation's seed.
     */
    seed?: number;
}

/**
 * How to read a survey file. Every field is optional; see the module docs
 * for the defaults.
 */
export interface ImportOptions {
    /**
     * The cell separator: one of `,` `;` tab `|`. Default: sniffed.
     */
    delimiter?: string | undefined;
    /**
     * The column holding respondent identifiers. Default: a column named
     * like `id`, `respondent`, `respondent_id` or `ResponseId`.
     */
    idColumn?: string | undefined;
    /**
     * Extra answers meaning "no answer", added to the built-in ones (empty,
     * "na", "n/a", ...).
     */
    missingCodes?: string[];
    /**
     * The kind of a column by header (for a grouped multi, its prefix),
     * overriding inference.
     */
    kinds?: Record<string, ColumnKind>;
    /**
     * The labels of a Likert column, lowest first; the column becomes a
     * labelled Likert scale from 1 to the number of labels.
     */
    scales?: Record<string, string[]>;
    /**
     * For an XLSX or ODS workbook, the name of the sheet to read. Default:
     * the first sheet with any cell filled in.
     */
    sheet?: string | undefined;
    /**
     * The file's name, used only in error messages.
     */
    fileName?: string | undefined;
}

/**
 * Independent jobs a run needs before it can go on, with how to report
 * their progress: after `done` of them, `stage` at `from + (to - from) *
 * done / jobs.length`.
 */
export interface JobBatch {
    /**
     * What the jobs do, in words (a progress stage).
     */
    stage: string;
    /**
     * Progress (0..1) before the first job.
     */
    from: number;
    /**
     * Progress once every job is done.
     */
    to: number;
    /**
     * The jobs, in the order their results must be given back.
     */
    jobs: Job[];
}

/**
 * One column of the feature matrix and how to map it back to its question.
 *
 * Encoded value = `(raw - offset) * scale`, where `raw` is the answer in the
 * question's own units: the Likert or numeric value, or 1/0 for an
 * indicator (level chosen / option ticked). For a `centred` Likert feature,
 * `raw` is the answer's distance from the respondent's own mean position, in
 * points of this item's scale (`(x - min) - mean01 × (max - min)`).
 * So a centroid value `c` means `raw = offset + c / scale`.
 */
export interface Feature {
    /**
     * The question's name.
     */
    column: string;
    /**
     * The level or option for an indicator feature.
     */
    option: string | undefined;
    /**
     * Subtracted from the raw answer.
     */
    offset: number;
    /**
     * Multiplies the shifted answer (never 0).
     */
    scale: number;
    /**
     * True for a Likert feature centred within respondent.
     */
    centred: boolean;
}

/**
 * One column's role and why.
 */
export interface ColumnRole {
    /**
     * The column's name.
     */
    question: string;
    /**
     * What it is used for.
     */
    role: Role;
    /**
     * Why, in plain words (for example "asks about co-design").
     */
    reason: string;
}

/**
 * One node of the tree; nodes refer to their children by index, the root
 * is node 0.
 */
export type TreeNode = { node: "leaf"; segment: number; respondents: number } | { node: "split"; test: Test; yes: number; no: number; missing: number };

/**
 * One of the seven co-production activities a survey asks about.
 */
export type Activity = "coPlanning" | "coPrioritisation" | "coFinancing" | "coDesign" | "coManagement" | "coPerforming" | "coAssessment";

/**
 * One of the two halves of a seeded random split of the fitted rows.
 */
export interface Half {
    /**
     * The seed the split is drawn from.
     */
    seed: number;
    /**
     * Which split (0-based).
     */
    split: number;
    /**
     * The second half (the first otherwise).
     */
    second: boolean;
}

/**
 * One option (multi) or level (categorical) within a group.
 */
export interface CategoryProfile {
    /**
     * The option or level.
     */
    label: string;
    /**
     * Respondents in the group who chose it.
     */
    count: number;
    /**
     * Weighted share (0–1) of those who answered the question; `null` when
     * nobody did.
     */
    share: number | undefined;
    /**
     * share ÷ overall share × 100; `null` when the overall share is 0.
     */
    index: number | undefined;
    /**
     * (share − p) ÷ √(p(1 − p)) with p the overall share: the standardised
     * difference of the 0/1 "chose it" answer; 0 when p is 0 or 1.
     */
    standardisedDifference: number | undefined;
}

/**
 * One path through the tree.
 */
export interface Rule {
    /**
     * The segment id the path ends in.
     */
    segment: number;
    /**
     * The conditions, all of which hold on the path (empty: everyone).
     */
    conditions: string[];
    /**
     * Training respondents that took the path.
     */
    respondents: number;
}

/**
 * One piece of independent work: `kind` says which.
 */
export type Job = ({ kind: "starts" } & StartsJob) | ({ kind: "quality" } & QualityJob);

/**
 * One question (or, for a `multi` question spread over 0/1 columns, the
 * group of columns sharing a prefix).
 */
export interface Column {
    /**
     * The header as written in the file (for a grouped `multi`, the shared prefix).
     */
    name: string;
    /**
     * What the column holds.
     */
    kind: ColumnKind;
    /**
     * How many respondents did not answer.
     */
    missing: number;
    /**
     * `likert` only: the possible range and labels.
     */
    scale?: Scale;
    /**
     * `multi` only: the options, in first-seen order.
     */
    options?: string[];
    /**
     * `categorical` only: the levels, in first-seen order.
     */
    levels?: string[];
    /**
     * The source headers this question came from (more than one for a
     * grouped `multi`).
     */
    headers?: string[];
    /**
     * The survey tool's short code for the column (`Q1_1`, `Q1[SQ001]`)
     * when the file has a header row of codes under or over the readable
     * names; for a grouped `multi`, the question's code.
     */
    code?: string;
    /**
     * `metadata` only: why the column was recognised as metadata, e.g.
     * `named like an IP address` or `every answer is a date or time`.
     */
    reason?: string;
    /**
     * A free-text column tied to a question (its "Other (please specify)"
     * text): the question's name.
     */
    otherOf?: string;
}

/**
 * One question of a short form.
 */
export interface Question {
    /**
     * The survey column.
     */
    column: string;
    /**
     * The question as the survey's header writes it.
     */
    text: string;
    /**
     * `likert`, `numeric`, `categorical` or `multi`.
     */
    kind: ColumnKind;
    /**
     * The answer options in order: scale labels (or the scale's numbers),
     * categories, or multi-select options; empty for a free number.
     */
    options: string[];
    /**
     * Scales only: the scale position of each option, as the tree's
     * `atMost` tests read it; empty otherwise.
     */
    values: number[];
    /**
     * Multi-select questions spread over tick columns: their headers, one
     * per option; empty otherwise.
     */
    headers: string[];
}

/**
 * One question or option/level that sets a segment apart.
 */
export interface Distinction {
    /**
     * The column name.
     */
    question: string;
    /**
     * The option or level, for categories.
     */
    category: string | undefined;
    /**
     * The segment's mean (questions) or share (categories).
     */
    segment: number;
    /**
     * All respondents' mean or share.
     */
    overall: number;
    /**
     * Standardised difference (questions) or share difference (categories).
     */
    difference: number;
    /**
     * Respondents in the segment who answered.
     */
    n: number;
}

/**
 * One segment's figures and what sets it apart.
 */
export interface SegmentFigures extends GroupProfile {
    /**
     * The segment id (0-based, as in the assignments).
     */
    id: number;
    /**
     * True when `size` is below `minGroupSize`: read with care, and exports
     * suppress its figures.
     */
    belowMinSize: boolean;
    /**
     * What sets the segment apart from all respondents.
     */
    distinctive: Distinctive;
}

/**
 * One segment's size and stability.
 */
export interface SegmentSummary {
    /**
     * Segment id (0-based; segments are numbered by weighted size, largest
     * first, unless a `previous` model's ids carried over).
     */
    id: number;
    /**
     * A short plain-language name from the segment's distinctive
     * activities (or the caller's, or the previous model's). The one place a
     * segment's name is kept: the profiles and briefs show this one.
     */
    name: string;
    /**
     * The id this segment had in the `previous` model, when it matched one.
     */
    previousId: number | undefined;
    /**
     * Respondents in the segment.
     */
    size: number;
    /**
     * Sum of their respondent weights.
     */
    weightedSize: number;
    /**
     * Weighted share of the assigned respondents (0..1).
     */
    share: number;
    /**
     * Mean best-match Jaccard over the stability seed runs (`null` when
     * stability is off).
     */
    stability: number | undefined;
}

/**
 * One segment: its figures, what sets it apart, its name and its
 * engagement brief.
 */
export interface SegmentProfileData extends SegmentFigures {
    /**
     * A short plain-language name, unique within the result.
     */
    name: string;
    /**
     * How to approach the segment.
     */
    brief: BriefData;
}

/**
 * Options for profiling segments. Every field is optional in JSON
 * (camelCase); the defaults are:
 *
 * | field | default |
 * | --- | --- |
 * | `clustered` | `[]` (every question is a descriptor) |
 * | `minGroupSize` | 10 respondents |
 * | `segments` | the highest segment id + 1 |
 */
export interface ProfileOptions {
    /**
     * Names of the questions that were clustered; the others are descriptors.
     */
    clustered?: string[];
    /**
     * Disclosure threshold in respondents (at least 1).
     */
    minGroupSize?: number;
    /**
     * Number of segments, so that segments no respondent is in still get a
     * profile. Default: the highest segment id + 1.
     */
    segments?: number | undefined;
}

/**
 * Options of `Segmentation.report`.
 */
export interface ReportOptions {
    /**
     * `"html"` (default) or `"markdown"`.
     */
    format?: string | undefined;
    /**
     * The survey's file name, shown in the report. Default "survey".
     */
    fileName?: string | undefined;
}

/**
 * Options of `kmeans` on a plain matrix (camelCase in JS, every field optional).
 *
 * | field | default |
 * | --- | --- |
 * | `k` | 3 |
 * | `seed` | 42 |
 * | `restarts` | 10, at most 100 (ignored with `initialCentroids`) |
 * | `maxIterations` | 300, at most 10000 |
 * | `tolerance` | 1e-4, relative to the mean variance of the features; 0 runs until no assignment changes or `maxIterations` |
 * | `initialCentroids` | none: k-means++ starts; else `k` rows of `width` numbers, row-major |
 */
export interface MatrixOptions {
    /**
     * Number of clusters. Default 3.
     */
    k?: number;
    /**
     * Seed of every random choice. Default 42.
     */
    seed?: number;
    /**
     * k-means++ restarts; the lowest inertia wins. Default 10.
     */
    restarts?: number;
    /**
     * Lloyd iteration cap. Default 300.
     */
    maxIterations?: number;
    /**
     * Relative tolerance (>= 0). Default 1e-4.
     */
    tolerance?: number;
    /**
     * Start from these centroids (row-major, `k` × `width`) instead of k-means++.
     */
    initialCentroids?: number[] | undefined;
}

/**
 * Quality of the clustering at one k. Silhouette, Calinski–Harabasz and
 * Davies–Bouldin are computed on the encoded answers with partial
 * distances (missing answers left out) and respondent weights; null where
 * undefined.
 */
export interface Quality {
    /**
     * Number of segments.
     */
    k: number;
    /**
     * Weighted sum of squared partial distances to the centroids.
     */
    inertia: number;
    /**
     * Mean silhouette (-1..1, higher is better).
     */
    silhouette: number | undefined;
    /**
     * Calinski–Harabasz index (higher is better).
     */
    calinskiHarabasz: number | undefined;
    /**
     * Davies–Bouldin index (lower is better).
     */
    daviesBouldin: number | undefined;
}

/**
 * Respondents and centroids on the first two principal components.
 */
export interface Projection {
    /**
     * One `[pc1, pc2]` per respondent, input order.
     */
    points: [number, number][];
    /**
     * One `[pc1, pc2]` per segment.
     */
    centroids: [number, number][];
    /**
     * Share of the total variance on each component (0..1).
     */
    explained: [number, number];
}

/**
 * Something the import noticed that the analyst should know, without it
 * being an error.
 */
export interface Warning {
    /**
     * A stable machine-readable code.
     */
    code: WarningCode;
    /**
     * The column concerned, if any.
     */
    column?: string;
    /**
     * The row concerned (1-based as a spreadsheet shows it, the header being row 1).
     */
    row?: number;
    /**
     * A readable sentence.
     */
    message: string;
}

/**
 * The activity to offer a segment first, and how.
 */
export interface Lead {
    /**
     * The activity.
     */
    activity: Activity;
    /**
     * Its readable name, e.g. "co-design of services".
     */
    activityName: string;
    /**
     * Why it is the one.
     */
    basis: LeadBasis;
    /**
     * The approaches to use: every one the typology pairs with it when the
     * segment is keen, otherwise the lowest-barrier one.
     */
    approaches: string[];
    /**
     * One plain sentence, e.g. "Offer co-design: user consultation, ...".
     */
    sentence: string;
}

/**
 * The best of a starts job's starts (lowest inertia, ties to the earliest).
 */
export interface StartsResult {
    /**
     * Number of segments.
     */
    k: number;
    /**
     * Which start it was (0-based, among all the fit's starts).
     */
    start: number;
    /**
     * Its centroids, row-major (`k` rows).
     */
    centroids: number[];
    /**
     * Its weighted sum of squared partial distances.
     */
    inertia: number;
    /**
     * Its Lloyd iterations.
     */
    iterations: number;
    /**
     * Whether it stopped before the iteration cap.
     */
    converged: boolean;
}

/**
 * The family an activity belongs to.
 */
export type Family = "coCommissioning" | "coDesign" | "coDelivery" | "coAssessment";

/**
 * The figures of a group of respondents (a segment, or everyone).
 */
export interface GroupProfile {
    /**
     * Respondents in the group.
     */
    size: number;
    /**
     * Sum of their weights.
     */
    weightedSize: number;
    /**
     * `weightedSize` as a share (0–1) of all assigned respondents' weight.
     */
    share: number;
    /**
     * One per profiled question (not `id` or `text`), in file order.
     */
    questions: QuestionProfile[];
}

/**
 * The figures of one question within a group. Missing answers are excluded.
 */
export interface QuestionProfile {
    /**
     * The column name.
     */
    question: string;
    /**
     * The column kind.
     */
    kind: ColumnKind;
    /**
     * True when the question was clustered; false for a descriptor.
     */
    clustered: boolean;
    /**
     * Respondents in the group who answered (the disclosure base).
     */
    n: number;
    /**
     * Their total weight.
     */
    weightedN: number;
    /**
     * Likert/numeric: the weighted mean in the question's own units (a Likert
     * mean is a scale position). `null` when nobody answered.
     */
    mean: number | undefined;
    /**
     * Likert/numeric: the weighted population standard deviation within the group.
     */
    sd: number | undefined;
    /**
     * Likert with labels: the scale label nearest the mean.
     */
    label: string | undefined;
    /**
     * Likert: weighted share (0–1) answering one of the two highest scale points.
     */
    topTwoShare: number | undefined;
    /**
     * Likert/numeric: mean ÷ overall mean × 100; `null` when the overall mean
     * is 0 (or either mean is missing).
     */
    index: number | undefined;
    /**
     * Likert/numeric: (mean − overall mean) ÷ overall population sd; 0 when
     * that sd is 0.
     */
    standardisedDifference: number | undefined;
    /**
     * Multi options or categorical levels, in survey order; empty otherwise.
     */
    categories: CategoryProfile[];
}

/**
 * The kinds of warning.
 */
export type WarningCode = "decodedWindows1252" | "constantColumn" | "mostlyMissing" | "outOfScale" | "trailingBlankLines" | "columnLeftOut" | "noAnswers" | "previewsLeftOut" | "incompleteResponses" | "kAtEdge" | "other";

/**
 * The literal `"auto"`.
 */
export type AutoK = "auto";

/**
 * The possible range of a Likert question, recorded even where no respondent
 * used its ends.
 */
export interface Scale {
    /**
     * The lowest possible value (labelled scales start at 1).
     */
    min: number;
    /**
     * The highest possible value.
     */
    max: number;
    /**
     * Labels in order, lowest first; empty for a purely numeric scale.
     */
    labels: string[];
}

/**
 * The profiles of every segment, and of all (assigned) respondents.
 */
export interface ProfilesData {
    /**
     * Respondents in the survey.
     */
    respondents: number;
    /**
     * Respondents assigned to a segment (the base of every figure).
     */
    assigned: number;
    /**
     * Respondents not assigned (segment -1), excluded from every figure.
     */
    unassigned: number;
    /**
     * The disclosure threshold used (respondents).
     */
    minGroupSize: number;
    /**
     * All assigned respondents.
     */
    overall: GroupProfile;
    /**
     * One per segment id `0..k`, in id order (empty ids included, size 0).
     */
    segments: SegmentProfileData[];
    /**
     * Which questions and options are about which activity.
     */
    activities: Recognition;
}

/**
 * The quality measures of the segments these `k` centroids make (every
 * respondent in the segment of the nearest), the silhouette on at most
 * `sample` respondents drawn with `seed`.
 */
export interface QualityJob {
    /**
     * Number of segments.
     */
    k: number;
    /**
     * The centroids, row-major (`k` rows).
     */
    centroids: number[];
    /**
     * Silhouette sample size.
     */
    sample: number;
    /**
     * The run's seed.
     */
    seed: number;
}

/**
 * The result of `segment`, as plain data. The encoding's fields (`columns`,
 * `features`, `standardize`, `centreRespondents`) appear at the top level.
 */
export interface SegmentationData extends Encoding {
    /**
     * Number of segments.
     */
    k: number;
    /**
     * Segment of each respondent in input order; -1 for a respondent who
     * answered none of the chosen questions.
     */
    assignments: number[];
    /**
     * Each respondent's (partial) Euclidean distance to its segment's
     * centroid in encoded units; NaN (JSON `null`) for -1.
     */
    distances: number[];
    /**
     * k rows of encoded feature values (see `features` to map them back).
     */
    centroids: number[][];
    /**
     * Every column's role in this run (basis: clustered; descriptor:
     * profiled, not clustered; left out: neither) and the reason for it, in
     * the survey's column order.
     */
    roles: ColumnRole[];
    /**
     * Weighted sum of squared partial distances of respondents to their centroid.
     */
    inertia: number;
    /**
     * Lloyd iterations of the kept restart.
     */
    iterations: number;
    /**
     * Whether the kept restart stopped before `maxIterations`.
     */
    converged: boolean;
    /**
     * The seed used.
     */
    seed: number;
    /**
     * Restarts asked for (per k); null when they adapt to the size of the data.
     */
    restarts: number | undefined;
    /**
     * k-means++ starts that ran at the chosen k (the kept fit, and each
     * stability fit); by default many for a small survey and few for a
     * large one (see startsRule).
     */
    starts: number;
    /**
     * How the number of starts per k was set, in words.
     */
    startsRule: string;
    /**
     * Quality measures at the chosen k.
     */
    quality: Quality;
    /**
     * Name, size, share and stability per segment.
     */
    segments: SegmentSummary[];
    /**
     * The scan over k (present when k was `"auto"`).
     */
    kScan: KScan | undefined;
    /**
     * Stability across seeds and halves (present when `stability` is on).
     */
    stability: Stability | undefined;
    /**
     * 2-D PCA picture.
     */
    projection: Projection;
    /**
     * What the analyst should know (questions left out, unassigned respondents, ...).
     */
    warnings: Warning[];
    /**
     * Respondents with segment -1.
     */
    unassigned: number;
    /**
     * The respondent weight column, if any.
     */
    weightColumn: string | undefined;
    /**
     * Hash of the survey's input bytes.
     */
    inputHash: string;
    /**
     * Per segment and overall figures, with engagement briefs.
     */
    profiles: ProfilesData;
}

/**
 * The scan behind `k: "auto"`.
 */
export interface KScan {
    /**
     * One entry per k tried, ascending.
     */
    entries: Quality[];
    /**
     * The k chosen.
     */
    chosen: number;
    /**
     * The rule that chose it, in words.
     */
    rule: string;
    /**
     * Respondents the silhouette was computed on.
     */
    silhouetteSample: number;
    /**
     * Set when the chosen k is at the edge of the range scanned (the
     * largest k, or the smallest when it is above 2): the best k may lie
     * outside it. `null` otherwise, and when only one k was scanned.
     */
    edge: KEdge | undefined;
}

/**
 * The whole encoding: enough to encode another survey the same way.
 */
export interface Encoding {
    /**
     * The questions used, in survey order.
     */
    columns: EncodedColumn[];
    /**
     * The features, question by question.
     */
    features: Feature[];
    /**
     * Whether features were z-scored.
     */
    standardize: boolean;
    /**
     * Whether Likert features were centred within respondent.
     */
    centreRespondents: boolean;
}

/**
 * What `kmeans` on a plain matrix found.
 */
export interface MatrixClustering {
    /**
     * Cluster of each row (nearest centroid, ties to the lowest index).
     */
    clusters: number[];
    /**
     * `k` × `width` centroids, row-major.
     */
    centroids: number[];
    /**
     * Sum of squared (partial) distances of the rows to their centroids.
     */
    inertia: number;
    /**
     * Lloyd iterations of the kept run.
     */
    iterations: number;
    /**
     * Whether it stopped before `maxIterations`.
     */
    converged: boolean;
}

/**
 * What a brief's figure measures.
 */
export type Measure = "topTwoShare" | "share" | "mean";

/**
 * What a column holds, inferred by the import and overridable by the caller.
 */
export type ColumnKind = "id" | "likert" | "multi" | "categorical" | "numeric" | "text" | "metadata";

/**
 * What a column is used for: `"basis"` (segments are built on it),
 * `"descriptor"` (profiled, not clustered) or `"leftOut"` (neither).
 */
export type Role = "basis" | "descriptor" | "leftOut";

/**
 * What a job found: `kind` says which.
 */
export type JobResult = ({ kind: "starts" } & StartsResult) | { kind: "skipped" } | ({ kind: "quality" } & QualityResult);

/**
 * What a split node asks. `question` indexes the short form's questions.
 */
export type Test = { test: "atMost"; question: number; value: number } | { test: "oneOf"; question: number; options: number[] } | { test: "ticked"; question: number; option: number };

/**
 * What sets a segment apart. Likert/numeric questions are ranked by
 * standardised difference (listed when at least 0.2 away from 0); options
 * and levels by share difference in proportion points (listed when at least
 * 0.05 away). At most five per list, largest first, ties in survey order.
 */
export interface Distinctive {
    /**
     * Likert/numeric questions answered higher than average.
     */
    questionsAbove: Distinction[];
    /**
     * Likert/numeric questions answered lower than average.
     */
    questionsBelow: Distinction[];
    /**
     * Options/levels chosen more than average.
     */
    categoriesAbove: Distinction[];
    /**
     * Options/levels chosen less than average.
     */
    categoriesBelow: Distinction[];
}

/**
 * What the caller may set. Every field is optional in JSON (camelCase);
 * the defaults below are the only place defaults are written.
 *
 * | field | default | meaning |
 * | --- | --- | --- |
 * | `k` | `"auto"` | a number of segments, or `"auto"` |
 * | `kMin`, `kMax` | 2, 8 | the range scanned when `k` is `"auto"` |
 * | `basis` | the default roles' basis (see below) | the questions to cluster |
 * | `columns` | the same as `basis` | the older name of `basis`; if both are given they must name the same questions |
 * | `descriptors` | the columns of the survey's answers not in `basis` | questions profiled (and used in the briefs) but not clustered; when given, the answers in neither list are left out |
 * | `standardize` | false | z-score every encoded feature (replaces the per-kind scaling) |
 * | `seed` | 42 | the one seed every random choice flows from |
 * | `restarts` | adapts to the data (2 to 200, see below) | k-means runs from different k-means++ starts per k; the lowest inertia wins. Given (1..=100), exactly that many at every k |
 * | `maxIterations` | 300 | cap on Lloyd iterations per run (1..=10000) |
 * | `tolerance` | 1e-4 | relative: a run stops when the summed squared centroid movement is at most `tolerance` × the mean weighted variance of the encoded features |
 * | `weights` | {} (each 1) | per-question weights (0..=1e6); a question's features are multiplied by sqrt(weight), so the weight multiplies its share of squared distance |
 * | `weightColumn` | none | a numeric column of respondent weights (finite, >= 0) |
 * | `centreRespondents` | false | subtract each respondent's mean position from their Likert answers |
 * | `stability` | true | re-run with other seeds and on half samples |
 * | `stabilityRuns` | 5 | how many seed runs and half-sample pairs (1..=20; each fit of a run, half samples included, makes as many starts as the segmentation's own fit at the chosen k) |
 * | `silhouetteSample` | 3000 | silhouette is exact up to this many respondents, above it computed on a seeded sample of this size stratified by segment |
 * | `activities` | {} | `{ column: activity }` mapping questions to co-production activities; wins over recognition from names |
 * | `minGroupSize` | 10 | disclosure threshold: smaller segments are flagged and exported cells from fewer respondents suppressed |
 * | `names` | {} | `{ segmentId: name }` to rename segments |
 * | `previous` | none | a saved model (of a version this one reads): segments matching its centroids keep its ids and names |
 *
 * Default restarts: at each k, ⌊5·10^6 / (n·p·k)⌋ k-means++ starts, at
 * least 2 and at most 200, where n is the number of respondents clustered
 * and p the number of encoded features: a work budget of 10^8
 * multiply-adds per k at an estimated 20 passes of n·p·k per start (counted,
 * never timed, so the same survey gets the same starts on every machine).
 * 1,000 respondents × 10 features get 200 starts at k = 2 and 83 at k = 6;
 * from about 100,000 × 12 on, every k gets 2. With these defaults the
 * inertia is within 0.5% of the best known at every k from 2 to 6 on twelve
 * real data sets (`tests/reference`). Each stability fit makes as many
 * starts as the segmentation's own fit at the chosen k, half samples too,
 * so the re-runs differ from it by seed or sample only, never by search
 * effort. The result's `starts` says how many ran at the chosen k, and
 * `startsRule` how the number was set.
 *
 * Default roles: questions about co-production activities and the other
 * rating-scale and multi-select questions of a survey that asks about
 * activities are the basis; demographics, geography, channels and other
 * categories are descriptors; ids, free text and survey-tool metadata are
 * left out (and so is the `weightColumn`). A survey asking about no
 * activity is clustered on its attitude (rating-scale) questions, or failing
 * those its numeric ones. The result's `roles` says which column had which
 * role, and why.
 */
export interface SegmentOptions {
    /**
     * Number of segments or `"auto"`. Default `"auto"`.
     */
    k?: KChoice;
    /**
     * Smallest k scanned by `"auto"`. Default 2.
     */
    kMin?: number;
    /**
     * Largest k scanned by `"auto"` (lowered to the number of distinct answer
     * patterns if that is smaller). Default 8.
     */
    kMax?: number;
    /**
     * Questions to cluster, by name: the older name of `basis`, still
     * accepted. Giving both with different questions is an error.
     */
    columns?: string[] | undefined;
    /**
     * Questions to cluster (the basis), by name. Default: the questions
     * about what people want, think and value (activities, attitudes,
     * benefits), never ids, free text, metadata or the weight column.
     */
    basis?: string[] | undefined;
    /**
     * Questions that describe the segments (who they are, how to reach
     * them) without being clustered, by name. Default: every other answer
     * column. When given, answers in neither list are left out.
     */
    descriptors?: string[] | undefined;
    /**
     * Z-score every encoded feature. Default false.
     */
    standardize?: boolean;
    /**
     * Seed of every random choice. Default 42.
     */
    seed?: number;
    /**
     * k-means++ starts per k (1..=100). Default: set from the size of the
     * data (2 to 200, see the table above): many for a small survey, few
     * for a large one.
     */
    restarts?: number | undefined;
    /**
     * Lloyd iteration cap per restart (1..=10000). Default 300.
     */
    maxIterations?: number;
    /**
     * Relative convergence tolerance (see the table above). Default 1e-4.
     */
    tolerance?: number;
    /**
     * Per-question weights (0 to 1e6; 0 leaves the question out). Default 1 each.
     */
    weights?: Record<string, number>;
    /**
     * Numeric column of respondent weights. Default none (each respondent 1).
     */
    weightColumn?: string | undefined;
    /**
     * Within-respondent centring of Likert items. Default false.
     */
    centreRespondents?: boolean;
    /**
     * Measure stability across seeds and half samples. Default true.
     */
    stability?: boolean;
    /**
     * Seed runs and half-sample pairs for stability (1..=20). Default 5.
     */
    stabilityRuns?: number;
    /**
     * Silhouette sample size (respondents). Default 3000.
     */
    silhouetteSample?: number;
    /**
     * Questions mapped to co-production activities explicitly; wins over
     * recognition from the questions' names. Default none.
     */
    activities?: Record<string, Activity>;
    /**
     * Disclosure threshold in respondents. Default 10.
     */
    minGroupSize?: number;
    /**
     * Names for segments, keyed by segment id written as text (JSON and JS
     * object keys are text: `{ "0": "Digital co-designers" }`), overriding
     * the generated ones. Default none.
     */
    names?: Record<string, string>;
    /**
     * A previous model: the new segments are matched to its segments
     * (optimal assignment on centroid distance) so that ids and names carry
     * over between reruns. Default none.
     */
    previous?: Model | undefined;
}

/**
 * Where `assignShortForm` puts a respondent: the segment and its name.
 */
export interface ShortFormAssignment {
    /**
     * The segment id.
     */
    segment: number;
    /**
     * The segment's name.
     */
    name: string;
}

/**
 * Where a running segmentation is, for progress bars.
 */
export interface Progress {
    /**
     * What is being done, in words a user understands.
     */
    stage: string;
    /**
     * How far the whole run is, 0..=1.
     */
    fraction: number;
}

/**
 * Where new respondents go. Serialises to camelCase JSON and reads back
 * (a distance of `null` is read as NaN), so a saved assignment can be
 * exported later.
 */
export interface Assignment {
    /**
     * Respondent identifiers in input order (the survey's id column, or its
     * spreadsheet row numbers).
     */
    ids: string[];
    /**
     * Segment id per respondent in input order; -1 when the respondent
     * answered none of the model's questions.
     */
    assignments: number[];
    /**
     * Partial Euclidean distance to the segment's centroid in encoded units
     * (NaN, JSON `null`, for -1).
     */
    distances: number[];
    /**
     * The model's segment names, indexed by segment id: `names[2]` names
     * segment 2. Empty strings when the model was saved without names.
     */
    names: string[];
}

/**
 * Which end of the scanned range the chosen k sits on, when it does.
 */
export type KEdge = "lower" | "upper";

/**
 * Which questions and options were recognised as about which activity.
 */
export interface Recognition {
    /**
     * The questions and options about an activity, in column then option order.
     */
    sources: ActivitySource[];
    /**
     * Clustered or Likert questions about no recognised activity, in column order.
     */
    unrecognised: string[];
    /**
     * Questions and options worded like activity questions that match no
     * activity.
     */
    unmatched: Unmatched[];
}

/**
 * Why a brief's lead is the activity to offer.
 */
export type LeadBasis = "aboveAverage" | "mostOpen" | "notAsked";

/**
 * k-means starts `firstStart` to `firstStart + starts - 1` of a fit with
 * `k` segments and `seed`, on every fitted respondent or (with `half`) on
 * one half of them.
 */
export interface StartsJob {
    /**
     * Number of segments.
     */
    k: number;
    /**
     * The fit's seed.
     */
    seed: number;
    /**
     * Index of the first start run (0-based).
     */
    firstStart: number;
    /**
     * How many starts to run.
     */
    starts: number;
    /**
     * Lloyd iteration cap per start.
     */
    maxIterations: number;
    /**
     * Relative convergence tolerance.
     */
    tolerance: number;
    /**
     * The half of the respondents to fit, or null for all of them.
     */
    half: Half | undefined;
}


/**
 * Runs a `SegmentRun`'s jobs on a copy of its fitted rows (`fitRows()`),
 * e.g. in a Web Worker of a pool: `new JobRunner(data, width, weights)`.
 * Throws an `Error` for rows k-means would refuse.
 */
export class JobRunner {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * From the rows (row-major, `width` numbers per row, NaN = missing)
     * and one weight per row.
     */
    constructor(data: Float64Array | number[], width: number, weights: Float64Array | number[]);
    /**
     * Runs one job.
     */
    run(job: Job): JobResult;
}

/**
 * A segmentation whose k-means work is handed out as jobs, so that several
 * Web Workers (each with its own copy of the fitted rows, see `JobRunner`)
 * can run them at once. The result is exactly `segment`'s for the same
 * survey and options, however many workers ran the jobs.
 *
 * Call `next()`: it returns a batch of jobs, or null once the segmentation
 * is made. Run each job (`runJob` here, or `JobRunner.run` in a worker fed
 * `fitRows()`), give the results back in the batch's order with
 * `supply(results)`, and call `next()` again; then `finish()`. Jobs and
 * results are plain data: post them between workers as they are.
 */
export class SegmentRun {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The segmentation, once `next()` returned null.
     */
    finish(): Segmentation;
    /**
     * The rows the jobs run on, for a `JobRunner` in each worker (after the
     * first `next()`; null before).
     */
    fitRows(): FitRows | null;
    /**
     * A run of `survey` with `options`. Throws an `Error` for options
     * `segment` would refuse.
     */
    constructor(survey: Survey, options?: SegmentOptions);
    /**
     * Goes on as far as the results given so far allow, and returns the
     * next batch of jobs (the same one again until its results are given),
     * or null when the segmentation is made. `onProgress` hears the steps
     * made here; report a batch's own progress from its `stage`, `from` and
     * `to` as its jobs finish.
     */
    next(onProgress?: (progress: Progress) => void): JobBatch | null;
    /**
     * Runs one job here (after the first `next()`).
     */
    runJob(job: Job): JobResult;
    /**
     * The results of the last batch's jobs, one per job in its order.
     * Throws an `Error` (and the batch stays to run) when they are not
     * results of those jobs.
     */
    supply(results: JobResult[]): void;
}

/**
 * The result of `segment`: segments, assignments, quality figures,
 * profiles and briefs, and the exports.
 */
export class Segmentation {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * `respondent_id,segment_id,segment_name,distance`, one row per
     * respondent; cells a spreadsheet would run as formulas are neutralised.
     */
    assignmentsCsv(): string;
    /**
     * The portable model: plain JSON; pass it to `assign` to put new
     * respondents into the same segments, or as `previous` to keep ids and
     * names on a rerun.
     */
    model(): Model;
    /**
     * The profile table, segments as columns; cells computed from fewer
     * than `minGroupSize` respondents are suppressed.
     */
    profilesCsv(): string;
    /**
     * Gives segments new names, without running the segmentation again:
     * keys are segment ids written as strings (`{ "0": "Doers" }`, as in the
     * `names` option), values are trimmed. Throws an `Error` naming the
     * problem, changing nothing, for an id this result does not have, a
     * blank name, or two segments that would share a name. Afterwards
     * `segments`, `toJSON()`, `model()`, `assignmentsCsv()`, `profilesCsv()`
     * and `report()` all use the new names.
     */
    rename(names: Record<string, string>): void;
    /**
     * A self-contained report of the run (HTML by default, or Markdown).
     */
    report(options?: ReportOptions | null): string;
    /**
     * The few questions that best tell a respondent's segment (at most
     * `maxQuestions`, default 5, or the caller's `questions` scored), with
     * cross-validated accuracy, the rules and a self-contained HTML form.
     */
    shortForm(options?: ShortFormOptions): ShortForm;
    /**
     * Everything, as one plain object: the fields above plus features,
     * quality, kScan, stability, projection, profiles (with briefs) and
     * warnings.
     */
    toJSON(): SegmentationData;
    /**
     * One segment id per respondent, in input order; -1 for a respondent
     * who answered none of the clustered questions.
     */
    readonly assignments: Int32Array;
    /**
     * Centroids in the encoded feature space, row-major: `k` rows of
     * `dimensions` numbers (`toJSON().features` says what each number is).
     */
    readonly centroids: Float64Array;
    /**
     * Whether the kept run converged before `maxIterations`.
     */
    readonly converged: boolean;
    /**
     * The width of a centroid row: the number of encoded features.
     */
    readonly dimensions: number;
    /**
     * Each respondent's distance to its segment's centroid (NaN for -1).
     */
    readonly distances: Float64Array;
    /**
     * Weighted sum of squared distances of respondents to their centroid.
     */
    readonly inertia: number;
    /**
     * Lloyd iterations of the kept run.
     */
    readonly iterations: number;
    /**
     * The number of segments.
     */
    readonly k: number;
    /**
     * The seed every random choice flowed from.
     */
    readonly seed: number;
    /**
     * Per segment: id, name, size, weighted size, share, stability.
     */
    readonly segments: SegmentSummary[];
}

/**
 * A parsed survey. Pass it to `segment` or `assign`. Holds the answers in
 * wasm memory: call `free()` when done, or let the garbage collector do it.
 */
export class Survey {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Every column's role and the reason for it, as `segment` would use
     * them with these options: `"basis"` (segments are built on it),
     * `"descriptor"` (described in the profiles and briefs, not clustered)
     * or `"leftOut"` (neither). Without options, the default roles. Throws
     * an `Error` naming an unknown column, or one given two roles.
     */
    roles(options?: SegmentOptions): ColumnRole[];
    /**
     * The questions, in file order, with their inferred kinds.
     */
    readonly columns: Column[];
    /**
     * The delimiter the file used.
     */
    readonly delimiter: string;
    /**
     * The name of the respondent id column, if one was found.
     */
    readonly idColumn: string | undefined;
    /**
     * Respondent identifiers in input order (the id column, or the
     * spreadsheet row numbers when there is none).
     */
    readonly ids: string[];
    /**
     * FNV-1a 64-bit hash of the input bytes, as 16 hex digits.
     */
    readonly inputHash: string;
    /**
     * Number of respondents (data rows).
     */
    readonly respondents: number;
    /**
     * What the import noticed (typed, naming column and row).
     */
    readonly warnings: Warning[];
}

/**
 * Puts a survey's respondents into the segments of a saved model. Throws
 * an `Error` naming the model's questions the survey lacks.
 */
export function assign(model: Model, survey: Survey): Assignment;

/**
 * Puts one respondent in a segment from a short form's questions:
 * `answers` maps a column name to the raw answer as the survey wrote it (a
 * label, a number, or blank / `null`). Throws on an answer that is none of
 * the options or a column the form does not ask.
 */
export function assignShortForm(shortForm: ShortForm, answers: Record<string, string | number | null>): ShortFormAssignment;

/**
 * The CSV of an `assign` result, in exactly the format of
 * `Segmentation.assignmentsCsv()`: `respondent_id,segment_id,segment_name,distance`,
 * one row per respondent, empty segment cells for an unassigned one.
 */
export function assignmentCsv(assignment: Assignment): string;

/**
 * k-means on a plain numeric matrix: `data` row-major with `width` numbers
 * per row, NaN for a missing value.
 */
export function kmeans(data: Float64Array | number[], width: number, options?: MatrixOptions | null): MatrixClustering;

/**
 * Reads a survey export (CSV text, or its raw bytes in UTF-8, UTF-16 with
 * BOM or Windows-1252, or the bytes of an XLSX or ODS workbook) and infers
 * what each column holds.
 *
 * Throws an `Error` whose `row` (1-based, as a spreadsheet shows it) and
 * `column` properties point at the offending cell where there is one; for a
 * workbook, `sheet` and `columnLetter` (such as `C`) say where it is too.
 */
export function parseSurvey(input: string | Uint8Array, options?: ImportOptions | null): Survey;

/**
 * Finds segments of respondents with k-means. `onProgress`, if given, is
 * called with `{ stage, fraction }` as the run goes on (synchronously: run
 * it in a Web Worker to keep a page responsive).
 */
export function segment(survey: Survey, options?: SegmentOptions, onProgress?: (progress: Progress) => void): Segmentation;

/**
 * The self-contained HTML page of a short form, e.g. after its question
 * texts were reworded or its segments renamed (its `html` is not read).
 */
export function shortFormHtml(shortForm: ShortForm): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_jobrunner_free: (a: number, b: number) => void;
    readonly __wbg_segmentation_free: (a: number, b: number) => void;
    readonly __wbg_segmentrun_free: (a: number, b: number) => void;
    readonly __wbg_survey_free: (a: number, b: number) => void;
    readonly assign: (a: any, b: number) => [number, number, number];
    readonly assignShortForm: (a: any, b: any) => [number, number, number];
    readonly assignmentCsv: (a: any) => [number, number, number, number];
    readonly jobrunner_new: (a: number, b: number, c: number, d: number, e: number) => [number, number, number];
    readonly jobrunner_run: (a: number, b: any) => [number, number, number];
    readonly kmeans: (a: number, b: number, c: number, d: number) => [number, number, number];
    readonly parseSurvey: (a: any, b: number) => [number, number, number];
    readonly segment: (a: number, b: number, c: number) => [number, number, number];
    readonly segmentation_assignments: (a: number) => any;
    readonly segmentation_assignmentsCsv: (a: number) => [number, number];
    readonly segmentation_centroids: (a: number) => any;
    readonly segmentation_converged: (a: number) => number;
    readonly segmentation_dimensions: (a: number) => number;
    readonly segmentation_distances: (a: number) => any;
    readonly segmentation_inertia: (a: number) => number;
    readonly segmentation_iterations: (a: number) => number;
    readonly segmentation_k: (a: number) => number;
    readonly segmentation_model: (a: number) => [number, number, number];
    readonly segmentation_profilesCsv: (a: number) => [number, number];
    readonly segmentation_rename: (a: number, b: any) => [number, number];
    readonly segmentation_report: (a: number, b: number) => [number, number, number, number];
    readonly segmentation_seed: (a: number) => number;
    readonly segmentation_segments: (a: number) => [number, number, number];
    readonly segmentation_shortForm: (a: number, b: number) => [number, number, number];
    readonly segmentation_toJSON: (a: number) => [number, number, number];
    readonly segmentrun_finish: (a: number) => [number, number, number];
    readonly segmentrun_fitRows: (a: number) => [number, number, number];
    readonly segmentrun_new: (a: number, b: number) => [number, number, number];
    readonly segmentrun_next: (a: number, b: number) => [number, number, number];
    readonly segmentrun_runJob: (a: number, b: any) => [number, number, number];
    readonly segmentrun_supply: (a: number, b: any) => [number, number];
    readonly shortFormHtml: (a: any) => [number, number, number, number];
    readonly survey_columns: (a: number) => [number, number, number];
    readonly survey_delimiter: (a: number) => [number, number];
    readonly survey_idColumn: (a: number) => [number, number];
    readonly survey_ids: (a: number) => [number, number];
    readonly survey_inputHash: (a: number) => [number, number];
    readonly survey_respondents: (a: number) => number;
    readonly survey_roles: (a: number, b: number) => [number, number, number];
    readonly survey_warnings: (a: number) => [number, number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __externref_drop_slice: (a: number, b: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
