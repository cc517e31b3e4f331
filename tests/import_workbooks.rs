//! Workbooks through `parse_survey`: typed cells, the `sheet` option, and the
//! refusals (`tests/fixtures/import/workbooks/`, written by
//! `scripts/make-workbook-fixtures.py`). The survey content of the good
//! workbooks is checked against the tools' expectations in `import_tools.rs`.

use std::fs;

use citizen_segments::survey::{ColumnKind, ImportError, ImportOptions, Values, parse_survey};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/workbooks"
);

fn bytes(name: &str) -> Vec<u8> {
    fs::read(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn named(name: &str) -> ImportOptions {
    ImportOptions {
        file_name: Some(name.rsplit('/').next().unwrap_or(name).into()),
        ..Default::default()
    }
}

fn refusal(name: &str, options: &ImportOptions) -> ImportError {
    match parse_survey(&bytes(name), options) {
        Ok(s) => panic!("{name} was read ({} respondents)", s.respondents),
        Err(e) => e,
    }
}

#[test]
fn cells_keep_their_types() {
    let s = parse_survey(&bytes("msforms.xlsx"), &named("msforms.xlsx")).unwrap();
    // ID is a number cell: the ids are its integers, not "1.0".
    assert_eq!(s.id_column.as_deref(), Some("ID"));
    assert_eq!(&s.ids[..3], ["1", "2", "3"]);
    // Start time is a date-time cell, written as a date the metadata
    // detector knows, and left out as metadata.
    let start = s.column("Start time").unwrap();
    assert_eq!(start.kind, ColumnKind::Metadata);
    let Values::Text(times) = &start.values else {
        panic!("Start time holds {:?}", start.values);
    };
    assert_eq!(times[0].as_deref(), Some("2025-10-01 09:00:00"));
}

#[test]
fn the_first_sheet_with_data_is_read_and_the_sheet_option_picks_another() {
    let s = parse_survey(&bytes("google_sheets.xlsx"), &ImportOptions::default()).unwrap();
    assert_eq!(s.respondents, 30);
    let w = &s
        .warnings
        .iter()
        .find(|w| w.message.contains("sheets"))
        .unwrap()
        .message;
    assert!(
        w.contains(r#"("Summary", "Form responses 1"); sheet "Form responses 1" was read"#),
        "{w}"
    );
    let notes = ImportOptions {
        sheet: Some("Notes".into()),
        ..named("google_sheets.ods")
    };
    let e = refusal("google_sheets.ods", &notes);
    assert_eq!(e.sheet(), Some("Notes"));
    assert_eq!(
        e.to_string(),
        "google_sheets.ods: sheet \"Notes\": the file has a header row but no answers"
    );
}

#[test]
fn an_unknown_sheet_is_refused_with_the_sheets_listed() {
    let options = ImportOptions {
        sheet: Some("Responses".into()),
        ..named("google_sheets.ods")
    };
    assert_eq!(
        refusal("google_sheets.ods", &options).to_string(),
        "google_sheets.ods: option \"sheet\": the workbook has no sheet \"Responses\"; \
         its sheets are \"Form responses 1\", \"Empty\", \"Notes\""
    );
}

#[test]
fn errors_name_the_sheet_row_and_column_letters() {
    let e = refusal("errors/typo.xlsx", &named("typo.xlsx"));
    assert_eq!(
        e.to_string(),
        "typo.xlsx: sheet \"Responses\", row 5, column C (\"Age\"): \"4o\" is not a number"
    );
    assert_eq!(
        (e.row(), e.column(), e.sheet(), e.column_letter()),
        (Some(5), Some("Age"), Some("Responses"), Some("C"))
    );
    let e = refusal("errors/header_only.xlsx", &named("header_only.xlsx"));
    assert!(e.to_string().contains("sheet \"Responses\": "), "{e}");
}

#[test]
fn what_is_not_a_survey_workbook_is_refused_saying_what_it_is() {
    for (name, says) in [
        ("errors/legacy.xls", "an Excel 97–2003 workbook (.xls)"),
        ("errors/protected.xlsx", "a password-protected workbook"),
        ("errors/letter.docx", "a Word document, not a spreadsheet"),
    ] {
        let e = refusal(name, &named(name));
        assert!(matches!(e, ImportError::NotASurvey { .. }), "{name}: {e:?}");
        assert!(e.to_string().contains(says), "{name}: {e}");
    }
}

#[test]
fn a_damaged_workbook_is_refused_not_panicked_on() {
    let good = bytes("msforms.xlsx");
    for cut in [40, good.len() / 2, good.len() - 30] {
        let e = parse_survey(&good[..cut], &ImportOptions::default()).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("damaged") || text.contains("cannot be read"),
            "cut at {cut}: {text}"
        );
    }
}
