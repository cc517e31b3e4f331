//! Native timing of `parse_survey` on a file, for profiling the import.
//!
//! `cargo run --release --example import_bench -- FILE [REPEATS]` prints the
//! median MB/s over the repeats (default 3), what was read, and the bytes
//! the number columns' answers hold (`/usr/bin/time -v` gives the peak).

use std::time::Instant;

use citizen_segments::survey::{ImportOptions, Survey, Values, parse_survey};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: import_bench FILE [REPEATS]");
        std::process::exit(2);
    };
    let repeats: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let mb = bytes.len() as f64 / 1e6;
    let mut seconds = Vec::with_capacity(repeats);
    for _ in 0..repeats.max(1) {
        let start = Instant::now();
        match parse_survey(&bytes, &ImportOptions::default()) {
            Ok(survey) => {
                seconds.push(start.elapsed().as_secs_f64());
                println!(
                    "{} respondents, {} columns, {:.2} s",
                    survey.respondents,
                    survey.columns.len(),
                    start.elapsed().as_secs_f64()
                );
                println!("{}", number_bytes(&survey));
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
    seconds.sort_by(f64::total_cmp);
    let median = seconds[seconds.len() / 2];
    println!("{mb:.1} MB: median {:.1} MB/s ({median:.2} s)", mb / median);
}

/// What the number columns' answers hold on the heap, and how many of them
/// are stored as one byte a respondent.
fn number_bytes(survey: &Survey) -> String {
    let numbers: Vec<_> = survey
        .columns
        .iter()
        .filter_map(|c| match &c.values {
            Values::Numbers(v) => Some(v),
            _ => None,
        })
        .collect();
    let bytes: usize = numbers.iter().map(|v| v.heap_bytes()).sum();
    let coded = numbers.iter().filter(|v| v.is_coded()).count();
    format!(
        "number columns: {} ({coded} coded), answers {:.1} MiB",
        numbers.len(),
        bytes as f64 / (1 << 20) as f64
    )
}
