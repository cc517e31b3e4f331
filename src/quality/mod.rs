//! How good and how stable a segmentation is: internal validity measures,
//! agreement between partitions, the scan over k and stability re-runs.

mod ari;
mod measures;
mod scan;
mod stability;

pub use ari::{adjusted_rand, best_jaccard};
pub use measures::{calinski_harabasz, davies_bouldin, silhouette, stratified_sample};
pub use scan::{K_RULE, KEdge, KScan, Quality, edge_of, evaluate, scan_k};
pub use stability::{Stability, stability};
