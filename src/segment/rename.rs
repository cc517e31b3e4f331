//! Renaming the segments of a finished segmentation: only the names change,
//! so every export made afterwards carries the new ones without a new run.

use std::collections::BTreeMap;

use super::error::SegmentError;
use super::result::Segmentation;

impl Segmentation {
    /// Gives segments new names: `names` maps segment ids, written as
    /// strings as in the `names` option (`"0"`, `"1"`, ...), to names, which
    /// are trimmed. Segments not in `names` keep theirs.
    ///
    /// Refuses, changing nothing, a key that is not an id of this
    /// segmentation, a blank name, or two segments ending up with the same
    /// name. The options record the new names, so a report shows them and a
    /// rerun with these options gives the same names.
    pub fn rename(&mut self, names: &BTreeMap<String, String>) -> Result<(), SegmentError> {
        let mut wanted = BTreeMap::new();
        for (key, name) in names {
            let segment = key
                .trim()
                .parse::<u32>()
                .map_err(|_| SegmentError::InvalidNameKey(key.clone()))?;
            if segment >= self.k {
                return Err(SegmentError::UnknownSegment { segment, k: self.k });
            }
            let name = name.trim();
            if name.is_empty() {
                return Err(SegmentError::BlankName { segment });
            }
            wanted.insert(segment, name.to_string());
        }
        let after: Vec<String> = (0..self.k)
            .map(|id| match wanted.get(&id) {
                Some(name) => name.clone(),
                None => self.name_of(id),
            })
            .collect();
        check_distinct(&after)?;
        for (id, name) in wanted {
            self.set_name(id, &name);
            self.options.names.insert(id.to_string(), name);
        }
        Ok(())
    }

    /// The current name of segment `id` (empty for an id it does not have).
    pub fn name_of(&self, id: u32) -> String {
        self.segments
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    }

    /// Segment `id`'s name, in its one home: the summary (the profiles'
    /// and briefs' names in the JSON are read from it).
    /// Every segment's current name, by id (`0..k`).
    pub fn names(&self) -> Vec<String> {
        (0..self.k).map(|id| self.name_of(id)).collect()
    }

    fn set_name(&mut self, id: u32, name: &str) {
        for s in self.segments.iter_mut().filter(|s| s.id == id) {
            s.name = name.to_string();
        }
    }
}

/// Refuses the first name that two segments share.
fn check_distinct(names: &[String]) -> Result<(), SegmentError> {
    for (second, name) in names.iter().enumerate() {
        if let Some(first) = names[..second].iter().position(|n| n == name) {
            return Err(SegmentError::DuplicateName {
                name: name.clone(),
                first: first as u32,
                second: second as u32,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{KChoice, SegmentOptions, segment};
    use crate::testing::{likert, survey};

    fn two_segments() -> Segmentation {
        let answers = [1.0, 1.0, 2.0, 5.0, 5.0, 4.0].map(Some);
        let s = survey(vec![likert("q", &answers, 1.0, 5.0)]);
        let options = SegmentOptions {
            k: KChoice::Fixed(2),
            stability: false,
            min_group_size: 1,
            ..SegmentOptions::default()
        };
        segment(&s, &options).expect("a valid survey")
    }

    fn names(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_rename_reaches_every_place_a_name_is_shown() {
        let mut result = two_segments();
        let other = result.name_of(0);
        result.rename(&names(&[(" 1 ", "  Doers ")])).unwrap();
        assert_eq!(result.name_of(1), "Doers");
        assert_eq!(result.name_of(0), other);
        let json = serde_json::to_value(&result).unwrap_or_default();
        assert_eq!(json["segments"][1]["name"], "Doers");
        assert_eq!(json["profiles"]["segments"][1]["name"], "Doers");
        assert_eq!(json["profiles"]["segments"][1]["brief"]["name"], "Doers");
        assert_eq!(result.names()[1], "Doers");
        assert_eq!(result.model().names[1], "Doers");
        assert_eq!(result.options.names["1"], "Doers");
    }

    #[test]
    fn a_bad_rename_is_refused_and_changes_nothing() {
        let mut result = two_segments();
        let before = result.clone();
        let taken = result.name_of(0);
        let cases = [
            (
                names(&[("one", "Doers")]),
                SegmentError::InvalidNameKey("one".into()),
            ),
            (
                names(&[("2", "Doers")]),
                SegmentError::UnknownSegment { segment: 2, k: 2 },
            ),
            (
                names(&[("0", "Fine"), ("1", " ")]),
                SegmentError::BlankName { segment: 1 },
            ),
            (
                names(&[("1", &taken)]),
                SegmentError::DuplicateName {
                    name: taken.clone(),
                    first: 0,
                    second: 1,
                },
            ),
            (
                names(&[("0", "Same"), ("1", " Same")]),
                SegmentError::DuplicateName {
                    name: "Same".into(),
                    first: 0,
                    second: 1,
                },
            ),
        ];
        for (wanted, error) in cases {
            assert_eq!(result.rename(&wanted), Err(error));
            assert_eq!(result, before);
        }
    }

    #[test]
    fn swapping_two_names_is_allowed() {
        let mut result = two_segments();
        let (a, b) = (result.name_of(0), result.name_of(1));
        result.rename(&names(&[("0", &b), ("1", &a)])).unwrap();
        assert_eq!((result.name_of(0), result.name_of(1)), (b, a));
    }
}
