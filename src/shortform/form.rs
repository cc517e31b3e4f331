//! The short form: what [`short_form`] returns and [`assign_short_form`]
//! reads.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::answers::Question;
use super::html::form_html;
use super::options::{Params, ShortFormError, ShortFormOptions, check};
use super::rules::{Rule, rules};
use super::select::{accuracy, choose, cross_validate, folds, growth_for};
use super::tree::{Answer, Data, TreeNode, simplify, walk};
use crate::segment::Segmentation;
use crate::survey::{ColumnKind, Survey};

/// An activity to offer a segment, from its brief.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Offer {
    /// The activity's readable name, e.g. "co-design of services".
    pub activity: String,
    /// The approaches that fit it.
    pub approaches: Vec<String>,
}

/// A segment as the form shows it.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FormSegment {
    /// The segment id.
    pub id: u32,
    /// Its name.
    pub name: String,
    /// Its brief's headline.
    pub headline: String,
    /// The activities to offer, ranked.
    pub activities: Vec<Offer>,
}

/// How often the short form puts a segment's members in their segment.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentRecall {
    /// The segment id.
    pub segment: u32,
    /// Respondents of the full segmentation in it.
    pub respondents: u32,
    /// Share (0..1) of them the short form puts back in it; `null` when empty.
    pub recall: Option<f64>,
}

/// Cross-validated agreement of the short form with the full segmentation.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Accuracy {
    /// k of the k-fold cross-validation (stratified by segment).
    pub folds: u32,
    /// Respondents in a segment (those in none are left out).
    pub respondents: u32,
    /// Share (0..1) of them whose short-form segment, from a tree grown
    /// without their fold, equals their full segment.
    pub overall: f64,
    /// Recall per segment, in id order.
    pub segments: Vec<SegmentRecall>,
}

/// A few questions that tell a respondent's segment, with the tree that
/// reads them and a self-contained HTML form. Plain data (camelCase JSON).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShortForm {
    /// Version of citizen-segments that made it.
    pub version: String,
    /// Seed of the fold shuffle.
    pub seed: u32,
    /// True when the questions were chosen, false when the caller gave them.
    pub chosen: bool,
    /// The questions in asking order.
    pub questions: Vec<Question>,
    /// The segments, in id order.
    pub segments: Vec<FormSegment>,
    /// Cross-validated accuracy.
    pub accuracy: Accuracy,
    /// The tree as readable rules, one per leaf.
    pub rules: Vec<Rule>,
    /// The decision tree (node 0 is the root), grown on every respondent in
    /// a segment; `questions` index the list above.
    pub tree: Vec<TreeNode>,
    /// A self-contained HTML page asking the questions (works offline).
    pub html: String,
}

/// Where `assignShortForm` puts a respondent: the segment and its name.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShortFormAssignment {
    /// The segment id.
    pub segment: u32,
    /// The segment's name.
    pub name: String,
}

/// The segments of `segmentation` as a form shows them.
pub fn form_segments(segmentation: &Segmentation) -> Vec<FormSegment> {
    segmentation
        .segments
        .iter()
        .map(|s| {
            let brief = segmentation.briefs.iter().find(|b| b.segment == s.id);
            FormSegment {
                id: s.id,
                name: s.name.clone(),
                headline: brief.map(|b| b.headline.clone()).unwrap_or_default(),
                activities: brief
                    .map(|b| {
                        b.activities
                            .iter()
                            .map(|a| Offer {
                                activity: a.activity_name.clone(),
                                approaches: a.approaches.clone(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// A short form for `segmentation` of `survey`: up to `maxQuestions`
/// questions chosen by forward selection of a shallow decision tree (or the
/// caller's `questions`, scored), with k-fold cross-validated accuracy.
/// Deterministic for a seed.
pub fn short_form(
    survey: &Survey,
    segmentation: &Segmentation,
    options: &ShortFormOptions,
) -> Result<ShortForm, ShortFormError> {
    short_form_for(
        survey,
        &segmentation.assignments,
        form_segments(segmentation),
        segmentation.seed,
        options,
    )
}

/// [`short_form`] from the parts of a segmentation it reads: each
/// respondent's segment (-1 for none; the others index `segments`), the
/// segments, and the default seed.
pub fn short_form_for(
    survey: &Survey,
    assignments: &[i32],
    segments: Vec<FormSegment>,
    default_seed: u32,
    options: &ShortFormOptions,
) -> Result<ShortForm, ShortFormError> {
    let params = check(options, survey, default_seed)?;
    if assignments.len() != survey.respondents {
        return Err(ShortFormError::Mismatch {
            assignments: assignments.len(),
            respondents: survey.respondents,
        });
    }
    let k = segments.len();
    let classes: Vec<usize> = assignments
        .iter()
        .map(|&a| if a >= 0 { a as usize } else { usize::MAX })
        .collect();
    if let Some(&bad) = assignments.iter().find(|&&a| a >= k as i32) {
        return Err(ShortFormError::InvalidShortForm(format!(
            "assignment {bad} is not one of the {k} segments"
        )));
    }
    let rows: Vec<usize> = (0..classes.len()).filter(|&i| classes[i] < k).collect();
    if rows.len() < params.folds {
        return Err(ShortFormError::TooFewRespondents {
            folds: params.folds as u32,
            respondents: rows.len(),
        });
    }
    let Params {
        max_questions,
        given,
        candidates,
        folds: n_folds,
        seed,
    } = params;
    let pool = given.clone().unwrap_or(candidates);
    let data = Data {
        questions: pool.iter().map(|&j| &survey.columns[j].values).collect(),
        options: pool
            .iter()
            .map(|&j| Question::of(&survey.columns[j]).options.len())
            .collect(),
        classes: &classes,
        n_classes: k,
    };
    let fold = folds(&data, &rows, n_folds, seed);
    let picked: Vec<usize> = match &given {
        Some(g) => (0..g.len()).collect(),
        None => choose(&data, &rows, &fold, n_folds, max_questions),
    };
    let predicted = cross_validate(&data, &rows, &fold, n_folds, &picked);
    let accuracy = measure(&data, &rows, &predicted, n_folds, k);
    let tree = simplify(&data.fit(&rows, &picked, &growth_for(rows.len())));
    // The tree numbers questions by their place in `pool`; the form asks
    // only the picked ones, in the order picked.
    let tree = renumber(tree, &picked);
    let questions: Vec<Question> = picked
        .iter()
        .map(|&q| Question::of(&survey.columns[pool[q]]))
        .collect();
    let mut form = ShortForm {
        version: env!("CARGO_PKG_VERSION").to_string(),
        seed,
        chosen: given.is_none(),
        rules: rules(&tree, &questions),
        questions,
        segments,
        accuracy,
        tree,
        html: String::new(),
    };
    form.html = form_html(&form);
    Ok(form)
}

fn measure(data: &Data, rows: &[usize], predicted: &[u32], folds: usize, k: usize) -> Accuracy {
    let segments = (0..k)
        .map(|j| {
            let members: Vec<usize> = (0..rows.len())
                .filter(|&p| data.classes[rows[p]] == j)
                .collect();
            let right = members
                .iter()
                .filter(|&&p| predicted[p] as usize == j)
                .count();
            SegmentRecall {
                segment: j as u32,
                respondents: members.len() as u32,
                recall: (!members.is_empty()).then(|| right as f64 / members.len() as f64),
            }
        })
        .collect();
    Accuracy {
        folds: folds as u32,
        respondents: rows.len() as u32,
        overall: accuracy(data, rows, predicted),
        segments,
    }
}

fn renumber(tree: Vec<TreeNode>, picked: &[usize]) -> Vec<TreeNode> {
    use super::tree::Test;
    let place = |q: u32| picked.iter().position(|&p| p == q as usize).unwrap_or(0) as u32;
    tree.into_iter()
        .map(|node| match node {
            TreeNode::Split {
                test,
                yes,
                no,
                missing,
            } => {
                let test = match test {
                    Test::AtMost { question, value } => Test::AtMost {
                        question: place(question),
                        value,
                    },
                    Test::OneOf { question, options } => Test::OneOf {
                        question: place(question),
                        options,
                    },
                    Test::Ticked { question, option } => Test::Ticked {
                        question: place(question),
                        option,
                    },
                };
                TreeNode::Split {
                    test,
                    yes,
                    no,
                    missing,
                }
            }
            leaf => leaf,
        })
        .collect()
}

/// The self-contained page of `form`, e.g. after its question texts were
/// reworded or its segments renamed (the `html` field is not read).
pub fn short_form_html(form: &ShortForm) -> String {
    form_html(form)
}

/// The short form's answer to each of its questions, read from `answers`
/// (column name → the raw answer as the survey wrote it: a label, a number
/// or blank; a multi-select question as its options separated by `;` or
/// `|`, or its tick columns by header). Questions left out are blank.
fn read_answers(
    form: &ShortForm,
    answers: &BTreeMap<String, String>,
) -> Result<Vec<Answer>, ShortFormError> {
    for key in answers.keys() {
        let known = form
            .questions
            .iter()
            .any(|q| q.column == *key || q.headers.contains(key));
        if !known {
            let names: Vec<String> = form
                .questions
                .iter()
                .map(|q| format!("{:?}", q.column))
                .collect();
            return Err(ShortFormError::NotAsked(key.clone(), names.join(", ")));
        }
    }
    form.questions
        .iter()
        .map(|q| match answers.get(&q.column) {
            Some(raw) => q.read(raw),
            None if q.kind == ColumnKind::Multi && !q.headers.is_empty() => {
                let ticks: Vec<Option<&str>> = q
                    .headers
                    .iter()
                    .map(|h| answers.get(h).map(String::as_str))
                    .collect();
                q.read_ticks(&ticks)
            }
            None => Ok(Answer::Missing),
        })
        .collect()
}

/// Puts one respondent in a segment of `form` from their raw answers (see
/// the column → answer rules on the `answers` of [`ShortForm`]'s questions:
/// labels, numbers, blanks, missing codes such as "Don't know").
///
/// Fails on an answer that is none of a question's options, on a column the
/// form does not ask, and on a malformed form.
pub fn assign_short_form(
    form: &ShortForm,
    answers: &BTreeMap<String, String>,
) -> Result<ShortFormAssignment, ShortFormError> {
    let read = read_answers(form, answers)?;
    for node in &form.tree {
        if let TreeNode::Split { test, .. } = node
            && test.question() >= read.len()
        {
            return Err(ShortFormError::InvalidShortForm(format!(
                "the tree asks question {} of {}",
                test.question(),
                read.len()
            )));
        }
    }
    let segment = walk(&form.tree, &|q| read[q].clone()).ok_or_else(|| {
        ShortFormError::InvalidShortForm("the tree does not end in a leaf".into())
    })?;
    let name = form
        .segments
        .iter()
        .find(|s| s.id == segment)
        .map(|s| s.name.clone())
        .ok_or_else(|| {
            ShortFormError::InvalidShortForm(format!("segment {segment} has no entry"))
        })?;
    Ok(ShortFormAssignment { segment, name })
}
