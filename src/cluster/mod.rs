//! k-means on matrices: the settings of a fit, the algorithm, its errors.
//! Knows nothing of surveys or segments, and uses no other module of the crate.

mod algorithm;
mod errors;
mod hyperparams;
mod kernel;
mod lloyd;
mod matrix;
mod seeding;

pub use algorithm::{
    Clustering, DEFAULT_START_BUDGET, START_PASSES, StartBudget, check_fit, distinct_rows,
    impute_means, kmeans, kmeans_prepared, kmeans_starts, lloyd, nearest, partial_sq_distance,
    restart_seed, select_rows, start_cost, starts_for,
};
pub use errors::ClusterError;
pub use hyperparams::{
    KMeansSettings, MAX_ITERATIONS, MAX_K, MAX_RESTARTS, MAX_VALUE, check_k_against_data,
    check_limits,
};
pub use kernel::Prepared;
pub use matrix::{MatrixClustering, MatrixOptions, kmeans_matrix};
