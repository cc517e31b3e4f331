//! Response status, read before the kinds: survey previews and test
//! responses are left out (a [`WarningCode::PreviewsLeftOut`] warning counts
//! them); incomplete responses are kept and counted
//! ([`WarningCode::IncompleteResponses`]).
//!
//! - **Previews and tests**: a `Status` column holding `Survey Preview`,
//!   `Survey Test`, `Preview` or `Test` (Qualtrics' choice-text export), or
//!   `1`/`2` in a Qualtrics numeric export (where `0` is a real response);
//!   a `DistributionChannel` of `preview` or `test`.
//! - **Incomplete**: `Finished` false or `0`, or `Progress` under 100
//!   (Qualtrics); an empty `submitdate` (LimeSurvey); a `Response Type` of
//!   `partial` (Typeform); a `Complete`/`Completed` flag of `0`, `false` or
//!   `no`.

use super::super::cells::Cells;
use super::super::model::{Warning, WarningCode};
use super::super::options::normalise;
use super::Table;
use super::numbers::parse_number;

fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The column whose name or code has one of `keys`.
fn find<'t>(table: &'t Table, keys: &[&str]) -> Option<&'t Cells> {
    let at = table.headers.iter().enumerate().position(|(i, h)| {
        keys.contains(&key(h).as_str())
            || table
                .codes
                .get(i)
                .and_then(Option::as_deref)
                .is_some_and(|c| keys.contains(&key(c).as_str()))
    })?;
    table.columns.get(at)
}

/// The status columns of a table, found once.
struct Columns<'t> {
    status: Option<&'t Cells>,
    numeric_status: bool,
    channel: Option<&'t Cells>,
    finished: Option<&'t Cells>,
    progress: Option<&'t Cells>,
    submit: Option<&'t Cells>,
    response_type: Option<&'t Cells>,
    complete: Option<&'t Cells>,
}

impl<'t> Columns<'t> {
    fn new(table: &'t Table) -> Self {
        let status = find(table, &["status"]);
        Columns {
            status,
            numeric_status: status.is_some_and(|c| {
                c.iter()
                    .all(|v| v.is_empty() || v.bytes().all(|b| b.is_ascii_digit()))
            }),
            channel: find(table, &["distributionchannel"]),
            finished: find(table, &["finished"]),
            progress: find(table, &["progress"]),
            submit: find(table, &["submitdate"]),
            response_type: find(table, &["responsetype"]),
            complete: find(table, &["complete", "completed"]),
        }
    }

    /// True for respondent `r` being a preview or test.
    fn is_preview(&self, r: usize) -> bool {
        let cell = |c: Option<&Cells>| c.and_then(|c| c.get(r)).map(normalise);
        let by_status = cell(self.status).is_some_and(|n| {
            if self.numeric_status {
                matches!(n.as_str(), "1" | "2")
            } else {
                matches!(
                    n.as_str(),
                    "survey preview" | "survey test" | "preview" | "test" | "test response"
                )
            }
        });
        by_status || cell(self.channel).is_some_and(|c| matches!(c.as_str(), "preview" | "test"))
    }

    /// True for respondent `r` having not finished.
    fn is_incomplete(&self, r: usize) -> bool {
        let cell = |c: Option<&Cells>| c.and_then(|c| c.get(r)).map(normalise);
        let finished = cell(self.finished).is_some_and(|f| matches!(f.as_str(), "false" | "0"));
        let progress = cell(self.progress)
            .and_then(|p| parse_number(p.trim_end_matches('%'), false))
            .is_some_and(|p| p < 100.0);
        let submit = cell(self.submit).is_some_and(|s| s.is_empty());
        let partial = cell(self.response_type).is_some_and(|t| t == "partial");
        let flag = cell(self.complete).is_some_and(|f| matches!(f.as_str(), "0" | "false" | "no"));
        finished || progress || submit || partial || flag
    }
}

/// Leaves previews and tests out of `table` and counts incomplete responses.
pub(crate) fn response_status(table: &mut Table, warnings: &mut Vec<Warning>) {
    let n = table.rows.len();
    let previews: Vec<bool> = {
        let status = Columns::new(table);
        (0..n).map(|r| status.is_preview(r)).collect()
    };
    let left_out = previews.iter().filter(|&&p| p).count();
    // Never leave every respondent out: a file of previews only is read as is.
    if left_out > 0 && left_out < n {
        let first = previews
            .iter()
            .position(|&p| p)
            .and_then(|r| table.rows.get(r).copied());
        let mut flags = previews.iter();
        table
            .rows
            .retain(|_| !flags.next().copied().unwrap_or(false));
        for column in &mut table.columns {
            let mut flags = previews.iter();
            column.retain(|_| !flags.next().copied().unwrap_or(false));
        }
        warnings.push(Warning {
            code: WarningCode::PreviewsLeftOut,
            column: None,
            row: first,
            message: format!(
                "{left_out} survey preview or test response(s) were left out, the first at row {}",
                first.unwrap_or_default()
            ),
        });
    }
    let status = Columns::new(table);
    let incomplete: Vec<usize> = (0..table.rows.len())
        .filter(|&r| status.is_incomplete(r))
        .collect();
    if let Some(&first) = incomplete.first() {
        let row = table.rows.get(first).copied();
        warnings.push(Warning {
            code: WarningCode::IncompleteResponses,
            column: None,
            row,
            message: format!(
                "{} of {} responses are incomplete (not finished or not submitted); they were kept, the first at row {}",
                incomplete.len(),
                table.rows.len(),
                row.unwrap_or_default()
            ),
        });
    }
}
