//! The exports of one run: a [`Segmentation`] (which carries the respondent
//! ids and its options) turned into the assignments CSV, the profile table and
//! the report; and the CSV of an assignment to a saved model.

use super::csv::{assignments_csv, profiles_csv};
use super::error::ExportError;
use super::report::{KSelectionRow, ReportInput, StabilityFigure, report_html, report_markdown};
use crate::model::Assignment;
use crate::segment::Segmentation;

/// The report's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// A self-contained HTML page (inline CSS, no scripts, no external resources).
    Html,
    /// Markdown.
    Markdown,
}

/// One row per respondent (`respondent_id,segment_id,segment_name,distance`),
/// in the survey's order, with the segments' current names. Spreadsheet
/// formulas are neutralised.
pub fn run_assignments_csv(result: &Segmentation) -> String {
    let names = result.names();
    assignments_csv(&result.ids, &result.assignments, &names, &result.distances)
}

/// The CSV of an assignment to a saved model, in exactly the format of
/// [`run_assignments_csv`]: unassigned respondents get empty segment cells.
pub fn assignment_csv(assignment: &Assignment) -> String {
    assignments_csv(
        &assignment.ids,
        &assignment.assignments,
        &assignment.names,
        &assignment.distances,
    )
}

/// The profile table: segments as columns, cells from fewer than the
/// disclosure threshold suppressed.
pub fn run_profiles_csv(result: &Segmentation) -> String {
    let p = &result.profiles;
    profiles_csv(p, &result.names(), p.min_group_size)
}

/// The report of the run: inputs, options, seed, input hash, k-selection
/// figures, stability, and each segment's profile and brief. Fails only when
/// the options cannot be written as JSON.
pub fn run_report(
    result: &Segmentation,
    file_name: &str,
    format: ReportFormat,
) -> Result<String, ExportError> {
    // Never fall back to other options: a report must show the run's own.
    let mut options_json =
        serde_json::to_value(&result.options).map_err(|e| ExportError::Options(e.to_string()))?;
    // The previous model's centroids say nothing to a reader.
    if let Some(map) = options_json.as_object_mut() {
        if map.get("previous").is_some_and(|p| !p.is_null()) {
            map.insert("previous".into(), "a saved model".into());
        }
    }
    let k_selection: Vec<KSelectionRow> = match &result.k_scan {
        Some(scan) => scan
            .entries
            .iter()
            .map(|e| KSelectionRow {
                k: e.k as usize,
                inertia: e.inertia,
                silhouette: e.silhouette,
                chosen: e.k == scan.chosen,
            })
            .collect(),
        None => vec![KSelectionRow {
            k: result.k as usize,
            inertia: result.inertia,
            silhouette: result.quality.silhouette,
            chosen: true,
        }],
    };
    let mut stability = Vec::new();
    if let Some(s) = &result.stability {
        stability.push(StabilityFigure {
            name: format!(
                "Mean adjusted Rand index over {} reruns with other seeds and {} split-half pairs (1 = identical)",
                s.ari_seeds.len(),
                s.ari_halves.len()
            ),
            value: s.mean_ari,
        });
        for seg in &result.segments {
            if let Some(j) = seg.stability {
                stability.push(StabilityFigure {
                    name: format!("{}: best-match Jaccard across reruns", seg.name),
                    value: j,
                });
            }
        }
    }
    let names = result.names();
    let input = ReportInput {
        file_name,
        respondents: result.assignments.len(),
        input_hash: &result.input_hash,
        seed: u64::from(result.seed),
        k: result.k as usize,
        options: &options_json,
        k_selection: &k_selection,
        stability: &stability,
        profiles: &result.profiles,
        names: &names,
        briefs: &result.briefs,
        activities: &result.activities,
    };
    Ok(match format {
        ReportFormat::Html => report_html(input),
        ReportFormat::Markdown => report_markdown(input),
    })
}
