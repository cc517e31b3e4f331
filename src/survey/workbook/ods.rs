//! An OpenDocument spreadsheet's sheets from `content.xml`: one
//! `table:table` per sheet, rows and cells with their repeat counts, typed
//! values from the `office:` attributes and text from the paragraphs.
//!
//! Repeats are expanded only for cells that hold something, after checking
//! them against [`MAX_COLUMNS`] and [`MAX_CELLS`], so a row of a million
//! repeated empty cells costs nothing and one of repeated answers cannot ask
//! for more than the limits.

use quick_xml::events::{BytesStart, Event};

use super::archive::Archive;
use super::xml::{attr, reader};
use super::{Cell, Found, MAX_UNPACKED_BYTES, SheetError, iso_duration, number};
use crate::survey::options::{MAX_CELLS, MAX_COLUMNS};

const CONTENT: &str = "content.xml";

fn damaged(e: quick_xml::Error) -> SheetError {
    SheetError::Unreadable(format!(
        "the part \"content.xml\" is not well-formed XML ({e})"
    ))
}

/// The state of the walk through `content.xml`.
#[derive(Default)]
struct Walk {
    names: Vec<String>,
    /// The sheet whose cells are kept, once chosen.
    chosen: Option<(String, Vec<Cell>)>,
    /// Collecting the current sheet's cells.
    keeping: bool,
    /// The current sheet is the one the caller named.
    named: bool,
    row: u32,
    column: u32,
    row_repeats: u32,
    /// Cells of the current row, before its repeats.
    row_cells: Vec<(u32, String)>,
    /// The open cell: repeats, typed value, and text so far.
    cell: Option<(u32, Option<String>, String)>,
    /// Inside a `text:p` of the open cell.
    paragraphs: usize,
    cells: Vec<Cell>,
}

/// Reads the sheet named `wanted`, or the first with a used cell.
pub(super) fn read(archive: &Archive, wanted: Option<&str>) -> Result<Found, SheetError> {
    let bytes = archive
        .read(CONTENT, MAX_UNPACKED_BYTES as usize)
        .map_err(|e| SheetError::Unreadable(e.to_string()))?;
    let mut xml = reader(&bytes);
    let mut w = Walk::default();
    loop {
        match xml.read_event().map_err(damaged)? {
            Event::Start(e) => start(&mut w, &e, wanted, false)?,
            Event::Empty(e) => start(&mut w, &e, wanted, true)?,
            Event::Text(t) if w.paragraphs > 0 => {
                if let Some((_, _, text)) = w.cell.as_mut() {
                    text.push_str(&t.unescape().map_err(damaged)?);
                }
            }
            Event::End(e) => end(&mut w, e.local_name().as_ref())?,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Found {
        names: w.names,
        sheet: w.chosen,
    })
}

fn repeats(e: &BytesStart, name: &[u8]) -> u32 {
    attr(e, name)
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

fn start(
    w: &mut Walk,
    e: &BytesStart,
    wanted: Option<&str>,
    empty: bool,
) -> Result<(), SheetError> {
    match e.local_name().as_ref() {
        b"table" => {
            let name = attr(e, b"name").unwrap_or_else(|| format!("Sheet{}", w.names.len() + 1));
            w.keeping = w.chosen.is_none() && wanted.is_none_or(|n| n == name);
            w.named = w.keeping && wanted.is_some();
            w.names.push(name);
            (w.row, w.cells) = (0, Vec::new());
            if empty {
                end(w, b"table")?;
            }
        }
        b"table-row" => {
            (w.row_repeats, w.column) = (repeats(e, b"number-rows-repeated"), 0);
            w.row_cells.clear();
            if empty {
                end(w, b"table-row")?;
            }
        }
        b"table-cell" | b"covered-table-cell" => {
            let value = typed(e);
            w.cell = Some((repeats(e, b"number-columns-repeated"), value, String::new()));
            if empty {
                end(w, b"table-cell")?;
            }
        }
        b"p" if w.cell.is_some() && !empty => {
            if let Some((_, _, text)) = w.cell.as_mut().filter(|_| w.paragraphs == 0) {
                if !text.is_empty() {
                    text.push('\n');
                }
            }
            w.paragraphs += 1;
        }
        b"s" if w.paragraphs > 0 => {
            if let Some((_, _, text)) = w.cell.as_mut() {
                let n = repeats(e, b"c").min(1000) as usize;
                text.extend(std::iter::repeat_n(' ', n));
            }
        }
        b"tab" | b"line-break" if w.paragraphs > 0 => {
            if let Some((_, _, text)) = w.cell.as_mut() {
                text.push(if e.local_name().as_ref() == b"tab" {
                    '\t'
                } else {
                    '\n'
                });
            }
        }
        _ => {}
    }
    Ok(())
}

fn end(w: &mut Walk, name: &[u8]) -> Result<(), SheetError> {
    match name {
        b"p" => w.paragraphs = w.paragraphs.saturating_sub(1),
        b"table-cell" | b"covered-table-cell" => {
            let Some((n, value, text)) = w.cell.take() else {
                return Ok(());
            };
            let text = value.unwrap_or(text);
            if w.keeping && !text.trim().is_empty() {
                let reach = u64::from(w.column) + u64::from(n);
                if reach > MAX_COLUMNS as u64 {
                    return Err(SheetError::TooWide(reach as usize));
                }
                w.row_cells
                    .extend((0..n).map(|i| (w.column + i, text.clone())));
            }
            w.column = w.column.saturating_add(n);
        }
        b"table-row" => {
            if !w.row_cells.is_empty() {
                let total =
                    w.cells.len() as u64 + w.row_cells.len() as u64 * u64::from(w.row_repeats);
                if total > MAX_CELLS as u64 {
                    return Err(SheetError::TooManyCells);
                }
                for r in 0..w.row_repeats {
                    let row = w.row.saturating_add(r);
                    w.cells
                        .extend(w.row_cells.iter().map(|(c, t)| (row, *c, t.clone())));
                }
            }
            w.row = w.row.saturating_add(w.row_repeats);
        }
        b"table" => {
            if w.keeping && (!w.cells.is_empty() || w.named) {
                let name = w.names.last().cloned().unwrap_or_default();
                w.chosen = Some((name, std::mem::take(&mut w.cells)));
            }
            w.keeping = false;
        }
        _ => {}
    }
    Ok(())
}

/// A cell's typed value from its `office:` attributes; `None` for a string
/// (its paragraphs are its text) or a cell with no type.
fn typed(e: &BytesStart) -> Option<String> {
    match attr(e, b"value-type")?.as_str() {
        "float" | "percentage" | "currency" => {
            let v: f64 = attr(e, b"value")?.trim().parse().ok()?;
            Some(number(v))
        }
        "date" => Some(attr(e, b"date-value")?.replacen('T', " ", 1)),
        "time" => {
            let v = attr(e, b"time-value")?;
            Some(iso_duration(&v).unwrap_or(v))
        }
        "boolean" => Some(
            match attr(e, b"boolean-value")?.as_str() {
                "true" => "TRUE",
                _ => "FALSE",
            }
            .to_string(),
        ),
        _ => None,
    }
}
