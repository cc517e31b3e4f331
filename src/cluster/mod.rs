//! k-means on the encoded answers: options, the algorithm, its errors.

mod algorithm;
mod errors;
mod hyperparams;
mod matrix;

pub use algorithm::{
    Clustering, KMeansSettings, MAX_VALUE, distinct_rows, impute_means, kmeans, lloyd, nearest,
    partial_sq_distance, restart_seed,
};
pub use errors::SegmentError;
pub use hyperparams::{
    AutoK, KChoice, KPlan, MAX_ITERATIONS, MAX_K, MAX_RESTARTS, MAX_STABILITY_RUNS, SegmentOptions,
    SegmentParams, check_k_against_data, check_limits, check_options,
};
pub use matrix::{MatrixClustering, MatrixOptions, kmeans_matrix};
