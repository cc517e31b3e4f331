//! CSV exports that a spreadsheet opens safely.
//!
//! Cell rule (RFC 4180 plus formula neutralisation):
//! 1. a plain number (`-?digits[.digits][e±digits]`, e.g. `-1.5`) is written as is;
//! 2. otherwise a cell starting with `=`, `+`, `-`, `@`, tab or carriage return
//!    gets a `'` in front (so `-2+3` becomes `'-2+3`) and is always quoted;
//! 3. a cell containing a comma, double quote, line feed or carriage return is
//!    quoted, with each `"` doubled.
//!
//! Lines end with CRLF.

use super::table::profile_table;
use crate::profile::Profiles;

/// `-?digits[.digits][(e|E)[+-]digits]`.
fn is_plain_number(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((a, b)) => digits(a) && digits(b),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    mantissa_ok && exponent_ok
}

/// One CSV cell, neutralised and quoted by the rule above.
pub fn csv_cell(value: &str) -> String {
    if is_plain_number(value) {
        return value.to_string();
    }
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if risky {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if risky || text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| csv_cell(c.as_ref())).collect();
    format!("{}\r\n", cells.join(","))
}

/// One row per respondent: `respondent_id,segment_id,segment_name,distance`.
/// `names[s]` names segment `s`; an unassigned respondent (-1, or a missing
/// entry) gets empty segment cells and distance; a missing or non-finite
/// distance is empty.
pub fn assignments_csv(
    ids: &[String],
    assignments: &[i32],
    names: &[String],
    distances: &[f64],
) -> String {
    let mut out = line(&["respondent_id", "segment_id", "segment_name", "distance"]);
    for (i, id) in ids.iter().enumerate() {
        let segment = assignments.get(i).and_then(|&s| usize::try_from(s).ok());
        let (segment_id, name, distance) = match segment {
            Some(s) => (
                s.to_string(),
                names.get(s).cloned().unwrap_or_default(),
                distances
                    .get(i)
                    .filter(|d| d.is_finite())
                    .map(f64::to_string)
                    .unwrap_or_default(),
            ),
            None => (String::new(), String::new(), String::new()),
        };
        out.push_str(&line(&[id.as_str(), &segment_id, &name, &distance]));
    }
    out
}

/// The profiles with segments as columns: rows are question / option-or-level
/// / statistic, columns all respondents then each segment by its name in
/// `names` (segment `i` is `names[i]`). Figures
/// from fewer than `min_group_size` respondents are suppressed (see
/// [`suppressed`](super::suppressed)). Shares are percentages (1 decimal),
/// means and sds 2 decimals, indices whole numbers.
pub fn profiles_csv(profiles: &Profiles, names: &[String], min_group_size: u32) -> String {
    let table = profile_table(profiles, names, min_group_size);
    let mut out = line(&table.header);
    for row in &table.rows {
        out.push_str(&line(row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engage::fixture_engagement;
    use crate::profile::testing::fixture;

    #[test]
    fn numbers_stay_numbers() {
        for n in ["-1.5", "0", "12", "-0.25", "3e5", "-2.5E-3"] {
            assert_eq!(csv_cell(n), n);
        }
    }

    #[test]
    fn formulas_are_neutralised() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            ),
            ("+SUM(1)", "\"'+SUM(1)\""),
            ("@cmd", "\"'@cmd\""),
            ("-2+3", "\"'-2+3\""),
            ("-", "\"'-\""),
            ("\tx", "\"'\tx\""),
            ("\rx", "\"'\rx\""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("plain", "plain"),
        ];
        for (cell, want) in cases {
            assert_eq!(csv_cell(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn assignments_with_hostile_ids_and_names() {
        let ids: Vec<String> = ["=HYPERLINK(\"x\")", "+SUM(1)", "@cmd", "r,4"]
            .map(String::from)
            .to_vec();
        let names = ["-2+3".to_string(), "\tTabbed \"name\"".to_string()];
        let csv = assignments_csv(&ids, &[0, 1, -1, 0], &names, &[0.5, -1.5, 2.0, f64::NAN]);
        let want = "respondent_id,segment_id,segment_name,distance\r\n\
            \"'=HYPERLINK(\"\"x\"\")\",0,\"'-2+3\",0.5\r\n\
            \"'+SUM(1)\",1,\"'\tTabbed \"\"name\"\"\",-1.5\r\n\
            \"'@cmd\",,,\r\n\
            \"r,4\",0,\"'-2+3\",\r\n";
        assert_eq!(csv, want);
    }

    #[test]
    fn profiles_csv_layout_and_suppression() {
        let names = [(1, "=Doers".to_string())].into();
        let (p, e) = fixture_engagement(&fixture(), 3, &[], names);
        let csv = profiles_csv(&p, &e.names, 3);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "question,answer,statistic,All respondents,Co-designers and community doers,\"'=Doers\""
        );
        assert_eq!(lines[1], "Segment,,respondents,6,3,3");
        assert_eq!(lines[3], "Segment,,share_%,100.0,50.0,50.0");
        assert_eq!(lines[4], "Segment,,below_min_size,,no,no");
        let find = |prefix: &str| {
            lines
                .iter()
                .find(|l| l.starts_with(prefix))
                .copied()
                .unwrap_or("")
        };
        // Segment 1 has 2 answers (< 3): suppressed; segment 0 has 3.
        assert_eq!(
            find("Interest in co-design,,n,"),
            "Interest in co-design,,n,5,3,2"
        );
        assert_eq!(
            find("Interest in co-design,,mean,"),
            "Interest in co-design,,mean,3.00,4.33,[suppressed: n<3]"
        );
        assert_eq!(
            find("Interest in co-design,,top_two_%,"),
            "Interest in co-design,,top_two_%,60.0,100.0,[suppressed: n<3]"
        );
        assert_eq!(
            find("Interest in co-design,,label,"),
            "Interest in co-design,,label,Neither,Fairly interested,[suppressed: n<3]"
        );
        assert_eq!(
            find("Preferred channel,Community event,index,"),
            "Preferred channel,Community event,index,100,167,[suppressed: n<3]"
        );
        assert_eq!(find("Zeros,,index,"), "Zeros,,index,,,");
    }
}
