//! What a k-means fit needs, and the checks of k against the data.

use super::errors::ClusterError;

/// The largest number of clusters allowed.
pub const MAX_K: u32 = 50;

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
    fn rejects_fewer_respondents_than_k() {
        let e = check_k_against_data(4, 3, 3).unwrap_err();
        assert!(e.to_string().contains("there are 3"), "{e}");
        assert!(check_k_against_data(3, 3, 3).is_ok());
    }
}
