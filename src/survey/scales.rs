//! Labelled rating scales: the common 5- and 7-point label sets recognised
//! without options, and the caller's own label lists.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::options::normalise;

/// Known scales, lowest position first. Each position lists the accepted
/// spellings; the first is shown when no respondent used that position.
const KNOWN: &[&[&[&str]]] = &[
    // agreement, 5-point
    &[
        &["Strongly disagree"],
        &["Disagree", "Tend to disagree", "Somewhat disagree"],
        &[
            "Neither agree nor disagree",
            "Neither agree or disagree",
            "Neutral",
            "Neither",
        ],
        &["Agree", "Tend to agree", "Somewhat agree"],
        &["Strongly agree"],
    ],
    // agreement, 7-point
    &[
        &["Strongly disagree"],
        &["Disagree"],
        &["Somewhat disagree", "Slightly disagree"],
        &["Neither agree nor disagree", "Neutral"],
        &["Somewhat agree", "Slightly agree"],
        &["Agree"],
        &["Strongly agree"],
    ],
    // interest
    &[
        &["Not at all interested"],
        &[
            "Not very interested",
            "Not interested",
            "Slightly interested",
        ],
        &[
            "Neither interested nor uninterested",
            "Somewhat interested",
            "Neutral",
            "Neither",
        ],
        &["Fairly interested", "Quite interested", "Interested"],
        &["Very interested", "Extremely interested"],
    ],
    // likelihood
    &[
        &["Very unlikely"],
        &["Unlikely", "Fairly unlikely", "Somewhat unlikely"],
        &["Neither likely nor unlikely", "Neutral", "Neither"],
        &["Likely", "Fairly likely", "Somewhat likely"],
        &["Very likely"],
    ],
    // importance
    &[
        &["Not at all important"],
        &["Slightly important", "Not very important", "Low importance"],
        &[
            "Moderately important",
            "Neither important nor unimportant",
            "Somewhat important",
        ],
        &["Very important", "Fairly important", "Important"],
        &["Extremely important", "Essential"],
    ],
    // satisfaction
    &[
        &["Very dissatisfied"],
        &[
            "Dissatisfied",
            "Fairly dissatisfied",
            "Somewhat dissatisfied",
        ],
        &["Neither satisfied nor dissatisfied", "Neutral", "Neither"],
        &["Satisfied", "Fairly satisfied", "Somewhat satisfied"],
        &["Very satisfied"],
    ],
    // frequency
    &[
        &["Never"],
        &["Rarely", "Seldom"],
        &["Sometimes", "Occasionally"],
        &["Often", "Usually", "Very often", "Most of the time"],
        &["Always"],
    ],
    // quality, from poor
    &[
        &["Poor"],
        &["Fair"],
        &["Good"],
        &["Very good"],
        &["Excellent"],
    ],
    // quality, from very poor
    &[
        &["Very poor"],
        &["Poor"],
        &["Fair", "Average", "Neither good nor poor"],
        &["Good"],
        &["Very good", "Excellent"],
    ],
];

/// Adjectives rated with the usual intensifiers (SurveyMonkey's wording):
/// not at all / not so / somewhat / very / extremely.
const INTENSIFIED: [&str; 10] = [
    "interested",
    "important",
    "likely",
    "satisfied",
    "useful",
    "confident",
    "familiar",
    "concerned",
    "easy",
    "helpful",
];

/// Every known scale: [`KNOWN`], then one intensifier scale per adjective
/// of [`INTENSIFIED`].
fn known() -> &'static [Vec<Vec<String>>] {
    static ALL: OnceLock<Vec<Vec<Vec<String>>>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<Vec<Vec<String>>> = KNOWN
            .iter()
            .map(|scale| {
                scale
                    .iter()
                    .map(|p| p.iter().map(|v| v.to_string()).collect())
                    .collect()
            })
            .collect();
        for adjective in INTENSIFIED {
            all.push(
                ["Not at all", "Not so", "Somewhat", "Very", "Extremely"]
                    .iter()
                    .map(|i| {
                        let mut spellings = vec![format!("{i} {adjective}")];
                        if *i == "Not so" {
                            spellings.push(format!("Not very {adjective}"));
                        }
                        spellings
                    })
                    .collect(),
            );
        }
        all
    })
}

/// An answer without a leading number or letter marking its position
/// (`1 - Not at all interested`, `a. Excellent`, `5 = Very likely`,
/// `(2) Disagree`), normalised; `None` when there is none.
pub(crate) fn without_number(normalised: &str) -> Option<&str> {
    let s = normalised.strip_prefix('(').unwrap_or(normalised);
    let marker = s
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i + 1)
        .filter(|&n| n <= 2)
        .or_else(|| {
            s.chars()
                .next()
                .filter(|c| c.is_ascii_lowercase())
                .map(|_| 1)
        })?;
    let rest = s.get(marker..)?;
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix(['-', '.', '=', ')', ':'])
        .or_else(|| rest.strip_prefix('\u{2013}'))?;
    let rest = rest.trim_start();
    (!rest.is_empty()).then_some(rest)
}

/// Every normalised spelling of [`KNOWN`] with its (scale, position) pairs,
/// built once, so recognising a column costs one lookup per distinct answer.
fn spellings() -> &'static HashMap<String, Vec<(usize, usize)>> {
    static SPELLINGS: OnceLock<HashMap<String, Vec<(usize, usize)>>> = OnceLock::new();
    SPELLINGS.get_or_init(|| {
        let mut map: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (k, scale) in known().iter().enumerate() {
            for (pos, variants) in scale.iter().enumerate() {
                for v in variants {
                    map.entry(normalise(v)).or_default().push((k, pos));
                }
            }
        }
        map
    })
}

/// A labelled scale: labels lowest first, and where each (normalised)
/// answer sits, 0-based.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Labelled {
    pub labels: Vec<String>,
    pub index: HashMap<String, usize>,
}

impl Labelled {
    /// The caller's labels, in the order given.
    pub fn from_labels(labels: &[String]) -> Self {
        let index = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (normalise(l), i))
            .collect();
        Labelled {
            labels: labels.iter().map(|l| l.trim().to_string()).collect(),
            index,
        }
    }

    /// Position (0-based) of an answer, if it is one of the labels.
    pub fn position(&self, answer: &str) -> Option<usize> {
        self.index.get(&normalise(answer)).copied()
    }
}

/// Recognises the known scale that holds the answers, each spelling at its
/// own position. `answers` are `(normalised, as written, count)`, one per
/// distinct answer, in first-seen order.
///
/// A scale holding every answer wins; failing that, the first scale holding
/// at least 90 % of the answers (by count), so a few typos become
/// out-of-scale warnings rather than turning the column categorical.
pub(crate) fn recognise(answers: &[(String, &str, usize)]) -> Option<Labelled> {
    let total: usize = answers.iter().map(|a| a.2).sum();
    if total == 0 {
        return None;
    }
    let fits = known()
        .iter()
        .enumerate()
        .filter_map(|(k, scale)| fit(k, scale, answers));
    let mut best: Option<(usize, Labelled)> = None;
    for (matched, labelled) in fits {
        if matched == total {
            return Some(labelled);
        }
        if best.is_none() && matched * 10 >= total * 9 {
            best = Some((matched, labelled));
        }
    }
    best.map(|(_, labelled)| labelled)
}

/// How many answers (by count) `scale` holds, and the labelled scale; `None`
/// when two spellings fall on one position.
fn fit(
    k: usize,
    scale: &[Vec<String>],
    answers: &[(String, &str, usize)],
) -> Option<(usize, Labelled)> {
    let mut labels: Vec<String> = scale
        .iter()
        .map(|p| p.first().cloned().unwrap_or_default())
        .collect();
    let mut used = vec![false; scale.len()];
    let mut index = HashMap::new();
    let mut matched = 0;
    for (norm, written, count) in answers {
        let Some(pos) = spellings()
            .get(norm)
            .or_else(|| without_number(norm).and_then(|n| spellings().get(n)))
            .and_then(|at| at.iter().find(|(scale, _)| *scale == k))
            .map(|&(_, pos)| pos)
        else {
            continue;
        };
        let slot = used.get_mut(pos)?;
        if *slot {
            return None;
        }
        *slot = true;
        if let Some(l) = labels.get_mut(pos) {
            *l = written.to_string();
        }
        index.insert(norm.clone(), pos);
        matched += count;
    }
    (matched > 0).then_some((matched, Labelled { labels, index }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(answers: &[&str]) -> Option<Labelled> {
        let pairs: Vec<(String, &str, usize)> =
            answers.iter().map(|a| (normalise(a), *a, 1)).collect();
        recognise(&pairs)
    }

    #[test]
    fn interest_scale_with_file_spelling() {
        let s = run(&[
            "very interested",
            "Not at all interested",
            "Fairly interested",
        ])
        .unwrap();
        assert_eq!(
            s.labels,
            vec![
                "Not at all interested",
                "Not very interested",
                "Neither interested nor uninterested",
                "Fairly interested",
                "very interested"
            ]
        );
        assert_eq!(s.position("VERY INTERESTED"), Some(4));
    }

    #[test]
    fn seven_point_agreement_when_five_point_is_ambiguous() {
        let s = run(&["Agree", "Somewhat agree", "Strongly agree"]).unwrap();
        assert_eq!(s.labels.len(), 7);
        assert_eq!(s.position("somewhat agree"), Some(4));
    }

    #[test]
    fn mostly_on_a_scale_still_recognised() {
        let mut answers: Vec<(String, &str, usize)> = vec![
            ("never".into(), "Never", 5),
            ("always".into(), "Always", 4),
            ("alwys".into(), "alwys", 1),
        ];
        let s = recognise(&answers).unwrap();
        assert_eq!(s.position("alwys"), None);
        answers[2].2 = 2; // 2 of 11 off the scale: too many
        assert!(recognise(&answers).is_none());
    }

    #[test]
    fn frequency_and_unknown() {
        assert_eq!(run(&["Never", "Always"]).unwrap().labels.len(), 5);
        assert!(run(&["Never", "Bananas"]).is_none());
        assert!(run(&[]).is_none());
    }
}
