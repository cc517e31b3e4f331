//! Why an import failed: one typed error per problem, each naming the file,
//! the row (1-based as a spreadsheet shows it, the header being row 1) and the
//! column where that applies, so a page can point at the cell.

use std::fmt;

use thiserror::Error;

/// The file's name as the caller gave it, printed as `"name.csv: "` at the
/// start of a message, or nothing when no name was given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileName(pub Option<String>);

impl fmt::Display for FileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(name) => write!(f, "{name}: "),
            None => Ok(()),
        }
    }
}

/// Everything that stops a survey from being imported.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// The input is larger than [`MAX_INPUT_BYTES`](super::MAX_INPUT_BYTES).
    #[error("{file}the file is {bytes} bytes; the limit is {max} bytes")]
    TooLarge {
        /// The file.
        file: FileName,
        /// Its size in bytes.
        bytes: usize,
        /// The limit in bytes.
        max: usize,
    },
    /// More data rows than [`MAX_ROWS`](super::MAX_ROWS).
    #[error("{file}the file has more than {max} data rows")]
    TooManyRows {
        /// The file.
        file: FileName,
        /// The limit.
        max: usize,
    },
    /// More answer cells than [`MAX_CELLS`](super::MAX_CELLS).
    #[error(
        "{file}the file has more than {max} answer cells (rows × columns): at about {per} bytes each \
         from import to segments, more would need over {budget} MiB of memory",
        per = super::PEAK_BYTES_PER_CELL,
        budget = super::MEMORY_BUDGET >> 20
    )]
    TooManyCells {
        /// The file.
        file: FileName,
        /// The limit.
        max: usize,
    },
    /// More columns than [`MAX_COLUMNS`](super::MAX_COLUMNS).
    #[error("{file}the header has {columns} columns; the limit is {max}")]
    TooManyColumns {
        /// The file.
        file: FileName,
        /// Columns in the header.
        columns: usize,
        /// The limit.
        max: usize,
    },
    /// Nothing but blank lines (or nothing at all).
    #[error("{file}the file is empty")]
    Empty {
        /// The file.
        file: FileName,
    },
    /// A header and no respondents.
    #[error("{file}the file has a header row but no answers")]
    HeaderOnly {
        /// The file.
        file: FileName,
    },
    /// A quoted cell that never ends.
    #[error("{file}row {row}: a quoted cell is never closed")]
    UnclosedQuote {
        /// The file.
        file: FileName,
        /// The row where the quote opens.
        row: usize,
    },
    /// A row with more or fewer cells than the header.
    #[error(
        "{file}row {row} has {found} cells but the header has {expected} ({})",
        if found > expected { "too many" } else { "too few" }
    )]
    RaggedRow {
        /// The file.
        file: FileName,
        /// The row.
        row: usize,
        /// Cells in the header.
        expected: usize,
        /// Cells in this row.
        found: usize,
        /// For too few cells, the first column with no cell; for too many, none.
        column: Option<String>,
    },
    /// Two columns with the same header.
    #[error("{file}row 1: the column name {column:?} appears twice (columns {first} and {second})")]
    DuplicateColumn {
        /// The file.
        file: FileName,
        /// The repeated name.
        column: String,
        /// 1-based position of the first one.
        first: usize,
        /// 1-based position of the second one.
        second: usize,
    },
    /// Two respondents with the same identifier.
    #[error(
        "{file}row {row}, column {column:?}: the id {value:?} already appears in row {first_row}"
    )]
    DuplicateId {
        /// The file.
        file: FileName,
        /// The id column.
        column: String,
        /// The repeated id.
        value: String,
        /// The row where it first appears.
        first_row: usize,
        /// The row where it appears again.
        row: usize,
    },
    /// A respondent without an identifier.
    #[error("{file}row {row}, column {column:?}: the id is blank")]
    MissingId {
        /// The file.
        file: FileName,
        /// The id column.
        column: String,
        /// The row.
        row: usize,
    },
    /// A cell that should be a number (the column was forced numeric or
    /// Likert, or nearly every other cell is a number) but is not.
    #[error("{file}row {row}, column {column:?}: {value:?} is not a number")]
    NotANumber {
        /// The file.
        file: FileName,
        /// The row.
        row: usize,
        /// The column.
        column: String,
        /// The cell as written (trimmed).
        value: String,
    },
    /// An option names a column that is not in the file.
    #[error("{file}option {option:?} names the column {column:?}, which is not in the file")]
    UnknownColumn {
        /// The file.
        file: FileName,
        /// The option (`idColumn`, `kinds`, `scales`).
        option: &'static str,
        /// The name given.
        column: String,
    },
    /// An option value that cannot be used.
    #[error("{file}option {option:?}: {message}")]
    InvalidOption {
        /// The file.
        file: FileName,
        /// The option.
        option: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// The bytes are a file the import cannot read as a survey (an `.xls`,
    /// a password-protected workbook, a Word document, ...); says what it is.
    #[error("{file}the file is {what}")]
    NotASurvey {
        /// The file.
        file: FileName,
        /// What the file is, and what to do.
        what: &'static str,
    },
    /// A workbook whose parts cannot be read.
    #[error("{file}the workbook cannot be read: {message}")]
    UnreadableWorkbook {
        /// The file.
        file: FileName,
        /// The reader's reason.
        message: String,
    },
    /// A workbook whose parts unpack to more than the limit.
    #[error("{file}the workbook unpacks to {bytes} bytes; the limit is {max} bytes")]
    UnpacksTooLarge {
        /// The file.
        file: FileName,
        /// Declared unpacked bytes.
        bytes: u64,
        /// The limit.
        max: u64,
    },
    /// The `sheet` option names a sheet the workbook does not have.
    #[error("{file}option \"sheet\": the workbook has no sheet {sheet:?}; its sheets are {sheets}")]
    UnknownSheet {
        /// The file.
        file: FileName,
        /// The name given.
        sheet: String,
        /// The workbook's sheets, quoted and joined with commas.
        sheets: String,
    },
    /// A workbook with no used cell in any sheet.
    #[error("{file}every sheet of the workbook is empty ({sheets})")]
    EmptyWorkbook {
        /// The file.
        file: FileName,
        /// The workbook's sheets, quoted and joined with commas.
        sheets: String,
    },
    /// An error in a workbook's sheet, placed as the spreadsheet shows it:
    /// `sheet "Responses", row 5, column C ("Age"): "4o" is not a number`.
    #[error("{file}sheet {sheet:?}{message}")]
    InSheet {
        /// The file.
        file: FileName,
        /// The sheet.
        sheet: String,
        /// The row, as the spreadsheet numbers it.
        row: Option<usize>,
        /// The column's letters (`C`), when the error is about one column.
        letter: Option<String>,
        /// The place and the problem, after the sheet's name.
        message: String,
        /// The error as it would be for a CSV file (no file name).
        error: Box<ImportError>,
    },
}

impl ImportError {
    /// The row the error is about (1-based, the header being row 1), if any.
    pub fn row(&self) -> Option<usize> {
        match self {
            ImportError::UnclosedQuote { row, .. }
            | ImportError::RaggedRow { row, .. }
            | ImportError::DuplicateId { row, .. }
            | ImportError::MissingId { row, .. }
            | ImportError::NotANumber { row, .. } => Some(*row),
            ImportError::DuplicateColumn { .. } => Some(1),
            ImportError::InSheet { row, .. } => *row,
            _ => None,
        }
    }

    /// The column the error is about, if any.
    pub fn column(&self) -> Option<&str> {
        match self {
            ImportError::RaggedRow { column, .. } => column.as_deref(),
            ImportError::DuplicateColumn { column, .. }
            | ImportError::DuplicateId { column, .. }
            | ImportError::MissingId { column, .. }
            | ImportError::NotANumber { column, .. }
            | ImportError::UnknownColumn { column, .. } => Some(column),
            ImportError::InSheet { error, .. } => error.column(),
            _ => None,
        }
    }

    /// For an error in a workbook's sheet, the sheet's name.
    pub fn sheet(&self) -> Option<&str> {
        match self {
            ImportError::InSheet { sheet, .. } => Some(sheet),
            _ => None,
        }
    }

    /// For an error in a workbook's sheet, the letters heading the column
    /// (`C`), when the error is about one column.
    pub fn column_letter(&self) -> Option<&str> {
        match self {
            ImportError::InSheet { letter, .. } => letter.as_deref(),
            _ => None,
        }
    }

    /// The file name given in the options, if any.
    pub fn file_name(&self) -> Option<&str> {
        let file = match self {
            ImportError::TooLarge { file, .. }
            | ImportError::TooManyRows { file, .. }
            | ImportError::TooManyCells { file, .. }
            | ImportError::TooManyColumns { file, .. }
            | ImportError::Empty { file }
            | ImportError::HeaderOnly { file }
            | ImportError::UnclosedQuote { file, .. }
            | ImportError::RaggedRow { file, .. }
            | ImportError::DuplicateColumn { file, .. }
            | ImportError::DuplicateId { file, .. }
            | ImportError::MissingId { file, .. }
            | ImportError::NotANumber { file, .. }
            | ImportError::UnknownColumn { file, .. }
            | ImportError::InvalidOption { file, .. }
            | ImportError::NotASurvey { file, .. }
            | ImportError::UnreadableWorkbook { file, .. }
            | ImportError::UnpacksTooLarge { file, .. }
            | ImportError::UnknownSheet { file, .. }
            | ImportError::EmptyWorkbook { file, .. }
            | ImportError::InSheet { file, .. } => file,
        };
        file.0.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_file_row_and_column() {
        let e = ImportError::NotANumber {
            file: FileName(Some("survey.csv".into())),
            row: 118,
            column: "co_design".into(),
            value: "4o".into(),
        };
        assert_eq!(
            e.to_string(),
            "survey.csv: row 118, column \"co_design\": \"4o\" is not a number"
        );
        assert_eq!(e.row(), Some(118));
        assert_eq!(e.column(), Some("co_design"));
        assert_eq!(e.file_name(), Some("survey.csv"));
    }

    #[test]
    fn message_without_file_has_no_prefix() {
        let e = ImportError::RaggedRow {
            file: FileName(None),
            row: 3,
            expected: 2,
            found: 3,
            column: None,
        };
        assert_eq!(
            e.to_string(),
            "row 3 has 3 cells but the header has 2 (too many)"
        );
    }
}
