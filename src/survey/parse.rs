//! The import pipeline: limits → format (text or workbook) → decode and
//! sniff, or read the sheet → records → header → rows → infer.

use super::cells::Cells;
use super::decode::decode;
use super::error::{FileName, ImportError};
use super::headers::{Header, combine, header_rows, unique_names};
use super::infer::{Table, infer, response_status};
use super::model::{Survey, Warning, WarningCode};
use super::options::{Checked, ImportOptions, MAX_CELLS, MAX_COLUMNS, MAX_INPUT_BYTES, MAX_ROWS};
use super::read::{Record, Records, Row, sniff_delimiter};
use super::workbook::{
    self, Format, MAX_UNPACKED_BYTES, Sheet, SheetError, column_letter, read_sheet,
};

/// Reads a survey export (CSV or similar, or an XLSX or ODS workbook,
/// recognised by its bytes) into a typed [`Survey`].
///
/// Limits ([`MAX_INPUT_BYTES`], [`MAX_COLUMNS`], [`MAX_ROWS`], [`MAX_CELLS`]) are checked
/// before the work they guard. Rows in errors and warnings are 1-based as a
/// spreadsheet shows them, the header being row 1.
///
/// ```
/// use citizen_segments::survey::{parse_survey, ColumnKind, ImportOptions};
/// let csv = "id,co_design\nr1,Very interested\nr2,Don't know\nr3,Not at all interested\n";
/// let survey = parse_survey(csv.as_bytes(), &ImportOptions::default()).unwrap();
/// let column = survey.column("co_design").unwrap();
/// assert_eq!(column.kind, ColumnKind::Likert);
/// assert_eq!(column.missing, 1);
/// assert_eq!(survey.ids, ["r1", "r2", "r3"]);
/// ```
pub fn parse_survey(input: &[u8], options: &ImportOptions) -> Result<Survey, ImportError> {
    let opts = options.check()?;
    let file = opts.file.clone();
    if input.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            file,
            bytes: input.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    let input_hash = format!("{:016x}", fnv1a64(input));
    let mut warnings = Vec::new();
    let format = workbook::detect(input);
    let survey = match format {
        Format::Text => {
            let text = decode(input, &mut warnings);
            let delimiter = opts.delimiter.unwrap_or_else(|| sniff_delimiter(&text));
            let mut records = Records::new(&text, delimiter).capped(MAX_COLUMNS + 1);
            read_table(&mut records, delimiter, &opts, warnings)?
        }
        Format::Refused(what) => return Err(ImportError::NotASurvey { file, what }),
        Format::Xlsx | Format::Ods => read_workbook(input, format, &opts, warnings)?,
    };
    Ok(Survey {
        input_hash,
        ..survey
    })
}

/// Where a table's records come from: the header rows are read as records,
/// the data rows into one reused [`Row`] (the CSV reader fills it without an
/// allocation per cell).
trait Source {
    fn next_record(&mut self) -> Option<Result<Record, ImportError>>;
    fn next_row(&mut self, row: &mut Row) -> Option<Result<(), ImportError>>;
}

impl Source for Records<'_> {
    fn next_record(&mut self) -> Option<Result<Record, ImportError>> {
        self.next()
    }

    fn next_row(&mut self, row: &mut Row) -> Option<Result<(), ImportError>> {
        self.read_row(row)
    }
}

impl Source for std::vec::IntoIter<Record> {
    fn next_record(&mut self) -> Option<Result<Record, ImportError>> {
        self.next().map(Ok)
    }

    fn next_row(&mut self, row: &mut Row) -> Option<Result<(), ImportError>> {
        self.next().map(|record| {
            row.fill(&record);
            Ok(())
        })
    }
}

/// Header, rows, response status and inference over records, whichever file
/// they come from.
fn read_table(
    records: &mut impl Source,
    delimiter: u8,
    opts: &Checked,
    mut warnings: Vec<Warning>,
) -> Result<Survey, ImportError> {
    let file = &opts.file;
    let (headers, ahead) = read_header(&mut std::iter::from_fn(|| records.next_record()), file)?;
    let (codes, headers): (Vec<Option<String>>, Vec<String>) =
        headers.into_iter().map(|h| (h.code, h.name)).unzip();
    let (columns, rows) = read_rows(ahead, records, &headers, file, &mut warnings)?;
    let mut table = Table {
        headers,
        codes,
        columns,
        rows,
        delimiter,
    };
    response_status(&mut table, &mut warnings);
    let inferred = infer(&table, opts, &mut warnings)?;
    Ok(Survey {
        respondents: table.rows.len(),
        columns: inferred.columns,
        warnings,
        ids: inferred.ids,
        id_column: inferred.id_column,
        delimiter,
        input_hash: String::new(),
    })
}

/// A workbook's sheet (the `sheet` option's, or the first with cells) read
/// as a table; errors name the sheet, row and column letters.
fn read_workbook(
    input: &[u8],
    format: Format,
    opts: &Checked,
    mut warnings: Vec<Warning>,
) -> Result<Survey, ImportError> {
    let file = opts.file.clone();
    let bytes = workbook::unpacked_bytes(input);
    if bytes > MAX_UNPACKED_BYTES {
        return Err(ImportError::UnpacksTooLarge {
            file,
            bytes,
            max: MAX_UNPACKED_BYTES,
        });
    }
    let mut sheet = read_sheet(input, format, opts.sheet.as_deref(), &mut warnings)
        .map_err(|e| sheet_error(e, &file, opts.sheet.as_deref()))?;
    // The inner errors are placed by `in_sheet`, which adds the file name.
    let inner = Checked {
        file: FileName(None),
        ..opts.clone()
    };
    let header_row = sheet.records.first().map(|r| r.row);
    let headers = sheet_headers(&sheet, &inner);
    let mut records = std::mem::take(&mut sheet.records).into_iter();
    read_table(&mut records, b',', &inner, warnings)
        .map_err(|e| in_sheet(e, &file, &sheet, &headers, header_row))
}

/// The combined column names of a sheet, as `read_table` makes them, for
/// finding a column's letters; empty when the header cannot be read.
fn sheet_headers(sheet: &Sheet, opts: &Checked) -> Vec<String> {
    // Only the first few records are read: the header rows and two more.
    let mut records = sheet.records.iter().cloned().map(Ok);
    read_header(&mut records, &opts.file)
        .map(|(headers, _)| headers.into_iter().map(|h| h.name).collect())
        .unwrap_or_default()
}

/// A sheet-reading failure as an import error.
fn sheet_error(e: SheetError, file: &FileName, wanted: Option<&str>) -> ImportError {
    let file = file.clone();
    match e {
        SheetError::Unreadable(message) => ImportError::UnreadableWorkbook { file, message },
        SheetError::Unknown(names) => ImportError::UnknownSheet {
            file,
            sheet: wanted.unwrap_or_default().to_string(),
            sheets: workbook::quoted(&names),
        },
        SheetError::AllEmpty(names) => ImportError::EmptyWorkbook {
            file,
            sheets: workbook::quoted(&names),
        },
        SheetError::TooWide(columns) => ImportError::TooManyColumns {
            file,
            columns,
            max: MAX_COLUMNS,
        },
        SheetError::TooManyCells => ImportError::TooManyCells {
            file,
            max: MAX_CELLS,
        },
    }
}

/// Places an error from a sheet's table as the spreadsheet shows it: the
/// sheet, the row, and the column's letters with its name.
fn in_sheet(
    error: ImportError,
    file: &FileName,
    sheet: &Sheet,
    headers: &[String],
    header_row: Option<usize>,
) -> ImportError {
    let letter_at = |i: usize| column_letter(sheet.first_column + i);
    let letter_of = |name: &str| headers.iter().position(|h| h == name).map(letter_at);
    let (row, letter, message) = match &error {
        ImportError::NotANumber {
            row, column, value, ..
        } => (
            Some(*row),
            letter_of(column),
            format!("{value:?} is not a number"),
        ),
        ImportError::DuplicateId {
            row,
            column,
            value,
            first_row,
            ..
        } => (
            Some(*row),
            letter_of(column),
            format!("the id {value:?} already appears in row {first_row}"),
        ),
        ImportError::MissingId { row, column, .. } => {
            (Some(*row), letter_of(column), "the id is blank".to_string())
        }
        ImportError::DuplicateColumn {
            column,
            first,
            second,
            ..
        } => (
            header_row,
            Some(letter_at(second - 1)),
            format!(
                "the column name {column:?} also heads column {}",
                letter_at(first - 1)
            ),
        ),
        other => (None, None, other.to_string()),
    };
    let place = match (row, &letter, error.column()) {
        (Some(r), Some(l), Some(name)) if !matches!(error, ImportError::DuplicateColumn { .. }) => {
            format!(", row {r}, column {l} ({name:?}): {message}")
        }
        (Some(r), Some(l), _) => format!(", row {r}, column {l}: {message}"),
        (Some(r), None, _) => format!(", row {r}: {message}"),
        _ => format!(": {message}"),
    };
    ImportError::InSheet {
        file: file.clone(),
        sheet: sheet.name.clone(),
        row,
        letter,
        message: place,
        error: Box::new(error),
    }
}

/// The reader's errors carry no file name; this adds it.
fn with_file(file: &FileName) -> impl Fn(ImportError) -> ImportError + '_ {
    move |e| match e {
        ImportError::UnclosedQuote { row, .. } => ImportError::UnclosedQuote {
            file: file.clone(),
            row,
        },
        other => other,
    }
}

/// Records read ahead of the data while looking for header rows.
type ReadAhead = Vec<Result<Record, ImportError>>;

/// The column headers from the first non-blank record and, when they are
/// header rows too, the one or two records after it (see `headers`); the
/// records read ahead that are data come back to be read as rows.
fn read_header(
    records: &mut impl Iterator<Item = Result<Record, ImportError>>,
    file: &FileName,
) -> Result<(Vec<Header>, ReadAhead), ImportError> {
    let first = loop {
        match records.next() {
            None => return Err(ImportError::Empty { file: file.clone() }),
            Some(Err(e)) => return Err(with_file(file)(e)),
            Some(Ok(r)) if r.is_blank() => continue,
            Some(Ok(r)) => break r,
        }
    };
    let width = first.width();
    if width > MAX_COLUMNS {
        return Err(ImportError::TooManyColumns {
            file: file.clone(),
            columns: width,
            max: MAX_COLUMNS,
        });
    }
    let mut ahead: Vec<Result<Record, ImportError>> = records.by_ref().take(2).collect();
    let next: Vec<&[String]> = ahead
        .iter()
        .map_while(|r| r.as_ref().ok().filter(|r| !r.is_blank()))
        .map(|r| r.cells.as_slice())
        .collect();
    let count = header_rows(&first.cells, &next);
    let mut rows: Vec<&[String]> = vec![first.cells.as_slice()];
    rows.extend(next.iter().take(count - 1));
    let mut headers = combine(&rows);
    ahead.drain(..count - 1);
    if let Err((column, first, second)) = unique_names(&mut headers, count) {
        return Err(ImportError::DuplicateColumn {
            file: file.clone(),
            column,
            first,
            second,
        });
    }
    Ok((headers, ahead))
}

/// The data rows (the records read ahead, then the rest), column-major and
/// trimmed, with the spreadsheet row of each; blank rows are skipped and
/// counted in a warning.
fn read_rows(
    ahead: ReadAhead,
    records: &mut impl Source,
    headers: &[String],
    file: &FileName,
    warnings: &mut Vec<Warning>,
) -> Result<(Vec<Cells>, Vec<usize>), ImportError> {
    let width = headers.len();
    let mut columns: Vec<Cells> = vec![Cells::new(); width];
    let mut rows = Vec::new();
    // Blank runs are kept as (first row, count): a file of nothing but
    // delimiters must not cost memory per line.
    let mut blanks: Option<(usize, usize)> = None;
    let mut skipped: Option<(usize, usize)> = None;
    let mut row = Row::default();
    let mut ahead = ahead.into_iter();
    loop {
        let next = match ahead.next() {
            Some(record) => Some(record.map(|r| row.fill(&r))),
            None => records.next_row(&mut row),
        };
        let Some(next) = next else { break };
        next.map_err(with_file(file))?;
        if row.is_blank() {
            let run = blanks.get_or_insert((row.row, 0));
            run.1 += 1;
            continue;
        }
        if let Some((first, count)) = blanks.take() {
            let run = skipped.get_or_insert((first, 0));
            run.1 += count;
        }
        check_row(&row, headers, rows.len(), file)?;
        rows.push(row.row);
        for (column, cell) in columns.iter_mut().zip(row.cells()) {
            column.push(cell.trim());
        }
    }
    blank_warnings(skipped, blanks, warnings);
    if rows.is_empty() {
        return Err(ImportError::HeaderOnly { file: file.clone() });
    }
    Ok((columns, rows))
}

/// A data row must have the header's width and stay within the row and cell
/// limits (`kept` rows are already stored).
fn check_row(
    row: &Row,
    headers: &[String],
    kept: usize,
    file: &FileName,
) -> Result<(), ImportError> {
    let width = headers.len();
    let found = row.width();
    if found != width {
        return Err(ImportError::RaggedRow {
            file: file.clone(),
            row: row.row,
            expected: width,
            found,
            column: headers.get(found).filter(|_| found < width).cloned(),
        });
    }
    if kept >= MAX_ROWS {
        return Err(ImportError::TooManyRows {
            file: file.clone(),
            max: MAX_ROWS,
        });
    }
    if over_cell_limit(kept + 1, width) {
        return Err(ImportError::TooManyCells {
            file: file.clone(),
            max: MAX_CELLS,
        });
    }
    Ok(())
}

/// Warnings for blank rows skipped between answers and at the end.
fn blank_warnings(
    skipped: Option<(usize, usize)>,
    trailing: Option<(usize, usize)>,
    warnings: &mut Vec<Warning>,
) {
    if let Some((first, count)) = skipped {
        warnings.push(Warning {
            code: WarningCode::Other,
            column: None,
            row: Some(first),
            message: format!(
                "{count} blank row(s) between answers were skipped, the first at row {first}"
            ),
        });
    }
    if let Some((first, count)) = trailing {
        warnings.push(Warning {
            code: WarningCode::TrailingBlankLines,
            column: None,
            row: Some(first),
            message: format!("{count} blank line(s) at the end, from row {first}, were ignored"),
        });
    }
}

/// True when `rows` data rows of `width` cells exceed [`MAX_CELLS`].
fn over_cell_limit(rows: usize, width: usize) -> bool {
    rows.saturating_mul(width) > MAX_CELLS
}

/// FNV-1a, 64-bit.
pub(crate) fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    fn opts() -> ImportOptions {
        ImportOptions {
            file_name: Some("big.csv".into()),
            ..Default::default()
        }
    }

    #[test]
    fn too_large_is_refused_before_decoding() {
        let input = vec![0u8; MAX_INPUT_BYTES + 1];
        let e = parse_survey(&input, &opts()).unwrap_err();
        assert!(matches!(e, ImportError::TooLarge { .. }));
        assert!(e.to_string().starts_with("big.csv: the file is"));
    }

    #[test]
    fn too_many_rows_is_refused() {
        let mut csv = String::with_capacity(2 * MAX_ROWS + 16);
        csv.push_str("a\n");
        for _ in 0..=MAX_ROWS {
            csv.push_str("1\n");
        }
        let e = parse_survey(csv.as_bytes(), &opts()).unwrap_err();
        assert!(matches!(e, ImportError::TooManyRows { .. }), "{e}");
    }

    #[test]
    fn cell_limit_counts_rows_times_columns() {
        // A million respondents × 60 questions and 30,000 × 2,000 pass.
        assert!(!over_cell_limit(1_000_000, 60));
        assert!(!over_cell_limit(30_000, 2_000));
        assert!(!over_cell_limit(MAX_CELLS, 1));
        assert!(over_cell_limit(MAX_CELLS / 100 + 1, 100));
        assert!(over_cell_limit(usize::MAX, 2));
        let e = ImportError::TooManyCells {
            file: FileName(Some("big.csv".into())),
            max: MAX_CELLS,
        };
        assert_eq!(
            e.to_string(),
            format!(
                "big.csv: the file has more than {MAX_CELLS} answer cells (rows × columns): at about \
                 60 bytes each from import to segments, more would need over 3840 MiB of memory"
            )
        );
    }

    #[test]
    fn blank_runs_are_counted_not_stored() {
        let mut csv = String::from("a,b\n1,2\n");
        csv.push_str(&",\n".repeat(1000));
        let s = parse_survey(csv.as_bytes(), &opts()).unwrap();
        assert_eq!(s.warnings[0].code, WarningCode::TrailingBlankLines);
        assert_eq!(s.warnings[0].row, Some(3));
        assert!(s.warnings[0].message.starts_with("1000 blank line(s)"));
    }

    #[test]
    fn a_huge_ragged_row_is_counted_not_stored() {
        let mut csv = String::from("a,b\n1,2\n");
        csv.push_str(&",".repeat(100_000));
        let e = parse_survey(csv.as_bytes(), &opts()).unwrap_err();
        assert!(e.to_string().contains("row 3 has 100001 cells"), "{e}");
        let e = parse_survey(",".repeat(100_000).as_bytes(), &opts()).unwrap_err();
        assert!(
            matches!(
                e,
                ImportError::TooManyColumns {
                    columns: 100_001,
                    ..
                }
            ),
            "{e}"
        );
    }

    #[test]
    fn two_thousand_columns_pass_and_the_column_limit_is_excels() {
        let width = 2_000;
        let header: Vec<String> = (0..width).map(|i| format!("Q{i}: option {i}")).collect();
        let mut csv = format!("id,{}\n", header.join(","));
        for r in 0..50 {
            let row: Vec<&str> = (0..width)
                .map(|i| if (i + r) % 3 == 0 { "1" } else { "0" })
                .collect();
            csv.push_str(&format!("r{r},{}\n", row.join(",")));
        }
        let s = parse_survey(csv.as_bytes(), &opts()).unwrap();
        assert_eq!(s.respondents, 50);
        assert_eq!(s.columns.len(), width + 1);
        let wide = vec!["c"; MAX_COLUMNS + 1]
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c}{i}"))
            .collect::<Vec<_>>()
            .join(",");
        let e = parse_survey(format!("{wide}\n").as_bytes(), &opts()).unwrap_err();
        assert!(
            e.to_string()
                .contains("the header has 16385 columns; the limit is 16384"),
            "{e}"
        );
    }

    #[test]
    fn header_rows_are_not_respondents_and_rows_keep_their_numbers() {
        // Qualtrics: codes, question text (with a line break), ImportIds;
        // the typo is in spreadsheet row 5.
        let csv = "ResponseId,Q1\nResponse ID,\"How old\nare you?\"\n{\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1\"}\nR_1,34\nR_2,4o\nR_3,56\nR_4,61\nR_5,22\nR_6,40\nR_7,38\nR_8,29\nR_9,70\nR_10,45\n";
        let e = parse_survey(csv.as_bytes(), &opts()).unwrap_err();
        assert_eq!(e.row(), Some(5), "{e}");
        let ok = csv.replace("4o", "41");
        let s = parse_survey(ok.as_bytes(), &opts()).unwrap();
        assert_eq!(s.respondents, 10);
        let q1 = s.column("How old are you?").unwrap();
        assert_eq!(q1.code.as_deref(), Some("Q1"));
        assert_eq!(s.ids.first().map(String::as_str), Some("R_1"));
        // SurveyMonkey: two rows; a ragged row is named by its own row.
        let sm = "Respondent ID,Age,Pick,\n,Response,A,B\n1001,34,A,\n1002,41,,B,extra\n";
        let e = parse_survey(sm.as_bytes(), &opts()).unwrap_err();
        assert_eq!(e.row(), Some(4), "{e}");
    }

    #[test]
    fn leading_blank_lines_keep_spreadsheet_rows() {
        let s = parse_survey(b"\n\na,b\n1,x\n", &opts()).unwrap();
        assert_eq!(s.ids, ["4"]);
    }

    #[test]
    fn blank_header_cells_get_a_name() {
        let s = parse_survey(b"a,,\n1,x,\n2,y,\n", &opts()).unwrap();
        let names: Vec<&str> = s.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["a", "column 2", "column 3"]);
    }
}
