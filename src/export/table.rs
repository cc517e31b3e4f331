//! The profile table shared by the CSV and the reports: rows = question /
//! option-or-level / statistic, columns = all respondents then each segment.
//!
//! Suppression (disclosure) rule: a figure of a question for a group is
//! written as [`suppressed`] when fewer than `min_group_size` respondents of
//! that group answered the question (its `n`). Sizes, `n` and the
//! below-threshold flag are always shown, so the reader sees why cells are
//! suppressed. Missing figures (nobody answered, index undefined) are empty.

use crate::profile::{GroupProfile, Profiles, QuestionProfile};
use crate::survey::ColumnKind;

/// The marker written in place of a suppressed figure, e.g. `[suppressed: n<10]`.
pub fn suppressed(min_group_size: u32) -> String {
    format!("[suppressed: n<{min_group_size}]")
}

/// A number with fixed decimals; empty when missing.
fn fixed(x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(String::new, |x| format!("{x:.decimals$}"))
}

/// Header then rows; every row has 3 + 1 + segments cells.
pub(crate) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn groups(profiles: &Profiles) -> Vec<&GroupProfile> {
    std::iter::once(&profiles.overall)
        .chain(profiles.segments.iter().map(|s| &s.figures))
        .collect()
}

/// The statistics of one question, each as a (answer, statistic, value of a
/// group's question) row template.
type Cell = fn(&QuestionProfile) -> String;

fn statistics(q: &QuestionProfile) -> Vec<(&'static str, Cell)> {
    let mut out: Vec<(&'static str, Cell)> =
        vec![("mean", |q| fixed(q.mean, 2)), ("sd", |q| fixed(q.sd, 2))];
    if q.kind == ColumnKind::Likert {
        out.push(("label", |q| q.label.clone().unwrap_or_default()));
        out.push(("top_two_%", |q| {
            fixed(q.top_two_share.map(|s| s * 100.0), 1)
        }));
    }
    out.push(("index", |q| fixed(q.index, 0)));
    out.push(("standardised_difference", |q| {
        fixed(q.standardised_difference, 2)
    }));
    out
}

/// The table of `profiles`, whose segment `i` is called `names[i]`.
pub(crate) fn profile_table(profiles: &Profiles, names: &[String], min_group_size: u32) -> Table {
    let groups = groups(profiles);
    let marker = suppressed(min_group_size);
    let min = min_group_size as usize;
    let mut header: Vec<String> = ["question", "answer", "statistic", "All respondents"]
        .map(String::from)
        .to_vec();
    header.extend(
        profiles
            .segments
            .iter()
            .map(|s| names.get(s.id as usize).cloned().unwrap_or_default()),
    );
    let mut rows = Vec::new();
    let mut row = |question: &str, answer: &str, statistic: &str, cells: Vec<String>| {
        let mut r = vec![
            question.to_string(),
            answer.to_string(),
            statistic.to_string(),
        ];
        r.extend(cells);
        rows.push(r);
    };
    row(
        "Segment",
        "",
        "respondents",
        groups.iter().map(|g| g.size.to_string()).collect(),
    );
    row(
        "Segment",
        "",
        "weighted_respondents",
        groups
            .iter()
            .map(|g| fixed(Some(g.weighted_size), 2))
            .collect(),
    );
    row(
        "Segment",
        "",
        "share_%",
        groups
            .iter()
            .map(|g| fixed(Some(g.share * 100.0), 1))
            .collect(),
    );
    let mut flags = vec![String::new()];
    flags.extend(
        profiles
            .segments
            .iter()
            .map(|s| if s.below_min_size { "yes" } else { "no" }.to_string()),
    );
    row("Segment", "", "below_min_size", flags);
    for (i, q) in profiles.overall.questions.iter().enumerate() {
        let per_group: Vec<&QuestionProfile> =
            groups.iter().filter_map(|g| g.questions.get(i)).collect();
        let cell = |f: &dyn Fn(&QuestionProfile) -> String| -> Vec<String> {
            per_group
                .iter()
                .map(|g| if g.n < min { marker.clone() } else { f(g) })
                .collect()
        };
        row(
            &q.question,
            "",
            "n",
            per_group.iter().map(|g| g.n.to_string()).collect(),
        );
        if matches!(q.kind, ColumnKind::Likert | ColumnKind::Numeric) {
            for (statistic, f) in statistics(q) {
                row(&q.question, "", statistic, cell(&f));
            }
        }
        for (j, c) in q.categories.iter().enumerate() {
            let share = |g: &QuestionProfile| {
                fixed(
                    g.categories.get(j).and_then(|c| c.share).map(|s| s * 100.0),
                    1,
                )
            };
            let index = |g: &QuestionProfile| fixed(g.categories.get(j).and_then(|c| c.index), 0);
            row(&q.question, &c.label, "share_%", cell(&share));
            row(&q.question, &c.label, "index", cell(&index));
        }
    }
    Table { header, rows }
}
