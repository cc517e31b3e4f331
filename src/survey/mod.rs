//! Survey import: bytes from a survey tool or spreadsheet export become a
//! typed [`Survey`].

mod model;

pub use model::{Column, ColumnKind, Scale, Survey, Values, Warning, WarningCode};
