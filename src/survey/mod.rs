//! Survey import: bytes from a survey tool or spreadsheet export become a
//! typed [`Survey`].
//!
//! The data's path, one file each: `workbook` (is it an XLSX or ODS
//! workbook? then its sheet as records) or `decode` (bytes to text) → `read`
//! (delimiter sniffing, records) → `headers` → `infer` (column kinds, scales,
//! warnings),
//! driven by [`parse_survey`] with [`ImportOptions`] checked once in
//! `options`; `scales` holds the known label sets and `error` the typed
//! [`ImportError`].
//!
//! # What the import accepts
//!
//! - **Workbooks**: XLSX and ODS, recognised by their bytes (a zip archive
//!   holding `xl/workbook.xml`, or an OpenDocument spreadsheet). The first
//!   sheet with a filled-in cell is read, or the one [`ImportOptions::sheet`]
//!   names. Numbers, dates, booleans keep their types; errors name the sheet,
//!   row and column letters (`sheet "Responses", row 5, column C ("Age")`).
//!   Legacy `.xls`, password-protected workbooks, `.xlsb` and other zip or
//!   Office files are refused saying what they are.
//! - **Encoding**: UTF-8 with or without a byte order mark, UTF-16 LE/BE with
//!   a mark; anything else is read as Windows-1252 (what Excel on Windows
//!   writes) with a [`WarningCode::DecodedWindows1252`] warning, so decoding
//!   never fails and the analyst is told to check accented letters.
//! - **Layout**: `,` `;` tab or `|` (sniffed from the first 30 records,
//!   quotes respected), CRLF/LF/CR, quoted cells with delimiters, `""` and
//!   line breaks, no final line break, spaces around cells trimmed, blank
//!   trailing lines ignored with a warning. Decimal commas are read when the
//!   delimiter is `;`.
//! - **Missing answers**: blank and [`DEFAULT_MISSING_CODES`] plus the
//!   caller's codes, case-insensitively; always `None`, never a number.
//!
//! # How kinds are inferred (options override)
//!
//! 1. **id**: `idColumn`, a column forced to `id`, or one named like `id`,
//!    `respondent`, `respondent_id`, `ResponseId`; ids must be unique.
//! 2. **multi**: columns `prefix: option` / `prefix - option` /
//!    `prefix [option]` holding only ticks (1/yes/true/checked/x/the option),
//!    non-ticks (0/no/false) or blanks, grouped under the prefix.
//! 3. **likert** (labelled): every answer, or at least 90 % of them, on one
//!    known label set (agreement, interest, likelihood, importance,
//!    satisfaction, frequency); stored as `1 + position`.
//! 4. **likert** (numeric): integers within 1–5, 1–7, 1–10 or 0–10 (not
//!    only 0/1), with the smallest such scale as the possible range. Other
//!    numbers are **numeric**. A column where at least 90 % of answers are
//!    numbers and the rest are not missing codes is an error at the first
//!    non-number (a typo such as `4o`).
//! 5. **multi** (one cell): parts separated by `;` or `|` (only `|` in a
//!    `;`-delimited file) that look like repeated short options.
//! 6. **text** for long or mostly distinct answers, otherwise
//!    **categorical**.
//!
//! Out-of-scale answers, and the "Don't know"/"Refused" codes after a
//! numeric scale (8 and 9 after answers within 1–6, 98 and 99 after answers
//! within 0–10), become missing, never a new level, with one
//! [`WarningCode::OutOfScale`] warning per column that counts them and names
//! the first row.

mod cells;
mod decode;
mod error;
mod headers;
mod infer;
mod model;
mod numbers;
mod options;
mod parse;
mod read;
mod scales;
mod workbook;

pub use error::{FileName, ImportError};
pub use infer::split_grid;
pub use model::{Column, ColumnKind, Scale, Survey, Values, Warning, WarningCode};
pub use numbers::{Numbers, NumbersIter};
pub use options::{
    DEFAULT_MISSING_CODES, DELIMITERS, ImportOptions, MAX_CELLS, MAX_COLUMNS, MAX_INPUT_BYTES,
    MAX_ROWS, MEMORY_BUDGET, PEAK_BYTES_PER_CELL,
};
pub use parse::parse_survey;
pub use read::read_records;
