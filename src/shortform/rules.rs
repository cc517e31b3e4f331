//! The tree as readable rules: one per leaf, the conditions on its path
//! merged per question ("co_design is \"Fairly interested\" or \"Very
//! interested\"", "age is more than 30", "benefits includes \"...\"").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::answers::Question;
use super::tree::{Test, TreeNode};

/// One path through the tree.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    /// The segment id the path ends in.
    pub segment: u32,
    /// The conditions, all of which hold on the path (empty: everyone).
    pub conditions: Vec<String>,
    /// Training respondents that took the path.
    pub respondents: u32,
}

/// What a path says of one question so far.
#[derive(Debug, Clone, PartialEq)]
enum Known {
    /// Answered, within (`above`, `at_most`].
    Range {
        above: Option<f64>,
        at_most: Option<f64>,
    },
    /// Answered with one of these options.
    Among(Vec<u32>),
    /// Answered, with these options ticked and these not.
    Ticks { ticked: Vec<u32>, not: Vec<u32> },
    /// Not answered.
    Missing,
}

/// Which way a path leaves a split.
#[derive(Clone, Copy)]
enum Branch {
    Yes,
    No,
}

fn narrow(known: Option<Known>, test: &Test, branch: Branch, question: &Question) -> Known {
    match test {
        Test::AtMost { value, .. } => {
            let (mut above, mut at_most) = match known {
                Some(Known::Range { above, at_most }) => (above, at_most),
                _ => (None, None),
            };
            match branch {
                Branch::Yes => at_most = Some(at_most.map_or(*value, |m| m.min(*value))),
                Branch::No => above = Some(above.map_or(*value, |a| a.max(*value))),
            }
            Known::Range { above, at_most }
        }
        Test::OneOf { options, .. } => {
            let all: Vec<u32> = match known {
                Some(Known::Among(a)) => a,
                _ => (0..question.options.len() as u32).collect(),
            };
            let keep = |o: &u32| options.contains(o) == matches!(branch, Branch::Yes);
            Known::Among(all.into_iter().filter(keep).collect())
        }
        Test::Ticked { option, .. } => {
            let (mut ticked, mut not) = match known {
                Some(Known::Ticks { ticked, not }) => (ticked, not),
                _ => (Vec::new(), Vec::new()),
            };
            match branch {
                Branch::Yes => ticked.push(*option),
                Branch::No => not.push(*option),
            }
            Known::Ticks { ticked, not }
        }
    }
}

fn number(x: f64) -> String {
    format!("{x}")
}

fn describe(question: &Question, known: &Known) -> String {
    let name = &question.column;
    let labels = |ids: &[u32]| -> String {
        let shown: Vec<String> = ids
            .iter()
            .filter_map(|&i| question.options.get(i as usize))
            .map(|o| format!("\"{o}\""))
            .collect();
        match shown.split_last() {
            None => "(none)".to_string(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        }
    };
    match known {
        Known::Missing => format!("{name} is not answered"),
        Known::Range { above, at_most } if !question.values.is_empty() => {
            let within: Vec<u32> = (0..question.values.len() as u32)
                .filter(|&i| {
                    let v = question.values[i as usize];
                    above.is_none_or(|a| v > a) && at_most.is_none_or(|m| v <= m)
                })
                .collect();
            format!("{name} is {}", labels(&within))
        }
        Known::Range { above, at_most } => match (above, at_most) {
            (Some(a), Some(m)) => format!(
                "{name} is more than {} and at most {}",
                number(*a),
                number(*m)
            ),
            (Some(a), None) => format!("{name} is more than {}", number(*a)),
            (None, Some(m)) => format!("{name} is at most {}", number(*m)),
            (None, None) => format!("{name} is answered"),
        },
        Known::Among(ids) => format!("{name} is {}", labels(ids)),
        Known::Ticks { ticked, not } => {
            let mut parts = Vec::new();
            if !ticked.is_empty() {
                parts.push(format!(
                    "{name} includes {}",
                    labels(ticked).replace(" or ", " and ")
                ));
            }
            if !not.is_empty() {
                parts.push(format!("{name} does not include {}", labels(not)));
            }
            parts.join(" and ")
        }
    }
}

/// One rule per leaf of `tree`, in depth-first order (yes, no, missing).
pub(crate) fn rules(tree: &[TreeNode], questions: &[Question]) -> Vec<Rule> {
    let mut out = Vec::new();
    let mut stack: Vec<(usize, BTreeMap<usize, Known>)> = vec![(0, BTreeMap::new())];
    let mut visited = 0;
    while let Some((at, path)) = stack.pop() {
        visited += 1;
        if visited > tree.len() {
            break;
        }
        match tree.get(at) {
            Some(TreeNode::Leaf {
                segment,
                respondents,
            }) => out.push(Rule {
                segment: *segment,
                conditions: path
                    .iter()
                    .filter_map(|(q, k)| questions.get(*q).map(|question| describe(question, k)))
                    .collect(),
                respondents: *respondents,
            }),
            Some(TreeNode::Split {
                test,
                yes,
                no,
                missing,
            }) => {
                let q = test.question();
                let Some(question) = questions.get(q) else {
                    continue;
                };
                let mut gone = path.clone();
                gone.insert(q, Known::Missing);
                stack.push((*missing as usize, gone));
                for (branch, child) in [(Branch::No, *no), (Branch::Yes, *yes)] {
                    let mut next = path.clone();
                    let known = narrow(next.remove(&q), test, branch, question);
                    next.insert(q, known);
                    stack.push((child as usize, next));
                }
            }
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{ColumnKind, Scale};
    use crate::testing::{categorical, likert};

    #[test]
    fn paths_read_as_merged_conditions() {
        let mut scale = likert("interest", &[Some(1.0)], 1.0, 3.0);
        scale.scale = Some(Scale {
            min: 1.0,
            max: 3.0,
            labels: vec!["Low".into(), "Mid".into(), "High".into()],
        });
        let questions = vec![
            Question::of(&scale),
            Question::of(&categorical("area", &["N", "S", "E"], &[Some(0)])),
        ];
        assert_eq!(questions[1].kind, ColumnKind::Categorical);
        let leaf = |segment| TreeNode::Leaf {
            segment,
            respondents: 1,
        };
        let tree = vec![
            TreeNode::Split {
                test: Test::AtMost {
                    question: 0,
                    value: 1.0,
                },
                yes: 1,
                no: 2,
                missing: 6,
            },
            leaf(0),
            TreeNode::Split {
                test: Test::OneOf {
                    question: 1,
                    options: vec![0],
                },
                yes: 3,
                no: 4,
                missing: 5,
            },
            leaf(1),
            leaf(2),
            leaf(2),
            leaf(0),
        ];
        let r = rules(&tree, &questions);
        let text: Vec<(u32, Vec<&str>)> = r
            .iter()
            .map(|r| (r.segment, r.conditions.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            text,
            vec![
                (0, vec!["interest is \"Low\""]),
                (1, vec!["interest is \"Mid\" or \"High\"", "area is \"N\""]),
                (
                    2,
                    vec!["interest is \"Mid\" or \"High\"", "area is \"S\" or \"E\""]
                ),
                (
                    2,
                    vec!["interest is \"Mid\" or \"High\"", "area is not answered"]
                ),
                (0, vec!["interest is not answered"]),
            ]
        );
    }
}
