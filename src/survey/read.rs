//! Text to records: delimiter sniffing and a small RFC 4180 reader.
//!
//! The reader is written here rather than taken from the `csv` crate so that
//! every record, blank lines included, keeps the row number a spreadsheet
//! would show (the `csv` crate skips blank lines, which would shift every row
//! named in an error).
//!
//! Rules: records end at LF, CRLF or a lone CR outside quotes; a cell that
//! starts with `"` (after optional spaces) is quoted, `""` inside it is one
//! quote and delimiters and line breaks inside it are kept; text after a
//! closing quote up to the next delimiter is kept as written; a missing final
//! line break is fine. Cells are returned exactly as written (not trimmed).

use super::error::{FileName, ImportError};
use super::options::{DELIMITERS, MAX_COLUMNS};

/// One record with its spreadsheet row number (the first record is row 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub row: usize,
    pub cells: Vec<String>,
    /// Cells read past the reader's cap and not kept.
    pub dropped: usize,
}

impl Record {
    /// True for a record with no text at all (an empty line, or only
    /// delimiters and spaces).
    pub fn is_blank(&self) -> bool {
        self.dropped == 0 && self.cells.iter().all(|c| c.trim().is_empty())
    }

    /// Cells in the record, kept or not.
    pub fn width(&self) -> usize {
        self.cells.len() + self.dropped
    }
}

/// Lazily reads records from text.
pub(crate) struct Records<'a> {
    text: &'a str,
    pos: usize,
    delimiter: u8,
    row: usize,
    failed: bool,
    cap: usize,
}

impl<'a> Records<'a> {
    pub fn new(text: &'a str, delimiter: u8) -> Self {
        Records {
            text,
            pos: 0,
            delimiter,
            row: 0,
            failed: false,
            cap: usize::MAX,
        }
    }

    /// Keeps at most `cap` cells per record (the rest are only counted), so a
    /// line of a million delimiters costs no memory.
    pub fn capped(mut self, cap: usize) -> Self {
        self.cap = cap;
        self
    }

    /// Position of the next delimiter, CR or LF at or after `from`, or the end.
    fn cell_end(&self, from: usize) -> usize {
        let bytes = self.text.as_bytes();
        let d = self.delimiter;
        bytes
            .get(from..)
            .and_then(|rest| {
                rest.iter()
                    .position(|&b| b == d || b == b'\r' || b == b'\n')
            })
            .map_or(bytes.len(), |i| from + i)
    }

    /// Reads one cell starting at `self.pos` onto the end of `out`, leaving
    /// `pos` on the delimiter, line break or end after it. `None` means an
    /// unclosed quote.
    fn cell_into(&mut self, out: &mut String) -> Option<()> {
        let bytes = self.text.as_bytes();
        let mut p = self.pos;
        if self.delimiter != b' ' {
            while bytes.get(p) == Some(&b' ') {
                p += 1;
            }
        }
        if bytes.get(p) != Some(&b'"') {
            let end = self.cell_end(self.pos);
            out.push_str(self.text.get(self.pos..end).unwrap_or_default());
            self.pos = end;
            return Some(());
        }
        p += 1;
        loop {
            let q = p + bytes.get(p..)?.iter().position(|&b| b == b'"')?;
            out.push_str(self.text.get(p..q)?);
            if bytes.get(q + 1) == Some(&b'"') {
                out.push('"');
                p = q + 2;
            } else {
                p = q + 1;
                break;
            }
        }
        let end = self.cell_end(p);
        out.push_str(self.text.get(p..end).unwrap_or_default());
        self.pos = end;
        Some(())
    }

    /// Moves past the delimiter or line break after a cell; true when the
    /// record goes on.
    fn after_cell(&mut self) -> bool {
        match self.text.as_bytes().get(self.pos) {
            None => false,
            Some(b'\r') => {
                self.pos += 1;
                if self.text.as_bytes().get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
                false
            }
            Some(b'\n') => {
                self.pos += 1;
                false
            }
            Some(_) => {
                self.pos += 1; // the delimiter: another cell follows
                true
            }
        }
    }

    /// Reads the next record into `row`, reusing its buffers (no allocation
    /// per cell): what the data rows are read with. `None` at the end.
    pub fn read_row(&mut self, row: &mut Row) -> Option<Result<(), ImportError>> {
        if self.failed || self.pos >= self.text.len() {
            return None;
        }
        self.row += 1;
        row.row = self.row;
        row.text.clear();
        row.ends.clear();
        row.dropped = 0;
        loop {
            let start = row.text.len();
            if self.cell_into(&mut row.text).is_none() {
                self.failed = true;
                return Some(Err(ImportError::UnclosedQuote {
                    file: FileName(None),
                    row: self.row,
                }));
            }
            if row.ends.len() < self.cap {
                row.ends.push(row.text.len());
            } else {
                row.text.truncate(start);
                row.dropped += 1;
            }
            if !self.after_cell() {
                break;
            }
        }
        Some(Ok(()))
    }
}

/// A record read into reused buffers: its cells end to end in `text`.
#[derive(Debug, Default)]
pub(crate) struct Row {
    pub row: usize,
    text: String,
    ends: Vec<usize>,
    pub dropped: usize,
}

impl Row {
    /// The cells, as written (not trimmed).
    pub fn cells(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(s, &e)| self.text.get(s..e).unwrap_or_default())
    }

    /// Cells in the record, kept or not.
    pub fn width(&self) -> usize {
        self.ends.len() + self.dropped
    }

    /// True for a record with no text at all (see [`Record::is_blank`]).
    pub fn is_blank(&self) -> bool {
        self.dropped == 0 && self.text.trim().is_empty()
    }

    /// The row holding `record`'s cells.
    pub fn fill(&mut self, record: &Record) {
        self.row = record.row;
        self.text.clear();
        self.ends.clear();
        for cell in &record.cells {
            self.text.push_str(cell);
            self.ends.push(self.text.len());
        }
        self.dropped = record.dropped;
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.text.len() {
            return None;
        }
        self.row += 1;
        let mut cells = Vec::new();
        let mut dropped = 0;
        loop {
            let mut cell = String::new();
            if self.cell_into(&mut cell).is_none() {
                self.failed = true;
                return Some(Err(ImportError::UnclosedQuote {
                    file: FileName(None),
                    row: self.row,
                }));
            }
            if cells.len() < self.cap {
                cells.push(cell);
            } else {
                dropped += 1;
            }
            if !self.after_cell() {
                break;
            }
        }
        Some(Ok(Record {
            row: self.row,
            cells,
            dropped,
        }))
    }
}

/// Reads every record of `text` with `delimiter` (one byte, e.g. `b','`),
/// cells exactly as written (quotes removed, nothing trimmed). An empty line
/// is a record with one empty cell.
///
/// ```
/// use citizen_segments::survey::read_records;
/// let rows = read_records("a;\"b;c\"\r\n1;\"say \"\"hi\"\"\"", b';').unwrap();
/// assert_eq!(rows, vec![vec!["a", "b;c"], vec!["1", "say \"hi\""]]);
/// ```
pub fn read_records(text: &str, delimiter: u8) -> Result<Vec<Vec<String>>, ImportError> {
    Records::new(text, delimiter)
        .map(|r| r.map(|r| r.cells))
        .collect()
}

/// How many records the sniffer looks at.
const SNIFF_RECORDS: usize = 30;

/// Picks the delimiter among [`DELIMITERS`] that splits the first records
/// (quotes respected, blank lines skipped) into the same number of cells,
/// more than one; ties and files with one column go to the earlier of
/// `,` `;` tab `|`.
pub(crate) fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (DELIMITERS[0], (false, 0usize, 0usize));
    for &d in &DELIMITERS {
        let counts: Vec<usize> = Records::new(text, d)
            .capped(MAX_COLUMNS + 1)
            .map_while(Result::ok)
            .filter(|r| !(r.width() == 1 && r.is_blank()))
            .take(SNIFF_RECORDS)
            .map(|r| r.width())
            .collect();
        let header = counts.first().copied().unwrap_or(0);
        if header < 2 {
            continue;
        }
        let matching = counts.iter().filter(|&&c| c == header).count();
        let score = (matching == counts.len(), matching, header);
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, d: u8) -> Vec<Vec<String>> {
        read_records(text, d).unwrap()
    }

    #[test]
    fn line_endings_and_final_newline() {
        let want = vec![vec!["a", "b"], vec!["1", "2"]];
        assert_eq!(rows("a,b\n1,2\n", b','), want);
        assert_eq!(rows("a,b\r\n1,2\r\n", b','), want);
        assert_eq!(rows("a,b\r1,2", b','), want);
        assert_eq!(rows("a,b\n1,2", b','), want);
    }

    #[test]
    fn quoted_cells_keep_delimiters_quotes_and_newlines() {
        assert_eq!(
            rows("x,y\n\"a,b\",\"he said \"\"no\"\"\nthen\r\nleft\"\n", b','),
            vec![vec!["x", "y"], vec!["a,b", "he said \"no\"\nthen\r\nleft"]]
        );
    }

    #[test]
    fn space_before_quote_and_text_after_quote() {
        assert_eq!(rows("a, \"b,c\"\n", b','), vec![vec!["a", "b,c"]]);
        assert_eq!(rows("\"a\"b,c\n", b','), vec![vec!["ab", "c"]]);
    }

    #[test]
    fn blank_lines_are_records_and_rows_count_them() {
        let recs: Vec<Record> = Records::new("h\n\nx\n", b',').map(Result::unwrap).collect();
        assert_eq!(
            recs.iter().map(|r| r.row).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert!(recs[1].is_blank());
    }

    #[test]
    fn capped_reader_counts_but_drops_extra_cells() {
        let r = Records::new("a,b,c,d\n", b',')
            .capped(2)
            .next()
            .unwrap()
            .unwrap();
        assert_eq!((r.cells.len(), r.dropped, r.width()), (2, 2, 4));
    }

    #[test]
    fn trailing_delimiter_gives_empty_cell() {
        assert_eq!(rows("a,b,", b','), vec![vec!["a", "b", ""]]);
    }

    #[test]
    fn unclosed_quote_names_row() {
        let e = read_records("a,b\n1,\"2\n3,4\n", b',').unwrap_err();
        assert_eq!(e.row(), Some(2));
    }

    #[test]
    fn sniffs_each_delimiter() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(sniff_delimiter("a|b\n1|2\n"), b'|');
        assert_eq!(sniff_delimiter("a,b\n\"x;y;z\",2\n"), b',');
        assert_eq!(sniff_delimiter("single\nvalue\n"), b',');
        assert_eq!(sniff_delimiter(""), b',');
    }
}
