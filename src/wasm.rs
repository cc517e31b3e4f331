//! The JavaScript binding: converts inputs, calls the core, converts outputs.
//! Nothing here computes. Every export returns `Result`, so a bad call throws a
//! JS `Error` and leaves the module usable.

use js_sys::{Float64Array, Int32Array, Reflect, Uint8Array};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::model::{self, Model};
use crate::segment::{self, SegmentOptions};
use crate::survey::{self, Column, ImportError, ImportOptions, Warning};

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
    #[wasm_bindgen(getter)]
    pub fn columns(&self) -> Result<Ts<Vec<Column>>, JsError> {
        Ok(Ts::from_rust(&self.0.columns)?)
    }

    /// What the import noticed (typed, naming column and row).
    #[wasm_bindgen(getter)]
    pub fn warnings(&self) -> Result<Ts<Vec<Warning>>, JsError> {
        Ok(Ts::from_rust(&self.0.warnings)?)
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

    /// FNV-1a 64-bit hash of the input bytes, as 16 hex digits.
    #[wasm_bindgen(getter, js_name = inputHash)]
    pub fn input_hash(&self) -> String {
        self.0.input_hash.clone()
    }
}

/// Reads a survey export (CSV text, or its raw bytes in UTF-8, UTF-16 with
/// BOM or Windows-1252) and infers what each column holds.
///
/// Throws an `Error` whose `row` (1-based, as a spreadsheet shows it) and
/// `column` properties point at the offending cell where there is one.
#[wasm_bindgen(js_name = parseSurvey)]
pub fn parse_survey(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    options: Option<Ts<ImportOptions>>,
) -> Result<Survey, JsValue> {
    let options = match options {
        Some(o) => o.to_rust().map_err(|e| JsValue::from(JsError::from(e)))?,
        None => ImportOptions::default(),
    };
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
    js.into()
}

/// The result of `segment`: segments, assignments, quality figures.
#[wasm_bindgen]
pub struct Segmentation {
    inner: segment::Segmentation,
    model: Model,
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

    /// Centroids in the encoded feature space, row-major: `k` rows of
    /// `dimensions` numbers (see `features` for what each number is).
    #[wasm_bindgen(getter)]
    pub fn centroids(&self) -> Float64Array {
        let flat: Vec<f64> = self.inner.centroids.iter().flatten().copied().collect();
        Float64Array::from(flat.as_slice())
    }

    /// The width of a centroid row: the number of encoded features.
    #[wasm_bindgen(getter)]
    pub fn dimensions(&self) -> u32 {
        self.inner.features.len() as u32
    }

    /// Everything else, as one typed object (segments, features, inertia,
    /// iterations, converged, seed, kScan, stability, projection, warnings).
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<Ts<segment::Segmentation>, JsError> {
        Ok(self.inner.into_ts()?)
    }

    /// The portable model: load it later with `assign` to put new
    /// respondents into the same segments.
    pub fn model(&self) -> Result<Ts<Model>, JsError> {
        Ok(self.model.into_ts()?)
    }
}

/// Finds segments of respondents with k-means.
#[wasm_bindgen]
pub fn segment(
    survey: &Survey,
    options: Option<Ts<SegmentOptions>>,
) -> Result<Segmentation, JsError> {
    let options = match options {
        Some(o) => o.to_rust()?,
        None => SegmentOptions::default(),
    };
    let inner = segment::segment(&survey.0, &options)?;
    let model = inner.model(&survey.0);
    Ok(Segmentation { inner, model })
}

/// Puts a survey's respondents into the segments of a saved model.
#[wasm_bindgen]
pub fn assign(model: Ts<Model>, survey: &Survey) -> Result<Ts<model::Assignment>, JsError> {
    let model = model.to_rust()?;
    Ok(model::assign(&model, &survey.0)?.into_ts()?)
}
