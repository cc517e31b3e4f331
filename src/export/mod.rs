//! Exports: CSV a spreadsheet opens safely, and self-contained Markdown and
//! HTML reports. Pure functions returning `String`.

mod csv;
mod report;
mod run;
mod table;

pub use csv::{assignments_csv, csv_cell, profiles_csv};
pub use report::{KSelectionRow, ReportInput, StabilityFigure, report_html, report_markdown};
pub use run::{ReportFormat, assignment_csv, run_assignments_csv, run_profiles_csv, run_report};
pub use table::suppressed;
