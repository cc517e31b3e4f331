//! Property: any table of cells, written with any supported delimiter,
//! quoting style and line ending, reads back to the same cells.
#![cfg(not(target_arch = "wasm32"))]

use citizen_segments::survey::{DELIMITERS, ImportOptions, parse_survey, read_records};
use proptest::prelude::*;

/// Writes one cell; `all` quotes every cell, otherwise only where needed.
fn write_cell(out: &mut String, cell: &str, delimiter: char, all: bool, alone: bool) {
    let needs = cell.contains([delimiter, '"', '\r', '\n']) || (cell.is_empty() && alone);
    if all || needs {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

fn write_table(
    rows: &[Vec<String>],
    delimiter: char,
    all: bool,
    eol: &str,
    final_eol: bool,
) -> String {
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            if j > 0 {
                out.push(delimiter);
            }
            write_cell(&mut out, cell, delimiter, all, row.len() == 1);
        }
        if i + 1 < rows.len() || final_eol {
            out.push_str(eol);
        }
    }
    out
}

fn table() -> impl Strategy<Value = Vec<Vec<String>>> {
    (1usize..5).prop_flat_map(|width| {
        prop::collection::vec(
            prop::collection::vec("[a-zé0-9 ,;\t|\"\r\n]{0,8}", width),
            1..6,
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn written_tables_read_back(
        rows in table(),
        d in 0usize..DELIMITERS.len(),
        all in any::<bool>(),
        eol in prop::sample::select(vec!["\n", "\r\n", "\r"]),
        final_eol in any::<bool>(),
    ) {
        let delimiter = DELIMITERS[d];
        let text = write_table(&rows, char::from(delimiter), all, eol, final_eol);
        let read = read_records(&text, delimiter).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(read, rows, "text: {:?}", text);
    }

    #[test]
    fn any_bytes_give_a_survey_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_survey(&bytes, &ImportOptions::default());
    }

    #[test]
    fn csv_like_text_gives_a_survey_or_an_error(text in "[a-c0-9 ,;|\"\r\n-]{0,200}") {
        if let Ok(s) = parse_survey(text.as_bytes(), &ImportOptions::default()) {
            prop_assert_eq!(s.ids.len(), s.respondents);
            for c in &s.columns {
                prop_assert_eq!(c.values.len(), s.respondents);
                let missing = (0..s.respondents).filter(|&r| c.values.is_missing(r)).count();
                prop_assert_eq!(missing, c.missing, "column {}", c.name);
            }
        }
    }
}
