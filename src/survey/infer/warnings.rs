//! Warnings about a whole column once its kind is known: mostly missing,
//! constant.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::super::cells::FastHasher;
use super::super::model::{Column, ColumnKind, Values, WarningCode};
use super::Ctx;

pub(super) fn column_warnings(column: &Column, respondents: usize, ctx: &mut Ctx) {
    if matches!(column.kind, ColumnKind::Id | ColumnKind::Metadata) || respondents == 0 {
        return;
    }
    let name = column.name.as_str();
    if column.missing * 10 >= respondents * 9 {
        ctx.warn(
            WarningCode::MostlyMissing,
            name,
            None,
            format!(
                "column {name:?}: {} of {respondents} answers are missing",
                column.missing
            ),
        );
    }
    let answered = respondents.saturating_sub(column.missing);
    let distinct = match &column.values {
        Values::Numbers(v) => v.distinct(),
        Values::Levels(v) => {
            let mut d: Vec<u32> = v.iter().flatten().copied().collect();
            d.sort_unstable();
            d.dedup();
            d.len()
        }
        Values::Sets(v) => {
            let mut d: HashSet<&[u32], BuildHasherDefault<FastHasher>> = HashSet::default();
            d.extend(v.iter().flatten().map(Vec::as_slice));
            d.len()
        }
        Values::Text(v) => {
            let mut d: HashSet<&str, BuildHasherDefault<FastHasher>> = HashSet::default();
            d.extend(v.iter().flatten().map(String::as_str));
            d.len()
        }
    };
    if answered >= 2 && distinct == 1 {
        ctx.warn(
            WarningCode::ConstantColumn,
            name,
            None,
            format!(
                "column {name:?}: every answer is the same, so it cannot tell respondents apart"
            ),
        );
    }
}

/// One warning for the answers of column `name` at `indices` (positions
/// among the respondents, in order) that were read as missing: how many,
/// why, and the first one's row and value. A file with a million of them
/// gives one warning, not a million. `why` is said of one answer, then of
/// several ("is outside …", "are outside …").
pub(super) fn missing_answers(
    ctx: &mut Ctx,
    name: &str,
    indices: &[usize],
    first: &str,
    why: [&str; 2],
) {
    let Some(&i) = indices.first() else {
        return;
    };
    let row = ctx.row(i);
    let count = indices.len();
    let (answers, why) = if count == 1 {
        ("answer", why[0])
    } else {
        ("answers", why[1])
    };
    ctx.warn(
        WarningCode::OutOfScale,
        name,
        Some(row),
        format!(
            "column {name:?}: {count} {answers} {why}, read as missing (the first in row {row}: {first:?})"
        ),
    );
}
