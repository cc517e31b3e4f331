//! The JavaScript binding: converts inputs, calls the core, converts outputs.
//! Nothing here computes. Every export returns `Result`, so a bad call throws a
//! JS `Error` and leaves the module usable.

use std::collections::BTreeMap;

use js_sys::{Float64Array, Int32Array, Reflect, Uint8Array};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::cluster::{MatrixClustering, MatrixOptions, kmeans_matrix};
use crate::engage::ColumnRole;
use crate::export::{self, ReportFormat};
use crate::model::{Assignment, Model};
use crate::quality::{FitData, Job, JobResult};
use crate::segment::{self, Progress, SegmentOptions};
use crate::shortform::{ShortForm, ShortFormAssignment, ShortFormOptions};
use crate::survey::{self, ImportError, ImportOptions};

/// Serialises an output for JS as plain data: objects (not `Map`s) for maps
/// and flattened structs, `null` for `None`, numbers for integers.
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// [`to_js`], typed for the `.d.ts`.
fn to_ts<T: serde::Serialize + Tsify>(value: &T) -> Result<Ts<T>, JsError> {
    Ok(Ts::new_unchecked(to_js(value)?))
}

/// Reads an options object (or a model) through JSON, so that serde's
/// checks apply as they do natively: a misspelt option is an error that
/// names it, not silently ignored. `None` (undefined or null) gives the
/// defaults.
fn from_js<T: serde::de::DeserializeOwned + Default + Tsify>(
    value: Option<Ts<T>>,
) -> Result<T, JsError> {
    match value {
        None => Ok(T::default()),
        Some(v) => parse_json(&v.js_value(), "options"),
    }
}

/// The first place in `value` that JSON would silently change or drop (a
/// `Map` or `Set` becomes `{}`, a function or symbol vanishes, a `Date` or
/// class instance becomes something else), described with its path, e.g.
/// `options.previous.encoding must be a plain object, not a Map`. Objects
/// already seen are not walked again, so cycles and shared parts cost once.
fn non_data(value: &JsValue, path: &str, seen: &js_sys::Set) -> Option<String> {
    let kind = if value.is_function() {
        "a function"
    } else if value.is_symbol() {
        "a symbol"
    } else if value.is_bigint() {
        "a BigInt"
    } else {
        ""
    };
    if !kind.is_empty() {
        return Some(format!("{path} must be plain JSON-like data, not {kind}"));
    }
    let object = value.dyn_ref::<js_sys::Object>()?;
    if seen.has(value) {
        return None;
    }
    seen.add(value);
    if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        return array
            .iter()
            .enumerate()
            .find_map(|(i, item)| non_data(&item, &format!("{path}[{i}]"), seen));
    }
    let proto = js_sys::Object::get_prototype_of(value);
    let plain = proto.is_null() || js_sys::Object::get_prototype_of(&proto).is_null();
    if !plain {
        let name = if value.is_instance_of::<js_sys::Map>() {
            "Map".to_string()
        } else if value.is_instance_of::<js_sys::Set>() {
            "Set".to_string()
        } else {
            String::from(object.constructor().name())
        };
        return Some(format!("{path} must be a plain object, not a {name}"));
    }
    js_sys::Object::entries(object).iter().find_map(|entry| {
        let pair = js_sys::Array::from(&entry);
        let key = pair.get(0).as_string().unwrap_or_default();
        non_data(&pair.get(1), &format!("{path}.{key}"), seen)
    })
}

/// `what` names the argument in error messages.
fn parse_json<T: serde::de::DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, JsError> {
    let text = json_text(value, what)?;
    serde_json::from_str(&text).map_err(|e| invalid(what, &e))
}

/// The error for JSON text that does not read as `what`. Not generic, so it
/// is in the .wasm once, not once per type read.
fn invalid(what: &str, e: &serde_json::Error) -> JsError {
    JsError::new(&format!("invalid {what}: {e}"))
}

/// `value` as JSON text, after [`non_data`]'s checks. Not generic, so it is
/// in the .wasm once, not once per type read.
#[inline(never)]
fn json_text(value: &JsValue, what: &str) -> Result<String, JsError> {
    if let Some(problem) = non_data(value, what, &js_sys::Set::new(&JsValue::UNDEFINED)) {
        return Err(JsError::new(&problem));
    }
    let not_data = || JsError::new(&format!("{what} must be plain JSON-like data"));
    // stringify throws on cycles and BigInts and gives undefined for a function.
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(not_data)
}

/// A parsed survey. Pass it to `segment` or `assign`. Holds the answers in
/// wasm memory: call `free()` when done, or let the garbage collector do it.
#[wasm_bindgen]
pub struct Survey(survey::Survey);

#[wasm_bindgen]
impl Survey {
    /// Number of respondents (data rows).
    #[wasm_bindgen(getter)]
    pub fn respondents(&self) -> u32 {
        self.0.respondents as u32
    }

    /// The questions, in file order, with their inferred kinds.
    #[wasm_bindgen(getter, unchecked_return_type = "Column[]")]
    pub fn columns(&self) -> Result<JsValue, JsError> {
        to_js(&self.0.columns)
    }

    /// What the import noticed (typed, naming column and row).
    #[wasm_bindgen(getter, unchecked_return_type = "Warning[]")]
    pub fn warnings(&self) -> Result<JsValue, JsError> {
        to_js(&self.0.warnings)
    }

    /// Respondent identifiers in input order (the id column, or the
    /// spreadsheet row numbers when there is none).
    #[wasm_bindgen(getter)]
    pub fn ids(&self) -> Vec<String> {
        self.0.ids.clone()
    }

    /// The name of the respondent id column, if one was found.
    #[wasm_bindgen(getter, js_name = idColumn)]
    pub fn id_column(&self) -> Option<String> {
        self.0.id_column.clone()
    }

    /// The delimiter the file used.
    #[wasm_bindgen(getter)]
    pub fn delimiter(&self) -> String {
        char::from(self.0.delimiter).to_string()
    }

    /// Every column's role and the reason for it, as `segment` would use
    /// them with these options: `"basis"` (segments are built on it),
    /// `"descriptor"` (described in the profiles and briefs, not clustered)
    /// or `"leftOut"` (neither). Without options, the default roles. Throws
    /// an `Error` naming an unknown column, or one given two roles.
    #[wasm_bindgen(unchecked_return_type = "ColumnRole[]")]
    pub fn roles(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "SegmentOptions")] options: Option<
            Ts<SegmentOptions>,
        >,
    ) -> Result<JsValue, JsError> {
        let options: SegmentOptions = from_js(options)?;
        let roles: Vec<ColumnRole> = segment::column_roles(&self.0, &options)?;
        to_js(&roles)
    }

    /// FNV-1a 64-bit hash of the input bytes, as 16 hex digits.
    #[wasm_bindgen(getter, js_name = inputHash)]
    pub fn input_hash(&self) -> String {
        self.0.input_hash.clone()
    }
}

/// Reads a survey export (CSV text, or its raw bytes in UTF-8, UTF-16 with
/// BOM or Windows-1252, or the bytes of an XLSX or ODS workbook) and infers
/// what each column holds.
///
/// Throws an `Error` whose `row` (1-based, as a spreadsheet shows it) and
/// `column` properties point at the offending cell where there is one; for a
/// workbook, `sheet` and `columnLetter` (such as `C`) say where it is too.
#[wasm_bindgen(js_name = parseSurvey)]
pub fn parse_survey(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    options: Option<Ts<ImportOptions>>,
) -> Result<Survey, JsValue> {
    let options = from_js(options).map_err(JsValue::from)?;
    let bytes = if let Some(text) = input.as_string() {
        text.into_bytes()
    } else if let Some(array) = input.dyn_ref::<Uint8Array>() {
        array.to_vec()
    } else {
        return Err(JsError::new("parseSurvey expects a string or a Uint8Array").into());
    };
    survey::parse_survey(&bytes, &options)
        .map(Survey)
        .map_err(import_error)
}

/// A JS `Error` carrying the cell an import error points at.
fn import_error(error: ImportError) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    js.set_name("SurveyImportError");
    // Setting a property on a fresh Error object cannot fail.
    if let Some(row) = error.row() {
        let _ = Reflect::set(&js, &"row".into(), &(row as f64).into());
    }
    if let Some(column) = error.column() {
        let _ = Reflect::set(&js, &"column".into(), &column.into());
    }
    if let Some(sheet) = error.sheet() {
        let _ = Reflect::set(&js, &"sheet".into(), &sheet.into());
    }
    if let Some(letter) = error.column_letter() {
        let _ = Reflect::set(&js, &"columnLetter".into(), &letter.into());
    }
    js.into()
}

/// The result of `segment`: segments, assignments, quality figures,
/// profiles and briefs, and the exports.
#[wasm_bindgen]
pub struct Segmentation {
    inner: segment::Segmentation,
    /// The answers, for `shortForm`.
    survey: survey::Survey,
}

/// Options of `Segmentation.report`.
#[derive(Debug, Default, serde::Deserialize, Tsify)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ReportOptions {
    /// `"html"` (default) or `"markdown"`.
    pub format: Option<String>,
    /// The survey's file name, shown in the report. Default "survey".
    pub file_name: Option<String>,
}

#[wasm_bindgen]
impl Segmentation {
    /// The number of segments.
    #[wasm_bindgen(getter)]
    pub fn k(&self) -> u32 {
        self.inner.k
    }

    /// One segment id per respondent, in input order; -1 for a respondent
    /// who answered none of the clustered questions.
    #[wasm_bindgen(getter)]
    pub fn assignments(&self) -> Int32Array {
        Int32Array::from(self.inner.assignments.as_slice())
    }

    /// Each respondent's distance to its segment's centroid (NaN for -1).
    #[wasm_bindgen(getter)]
    pub fn distances(&self) -> Float64Array {
        Float64Array::from(self.inner.distances.as_slice())
    }

    /// Centroids in the encoded feature space, row-major: `k` rows of
    /// `dimensions` numbers (`toJSON().features` says what each number is).
    #[wasm_bindgen(getter)]
    pub fn centroids(&self) -> Float64Array {
        let flat: Vec<f64> = self.inner.centroids.iter().flatten().copied().collect();
        Float64Array::from(flat.as_slice())
    }

    /// The width of a centroid row: the number of encoded features.
    #[wasm_bindgen(getter)]
    pub fn dimensions(&self) -> u32 {
        self.inner.encoding.features.len() as u32
    }

    /// Weighted sum of squared distances of respondents to their centroid.
    #[wasm_bindgen(getter)]
    pub fn inertia(&self) -> f64 {
        self.inner.inertia
    }

    /// Lloyd iterations of the kept run.
    #[wasm_bindgen(getter)]
    pub fn iterations(&self) -> u32 {
        self.inner.iterations
    }

    /// Whether the kept run converged before `maxIterations`.
    #[wasm_bindgen(getter)]
    pub fn converged(&self) -> bool {
        self.inner.converged
    }

    /// The seed every random choice flowed from.
    #[wasm_bindgen(getter)]
    pub fn seed(&self) -> u32 {
        self.inner.seed
    }

    /// Per segment: id, name, size, weighted size, share, stability.
    #[wasm_bindgen(getter, unchecked_return_type = "SegmentSummary[]")]
    pub fn segments(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.segments)
    }

    /// Everything, as one plain object: the fields above plus features,
    /// quality, kScan, stability, projection, profiles (with briefs) and
    /// warnings.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<Ts<segment::Segmentation>, JsError> {
        to_ts(&self.inner)
    }

    /// The portable model: plain JSON; pass it to `assign` to put new
    /// respondents into the same segments, or as `previous` to keep ids and
    /// names on a rerun.
    pub fn model(&self) -> Result<Ts<Model>, JsError> {
        to_ts(&self.inner.model())
    }

    /// `respondent_id,segment_id,segment_name,distance`, one row per
    /// respondent; cells a spreadsheet would run as formulas are neutralised.
    #[wasm_bindgen(js_name = assignmentsCsv)]
    pub fn assignments_csv(&self) -> String {
        export::run_assignments_csv(&self.inner)
    }

    /// The profile table, segments as columns; cells computed from fewer
    /// than `minGroupSize` respondents are suppressed.
    #[wasm_bindgen(js_name = profilesCsv)]
    pub fn profiles_csv(&self) -> String {
        export::run_profiles_csv(&self.inner)
    }

    /// Gives segments new names, without running the segmentation again:
    /// keys are segment ids written as strings (`{ "0": "Doers" }`, as in the
    /// `names` option), values are trimmed. Throws an `Error` naming the
    /// problem, changing nothing, for an id this result does not have, a
    /// blank name, or two segments that would share a name. Afterwards
    /// `segments`, `toJSON()`, `model()`, `assignmentsCsv()`, `profilesCsv()`
    /// and `report()` all use the new names.
    pub fn rename(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, string>")] names: JsValue,
    ) -> Result<(), JsError> {
        if names.is_instance_of::<js_sys::Map>() {
            return Err(JsError::new("names must be a plain object, not a Map"));
        }
        let names: BTreeMap<String, String> = parse_json(&names, "names")?;
        Ok(self.inner.rename(&names)?)
    }

    /// A self-contained report of the run (HTML by default, or Markdown).
    pub fn report(&self, options: Option<Ts<ReportOptions>>) -> Result<String, JsError> {
        let options: ReportOptions = from_js(options)?;
        let format = match options.format.as_deref() {
            None | Some("html") => ReportFormat::Html,
            Some("markdown") => ReportFormat::Markdown,
            Some(other) => {
                return Err(JsError::new(&format!(
                    "report format must be \"html\" or \"markdown\", got {other:?}"
                )));
            }
        };
        let file_name = options.file_name.as_deref().unwrap_or("survey");
        Ok(export::run_report(&self.inner, file_name, format)?)
    }

    /// The few questions that best tell a respondent's segment (at most
    /// `maxQuestions`, default 5, or the caller's `questions` scored), with
    /// cross-validated accuracy, the rules and a self-contained HTML form.
    #[wasm_bindgen(js_name = shortForm)]
    pub fn short_form(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ShortFormOptions")] options: Option<
            Ts<ShortFormOptions>,
        >,
    ) -> Result<Ts<ShortForm>, JsError> {
        let options: ShortFormOptions = from_js(options)?;
        to_ts(&crate::shortform::short_form(
            &self.survey,
            &self.inner,
            &options,
        )?)
    }
}

/// Puts one respondent in a segment from a short form's questions:
/// `answers` maps a column name to the raw answer as the survey wrote it (a
/// label, a number, or blank / `null`). Throws on an answer that is none of
/// the options or a column the form does not ask.
#[wasm_bindgen(js_name = assignShortForm)]
pub fn assign_short_form(
    #[wasm_bindgen(js_name = shortForm)] short_form: Ts<ShortForm>,
    #[wasm_bindgen(unchecked_param_type = "Record<string, string | number | null>")]
    answers: JsValue,
) -> Result<Ts<ShortFormAssignment>, JsError> {
    let form: ShortForm = parse_json(&short_form.js_value(), "short form")?;
    let raw: std::collections::BTreeMap<String, serde_json::Value> =
        parse_json(&answers, "answers")?;
    let mut answers = std::collections::BTreeMap::new();
    for (column, value) in raw {
        let text = match value {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Null => String::new(),
            other => {
                return Err(JsError::new(&format!(
                    "answer to {column:?} must be a string, a number or null, got {other}"
                )));
            }
        };
        answers.insert(column, text);
    }
    to_ts(&crate::shortform::assign_short_form(&form, &answers)?)
}

/// The self-contained HTML page of a short form, e.g. after its question
/// texts were reworded or its segments renamed (its `html` is not read).
#[wasm_bindgen(js_name = shortFormHtml)]
pub fn short_form_html(
    #[wasm_bindgen(js_name = shortForm)] short_form: Ts<ShortForm>,
) -> Result<String, JsError> {
    let form: ShortForm = parse_json(&short_form.js_value(), "short form")?;
    Ok(crate::shortform::short_form_html(&form))
}

/// Finds segments of respondents with k-means. `onProgress`, if given, is
/// called with `{ stage, fraction }` as the run goes on (synchronously: run
/// it in a Web Worker to keep a page responsive).
#[wasm_bindgen]
pub fn segment(
    survey: &Survey,
    #[wasm_bindgen(unchecked_optional_param_type = "SegmentOptions")] options: Option<
        Ts<SegmentOptions>,
    >,
    #[wasm_bindgen(js_name = onProgress, unchecked_optional_param_type = "(progress: Progress) => void")]
    on_progress: Option<js_sys::Function>,
) -> Result<Segmentation, JsError> {
    let options: SegmentOptions = from_js(options)?;
    let inner = segment::segment_with_progress(&survey.0, &options, &mut reporter(on_progress))?;
    Ok(Segmentation {
        inner,
        survey: survey.0.clone(),
    })
}

/// Tells `on_progress` (if any) of each step; a throwing callback must not
/// abort the run.
fn reporter(on_progress: Option<js_sys::Function>) -> impl FnMut(Progress) {
    move |p: Progress| {
        if let (Some(f), Ok(value)) = (&on_progress, to_js(&p)) {
            let _ = f.call1(&JsValue::NULL, &value);
        }
    }
}

#[wasm_bindgen(typescript_custom_section)]
const FIT_ROWS: &'static str = r#"
/** The rows k-means fits: `data` row-major with `width` numbers per row (NaN for a missing answer), one weight per row. */
export interface FitRows {
    data: Float64Array;
    width: number;
    weights: Float64Array;
}
"#;

/// A job from JS. Numbers are read one by one as they are (a tagged enum
/// read in one go passes them through serde's buffer, which loses the sign
/// of a zero).
fn job_from_js(value: &JsValue) -> Result<Job, JsError> {
    let kind = Reflect::get(value, &"kind".into())
        .ok()
        .and_then(|k| k.as_string());
    Ok(match kind.as_deref() {
        Some("starts") => Job::Starts(serde_wasm_bindgen::from_value(value.clone())?),
        Some("quality") => Job::Quality(serde_wasm_bindgen::from_value(value.clone())?),
        _ => {
            return Err(JsError::new(
                "a job's kind must be \"starts\" or \"quality\"",
            ));
        }
    })
}

/// A job result from JS, read as [`job_from_js`] reads a job.
fn result_from_js(value: &JsValue) -> Result<JobResult, JsError> {
    let kind = Reflect::get(value, &"kind".into())
        .ok()
        .and_then(|k| k.as_string());
    Ok(match kind.as_deref() {
        Some("starts") => JobResult::Starts(serde_wasm_bindgen::from_value(value.clone())?),
        Some("quality") => JobResult::Quality(serde_wasm_bindgen::from_value(value.clone())?),
        Some("skipped") => JobResult::Skipped,
        _ => {
            return Err(JsError::new(
                "a job result's kind must be \"starts\", \"skipped\" or \"quality\"",
            ));
        }
    })
}

/// A segmentation whose k-means work is handed out as jobs, so that several
/// Web Workers (each with its own copy of the fitted rows, see `JobRunner`)
/// can run them at once. The result is exactly `segment`'s for the same
/// survey and options, however many workers ran the jobs.
///
/// Call `next()`: it returns a batch of jobs, or null once the segmentation
/// is made. Run each job (`runJob` here, or `JobRunner.run` in a worker fed
/// `fitRows()`), give the results back in the batch's order with
/// `supply(results)`, and call `next()` again; then `finish()`. Jobs and
/// results are plain data: post them between workers as they are.
#[wasm_bindgen]
pub struct SegmentRun {
    run: segment::SegmentRun,
    survey: survey::Survey,
}

#[wasm_bindgen]
impl SegmentRun {
    /// A run of `survey` with `options`. Throws an `Error` for options
    /// `segment` would refuse.
    #[wasm_bindgen(constructor)]
    pub fn new(
        survey: &Survey,
        #[wasm_bindgen(unchecked_optional_param_type = "SegmentOptions")] options: Option<
            Ts<SegmentOptions>,
        >,
    ) -> Result<SegmentRun, JsError> {
        let options: SegmentOptions = from_js(options)?;
        Ok(SegmentRun {
            run: segment::SegmentRun::new(&survey.0, &options)?,
            survey: survey.0.clone(),
        })
    }

    /// Goes on as far as the results given so far allow, and returns the
    /// next batch of jobs (the same one again until its results are given),
    /// or null when the segmentation is made. `onProgress` hears the steps
    /// made here; report a batch's own progress from its `stage`, `from` and
    /// `to` as its jobs finish.
    #[wasm_bindgen(unchecked_return_type = "JobBatch | null")]
    pub fn next(
        &mut self,
        #[wasm_bindgen(js_name = onProgress, unchecked_optional_param_type = "(progress: Progress) => void")]
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsError> {
        match self.run.next(&self.survey, &mut reporter(on_progress))? {
            Some(batch) => to_js(batch),
            None => Ok(JsValue::NULL),
        }
    }

    /// The results of the last batch's jobs, one per job in its order.
    /// Throws an `Error` (and the batch stays to run) when they are not
    /// results of those jobs.
    pub fn supply(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "JobResult[]")] results: JsValue,
    ) -> Result<(), JsError> {
        let array = results
            .dyn_ref::<js_sys::Array>()
            .ok_or_else(|| JsError::new("supply expects an array of job results"))?;
        let results = array
            .iter()
            .map(|r| result_from_js(&r))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(self.run.supply(results)?)
    }

    /// Runs one job here (after the first `next()`).
    #[wasm_bindgen(js_name = runJob, unchecked_return_type = "JobResult")]
    pub fn run_job(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Job")] job: JsValue,
    ) -> Result<JsValue, JsError> {
        to_js(&self.run.run_job(&job_from_js(&job)?)?)
    }

    /// The rows the jobs run on, for a `JobRunner` in each worker (after the
    /// first `next()`; null before).
    #[wasm_bindgen(js_name = fitRows, unchecked_return_type = "FitRows | null")]
    pub fn fit_rows(&self) -> Result<JsValue, JsError> {
        let Some((data, weights)) = self.run.fit_rows() else {
            return Ok(JsValue::NULL);
        };
        let flat: Vec<f64> = data.iter().copied().collect();
        let out = js_sys::Object::new();
        // Setting a property on a fresh object cannot fail.
        let _ = Reflect::set(&out, &"data".into(), &Float64Array::from(flat.as_slice()));
        let _ = Reflect::set(&out, &"width".into(), &(data.ncols() as f64).into());
        let _ = Reflect::set(&out, &"weights".into(), &Float64Array::from(weights));
        Ok(out.into())
    }

    /// The segmentation, once `next()` returned null.
    pub fn finish(&mut self) -> Result<Segmentation, JsError> {
        Ok(Segmentation {
            inner: self.run.finish()?,
            survey: self.survey.clone(),
        })
    }
}

/// Runs a `SegmentRun`'s jobs on a copy of its fitted rows (`fitRows()`),
/// e.g. in a Web Worker of a pool: `new JobRunner(data, width, weights)`.
/// Throws an `Error` for rows k-means would refuse.
#[wasm_bindgen]
pub struct JobRunner(FitData);

#[wasm_bindgen]
impl JobRunner {
    /// From the rows (row-major, `width` numbers per row, NaN = missing)
    /// and one weight per row.
    #[wasm_bindgen(constructor)]
    pub fn new(data: &[f64], width: u32, weights: &[f64]) -> Result<JobRunner, JsError> {
        let width = width as usize;
        if width == 0 || data.len() % width != 0 || data.len() / width != weights.len() {
            return Err(JsError::new(&format!(
                "{} numbers do not make rows of {width} for {} weights",
                data.len(),
                weights.len()
            )));
        }
        let rows = ndarray::Array2::from_shape_vec((weights.len(), width), data.to_vec())
            .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(JobRunner(FitData::new(rows, weights.to_vec())?))
    }

    /// Runs one job.
    #[wasm_bindgen(unchecked_return_type = "JobResult")]
    pub fn run(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Job")] job: JsValue,
    ) -> Result<JsValue, JsError> {
        to_js(&crate::quality::run_job(
            self.0.rows(),
            &job_from_js(&job)?,
        )?)
    }
}

/// Puts a survey's respondents into the segments of a saved model. Throws
/// an `Error` naming the model's questions the survey lacks.
#[wasm_bindgen]
pub fn assign(model: Ts<Model>, survey: &Survey) -> Result<Ts<Assignment>, JsError> {
    let model: Model = parse_json(&model.js_value(), "model")?;
    to_ts(&crate::model::assign(&model, &survey.0)?)
}

/// The CSV of an `assign` result, in exactly the format of
/// `Segmentation.assignmentsCsv()`: `respondent_id,segment_id,segment_name,distance`,
/// one row per respondent, empty segment cells for an unassigned one.
#[wasm_bindgen(js_name = assignmentCsv)]
pub fn assignment_csv(assignment: Ts<Assignment>) -> Result<String, JsError> {
    let assignment: Assignment = parse_json(&assignment.js_value(), "assignment")?;
    Ok(export::assignment_csv(&assignment))
}

#[wasm_bindgen(
    inline_js = "export function numberArray(view) { const out = new Array(view.length); for (let i = 0; i < view.length; i++) out[i] = view[i]; return out; }"
)]
extern "C" {
    /// A plain array of a typed array's numbers, built by a loop in JS:
    /// several times faster for 100,000 numbers than `Array.from` or than
    /// `JSON.parse` of their text.
    #[wasm_bindgen(js_name = numberArray)]
    fn number_array(view: &JsValue) -> js_sys::Array;
}

/// k-means on a plain numeric matrix: `data` row-major with `width` numbers
/// per row, NaN for a missing value.
#[wasm_bindgen]
pub fn kmeans(
    data: Vec<f64>,
    width: u32,
    options: Option<Ts<MatrixOptions>>,
) -> Result<Ts<MatrixClustering>, JsError> {
    let options: MatrixOptions = from_js(options)?;
    // Owned: the copy wasm-bindgen made of `data` is the buffer the fit uses.
    let found = kmeans_matrix(data, width as usize, &options)?;
    let value = js_sys::Object::new();
    // Setting a property of a new plain object cannot fail.
    let set = |key: &str, v: &JsValue| {
        let _ = Reflect::set(&value, &JsValue::from_str(key), v);
    };
    set(
        "clusters",
        &number_array(&js_sys::Uint32Array::from(&found.clusters[..])),
    );
    set(
        "centroids",
        &number_array(&Float64Array::from(&found.centroids[..])),
    );
    set("inertia", &JsValue::from_f64(found.inertia));
    set("iterations", &JsValue::from(found.iterations));
    set("converged", &JsValue::from_bool(found.converged));
    let value: JsValue = value.into();
    Ok(Ts::new_unchecked(value))
}
