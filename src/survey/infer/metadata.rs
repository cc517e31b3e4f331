//! Metadata: columns about the response rather than answers (rule 2),
//! recognised from their names (or codes) and from their values.
//!
//! By name (case, spaces and punctuation ignored): collector and user ids,
//! dates and times (`Start Date`, `Timestamp`, `submitdate`, `… (UTC)`),
//! durations and timings (`Duration (in seconds)`, `interviewtime`,
//! `groupTime123`, LimeSurvey's `<code>Time`), IP addresses and locations,
//! emails and names, custom data, progress / finished / status / response
//! type / completion flags, language, distribution channel, seeds, last
//! page, bot scores, network ids, tags.
//!
//! By values, every answer: an IPv4 address, an email address, a date or a
//! date and time, a distinct token (8+ letters and digits, both present), or
//! a distinct integer where the integers increase down the file (at least 8)
//! or all have 6 or more digits (numeric ids).

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::super::cells::FastHasher;

use super::numbers::parse_number;

/// Letters and digits only, lower case.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Names (as [`key`]s) and what they are.
const NAMES: &[(&str, &[&str])] = &[
    (
        "an id of the response or its collector",
        &[
            "collectorid",
            "userid",
            "userno",
            "usernumber",
            "uniqueid",
            "urn",
            "respid",
            "recordid",
            "externalreference",
            "externaldatareference",
            "token",
            "networkid",
            "responsenumber",
        ],
    ),
    (
        "a date or time of the response",
        &[
            "timestamp",
            "startdate",
            "enddate",
            "recordeddate",
            "starttime",
            "endtime",
            "completiontime",
            "completiondate",
            "lastmodifiedtime",
            "submitdate",
            "datestamp",
            "started",
            "ended",
            "submitted",
            "date",
            "startdateutc",
            "stagedateutc",
            "submitdateutc",
            "datesubmitted",
        ],
    ),
    (
        "a duration or timing",
        &[
            "durationinseconds",
            "duration",
            "interviewtime",
            "timetaken",
            "totaltime",
        ],
    ),
    (
        "a network address or location",
        &[
            "ipaddress",
            "ipaddr",
            "ip",
            "refurl",
            "referer",
            "referrer",
            "locationlatitude",
            "locationlongitude",
            "latitude",
            "longitude",
        ],
    ),
    (
        "a respondent's contact details",
        &[
            "email",
            "emailaddress",
            "name",
            "firstname",
            "lastname",
            "recipientemail",
            "recipientfirstname",
            "recipientlastname",
        ],
    ),
    (
        "the response's status or progress",
        &[
            "status",
            "progress",
            "finished",
            "responsetype",
            "complete",
            "completed",
            "lastpage",
            "ending",
            "totalpoints",
            "quizfeedback",
        ],
    ),
    (
        "survey settings (language, channel, seed, tags)",
        &[
            "startlanguage",
            "userlanguage",
            "distributionchannel",
            "seed",
            "tags",
            "collector",
            "qrecaptchascore",
            "recaptchascore",
        ],
    ),
];

/// Why a column named `name` (or coded `code`) is metadata, from its name.
pub(super) fn by_name(name: &str, code: Option<&str>) -> Option<String> {
    for label in std::iter::once(name).chain(code) {
        let k = key(label);
        if let Some((what, _)) = NAMES.iter().find(|(_, names)| names.contains(&k.as_str())) {
            return Some(format!("named like {what}"));
        }
        if k.starts_with("customdata") || k.starts_with("customvariable") {
            return Some("named like custom data from the survey link".into());
        }
        if k.starts_with("grouptime") && k.len() > 9 && k[9..].bytes().all(|b| b.is_ascii_digit()) {
            return Some("named like a duration or timing".into());
        }
        // LimeSurvey's per-question timings: a code such as `M1Time`.
        if label.len() > 4
            && label.ends_with("Time")
            && !label.contains(char::is_whitespace)
            && label.chars().any(|c| c.is_ascii_digit())
        {
            return Some("named like a duration or timing".into());
        }
    }
    None
}

/// Why a column whose answers are `present` is metadata, from its values;
/// `all_distinct` tells whether no two answers are the same text.
pub(super) fn by_values(present: &[(usize, &str)], all_distinct: bool) -> Option<String> {
    if present.len() < 2 {
        return None;
    }
    let all = |f: fn(&str) -> bool| present.iter().all(|(_, c)| f(c));
    if all(is_ipv4) {
        return Some("every answer is an IP address".into());
    }
    if all(is_email) {
        return Some("every answer is an email address".into());
    }
    if all(is_date) {
        return Some("every answer is a date or time".into());
    }
    if !all_distinct {
        return None;
    }
    if present.len() >= 3 && all(is_token) {
        return Some("every answer is a distinct code".into());
    }
    let numbers: Option<Vec<f64>> = present
        .iter()
        .map(|(_, c)| parse_number(c, false).filter(|v| v.fract() == 0.0))
        .collect();
    let numbers = numbers?;
    let increasing = numbers.len() >= 8 && numbers.windows(2).all(|w| w[0] < w[1]);
    let long = present.len() >= 3
        && present
            .iter()
            .all(|(_, c)| c.trim_start_matches(['+', '-']).len() >= 6);
    (increasing || long).then(|| "every answer is a distinct whole number, like an id".into())
}

/// True when no two of `present` are the same text.
pub(super) fn all_distinct(present: &[(usize, &str)]) -> bool {
    let mut seen: HashSet<&str, BuildHasherDefault<FastHasher>> = HashSet::default();
    present.iter().all(|&(_, c)| seen.insert(c))
}

fn is_ipv4(cell: &str) -> bool {
    let parts: Vec<&str> = cell.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()) && {
                p.parse::<u16>().is_ok_and(|v| v <= 255)
            }
        })
}

fn is_email(cell: &str) -> bool {
    let Some((user, domain)) = cell.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !cell.contains(char::is_whitespace)
}

/// A date as surveys write it: three groups of digits separated by `/`, `-`
/// or `.` (one of them of four digits or the last of two), then optionally a
/// time and anything after it (`AM`, `GMT+9`).
fn is_date(cell: &str) -> bool {
    let date = cell.split([' ', 'T']).next().unwrap_or_default();
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    let sep_same = {
        let seps: Vec<char> = date.chars().filter(|c| !c.is_ascii_digit()).collect();
        seps.len() == 2 && seps[0] == seps[1]
    };
    let year = parts.iter().any(|p| p.len() == 4) || parts.last().is_some_and(|p| p.len() == 2);
    let rest = cell.get(date.len()..).unwrap_or_default().trim();
    let time_ok =
        rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) && rest.contains(':');
    sep_same && year && time_ok
}

fn is_token(cell: &str) -> bool {
    cell.len() >= 8
        && cell
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && cell.bytes().any(|b| b.is_ascii_digit())
        && cell.bytes().any(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values_of(present: &[(usize, &str)]) -> Option<String> {
        by_values(present, all_distinct(present))
    }

    fn cells<'a>(v: &[&'a str]) -> Vec<(usize, &'a str)> {
        v.iter().copied().enumerate().collect()
    }

    #[test]
    fn names_and_codes() {
        assert!(by_name("IP Address", None).is_some());
        assert!(by_name("Duration (in seconds)", None).is_some());
        assert!(by_name("Submit Date (UTC)", None).is_some());
        assert!(by_name("groupTime8106", None).is_some());
        assert!(by_name("M1Time", None).is_some());
        assert!(by_name("Custom Data 1", None).is_some());
        assert!(by_name("Response Type", None).is_some());
        assert!(by_name("Progress", Some("Progress")).is_some());
        assert!(by_name("How do you spend your free time", None).is_none());
        assert!(by_name("Age", None).is_none());
        assert!(by_name("Response Type label", Some("status")).is_some());
    }

    #[test]
    fn values() {
        assert!(values_of(&cells(&["10.0.0.1", "192.168.1.20"])).is_some());
        assert!(values_of(&cells(&["a@b.org", "c.d@e.co.uk"])).is_some());
        assert!(values_of(&cells(&["2020-07-17 18:52:45", "2020-07-18 09:01:00"])).is_some());
        assert!(values_of(&cells(&["10/28/2025 09:15:02 AM", "7/27/26 19:06:23"])).is_some());
        assert!(
            values_of(&cells(&[
                "2022/03/10 1:19:08 PM GMT+9",
                "2022/03/11 2:00:00 PM GMT+9"
            ]))
            .is_some()
        );
        assert!(
            values_of(&cells(&[
                "R_u8Geu0CykTxNh6h",
                "R_3k2Jd9sLq0pXz1a",
                "R_9aB3cD4eF5gH6iJ"
            ]))
            .is_some()
        );
        assert!(values_of(&cells(&["118052219061", "118052219062", "118052219063"])).is_some());
        let ids: Vec<String> = (1..=8).map(|i| (i * 3).to_string()).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert!(values_of(&cells(&refs)).is_some());
        // Not metadata: age bands, scale answers, a few increasing numbers.
        assert!(values_of(&cells(&["16-24", "25-34", "35-44"])).is_none());
        assert!(values_of(&cells(&["1", "2", "3", "4", "5"])).is_none());
        assert!(values_of(&cells(&["23", "31", "45", "52", "67"])).is_none());
        assert!(values_of(&cells(&["Parks", "Libraries"])).is_none());
        assert!(values_of(&cells(&["1.2.3", "2.3.4"])).is_none());
    }
}
