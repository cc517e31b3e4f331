//! Invariants on random inputs (bounded case counts to keep `cargo test` quick).
#![cfg(not(target_arch = "wasm32"))]

use citizen_segments::cluster::{KMeansSettings, distinct_rows, impute_means, kmeans, nearest};
use citizen_segments::quality::{adjusted_rand, calinski_harabasz, davies_bouldin, silhouette};
use ndarray::Array2;
use proptest::prelude::*;

/// A small matrix with some missing cells (every row keeps one answer) and
/// positive weights.
fn matrix() -> impl Strategy<Value = (Array2<f64>, Vec<f64>)> {
    (3usize..16, 1usize..4).prop_flat_map(|(n, p)| {
        (
            prop::collection::vec(prop::option::weighted(0.85, 0u8..6), n * p),
            prop::collection::vec(1u8..4, n),
        )
            .prop_map(move |(cells, w)| {
                let mut m = Array2::from_shape_fn((n, p), |(i, j)| {
                    cells[i * p + j].map_or(f64::NAN, f64::from)
                });
                for mut row in m.rows_mut() {
                    if row.iter().all(|x| x.is_nan()) {
                        row[0] = 1.0;
                    }
                }
                (m, w.into_iter().map(f64::from).collect())
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_respondent_is_nearest_its_own_centroid((data, w) in matrix(), k in 1usize..4, seed in 0u32..1000) {
        let k = k.min(distinct_rows(data.view(), k));
        let settings = KMeansSettings { k, seed, restarts: 2, max_iterations: 100, tolerance: 1e-4 };
        let c = kmeans(data.view(), &w, &settings).unwrap();
        prop_assert_eq!(c.centroids.nrows(), k);
        let mut inertia = 0.0;
        for (i, row) in data.rows().into_iter().enumerate() {
            let (j, d) = nearest(row, c.centroids.view()).unwrap();
            prop_assert_eq!(j, c.labels[i]);
            inertia += w[i] * d;
        }
        prop_assert!((inertia - c.inertia).abs() <= 1e-9 * (1.0 + inertia));
        prop_assert!(c.centroids.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn ari_is_symmetric_bounded_and_label_blind(a in prop::collection::vec(0usize..4, 2..30), shift in 1usize..5) {
        let b: Vec<usize> = a.iter().map(|x| (x + shift) % 7).collect();
        prop_assert!((adjusted_rand(&a, &b) - 1.0).abs() < 1e-12);
        let c: Vec<usize> = a.iter().rev().copied().collect();
        let x = adjusted_rand(&a, &c);
        prop_assert!((x - adjusted_rand(&c, &a)).abs() < 1e-12);
        prop_assert!((-1.0..=1.0 + 1e-12).contains(&x));
    }

    #[test]
    fn quality_measures_stay_in_range((data, w) in matrix(), seed in 0u32..1000) {
        let k = 2.min(distinct_rows(data.view(), 2));
        prop_assume!(k == 2);
        let settings = KMeansSettings { k, seed, restarts: 1, max_iterations: 50, tolerance: 1e-4 };
        let c = kmeans(data.view(), &w, &settings).unwrap();
        let x = impute_means(data.view(), &w);
        if let Some(s) = silhouette(x.view(), &c.labels, &w, k, None) {
            prop_assert!((-1.0 - 1e-12..=1.0 + 1e-12).contains(&s));
        }
        if let Some(ch) = calinski_harabasz(x.view(), &c.labels, &w, k) {
            prop_assert!(ch >= 0.0);
        }
        if let Some(db) = davies_bouldin(x.view(), &c.labels, &w, k) {
            prop_assert!(db >= 0.0);
        }
    }
}

/// A small table of answers: `rows` respondents × `cols` questions, each
/// cell a word, a number, a scale label or blank.
fn answers() -> impl Strategy<Value = Vec<Vec<String>>> {
    let cell = prop_oneof![
        Just(String::new()),
        (1u8..6).prop_map(|v| v.to_string()),
        prop::sample::select(vec!["Agree", "Disagree", "Parks", "Libraries", "x y"])
            .prop_map(String::from),
    ];
    (1usize..12, 1usize..5).prop_flat_map(move |(rows, cols)| {
        prop::collection::vec(prop::collection::vec(cell.clone(), cols), rows)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Qualtrics' three header rows (codes, text, ImportIds) over a table
    /// read like the table under one header row of the text: same
    /// respondents, kinds and answers; the codes kept on the columns.
    #[test]
    fn three_header_rows_read_like_one(table in answers()) {
        use citizen_segments::survey::{ImportOptions, parse_survey};
        let cols = table.first().map_or(0, Vec::len);
        let codes: Vec<String> = (0..cols).map(|i| format!("Q{}", i + 1)).collect();
        let text: Vec<String> = (0..cols).map(|i| format!("Question {}", i + 1)).collect();
        let ids: Vec<String> = (0..cols).map(|i| format!("\"{{\"\"ImportId\"\":\"\"QID{}\"\"}}\"", i + 1)).collect();
        let body: String = table.iter().map(|r| r.join(",") + "\n").collect();
        let one = format!("{}\n{body}", text.join(","));
        let three = format!("{}\n{}\n{}\n{body}", codes.join(","), text.join(","), ids.join(","));
        let a = parse_survey(one.as_bytes(), &ImportOptions::default());
        let b = parse_survey(three.as_bytes(), &ImportOptions::default());
        match (a, b) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.respondents, b.respondents);
                prop_assert_eq!(a.columns.len(), b.columns.len());
                for (x, y) in a.columns.iter().zip(&b.columns) {
                    prop_assert_eq!(&x.name, &y.name);
                    prop_assert_eq!(x.kind, y.kind);
                    prop_assert_eq!(&x.values, &y.values);
                    prop_assert!(y.code.as_deref().is_some_and(|c| c.starts_with('Q')));
                }
                // Row ids count the two extra header rows.
                prop_assert_eq!(
                    b.ids.iter().map(|r| r.parse::<usize>().unwrap_or(0)).collect::<Vec<_>>(),
                    a.ids.iter().map(|r| r.parse::<usize>().unwrap_or(0) + 2).collect::<Vec<_>>()
                );
            }
            (Err(a), Err(b)) => {
                prop_assert_eq!(a.row().map(|r| r + 2), b.row());
            }
            (a, b) => prop_assert!(false, "one header row {:?}, three {:?}", a.is_ok(), b.is_ok()),
        }
    }
}
