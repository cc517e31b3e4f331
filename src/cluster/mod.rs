//! k-means on the encoded answers: options, the algorithm, its errors.

mod algorithm;
mod errors;
mod hyperparams;
mod kernel;
mod lloyd;
mod matrix;
mod seeding;

pub use algorithm::{
    Clustering, KMeansSettings, StartBudget, check_fit, distinct_rows, impute_means, kmeans,
    kmeans_budgeted, kmeans_prepared, lloyd, nearest, partial_sq_distance, restart_seed,
};
pub use errors::SegmentError;
pub use hyperparams::{
    AutoK, KChoice, KPlan, MAX_K, SegmentOptions, SegmentParams, check_k_against_data,
    check_options,
};
pub use kernel::Prepared;
pub use matrix::{MatrixClustering, MatrixOptions, kmeans_matrix};
