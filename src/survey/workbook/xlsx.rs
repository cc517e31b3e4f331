//! An XLSX workbook's sheets: names and parts from `xl/workbook.xml` and its
//! relationships, text from the shared strings, which cells are dates from
//! the styles' number formats, and the cells of a sheet.

use quick_xml::events::{BytesStart, Event};

use super::archive::Archive;
use super::xml::{attr, reader};
use super::{Cell, Found, MAX_UNPACKED_BYTES, SheetError, clock, date_time, number};
use crate::survey::options::MAX_CELLS;

/// How a numeric cell is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Number,
    Date,
    Duration,
}

/// The workbook's parts that the sheets need.
struct Book {
    /// (sheet name, part path), in workbook order.
    sheets: Vec<(String, String)>,
    strings: Vec<String>,
    /// How each cell style (`s` attribute) shows numbers.
    styles: Vec<Shown>,
    date1904: bool,
}

fn part(archive: &Archive, name: &str) -> Result<Vec<u8>, SheetError> {
    archive
        .read(name, MAX_UNPACKED_BYTES as usize)
        .map_err(|e| SheetError::Unreadable(e.to_string()))
}

fn damaged(name: &str) -> impl Fn(quick_xml::Error) -> SheetError + '_ {
    move |e| SheetError::Unreadable(format!("the part {name:?} is not well-formed XML ({e})"))
}

/// Reads the sheet named `wanted`, or the first with a used cell.
pub(super) fn read(archive: &Archive, wanted: Option<&str>) -> Result<Found, SheetError> {
    let book = book(archive)?;
    let names: Vec<String> = book.sheets.iter().map(|(n, _)| n.clone()).collect();
    for (name, path) in &book.sheets {
        if wanted.is_some_and(|w| w != name) {
            continue;
        }
        let cells = if archive.entry(path).is_some() {
            sheet_cells(&part(archive, path)?, path, &book)?
        } else {
            Vec::new() // a chart sheet or a missing part: no cells
        };
        if wanted.is_some() || !cells.is_empty() {
            return Ok(Found {
                names,
                sheet: Some((name.clone(), cells)),
            });
        }
    }
    Ok(Found { names, sheet: None })
}

fn book(archive: &Archive) -> Result<Book, SheetError> {
    let rels = relationships(archive)?;
    let target = |suffix: &str| {
        rels.iter()
            .find(|(_, kind, _)| kind.ends_with(suffix))
            .map(|(_, _, t)| t.clone())
    };
    let (named, date1904) = workbook(&part(archive, "xl/workbook.xml")?)?;
    let sheets = named
        .into_iter()
        .filter_map(|(name, id)| {
            let (_, _, path) = rels.iter().find(|(i, _, _)| *i == id)?;
            Some((name, path.clone()))
        })
        .collect();
    let strings = match target("/sharedStrings") {
        Some(path) if archive.entry(&path).is_some() => shared_strings(&part(archive, &path)?)?,
        _ => Vec::new(),
    };
    let styles = match target("/styles") {
        Some(path) if archive.entry(&path).is_some() => styles(&part(archive, &path)?)?,
        _ => Vec::new(),
    };
    Ok(Book {
        sheets,
        strings,
        styles,
        date1904,
    })
}

/// (id, type, part path under the archive root) of the workbook's relationships.
fn relationships(archive: &Archive) -> Result<Vec<(String, String, String)>, SheetError> {
    let name = "xl/_rels/workbook.xml.rels";
    let bytes = part(archive, name)?;
    let mut xml = reader(&bytes);
    let mut out = Vec::new();
    loop {
        match xml.read_event().map_err(damaged(name))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let (Some(id), Some(target)) = (attr(&e, b"Id"), attr(&e, b"Target")) else {
                    continue;
                };
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{target}"),
                };
                out.push((id, attr(&e, b"Type").unwrap_or_default(), path));
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The sheets' (name, relationship id) and whether dates count from 1904.
fn workbook(bytes: &[u8]) -> Result<(Vec<(String, String)>, bool), SheetError> {
    let mut xml = reader(bytes);
    let mut sheets = Vec::new();
    let mut date1904 = false;
    loop {
        match xml.read_event().map_err(damaged("xl/workbook.xml"))? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"sheet" => {
                    if let (Some(name), Some(id)) = (attr(&e, b"name"), attr(&e, b"id")) {
                        sheets.push((name, id));
                    }
                }
                b"workbookPr" => {
                    date1904 = matches!(attr(&e, b"date1904").as_deref(), Some("1" | "true"));
                }
                _ => {}
            },
            Event::Eof => return Ok((sheets, date1904)),
            _ => {}
        }
    }
}

/// Each shared string's text: its `t` elements joined, phonetic runs left out.
fn shared_strings(bytes: &[u8]) -> Result<Vec<String>, SheetError> {
    let mut xml = reader(bytes);
    let mut out = Vec::new();
    let (mut current, mut in_t, mut phonetic) = (String::new(), false, false);
    loop {
        match xml.read_event().map_err(damaged("sharedStrings.xml"))? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => in_t = true,
                b"rPh" => phonetic = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == b"si" => out.push(String::new()),
            Event::Text(t) if in_t && !phonetic => {
                current.push_str(&t.unescape().map_err(damaged("sharedStrings.xml"))?);
            }
            Event::CData(t) if in_t && !phonetic => {
                current.push_str(&String::from_utf8_lossy(&t.into_inner()));
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_t = false,
                b"rPh" => phonetic = false,
                b"si" => out.push(std::mem::take(&mut current)),
                _ => {}
            },
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// How each cell style shows numbers, from its number format: Excel's
/// built-in date formats (14–22, 27–36, 45–47, 50–58), or a custom format
/// code with date or time letters outside quotes and brackets; `[h]`, `[m]`
/// or `[s]` make it a duration.
fn styles(bytes: &[u8]) -> Result<Vec<Shown>, SheetError> {
    let mut xml = reader(bytes);
    let mut custom: Vec<(u32, Shown)> = Vec::new();
    let mut out = Vec::new();
    let mut in_xfs = false;
    loop {
        match xml.read_event().map_err(damaged("styles.xml"))? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"numFmt" => {
                    if let (Some(id), Some(code)) = (attr(&e, b"numFmtId"), attr(&e, b"formatCode"))
                    {
                        custom.push((id.parse().unwrap_or(0), format_shows(&code)));
                    }
                }
                b"cellXfs" => in_xfs = true,
                b"xf" if in_xfs => {
                    let id: u32 = attr(&e, b"numFmtId")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    let shown = custom.iter().find(|(i, _)| *i == id).map_or_else(
                        || match id {
                            14..=22 | 27..=36 | 50..=58 => Shown::Date,
                            45..=47 => Shown::Duration,
                            _ => Shown::Number,
                        },
                        |(_, s)| *s,
                    );
                    out.push(shown);
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_xfs = false,
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// What a custom number format code shows.
fn format_shows(code: &str) -> Shown {
    let (mut quoted, mut bracket, mut date, mut elapsed) = (false, false, false, false);
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\\' => {
                chars.next();
            }
            '[' if !quoted => {
                bracket = true;
                if matches!(chars.peek(), Some('h' | 'H' | 'm' | 'M' | 's' | 'S')) {
                    elapsed = true;
                }
            }
            ']' if !quoted => bracket = false,
            'y' | 'Y' | 'm' | 'M' | 'd' | 'D' | 'h' | 'H' | 's' | 'S' if !quoted && !bracket => {
                date = true
            }
            _ => {}
        }
    }
    if elapsed {
        Shown::Duration
    } else if date {
        Shown::Date
    } else {
        Shown::Number
    }
}

/// A cell being read: its position, type, style and value text.
#[derive(Default)]
struct Pending {
    row: u32,
    column: u32,
    kind: String,
    style: usize,
    value: String,
}

/// The used cells of a sheet part.
fn sheet_cells(bytes: &[u8], path: &str, book: &Book) -> Result<Vec<Cell>, SheetError> {
    let mut xml = reader(bytes);
    let mut cells = Vec::new();
    let (mut row, mut next_column) = (0u32, 0u32);
    let mut cell: Option<Pending> = None;
    let mut in_value = false;
    loop {
        match xml.read_event().map_err(damaged(path))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"row" => {
                row = attr(&e, b"r")
                    .and_then(|r| r.parse::<u32>().ok())
                    .map_or(row + 1, |r| r.max(1));
                next_column = 0;
            }
            Event::Start(e) if e.local_name().as_ref() == b"c" => {
                let c = pending(&e, row, next_column);
                next_column = c.column.saturating_add(1);
                cell = Some(c);
            }
            Event::Empty(e) if e.local_name().as_ref() == b"c" => {
                next_column = pending(&e, row, next_column).column.saturating_add(1);
            }
            Event::Start(e) if matches!(e.local_name().as_ref(), b"v" | b"t") => in_value = true,
            Event::Text(t) if in_value => {
                if let Some(c) = cell.as_mut() {
                    c.value.push_str(&t.unescape().map_err(damaged(path))?);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"v" | b"t" => in_value = false,
                b"c" => {
                    let Some(c) = cell.take() else { continue };
                    let text = cell_text(&c, book);
                    if text.is_empty() {
                        continue;
                    }
                    if cells.len() >= MAX_CELLS {
                        return Err(SheetError::TooManyCells);
                    }
                    cells.push((c.row.saturating_sub(1), c.column, text));
                }
                _ => {}
            },
            Event::Eof => return Ok(cells),
            _ => {}
        }
    }
}

/// A cell's position (from `r="B2"`, or the next column in the row), type
/// and style.
fn pending(e: &BytesStart, row: u32, next_column: u32) -> Pending {
    let (r, c) = attr(e, b"r")
        .and_then(|r| cell_ref(&r))
        .unwrap_or((row.max(1), next_column));
    Pending {
        row: r,
        column: c,
        kind: attr(e, b"t").unwrap_or_default(),
        style: attr(e, b"s").and_then(|s| s.parse().ok()).unwrap_or(0),
        value: String::new(),
    }
}

/// `B2` as (row 2, 0-based column 1).
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let column = letters.bytes().try_fold(0u32, |n, b| {
        b.is_ascii_alphabetic()
            .then(|| n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1)
    })?;
    Some((digits.parse().ok()?, column - 1))
}

/// The text of a read cell (see the module docs of `workbook`).
fn cell_text(c: &Pending, book: &Book) -> String {
    let value = c.value.trim();
    match c.kind.as_str() {
        "s" => value
            .parse::<usize>()
            .ok()
            .and_then(|i| book.strings.get(i))
            .cloned()
            .unwrap_or_default(),
        "inlineStr" | "str" | "e" => c.value.clone(),
        "b" => match value {
            "1" | "true" => "TRUE".into(),
            "0" | "false" => "FALSE".into(),
            _ => String::new(),
        },
        "d" => value.replacen('T', " ", 1),
        _ => {
            let Ok(v) = value.parse::<f64>() else {
                return c.value.clone();
            };
            match book.styles.get(c.style).copied().unwrap_or(Shown::Number) {
                Shown::Number => number(v),
                Shown::Date => date_time(v, book.date1904),
                Shown::Duration => clock((v * 86_400.0).round() as i64),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref("A1"), Some((1, 0)));
        assert_eq!(cell_ref("C5"), Some((5, 2)));
        assert_eq!(cell_ref("XFD1048576"), Some((1_048_576, 16_383)));
        assert_eq!(cell_ref("5"), None);
        assert_eq!(cell_ref("A"), None);
    }

    #[test]
    fn number_formats_that_show_dates_and_durations() {
        assert_eq!(format_shows("yyyy-mm-dd hh:mm"), Shown::Date);
        assert_eq!(format_shows("m/d/yy"), Shown::Date);
        assert_eq!(format_shows("[h]:mm:ss"), Shown::Duration);
        assert_eq!(format_shows("0.00"), Shown::Number);
        assert_eq!(format_shows("\"days\" 0"), Shown::Number);
        assert_eq!(format_shows("[Red]0.0"), Shown::Number);
        assert_eq!(format_shows("#,##0 \\d"), Shown::Number);
    }
}
