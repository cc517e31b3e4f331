use super::*;
use crate::survey::{ImportOptions, parse_survey};

fn parse(csv: &str) -> crate::survey::Survey {
    parse_survey(csv.as_bytes(), &ImportOptions::default()).unwrap()
}

fn err(csv: &str) -> ImportError {
    parse_survey(csv.as_bytes(), &ImportOptions::default()).unwrap_err()
}

fn codes(s: &crate::survey::Survey) -> Vec<WarningCode> {
    s.warnings.iter().map(|w| w.code).collect()
}

#[test]
fn sample_survey_shape_is_inferred_without_options() {
    let csv = "respondent_id,co_planning,co_prioritisation,co_financing,co_design,co_management,co_performing,co_assessment,benefits,age_band,area,preferred_channel,comments\n\
R001,Very interested,Fairly interested,Not at all interested,Very interested,Not very interested,Don't know,Fairly interested,\"Social cohesion;Better outcomes\",16-24,North,Email,I would like to help plan the new library opening hours\n\
R002,Not very interested,,Neither interested nor uninterested,Fairly interested,Not at all interested,Very interested,Don't know,Better outcomes,75+,South,Post,\n\
R003,Fairly interested,Very interested,Not very interested,Not at all interested,Very interested,Fairly interested,Neither interested nor uninterested,\"More efficient services;Social cohesion;Services that last\",25-34,East,Online meeting,Too busy with work but happy to fill in more surveys later\n\
R004,Don't know,Not at all interested,Fairly interested,Very interested,Neither interested nor uninterested,Not very interested,Very interested,Services that last,45-54,North,Email,\"Please run events in the evening, not the daytime\"\n";
    let s = parse(csv);
    assert_eq!(s.respondents, 4);
    assert_eq!(s.id_column.as_deref(), Some("respondent_id"));
    assert_eq!(s.ids, ["R001", "R002", "R003", "R004"]);
    let interest = [
        "Not at all interested",
        "Not very interested",
        "Neither interested nor uninterested",
        "Fairly interested",
        "Very interested",
    ];
    for name in [
        "co_planning",
        "co_prioritisation",
        "co_financing",
        "co_design",
        "co_management",
        "co_performing",
        "co_assessment",
    ] {
        let c = s.column(name).unwrap();
        assert_eq!(c.kind, ColumnKind::Likert, "{name}");
        let scale = c.scale.as_ref().unwrap();
        assert_eq!((scale.min, scale.max), (1.0, 5.0));
        assert_eq!(scale.labels, interest, "{name}");
    }
    let planning = s.column("co_planning").unwrap();
    assert_eq!(planning.missing, 1);
    assert_eq!(
        planning.values,
        Values::Numbers(vec![Some(5.0), Some(2.0), Some(4.0), None].into())
    );
    assert_eq!(s.column("co_prioritisation").unwrap().missing, 1);
    let benefits = s.column("benefits").unwrap();
    assert_eq!(benefits.kind, ColumnKind::Multi);
    assert_eq!(
        benefits.options.as_deref().unwrap(),
        [
            "Social cohesion",
            "Better outcomes",
            "More efficient services",
            "Services that last"
        ]
    );
    assert_eq!(
        benefits.values,
        Values::Sets(vec![
            Some(vec![0, 1]),
            Some(vec![1]),
            Some(vec![0, 2, 3]),
            Some(vec![3])
        ])
    );
    let age = s.column("age_band").unwrap();
    assert_eq!(age.kind, ColumnKind::Categorical);
    assert_eq!(
        age.levels.as_deref().unwrap(),
        ["16-24", "75+", "25-34", "45-54"]
    );
    assert_eq!(s.column("area").unwrap().kind, ColumnKind::Categorical);
    assert_eq!(
        s.column("preferred_channel").unwrap().kind,
        ColumnKind::Categorical
    );
    let comments = s.column("comments").unwrap();
    assert_eq!(comments.kind, ColumnKind::Text);
    assert_eq!(comments.missing, 1);
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
}

#[test]
fn a_label_typo_is_out_of_scale_not_categorical() {
    let mut csv = String::from("q\n");
    for i in 0..10 {
        csv.push_str(if i % 2 == 0 {
            "Agree\n"
        } else {
            "Strongly agree\n"
        });
    }
    csv.push_str("Agre\n");
    let s = parse(&csv);
    let q = s.column("q").unwrap();
    assert_eq!((q.kind, q.missing), (ColumnKind::Likert, 1));
    assert_eq!(codes(&s), vec![WarningCode::OutOfScale]);
    assert_eq!(s.warnings[0].row, Some(12));
}

#[test]
fn numeric_likert_ranges() {
    let s = parse("a,b,c,d,e\n1,1,0,2,0\n3,6,5,9,1\n4,7,3,10,0\n");
    let range = |n: &str| {
        let c = s.column(n).unwrap();
        (c.kind, c.scale.as_ref().map(|s| (s.min, s.max)))
    };
    assert_eq!(range("a"), (ColumnKind::Likert, Some((1.0, 5.0))));
    assert_eq!(range("b"), (ColumnKind::Likert, Some((1.0, 7.0))));
    assert_eq!(range("c"), (ColumnKind::Likert, Some((0.0, 10.0))));
    assert_eq!(range("d"), (ColumnKind::Likert, Some((1.0, 10.0))));
    assert_eq!(range("e"), (ColumnKind::Numeric, None));
}

#[test]
fn a_value_breaking_the_inferred_scale_is_warned_and_missing() {
    let mut csv = String::from("q\n");
    for i in 0..24 {
        csv.push_str(&format!("{}\n", 1 + i % 5));
    }
    csv.push_str("55\n");
    let s = parse(&csv);
    let q = s.column("q").unwrap();
    assert_eq!(q.kind, ColumnKind::Likert);
    assert_eq!(q.missing, 1);
    let w = &s.warnings[0];
    assert_eq!(
        (w.code, w.row, w.column.as_deref()),
        (WarningCode::OutOfScale, Some(26), Some("q"))
    );
}

#[test]
fn numeric_with_a_typo_is_an_error_at_the_first_bad_cell() {
    let mut csv = String::from("id,co_design\n");
    for r in 2..=120 {
        let v = if r == 118 {
            "4o".to_string()
        } else {
            (r % 5 + 1).to_string()
        };
        csv.push_str(&format!("{r},{v}\n"));
    }
    let e = err(&csv);
    assert_eq!(
        e.to_string(),
        "row 118, column \"co_design\": \"4o\" is not a number"
    );
    assert_eq!((e.row(), e.column()), (Some(118), Some("co_design")));
}

#[test]
fn mostly_text_with_some_numbers_is_categorical() {
    let s = parse("a\n1\n2\nOther\n");
    assert_eq!(s.column("a").unwrap().kind, ColumnKind::Categorical);
}

#[test]
fn grouped_zero_one_columns_become_one_multi() {
    let s = parse(
        "benefits: Social cohesion,benefits: Better outcomes,x\n1,0,a\n0,0,b\nNA,NA,a\n1,1,b\n",
    );
    let m = s.column("benefits").unwrap();
    assert_eq!(m.kind, ColumnKind::Multi);
    assert_eq!(
        m.options.as_deref().unwrap(),
        ["Social cohesion", "Better outcomes"]
    );
    assert_eq!(
        m.headers,
        ["benefits: Social cohesion", "benefits: Better outcomes"]
    );
    assert_eq!(
        m.values,
        Values::Sets(vec![Some(vec![0]), Some(vec![]), None, Some(vec![0, 1])])
    );
    assert_eq!(m.missing, 1);
    assert_eq!(s.columns.len(), 2);
}

#[test]
fn checked_or_blank_columns_with_brackets() {
    let s = parse("q [Email],q [Post],r\nEmail,,a\n,Post,b\n,,c\n");
    let m = s.column("q").unwrap();
    assert_eq!(
        m.values,
        Values::Sets(vec![Some(vec![0]), Some(vec![1]), Some(vec![])])
    );
    assert_eq!(m.missing, 0);
}

#[test]
fn in_cell_multi_uses_pipe_in_semicolon_files() {
    let s = parse("id;b;n\n1;A|B;1,5\n2;B;2,25\n3;C|A;3\n");
    let b = s.column("b").unwrap();
    assert_eq!(b.kind, ColumnKind::Multi);
    assert_eq!(b.options.as_deref().unwrap(), ["A", "B", "C"]);
    let n = s.column("n").unwrap();
    assert_eq!(n.kind, ColumnKind::Numeric);
    assert_eq!(
        n.values,
        Values::Numbers(vec![Some(1.5), Some(2.25), Some(3.0)].into())
    );
}

#[test]
fn missing_codes_are_never_numbers() {
    let s =
        parse("q\n-99\nN/A\nDon\u{2019}t know\nPrefer not to say\ndont know\nna\n3\n4\n1\n2\n5\n");
    let q = s.column("q").unwrap();
    assert_eq!(q.missing, 6);
    assert_eq!(q.kind, ColumnKind::Likert);
}

#[test]
fn caller_codes_kinds_and_scales() {
    let mut o = ImportOptions::default();
    o.missing_codes.push("skipped".into());
    o.kinds.insert("n".into(), ColumnKind::Categorical);
    o.scales
        .insert("s".into(), vec!["Low".into(), "Mid".into(), "High".into()]);
    let s = parse_survey(b"n,s\n1,low\nskipped,HIGH\n2,3\n1,Huge\n", &o).unwrap();
    assert_eq!(
        s.column("n").unwrap().levels.as_deref().unwrap(),
        ["1", "2"]
    );
    assert_eq!(s.column("n").unwrap().missing, 1);
    let sc = s.column("s").unwrap();
    assert_eq!(
        sc.values,
        Values::Numbers(vec![Some(1.0), Some(3.0), Some(3.0), None].into())
    );
    assert_eq!(codes(&s), vec![WarningCode::OutOfScale]);
    assert_eq!(s.warnings[0].row, Some(5));
}

#[test]
fn forced_numeric_rejects_text() {
    let mut o = ImportOptions::default();
    o.kinds.insert("a".into(), ColumnKind::Numeric);
    let e = parse_survey(b"a\n1\nfive\n", &o).unwrap_err();
    assert_eq!((e.row(), e.column()), (Some(3), Some("a")));
}

#[test]
fn unknown_option_columns_are_errors() {
    let mut o = ImportOptions::default();
    o.kinds.insert("nope".into(), ColumnKind::Text);
    assert!(matches!(
        parse_survey(b"a\n1\n", &o),
        Err(ImportError::UnknownColumn { .. })
    ));
    let o = ImportOptions {
        id_column: Some("x".into()),
        ..Default::default()
    };
    assert!(matches!(
        parse_survey(b"a\n1\n", &o),
        Err(ImportError::UnknownColumn { .. })
    ));
}

#[test]
fn duplicate_and_blank_ids() {
    let e = err("id,a\nx,1\ny,2\nx,3\n");
    assert_eq!(
        e.to_string(),
        "row 4, column \"id\": the id \"x\" already appears in row 2"
    );
    assert_eq!(err("ResponseId,a\nx,1\n,2\n").row(), Some(3));
}

#[test]
fn rows_are_ids_without_id_column() {
    let s = parse("a,b\n1,x\n\n2,y\n");
    assert_eq!(s.ids, ["2", "4"]);
    assert_eq!(codes(&s), vec![WarningCode::Other]);
}

#[test]
fn constant_and_mostly_missing() {
    let mut csv = String::from("c,m\n");
    for i in 0..10 {
        csv.push_str(if i == 0 { "x,5\n" } else { "x,\n" });
    }
    let s = parse(&csv);
    assert_eq!(
        codes(&s),
        vec![WarningCode::ConstantColumn, WarningCode::MostlyMissing]
    );
}

#[test]
fn all_missing_is_text_and_long_answers_are_text() {
    let s = parse("a,b\n,This is a long free text answer about the service\nNA,Short\n");
    assert_eq!(s.column("a").unwrap().kind, ColumnKind::Text);
    assert_eq!(s.column("b").unwrap().kind, ColumnKind::Text);
}

#[test]
fn numbers_are_plain_decimals() {
    assert_eq!(parse_number("-2.5", false), Some(-2.5));
    assert_eq!(parse_number("+3", false), Some(3.0));
    assert_eq!(parse_number("3,5", false), None);
    assert_eq!(parse_number("3,5", true), Some(3.5));
    for bad in ["inf", "NaN", "1e5", ".", "-", "1.2.3", "4o", ""] {
        assert_eq!(parse_number(bad, false), None, "{bad}");
    }
}

#[test]
fn dont_know_codes_are_missing_with_one_warning_that_counts_them() {
    // A 0–10 scale with 98 ("Don't know") and 99 ("Refused") after it, a
    // 5-point scale with 8 and 9, and SPSS's "." and -99.
    let mut csv = String::from("id,likely,rated\n");
    for r in 0..30 {
        let likely = match r % 10 {
            3 => "98".to_string(),
            7 if r < 20 => "99".to_string(),
            _ => (r % 11).to_string(),
        };
        let rated = match r {
            4 | 9 => "8".to_string(),
            13 => "9".to_string(),
            21 => ".".to_string(),
            22 => "-99".to_string(),
            _ => (1 + r % 5).to_string(),
        };
        csv.push_str(&format!("r{r},{likely},{rated}\n"));
    }
    let s = parse(&csv);
    let likely = s.column("likely").unwrap();
    assert_eq!(likely.kind, ColumnKind::Likert);
    assert_eq!(
        likely.scale.as_ref().map(|s| (s.min, s.max)),
        Some((0.0, 10.0))
    );
    assert_eq!(likely.missing, 5);
    let rated = s.column("rated").unwrap();
    assert_eq!(
        rated.scale.as_ref().map(|s| (s.min, s.max)),
        Some((1.0, 5.0))
    );
    assert_eq!(rated.missing, 5);
    let warned: Vec<(Option<&str>, Option<usize>, &str)> = s
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::OutOfScale)
        .map(|w| (w.column.as_deref(), w.row, w.message.as_str()))
        .collect();
    assert_eq!(warned.len(), 2, "{warned:?}");
    assert_eq!((warned[0].0, warned[0].1), (Some("likely"), Some(5)));
    assert!(
        warned[0]
            .2
            .contains("5 answers hold 98 or 99 after the scale"),
        "{}",
        warned[0].2
    );
    assert_eq!((warned[1].0, warned[1].1), (Some("rated"), Some(6)));
    assert!(
        warned[1]
            .2
            .contains("3 answers hold 8 or 9 after the scale"),
        "{}",
        warned[1].2
    );
}

#[test]
fn many_values_outside_the_scale_give_one_counted_warning_and_no_new_level() {
    let mut csv = String::from("q\n");
    for i in 0..200 {
        csv.push_str(&format!("{}\n", 1 + i % 5));
    }
    for _ in 0..5 {
        csv.push_str("55\n");
    }
    let s = parse(&csv);
    let q = s.column("q").unwrap();
    assert_eq!(q.scale.as_ref().map(|s| (s.min, s.max)), Some((1.0, 5.0)));
    assert_eq!(q.missing, 5);
    assert_eq!(codes(&s), vec![WarningCode::OutOfScale]);
    assert_eq!(s.warnings[0].row, Some(202));
    assert!(
        s.warnings[0]
            .message
            .contains("5 answers are outside the scale 1–5")
    );
}

#[test]
fn a_scale_the_question_states_says_which_codes_come_after_it() {
    // A 6 after a 1–5 scale is "Don't know" only when the question says so
    // (or states the scale): on its own it is the top of a 6-point scale.
    let mut csv =
        String::from("id,Interest (1 = Not at all; 5 = Very; 6 = Don't know),Rated 1-5,plain\n");
    for r in 0..30 {
        let coded = if r % 10 == 4 { 6 } else { 1 + r % 5 };
        let rated = if r == 17 { 6 } else { 1 + (r * 3) % 5 };
        csv.push_str(&format!("r{r},{coded},{rated},{}\n", 1 + r % 6));
    }
    let s = parse(&csv);
    let scale = |name: &str| {
        let c = s.column(name).unwrap();
        (c.kind, c.scale.as_ref().map(|s| (s.min, s.max)), c.missing)
    };
    let coded = "Interest (1 = Not at all; 5 = Very; 6 = Don't know)";
    assert_eq!(scale(coded), (ColumnKind::Likert, Some((1.0, 5.0)), 3));
    assert_eq!(
        scale("Rated 1-5"),
        (ColumnKind::Likert, Some((1.0, 5.0)), 1)
    );
    assert_eq!(
        scale("plain"),
        (ColumnKind::Likert, Some((1.0, 7.0)), 0),
        "without words, a 6 is on the scale"
    );
    let messages: Vec<&str> = s.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        messages[0]
            .contains("3 answers hold 6 after the scale, the question's code for \"Don't know\""),
        "{messages:?}"
    );
    assert_eq!(s.warnings[0].row, Some(6));
    assert!(
        messages[1].contains("1 answer is outside the scale 1–5 that the question states"),
        "{messages:?}"
    );
}

#[test]
fn a_grids_rows_share_one_scale_even_when_a_row_lacks_a_label() {
    // Only the second row uses "Somewhat agree": on their own, the first and
    // third would read as the 5-point scale, where "Agree" is 4, not 6.
    let five = ["Strongly agree", "Agree", "Disagree", "Strongly disagree"];
    let seven = [
        "Somewhat agree",
        "Neither agree nor disagree",
        "Agree",
        "Somewhat disagree",
    ];
    let mut csv = String::from("id,Views [Parks],Views [Libraries],Views [Pools],Alone\n");
    for r in 0..24 {
        let pools = if r % 2 == 0 {
            "Agree"
        } else {
            "Strongly agree"
        };
        csv.push_str(&format!(
            "r{r},{},{},{pools},{}\n",
            five[r % 4],
            seven[r % 4],
            five[r % 4]
        ));
    }
    let s = parse(&csv);
    let agree_at = |name: &str| {
        let c = s.column(name).unwrap();
        let scale = c.scale.as_ref().unwrap();
        let at = scale.labels.iter().position(|l| l == "Agree").unwrap();
        (scale.max, at + 1)
    };
    for row in ["Views [Parks]", "Views [Libraries]", "Views [Pools]"] {
        assert_eq!(agree_at(row), (7.0, 6), "{row}");
    }
    assert_eq!(agree_at("Alone"), (5.0, 4), "not a grid row: its own scale");
    let Values::Numbers(pools) = &s.column("Views [Pools]").unwrap().values else {
        panic!("numbers")
    };
    assert_eq!(
        pools.iter().take(2).collect::<Vec<_>>(),
        [Some(6.0), Some(7.0)]
    );
}
