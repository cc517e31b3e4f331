//! Any bytes, with or without a forced delimiter, must give a survey or a
//! typed error: never a panic, and a survey must be internally consistent.
#![no_main]

use citizen_segments::survey::{DELIMITERS, ImportOptions, parse_survey};
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
    if let Ok(survey) = parse_survey(input, &options) {
        assert_eq!(survey.ids.len(), survey.respondents);
        for column in &survey.columns {
            assert_eq!(column.values.len(), survey.respondents);
            let missing = (0..survey.respondents).filter(|&r| column.values.is_missing(r)).count();
            assert_eq!(missing, column.missing, "column {}", column.name);
        }
    }
});
