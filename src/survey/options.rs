//! What the caller can say about a file, its defaults, the limits, and the one
//! function that checks options before any heavy work.
//!
//! # Defaults
//!
//! Every field of [`ImportOptions`] is optional (in JS, `{}` is valid):
//!
//! | field          | default | meaning |
//! | ---            | ---     | --- |
//! | `delimiter`    | sniffed among `,` `;` tab `\|` | the cell separator |
//! | `idColumn`     | a column named `id`, `respondent`, `respondent_id`, `ResponseId` ... | the respondent identifier |
//! | `missingCodes` | none (added to [`DEFAULT_MISSING_CODES`]) | more answers that mean "no answer" |
//! | `kinds`        | inferred | the kind of a column, by name |
//! | `scales`       | recognised label sets | the labels of a Likert column, lowest first |
//! | `sheet`        | the first sheet with a used cell | the sheet of an XLSX or ODS workbook to read, by name |
//! | `fileName`     | none | names the file in error messages only |

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::error::{FileName, ImportError};
use super::model::ColumnKind;

/// Largest input accepted, in bytes (200 MiB).
pub const MAX_INPUT_BYTES: usize = 200 * 1024 * 1024;
/// Most data rows (respondents) accepted. A row costs about 100 bytes of its
/// own whatever its width (its id, its spreadsheet row, its segment), so
/// 4,000,000 rows hold about 400 MB; what bounds most files is [`MAX_CELLS`].
pub const MAX_ROWS: usize = 4_000_000;
/// Most columns accepted in the header: the widest sheet Excel writes
/// (16,384, column XFD). Multi-select exports with one column per option
/// are often thousands of columns wide; what bounds memory is [`MAX_CELLS`].
pub const MAX_COLUMNS: usize = 16_384;
/// The memory one survey may use from import to segments, in bytes
/// (3,840 MiB): wasm32 addresses 4 GiB, the most browsers and Node give a
/// module; 256 MiB of it is left to the module's code, stack and the page.
pub const MEMORY_BUDGET: usize = u32::MAX as usize - (256 << 20) + 1;
/// Peak bytes an answer cell costs, from import through segmenting with a
/// fixed k: 16 for the answer as stored, 8 for its encoded feature, the
/// clustering's and profiling's working copies. Measured in Node: 1,000,000
/// × 12 peaked at 839 MiB of wasm memory and 1,000,000 × 60 at 3,534 MiB,
/// 59 bytes a cell for the 48 million cells between them.
pub const PEAK_BYTES_PER_CELL: usize = 60;
/// Most answer cells (data rows × columns) accepted: what fits in
/// [`MEMORY_BUDGET`] beside the largest input at [`PEAK_BYTES_PER_CELL`]
/// each (63,613,610: e.g. 1,000,000 × 63 or 30,000 × 2,000).
pub const MAX_CELLS: usize = (MEMORY_BUDGET - MAX_INPUT_BYTES) / PEAK_BYTES_PER_CELL;

/// Delimiters the import sniffs and accepts.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Answers that always mean "no answer", compared case-insensitively after
/// trimming (a curly apostrophe counts as a straight one). A blank cell is
/// missing too. `.` is SPSS's and SAS's system-missing value.
pub const DEFAULT_MISSING_CODES: [&str; 8] = [
    "na",
    "n/a",
    "don't know",
    "dont know",
    "prefer not to say",
    "-99",
    "#n/a",
    ".",
];

/// How to read a survey file. Every field is optional; see the module docs
/// for the defaults.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(hashmap_as_object))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ImportOptions {
    /// The cell separator: one of `,` `;` tab `|`. Default: sniffed.
    pub delimiter: Option<char>,
    /// The column holding respondent identifiers. Default: a column named
    /// like `id`, `respondent`, `respondent_id` or `ResponseId`.
    pub id_column: Option<String>,
    /// Extra answers meaning "no answer", added to the built-in ones (empty,
    /// "na", "n/a", ...).
    pub missing_codes: Vec<String>,
    /// The kind of a column by header (for a grouped multi, its prefix),
    /// overriding inference.
    pub kinds: BTreeMap<String, ColumnKind>,
    /// The labels of a Likert column, lowest first; the column becomes a
    /// labelled Likert scale from 1 to the number of labels.
    pub scales: BTreeMap<String, Vec<String>>,
    /// For an XLSX or ODS workbook, the name of the sheet to read. Default:
    /// the first sheet with any cell filled in.
    pub sheet: Option<String>,
    /// The file's name, used only in error messages.
    pub file_name: Option<String>,
}

/// Options after checking: what the reader and inference use.
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    pub delimiter: Option<u8>,
    pub id_column: Option<String>,
    /// Normalised (see [`normalise`]) missing codes, defaults included.
    pub missing_codes: Vec<String>,
    /// Bytes in the longest missing code.
    pub longest_code: usize,
    pub kinds: BTreeMap<String, ColumnKind>,
    pub scales: BTreeMap<String, Vec<String>>,
    pub sheet: Option<String>,
    pub file: FileName,
}

/// Lower-case, straight apostrophes, single spaces, trimmed: how answers are
/// compared with codes and labels.
pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| match b {
                b'`' => '\'',
                _ => char::from(b.to_ascii_lowercase()),
            }));
            continue;
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' => out.push('\''),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

impl Checked {
    /// True for a blank cell or one of the missing codes.
    pub fn is_missing(&self, cell: &str) -> bool {
        if cell.trim().is_empty() {
            return true;
        }
        // Lower-casing at most triples a character's bytes, and whitespace only
        // shrinks: a cell with more other bytes than that is never a code.
        let solid = cell.bytes().filter(|b| !b.is_ascii_whitespace()).count();
        solid <= 3 * self.longest_code && self.missing_codes.contains(&normalise(cell))
    }
}

impl ImportOptions {
    /// Checks the options once; every later step trusts the result.
    pub(crate) fn check(&self) -> Result<Checked, ImportError> {
        let file = FileName(self.file_name.clone());
        let invalid = |option: &'static str, message: String| ImportError::InvalidOption {
            file: file.clone(),
            option,
            message,
        };
        let delimiter = match self.delimiter {
            None => None,
            Some(c) => match DELIMITERS.iter().find(|&&d| char::from(d) == c) {
                Some(&d) => Some(d),
                None => {
                    return Err(invalid(
                        "delimiter",
                        format!("{c:?} is not one of ',' ';' tab '|'"),
                    ));
                }
            },
        };
        if self.sheet.as_deref().is_some_and(|s| s.trim().is_empty()) {
            return Err(invalid("sheet", "the sheet name is blank".into()));
        }
        if let Some(id) = &self.id_column {
            if id.trim().is_empty() {
                return Err(invalid("idColumn", "the column name is blank".into()));
            }
        }
        let mut missing_codes: Vec<String> = DEFAULT_MISSING_CODES
            .iter()
            .map(|c| c.to_string())
            .collect();
        for code in &self.missing_codes {
            let code = normalise(code);
            if code.is_empty() {
                return Err(invalid(
                    "missingCodes",
                    "a code is blank (blank cells are always missing)".into(),
                ));
            }
            if !missing_codes.contains(&code) {
                missing_codes.push(code);
            }
        }
        for (column, labels) in &self.scales {
            if labels.len() < 2 {
                return Err(invalid(
                    "scales",
                    format!("the scale of {column:?} needs at least two labels"),
                ));
            }
            let mut seen: Vec<String> = Vec::with_capacity(labels.len());
            for label in labels {
                let n = normalise(label);
                if n.is_empty() || seen.contains(&n) {
                    return Err(invalid(
                        "scales",
                        format!("the scale of {column:?} has a blank or repeated label {label:?}"),
                    ));
                }
                if missing_codes.contains(&n) {
                    return Err(invalid(
                        "scales",
                        format!(
                            "the scale of {column:?} uses the missing code {label:?} as a label"
                        ),
                    ));
                }
                seen.push(n);
            }
            if let Some(kind) = self.kinds.get(column) {
                if *kind != ColumnKind::Likert {
                    return Err(invalid(
                        "scales",
                        format!("{column:?} has a scale but its kind is set to {kind:?}"),
                    ));
                }
            }
        }
        let longest_code = missing_codes.iter().map(String::len).max().unwrap_or(0);
        Ok(Checked {
            longest_code,
            delimiter,
            id_column: self.id_column.as_ref().map(|s| s.trim().to_string()),
            missing_codes,
            kinds: self.kinds.clone(),
            scales: self.scales.clone(),
            sheet: self.sheet.clone(),
            file,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_json_gives_defaults() {
        let o: ImportOptions = serde_json::from_str("{}").unwrap();
        assert_eq!(o, ImportOptions::default());
        let c = o.check().unwrap();
        assert_eq!(c.delimiter, None);
        assert_eq!(c.missing_codes.len(), DEFAULT_MISSING_CODES.len());
    }

    #[test]
    fn camel_case_fields() {
        let o: ImportOptions = serde_json::from_str(
            r#"{"delimiter":";","idColumn":"rid","missingCodes":["-98"],
                "kinds":{"q1":"likert"},"scales":{"q1":["Low","High"]},"fileName":"a.csv"}"#,
        )
        .unwrap();
        let c = o.check().unwrap();
        assert_eq!(c.delimiter, Some(b';'));
        assert_eq!(c.id_column.as_deref(), Some("rid"));
        assert!(c.missing_codes.contains(&"-98".to_string()));
        assert_eq!(c.file.0.as_deref(), Some("a.csv"));
    }

    fn rejected(o: ImportOptions, option: &str) {
        match o.check() {
            Err(ImportError::InvalidOption { option: got, .. }) => assert_eq!(got, option),
            other => panic!("expected {option} rejected, got {other:?}"),
        }
    }

    #[test]
    fn rejects_unsupported_delimiter() {
        rejected(
            ImportOptions {
                delimiter: Some('x'),
                ..Default::default()
            },
            "delimiter",
        );
    }

    #[test]
    fn rejects_blank_id_column() {
        rejected(
            ImportOptions {
                id_column: Some(" ".into()),
                ..Default::default()
            },
            "idColumn",
        );
    }

    #[test]
    fn rejects_blank_missing_code() {
        rejected(
            ImportOptions {
                missing_codes: vec!["  ".into()],
                ..Default::default()
            },
            "missingCodes",
        );
    }

    #[test]
    fn rejects_short_repeated_or_missing_labels() {
        for labels in [vec!["One"], vec!["Low", "low"], vec!["Low", "N/A"]] {
            let mut scales = BTreeMap::new();
            scales.insert(
                "q".to_string(),
                labels.into_iter().map(String::from).collect(),
            );
            rejected(
                ImportOptions {
                    scales,
                    ..Default::default()
                },
                "scales",
            );
        }
    }

    #[test]
    fn rejects_scale_on_non_likert_kind() {
        let mut o = ImportOptions::default();
        o.scales
            .insert("q".into(), vec!["Low".into(), "High".into()]);
        o.kinds.insert("q".into(), ColumnKind::Text);
        rejected(o, "scales");
    }

    #[test]
    fn normalise_folds_case_space_and_apostrophes() {
        assert_eq!(normalise("  Don\u{2019}t   KNOW "), "don't know");
        assert_eq!(normalise("Dont`KNOW\tÉTÉ"), "dont'know été");
    }

    #[test]
    fn missing_codes_match_loosely_but_long_cells_are_answers() {
        let c = ImportOptions::default().check().unwrap();
        for code in [
            "",
            "  ",
            "NA",
            "n/a",
            "Don\u{2019}t know",
            "PREFER   NOT TO SAY",
            "-99",
            "#N/A",
        ] {
            assert!(c.is_missing(code), "{code:?}");
        }
        for answer in ["-9", "Not applicable to me", "nan", "Prefer not to say why"] {
            assert!(!c.is_missing(answer), "{answer:?}");
        }
    }
}
