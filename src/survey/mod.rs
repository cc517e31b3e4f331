//! Survey import: bytes from a survey tool or spreadsheet export become a
//! typed [`Survey`].
//!
//! The path of the data: `decode` bytes to text, `read` delimiter
//! sniffing and records, `infer` column kinds and scales, all driven by
//! [`parse_survey`] with checked [`ImportOptions`].

mod decode;
mod error;
mod infer;
mod model;
mod options;
mod parse;
mod read;
mod scales;

pub use error::{FileName, ImportError};
pub use model::{Column, ColumnKind, Scale, Survey, Values, Warning, WarningCode};
pub use options::{
    DEFAULT_MISSING_CODES, DELIMITERS, ImportOptions, MAX_CELLS, MAX_COLUMNS, MAX_INPUT_BYTES,
    MAX_ROWS,
};
pub use parse::parse_survey;
pub use read::read_records;
