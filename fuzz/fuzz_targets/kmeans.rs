//! `kmeans` on an arbitrary matrix, width and options must give a
//! clustering or a typed error: never a panic. A clustering labels every row
//! with its nearest returned centroid.
#![no_main]

use arbitrary::Arbitrary;
use citizen_segments::cluster::{MatrixOptions, kmeans_matrix, nearest};
use libfuzzer_sys::fuzz_target;
use ndarray::ArrayView2;

/// A cell: mostly small numbers (so rows repeat and clusters form), some
/// missing, some anything at all.
#[derive(Arbitrary, Debug)]
enum Cell {
    Small(i8),
    Missing,
    Any(f64),
}

impl Cell {
    fn value(&self) -> f64 {
        match self {
            Cell::Small(x) => f64::from(*x),
            Cell::Missing => f64::NAN,
            Cell::Any(x) => *x,
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Input {
    width: u8,
    k: u8,
    seed: u32,
    restarts: u8,
    max_iterations: u16,
    tolerance: f64,
    initial: Option<Vec<Cell>>,
    cells: Vec<Cell>,
}

fuzz_target!(|input: Input| {
    let data: Vec<f64> = input.cells.iter().map(Cell::value).collect();
    let width = usize::from(input.width % 12);
    let options = MatrixOptions {
        k: u32::from(input.k % 12),
        seed: input.seed,
        // Kept small for speed; the limits are tested in the crate.
        restarts: u32::from(input.restarts % 4),
        max_iterations: u32::from(input.max_iterations % 200),
        tolerance: input.tolerance,
        initial_centroids: input
            .initial
            .as_ref()
            .map(|cells| cells.iter().map(Cell::value).collect()),
    };
    let Ok(result) = kmeans_matrix(&data, width, &options) else {
        return;
    };
    let rows = data.len() / width;
    let k = options.k as usize;
    assert_eq!(result.clusters.len(), rows);
    assert_eq!(result.centroids.len(), k * width);
    assert!(!result.inertia.is_nan(), "inertia is NaN");
    let matrix = ArrayView2::from_shape((rows, width), &data[..]).expect("shape");
    let centroids = ArrayView2::from_shape((k, width), &result.centroids[..]).expect("shape");
    for (row, &c) in matrix.rows().into_iter().zip(&result.clusters) {
        assert!((c as usize) < k);
        let (j, _) = nearest(row, centroids).expect("every row has a value");
        assert_eq!(j, c as usize, "row labelled {c}, nearest {j}");
    }
});
