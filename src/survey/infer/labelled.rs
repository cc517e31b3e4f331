//! Labelled rating scales (rule 5): answers on a known or caller-given label
//! set, stored as `1 + position`.

use super::super::model::{Column, ColumnKind, Scale, Values};
use super::super::scales::Labelled;
use super::numbers::{answers_at, parse_number};
use super::warnings::missing_answers;
use super::{Answers, Ctx};

pub(super) fn labelled(
    name: &str,
    n: usize,
    answers: &Answers,
    scale: &Labelled,
    from_caller: bool,
    ctx: &mut Ctx,
) -> Column {
    let count = scale.labels.len();
    // Each distinct answer is looked up once.
    let positions: Vec<Option<usize>> = answers
        .values
        .iter()
        .map(|&(cell, _)| {
            scale.position(cell).or_else(|| {
                // The caller's scale also accepts the positions written as 1..=n.
                parse_number(cell, ctx.decimal_comma)
                    .filter(|v| from_caller && v.fract() == 0.0 && *v >= 1.0 && *v <= count as f64)
                    .map(|v| v as usize - 1)
            })
        })
        .collect();
    let position = |k: usize| positions.get(k).copied().flatten();
    let mut off: (Vec<usize>, &str) = (Vec::new(), "");
    for (i, k) in answers.rows().filter(|&(_, k)| position(k).is_none()) {
        if off.0.is_empty() {
            off.1 = answers.values.get(k).map_or("", |v| v.0);
        }
        off.0.push(i);
    }
    let on_scale = answers
        .rows()
        .filter_map(|(i, k)| Some((i, 1.0 + position(k)? as f64)));
    let values = answers_at(n, on_scale);
    missing_answers(
        ctx,
        name,
        &off.0,
        off.1,
        [
            "is not on the column's scale",
            "are not on the column's scale",
        ],
    );
    let mut column = Column::new(name, ColumnKind::Likert, Values::Numbers(values));
    column.scale = Some(Scale {
        min: 1.0,
        max: count as f64,
        labels: scale.labels.clone(),
    });
    column
}
