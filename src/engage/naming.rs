//! Short plain-language segment names from their distinctive activities.
//!
//! Rules: a segment's name comes from the first one or two activities of its
//! brief (those clearly above average), e.g. "Co-designers and co-assessors";
//! with none, "Less engaged (so far)"; an empty segment is "Empty segment".
//! The caller's `names` win. Names are unique: segments the caller named are
//! taken first, then the others, each in id order, and a name already taken
//! gets " (2)", " (3)", ... appended.

use std::collections::{BTreeMap, BTreeSet};

use crate::profile::SegmentProfile;

/// The derived name of one segment (before disambiguation).
fn derived(segment: &SegmentProfile) -> String {
    if segment.figures.size == 0 {
        return "Empty segment".into();
    }
    let mut people = segment.brief.activities.iter().map(|a| a.activity.people());
    match (people.next(), people.next()) {
        (Some(a), Some(b)) => {
            let mut chars = b.chars();
            let b: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_lowercase)
                .chain(chars)
                .collect();
            format!("{a} and {b}")
        }
        (Some(a), None) => a.to_string(),
        _ => "Less engaged (so far)".into(),
    }
}

/// One unique name per segment, in segment order.
pub fn name_segments(segments: &[SegmentProfile], names: &BTreeMap<u32, String>) -> Vec<String> {
    let mut out = vec![String::new(); segments.len()];
    let mut taken = BTreeSet::new();
    let caller_first = segments
        .iter()
        .enumerate()
        .filter(|(_, s)| names.contains_key(&s.id));
    let derived_then = segments
        .iter()
        .enumerate()
        .filter(|(_, s)| !names.contains_key(&s.id));
    for (i, segment) in caller_first.chain(derived_then) {
        let base = match names.get(&segment.id) {
            Some(name) => name.trim().to_string(),
            None => derived(segment),
        };
        let mut name = base.clone();
        let mut suffix = 2;
        while taken.contains(&name) {
            name = format!("{base} ({suffix})");
            suffix += 1;
        }
        taken.insert(name.clone());
        out[i] = name;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::testing::{ASSIGNMENTS, fixture};
    use crate::profile::{ProfileOptions, profile};

    fn segments(names: BTreeMap<u32, String>) -> Vec<SegmentProfile> {
        let options = ProfileOptions {
            min_group_size: 1,
            names,
            ..ProfileOptions::default()
        };
        profile(&fixture(), &ASSIGNMENTS, None, &options)
            .map(|p| p.segments)
            .unwrap_or_default()
    }

    #[test]
    fn names_from_top_activities() {
        let s = segments(BTreeMap::new());
        let names: Vec<&str> = s.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Co-designers and community doers", "Co-funders"]);
    }

    #[test]
    fn no_activity_above_average_and_duplicates_get_suffixes() {
        let mut s = segments(BTreeMap::new());
        for segment in &mut s {
            segment.brief.activities.clear();
        }
        assert_eq!(
            name_segments(&s, &BTreeMap::new()),
            ["Less engaged (so far)", "Less engaged (so far) (2)"]
        );
    }

    #[test]
    fn caller_names_win_and_stay_unique() {
        let s = segments(BTreeMap::from([(
            1,
            "Co-designers and community doers".to_string(),
        )]));
        let names: Vec<&str> = s.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Co-designers and community doers (2)",
                "Co-designers and community doers"
            ]
        );
        assert_eq!(s[1].brief.name, s[1].name);
    }
}
