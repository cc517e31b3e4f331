//! Warnings about a whole column once its kind is known: mostly missing,
//! constant.

use super::super::model::{Column, ColumnKind, Values, WarningCode};
use super::Ctx;

pub(super) fn column_warnings(column: &Column, respondents: usize, ctx: &mut Ctx) {
    if column.kind == ColumnKind::Id || respondents == 0 {
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
        Values::Numbers(v) => {
            let mut d: Vec<u64> = v.iter().flatten().map(|x| x.to_bits()).collect();
            d.sort_unstable();
            d.dedup();
            d.len()
        }
        Values::Levels(v) => {
            let mut d: Vec<u32> = v.iter().flatten().copied().collect();
            d.sort_unstable();
            d.dedup();
            d.len()
        }
        Values::Sets(v) => {
            let mut d: Vec<&Vec<u32>> = v.iter().flatten().collect();
            d.sort();
            d.dedup();
            d.len()
        }
        Values::Text(v) => {
            let mut d: Vec<&String> = v.iter().flatten().collect();
            d.sort();
            d.dedup();
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
