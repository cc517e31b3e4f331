//! Spreadsheet workbooks: which kind of file the bytes are, and an XLSX or
//! ODS sheet as records of cells.
//!
//! A workbook is recognised by its bytes, never by a file name: a zip archive
//! holding `xl/workbook.xml` is XLSX, one whose `mimetype` names an
//! OpenDocument spreadsheet (or holding `content.xml` beside a spreadsheet
//! manifest) is ODS. Other zip archives (Word, PowerPoint, `.xlsb`) and OLE
//! compound files (Excel 97–2003 `.xls`, and password-protected workbooks,
//! which Excel stores encrypted inside one) are refused with what they are.
//!
//! Cells keep their types: numbers are written in the shortest form that reads
//! back as the same number (`3`, `0.25`), dates as `2024-03-10 13:19:08`
//! (`2024-03-10` for a whole day, `13:19:08` for a time of day), durations as
//! `0:05:42`, booleans as `TRUE`/`FALSE`, as the spreadsheet shows them.
//! Formula errors (`#DIV/0!`, `#N/A`) are missing answers, counted in one
//! warning. Rows keep the number the spreadsheet shows, and the columns'
//! letters are kept for messages.
//!
//! The readers are written here over `miniz_oxide` (inflate) and `quick-xml`:
//! calamine, the well-kept general reader, adds about 187 KB to the gzipped
//! .wasm, over the 150 KB this project allows for spreadsheets; these parts
//! add much less, and read only cells that hold something, so a sheet with
//! two cells far apart, or an ODS row of repeated cells, costs memory only
//! for what it holds.

mod archive;
mod ods;
mod xlsx;
mod xml;

use archive::Archive;

use super::model::{Warning, WarningCode};
use super::options::{MAX_CELLS, MAX_COLUMNS};
use super::read::Record;

/// What the bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// Not a workbook: read as delimited text.
    Text,
    /// An Office Open XML workbook.
    Xlsx,
    /// An OpenDocument spreadsheet.
    Ods,
    /// A file that is not a survey the import can read; says what it is.
    Refused(&'static str),
}

/// The zip local-file signature every XLSX and ODS starts with.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The OLE compound-file signature of `.xls`, `.doc` and encrypted workbooks.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Most bytes the archive's parts may unpack to, so that a small archive
/// cannot unpack to gigabytes (a "zip bomb").
pub(crate) const MAX_UNPACKED_BYTES: u64 = 1024 * 1024 * 1024;

/// Recognises the bytes' format.
pub(crate) fn detect(input: &[u8]) -> Format {
    if input.starts_with(OLE_MAGIC) {
        return if contains_utf16(input, "EncryptedPackage") {
            Format::Refused(
                "a password-protected workbook; remove the password in Excel (File → Info → \
                 Protect Workbook) and save it again, or save it as CSV",
            )
        } else if contains_utf16(input, "Workbook") || contains_utf16(input, "Book") {
            Format::Refused(
                "an Excel 97–2003 workbook (.xls); save it as .xlsx (Excel Workbook) or CSV",
            )
        } else {
            Format::Refused(
                "an Office 97–2003 document, not a spreadsheet; save the survey as .xlsx or CSV",
            )
        };
    }
    if !input.starts_with(ZIP_MAGIC) {
        return Format::Text;
    }
    let Some(archive) = Archive::open(input) else {
        return Format::Refused("a damaged zip archive (it cannot be opened)");
    };
    let has = |name: &str| archive.entry(name).is_some();
    if has("xl/workbook.xml") {
        Format::Xlsx
    } else if has("content.xml") && ods_mimetype(&archive) {
        Format::Ods
    } else if has("xl/workbook.bin") {
        Format::Refused("an Excel binary workbook (.xlsb); save it as .xlsx or CSV")
    } else if has("word/document.xml") {
        Format::Refused("a Word document, not a spreadsheet")
    } else if has("ppt/presentation.xml") {
        Format::Refused("a PowerPoint presentation, not a spreadsheet")
    } else if has("content.xml") {
        Format::Refused("an OpenDocument file that is not a spreadsheet")
    } else {
        Format::Refused("a zip archive that holds no XLSX or ODS workbook")
    }
}

/// True when an OpenDocument archive says it is a spreadsheet, in the
/// `mimetype` part ODF puts first.
fn ods_mimetype(archive: &Archive) -> bool {
    archive.read("mimetype", 200).is_ok_and(|m| {
        String::from_utf8_lossy(&m).trim() == "application/vnd.oasis.opendocument.spreadsheet"
    })
}

/// True when `bytes` hold `name` in UTF-16LE (how OLE directories store names).
fn contains_utf16(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// Declared unpacked size of every part, added up (0 when the archive
/// cannot be opened).
pub(crate) fn unpacked_bytes(input: &[u8]) -> u64 {
    Archive::open(input).map_or(0, |a| a.unpacked())
}

/// Why a sheet could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SheetError {
    /// The reader failed; the text says why.
    Unreadable(String),
    /// The `sheet` option names no sheet; these are the sheets.
    Unknown(Vec<String>),
    /// Every sheet is empty; these are the sheets.
    AllEmpty(Vec<String>),
    /// The sheet is wider than [`MAX_COLUMNS`].
    TooWide(usize),
    /// The sheet's rows × columns exceed [`MAX_CELLS`].
    TooManyCells,
}

/// One sheet read into records.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sheet {
    /// The sheet's name as the workbook shows it.
    pub name: String,
    /// Every sheet, in workbook order.
    pub names: Vec<String>,
    /// Rows from the first used row to the last, each as wide as the used
    /// area, numbered as the spreadsheet numbers them.
    pub records: Vec<Record>,
    /// 0-based index of the used area's first column (0 is column A).
    pub first_column: usize,
}

/// One used cell: 0-based row and column, and its text.
type Cell = (u32, u32, String);

/// What a reader found: every sheet's name, and the chosen sheet's cells
/// (the named one, or the first with a used cell; `None` when there is
/// none).
struct Found {
    names: Vec<String>,
    sheet: Option<(String, Vec<Cell>)>,
}

/// Reads the sheet named `wanted`, or the first sheet with a used cell.
pub(crate) fn read_sheet(
    input: &[u8],
    format: Format,
    wanted: Option<&str>,
    warnings: &mut Vec<Warning>,
) -> Result<Sheet, SheetError> {
    let archive = Archive::open(input)
        .ok_or_else(|| SheetError::Unreadable("the zip archive is damaged".into()))?;
    let found = match format {
        Format::Ods => ods::read(&archive, wanted)?,
        _ => xlsx::read(&archive, wanted)?,
    };
    match found.sheet {
        Some((name, cells)) => dense(name, found.names, cells, warnings),
        None if wanted.is_some() => Err(SheetError::Unknown(found.names)),
        None => Err(SheetError::AllEmpty(found.names)),
    }
}

/// Lays used cells out as full rows over the used area, within the limits.
fn dense(
    name: String,
    names: Vec<String>,
    cells: Vec<Cell>,
    warnings: &mut Vec<Warning>,
) -> Result<Sheet, SheetError> {
    let bounds = cells
        .iter()
        .fold(None, |b: Option<(u32, u32, u32, u32)>, &(r, c, _)| {
            Some(b.map_or((r, r, c, c), |(r0, r1, c0, c1)| {
                (r0.min(r), r1.max(r), c0.min(c), c1.max(c))
            }))
        });
    let (row0, row1, col0, col1) = bounds.unwrap_or((0, 0, 0, 0));
    let width = (col1 - col0) as usize + 1;
    let height = if cells.is_empty() {
        0
    } else {
        (row1 - row0) as usize + 1
    };
    if width > MAX_COLUMNS {
        return Err(SheetError::TooWide(width));
    }
    if height.saturating_mul(width) > MAX_CELLS {
        return Err(SheetError::TooManyCells);
    }
    let mut records: Vec<Record> = (0..height)
        .map(|i| Record {
            row: row0 as usize + i + 1,
            cells: vec![String::new(); width],
            dropped: 0,
        })
        .collect();
    let mut errors = (0usize, None);
    for (r, c, text) in cells {
        let record = &mut records[(r - row0) as usize];
        let slot = &mut record.cells[(c - col0) as usize];
        if text.starts_with('#') && is_formula_error(&text) {
            errors.0 += 1;
            errors
                .1
                .get_or_insert((record.row, column_letter(c as usize)));
            continue;
        }
        *slot = text;
    }
    if let (count, Some((row, letter))) = errors {
        warnings.push(Warning {
            code: WarningCode::Other,
            column: None,
            row: Some(row),
            message: format!(
                "sheet {name:?}: {count} cell(s) hold a formula error (such as #DIV/0! or #N/A), \
                 the first at row {row}, column {letter}; they were read as missing"
            ),
        });
    }
    if names.len() > 1 {
        warnings.push(Warning {
            code: WarningCode::Other,
            column: None,
            row: None,
            message: format!(
                "the workbook has {} sheets ({}); sheet {name:?} was read (the option `sheet` picks another)",
                names.len(),
                quoted(&names)
            ),
        });
    }
    Ok(Sheet {
        name,
        names,
        records,
        first_column: col0 as usize,
    })
}

/// The texts a cell error is written as.
fn is_formula_error(text: &str) -> bool {
    matches!(
        text,
        "#DIV/0!" | "#N/A" | "#NAME?" | "#NULL!" | "#NUM!" | "#REF!" | "#VALUE!" | "#DATA!"
    )
}

/// `"a", "b"`: sheet names for messages.
pub(crate) fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The letters a spreadsheet heads the 0-based column `index` with (`A`,
/// `Z`, `AA`, `XFD`).
pub(crate) fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The shortest text that reads back as `f` (`3`, not `3.0`).
fn number(f: f64) -> String {
    if f.is_finite() {
        format!("{f}")
    } else {
        String::new()
    }
}

/// An Excel serial date-time (days since 1899-12-30, or since 1904-01-01
/// when `date1904`) as `YYYY-MM-DD hh:mm:ss`, `YYYY-MM-DD` for a whole day,
/// `hh:mm:ss` for a time of day.
fn date_time(serial: f64, date1904: bool) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return number(serial);
    }
    let seconds = (serial * 86_400.0).round() as i64;
    let (mut days, secs) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let time = format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60);
    if serial < 1.0 && !date1904 {
        return time;
    }
    // Excel counts 1900-02-29, which never was: serials before it are one
    // day later than the days since 1899-12-30.
    if !date1904 && days < 61 {
        days += 1;
    }
    let (y, m, d) = civil(days - if date1904 { 24_107 } else { 25_569 });
    let date = format!("{y:04}-{m:02}-{d:02}");
    if secs == 0 {
        date
    } else {
        format!("{date} {time}")
    }
}

/// Days since 1970-01-01 as (year, month, day), proleptic Gregorian.
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Seconds as `h:mm:ss` (`-` before a negative duration).
fn clock(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// An ISO 8601 duration as ODS writes it (`PT00H05M42S`, `P1DT2H`) as
/// `h:mm:ss`; `None` for anything else.
fn iso_duration(text: &str) -> Option<String> {
    let rest = text.strip_prefix("PT").or_else(|| text.strip_prefix('P'))?;
    let mut seconds = 0f64;
    let mut digits = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' | '.' => digits.push(c),
            'T' if digits.is_empty() => {}
            'D' | 'H' | 'M' | 'S' => {
                let n: f64 = digits.parse().ok()?;
                seconds += n * match c {
                    'D' => 86_400.0,
                    'H' => 3_600.0,
                    'M' => 60.0,
                    _ => 1.0,
                };
                digits.clear();
            }
            _ => return None,
        }
    }
    (digits.is_empty() && seconds < 1e12).then(|| clock(seconds.round() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_as_excel_shows_them() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
        assert_eq!(column_letter(16_383), "XFD");
    }

    #[test]
    fn numbers_dates_and_durations_as_the_sheet_shows_them() {
        assert_eq!(number(3.0), "3");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(-4.5), "-4.5");
        assert_eq!(date_time(45_943.5, false), "2025-10-13 12:00:00");
        assert_eq!(date_time(45_943.0, false), "2025-10-13");
        assert_eq!(date_time(0.75, false), "18:00:00");
        assert_eq!(date_time(1.0, false), "1900-01-01");
        assert_eq!(date_time(59.0, false), "1900-02-28");
        assert_eq!(date_time(61.0, false), "1900-03-01");
        assert_eq!(date_time(25_569.0, false), "1970-01-01");
        assert_eq!(date_time(0.0, true), "1904-01-01");
        assert_eq!(date_time(44_486.0 - 1_462.0, true), "2021-10-17");
        assert_eq!(clock(342), "0:05:42");
        assert_eq!(iso_duration("PT00H05M42S").as_deref(), Some("0:05:42"));
        assert_eq!(iso_duration("P1DT2H").as_deref(), Some("26:00:00"));
        assert_eq!(iso_duration("soon"), None);
    }

    #[test]
    fn refuses_what_is_not_a_workbook_and_says_what_it_is() {
        assert_eq!(detect(b"id,q\n1,2\n"), Format::Text);
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(matches!(detect(&ole), Format::Refused(w) if w.contains("password")));
        let mut xls = OLE_MAGIC.to_vec();
        xls.extend("Workbook".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(matches!(detect(&xls), Format::Refused(w) if w.contains(".xls")));
        assert!(matches!(detect(b"PK\x03\x04junk"), Format::Refused(w) if w.contains("damaged")));
    }
}
