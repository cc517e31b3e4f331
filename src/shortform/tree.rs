//! A small CART-style classification tree on the answers as asked.
//!
//! - Scale and numeric questions split as ordered: "at most v" (v an answer
//!   someone gave) against "more than v".
//! - Categorical questions split on a set of levels ("one of ...") against
//!   the others; every subset is tried up to [`MAX_SUBSET_LEVELS`] levels,
//!   single levels beyond that.
//! - Multi-select questions split on one option: ticked against not ticked.
//! - A missing answer is never imputed: every split has a third branch for
//!   the respondents who did not answer. With fewer than the smallest leaf
//!   of them in training, that branch is a leaf with the node's majority.
//!
//! Splits maximise the decrease in Gini impurity (ties: the earlier question,
//! then the lower threshold or the first subset); a node's segment is its
//! most common one (ties to the lowest id). Fitting is deterministic.

use serde::Serialize;

use crate::survey::Values;

/// Categorical questions with at most this many levels try every subset.
pub(crate) const MAX_SUBSET_LEVELS: usize = 10;

/// What a split node asks. `question` indexes the short form's questions.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
// Deserialize: by hand, in `tagged.rs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "test", rename_all = "camelCase")]
pub enum Test {
    /// Scale or number: yes when the answer is at most `value` (a scale
    /// position: labelled scales count from their `values`).
    #[serde(rename_all = "camelCase")]
    AtMost {
        /// Index into `questions`.
        question: u32,
        /// The threshold, in the question's `values` units.
        value: f64,
    },
    /// Categorical: yes when the answer is one of `options` (indices into
    /// the question's options, ascending).
    #[serde(rename_all = "camelCase")]
    OneOf {
        /// Index into `questions`.
        question: u32,
        /// Option indices.
        options: Vec<u32>,
    },
    /// Multi-select: yes when option `option` is ticked.
    #[serde(rename_all = "camelCase")]
    Ticked {
        /// Index into `questions`.
        question: u32,
        /// Option index.
        option: u32,
    },
}

impl Test {
    /// The question the test reads.
    pub fn question(&self) -> usize {
        match self {
            Test::AtMost { question, .. }
            | Test::OneOf { question, .. }
            | Test::Ticked { question, .. } => *question as usize,
        }
    }
}

/// One node of the tree; nodes refer to their children by index, the root
/// is node 0.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
// Deserialize: by hand, in `tagged.rs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "node", rename_all = "camelCase")]
pub enum TreeNode {
    /// Respondents reaching it are put in `segment`.
    #[serde(rename_all = "camelCase")]
    Leaf {
        /// Segment id.
        segment: u32,
        /// Training respondents that reached it.
        respondents: u32,
    },
    /// Asks `test`; goes to `yes`, `no` or, when the question was not
    /// answered, `missing`.
    #[serde(rename_all = "camelCase")]
    Split {
        /// What is asked.
        test: Test,
        /// Node index when the test holds.
        yes: u32,
        /// Node index when it does not.
        no: u32,
        /// Node index when the question was not answered.
        missing: u32,
    },
}

/// An answer as the tree reads it.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Not answered.
    Missing,
    /// A scale position or a number.
    Number(f64),
    /// A categorical level (index into the options).
    Level(u32),
    /// The ticked options of a multi-select question (indices).
    Ticked(Vec<u32>),
}

/// How a tree is grown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Growth {
    /// Deepest split level (the root is depth 0).
    pub max_depth: usize,
    /// Fewest training respondents in a yes or no branch (and in a missing
    /// branch grown further).
    pub min_leaf: usize,
    /// Smallest impurity decrease, in respondents (Gini × count), for a split.
    pub min_gain: f64,
}

/// Training data: one column of answers per question, the class (segment
/// index) of every respondent.
pub(crate) struct Data<'a> {
    pub questions: Vec<&'a Values>,
    /// Number of options (categorical levels, multi options) per question.
    pub options: Vec<usize>,
    pub classes: &'a [usize],
    pub n_classes: usize,
}

struct Split {
    test: Test,
    gain: f64,
}

fn gini_mass(counts: &[usize]) -> f64 {
    let n: usize = counts.iter().sum();
    if n == 0 {
        return 0.0;
    }
    let sq: f64 = counts.iter().map(|&c| (c * c) as f64).sum();
    n as f64 - sq / n as f64
}

fn majority(counts: &[usize]) -> usize {
    let mut best = 0;
    for (j, &c) in counts.iter().enumerate() {
        if c > counts[best] {
            best = j;
        }
    }
    best
}

impl Data<'_> {
    fn counts(&self, rows: &[usize]) -> Vec<usize> {
        let mut c = vec![0; self.n_classes];
        for &r in rows {
            c[self.classes[r]] += 1;
        }
        c
    }

    /// The answer of respondent `row` to question `q`.
    pub(crate) fn answer(&self, q: usize, row: usize) -> Answer {
        match self.questions[q] {
            Values::Numbers(v) => v.get(row).map_or(Answer::Missing, Answer::Number),
            Values::Levels(v) => v[row].map_or(Answer::Missing, Answer::Level),
            Values::Sets(v) => v[row].clone().map_or(Answer::Missing, Answer::Ticked),
            Values::Text(_) => Answer::Missing,
        }
    }

    fn best_split(&self, q: usize, rows: &[usize], growth: &Growth) -> Option<Split> {
        let mut missing = vec![0; self.n_classes];
        let mut present = Vec::with_capacity(rows.len());
        for &r in rows {
            match self.answer(q, r) {
                Answer::Missing => missing[self.classes[r]] += 1,
                a => present.push((a, self.classes[r])),
            }
        }
        let base = gini_mass(&self.counts(rows)) - gini_mass(&missing);
        let candidates = self.candidates(q, &present);
        let mut best: Option<Split> = None;
        for test in candidates {
            let mut yes = vec![0; self.n_classes];
            let mut no = vec![0; self.n_classes];
            for (a, c) in &present {
                if holds(&test, a) {
                    yes[*c] += 1;
                } else {
                    no[*c] += 1;
                }
            }
            let (ny, nn) = (yes.iter().sum::<usize>(), no.iter().sum::<usize>());
            if ny < growth.min_leaf || nn < growth.min_leaf {
                continue;
            }
            let gain = base - gini_mass(&yes) - gini_mass(&no);
            if best.as_ref().is_none_or(|b| gain > b.gain + 1e-9) {
                best = Some(Split { test, gain });
            }
        }
        best
    }

    /// Every test worth trying on question `q` for these answers.
    fn candidates(&self, q: usize, present: &[(Answer, usize)]) -> Vec<Test> {
        let question = q as u32;
        match self.questions[q] {
            Values::Numbers(_) => {
                let mut values: Vec<f64> = present
                    .iter()
                    .filter_map(|(a, _)| match a {
                        Answer::Number(x) => Some(*x),
                        _ => None,
                    })
                    .collect();
                crate::order::sort_floats(&mut values);
                values.dedup();
                let n = values.len().saturating_sub(1);
                values[..n]
                    .iter()
                    .map(|&value| Test::AtMost { question, value })
                    .collect()
            }
            Values::Levels(_) => level_subsets(self.options[q])
                .into_iter()
                .map(|options| Test::OneOf { question, options })
                .collect(),
            Values::Sets(_) => (0..self.options[q] as u32)
                .map(|option| Test::Ticked { question, option })
                .collect(),
            Values::Text(_) => Vec::new(),
        }
    }

    /// Grows a tree on `rows` using only the questions in `allowed`.
    pub fn fit(&self, rows: &[usize], allowed: &[usize], growth: &Growth) -> Vec<TreeNode> {
        let mut nodes = Vec::new();
        self.grow(rows, allowed, growth, 0, &mut nodes);
        nodes
    }

    fn grow(
        &self,
        rows: &[usize],
        allowed: &[usize],
        growth: &Growth,
        depth: usize,
        nodes: &mut Vec<TreeNode>,
    ) -> u32 {
        let counts = self.counts(rows);
        let leaf = TreeNode::Leaf {
            segment: majority(&counts) as u32,
            respondents: rows.len() as u32,
        };
        let index = nodes.len() as u32;
        nodes.push(leaf.clone());
        if depth >= growth.max_depth || rows.len() < 2 * growth.min_leaf {
            return index;
        }
        let mut best: Option<Split> = None;
        for &q in allowed {
            if let Some(s) = self.best_split(q, rows, growth)
                && best.as_ref().is_none_or(|b| s.gain > b.gain + 1e-9)
            {
                best = Some(s);
            }
        }
        let Some(best) = best.filter(|b| b.gain >= growth.min_gain) else {
            return index;
        };
        let (mut yes, mut no, mut missing) = (Vec::new(), Vec::new(), Vec::new());
        for &r in rows {
            match self.answer(best.test.question(), r) {
                Answer::Missing => missing.push(r),
                a if holds(&best.test, &a) => yes.push(r),
                _ => no.push(r),
            }
        }
        let yes = self.grow(&yes, allowed, growth, depth + 1, nodes);
        let no = self.grow(&no, allowed, growth, depth + 1, nodes);
        let missing = if missing.len() >= growth.min_leaf {
            self.grow(&missing, allowed, growth, depth + 1, nodes)
        } else {
            nodes.push(TreeNode::Leaf {
                segment: majority(&counts) as u32,
                respondents: missing.len() as u32,
            });
            nodes.len() as u32 - 1
        };
        nodes[index as usize] = TreeNode::Split {
            test: best.test,
            yes,
            no,
            missing,
        };
        index
    }
}

/// Whether `test` holds for an answer that is not missing.
pub(crate) fn holds(test: &Test, answer: &Answer) -> bool {
    match (test, answer) {
        (Test::AtMost { value, .. }, Answer::Number(x)) => x <= value,
        (Test::OneOf { options, .. }, Answer::Level(l)) => options.binary_search(l).is_ok(),
        (Test::Ticked { option, .. }, Answer::Ticked(set)) => set.contains(option),
        _ => false,
    }
}

/// The level sets to try for a categorical question with `n` levels: every
/// proper subset holding level 0 (a subset and its complement are the same
/// split) when `n` is small, single levels otherwise.
fn level_subsets(n: usize) -> Vec<Vec<u32>> {
    if n < 2 {
        return Vec::new();
    }
    if n > MAX_SUBSET_LEVELS {
        return (0..n as u32).map(|l| vec![l]).collect();
    }
    let full = 1u32 << n;
    (0..full / 2)
        .map(|m| (m << 1) | 1)
        .filter(|&mask| mask != full - 1)
        .map(|mask| (0..n as u32).filter(|l| mask & (1 << l) != 0).collect())
        .collect()
}

/// Follows `tree` from the root for a respondent whose answer to question
/// `q` is `answer(q)`. `None` when the tree is malformed (a child index out
/// of range, or a path longer than the tree).
pub(crate) fn walk(tree: &[TreeNode], answer: &dyn Fn(usize) -> Answer) -> Option<u32> {
    let mut at = 0usize;
    for _ in 0..=tree.len() {
        match tree.get(at)? {
            TreeNode::Leaf { segment, .. } => return Some(*segment),
            TreeNode::Split {
                test,
                yes,
                no,
                missing,
            } => {
                let a = answer(test.question());
                at = match a {
                    Answer::Missing => *missing,
                    _ if holds(test, &a) => *yes,
                    _ => *no,
                } as usize;
            }
        }
    }
    None
}

/// Replaces every split whose branches all end in the same segment by a leaf.
pub(crate) fn simplify(tree: &[TreeNode]) -> Vec<TreeNode> {
    let mut out = Vec::new();
    copy(tree, 0, &mut out);
    out
}

fn copy(tree: &[TreeNode], at: usize, out: &mut Vec<TreeNode>) -> u32 {
    let index = out.len() as u32;
    let Some(node) = tree.get(at) else {
        return index;
    };
    out.push(node.clone());
    if let TreeNode::Split {
        test,
        yes,
        no,
        missing,
    } = node
    {
        let children = [*yes, *no, *missing].map(|c| copy(tree, c as usize, out));
        let leaves: Vec<(u32, u32)> = children
            .iter()
            .filter_map(|&c| match out.get(c as usize) {
                Some(TreeNode::Leaf {
                    segment,
                    respondents,
                }) => Some((*segment, *respondents)),
                _ => None,
            })
            .collect();
        if leaves.len() == 3 && leaves.iter().all(|l| l.0 == leaves[0].0) {
            out.truncate(index as usize + 1);
            out[index as usize] = TreeNode::Leaf {
                segment: leaves[0].0,
                respondents: leaves.iter().map(|l| l.1).sum(),
            };
        } else {
            out[index as usize] = TreeNode::Split {
                test: test.clone(),
                yes: children[0],
                no: children[1],
                missing: children[2],
            };
        }
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    const GROWTH: Growth = Growth {
        max_depth: 4,
        min_leaf: 1,
        min_gain: 1e-9,
    };

    fn predict(data: &Data, tree: &[TreeNode], row: usize) -> Option<u32> {
        walk(tree, &|q| data.answer(q, row))
    }

    #[test]
    fn an_ordered_question_splits_at_an_answer_given() {
        let scale = Values::Numbers(vec![Some(1.0), Some(2.0), Some(4.0), Some(5.0)].into());
        let classes = [0, 0, 1, 1];
        let data = Data {
            questions: vec![&scale],
            options: vec![0],
            classes: &classes,
            n_classes: 2,
        };
        let tree = data.fit(&[0, 1, 2, 3], &[0], &GROWTH);
        assert_eq!(
            tree[0],
            TreeNode::Split {
                test: Test::AtMost {
                    question: 0,
                    value: 2.0
                },
                yes: 1,
                no: 2,
                missing: 3
            }
        );
        // Nobody in training skipped it: the missing branch takes the majority (tie: 0).
        assert_eq!(
            tree[3],
            TreeNode::Leaf {
                segment: 0,
                respondents: 0
            }
        );
        for (row, class) in classes.iter().enumerate() {
            assert_eq!(predict(&data, &tree, row), Some(*class as u32));
        }
    }

    #[test]
    fn missing_answers_get_their_own_branch() {
        // Segment 2 is exactly the people who skipped the question.
        let scale =
            Values::Numbers(vec![Some(1.0), Some(1.0), Some(5.0), Some(5.0), None, None].into());
        let classes = [0, 0, 1, 1, 2, 2];
        let data = Data {
            questions: vec![&scale],
            options: vec![0],
            classes: &classes,
            n_classes: 3,
        };
        let tree = data.fit(&[0, 1, 2, 3, 4, 5], &[0], &GROWTH);
        for (row, class) in classes.iter().enumerate() {
            assert_eq!(predict(&data, &tree, row), Some(*class as u32));
        }
    }

    #[test]
    fn categories_split_as_sets_and_options_as_ticks() {
        // Levels 0 and 2 go together; the multi question is noise.
        let area = Values::Levels(vec![Some(0), Some(2), Some(1), Some(1), Some(0), Some(2)]);
        let noise = Values::Sets(vec![
            Some(vec![0]),
            Some(vec![]),
            Some(vec![0]),
            None,
            None,
            None,
        ]);
        let classes = [1, 1, 0, 0, 1, 1];
        let data = Data {
            questions: vec![&noise, &area],
            options: vec![1, 3],
            classes: &classes,
            n_classes: 2,
        };
        let tree = data.fit(&[0, 1, 2, 3, 4, 5], &[0, 1], &GROWTH);
        assert_eq!(
            tree[0],
            TreeNode::Split {
                test: Test::OneOf {
                    question: 1,
                    options: vec![0, 2]
                },
                yes: 1,
                no: 2,
                missing: 3
            }
        );
        let ticked = Values::Sets(vec![
            Some(vec![1]),
            Some(vec![0, 1]),
            Some(vec![0]),
            Some(vec![]),
        ]);
        let classes = [1, 1, 0, 0];
        let data = Data {
            questions: vec![&ticked],
            options: vec![2],
            classes: &classes,
            n_classes: 2,
        };
        let tree = data.fit(&[0, 1, 2, 3], &[0], &GROWTH);
        assert!(matches!(
            tree[0],
            TreeNode::Split {
                test: Test::Ticked {
                    question: 0,
                    option: 1
                },
                ..
            }
        ));
    }

    #[test]
    fn limits_stop_the_growth() {
        let scale = Values::Numbers((0..8).map(|i| Some(i as f64)).collect());
        let classes = [0, 1, 0, 1, 0, 1, 0, 1];
        let data = Data {
            questions: vec![&scale],
            options: vec![0],
            classes: &classes,
            n_classes: 2,
        };
        let rows: Vec<usize> = (0..8).collect();
        let stump = data.fit(
            &rows,
            &[0],
            &Growth {
                max_depth: 0,
                ..GROWTH
            },
        );
        assert_eq!(
            stump,
            vec![TreeNode::Leaf {
                segment: 0,
                respondents: 8
            }]
        );
        let coarse = data.fit(
            &rows,
            &[0],
            &Growth {
                min_leaf: 4,
                ..GROWTH
            },
        );
        assert!(coarse.len() <= 4, "{coarse:?}");
    }

    #[test]
    fn simplify_merges_branches_with_one_segment() {
        let tree = vec![
            TreeNode::Split {
                test: Test::Ticked {
                    question: 0,
                    option: 0,
                },
                yes: 1,
                no: 2,
                missing: 3,
            },
            TreeNode::Leaf {
                segment: 1,
                respondents: 2,
            },
            TreeNode::Leaf {
                segment: 1,
                respondents: 3,
            },
            TreeNode::Leaf {
                segment: 1,
                respondents: 0,
            },
        ];
        assert_eq!(
            simplify(&tree),
            vec![TreeNode::Leaf {
                segment: 1,
                respondents: 5
            }]
        );
    }

    #[test]
    fn subsets_skip_complements() {
        assert_eq!(level_subsets(3), vec![vec![0], vec![0, 1], vec![0, 2]]);
        assert!(level_subsets(1).is_empty());
        assert_eq!(level_subsets(12).len(), 12);
    }

    #[test]
    fn a_malformed_tree_walks_to_none() {
        let cycle = vec![TreeNode::Split {
            test: Test::Ticked {
                question: 0,
                option: 0,
            },
            yes: 0,
            no: 0,
            missing: 0,
        }];
        assert_eq!(walk(&cycle, &|_| Answer::Missing), None);
        assert_eq!(walk(&[], &|_| Answer::Missing), None);
    }
}
