//! Free text and categories (rule 9), and the distinct answers the other
//! rules look at.

use super::super::cells::FastMap;

use super::super::model::{Column, ColumnKind, Values};
use super::super::options::normalise;
use super::Answers;

/// Distinct answers by normalised form with their counts, first spelling
/// kept, first-seen order.
pub(super) fn distinct<'c>(present: &[(usize, &'c str)]) -> Vec<(String, &'c str, usize)> {
    let mut seen: FastMap<String, usize> = FastMap::default();
    let mut by_raw: FastMap<&str, usize> = FastMap::default();
    let mut out: Vec<(String, &str, usize)> = Vec::new();
    for &(_, cell) in present {
        if let Some(entry) = by_raw.get(cell).and_then(|&k| out.get_mut(k)) {
            entry.2 += 1;
            continue;
        }
        let n = normalise(cell);
        match seen.get(&n).copied() {
            Some(k) => {
                by_raw.insert(cell, k);
                if let Some(entry) = out.get_mut(k) {
                    entry.2 += 1;
                }
            }
            None => {
                by_raw.insert(cell, out.len());
                seen.insert(n.clone(), out.len());
                out.push((n, cell, 1));
            }
        }
    }
    out
}

pub(super) fn text(name: &str, n: usize, present: &[(usize, &str)]) -> Column {
    let mut values = vec![None; n];
    for &(i, cell) in present {
        if let Some(slot) = values.get_mut(i) {
            *slot = Some(cell.to_string());
        }
    }
    Column::new(name, ColumnKind::Text, Values::Text(values))
}

pub(super) fn categorical(name: &str, n: usize, answers: &Answers) -> Column {
    let mut levels: Vec<String> = Vec::new();
    let mut index: FastMap<String, u32> = FastMap::default();
    // Levels are met in first-seen order of the distinct values, which is
    // the rows' order.
    let level_of: Vec<u32> = answers
        .values
        .iter()
        .map(|&(cell, _)| {
            let next = levels.len() as u32;
            *index.entry(normalise(cell)).or_insert_with(|| {
                levels.push(cell.to_string());
                next
            })
        })
        .collect();
    let mut values = vec![None; n];
    for (i, k) in answers.rows() {
        if let Some(slot) = values.get_mut(i) {
            *slot = level_of.get(k).copied();
        }
    }
    let mut column = Column::new(name, ColumnKind::Categorical, Values::Levels(values));
    column.levels = Some(levels);
    column
}

pub(super) fn looks_like_text(answers: &Answers, distinct: &[(String, &str, usize)]) -> bool {
    let n = answers.len().max(1);
    let mut longest = 0;
    let mut chars = 0;
    let mut words = 0;
    for &(cell, count) in &answers.values {
        let length = cell.chars().count();
        longest = longest.max(length);
        chars += length * count;
        words += cell.split_whitespace().count() * count;
    }
    let mean = chars as f64 / n as f64;
    let words = words as f64 / n as f64;
    longest > 80
        || mean > 30.0
        || words > 5.0
        || distinct.len() > 30
        || (answers.len() >= 20 && distinct.len() * 2 > answers.len())
}
