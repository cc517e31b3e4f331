//! A tiny hand-computed survey shared by the tests of profile, engage and export.

use crate::survey::{Column, ColumnKind, Scale, Survey, Values};

fn strings(v: &[&str]) -> Option<Vec<String>> {
    Some(v.iter().map(|s| s.to_string()).collect())
}

/// A survey from columns; ids are "r1", "r2", ...
pub(crate) fn survey(columns: Vec<Column>) -> Survey {
    let respondents = columns.first().map_or(0, |c| c.values.len());
    Survey {
        respondents,
        columns,
        ids: (1..=respondents).map(|i| format!("r{i}")).collect(),
        input_hash: "0123456789abcdef".into(),
        delimiter: b',',
        ..Survey::default()
    }
}

/// Seven respondents: rows 0–2 in segment 0, rows 3–5 in segment 1, row 6
/// unassigned (its answers must not count anywhere). See `ASSIGNMENTS`.
///
/// | row | co-design (1–5) | channel | ways to help | household | zeros |
/// | --- | --- | --- | --- | --- | --- |
/// | 0 | 5 | Community event | Volunteering | 2 | 0 |
/// | 1 | 4 | Community event | Volunteering, Fundraising | 2 | 0 |
/// | 2 | 4 | Online | (none ticked) | 2 | 0 |
/// | 3 | 1 | Online | (missing) | 2 | 0 |
/// | 4 | 1 | (missing) | Fundraising | 2 | 0 |
/// | 5 | (missing) | Online | (none ticked) | 2 | 0 |
/// | 6 | 5 | Community event | Volunteering | 9 | 7 |
pub(crate) fn fixture() -> Survey {
    let mut design = Column::new(
        "Interest in co-design",
        ColumnKind::Likert,
        Values::Numbers(
            vec![
                Some(5.0),
                Some(4.0),
                Some(4.0),
                Some(1.0),
                Some(1.0),
                None,
                Some(5.0),
            ]
            .into(),
        ),
    );
    design.scale = Some(Scale {
        min: 1.0,
        max: 5.0,
        labels: strings(&[
            "Not at all interested",
            "Not very interested",
            "Neither",
            "Fairly interested",
            "Very interested",
        ])
        .unwrap_or_default(),
    });
    let mut channel = Column::new(
        "Preferred channel",
        ColumnKind::Categorical,
        Values::Levels(vec![
            Some(1),
            Some(1),
            Some(0),
            Some(0),
            None,
            Some(0),
            Some(1),
        ]),
    );
    channel.levels = strings(&["Online", "Community event"]);
    let mut ways = Column::new(
        "Ways to help",
        ColumnKind::Multi,
        Values::Sets(vec![
            Some(vec![0]),
            Some(vec![0, 1]),
            Some(vec![]),
            None,
            Some(vec![1]),
            Some(vec![]),
            Some(vec![0]),
        ]),
    );
    ways.options = strings(&["Volunteering", "Fundraising"]);
    let numbers = |v: &[f64]| Values::Numbers(v.iter().map(|&x| Some(x)).collect());
    let id = Column::new(
        "id",
        ColumnKind::Id,
        Values::Text((1..=7).map(|i| Some(format!("r{i}"))).collect()),
    );
    let comments = Column::new("Comments", ColumnKind::Text, Values::Text(vec![None; 7]));
    survey(vec![
        id,
        design,
        channel,
        ways,
        Column::new(
            "Household size",
            ColumnKind::Numeric,
            numbers(&[2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 9.0]),
        ),
        Column::new(
            "Zeros",
            ColumnKind::Numeric,
            numbers(&[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 7.0]),
        ),
        comments,
    ])
}

/// The fixture's segments.
pub(crate) const ASSIGNMENTS: [i32; 7] = [0, 0, 0, 1, 1, 1, -1];

/// Asserts two floats agree to 1e-9.
#[track_caller]
pub(crate) fn close(got: Option<f64>, want: f64) {
    let got = got.unwrap_or(f64::NAN);
    assert!((got - want).abs() < 1e-9, "got {got}, want {want}");
}
