//! Header rows: one, two or three of them, combined into one readable name
//! per column with the tool's short code kept aside.
//!
//! # What is recognised
//!
//! - **Three rows** (Qualtrics): row 3 holds `{"ImportId": …}` in its cells.
//!   Row 1 is the code (`Q1_1`), row 2 the question text (the name).
//! - **Two rows, codes over text** (legacy Qualtrics): row 2 spells out
//!   row 1's metadata names (`StartDate` over `Start Date`, `ResponseID`
//!   over `ResponseID` or `Response ID`).
//! - **Two rows, question over sub-answer** (SurveyMonkey): row 2 holds
//!   `Response` or `Open-Ended Response` cells. A question's text stands over
//!   its first column only; the columns after it (blank in row 1, labelled
//!   in row 2) belong to it, named `Question [Sub-answer]`.
//!
//! Anything else is one header row. In names, line breaks and runs of spaces
//! become one space, and Qualtrics' ` - Selected Choice` is dropped.

use super::options::normalise;

/// One column's header after combining the header rows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Header {
    /// The readable name (unique among the columns).
    pub name: String,
    /// The tool's short code, when a header row holds codes.
    pub code: Option<String>,
}

/// How many of the leading records are header rows (1 to 3), given the first
/// record and up to two more.
pub(crate) fn header_rows(first: &[String], next: &[&[String]]) -> usize {
    let second = next.first().copied();
    let third = next.get(1).copied();
    if let (Some(_), Some(third)) = (second, third) {
        if is_import_id_row(third) {
            return 3;
        }
    }
    match second {
        Some(second) if sub_answers(first, second) || spells_out(first, second) => 2,
        _ => 1,
    }
}

/// Qualtrics' third row: JSON objects naming an `ImportId`.
fn is_import_id_row(row: &[String]) -> bool {
    let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
    !filled.is_empty()
        && filled.iter().all(|c| {
            let c = c.trim();
            c.starts_with('{') && c.ends_with('}') && c.contains("ImportId")
        })
}

/// True for SurveyMonkey's `Response` / `Open-Ended Response` labels.
fn is_sub_answer(cell: &str) -> bool {
    matches!(
        normalise(cell).as_str(),
        "response" | "open-ended response" | "open ended response"
    )
}

/// SurveyMonkey's second row: two or more `Response` / `Open-Ended
/// Response` labels, or one under a row 1 that leaves a column's question
/// blank over a labelled sub-answer (an answer that happens to read
/// `Response` is not enough).
fn sub_answers(first: &[String], second: &[String]) -> bool {
    let labels = second.iter().filter(|c| is_sub_answer(c)).count();
    let spread = first
        .iter()
        .zip(second)
        .any(|(a, b)| a.trim().is_empty() && !b.trim().is_empty());
    labels >= 2 || (labels == 1 && spread)
}

/// Letters and digits only, lower case: `Start Date` and `StartDate` agree.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Legacy Qualtrics: row 2 spells out row 1's metadata names.
fn spells_out(first: &[String], second: &[String]) -> bool {
    const NAMES: [&str; 5] = [
        "startdate",
        "enddate",
        "responseid",
        "recordeddate",
        "ipaddress",
    ];
    let matched = first
        .iter()
        .zip(second)
        .filter(|(a, b)| {
            let k = key(a);
            NAMES.contains(&k.as_str()) && key(b) == k
        })
        .count();
    matched >= 2
}

/// Collapses whitespace and drops Qualtrics' ` - Selected Choice`.
fn clean(cell: &str) -> String {
    let joined = cell.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.replace(" - Selected Choice", "")
}

/// Combines the header rows into one [`Header`] per column (names not yet
/// made unique).
pub(crate) fn combine(rows: &[&[String]]) -> Vec<Header> {
    let Some(first) = rows.first() else {
        return Vec::new();
    };
    let Some(second) = rows.get(1) else {
        return first
            .iter()
            .map(|c| Header {
                name: clean(c),
                code: None,
            })
            .collect();
    };
    let cell = |row: &[String], i: usize| row.get(i).map(|c| clean(c)).unwrap_or_default();
    if rows.len() == 3 || !sub_answers(first, second) {
        // Codes over text.
        return (0..first.len())
            .map(|i| {
                let (code, text) = (cell(first, i), cell(second, i));
                Header {
                    name: if text.is_empty() { code.clone() } else { text },
                    code: (!code.is_empty()).then_some(code),
                }
            })
            .collect();
    }
    // Question over sub-answer: the question carries to the right over
    // columns whose first row is blank and whose second row is not.
    let mut question = String::new();
    (0..first.len())
        .map(|i| {
            let (top, sub) = (cell(first, i), cell(second, i));
            if !top.is_empty() {
                question = top;
            } else if sub.is_empty() {
                question.clear();
            }
            let plain = matches!(
                normalise(&sub).as_str(),
                "" | "response" | "open-ended response" | "open ended response"
            );
            let name = match (question.is_empty(), plain) {
                (true, _) => sub,
                (false, true) => question.clone(),
                (false, false) => format!("{question} [{sub}]"),
            };
            Header { name, code: None }
        })
        .collect()
}

/// Blank names become `column N`; a name already taken gets its code or its
/// column number added, so every name is unique. Returns the first clash
/// that cannot be resolved that way (one header row: the file's own
/// duplicate) as `(name, first column, second column)`, 1-based.
pub(crate) fn unique_names(
    headers: &mut [Header],
    header_rows: usize,
) -> Result<(), (String, usize, usize)> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for i in 0..headers.len() {
        let Some(h) = headers.get_mut(i) else {
            continue;
        };
        if h.name.is_empty() {
            h.name = format!("column {}", i + 1);
        }
        if let Some(&first) = seen.get(&h.name) {
            if header_rows == 1 {
                return Err((h.name.clone(), first + 1, i + 1));
            }
            let tag = h
                .code
                .clone()
                .unwrap_or_else(|| format!("column {}", i + 1));
            h.name = format!("{} ({tag})", h.name);
            if seen.contains_key(&h.name) {
                h.name = format!("{} (column {})", h.name, i + 1);
            }
        }
        seen.insert(h.name.clone(), i);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn qualtrics_three_rows() {
        let a = row(&["StartDate", "Q1_1", "Q1_2"]);
        let b = row(&[
            "Start Date",
            "How satisfied - Parks",
            "How satisfied - Libraries",
        ]);
        let c = row(&[
            r#"{"ImportId":"startDate","timeZone":"Europe/London"}"#,
            r#"{"ImportId":"QID1_1"}"#,
            r#"{"ImportId":"QID1_2"}"#,
        ]);
        assert_eq!(header_rows(&a, &[&b, &c]), 3);
        let h = combine(&[&a, &b, &c]);
        assert_eq!(h[1].name, "How satisfied - Parks");
        assert_eq!(h[1].code.as_deref(), Some("Q1_1"));
    }

    #[test]
    fn surveymonkey_two_rows() {
        let a = row(&["Respondent ID", "Which do you use?", "", "", "Age"]);
        let b = row(&[
            "",
            "Parks",
            "Libraries",
            "Other (please specify)",
            "Response",
        ]);
        assert_eq!(header_rows(&a, &[&b]), 2);
        let names: Vec<String> = combine(&[&a, &b]).into_iter().map(|h| h.name).collect();
        assert_eq!(
            names,
            [
                "Respondent ID",
                "Which do you use? [Parks]",
                "Which do you use? [Libraries]",
                "Which do you use? [Other (please specify)]",
                "Age"
            ]
        );
    }

    #[test]
    fn one_row_when_nothing_matches() {
        let a = row(&["id", "q1"]);
        let b = row(&["r1", "Response"]);
        assert_eq!(header_rows(&a, &[]), 1);
        assert_eq!(header_rows(&a, &[&row(&["r1", "3"])]), 1);
        // A data cell that happens to read "Response" is not a header row.
        assert_eq!(header_rows(&a, &[&b]), 1);
    }

    #[test]
    fn clashing_names_get_their_code() {
        let mut h = vec![
            Header {
                name: "Rate it".into(),
                code: Some("Q1".into()),
            },
            Header {
                name: "Rate it".into(),
                code: Some("Q2".into()),
            },
            Header {
                name: String::new(),
                code: None,
            },
        ];
        unique_names(&mut h, 3).unwrap();
        assert_eq!(h[1].name, "Rate it (Q2)");
        assert_eq!(h[2].name, "column 3");
        let mut h = vec![h[0].clone(), h[0].clone()];
        assert_eq!(unique_names(&mut h, 1), Err(("Rate it".into(), 1, 2)));
    }
}
