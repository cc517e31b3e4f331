//! A grid question's rows share one rating scale. Each column's labelled
//! scale is recognised from its own answers, so a row that never got
//! "Somewhat agree" reads as the 5-point agreement scale while its siblings
//! read as the 7-point one, and "Agree" would be 4 in one row and 6 in the
//! next. Once every column is read, the rows of one grid (headers sharing a
//! stem, see [`split_grid`]) are put on the one known scale that holds the
//! answers of them all.

use std::collections::BTreeMap;

use super::super::model::{Column, ColumnKind, Scale, Values};
use super::super::options::normalise;
use super::super::scales::{Labelled, recognise};

/// Splits a grid question's header into its stem and its row:
/// `"Q [Row]"`, `"Q - Row"` (or an en dash), `"Q: Row"`; `None` when the
/// header has no such shape.
pub fn split_grid(header: &str) -> Option<(&str, &str)> {
    let header = header.trim();
    if let Some(inner) = header.strip_suffix(']')
        && let Some(open) = inner.rfind('[')
    {
        return Some((inner[..open].trim(), inner[open + 1..].trim()));
    }
    [" - ", " \u{2013} ", ": "].iter().find_map(|sep| {
        header
            .rfind(sep)
            .map(|i| (header[..i].trim(), header[i + sep.len()..].trim()))
    })
}

/// The labels a column's answers use, with how many answers use each.
fn used_labels(column: &Column) -> Option<Vec<(String, usize)>> {
    let (Some(scale), Values::Numbers(values)) = (&column.scale, &column.values) else {
        return None;
    };
    let mut counts = vec![0usize; scale.labels.len()];
    for v in values.iter().flatten() {
        *counts.get_mut((v as usize).checked_sub(1)?)? += 1;
    }
    Some(
        scale
            .labels
            .iter()
            .zip(counts)
            .filter(|(_, c)| *c > 0)
            .map(|(l, c)| (l.clone(), c))
            .collect(),
    )
}

/// Puts the labelled Likert columns of each grid (two or more sharing a
/// stem) on the one known scale holding all their answers, when their own
/// scales differ. Columns whose scale the caller gave (`given`) are left as
/// they are, and so is a grid whose answers no one known scale holds.
pub(super) fn share_grid_scales(columns: &mut [Column], given: &dyn Fn(&str) -> bool) {
    let mut grids: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in columns.iter().enumerate() {
        let labelled = c.scale.as_ref().is_some_and(|s| !s.labels.is_empty());
        if c.kind == ColumnKind::Likert && labelled && !given(&c.name) {
            if let Some((stem, _)) = split_grid(&c.name) {
                grids.entry(stem.to_string()).or_default().push(i);
            }
        }
    }
    for members in grids.values().filter(|m| m.len() > 1) {
        let labels = |i: usize| columns[i].scale.as_ref().map(|s| s.labels.len());
        if members.iter().all(|&i| labels(i) == labels(members[0])) {
            continue;
        }
        let mut answers: Vec<(String, String, usize)> = Vec::new();
        for &i in members {
            for (label, count) in used_labels(&columns[i]).unwrap_or_default() {
                let norm = normalise(&label);
                match answers.iter_mut().find(|a| a.0 == norm) {
                    Some(a) => a.2 += count,
                    None => answers.push((norm, label, count)),
                }
            }
        }
        let view: Vec<(String, &str, usize)> = answers
            .iter()
            .map(|(n, w, c)| (n.clone(), w.as_str(), *c))
            .collect();
        let Some(shared) = recognise(&view).filter(|l| holds_all(l, &answers)) else {
            continue;
        };
        for &i in members {
            move_to(&mut columns[i], &shared);
        }
    }
}

fn holds_all(shared: &Labelled, answers: &[(String, String, usize)]) -> bool {
    answers
        .iter()
        .all(|(_, written, _)| shared.position(written).is_some())
}

/// Re-codes a column's answers from its own scale to `shared` (by label).
fn move_to(column: &mut Column, shared: &Labelled) {
    let Some(old) = column.scale.as_ref().map(|s| s.labels.clone()) else {
        return;
    };
    if let Values::Numbers(values) = &mut column.values {
        *values = values
            .iter()
            .map(|v| {
                let label = old.get((v? as usize).checked_sub(1)?)?;
                shared.position(label).map(|p| 1.0 + p as f64)
            })
            .collect();
    }
    column.scale = Some(Scale {
        min: 1.0,
        max: shared.labels.len() as f64,
        labels: shared.labels.clone(),
    });
}
