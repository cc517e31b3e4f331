//! What a k-means fit needs, and the checks of k against the data.

use super::errors::ClusterError;

/// The largest number of clusters allowed.
pub const MAX_K: u32 = 50;

/// The most k-means restarts allowed (per k, and per stability run).
pub const MAX_RESTARTS: u32 = 100;

/// The most Lloyd iterations allowed per restart.
pub const MAX_ITERATIONS: u32 = 10_000;

/// The largest magnitude of a value k-means takes: squared distances summed
/// over many rows and features stay far from overflowing to infinity (which
/// made linfa's k-means++ panic on values near `f64::MAX`: a fuzz finding).
pub const MAX_VALUE: f64 = 1e100;

/// What one k-means fit needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KMeansSettings {
    /// Number of clusters (>= 1, at most the number of distinct rows).
    pub k: usize,
    /// Seed.
    pub seed: u32,
    /// Restarts (>= 1).
    pub restarts: u32,
    /// Iteration cap per restart (>= 1).
    pub max_iterations: u32,
    /// Relative tolerance (> 0).
    pub tolerance: f64,
}

/// Refuse `restarts` and `maxIterations` above their limits, so that no
/// setting can make a fit take minutes.
pub fn check_limits(restarts: u32, max_iterations: u32) -> Result<(), ClusterError> {
    if restarts > MAX_RESTARTS {
        return Err(ClusterError::AboveLimit {
            option: "restarts",
            value: restarts,
            max: MAX_RESTARTS,
        });
    }
    if max_iterations > MAX_ITERATIONS {
        return Err(ClusterError::AboveLimit {
            option: "maxIterations",
            value: max_iterations,
            max: MAX_ITERATIONS,
        });
    }
    Ok(())
}

/// Check a fixed `k` against the respondents that can be clustered and their
/// distinct answer patterns.
pub fn check_k_against_data(
    k: u32,
    respondents: usize,
    distinct: usize,
) -> Result<(), ClusterError> {
    if (respondents as u64) < k as u64 {
        return Err(ClusterError::TooFewRespondents {
            k,
            respondents: respondents as u32,
        });
    }
    if (distinct as u64) < k as u64 {
        return Err(ClusterError::KAboveDistinct {
            k,
            distinct: distinct as u32,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_k_above_distinct_patterns() {
        let e = check_k_against_data(3, 10, 2).unwrap_err();
        assert_eq!(e, ClusterError::KAboveDistinct { k: 3, distinct: 2 });
        assert!(e.to_string().contains("2 distinct answer patterns"));
    }

    #[test]
    fn rejects_restarts_and_iterations_above_their_limits() {
        assert!(check_limits(MAX_RESTARTS, MAX_ITERATIONS).is_ok());
        let e = check_limits(u32::MAX, 1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "restarts must be at most 100, got 4294967295"
        );
        let e = check_limits(1, MAX_ITERATIONS + 1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "maxIterations must be at most 10000, got 10001"
        );
    }

    #[test]
    fn rejects_fewer_respondents_than_k() {
        let e = check_k_against_data(4, 3, 3).unwrap_err();
        assert!(e.to_string().contains("there are 3"), "{e}");
        assert!(check_k_against_data(3, 3, 3).is_ok());
    }
}
