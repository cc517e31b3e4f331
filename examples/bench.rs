//! Native timing of `segment` on a synthetic survey.
//!
//! `cargo run --release --example bench -- 5000` (respondents; default 2000).
//! Sixteen 1–5 Likert items, four planted segments, 5% missing answers, all
//! from a fixed seed.

use std::time::Instant;

use citizen_segments::testing::{likert, survey};
use citizen_segments::{SegmentOptions, segment};
use rand_xoshiro::Xoshiro256Plus;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let items = 16;
    let mut rng = Xoshiro256Plus::seed_from_u64(7);
    let mut uniform = move || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    let mut columns: Vec<Vec<Option<f64>>> = (0..items).map(|_| Vec::with_capacity(n)).collect();
    for i in 0..n {
        let group = i % 4;
        for (q, column) in columns.iter_mut().enumerate() {
            let centre = if q % 4 == group { 4.5 } else { 2.0 };
            let x = (centre + (uniform() - 0.5) * 2.5).round().clamp(1.0, 5.0);
            column.push((uniform() >= 0.05).then_some(x));
        }
    }
    let s = survey(
        columns
            .iter()
            .enumerate()
            .map(|(q, v)| likert(&format!("q{q}"), v, 1.0, 5.0))
            .collect(),
    );
    let start = Instant::now();
    let result = segment(&s, &SegmentOptions::default()).expect("segmentation");
    let elapsed = start.elapsed();
    println!(
        "{n} respondents × {items} items: k = {}, silhouette {:?}, mean ARI {:?}, {:.2?}",
        result.k,
        result.quality.silhouette,
        result.stability.map(|s| s.mean_ari),
        elapsed
    );
}
