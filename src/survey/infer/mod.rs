//! Cells to typed columns: which kind each column holds, its scale, levels
//! or options, and the warnings about it.
//!
//! # Rules, in order (a `kinds` or `scales` option skips the guessing)
//!
//! 1. **id**: the `idColumn` option, else a column forced to `id`, else the
//!    first column named like `id`, `respondent`, `respondent_id`,
//!    `ResponseId` (case, spaces, `_` and `-` ignored). Ids must be present and
//!    unique.
//! 2. **metadata**: columns about the response rather than answers, from
//!    their names or codes and their values (see `metadata`): kept as text
//!    with the reason, never clustered by default.
//! 3. **multi (grouped)**: two or more columns named `prefix: option`,
//!    `prefix - option` or `prefix [option]` whose cells are all ticks
//!    (`1`, `yes`, `true`, `checked`, `x`, or the option's own text), non-ticks
//!    (`0`, `no`, `false`, `unchecked`), blank or missing. Without any explicit
//!    non-tick, a blank is "not ticked"; otherwise a respondent with nothing
//!    but blanks and missing codes is missing.
//! 4. A column whose answers are all missing is **text**.
//! 5. **likert (labelled)**: every answer belongs to one known label set
//!    (agreement, interest, likelihood, importance, satisfaction, frequency),
//!    or at least 90 % do and the rest become out-of-scale warnings (stored as
//!    missing).
//! 6. Numbers: if every answer is a number, integers within 1–5, 1–7, 1–10 or
//!    0–10 (not just 0/1) are **likert** on the smallest such scale, others
//!    **numeric**. With 20 or more answers, integers of which at least 95 %
//!    fit a scale are likert too, and the rest are out-of-scale warnings
//!    (stored as missing). Codes after the scale mean "Don't know" or
//!    "Refused" (8/9 after a scale within 1–6, 98/99 after 0–10) and are
//!    missing with a warning that counts them. A scale the question states
//!    in words ("1 to 5", "1 = Poor … 5 = Excellent", "6 = Don't know", see
//!    `stated`) wins when at least 80 % of the answers lie on it: answers
//!    off it (a `6` after "1-5") are then missing with a warning, never a
//!    new level; without such words a `6` is the top of a 6-point scale.
//!    If at least 90 % of the answers are numbers and
//!    the rest are not missing codes, the column is a numeric column with
//!    typos: an error names the first non-number.
//! 7. **multi (in one cell)**: some answers hold `;` or `|` (only `|` when the
//!    file is `;`-delimited) and the parts look like options (each at most
//!    60 characters and 5 words on average, at most 40 distinct, and repeated
//!    when there are more than 20 answers).
//! 8. **multi (joined with `, `)**: Google Sheets' checkboxes, split on
//!    the options seen (see `multi::comma_multi`).
//! 9. **text** when answers are long (longest over 80 characters, mean over
//!    30, or over 5 words on average) or mostly distinct (over 30 distinct, or
//!    over half distinct with 20 or more answers); otherwise **categorical**.
//!
//! A grid question's labelled rows (headers `stem [row]`, `stem - row`,
//! `stem: row`) then share the one known scale that holds all their
//! answers (see `grid`).
//!
//! Levels and options are kept in first-seen order and compared
//! case-insensitively (the first spelling wins).

mod grid;
mod ids;
mod labelled;
mod metadata;
mod multi;
mod numbers;
mod stated;
mod status;
#[cfg(test)]
mod tests;
mod text;
mod warnings;

use std::collections::HashMap;

use super::cells::{Cells, FastMap};
use super::error::{FileName, ImportError};
use super::model::{Column, ColumnKind, Values, Warning, WarningCode};
use super::options::{Checked, normalise};
use super::scales::{self, Labelled};
pub use grid::split_grid;
use ids::{id_column, id_index};
use labelled::labelled;
use multi::{Group, comma_multi, find_groups, grouped_multi, in_cell_multi, multi_separator};
pub(crate) use numbers::parse_number;
use numbers::{forced_likert, numbers, numeric_column};
pub(crate) use status::response_status;
use text::{categorical, distinct, looks_like_text, text};
use warnings::column_warnings;

/// The cells of the file, column-major and trimmed, with the spreadsheet row
/// of each data row.
pub(crate) struct Table {
    pub headers: Vec<String>,
    /// The tool's short code of each column, when the file has a row of them.
    pub codes: Vec<Option<String>>,
    pub columns: Vec<Cells>,
    pub rows: Vec<usize>,
    pub delimiter: u8,
}

/// What inference produces.
pub(crate) struct Inferred {
    pub columns: Vec<Column>,
    pub ids: Vec<String>,
    pub id_column: Option<String>,
}

/// Numeric Likert scales tried, smallest first.
struct Ctx<'a> {
    opts: &'a Checked,
    rows: &'a [usize],
    decimal_comma: bool,
    warnings: &'a mut Vec<Warning>,
}

impl Ctx<'_> {
    fn file(&self) -> FileName {
        self.opts.file.clone()
    }

    fn row(&self, i: usize) -> usize {
        self.rows.get(i).copied().unwrap_or(i + 2)
    }

    fn is_missing(&self, cell: &str) -> bool {
        self.opts.is_missing(cell)
    }

    fn warn(&mut self, code: WarningCode, column: &str, row: Option<usize>, message: String) {
        self.warnings.push(Warning {
            code,
            column: Some(column.to_string()),
            row,
            message,
        });
    }
}

/// Infers every column of `table`.
pub(crate) fn infer(
    table: &Table,
    opts: &Checked,
    warnings: &mut Vec<Warning>,
) -> Result<Inferred, ImportError> {
    let mut ctx = Ctx {
        opts,
        rows: &table.rows,
        decimal_comma: table.delimiter == b';',
        warnings,
    };
    check_named_columns(table, opts, None)?;
    let groups = find_groups(table, &mut ctx);
    check_named_columns(table, opts, Some(&groups))?;
    let id_index = id_index(table, opts);
    let (mut columns, ids) = infer_columns(table, &groups, id_index, &mut ctx)?;
    grid::share_grid_scales(&mut columns, &|name| opts.scales.contains_key(name));
    for column in &columns {
        column_warnings(column, table.rows.len(), &mut ctx);
    }
    let id_column = if ids.is_some() {
        id_index.and_then(|i| table.headers.get(i)).cloned()
    } else {
        None
    };
    let ids = ids.unwrap_or_else(|| table.rows.iter().map(|r| r.to_string()).collect());
    Ok(Inferred {
        columns,
        ids,
        id_column,
    })
}

/// Every column an option names must exist: `idColumn` and `scales` before
/// the groups are known (`groups` is `None`), `kinds` after (a kind may name
/// a group's prefix).
fn check_named_columns(
    table: &Table,
    opts: &Checked,
    groups: Option<&[Group]>,
) -> Result<(), ImportError> {
    let unknown = |option: &'static str, column: &str| ImportError::UnknownColumn {
        file: opts.file.clone(),
        option,
        column: column.to_string(),
    };
    let has = |name: &str| table.headers.iter().any(|h| h == name);
    let Some(groups) = groups else {
        if let Some(id) = &opts.id_column {
            if !has(id) {
                return Err(unknown("idColumn", id));
            }
        }
        for name in opts.scales.keys() {
            if !has(name) {
                return Err(unknown("scales", name));
            }
        }
        return Ok(());
    };
    for name in opts.kinds.keys() {
        if !has(name) && !groups.iter().any(|g| &g.prefix == name) {
            return Err(unknown("kinds", name));
        }
    }
    Ok(())
}

/// The columns in file order (a group where its first member stands), and
/// the ids when an id column was found.
fn infer_columns(
    table: &Table,
    groups: &[Group],
    id_index: Option<usize>,
    ctx: &mut Ctx,
) -> Result<(Vec<Column>, Option<Vec<String>>), ImportError> {
    let mut grouped_at: HashMap<usize, usize> = HashMap::new();
    let mut in_group = vec![false; table.headers.len()];
    for (g, group) in groups.iter().enumerate() {
        if let Some(&first) = group.members.first() {
            grouped_at.insert(first, g);
        }
        for &m in &group.members {
            if let Some(flag) = in_group.get_mut(m) {
                *flag = true;
            }
        }
    }
    let other_of: HashMap<usize, &str> = groups
        .iter()
        .flat_map(|g| g.others.iter().map(|&i| (i, g.prefix.as_str())))
        .collect();
    let opts = ctx.opts;
    let mut columns = Vec::new();
    let mut ids = None;
    for (i, (name, cells)) in table.headers.iter().zip(&table.columns).enumerate() {
        if let Some(group) = grouped_at.get(&i).and_then(|&g| groups.get(g)) {
            let mut column = grouped_multi(table, group, ctx);
            column.code = group_code(table, group);
            columns.push(column);
            continue;
        }
        if let Some(question) = other_of.get(&i) {
            let mut column = single(name, None, cells, Some(ColumnKind::Text), None, ctx)?;
            column.other_of = Some(question.to_string());
            column.code = table.codes.get(i).cloned().flatten();
            columns.push(column);
            continue;
        }
        if in_group.get(i).copied().unwrap_or(false) {
            continue;
        }
        let forced = if Some(i) == id_index {
            Some(ColumnKind::Id)
        } else {
            opts.kinds.get(name).copied()
        };
        let code = table.codes.get(i).and_then(Option::as_deref);
        let mut column = if forced == Some(ColumnKind::Id) {
            let column = id_column(name, cells, ctx)?;
            if ids.is_none() {
                if let Values::Text(v) = &column.values {
                    ids = Some(v.iter().map(|s| s.clone().unwrap_or_default()).collect());
                }
            }
            column
        } else {
            single(name, code, cells, forced, opts.scales.get(name), ctx)?
        };
        column.code = code.map(str::to_string);
        columns.push(column);
    }
    Ok((columns, ids))
}

/// A group's code: its first member's code without the option's part
/// (`Q2_1` → `Q2`, `Q1[SQ001]` → `Q1`).
fn group_code(table: &Table, group: &Group) -> Option<String> {
    let first = group.members.first()?;
    let code = table.codes.get(*first)?.as_deref()?;
    let cut = code.rfind(['_', '['])?;
    code.get(..cut)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
}

/// One column that is not in a group: the caller's scale, else the caller's
/// kind, else the rules 4–9.
fn single(
    name: &str,
    code: Option<&str>,
    cells: &Cells,
    forced: Option<ColumnKind>,
    caller_scale: Option<&Vec<String>>,
    ctx: &mut Ctx,
) -> Result<Column, ImportError> {
    let n = cells.len();
    // Each distinct cell is checked against the missing codes once.
    let missing: Vec<bool> = (0..cells.distinct())
        .map(|code| ctx.is_missing(cells.value(code)))
        .collect();
    let mut present: Vec<(usize, &str)> = Vec::with_capacity(n);
    present.extend((0..n).filter_map(|r| {
        let code = cells.code(r)?;
        (!missing[code]).then(|| (r, cells.value(code)))
    }));

    let answers = Answers::new(cells, present);

    if let Some(labels) = caller_scale {
        return Ok(labelled(
            name,
            n,
            &answers,
            &Labelled::from_labels(labels),
            true,
            ctx,
        ));
    }
    match forced {
        Some(kind) if kind != ColumnKind::Id => forced_column(name, n, &answers, kind, ctx),
        _ => match metadata::by_name(name, code)
            .or_else(|| metadata::by_values(&answers.present, answers.all_distinct()))
        {
            Some(reason) => Ok(metadata_column(name, n, &answers.present, reason)),
            None => guessed_column(name, cells, &answers, ctx),
        },
    }
}

/// A column's present answers, row by row and once per distinct value: the
/// rules that only look at values work on `values`, weighted by their counts,
/// and map back to rows through `of_present`.
pub(super) struct Answers<'c> {
    /// `(row, cell)` of each present answer, in row order.
    pub present: Vec<(usize, &'c str)>,
    /// Each distinct present value with the number of rows holding it, in
    /// first-seen order. The same text may come twice when the column keeps
    /// a value per row (see `exact`).
    pub values: Vec<(&'c str, usize)>,
    /// For each entry of `present`, its value's index in `values`.
    pub of_present: Vec<u32>,
    /// No two entries of `values` hold the same text.
    exact: bool,
}

impl<'c> Answers<'c> {
    fn new(cells: &'c Cells, present: Vec<(usize, &'c str)>) -> Self {
        let mut index = vec![u32::MAX; cells.distinct()];
        let mut values: Vec<(&str, usize)> = Vec::new();
        let mut of_present = Vec::with_capacity(present.len());
        for &(r, cell) in &present {
            let slot = cells.code(r).and_then(|code| index.get_mut(code));
            let k = match slot {
                Some(k) if *k != u32::MAX => *k,
                other => {
                    let k = values.len() as u32;
                    values.push((cell, 0));
                    if let Some(slot) = other {
                        *slot = k;
                    }
                    k
                }
            };
            if let Some(entry) = values.get_mut(k as usize) {
                entry.1 += 1;
            }
            of_present.push(k);
        }
        Answers {
            present,
            values,
            of_present,
            exact: cells.keeps_table(),
        }
    }

    /// Number of present answers.
    pub fn len(&self) -> usize {
        self.present.len()
    }

    /// True when no two present answers are the same text.
    fn all_distinct(&self) -> bool {
        if self.exact {
            self.values.len() == self.present.len()
        } else {
            metadata::all_distinct(&self.present)
        }
    }

    /// Row and value index of each present answer.
    pub fn rows(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.present
            .iter()
            .zip(&self.of_present)
            .map(|(&(r, _), &k)| (r, k as usize))
    }
}

/// A column of the kind the caller gave.
fn forced_column(
    name: &str,
    n: usize,
    answers: &Answers,
    kind: ColumnKind,
    ctx: &mut Ctx,
) -> Result<Column, ImportError> {
    let present = &answers.present;
    Ok(match kind {
        ColumnKind::Categorical => categorical(name, n, answers),
        ColumnKind::Multi => {
            let sep = multi_separator(answers, ctx).map_or('|', |(s, _)| s);
            in_cell_multi(name, n, answers, sep)
        }
        ColumnKind::Numeric => {
            let values = numbers(name, n, present, ctx)?;
            Column::new(name, ColumnKind::Numeric, Values::Numbers(values.into()))
        }
        ColumnKind::Likert => match scales::recognise(&distinct(present)) {
            Some(scale) => labelled(name, n, answers, &scale, false, ctx),
            None => forced_likert(name, n, present, ctx)?,
        },
        ColumnKind::Text | ColumnKind::Id => text(name, n, present),
        ColumnKind::Metadata => metadata_column(name, n, present, "set by the kinds option".into()),
    })
}

/// A metadata column: its answers kept as text, with the reason.
fn metadata_column(name: &str, n: usize, present: &[(usize, &str)], reason: String) -> Column {
    Column {
        kind: ColumnKind::Metadata,
        reason: Some(reason),
        ..text(name, n, present)
    }
}

/// A column whose kind is guessed by the rules 4–9.
fn guessed_column(
    name: &str,
    cells: &Cells,
    answers: &Answers,
    ctx: &mut Ctx,
) -> Result<Column, ImportError> {
    let n = cells.len();
    let present = &answers.present;
    if present.is_empty() {
        return Ok(text(name, n, present));
    }
    let distinct = distinct_answers(answers);
    if let Some(scale) = scales::recognise(&distinct) {
        return Ok(labelled(name, n, answers, &scale, false, ctx));
    }
    // Each distinct answer is parsed once.
    let numbers: Vec<Option<f64>> = (0..cells.distinct())
        .map(|code| parse_number(cells.value(code), ctx.decimal_comma))
        .collect();
    let parsed: Vec<Option<f64>> = present
        .iter()
        .map(|&(r, _)| cells.code(r).and_then(|code| numbers[code]))
        .collect();
    let numeric = parsed.iter().filter(|v| v.is_some()).count();
    if numeric == present.len() {
        return Ok(numeric_column(name, n, present, &parsed, ctx));
    }
    if numeric * 10 >= present.len() * 9 {
        if let Some((i, cell)) = present
            .iter()
            .zip(&parsed)
            .find(|(_, v)| v.is_none())
            .map(|(p, _)| *p)
        {
            return Err(ImportError::NotANumber {
                file: ctx.file(),
                row: ctx.row(i),
                column: name.into(),
                value: cell.into(),
            });
        }
    }
    if let Some((sep, true)) = multi_separator(answers, ctx) {
        return Ok(in_cell_multi(name, n, answers, sep));
    }
    if let Some(column) = comma_multi(name, n, answers) {
        return Ok(column);
    }
    if looks_like_text(answers, &distinct) {
        return Ok(text(name, n, present));
    }
    Ok(categorical(name, n, answers))
}

/// What [`distinct`] gives for the present answers, from their distinct
/// values and counts: each distinct value is normalised once.
fn distinct_answers<'c>(answers: &Answers<'c>) -> Vec<(String, &'c str, usize)> {
    let mut out: Vec<(String, &str, usize)> = Vec::new();
    let mut seen: FastMap<String, usize> = FastMap::default();
    for &(cell, count) in &answers.values {
        let n = normalise(cell);
        match seen.get(&n) {
            Some(&k) => out[k].2 += count,
            None => {
                seen.insert(n.clone(), out.len());
                out.push((n, cell, count));
            }
        }
    }
    out
}
