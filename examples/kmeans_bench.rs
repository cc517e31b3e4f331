//! The native side of `bench/kmeans.mjs`: the same synthetic Likert matrix
//! (the same stateless generator as `bench/synthetic.mjs`), the same two
//! workloads, printed in the same format.
//!
//! `cargo run --release --example kmeans_bench -- ROWS [K] [ITERATIONS] [REPEATS]`
//!
//! Each figure is the median of REPEATS timed runs (default 5) after an
//! untimed one, as in the Node bench.

use std::time::Instant;

use citizen_segments::cluster::{MatrixOptions, kmeans_matrix};

const WIDTH: usize = 12;

fn unit(seed: u32, i: u32) -> f64 {
    let mut x = (i ^ seed)
        .wrapping_mul(0x9e37_79b1)
        .wrapping_add(0x7f4a_7c15);
    x = (x ^ (x >> 16)).wrapping_mul(0x85eb_ca6b);
    x = (x ^ (x >> 13)).wrapping_mul(0xc2b2_ae35);
    f64::from(x ^ (x >> 16)) / 4_294_967_296.0
}

fn likert_matrix(rows: usize, seed: u32) -> Vec<f64> {
    let mut out = vec![0.0; rows * WIDTH];
    for r in 0..rows {
        let base = (r * (WIDTH + 1)) as u32;
        let group = (unit(seed, base) * 6.0).floor() as usize;
        for c in 0..WIDTH {
            let centre = 1.0 + ((group * 7 + c * 3) % 5) as f64;
            let noise = unit(seed, base + c as u32 + 1) * 2.4 - 1.2;
            out[r * WIDTH + c] = (centre + noise).round().clamp(1.0, 5.0);
        }
    }
    out
}

fn initial_centroids(data: &[f64], k: usize) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::with_capacity(k * WIDTH);
    for row in data.chunks(WIDTH) {
        if out.len() == k * WIDTH {
            break;
        }
        if !out.chunks(WIDTH).any(|c| c == row) {
            out.extend_from_slice(row);
        }
    }
    out
}

/// Median milliseconds of `repeats` calls of `run` after an untimed one,
/// and the last result.
fn median_ms<T, E>(repeats: usize, run: impl Fn() -> Result<T, E>) -> Result<(f64, T), E> {
    let mut out = run()?;
    let mut times = Vec::with_capacity(repeats);
    for _ in 0..repeats {
        let start = Instant::now();
        out = run()?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Ok((times.get(times.len() / 2).copied().unwrap_or(0.0), out))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let rows = args.first().copied().unwrap_or(100_000);
    let k = args.get(1).copied().unwrap_or(6);
    let iterations = args.get(2).copied().unwrap_or(50) as u32;
    let repeats = args.get(3).copied().unwrap_or(5).max(1);
    let data = likert_matrix(rows, 2026);
    let init = initial_centroids(&data, k);
    let fixed = MatrixOptions {
        k: k as u32,
        restarts: 1,
        max_iterations: iterations,
        tolerance: 0.0,
        initial_centroids: Some(init),
        ..MatrixOptions::default()
    };
    let fit = MatrixOptions {
        k: k as u32,
        seed: 1,
        restarts: 1,
        ..MatrixOptions::default()
    };
    // Each figure: an untimed run (page faults, caches), then the median.
    let (ms, a) = median_ms(repeats, || kmeans_matrix(&data, WIDTH, &fixed))?;
    let per = ms / f64::from(a.iterations.max(1));
    let label = |what: &str| format!("{:<22} {:>9}  {:<34}", "citizen-segments rust", rows, what);
    println!(
        "{} {per:.2}",
        label(&format!("(a) ms/iteration ({} it)", a.iterations))
    );
    let (ms, b) = median_ms(repeats, || kmeans_matrix(&data, WIDTH, &fit))?;
    println!(
        "{} {ms:.1} / {} / {:.1}",
        label("(b) fit: ms / iterations / inertia"),
        b.iterations,
        b.inertia
    );
    Ok(())
}
