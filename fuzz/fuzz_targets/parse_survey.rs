//! Any bytes, with or without a forced delimiter, and under extra header
//! rows (Qualtrics' three, SurveyMonkey's two), must give a survey or a
//! typed error: never a panic, and a survey must be internally consistent.
#![no_main]

use citizen_segments::survey::{ColumnKind, DELIMITERS, ImportOptions, parse_survey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options, the rest is the file.
    let Some((&choice, input)) = data.split_first() else {
        return;
    };
    let options = ImportOptions {
        delimiter: DELIMITERS.get(usize::from(choice % 8)).map(|&d| char::from(d)),
        missing_codes: if choice & 0x80 != 0 { vec!["x".into()] } else { vec![] },
        ..Default::default()
    };
    // Bits 5 and 6 put header rows of the tools' shapes over the input.
    let framed: Vec<u8>;
    let input = if choice & 0x40 != 0 {
        framed = [
            b"ResponseId,Q1\nResponse ID,Question\n{\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1\"}\n".as_slice(),
            input,
        ]
        .concat();
        framed.as_slice()
    } else if choice & 0x20 != 0 {
        framed = [b"Respondent ID,Question,\n,Response,Other\n".as_slice(), input].concat();
        framed.as_slice()
    } else {
        input
    };
    if let Ok(survey) = parse_survey(input, &options) {
        assert_eq!(survey.ids.len(), survey.respondents);
        for column in &survey.columns {
            assert_eq!(column.values.len(), survey.respondents);
            let missing = (0..survey.respondents).filter(|&r| column.values.is_missing(r)).count();
            assert_eq!(missing, column.missing, "column {}", column.name);
            assert_eq!(
                column.reason.is_some(),
                column.kind == ColumnKind::Metadata,
                "column {}",
                column.name
            );
            if column.other_of.is_some() {
                assert_eq!(column.kind, ColumnKind::Text, "column {}", column.name);
            }
        }
    }
});
