//! Why an export could not be written.

use thiserror::Error;

/// A refused export.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ExportError {
    /// The run's options could not be written as JSON for the report.
    #[error("the report could not write the run's options: {0}")]
    Options(String),
}
