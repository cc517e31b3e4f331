//! The import pipeline: limits → decode → sniff → read → infer.

use super::decode::decode;
use super::error::{FileName, ImportError};
use super::infer::{Table, infer};
use super::model::{Survey, Warning, WarningCode};
use super::options::{ImportOptions, MAX_CELLS, MAX_COLUMNS, MAX_INPUT_BYTES, MAX_ROWS};
use super::read::{Record, Records, sniff_delimiter};

/// Reads a survey export (CSV or similar) into a typed [`Survey`].
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
    let text = decode(input, &mut warnings);
    let delimiter = opts.delimiter.unwrap_or_else(|| sniff_delimiter(&text));
    let mut records = Records::new(&text, delimiter).capped(MAX_COLUMNS + 1);
    let headers = read_header(&mut records, &file)?;
    let (columns, rows) = read_rows(records, &headers, &file, &mut warnings)?;
    let table = Table {
        headers,
        columns,
        rows,
        delimiter,
    };
    let inferred = infer(&table, &opts, &mut warnings)?;
    Ok(Survey {
        respondents: table.rows.len(),
        columns: inferred.columns,
        warnings,
        ids: inferred.ids,
        id_column: inferred.id_column,
        delimiter,
        input_hash,
    })
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

/// The column names from the first non-blank record: blank names become
/// `column N`, duplicates are an error.
fn read_header(records: &mut Records, file: &FileName) -> Result<Vec<String>, ImportError> {
    let header = loop {
        match records.next() {
            None => return Err(ImportError::Empty { file: file.clone() }),
            Some(Err(e)) => return Err(with_file(file)(e)),
            Some(Ok(r)) if r.is_blank() => continue,
            Some(Ok(r)) => break r,
        }
    };
    let width = header.width();
    if width > MAX_COLUMNS {
        return Err(ImportError::TooManyColumns {
            file: file.clone(),
            columns: width,
            max: MAX_COLUMNS,
        });
    }
    let mut headers: Vec<String> = Vec::with_capacity(width);
    for (i, cell) in header.cells.iter().enumerate() {
        let name = match cell.trim() {
            "" => format!("column {}", i + 1),
            name => name.to_string(),
        };
        if let Some(first) = headers.iter().position(|h| *h == name) {
            return Err(ImportError::DuplicateColumn {
                file: file.clone(),
                column: name,
                first: first + 1,
                second: i + 1,
            });
        }
        headers.push(name);
    }
    Ok(headers)
}

/// The data rows, column-major and trimmed, with the spreadsheet row of each;
/// blank rows are skipped and counted in a warning.
fn read_rows(
    records: Records,
    headers: &[String],
    file: &FileName,
    warnings: &mut Vec<Warning>,
) -> Result<(Vec<Vec<String>>, Vec<usize>), ImportError> {
    let width = headers.len();
    let mut columns: Vec<Vec<String>> = vec![Vec::new(); width];
    let mut rows = Vec::new();
    // Blank runs are kept as (first row, count): a file of nothing but
    // delimiters must not cost memory per line.
    let mut blanks: Option<(usize, usize)> = None;
    let mut skipped: Option<(usize, usize)> = None;
    for record in records {
        let record = record.map_err(with_file(file))?;
        if record.is_blank() {
            let run = blanks.get_or_insert((record.row, 0));
            run.1 += 1;
            continue;
        }
        if let Some((first, count)) = blanks.take() {
            let run = skipped.get_or_insert((first, 0));
            run.1 += count;
        }
        check_row(&record, headers, rows.len(), file)?;
        rows.push(record.row);
        for (column, cell) in columns.iter_mut().zip(record.cells) {
            let trimmed = cell.trim();
            column.push(if trimmed.len() == cell.len() {
                cell
            } else {
                trimmed.to_string()
            });
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
    record: &Record,
    headers: &[String],
    kept: usize,
    file: &FileName,
) -> Result<(), ImportError> {
    let width = headers.len();
    let found = record.width();
    if found != width {
        return Err(ImportError::RaggedRow {
            file: file.clone(),
            row: record.row,
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
        assert!(!over_cell_limit(10_000, 1_000));
        assert!(over_cell_limit(10_001, 1_000));
        assert!(!over_cell_limit(1_000_000, 10));
        assert!(over_cell_limit(usize::MAX, 2));
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
